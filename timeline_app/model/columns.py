"""The events' dates and lanes as numpy arrays, read from the events in one pass. No Qt here.

A million events are a million tuples scattered over memory (the chronology sorts them after they
were made), so every pass over them costs a cache miss per event: about 0.4 s per pass at a million
on a laptop-class machine, whatever the pass does. :func:`event_columns` therefore visits each event
once, taking the five fields the view needs in one ``itemgetter`` call, a chunk at a time (so the
temporary tuples stay small), and does everything else in numpy. The epoch days come from the
interval each :class:`~timeline_app.model.dates.PartialDate` caches (``_first``/``_end``), never
recomputed. The cyclic garbage collector is paused meanwhile: the pass makes a million small
tuples, and each full collection would walk every object of the chronology.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import compress, islice, repeat
from operator import attrgetter, is_not, itemgetter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from .chronology import Event

CHUNK = 65536  # events per chunk of the pass

_FIELDS = itemgetter(2, 3, 4, 5, 6)  # Event: start, category, end, ongoing, approximate
_FIRST = attrgetter("_first")
_END = attrgetter("_end")


class EventColumns(NamedTuple):
    """One entry per event, in the chronology's order. Days are epoch days, whole numbers held as
    float64 (what drawing computes with, so the view shares these arrays rather than copying
    them); an end that was not written has 0 in ``end_first``/``end_end`` and False in
    ``has_end``."""

    start_first: np.ndarray  # first day the start date may stand for
    start_end: np.ndarray  # the day after its last day
    end_first: np.ndarray
    end_end: np.ndarray
    has_end: np.ndarray  # bool
    ongoing: np.ndarray  # bool
    approximate: np.ndarray  # bool
    lane: np.ndarray  # int32: the category's lane (0 for an unknown category)

    @property
    def n(self) -> int:
        return len(self.start_first)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block (restored as it was after it)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _chunk_columns(rows: list[tuple[object, ...]], lane_of: Mapping[str, int]) -> tuple[np.ndarray, ...]:
    n = len(rows)
    starts = list(map(itemgetter(0), rows))
    s_first = np.fromiter(map(_FIRST, starts), dtype=np.float64, count=n)
    s_end = np.fromiter(map(_END, starts), dtype=np.float64, count=n)
    lane = np.fromiter(map(lane_of.get, map(itemgetter(1), rows), repeat(0)), dtype=np.int32, count=n)
    ends = list(map(itemgetter(2), rows))
    has_end = np.fromiter(map(is_not, ends, repeat(None)), dtype=bool, count=n)
    k = int(has_end.sum())
    e_first = np.zeros(n, dtype=np.float64)
    e_end = np.zeros(n, dtype=np.float64)
    if k:
        written = list(compress(ends, has_end.tolist()))
        e_first[has_end] = np.fromiter(map(_FIRST, written), dtype=np.float64, count=k)
        e_end[has_end] = np.fromiter(map(_END, written), dtype=np.float64, count=k)
    ongoing = np.fromiter(map(itemgetter(3), rows), dtype=bool, count=n)
    approx = np.fromiter(map(itemgetter(4), rows), dtype=bool, count=n)
    return s_first, s_end, e_first, e_end, has_end, ongoing, approx, lane


def event_columns(events: Sequence[Event], lane_of: Mapping[str, int]) -> EventColumns:
    """The columns of ``events`` (see :class:`EventColumns`); ``lane_of`` maps category ids to lanes."""
    n = len(events)
    parts: list[tuple[np.ndarray, ...]] = []
    it = iter(events)
    with paused_gc():
        for _ in range(0, n, CHUNK):
            rows = list(map(_FIELDS, islice(it, CHUNK)))  # the one visit of each event
            parts.append(_chunk_columns(rows, lane_of))
    if not parts:
        z = np.zeros(0, dtype=np.float64)
        b = np.zeros(0, dtype=bool)
        return EventColumns(z, z, z, z, b, b, b, np.zeros(0, dtype=np.int32))
    if len(parts) == 1:
        return EventColumns(*parts[0])
    return EventColumns(*(np.concatenate(col) for col in zip(*parts, strict=True)))
