"""The status bar's count of events in view, by two binary searches over the shown events' sorted
starts and ends, is the count a pass over every event gives: for any range, hidden lanes and
filter, on chronologies of points, spans of every precision, ongoing and open-ended events."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model import actions
from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate
from timeline_app.model.filters import EventFilter
from timeline_app.model.view_state import ViewState

LANES = ("a", "b", "c")
DATES = ("2014", "2014-02", "2014-02-26", "2015-07", "2016", "2016-12-31", "2017~", "201X", "2019?", "2020")


@st.composite
def chronologies(draw: st.DrawFn) -> Chronology:
    events = []
    for i in range(draw(st.integers(0, 25))):
        start = PartialDate.parse(draw(st.sampled_from(DATES)))
        end_text = draw(st.sampled_from((None, *DATES)))
        end = PartialDate.parse(end_text) if end_text else None
        if end is not None and end.end_day() <= start.first_day():
            end = None
        ongoing = end is None and draw(st.booleans())
        lane = draw(st.sampled_from(LANES))
        events.append(Event(f"e{i}", f"Event {i}", start, lane, end=end, ongoing=ongoing, tags=(lane,)))
    cats = [Category(k, k.upper(), "#4e79a7", n) for n, k in enumerate(LANES)]
    return Chronology.build(title="T", events=events, categories=cats)


def brute_force(state: ViewState) -> int:
    c = state.chronology
    r = state.range
    return int(((c.starts <= r.end) & (c.ends >= r.start) & actions.visible_mask(state)).sum())


@settings(max_examples=300, deadline=None)
@given(
    chronologies(),
    st.data(),
    st.sets(st.sampled_from(LANES), max_size=2),
    st.sets(st.sampled_from(LANES), max_size=2),
)
def test_same_count_as_a_pass_over_every_event(
    c: Chronology, data: st.DataObject, hidden: set[str], tags: set[str]
) -> None:
    # the range's ends are often exactly an event's start or end: the cases a binary search can miss
    edges = sorted({*c.starts.tolist(), *c.ends.tolist()}) or [16_000.0]
    bound = st.one_of(st.sampled_from(edges), st.floats(15_000, 19_000))
    a, b = sorted((data.draw(bound), data.draw(bound)))
    state = ViewState(c)
    state.set_range(a, max(b, a + 0.5))
    state.set_hidden_lanes(frozenset(hidden))
    state.set_event_filter(EventFilter(tags=frozenset(tags)))
    assert bool(np.all(c.ends >= c.starts))  # what the count relies on
    assert actions.shown_event_count(state) == (brute_force(state), len(c.events))
    assert actions.shown_total(state) == (int(actions.visible_mask(state).sum()), len(c.events))


def test_the_sorted_bounds_follow_lanes_and_filters() -> None:
    events = [Event(f"e{i}", "t", PartialDate.parse(f"{2010 + i}"), LANES[i % 3]) for i in range(9)]
    cats = [Category(k, k, "#4e79a7", n) for n, k in enumerate(LANES)]
    state = ViewState(Chronology.build(title="T", events=events, categories=cats))
    state.set_range(PartialDate.parse("2010").first_day(), PartialDate.parse("2018").end_day())
    assert actions.shown_event_count(state) == (9, 9)
    state.set_hidden_lanes(frozenset({"a"}))
    assert actions.shown_event_count(state) == (6, 9)
    state.set_event_filter(EventFilter(categories=frozenset({"b"})))
    assert actions.shown_event_count(state) == (3, 9)
    state.set_hidden_lanes(frozenset())
    state.set_event_filter(EventFilter())
    assert actions.shown_event_count(state) == (9, 9)
