"""The events' dates and lanes as numpy arrays. No Qt here.

The events are kept as columns already (:mod:`.event_table`): dates as codes into a small table of
distinct dates, categories as codes into the category ids. So the epoch days of every event are a
lookup of the few thousand distinct dates, indexed by the codes, all in numpy: no pass over a million
Python objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

import numpy as np

from .event_table import EventTable
from .records import Event


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


def table_columns(table: EventTable, lane_of: Mapping[str, int]) -> EventColumns:
    """The columns of a table of events; ``lane_of`` maps category ids to lanes (0 when unknown)."""
    first, last = table.first_days()
    start, end = table.start, table.end
    has_end = end >= 0
    safe_end = np.where(has_end, end, 0)
    zero = np.zeros(len(table), dtype=np.float64)
    if len(first) == 0:  # no dates, so no events
        first = last = np.zeros(1, dtype=np.float64)
    lanes = np.fromiter((lane_of.get(c, 0) for c in table.category_ids), np.int32, len(table.category_ids))
    return EventColumns(
        start_first=first[start],
        start_end=last[start],
        end_first=np.where(has_end, first[safe_end], zero),
        end_end=np.where(has_end, last[safe_end], zero),
        has_end=has_end,
        ongoing=table.ongoing.copy(),
        approximate=table.approximate.copy(),
        lane=lanes[table.category] if len(lanes) else np.zeros(len(table), dtype=np.int32),
    )


def event_columns(events: Iterable[Event], lane_of: Mapping[str, int]) -> EventColumns:
    """The columns of ``events`` (a table, or any events: they are made into a table first)."""
    return table_columns(EventTable.of(events), lane_of)
