"""Saved views, as a user keeps them: Ctrl+D, a name, Enter; later the list, Enter, and the same
dates, selection, filters and plots are back. Kept per chronology in the settings; exported and
imported as a small JSON file; drawn by ``timeline-app render --view``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from timeline_app.cli import main as cli_main
from timeline_app.model import actions
from timeline_app.model.filters import EventFilter
from timeline_app.model.saved_views import loads
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(QApplication.focusWidget(), text)


def open_views(qtbot, w: MainWindow):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    press(qtbot, w, K.Key_D, CTRL)
    d = w.nav.views.dialog
    assert d is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.name)
    return d


def test_save_a_view_and_return_to_it_by_keyboard(qtbot, window: MainWindow) -> None:
    st = window.state
    actions.go_to_date(st, "2014..2016")
    st.set_event_filter(EventFilter(places=frozenset({"Beijing"})))
    actions.go_to_event(st, "symposium-2014")
    saved_range = st.range
    d = open_views(qtbot, window)
    type_text(qtbot, "Symposium years")
    press(qtbot, window, K.Key_Return)
    assert d.names() == ["Symposium years"]
    assert d.message.text() == "Saved “Symposium years”."
    assert d.list.item(0).text().startswith("Symposium years — ")
    assert "1 filter · a selection" in d.list.item(0).text()
    press(qtbot, window, K.Key_Escape)
    # move away: everything, no filter, nothing selected
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    press(qtbot, window, K.Key_Escape)
    press(qtbot, window, "0")
    st.set_event_filter(EventFilter())
    assert st.selection is None and not st.range.close_to(saved_range)
    # back to it: Ctrl+D, Tab to the list, Enter
    d = open_views(qtbot, window)
    press(qtbot, window, K.Key_Tab)
    assert QApplication.focusWidget() is d.list
    press(qtbot, window, K.Key_Return)
    assert not d.isVisible()
    assert st.range.close_to(saved_range)
    assert st.selected_event_id == "symposium-2014"
    assert window.filter_bar.chip_texts() == ["Place: Beijing"]
    # Go ▸ Saved views lists it, numbered for the keyboard
    window.nav.views.rebuild_menu()
    assert [a.text() for a in window.nav.views.menu.actions()] == ["&1  Symposium years"]


def test_delete_export_import_and_kept_in_the_settings(
    qtbot, make_window: Callable[..., MainWindow], small_chronology: Path, tmp_path: Path
) -> None:
    w = make_window(small_chronology)
    actions.go_to_date(w.state, "2017")
    d = open_views(qtbot, w)
    type_text(qtbot, "one")
    press(qtbot, w, K.Key_Return)
    actions.go_to_date(w.state, "2022")
    type_text(qtbot, "two")
    press(qtbot, w, K.Key_Return)
    assert d.names() == ["one", "two"]
    out = tmp_path / "views.json"
    assert d.export_to(out)
    assert [v.name for v in loads(out.read_text(encoding="utf-8"))] == ["one", "two"]
    assert json.loads(out.read_text(encoding="utf-8"))["timeline_app_views"] == 1
    # never over one of the chronology's own files
    own = small_chronology / "events.yaml"
    before = own.read_bytes()
    assert not d.export_to(own)
    assert own.read_bytes() == before
    assert "own files" in d.message.text()
    # Delete on the list removes the current one
    press(qtbot, w, K.Key_Tab)
    assert QApplication.focusWidget() is d.list
    d.list.setCurrentRow(0)
    press(qtbot, w, K.Key_Delete)
    assert d.names() == ["two"]
    assert d.message.text() == "Removed “one”."
    # import brings it back; a file that is not views says so in place
    assert d.import_from(out)
    assert d.names() == ["two", "one"]
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert not d.import_from(bad)
    assert d.message.text().startswith("Could not import bad.json:")
    w.close()
    again = make_window(small_chronology)
    assert [v.name for v in again.nav.views.saved_views()] == ["two", "one"]


def test_render_view_from_a_file_and_by_name(
    qtbot, window: MainWindow, small_chronology: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    actions.go_to_date(window.state, "2017")
    window.nav.views.save_current_view("rail")
    views = tmp_path / "views.json"
    views.write_text(json.dumps({"views": [window.nav.views.saved_views()[0].to_data()]}), encoding="utf-8")
    png = tmp_path / "view.png"
    assert cli_main(["render", str(small_chronology), "--out", str(png), "--view", str(views)]) == 0
    assert QImage(str(png)).width() == 1600
    full = tmp_path / "full.png"
    assert cli_main(["render", str(small_chronology), "--out", str(full)]) == 0
    assert QImage(str(png)) != QImage(str(full)), "the view's year, not the whole chronology"
    by_name = tmp_path / "by-name.png"
    assert cli_main(["render", str(small_chronology), "--out", str(by_name), "--view", "RAIL"]) == 0
    assert by_name.exists()
    assert cli_main(["render", str(small_chronology), "--out", str(png), "--view", "nope"]) == 2
    assert "no saved view named 'nope' (the views: rail)" in capsys.readouterr().err
