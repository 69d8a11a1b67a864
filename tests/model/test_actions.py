"""Keyboard actions as functions of the view state, tested with no window (and no Qt) at all."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from timeline_app.model import actions
from timeline_app.model.chronology import Category, Chronology, Event, Indicator, IndicatorPoint
from timeline_app.model.dates import PartialDate
from timeline_app.model.view_state import TimeRange, ViewState

D = PartialDate.parse


def ev(id: str, start: str, cat: str, end: str | None = None, **kw: object) -> Event:
    return Event(
        id=id,
        title=kw.pop("title", id.replace("-", " ").title()),
        start=D(start),
        category=cat,
        end=D(end) if end else None,
        **kw,
    )  # type: ignore[arg-type]


def make_chronology() -> Chronology:
    """Three lanes:  plan  a(2014-02-26) ........ c(2016-03) ........... f(2020)
    move  ...... b(2015-01 – 2015-06) ...... e(2018-05-10)
    eco   .................. d(2017) ................................ g(2021-07-01)"""
    cats = [
        Category("plan", "Planning", "#4e79a7", 1),
        Category("move", "Relocation", "#f28e2b", 2),
        Category("eco", "Ecology", "#59a14f", 3),
    ]
    events = [
        ev("a", "2014-02-26", "plan", title="First symposium", places=("Beijing",), tags=("symposium",)),
        ev("b", "2015-01", "move", end="2015-06", title="Markets move out", description="Wholesale markets"),
        ev("c", "2016-03", "plan", title="Plan outline adopted", description="The symposium's plan"),
        ev("d", "2017", "eco", title="Clean air action", places=("Hebei",)),
        ev("e", "2018-05-10", "move", title="Hospital relocation"),
        ev("f", "2020", "plan", title="Symposium review"),
        ev("g", "2021-07-01", "eco", title="Wetland restored", tags=("water",)),
    ]
    ind = Indicator(
        id="pm25",
        name="PM2.5",
        unit="µg/m³",
        region="Beijing",
        points=(
            IndicatorPoint(D("2013"), 89.5),
            IndicatorPoint(D("2016-06"), 73.0),
            IndicatorPoint(D("2023"), 32.0),
        ),
    )
    return Chronology.build(title="Test", events=events, categories=cats, indicators=[ind])


@pytest.fixture
def state() -> ViewState:
    s = ViewState(make_chronology())
    s.fit_all()
    return s


def day(s: str) -> float:
    return float(D(s).first_day())


def sel(state: ViewState) -> str | None:
    return state.selected_event_id


def test_the_actions_never_import_qt() -> None:
    code = "import sys, timeline_app.model.actions; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- moving through events -------------------------------------------------------------------------
def test_next_and_prev_walk_all_events_in_time_order(state: ViewState) -> None:
    seen = []
    while actions.next_event(state):
        seen.append(sel(state))
    assert seen == ["a", "b", "c", "d", "e", "f", "g"]
    assert not actions.next_event(state), "stays on the last event"
    back = []
    while actions.prev_event(state):
        back.append(sel(state))
    assert back == ["f", "e", "d", "c", "b", "a"]


def test_with_nothing_selected_right_starts_at_the_left_edge_and_left_at_the_right_edge(
    state: ViewState,
) -> None:
    state.set_range(day("2015-06"), day("2019-01"))
    assert actions.next_event(state) and sel(state) == "c"  # b started before the view
    state.clear_selection()
    assert actions.prev_event(state) and sel(state) == "e"


def test_navigation_skips_hidden_lanes(state: ViewState) -> None:
    state.toggle_lane("move")
    seen = []
    while actions.next_event(state):
        seen.append(sel(state))
    assert seen == ["a", "c", "d", "f", "g"]


def test_in_lane_stays_in_the_lane(state: ViewState) -> None:
    actions.go_to_event(state, "a")
    assert actions.next_in_lane(state) and sel(state) == "c"
    assert actions.next_in_lane(state) and sel(state) == "f"
    assert not actions.next_in_lane(state) and sel(state) == "f"
    assert actions.prev_in_lane(state) and sel(state) == "c"


def test_in_lane_with_nothing_selected_behaves_like_next(state: ViewState) -> None:
    assert actions.next_in_lane(state) and sel(state) == "a"


def test_lane_below_and_above_pick_the_nearest_event_in_time(state: ViewState) -> None:
    actions.go_to_event(state, "c")  # 2016-03, Planning
    assert actions.lane_below(state) and sel(state) == "b"  # b ended 2015-07 (8 months); e is 2018-05
    assert actions.lane_below(state) and sel(state) == "d"  # from 2015-01: d (2017) is the only one near
    assert actions.lane_above(state) and sel(state) == "e"  # from 2017: e starts 2018-05, b ended 2015-07
    assert actions.lane_above(state) and sel(state) == "f"  # from 2018-05: f (2020) is nearer than c
    assert not actions.lane_above(state), "no lane above the top one"
    assert sel(state) == "f"


def test_lane_change_uses_distance_to_the_interval() -> None:
    s = ViewState(make_chronology())
    actions.go_to_event(s, "e")  # 2018-05-10
    actions.lane_below(s)
    assert sel(s) == "d"  # d (2017, to 2018-01-01) is 130 days away, g (2021-07) three years
    assert not actions.lane_below(s), "no lane below the last one"
    actions.go_to_event(s, "b")  # 2015-01 – 2015-06
    actions.lane_above(s)
    assert sel(s) == "a"  # a (2014-02-26) is nearer than c (2016-03)


def test_a_span_covering_the_day_is_nearest() -> None:
    cats = [Category("x", "X", "#000000", 1)]
    c = Chronology.build(
        title="t",
        categories=cats,
        events=[ev("long", "2010", "x", end="2020"), ev("point", "2016-02", "x")],
    )
    assert c.events[actions.nearest_in_lane(c, 0, day("2015-12"))].id == "long"
    assert c.events[actions.nearest_in_lane(c, 0, day("2021-01"))].id == "long"  # ended 2021-01-01
    assert actions.nearest_in_lane(c, 1, 0.0) is None


def test_lane_change_skips_hidden_lanes(state: ViewState) -> None:
    actions.go_to_event(state, "c")
    state.toggle_lane("move")
    assert actions.lane_below(state) and sel(state) == "d"
    assert actions.lane_above(state) and sel(state) == "c"


def test_lane_change_with_nothing_selected_enters_top_or_bottom_lane(state: ViewState) -> None:
    state.set_range(day("2017-06"), day("2018-06"))
    assert actions.lane_below(state) and state.chronology.event(sel(state)).category == "plan"
    state.clear_selection()
    assert actions.lane_above(state) and state.chronology.event(sel(state)).category == "eco"


def test_home_and_end(state: ViewState) -> None:
    assert actions.last_event(state) and sel(state) == "g"
    assert actions.first_event(state) and sel(state) == "a"
    state.toggle_lane("plan")
    assert actions.first_event(state) and sel(state) == "b"


def test_in_lane_from_a_point_walks_its_series(state: ViewState) -> None:
    state.select_point("pm25", 0)
    assert actions.next_in_lane(state) and state.selection.point_index == 1
    assert actions.next_in_lane(state) and state.selection.point_index == 2
    assert not actions.next_in_lane(state) and state.selection.point_index == 2
    assert actions.prev_in_lane(state) and state.selection.point_index == 1


def test_from_an_indicator_point_right_goes_to_the_next_event(state: ViewState) -> None:
    state.select_point("pm25", 1)  # 2016-06
    assert actions.next_event(state) and sel(state) == "d"
    state.select_point("pm25", 1)
    assert actions.prev_event(state) and sel(state) == "c"


def test_empty_chronology_does_nothing() -> None:
    s = ViewState()
    for f in (
        actions.next_event,
        actions.prev_event,
        actions.next_in_lane,
        actions.lane_above,
        actions.lane_below,
        actions.first_event,
        actions.last_event,
        actions.focus_selection,
    ):
        assert f(s) is False
    assert actions.shown_event_count(s) == (0, 0)
    assert actions.search(s, "x") == []


# -- keeping the selection on screen ---------------------------------------------------------------
def test_navigation_pans_only_when_the_selection_is_off_screen(state: ViewState) -> None:
    state.set_range(day("2014-01"), day("2016-12"))
    before = state.range
    actions.next_event(state)  # a, on screen
    assert state.range == before
    actions.go_to_event(state, "c")
    assert state.range == before
    span = state.range.span
    actions.next_event(state)  # d (2017): off-screen to the right
    assert state.range.contains(day("2017"))
    assert state.range.span == pytest.approx(span), "panning never zooms"
    assert actions.is_on_screen(state.range, day("2017"), day("2017"))


def test_an_event_hard_against_the_edge_counts_as_off_screen(state: ViewState) -> None:
    state.set_range(day("2014-02-25"), day("2016-02-01"))  # a is 1 day inside the left edge
    actions.go_to_event(state, "a")
    assert state.range.start < day("2014-02-26") - 0.04 * state.range.span


def test_back_steps_through_selections_and_view_jumps_as_last_seen(state: ViewState) -> None:
    state.set_range(day("2014-01"), day("2014-12"))
    actions.go_to_event(state, "a")
    actions.zoom_in(state)
    seen_a = state.range
    actions.go_to_event(state, "g")  # pans far right
    assert state.range.contains(day("2021-07-01"))
    before_focus = state.range
    actions.focus_selection(state)  # a view jump: a history step of its own
    seen_g = state.range
    actions.back(state)
    assert sel(state) == "g" and state.range.close_to(before_focus)
    actions.back(state)
    assert sel(state) == "a" and state.range.close_to(seen_a)
    actions.forward(state)
    actions.forward(state)
    assert sel(state) == "g" and state.range.close_to(seen_g)


# -- zoom, pan, focus, fit -------------------------------------------------------------------------
def test_zoom_in_and_out_around_the_centre(state: ViewState) -> None:
    r = state.range
    assert actions.zoom_in(state)
    assert state.range.span == pytest.approx(r.span * actions.ZOOM_STEP)
    assert state.range.center == pytest.approx(r.center)
    assert actions.zoom_out(state)
    assert state.range.span == pytest.approx(r.span)


def test_zoom_keeps_the_selection_in_place_on_screen(state: ViewState) -> None:
    actions.go_to_event(state, "b")
    r = state.range
    x = (day("2015-01") - r.start) / r.span
    actions.zoom_in(state, 0.5)
    r2 = state.range
    assert (day("2015-01") - r2.start) / r2.span == pytest.approx(x)
    assert r2.span == pytest.approx(r.span * 0.5)


def test_zoom_around_centre_when_the_selection_is_off_screen(state: ViewState) -> None:
    actions.go_to_event(state, "a")
    state.set_range(day("2019-01"), day("2021-01"))
    c = state.range.center
    actions.zoom_in(state)
    assert state.range.center == pytest.approx(c)


def test_pan(state: ViewState) -> None:
    r = state.range
    assert actions.pan(state, 0.1)
    assert state.range.start == pytest.approx(r.start + 0.1 * r.span)
    assert actions.pan(state, -0.2)
    assert state.range.start == pytest.approx(r.start - 0.1 * r.span)


def test_focus_a_span_fills_a_sensible_part(state: ViewState) -> None:
    actions.go_to_event(state, "b")  # 2015-01-01 .. 2015-07-01 (181 days)
    assert actions.focus_selection(state)
    r = state.range
    assert r.center == pytest.approx((day("2015-01") + day("2015-07")) / 2)
    assert r.span == pytest.approx(181 / actions.FOCUS_FILL)


def test_focus_a_point_event_shows_some_context(state: ViewState) -> None:
    actions.go_to_event(state, "a")
    actions.focus_selection(state)
    assert state.range.span == pytest.approx(actions.MIN_FOCUS_DAYS)
    assert state.range.contains(day("2014-02-26"))


def test_focus_without_selection_does_nothing(state: ViewState) -> None:
    assert not actions.focus_selection(state)


def test_fit_all(state: ViewState) -> None:
    full = state.range
    actions.zoom_in(state, 0.1)
    assert actions.fit_all(state)
    assert state.range.close_to(full)
    assert not actions.fit_all(state)


def test_toggle_lane_number(state: ViewState) -> None:
    assert actions.toggle_lane_number(state, 1)
    assert state.hidden_lanes == {"plan"}
    assert actions.toggle_lane_number(state, 3)
    assert state.hidden_lanes == {"plan", "eco"}
    assert actions.toggle_lane_number(state, 1)
    assert state.hidden_lanes == {"eco"}
    assert not actions.toggle_lane_number(state, 4)
    assert not actions.toggle_lane_number(state, 0)


def test_hiding_the_selected_lane_clears_the_selection(state: ViewState) -> None:
    actions.go_to_event(state, "a")
    actions.toggle_lane_number(state, 1)
    assert state.selection is None


def test_back_forward_and_clear(state: ViewState) -> None:
    actions.go_to_event(state, "a")
    actions.go_to_event(state, "b")
    assert actions.back(state) and sel(state) == "a"
    assert actions.forward(state) and sel(state) == "b"
    assert not actions.forward(state)
    assert actions.clear_selection(state) and state.selection is None
    assert not actions.clear_selection(state)


def test_shown_event_count(state: ViewState) -> None:
    assert actions.shown_event_count(state) == (7, 7)
    state.set_range(day("2015-03"), day("2017-06"))  # b (span), c, d
    assert actions.shown_event_count(state) == (3, 7)
    state.toggle_lane("move")
    assert actions.shown_event_count(state) == (2, 7)


# -- search ----------------------------------------------------------------------------------------
def test_search_is_case_insensitive_and_ranks_title_matches_first(state: ViewState) -> None:
    # 'symposium' in titles of a and f; in c's description; a also has it as a tag
    assert actions.search(state, "SYMPOSIUM") == ["a", "f", "c"]


def test_search_looks_in_places_tags_description_and_id(state: ViewState) -> None:
    assert actions.search(state, "hebei") == ["d"]
    assert actions.search(state, "water") == ["g"]
    assert actions.search(state, "wholesale") == ["b"]
    assert actions.search(state, "e") != []  # ids are searched too
    assert "e" in actions.search(state, "e")


def test_search_needs_every_word(state: ViewState) -> None:
    assert actions.search(state, "symposium review") == ["f"]
    assert actions.search(state, "  ") == []
    assert actions.search(state, "nothing-like-this") == []


def test_next_and_prev_match_wrap(state: ViewState) -> None:
    state.set_query("symposium")
    assert actions.next_match(state) and sel(state) == "a"
    assert actions.next_match(state) and sel(state) == "f"
    assert actions.next_match(state) and sel(state) == "c"
    assert actions.next_match(state) and sel(state) == "a"
    assert actions.prev_match(state) and sel(state) == "c"


def test_prev_match_from_elsewhere_takes_the_last(state: ViewState) -> None:
    actions.go_to_event(state, "g")
    assert actions.prev_match(state, ["a", "f"]) and sel(state) == "f"
    assert not actions.next_match(state, [])


def test_a_match_in_a_hidden_lane_shows_its_lane(state: ViewState) -> None:
    state.toggle_lane("eco")
    state.set_query("hebei")
    assert actions.next_match(state) and sel(state) == "d"
    assert "eco" not in state.hidden_lanes


# -- indicator points ------------------------------------------------------------------------------
def test_latest_point_and_go_to_point(state: ViewState) -> None:
    assert actions.latest_point_index(state, "pm25") == 2
    assert actions.latest_point_index(state, "nope") is None
    state.set_range(day("2014"), day("2016"))
    assert actions.go_to_point(state, "pm25", 2)
    assert state.range.contains(state.chronology.indicator("pm25").points[2].day())


def test_zoom_anchor_for_a_span_across_the_view(state: ViewState) -> None:
    actions.go_to_event(state, "b")
    state.set_range(day("2015-03"), day("2015-04"))
    assert actions.zoom_anchor(state) == pytest.approx((day("2015-03") + day("2015-04")) / 2)


def test_reveal_a_span_wider_than_the_view_shows_its_start(state: ViewState) -> None:
    state.set_range(day("2019-01"), day("2019-02"))
    actions.reveal(state, day("2015-01"), day("2015-07"))
    assert state.range.contains(day("2015-01"))


# -- holding a key ---------------------------------------------------------------------------------
def test_repeat_ramp_grows_smoothly_and_is_capped() -> None:
    ramp = actions.RepeatRamp(first_repeat=0.4, growth=1.2, cap=1.5)
    assert ramp.step(False) == 1.0
    steps = [ramp.step(True) for _ in range(20)]
    assert steps[0] == pytest.approx(0.4)
    assert all(b >= a for a, b in itertools.pairwise(steps))
    assert steps[1] / steps[0] == pytest.approx(1.2)
    assert max(steps) == pytest.approx(1.5)
    assert ramp.step(False) == 1.0, "a fresh press starts over"
    assert ramp.step(True) == pytest.approx(0.4)


def test_view_range_is_a_time_range(state: ViewState) -> None:
    assert isinstance(actions.focus_range(0.0, 10.0), TimeRange)


# -- where a year- or month-precision event stands -------------------------------------------------
def test_zoom_keeps_a_year_precision_event_in_view() -> None:
    from timeline_app.model import Category, Chronology, Event, PartialDate

    year_only = Event("worst-air", "Worst air", PartialDate.parse("2014"), "c")
    other = Event("later", "Later", PartialDate.parse("2020-05-01"), "c")
    st = ViewState(
        Chronology.build(title="t", events=[year_only, other], categories=[Category("c", "C", "#000000", 0)])
    )
    actions.go_to_event(st, "worst-air")
    mid_2014 = (PartialDate.parse("2014").first_day() + PartialDate.parse("2014").end_day()) / 2
    assert actions.selection_day(st) == mid_2014
    for _ in range(30):
        actions.zoom_in(st)
    assert st.range.contains(mid_2014)  # the marker is drawn mid-year: zooming stays on it
    assert st.range.span < 30


def test_end_from_the_overview_pans_only_as_far_as_needed(state: ViewState) -> None:
    state.fit_all()
    before = state.range
    actions.last_event(state)
    last = state.chronology.events[-1]
    r = state.range
    assert r.span == pytest.approx(before.span)
    assert r.contains(last.anchor_day())
    # the smallest move: the last event sits just inside the right margin, not in the middle
    assert r.end - last.end_day() < r.span * 0.25
