"""Live reload: the files change on disk and the window follows, keeping the last good chronology
while the files are broken."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from timeline_app.model import actions
from timeline_app.ui.app.file_watcher import ChronologyWatcher
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import EVENTS_YAML, detail_text, press

TIMEOUT = 5000


def replace_file(path: Path, text: str) -> None:
    """Save the way many editors do: write a new file, then rename it over the old one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_good_then_broken_then_fixed(qtbot, window: MainWindow, small_chronology: Path) -> None:
    events = small_chronology / "events.yaml"
    actions.go_to_event(window.state, "winter-games")

    # good -> broken: the last good chronology stays, the problems appear with file:line:col
    broken = EVENTS_YAML.replace("start: 2022-02-04", "start: 2022-02-31")
    events.write_text(broken, encoding="utf-8")
    qtbot.waitUntil(lambda: window.errors.isVisible(), timeout=TIMEOUT)
    lines = window.errors.lines()
    line_no = broken.splitlines().index("    start: 2022-02-31") + 1
    assert any(f"events.yaml:{line_no}:12: " in line and "February" in line for line in lines), lines
    assert "Still showing the last version" in window.errors.header.text()
    assert window.state.chronology.event("winter-games") is not None
    assert window.state.selected_event_id == "winter-games"
    assert "Winter Games" in detail_text(window)
    assert window.problems_button.isVisible()

    # broken -> fixed: the panel goes, the new content shows, the selection survives
    events.write_text(
        EVENTS_YAML.replace("title: Winter Games", "title: Winter Olympic Games"), encoding="utf-8"
    )
    qtbot.waitUntil(lambda: not window.errors.isVisible(), timeout=TIMEOUT)
    assert window.state.selected_event_id == "winter-games"
    qtbot.waitUntil(lambda: "Winter Olympic Games" in detail_text(window), timeout=TIMEOUT)
    assert not window.problems_button.isVisible()


def test_a_file_saved_by_replacement_is_still_watched(
    qtbot, window: MainWindow, small_chronology: Path
) -> None:
    events = small_chronology / "events.yaml"
    for n in (1, 2, 3):
        replace_file(events, EVENTS_YAML.replace("title: Winter Games", f"title: Winter Games {n}"))
        qtbot.waitUntil(
            lambda n=n: window.state.chronology.event("winter-games").title == f"Winter Games {n}",
            timeout=TIMEOUT,
        )
    assert str(events) in window.watcher.watched_paths()


def test_a_single_file_chronology_saved_by_replacement(qtbot, make_window, tmp_path: Path) -> None:
    f = tmp_path / "one.yaml"
    body = (
        "chronology: {title: One}\ncategories: [{id: c, name: C, color: '#123456'}]\n"
        "events: [{id: e, title: %s, start: 2020-05-01, category: c}]\n"
    )
    f.write_text(body % "First", encoding="utf-8")
    w = make_window(f)
    actions.go_to_event(w.state, "e")
    replace_file(f, body % "Second")
    qtbot.waitUntil(lambda: "Second" in detail_text(w), timeout=TIMEOUT)
    replace_file(f, body % "Third")
    qtbot.waitUntil(lambda: "Third" in detail_text(w), timeout=TIMEOUT)


def test_a_burst_of_writes_reloads_once(qtbot, window: MainWindow, small_chronology: Path) -> None:
    events = small_chronology / "events.yaml"
    loads: list[str] = []
    failures: list[str] = []
    window.chronology_loaded.connect(loads.append)
    window.load_failed.connect(failures.append)
    half = EVENTS_YAML[: len(EVENTS_YAML) // 2]
    for i in range(5):  # an editor writing a file in pieces: the half-written states must not show
        events.write_text(half, encoding="utf-8")
        qtbot.wait(20)
        events.write_text(EVENTS_YAML.replace("Winter Games", f"Games {i}"), encoding="utf-8")
        qtbot.wait(20)
    qtbot.waitUntil(lambda: len(loads) == 1, timeout=TIMEOUT)
    qtbot.wait(500)
    assert loads == [str(small_chronology)] and failures == []
    assert not window.errors.isVisible()
    assert window.state.chronology.event("winter-games").title == "Games 4"


def test_a_new_file_in_the_folder_is_picked_up(qtbot, window: MainWindow, small_chronology: Path) -> None:
    (small_chronology / "more.yaml").write_text(
        "events:\n  - {id: extra, title: Extra event, start: 2024-02-26, category: planning}\n",
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: window.state.chronology.event("extra") is not None, timeout=TIMEOUT)
    press(qtbot, window, Qt.Key.Key_End)
    assert "Extra event" in detail_text(window)


def test_an_unrelated_file_does_not_reload(qtbot, window: MainWindow, small_chronology: Path) -> None:
    loads: list[str] = []
    window.chronology_loaded.connect(loads.append)
    (small_chronology / ".events.yaml.swp").write_bytes(b"\0swap")
    (small_chronology / "notes.txt").write_text("not a chronology", encoding="utf-8")
    qtbot.wait(800)
    assert loads == []


def test_f5_reloads(qtbot, window: MainWindow, small_chronology: Path) -> None:
    loads: list[str] = []
    window.chronology_loaded.connect(loads.append)
    press(qtbot, window, Qt.Key.Key_F5)
    assert loads == [str(small_chronology)]


def test_a_deleted_file_shows_a_problem_and_coming_back_clears_it(
    qtbot, window: MainWindow, small_chronology: Path
) -> None:
    indicators = small_chronology / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    indicators.unlink()
    # the symposium refers to the indicator that was in the deleted file
    qtbot.waitUntil(lambda: window.errors.isVisible(), timeout=TIMEOUT)
    assert any("pm25-beijing" in line for line in window.errors.lines()), window.errors.lines()
    assert window.state.chronology.indicator("pm25-beijing") is not None, "the last good chronology stays"
    indicators.write_text(text, encoding="utf-8")
    qtbot.waitUntil(lambda: not window.errors.isVisible(), timeout=TIMEOUT)


def test_watcher_debounces_and_compares(qtbot, tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text("a", encoding="utf-8")
    w = ChronologyWatcher(debounce_ms=100)
    hits: list[int] = []
    w.changed.connect(lambda: hits.append(1))
    w.watch(f)
    assert str(f) in w.watched_paths() and str(tmp_path) in w.watched_paths()
    for i in range(5):
        f.write_text("b" * (i + 2), encoding="utf-8")
        qtbot.wait(10)
    qtbot.waitUntil(lambda: hits == [1], timeout=TIMEOUT)
    qtbot.wait(300)
    assert hits == [1]
    w.stop()
    assert w.watched_paths() == []
