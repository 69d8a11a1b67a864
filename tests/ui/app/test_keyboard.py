"""Browsing with the keyboard, end to end: keys pressed on the window, then what the user sees."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from timeline_app.model import actions
from timeline_app.model.dates import PartialDate
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import ORDER, detail_text, press

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def day(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


def day_date(year: int) -> PartialDate:
    return PartialDate.parse(f"{year:04d}")


def selected(w: MainWindow) -> str | None:
    return w.state.selected_event_id


# -- browsing --------------------------------------------------------------------------------------
def test_right_arrow_selects_and_the_detail_pane_shows_it(qtbot, window: MainWindow) -> None:
    assert "Select an event" in detail_text(window)
    press(qtbot, window, K.Key_Right)
    assert selected(window) == "clean-air"
    press(qtbot, window, K.Key_Right)
    assert selected(window) == "symposium-2014"
    text = detail_text(window)
    assert "First symposium on coordinated development" in text
    assert "26 February 2014" in text
    assert window.state.range.contains(day("2014-02-26"))


def test_left_and_right_walk_every_event_in_time(qtbot, window: MainWindow) -> None:
    seen = []
    for _ in ORDER:
        press(qtbot, window, K.Key_Right)
        seen.append(selected(window))
    assert seen == ORDER
    press(qtbot, window, K.Key_Left)
    assert selected(window) == ORDER[-2]


def test_home_and_end(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_End)
    assert selected(window) == "winter-games"
    assert "4 February 2022 – 20 February 2022 · 17 days" in detail_text(window)
    press(qtbot, window, K.Key_Home)
    assert selected(window) == "clean-air"


def test_comma_and_period_stay_in_the_lane(qtbot, window: MainWindow) -> None:
    actions.go_to_event(window.state, "symposium-2014")
    press(qtbot, window, ".")
    assert selected(window) == "plan-outline"
    press(qtbot, window, ".")
    assert selected(window) == "plan-outline", "no later event in Planning"
    press(qtbot, window, ",")
    assert selected(window) == "symposium-2014"


def test_up_and_down_change_lane(qtbot, window: MainWindow) -> None:
    actions.go_to_event(window.state, "symposium-2014")  # Planning, 2014-02-26
    press(qtbot, window, K.Key_Down)
    assert selected(window) == "rail-2017"  # Transport
    press(qtbot, window, K.Key_Down)
    assert window.state.chronology.event(selected(window)).category == "ecology"
    press(qtbot, window, K.Key_Up)
    assert window.state.chronology.event(selected(window)).category == "transport"


def test_escape_clears_the_selection(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Escape)
    assert window.state.selection is None
    assert "Select an event" in detail_text(window)


def test_keys_work_while_the_detail_pane_has_the_focus(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Return)  # Enter moves the focus into the detail pane
    assert window.detail.hasFocus()
    # the arrows move the pane's caret there (issue 17: a screen reader reads by it) ...
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Down)
    assert selected(window) == "clean-air"
    # ... the other keys still browse the timeline
    press(qtbot, window, ".")  # next in the lane: ecology
    assert selected(window) == "wetland"
    press(qtbot, window, K.Key_Left, ALT)  # not the text browser's own "backward"
    assert selected(window) == "clean-air"
    assert window.detail.hasFocus()


# -- the view --------------------------------------------------------------------------------------
def test_w_s_plus_minus_zoom(qtbot, window: MainWindow) -> None:
    span = window.state.range.span
    press(qtbot, window, "w")
    assert window.state.range.span == pytest.approx(span * actions.ZOOM_STEP)
    press(qtbot, window, K.Key_Plus)
    assert window.state.range.span == pytest.approx(span * actions.ZOOM_STEP**2)
    press(qtbot, window, "s")
    press(qtbot, window, K.Key_Minus)
    assert window.state.range.span == pytest.approx(span)


def test_a_and_d_pan(qtbot, window: MainWindow) -> None:
    r = window.state.range
    press(qtbot, window, "d")
    assert window.state.range.start == pytest.approx(r.start + actions.PAN_STEP * r.span)
    press(qtbot, window, "a")
    press(qtbot, window, "a")
    assert window.state.range.start == pytest.approx(r.start - actions.PAN_STEP * r.span)


def test_zero_fits_and_f_focuses(qtbot, window: MainWindow) -> None:
    full = window.state.range
    actions.go_to_event(window.state, "winter-games")
    press(qtbot, window, "f")
    r = window.state.range
    assert r.span == pytest.approx(max(17 / actions.FOCUS_FILL, actions.MIN_FOCUS_DAYS))
    assert r.contains(day("2022-02-04")) and r.contains(day("2022-02-20"))
    assert window.range_label.text().endswith("February 2022")
    press(qtbot, window, "0")
    assert window.state.range.close_to(full)


def test_status_bar_tells_the_dates_and_how_many_events_are_shown(qtbot, window: MainWindow) -> None:
    assert window.count_label.text() == "7 of 7 events in view"
    window.state.set_range(day("2021-01-01"), day("2023-01-01"))
    assert window.range_label.text() == "1 January 2021 – 1 January 2023"
    assert window.count_label.text() == "2 of 7 events in view"  # the ongoing wetland span, the Winter Games
    press(qtbot, window, "3")  # hide Ecology: the ongoing wetland span goes
    assert window.count_label.text() == "1 of 7 events in view · 1 lane hidden"


def test_holding_a_key_speeds_up_smoothly(qtbot, window: MainWindow) -> None:
    """Auto-repeated keys start with small steps that grow (the ramp), a fresh press is a full step."""
    pan = window.key_actions["pan-right"]

    def held(repeat: bool) -> float:
        before = window.state.range
        ev = QKeyEvent(QEvent.Type.ShortcutOverride, K.Key_D, Qt.KeyboardModifier.NoModifier, "d", repeat)
        QApplication.sendEvent(QApplication.focusWidget() or window, ev)
        pan.trigger()
        return (window.state.range.start - before.start) / before.span

    first = held(False)
    steps = [held(True) for _ in range(25)]
    assert first == pytest.approx(actions.PAN_STEP)
    assert steps[0] < first
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(steps))
    assert steps[-1] > first
    assert held(False) == pytest.approx(actions.PAN_STEP)


# -- lanes and history -----------------------------------------------------------------------------
def test_one_hides_the_first_lane_and_navigation_skips_it(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "1")
    assert window.state.hidden_lanes == {"planning"}
    lane_actions = [a for a in window.lanes_menu.actions() if a.isCheckable()]
    assert [a.isChecked() for a in lane_actions] == [False, True, True]
    seen = []
    for _ in range(6):
        press(qtbot, window, K.Key_Right)
        seen.append(selected(window))
    assert "symposium-2014" not in seen and "plan-outline" not in seen
    press(qtbot, window, "1")
    assert window.state.hidden_lanes == frozenset()


def test_the_lanes_menu_toggles_lanes(qtbot, window: MainWindow) -> None:
    lane_actions = [a for a in window.lanes_menu.actions() if a.isCheckable()]
    lane_actions[1].trigger()
    assert window.state.hidden_lanes == {"transport"}
    lane_actions[1].trigger()
    assert window.state.hidden_lanes == frozenset()


def test_alt_left_goes_back_and_alt_right_forward(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_End)
    assert selected(window) == "winter-games"
    press(qtbot, window, K.Key_Left, ALT)
    assert selected(window) == "symposium-2014"
    assert "First symposium" in detail_text(window)
    press(qtbot, window, K.Key_Left, ALT)
    assert selected(window) == "clean-air"
    press(qtbot, window, K.Key_Right, ALT)
    assert selected(window) == "symposium-2014"


# -- search ----------------------------------------------------------------------------------------
def results(w: MainWindow) -> list[str]:
    lst = w.search.results
    return [lst.item(i).text().split("\n")[0] for i in range(lst.count())] if lst.isVisible() else []


def test_slash_opens_search_and_typing_filters_the_results(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    field = window.search.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "sym")
    assert results(window) == ["First symposium on coordinated development", "Intercity railway opens"]
    qtbot.keyClicks(field, "posium first")
    assert results(window) == ["First symposium on coordinated development"]
    assert window.search.count.text().startswith("1 event match")
    for _ in " first":
        qtbot.keyClick(field, K.Key_Backspace)
    assert len(results(window)) == 2


def test_enter_selects_the_match_and_esc_gives_the_focus_back(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Right)
    window.focus_detail()
    press(qtbot, window, K.Key_F, CTRL)
    field = window.search.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "symposium")
    qtbot.keyClick(field, K.Key_Return)
    assert selected(window) == "symposium-2014"
    assert "26 February 2014" in detail_text(window)
    assert field.hasFocus(), "Enter keeps the focus in the field for the next match"
    qtbot.keyClick(field, K.Key_Return)
    assert selected(window) == "rail-2017"
    qtbot.keyClick(field, K.Key_Return, SHIFT)
    assert selected(window) == "symposium-2014"
    qtbot.keyClick(field, K.Key_Escape)
    assert field.text() == "" and window.state.query == ""
    assert not window.search.results.isVisible()
    assert window.detail.hasFocus(), "the focus goes back where it was"
    assert selected(window) == "symposium-2014", "Esc in the field does not clear the selection"


def test_keys_typed_in_the_search_field_do_not_trigger_shortcuts(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    before = window.state.range
    field = window.search.field
    qtbot.keyClicks(field, "wasdf0 123 ,./?+-")
    assert field.text() == "wasdf0 123 ,./?+-"
    assert window.state.range == before
    assert window.state.hidden_lanes == frozenset()
    assert window.state.selection is None
    assert not window.help.isVisible()
    for key in (K.Key_Left, K.Key_Right, K.Key_Home, K.Key_End):
        qtbot.keyClick(field, key)
    assert window.state.selection is None, "arrows and Home/End move the text cursor"
    assert field.hasFocus()


def test_down_and_up_in_the_field_move_through_the_results(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    field = window.search.field
    qtbot.keyClicks(field, "sym")
    qtbot.keyClick(field, K.Key_Down)
    assert selected(window) == "symposium-2014"
    qtbot.keyClick(field, K.Key_Down)
    assert selected(window) == "rail-2017"
    assert window.search.results.currentRow() == 1
    qtbot.keyClick(field, K.Key_Up)
    assert selected(window) == "symposium-2014"


def test_choosing_a_result_in_the_list_selects_it(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    qtbot.keyClicks(window.search.field, "winter")
    lst = window.search.results
    rect = lst.visualItemRect(lst.item(0))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected(window) == "winter-games"


def test_results_list_keeps_its_arrow_keys(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    qtbot.keyClicks(window.search.field, "sym")
    qtbot.keyClick(window.search.field, K.Key_Tab)
    lst = window.search.results
    assert lst.hasFocus()
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, K.Key_Down)
    assert lst.currentRow() == 1
    assert window.state.selection is None, "↓ in the list moves in the list, not between lanes"
    qtbot.keyClick(lst, K.Key_Return)
    assert selected(window) == "rail-2017"
    qtbot.keyClick(lst, K.Key_Escape)
    assert window.search.field.text() == ""


def test_a_match_in_a_hidden_lane_shows_its_lane(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "2")
    assert window.state.hidden_lanes == {"transport"}
    press(qtbot, window, "/")
    qtbot.keyClicks(window.search.field, "winter")
    assert "(hidden lane)" in window.search.results.item(0).text()
    qtbot.keyClick(window.search.field, K.Key_Return)
    assert selected(window) == "winter-games"
    assert window.state.hidden_lanes == frozenset()


def test_a_long_search_lists_its_first_results_and_finishes_on_a_timer(qtbot, monkeypatch) -> None:
    from timeline_app.model.chronology import Category, Chronology, Event
    from timeline_app.model.view_state import ViewState
    from timeline_app.ui.panels import search_panel

    events = [
        Event(
            f"e{i}",
            f"Station {i}" if i % 3 else f"Depot {i}",
            day_date(1990 + i % 30),
            "a",
            description="near a station",
        )
        for i in range(6000)
    ]
    state = ViewState(
        Chronology.build(title="T", events=events, categories=[Category("a", "A", "#4e79a7", 1)])
    )
    monkeypatch.setattr(search_panel, "FIRST_BUDGET_S", 0.0)  # nothing done in the keystroke handler
    monkeypatch.setattr(search_panel, "SLICE_S", 0.0)  # and the least on each tick
    panel = search_panel.SearchPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.field, "STATION")
    assert panel.searching
    assert "events match…" in panel.count.text() or panel.count.text().startswith("Searching…")
    qtbot.waitUntil(lambda: not panel.searching, timeout=20000)
    assert panel.count.text() == "6,000 events match · Enter: next · first 200 listed"
    every = actions.search(state, "station")
    assert panel.matches == every[:200] and panel.results.count() == 200
    assert state.chronology.events[state.chronology.event_index[every[0]]].title.startswith("Station")
    actions.go_to_event(state, every[199])
    qtbot.keyClick(panel.field, K.Key_Return)
    assert state.selected_event_id == every[200], "Enter goes on past the listed results"
    qtbot.keyClick(panel.field, K.Key_Return, SHIFT)
    assert state.selected_event_id == every[199]


def test_the_results_follow_a_reloaded_chronology(qtbot) -> None:
    from timeline_app.model.chronology import Category, Chronology, Event
    from timeline_app.model.view_state import ViewState
    from timeline_app.ui.panels.search_panel import SearchPanel

    def chron(title: str) -> Chronology:
        events = [Event("a", title, day_date(2000), "c"), Event("b", "Other", day_date(2001), "c")]
        return Chronology.build(title="T", events=events, categories=[Category("c", "C", "#4e79a7", 1)])

    state = ViewState(chron("Harbour plan"))
    panel = SearchPanel(state)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.field, "plan")
    assert panel.results.item(0).text().startswith("Harbour plan")
    state.set_chronology(chron("Port plan"))
    assert panel.matches == ["a"] and panel.results.item(0).text().startswith("Port plan")
    state.set_chronology(chron("Port"))
    assert panel.matches == [] and panel.count.text() == "No event matches “plan”"


# -- help, panes, focus ----------------------------------------------------------------------------
def test_question_mark_shows_the_overlay_and_esc_closes_it(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Question)
    assert window.help.isVisible()
    assert window.help.geometry() == window.rect()
    text = window.help.text()
    assert "Next event" in text and "Zoom in" in text and "Alt+←" in text
    before = window.state.range
    press(qtbot, window, "w")
    press(qtbot, window, K.Key_Right)
    assert window.state.range == before and window.state.selection is None, (
        "keys do not act under the overlay"
    )
    press(qtbot, window, K.Key_Escape)
    assert not window.help.isVisible()
    assert window.canvas.hasFocus() or window.canvas.isAncestorOf(QApplication.focusWidget())
    press(qtbot, window, K.Key_F1)
    assert window.help.isVisible()
    press(qtbot, window, K.Key_Question)
    assert not window.help.isVisible()


def test_enter_moves_the_focus_into_the_detail_pane(qtbot, window: MainWindow) -> None:
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Return)
    assert window.detail.hasFocus()
    assert window.detail_frame.has_focus_within()
    assert not window.canvas_frame.has_focus_within()


def test_f6_cycles_the_panes(qtbot, window: MainWindow) -> None:
    window.canvas.setFocus()
    press(qtbot, window, K.Key_F6)
    assert window.detail.hasFocus()
    press(qtbot, window, K.Key_F6)
    assert window.search.field.hasFocus()
    press(qtbot, window, K.Key_F6)
    assert window.overview.hasFocus()
    press(qtbot, window, K.Key_F6)
    assert window.current_pane() is window.canvas
    press(qtbot, window, K.Key_F6, SHIFT)
    assert window.overview.hasFocus()


def test_tab_goes_from_the_timeline_to_the_detail_pane(qtbot, window: MainWindow) -> None:
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: window.current_pane() is window.canvas)
    press(qtbot, window, K.Key_Tab)
    assert window.current_pane() is window.detail


def test_the_focused_pane_has_a_visible_frame(qtbot, window: MainWindow) -> None:
    window.canvas.setFocus()
    assert window.canvas_frame.has_focus_within() and not window.detail_frame.has_focus_within()
    img_focused = window.canvas_frame.grab().toImage()
    window.detail.setFocus()
    img_unfocused = window.canvas_frame.grab().toImage()
    edge = (1, img_focused.height() // 2)
    assert img_focused.pixelColor(*edge) != img_unfocused.pixelColor(*edge)
