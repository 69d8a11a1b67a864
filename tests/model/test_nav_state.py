"""Filters in the view state, saved views and the comparison, without a window."""

from __future__ import annotations

import pytest

from tests.model.test_goto_and_filters import chronology
from timeline_app.model import actions, saved_views
from timeline_app.model.compare import Comparison
from timeline_app.model.filters import EventFilter
from timeline_app.model.goto import parse_period, period_words
from timeline_app.model.saved_views import SavedView, ViewFileError
from timeline_app.model.view_state import ViewState


def test_the_filter_setter_tells_only_of_a_real_change() -> None:
    st = ViewState(chronology())
    seen: list[EventFilter] = []
    st.event_filter_changed.connect(seen.append)
    f = EventFilter(categories=frozenset({"eco"}))
    assert st.set_event_filter(f)
    assert not st.set_event_filter(EventFilter(categories=frozenset({"eco"})))  # equal, not the same
    assert seen == [f]
    shown = st.filter_mask()
    assert shown.tolist() == [e.category == "eco" for e in st.chronology.events]
    assert actions.shown_total(st) == (int(shown.sum()), len(st.chronology.events))


def test_a_selected_event_filtered_out_is_unselected() -> None:
    st = ViewState(chronology())
    first_plan = next(e.id for e in st.chronology.events if e.category == "plan")
    assert st.select_event(first_plan)
    st.set_event_filter(EventFilter(categories=frozenset({"eco"})))
    assert st.selection is None
    # → walks only the events let through
    assert actions.next_event(st)
    ev = st.chronology.event(st.selected_event_id or "")
    assert ev is not None and ev.category == "eco"


def test_a_filter_is_restricted_to_what_a_new_version_has() -> None:
    st = ViewState(chronology())
    st.set_event_filter(EventFilter(categories=frozenset({"eco", "gone"}), tags=frozenset({"t"})))
    seen: list[EventFilter] = []
    st.event_filter_changed.connect(seen.append)
    st.set_chronology(chronology())
    assert st.event_filter.categories == frozenset({"eco"}) and st.event_filter.tags == frozenset({"t"})
    assert seen == [st.event_filter]


def test_saved_views_round_trip_and_bad_files() -> None:
    st = ViewState(chronology())
    actions.go_to_date(st, "2014..2016")
    st.set_event_filter(EventFilter(places=frozenset({"Beijing"})))
    v = saved_views.capture(st, "  Early years ", [("PM2.5", "µg/m³")])
    assert v.name == "Early years"
    again = saved_views.loads(saved_views.dumps([v]))
    assert again == [v]
    assert saved_views.with_view([v], SavedView("early YEARS", 1.0, 2.0))[0].start == 1.0
    st2 = ViewState(chronology())
    assert saved_views.apply(st2, v)
    assert st2.range.close_to(st.range) and st2.event_filter == st.event_filter
    assert st2.can_go_back(), "a saved view is a step in the history"
    for text, message in (
        ("nope", "not JSON"),
        ('{"views": 3}', "'views' is a list"),
        ('{"views": [{"name": "x", "start": 2, "end": 1}]}', "start before end"),
        ('{"views": [{"start": 1, "end": 2}]}', "needs a name"),
    ):
        with pytest.raises(ViewFileError, match=message):
            saved_views.loads(text)


def test_period_words_and_the_comparison_steps() -> None:
    assert period_words(*parse_period("2014..2017")) == "2014 – 2017"
    assert period_words(*parse_period("2017-04")) == "April 2017"
    c = chronology()
    cmp_ = Comparison.of(c, c, "same")
    assert cmp_.placed == () and cmp_.step(-1, +1) == -1
