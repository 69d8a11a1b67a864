"""A chronology no longer shown is freed when let go, with no collection of the garbage: what was
kept with it (drawing arrays, search index, columns) referred back to it, a cycle that kept a million
events' worth of memory after a reload until a full collection. No Qt."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate
from timeline_app.model.search import SearchIndex
from timeline_app.model.view_state import ViewState


def _chronology(title: str) -> Chronology:
    events = [Event(f"e{k}", f"Event {k}", PartialDate.parse(f"{2000 + k}"), "c") for k in range(20)]
    return Chronology.build(title=title, events=events, categories=[Category("c", "C", "#336699", 0)])


@pytest.fixture
def no_collection() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_a_replaced_chronology_is_freed_at_once(no_collection: None) -> None:
    first = _chronology("first")
    state = ViewState(first)
    arrays = EventArrays.for_chronology(first)
    SearchIndex.for_chronology(first).ensure_built()
    assert first.columns is not None and EventArrays.for_chronology(first) is arrays  # kept with it
    gone = weakref.ref(first)
    del first, arrays
    state.set_chronology(_chronology("second"))
    assert gone() is None
    second = state.chronology
    assert EventArrays.for_chronology(second).chronology is second
    state.set_chronology(second)  # the same one again (a language switch that came back): kept
    assert EventArrays.for_chronology(second).chronology is second


def test_caches_dropped_are_made_again_when_asked_for() -> None:
    c = _chronology("c")
    before = (len(EventArrays.for_chronology(c).ids), c.lane_of, list(c.events))
    c.drop_caches()
    assert "_event_arrays" not in vars(c) and "lane_of" not in vars(c)
    assert (len(EventArrays.for_chronology(c).ids), c.lane_of, list(c.events)) == before
    assert c == _chronology("c")
