"""What a tour's stop shows, where a tour is, and the eased move between two ranges (no Qt)."""

from __future__ import annotations

import math

from timeline_app.model.chronology import Category, Chronology, Event, Indicator, IndicatorPoint
from timeline_app.model.dates import PartialDate
from timeline_app.model.records import Tour, TourStop
from timeline_app.model.tours import MIN_STOP_SPAN, TourPosition, between, eased, stop_range, stop_view
from timeline_app.model.view_state import TimeRange

D = PartialDate.parse


def chronology() -> Chronology:
    cats = [Category("plan", "Planning", "#4e79a7", 0), Category("eco", "Ecology", "#59a14f", 1)]
    events = [
        Event("a", "Symposium", D("2014-02-26"), "plan"),
        Event("b", "Decade of moves", D("2014-02-26"), "plan", D("2024-02")),
    ]
    pts = (IndicatorPoint(D("2014"), 85.8), IndicatorPoint(D("2023"), 32.0))
    inds = [
        Indicator("pm-bj", "PM2.5", "µg/m³", pts, "Beijing"),
        Indicator("pm-tj", "PM2.5", "µg/m³", pts, "Tianjin"),
    ]
    return Chronology.build(title="T", events=events, categories=cats, indicators=inds)


def test_a_stop_on_a_day_shows_two_years_centred_on_it() -> None:
    c = chronology()
    r = stop_range(c, TourStop("x", event="a"))
    day = D("2014-02-26").first_day() + 0.5
    assert math.isclose(r.span, MIN_STOP_SPAN)
    assert math.isclose(r.center, day)


def test_a_stop_on_a_span_shows_it_with_room_either_side() -> None:
    c = chronology()
    r = stop_range(c, TourStop("x", event="b"))
    lo, hi = D("2014-02-26").first_day(), D("2024-02").end_day()
    assert math.isclose(r.span, 3 * (hi - lo))
    assert r.start < lo and r.end > hi


def test_a_stops_own_range_wins_over_its_event() -> None:
    c = chronology()
    r = stop_range(c, TourStop("x", event="a", start=D("2013"), end=D("2024")))
    lo, hi = D("2013").first_day(), D("2024").end_day()
    assert 0 < lo - r.start < 0.06 * (hi - lo) and 0 < r.end - hi < 0.06 * (hi - lo)  # a little room


def test_stop_view_names_lanes_plots_and_heading() -> None:
    c = chronology()
    v = stop_view(c, TourStop("x", event="a", lanes=("eco",), plots=("pm-bj", "pm-tj")))
    assert v.hidden_lanes == frozenset({"plan"})
    assert v.plot_keys == (("PM2.5", "µg/m³"),)  # two regions, one plot
    assert (v.event_id, v.heading) == ("a", "Symposium")
    v = stop_view(c, TourStop("x", start=D("2015"), title="Own heading"))
    assert (v.hidden_lanes, v.plot_keys, v.event_id, v.heading) == (frozenset(), None, None, "Own heading")


def test_the_position_clamps_at_both_ends() -> None:
    tour = Tour("t", "T", tuple(TourStop(str(k), event="a") for k in range(3)))
    pos = TourPosition(tour)
    assert (pos.index, pos.count) == (0, 3)
    assert not pos.prev() and pos.index == 0
    assert pos.next() and pos.next() and not pos.next()
    assert pos.at_end and pos.stop.text == "2"
    assert pos.first() and pos.index == 0
    assert pos.last() and pos.index == 2


def test_easing_starts_and_ends_slowly_and_zooms_evenly() -> None:
    assert eased(0) == 0 and eased(1) == 1 and eased(0.5) == 0.5
    assert eased(0.1) < 0.1 and eased(0.9) > 0.9
    a, b = TimeRange(0, 1000), TimeRange(500, 510)
    assert between(a, b, 0).close_to(a) and between(a, b, 1).close_to(b)
    mid = between(a, b, 0.5)
    assert math.isclose(mid.span, math.sqrt(1000 * 10))  # halfway on a log scale
