"""Go to date, end to end: Ctrl+G or the search field, a date typed, Enter; then what is in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline_app.model.dates import PartialDate
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def first(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


def last(text: str) -> float:
    return float(PartialDate.parse(text).end_day())


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_ctrl_g_a_month_shows_that_month(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_G, CTRL)
    dialog = window.nav.goto_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    type_text(qtbot, "2017-04")
    assert dialog.message.text() == "Enter: go to April 2017"
    press(qtbot, window, K.Key_Return)
    assert not dialog.isVisible()
    r = window.state.range
    assert r.start < first("2017-04") and r.end > last("2017-04")
    assert r.span < 40, "a month is shown at the precision of a month"
    assert "March 2017" in window.range_label.text() and "May 2017" in window.range_label.text()
    # Back returns to the view left
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert QApplication.focusWidget() is window.canvas
    press(qtbot, window, K.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.state.range.span > 3000


def test_ctrl_g_a_range_and_a_year_bce(qtbot, window: MainWindow) -> None:
    for text, lo, hi in (("2014..2016", "2014", "2016"), ("44 BCE", "44 BCE", "44 BCE")):
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        press(qtbot, window, K.Key_G, CTRL)
        qtbot.waitUntil(lambda: window.nav.goto_dialog is not None and window.nav.goto_dialog.isVisible())
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.nav.goto_dialog.field)
        type_text(qtbot, text)
        press(qtbot, window, K.Key_Return)
        r = window.state.range
        assert r.start < first(lo) < last(hi) < r.end
        assert r.span < (last(hi) - first(lo)) * 1.2
    assert "45 BCE – " in window.range_label.text() and window.range_label.text().endswith("43 BCE")


def test_ctrl_g_a_wrong_date_is_said_in_place(qtbot, window: MainWindow) -> None:
    before = window.state.range
    press(qtbot, window, K.Key_G, CTRL)
    dialog = window.nav.goto_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    type_text(qtbot, "2017-13")
    assert dialog.message.text().startswith("Not a date:")
    press(qtbot, window, K.Key_Return)
    assert dialog.isVisible(), "the dialog stays open with the problem said"
    assert dialog.message.text().startswith("Not a date:")
    assert window.state.range == before
    press(qtbot, window, K.Key_Escape)
    assert not dialog.isVisible()
    assert window.state.range == before


def test_a_date_typed_in_the_search_field_goes_there_on_enter(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    assert QApplication.focusWidget() is window.search.field
    type_text(qtbot, "2015")
    assert window.search.count.text().startswith("Enter: go to 2015")
    press(qtbot, window, K.Key_Return)
    r = window.state.range
    assert r.start < first("2015") and r.end > last("2015") and r.span < 450
    # words are still searched for
    window.search.field.clear()
    type_text(qtbot, "symposium")
    press(qtbot, window, K.Key_Return)
    assert window.state.selected_event_id == "symposium-2014"
