"""Filters, end to end from the keyboard: Ctrl+Shift+F, a filter typed and chosen, the chips, the
count, what the timeline, the search and → show; and the filters kept per chronology."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline_app.ui.app.main_window import MainWindow

from ..conftest import ORDER, press

K = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(QApplication.focusWidget(), text)


def open_bar(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, w, K.Key_F, CTRL_SHIFT)
    assert w.filter_bar.isVisible()
    assert QApplication.focusWidget() is w.filter_bar.field


def add(qtbot, w: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type a whole value (or dates) in the filter field and press Enter."""
    type_text(qtbot, text)
    press(qtbot, w, K.Key_Return)


def drawn_ids(w: MainWindow) -> set[str]:
    """The events the timeline draws now (markers, cluster members and labels of its frame)."""
    w.canvas.grab()  # paint a frame
    return w.canvas.timeline_item().drawn_event_ids()


def test_a_place_chosen_from_the_list_filters_everything(qtbot, window: MainWindow) -> None:
    assert window.filter_bar.isHidden()
    open_bar(qtbot, window)
    assert window.filter_bar.count.text() == "7 of 7 events pass the filters"
    type_text(qtbot, "Beij")
    assert window.filter_bar.suggestions.isVisible()
    assert window.filter_bar.suggested() == ["Place: Beijing (2)"]
    press(qtbot, window, K.Key_Down)
    press(qtbot, window, K.Key_Return)
    assert window.filter_bar.chip_texts() == ["Place: Beijing"]
    assert window.filter_bar.count.text() == "2 of 7 events pass the filters"
    assert drawn_ids(window) == {"symposium-2014", "winter-games"}
    # → walks the two events the filter lets through, and nothing else
    window.canvas.setFocus()
    seen = []
    for _ in range(3):
        press(qtbot, window, K.Key_Right)
        seen.append(window.state.selected_event_id)
    assert seen == ["symposium-2014", "winter-games", "winter-games"]
    # the search lists only what the filters let through, and says how many it left out
    press(qtbot, window, "/")
    type_text(qtbot, "e")
    qtbot.waitUntil(lambda: not window.search.searching)
    assert set(window.search.matches) <= {"symposium-2014", "winter-games"}
    assert "filtered out" in window.search.count.text()


def test_chips_removed_with_the_keyboard(qtbot, window: MainWindow) -> None:
    open_bar(qtbot, window)
    add(qtbot, window, "Transport")
    add(qtbot, window, "2014..2017")
    assert window.filter_bar.chip_texts() == ["Lane: Transport", "Dates: 2014 – 2017"]
    assert window.filter_bar.count.text() == "1 of 7 events pass the filters"
    assert drawn_ids(window) == {"rail-2017"}
    # Shift+Tab from the field reaches the last chip; Delete removes it, the focus stays on the chips
    press(qtbot, window, K.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.filter_bar.chip_buttons[-1]
    press(qtbot, window, K.Key_Delete)
    assert window.filter_bar.chip_texts() == ["Lane: Transport"]
    assert window.filter_bar.count.text() == "2 of 7 events pass the filters"
    assert QApplication.focusWidget() is window.filter_bar.chip_buttons[0]
    press(qtbot, window, K.Key_Backspace)
    assert window.filter_bar.chip_texts() == []
    assert window.filter_bar.count.text() == "7 of 7 events pass the filters"
    assert drawn_ids(window) == set(ORDER)


def test_a_lane_hidden_from_the_field_and_a_wrong_filter(qtbot, window: MainWindow) -> None:
    open_bar(qtbot, window)
    add(qtbot, window, "Hide lane: Ecology")
    assert window.filter_bar.chip_texts() == ["Hidden lane: Ecology"]
    assert "ecology" in window.state.hidden_lanes
    assert window.filter_bar.count.text() == "4 of 7 events pass the filters"
    add(qtbot, window, "no such thing")
    assert window.filter_bar.message.text().startswith("No such filter")
    assert window.filter_bar.chip_texts() == ["Hidden lane: Ecology"]
    assert window.filter_bar.field.text() == "no such thing", "kept, to be corrected"
    press(qtbot, window, K.Key_A, Qt.KeyboardModifier.ControlModifier)
    # Esc forgets what was typed, then leaves the bar for the timeline; Ctrl+Shift+F hides it
    type_text(qtbot, "Tra")
    assert window.filter_bar.suggested() == [
        "Lane: Transport (2)",
        "Hide lane: Transport",
        "Tag: strategy (1)",
    ]
    press(qtbot, window, K.Key_Escape)
    assert window.filter_bar.field.text() == ""
    press(qtbot, window, K.Key_Escape)
    assert QApplication.focusWidget() is window.canvas
    open_bar(qtbot, window)
    press(qtbot, window, K.Key_F, CTRL_SHIFT)
    assert window.filter_bar.isHidden()


def test_filters_are_kept_per_chronology_in_the_settings_not_its_files(
    qtbot, make_window: Callable[..., MainWindow], small_chronology: Path
) -> None:
    before = {p: p.read_bytes() for p in small_chronology.iterdir()}
    w = make_window(small_chronology)
    w.canvas.setFocus()
    open_bar(qtbot, w)
    add(qtbot, w, "symposium")
    assert w.filter_bar.chip_texts() == ["Tag: symposium"]
    w.close()
    again = make_window(small_chronology)
    assert again.filter_bar.isVisible(), "filters kept from last time are shown"
    assert again.filter_bar.chip_texts() == ["Tag: symposium"]
    assert again.filter_bar.count.text() == "1 of 7 events pass the filters"
    assert {p: p.read_bytes() for p in small_chronology.iterdir()} == before


def test_the_export_of_the_events_shown_follows_the_filters(
    qtbot, window: MainWindow, small_chronology: Path, tmp_path: Path
) -> None:
    import csv
    import json

    open_bar(qtbot, window)
    add(qtbot, window, "Beijing")
    out = tmp_path / "shown.json"
    assert window.nav.export_shown(out) == f"Wrote 2 events to {out}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in data["events"]] == ["symposium-2014", "winter-games"]
    table = tmp_path / "shown.csv"
    window.nav.export_shown(table)
    rows = list(csv.DictReader(table.read_text(encoding="utf-8").splitlines()))
    assert [r["id"] for r in rows] == ["symposium-2014", "winter-games"]
    own = small_chronology / "events.yaml"
    before = own.read_bytes()
    assert "own files" in window.nav.export_shown(own)
    assert own.read_bytes() == before


def test_the_plots_event_lines_follow_the_filters(qtbot, window: MainWindow) -> None:
    """Hovering an event's line in a plot names the event; filtered out, its line is gone."""
    c = window.canvas
    if not c.shown_plots():
        c.set_shown_plots(c.plot_keys()[:1])
    qtbot.waitUntil(lambda: c.event_marker_pos("symposium-2014") is not None)
    pos = c.event_marker_pos("symposium-2014")
    assert pos is not None
    assert "First symposium" in c.tooltip_at(pos)
    open_bar(qtbot, window)
    add(qtbot, window, "Zhangjiakou")  # a place: the filter's mask, by event
    assert window.filter_bar.chip_texts() == ["Place: Zhangjiakou"]
    window.canvas.grab()
    assert "First symposium" not in c.tooltip_at(pos)
    games = c.event_marker_pos("winter-games")
    assert games is not None and "Winter Games" in c.tooltip_at(games)
