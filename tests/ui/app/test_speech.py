"""Search, status bar and panes as a screen reader receives them: names that keep their values,
announcements as you type and choose, the focus event before the caret's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press
from .conftest import Sent

K = Qt.Key
Name = QAccessible.Text.Name


def name_of(widget) -> str:  # type: ignore[no-untyped-def]
    return str(QAccessible.queryAccessibleInterface(widget).text(Name))


def test_status_values_are_read_with_their_captions(qtbot, window: MainWindow) -> None:
    dates = name_of(window.range_label)
    assert dates.startswith("Visible dates: ") and window.range_label.text() in dates
    assert name_of(window.count_label) == "Events in view: 7 of 7 events in view"


def test_slash_selects_the_old_query_to_type_over(qtbot, window: MainWindow) -> None:
    # the order of the focus and caret events themselves is checked under AT-SPI
    # (tests/atspi/atspi_session.py): Qt sends them past Python
    window.search.field.setText("old words")
    window.canvas.setFocus()
    press(qtbot, window, "/")
    field = window.search.field
    assert field.hasFocus()
    qtbot.waitUntil(lambda: field.selectedText() == "old words")
    qtbot.keyClicks(field, "sym")
    assert field.text() == "sym"


def test_typing_announces_the_count_and_enter_the_match(qtbot, window: MainWindow, sent: Sent) -> None:
    press(qtbot, window, "/")
    field = window.search.field
    qtbot.keyClicks(field, "sym")
    qtbot.waitUntil(lambda: bool(sent.announcements()), timeout=3000)
    assert sent.announcements() == ["Number of matches: 2 events match · Enter: next"]
    assert name_of(window.search.count) == "Number of matches: 2 events match · Enter: next"
    qtbot.keyClick(field, K.Key_Return)
    assert (
        sent.announcements()[-1] == "First symposium on coordinated development, 26 February 2014, Planning"
    )
    qtbot.keyClick(field, K.Key_Down)
    assert sent.announcements()[-1].startswith("Intercity railway opens, 2017")
    # typing on: one announcement when typing pauses, not one per key
    n = len(sent.announcements())
    qtbot.keyClicks(field, "posium first")
    qtbot.waitUntil(lambda: len(sent.announcements()) > n, timeout=3000)
    qtbot.wait(700)
    assert sent.announcements()[n:] == ["Number of matches: 1 event match · Enter: next"]


def test_the_keys_overlay_is_a_dialog_whose_text_is_read(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "?")
    assert window.help.isVisible() and window.help.hasFocus()
    iface = QAccessible.queryAccessibleInterface(window.help)
    assert iface.role() == QAccessible.Role.Dialog
    assert iface.text(Name) == "Keyboard shortcuts"
    said = iface.text(QAccessible.Text.Description)
    assert said.startswith("Esc or ? closes this.")
    assert "Next event" in said and "Move the caret through the text" in said


def test_detail_pane_arrows_move_its_caret_not_the_selection(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Right)
    assert window.state.selected_event_id == "symposium-2014"
    window.focus_detail()
    detail = window.detail
    assert detail.hasFocus()
    iface = QAccessible.queryAccessibleInterface(detail)
    assert iface.text(QAccessible.Text.Description) == (
        "First symposium on coordinated development, 26 February 2014"
    )
    text = detail.toPlainText()
    assert "\ufdd0" not in text and "\ufdd1" not in text, "no table frame markers in the read text"
    assert "Lane: ■ Planning" in text
    before = detail.textCursor().position()
    press(qtbot, window, K.Key_Down)
    press(qtbot, window, K.Key_Right)
    assert window.state.selected_event_id == "symposium-2014", "the arrows stay in the pane"
    assert detail.textCursor().position() > before
    press(qtbot, window, K.Key_Tab)
    assert detail.focused_link()
    assert detail.last_announcement.startswith("Link: ")
    assert ". Go to event: " in detail.last_announcement or ". Web page: " in detail.last_announcement


def test_lane_names_keep_their_ampersand_in_menus(qtbot, shipped_window: MainWindow) -> None:
    menu = shipped_window.lanes_menu
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("Industry && innovation") for t in texts), texts
    iface = QAccessible.queryAccessibleInterface(menu)
    names = [iface.child(i).text(Name) for i in range(iface.childCount())]
    assert any(n.startswith("Industry & innovation") for n in names), names


def test_v_says_the_view_and_the_selection(qtbot, window: MainWindow, sent: Sent) -> None:
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, "v")
    said = sent.announcements()[-1]
    assert said.startswith("Showing ") and " of 7 events. Selected: Clean air action plan, " in said
    assert window.statusBar().currentMessage() == said
