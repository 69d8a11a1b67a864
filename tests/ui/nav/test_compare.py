"""Compare with another version, from the keyboard: the differences listed and drawn under the
timeline, n / F8 and Shift+N to step through them, Esc to leave."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from timeline_app.model.dates import PartialDate
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import EVENTS_YAML, press, write_chronology

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier

WETLAND = """  - id: wetland
    title: Wetland restoration
    start: 2016-03
    ongoing: true
    approximate: true
    category: ecology
"""
RING_ROAD = """  - id: ring-road
    title: Capital ring road closes its loop
    start: 2018-05
    category: transport
"""


def older_version(folder: Path) -> Path:
    """The small chronology as it was before four edits: no wetland event yet (added since), a
    ring road event (removed since), the railway dated 2016 (re-dated since), the Games under
    another title (re-worded since)."""
    write_chronology(folder)
    text = EVENTS_YAML.replace(WETLAND, "").replace("start: 2017\n", "start: 2016\n")
    text = text.replace("title: Winter Games", "title: Winter Olympics") + RING_ROAD
    assert text.count("start: 2016\n") == 1 and "Winter Olympics" in text
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    return folder


def day(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


def test_compare_lists_and_steps_through_the_differences(qtbot, window: MainWindow, tmp_path: Path) -> None:
    old = older_version(tmp_path / "old")
    before = (old / "events.yaml").read_bytes()
    panel = window.compare.panel
    assert panel.isHidden()
    assert window.compare.compare_with(old)
    assert panel.isVisible()
    assert panel.header.text().startswith("Compared with old: 1 added · 1 removed · 1 re-dated · 1 re-worded")
    assert panel.lines() == [
        "+ Wetland restoration (March 2016) — added",
        "↔ Intercity railway opens (2017) — re-dated",
        "− Capital ring road closes its loop (May 2018) — removed",
        "≠ Winter Games (4 February 2022) — re-worded",
    ]
    assert "start: 2016 → 2017" in panel.list.item(1).text()
    assert "title: Winter Olympics → Winter Games" in panel.list.item(3).text()
    window.canvas.setFocus()
    press(qtbot, window, "n")
    assert window.state.selected_event_id == "wetland"
    press(qtbot, window, "n")
    assert window.state.selected_event_id == "rail-2017"
    assert panel.list.currentRow() == 1
    press(qtbot, window, K.Key_F8)
    # a removed event is not in the version shown: nothing selected, its date brought into view
    assert window.state.selected_event_id is None
    assert window.state.range.contains(day("2018-05-16"))
    assert panel.list.currentRow() == 2
    press(qtbot, window, "N", SHIFT)
    assert window.state.selected_event_id == "rail-2017"
    # the strip draws the re-dated event from its old date to its new one
    strip = panel.strip
    assert strip.x_of(day("2016-07-02")) < strip.x_of(day("2017-07-02"))
    press(qtbot, window, K.Key_Escape)
    assert panel.isHidden()
    press(qtbot, window, "n")
    assert window.statusBar().currentMessage().startswith("Not comparing")
    assert (old / "events.yaml").read_bytes() == before, "the other version is only read"


def test_comparing_with_a_broken_file_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - id: x\n    title: no date\n", encoding="utf-8")
    assert not window.compare.compare_with(bad)
    assert window.compare.message.startswith("Cannot compare with bad.yaml:")
    assert window.compare.panel.isHidden()


def test_an_edit_of_the_files_shown_while_comparing_is_compared_again(
    qtbot, window: MainWindow, small_chronology: Path, tmp_path: Path
) -> None:
    old = older_version(tmp_path / "old")
    assert window.compare.compare_with(old)
    assert len(window.compare.panel.lines()) == 4
    events = small_chronology / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("title: Winter Games", "title: Winter Olympics"),
        encoding="utf-8",
    )
    assert window.reload()
    qtbot.waitUntil(lambda: len(window.compare.panel.lines()) == 3)
    assert not any("Winter" in line for line in window.compare.panel.lines())


def test_ctrl_shift_c_asks_for_a_folder_when_a_folder_is_shown(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    old = older_version(tmp_path / "old")
    asked: list[str] = []

    def choose(parent, title, start):  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(old)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    press(qtbot, window, K.Key_C, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert asked == ["Compare with another version"]
    assert window.compare.panel.isVisible()
    assert len(window.compare.panel.lines()) == 4


def test_a_big_comparison_is_made_on_a_worker_thread(qtbot, window: MainWindow, tmp_path: Path) -> None:
    old = older_version(tmp_path / "old")
    with qtbot.waitSignal(window.compare.finished, timeout=10000) as blocker:
        assert window.compare.compare_with(old, background=True)
        assert window.compare.busy and window.compare.panel.isHidden()
        assert window.compare.message == "Comparing the two versions…"
    assert blocker.args == [""]
    assert window.compare.panel.isVisible() and len(window.compare.panel.lines()) == 4
    with qtbot.waitSignal(window.compare.finished, timeout=10000) as blocker:
        window.compare.compare_with(tmp_path / "missing.yaml", background=True)
    assert blocker.args[0].startswith("Cannot compare with missing.yaml:")
