"""The window as a user meets it: title, menus, status bar, opening files, settings, the keymap."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from timeline_app.model import actions
from timeline_app.paths import shipped_chronology
from timeline_app.ui.app import key_docs, keymap
from timeline_app.ui.app import launch as app_module
from timeline_app.ui.app.launch import initial_path
from timeline_app.ui.app.main_window import MainWindow
from timeline_app.ui.app.settings import Settings

from ..conftest import EVENTS_YAML, detail_text, press, write_chronology


# -- what the window shows -------------------------------------------------------------------------
def test_title_shows_the_chronology_and_its_path(window: MainWindow, small_chronology: Path) -> None:
    assert window.windowTitle() == f"Test chronology — {small_chronology} — Timeline"


def test_menus_have_the_standard_shortcuts(window: MainWindow) -> None:
    assert list(window.menus) == ["File", "View", "Go", "Help"]
    acts = window.key_actions

    def keys(name: str) -> list[QKeySequence]:
        return acts[name].shortcuts()

    assert QKeySequence(QKeySequence.StandardKey.Open) in keys("open-file")
    assert QKeySequence("Ctrl+O") in keys("open-file")
    assert QKeySequence("Ctrl+Q") in keys("quit")
    assert QKeySequence("F11") in keys("full-screen")
    assert QKeySequence("F5") in keys("reload") and QKeySequence("Ctrl+R") in keys("reload")
    # the platform's own keys for Find, Refresh and Help, whatever they are on this system
    for name, standard in (("open-search", "Find"), ("reload", "Refresh"), ("help", "HelpContents")):
        for seq in QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, standard)):
            assert seq in keys(name), (name, seq.toString())
    file_menu = [a.objectName() for a in window.menus["File"].actions() if not a.isSeparator()]
    assert file_menu == [
        "open-file", "open-folder", "open-recent", "reload", "cancel-load", "export-image", "export-shown", "compare",
        "export-pdf", "print", "quit"
    ]  # fmt: skip
    go_menu = {a.objectName() for a in window.menus["Go"].actions()}
    assert {"next-event", "prev-event", "back", "forward", "first-event", "last-event"} <= go_menu
    help_menu = [a.text() for a in window.menus["Help"].actions() if not a.isSeparator()]
    assert help_menu == ["Keyboard shortcuts", "About Timeline"]
    lanes = [a.text().split("\t") for a in window.lanes_menu.actions() if a.isCheckable()]
    assert lanes == [["Planning", "1"], ["Transport", "2"], ["Ecology", "3"]]


def test_status_bar_after_loading(window: MainWindow) -> None:
    assert window.count_label.text() == "7 of 7 events in view"
    assert " – " in window.range_label.text()
    assert not window.problems_button.isVisible()


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "q", Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_full_screen_toggles(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.isFullScreen()


# -- the keymap: one table for the window, the overlay and the docs --------------------------------
def test_every_window_binding_is_an_action_with_its_keys(window: MainWindow) -> None:
    for b in keymap.window_bindings():
        act = window.key_actions[b.name]
        for k in b.keys:
            assert QKeySequence(k) in act.shortcuts(), (b.name, k)
        assert act.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def test_no_key_is_bound_twice(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for b in keymap.window_bindings():
        for seq in keymap.sequences(b):
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} is bound to {seen.get(text)} and {b.name}"
            seen[text] = b.name


def test_the_overlay_lists_every_binding(qtbot, window: MainWindow) -> None:
    window.toggle_help()
    text = window.help.text()
    for row in key_docs.rows():
        assert row.description in text, row.description
        for k in row.keys:
            assert k in text, k


@pytest.mark.parametrize("doc", key_docs.documents_with_keys(), ids=lambda p: p.name)
def test_documented_keys_agree_with_the_keymap(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert key_docs.KEYS_MD_BEGIN in text
    assert key_docs.update_keys_md(text) == text, "run: python -m timeline_app.ui.app.key_docs"


def test_update_keys_md_appends_then_replaces() -> None:
    once = key_docs.update_keys_md("# Keys\n\nIntro.\n")
    assert once.startswith("# Keys\n\nIntro.\n\n" + key_docs.KEYS_MD_BEGIN)
    assert key_docs.update_keys_md(once) == once
    stale = once.replace("Next event", "Old words")
    assert key_docs.update_keys_md(stale) == once


# -- opening files ---------------------------------------------------------------------------------
def test_opening_a_bad_file_keeps_the_current_chronology(window: MainWindow, tmp_path: Path) -> None:
    actions.go_to_event(window.state, "symposium-2014")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "events:\n  - id: x\n    title: X\n    start: 2014-02-30\n    category: nope\n", encoding="utf-8"
    )
    assert not window.open_path(bad)
    assert window.state.chronology.title == "Test chronology"
    assert window.state.selected_event_id == "symposium-2014"
    assert "First symposium" in detail_text(window)
    assert window.errors.isVisible()
    lines = window.errors.lines()
    assert any(line.startswith(f"{bad}:4:12: ") or ":4:" in line for line in lines), lines
    assert all(line.count(":") >= 3 for line in lines)
    assert "Still showing" in window.errors.header.text()
    assert window.problems_button.isVisible() and window.problems_button.text().endswith("problems")
    assert window.windowTitle().startswith("Test chronology — ")


def test_open_file_from_the_menu(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write_chronology(tmp_path / "other")
    (other / "events.yaml").write_text(EVENTS_YAML.replace("Winter Games", "Summer Games"), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    press(qtbot, window, "o", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.path == other
    actions.last_event(window.state)
    assert "Summer Games" in detail_text(window)


def test_open_file_dialog(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    single = tmp_path / "one.yaml"
    single.write_text(
        "chronology: {title: One file}\ncategories: [{id: c, name: C, color: '#123456'}]\n"
        "events: [{id: e, title: Only event, start: 2020-05-01, category: c}]\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(single), ""))
    press(qtbot, window, "o", Qt.KeyboardModifier.ControlModifier)
    assert window.windowTitle() == f"One file — {single} — Timeline"
    assert window.state.selection is None, "a new chronology starts with nothing selected"
    press(qtbot, window, Qt.Key.Key_Right)
    assert "1 May 2020" in detail_text(window)


def test_initial_load_failure_opens_the_window_with_the_problems(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    folder = write_chronology(tmp_path / "broken")
    (folder / "events.yaml").write_text(
        EVENTS_YAML.replace("start: 2015-04-30", "start: 2015-13-30"), encoding="utf-8"
    )
    w = make_window(folder)
    assert not w.loaded
    assert w.errors.isVisible()
    assert any("events.yaml:" in line and "month 13" in line for line in w.errors.lines()), w.errors.lines()
    assert "Could not open" in w.errors.header.text()
    assert str(folder) in w.windowTitle()


def test_an_unexpected_loader_failure_is_a_problem_not_a_crash(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import timeline_app.ui.app.document as document_module

    def broken(_path: object, **_options: object) -> None:
        raise RecursionError("too deep")

    monkeypatch.setattr(document_module, "load_chronology", broken)
    assert not window.open_path(tmp_path)
    assert window.errors.lines() == [f"{tmp_path}: could not be read: RecursionError: too deep"]
    assert window.state.chronology.title == "Test chronology"
    assert "loading" in caplog.text


def test_drop_a_folder_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other = write_chronology(tmp_path / "dropped")
    (other / "00-meta.yaml").write_text(
        (other / "00-meta.yaml").read_text(encoding="utf-8").replace("Test chronology", "Dropped"),
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    ev = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(ev)
    qtbot.waitUntil(lambda: window.path == other)
    assert window.windowTitle().startswith("Dropped — ")


def test_the_app_never_writes_to_the_data_files(qtbot, window: MainWindow, small_chronology: Path) -> None:
    files = sorted(small_chronology.iterdir())
    before = {f: (f.stat().st_mtime_ns, f.read_bytes()) for f in files}
    for key in (Qt.Key.Key_Right, Qt.Key.Key_End, Qt.Key.Key_1, Qt.Key.Key_F5):
        press(qtbot, window, key)
    window.close()
    assert sorted(small_chronology.iterdir()) == files
    assert {f: (f.stat().st_mtime_ns, f.read_bytes()) for f in files} == before


def test_export_view_as_image(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "view"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    press(qtbot, window, "e", Qt.KeyboardModifier.ControlModifier)
    png = tmp_path / "view.png"
    assert png.exists() and png.read_bytes()[:4] == b"\x89PNG"


def test_export_refuses_to_overwrite_a_chronology_file(
    window: MainWindow, small_chronology: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = small_chronology / "events.yaml"
    before = own.read_bytes()
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(own.with_suffix(".png")), ""))
    window.state.set_chronology(window.state.chronology)  # unchanged
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    # a chronology whose file list names the target
    from dataclasses import replace

    window.state.set_chronology(replace(window.state.chronology, files=(str(own.with_suffix(".png")),)))
    window.export_image()
    assert warned and "chronology's own files" in warned[0]
    assert own.read_bytes() == before


def test_problems_can_be_copied_and_opened(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events: [\n", encoding="utf-8")
    window.open_path(bad)
    lines = window.errors.lines()
    assert lines and lines[0].startswith(f"{bad}:")
    window.errors.copy_all()
    assert QApplication.clipboard().text() == "\n".join(lines) + "\n"
    lst = window.errors.list
    lst.setFocus()
    lst.setCurrentRow(0)
    QApplication.clipboard().clear()
    qtbot.keyClick(lst, "c", Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == lines[0] + "\n"
    opened: list[str] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    assert opened == [str(bad)]
    assert window.state.selection is None, "Enter in the problems list is the list's"


def test_the_problems_panel_can_be_hidden_and_shown_again(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.open_path(tmp_path / "missing.yaml")
    assert window.errors.isVisible() and window.problems_button.isVisible()
    window.problems_button.click()
    assert not window.errors.isVisible() and window.problems_button.isVisible()
    window.problems_button.click()
    assert window.errors.isVisible()


def test_try_again_opens_the_file_once_it_is_fixed(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "later"
    assert not window.open_path(other)
    write_chronology(other)
    window.errors.retry_button.click()
    assert window.path == other and not window.errors.isVisible()


# -- settings --------------------------------------------------------------------------------------
def test_settings_round_trip(
    qtbot, make_window: Callable[..., MainWindow], small_chronology: Path, isolated_settings: Path
) -> None:
    w = make_window(small_chronology)
    press(qtbot, w, "2")
    w.splitter.setSizes([700, 500])
    sizes = w.splitter.sizes()
    w.close()
    assert (isolated_settings / "timeline-app.ini").exists()

    again = make_window(None)  # no path: the last one opened
    assert again.path is not None and again.path.resolve() == small_chronology.resolve()
    assert again.state.hidden_lanes == {"transport"}
    assert again.splitter.sizes() == sizes
    lane_actions = [a for a in again.lanes_menu.actions() if a.isCheckable()]
    assert [a.isChecked() for a in lane_actions] == [True, False, True]


def test_window_size_is_remembered(qtbot) -> None:
    from PySide6.QtCore import QSize

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 540)  # within the offscreen screen (800x600)
    qtbot.waitUntil(lambda: first.size() == QSize(720, 540))
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == QSize(720, 540)


def test_hidden_lanes_are_remembered_per_chronology(tmp_path: Path) -> None:
    s = Settings()
    s.set_hidden_lanes(tmp_path / "a", {"x", "y"})
    s.set_hidden_lanes(tmp_path / "b", {"z"})
    assert s.hidden_lanes(tmp_path / "a") == {"x", "y"}
    assert s.hidden_lanes(tmp_path / "b") == {"z"}
    s.set_hidden_lanes(tmp_path / "a", set())
    assert s.hidden_lanes(tmp_path / "a") == frozenset()


def test_settings_live_in_the_folder_the_tests_chose(isolated_settings: Path) -> None:
    s = Settings()
    assert Path(s.file_name()).parent == isolated_settings


def test_initial_path_falls_back_to_the_shipped_chronology(tmp_path: Path) -> None:
    s = Settings()
    assert initial_path(None, s) == shipped_chronology()
    s.set_last_path(tmp_path / "gone")
    assert initial_path(None, s) == shipped_chronology(), "a last path that no longer exists is skipped"
    assert initial_path(tmp_path, s) == tmp_path


# -- errors inside slots ---------------------------------------------------------------------------
def test_an_error_in_a_slot_is_shown_with_details(qtbot, window: MainWindow, monkeypatch) -> None:
    """While the app runs, an exception raised in a slot opens a dialog with the traceback."""
    from PySide6.QtGui import QAction

    from timeline_app.ui.app import startup_errors

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda self: shown.append((self.informativeText(), self.detailedText())) or 0
    )

    def broken() -> None:
        raise ValueError("boom")

    act = QAction("broken", window)
    act.triggered.connect(broken)
    startup_errors.install()
    try:
        act.trigger()  # Qt hands the exception leaving the slot to sys.excepthook
    finally:
        startup_errors.uninstall()
    assert shown and shown[0][0].startswith("ValueError: boom")
    assert "Traceback" in shown[0][1] and "boom" in shown[0][1]
    assert window.isVisible(), "the app keeps running"


def test_create_application_names_the_app() -> None:
    app = app_module.create_application([])
    assert app is QApplication.instance()


def test_run_opens_the_window_and_returns_when_it_closes(qtbot, small_chronology: Path) -> None:
    from PySide6.QtCore import QTimer

    seen: list[str] = []

    def close_it() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen.append(w.windowTitle())
                w.close()

    hook = sys.excepthook
    QTimer.singleShot(200, close_it)
    assert app_module.run(str(small_chronology)) == 0
    assert seen == [f"Test chronology — {small_chronology} — Timeline"]
    assert sys.excepthook is hook, "the hook is put back"


def test_run_reports_a_window_that_cannot_be_built(monkeypatch, small_chronology: Path) -> None:
    from timeline_app.ui.app import startup_errors

    reported: list[str] = []
    monkeypatch.setattr(
        startup_errors, "report", lambda t, e, tb, where="": reported.append(f"{t.__name__}: {e}")
    )

    def fail(*_a: object, **_k: object) -> MainWindow:
        raise RuntimeError("no window today")

    monkeypatch.setattr(app_module, "create_main_window", fail)
    assert app_module.run(str(small_chronology)) == 1
    assert reported == ["RuntimeError: no window today"]


# -- the shipped chronology ------------------------------------------------------------------------
def test_the_shipped_chronology_browses(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    assert w.state.chronology.events
    press(qtbot, w, Qt.Key.Key_Home)
    first = w.state.chronology.events[0]
    assert w.state.selected_event_id == first.id
    assert first.title in detail_text(w)
    assert first.start.words() in detail_text(w)
    for _ in range(5):
        press(qtbot, w, Qt.Key.Key_Right)
    assert w.state.selected_event_id == w.state.chronology.events[5].id
    total = len(w.state.chronology.events)
    assert w.count_label.text().endswith(f"of {total} events in view")


def test_click_on_an_event_selects_it(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    canvas = w.canvas
    ev = w.state.chronology.events[3]
    actions.go_to_event(w.state, ev.id)
    actions.focus_selection(w.state)
    w.state.clear_selection()
    qtbot.waitUntil(lambda: canvas.event_scene_pos(ev.id) is not None)
    pos = canvas.canvas_to_viewport(canvas.event_scene_pos(ev.id)).toPoint()
    w.detail.setFocus()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.state.selected_event_id == ev.id
    assert ev.title in detail_text(w)
    assert w.current_pane() is canvas, "a click in the timeline gives it the focus"
    press(qtbot, w, Qt.Key.Key_Right)
    assert w.state.selected_event_id == w.state.chronology.events[4].id


# -- recent chronologies -----------------------------------------------------------------------------
def _recent(window: MainWindow) -> list[tuple[str, bool]]:
    window._rebuild_recent_menu()  # what the menu shows when it opens
    return [(a.text(), a.isEnabled()) for a in window.recent_menu.actions() if not a.isSeparator()]


def test_open_recent_lists_what_was_opened_and_opens_it(
    qtbot, window: MainWindow, small_chronology: Path, tmp_path: Path
) -> None:
    other = write_chronology(tmp_path / "other & more")
    (other / "events.yaml").write_text(EVENTS_YAML.replace("Winter Games", "Summer Games"), encoding="utf-8")
    assert window.open_path(other)
    items = _recent(window)
    assert items[0] == (f"&1  other && more  —  {tmp_path}", True)
    assert items[1] == (f"&2  {small_chronology.name}  —  {small_chronology.parent}", True)
    assert items[-1] == ("&Clear the list", True)
    # the second entry opens the first chronology again, which moves to the top
    recent = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.statusTip() for a in recent] == [str(other), str(small_chronology)]
    recent[1].trigger()
    assert window.path is not None and window.path.resolve() == small_chronology.resolve()
    titles = {e.title for e in window.state.chronology.events}
    assert "Winter Games" in titles and "Summer Games" not in titles
    assert [a.data() for a in window.recent_menu.actions() if a.data()] == [str(small_chronology), str(other)]


def test_open_recent_greys_out_what_is_gone_and_can_be_cleared(
    qtbot, window: MainWindow, small_chronology: Path, tmp_path: Path
) -> None:
    gone = write_chronology(tmp_path / "gone")
    assert window.open_path(gone)
    assert window.open_path(small_chronology)
    for f in gone.iterdir():
        f.unlink()
    gone.rmdir()
    items = _recent(window)
    assert items[1] == (f"&2  gone  —  {tmp_path}  (missing)", False)
    window.recent_menu.actions()[-1].trigger()  # Clear the list
    assert _recent(window) == [("No chronologies opened yet", False), ("&Clear the list", False)]
    assert window.path is not None and window.path.resolve() == small_chronology.resolve()  # still shown


def test_recent_paths_are_kept_in_the_settings(tmp_path: Path) -> None:
    from timeline_app.ui.app.settings import RECENT_KEPT

    s = Settings()
    assert s.recent_paths() == []
    s.set_last_path(tmp_path / "before")
    assert s.recent_paths() == [str(tmp_path / "before")]  # kept before there was a list
    for k in range(RECENT_KEPT + 3):
        s.add_recent_path(tmp_path / f"c{k}")
    s.add_recent_path(tmp_path / "c5")  # again: to the top, not twice
    paths = s.recent_paths()
    assert (
        len(paths) == RECENT_KEPT
        and paths[0] == str(tmp_path / "c5")
        and paths.count(str(tmp_path / "c5")) == 1
    )
    assert paths[1] == str(tmp_path / f"c{RECENT_KEPT + 2}")
    s.store.setValue("files/recent", "not json")
    assert s.recent_paths() == [str(tmp_path / "before")]
    s.clear_recent_paths()
    assert s.recent_paths() == []
