"""Guided tours through a chronology: a tour is a titled list of stops, each naming an event and/or
a time range, the lanes and the plots to show there, and a few sentences of its own.

Pure values, and the plain functions the viewer and the report need: what a stop shows
(:func:`stop_view`) and where a tour is (:class:`TourPosition`). No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .chronology import Chronology
from .records import Tour, TourStop
from .view_state import TimeRange, padded_range

MIN_STOP_SPAN = 2 * 365.25  # days: a stop on one event shows at least two years around it
STOP_CONTEXT = 3.0  # a span is shown this many times as wide as itself, centred


@dataclass(frozen=True, slots=True)
class StopView:
    """What the viewer shows at a stop: the range, the selected event, the hidden lanes and the
    plot groups (``(name, unit)`` keys; None leaves the default plots)."""

    range: TimeRange
    event_id: str | None
    hidden_lanes: frozenset[str]
    plot_keys: tuple[tuple[str, str], ...] | None
    heading: str


def stop_range(chronology: Chronology, stop: TourStop) -> TimeRange:
    """The days a stop shows: its own ``start``..``end`` (a start alone: the interval it stands for),
    padded a little; else its event, centred in at least :data:`MIN_STOP_SPAN` days."""
    if stop.start is not None:
        lo = stop.start.first_day()
        hi = (stop.end or stop.start).end_day()
        return padded_range(lo, hi, pad=0.05)
    ev = chronology.event(stop.event or "")
    if ev is None:
        return chronology_range(chronology)
    i = chronology.event_index[ev.id]
    first, last = float(chronology.starts[i]), float(chronology.ends[i])
    span = max((last - first) * STOP_CONTEXT, MIN_STOP_SPAN)
    mid = (first + last) / 2.0
    return TimeRange(mid - span / 2.0, mid + span / 2.0)


def chronology_range(chronology: Chronology) -> TimeRange:
    return padded_range(*chronology.full_range())


def stop_view(chronology: Chronology, stop: TourStop) -> StopView:
    """What a stop shows in ``chronology``; names the chronology no longer has are left out."""
    cats = chronology.category_index
    lanes = [c for c in stop.lanes if c in cats]
    hidden = frozenset(c.id for c in chronology.categories if c.id not in lanes) if lanes else frozenset()
    keys: tuple[tuple[str, str], ...] | None = None
    if stop.plots is not None:
        found: list[tuple[str, str]] = []
        for ident in stop.plots:
            ind = chronology.indicator(ident)
            if ind is not None and ind.plot_key not in found:
                found.append(ind.plot_key)
        keys = tuple(found)
    ev = chronology.event(stop.event) if stop.event else None
    heading = stop.title or (ev.title if ev is not None else "")
    return StopView(stop_range(chronology, stop), ev.id if ev is not None else None, hidden, keys, heading)


class TourPosition:
    """Where a running tour is: which stop of how many. Moves clamp at the ends; each returns
    whether the stop changed."""

    def __init__(self, tour: Tour, index: int = 0) -> None:
        self.tour = tour
        self.index = min(max(index, 0), len(tour.stops) - 1)

    @property
    def stop(self) -> TourStop:
        return self.tour.stops[self.index]

    @property
    def count(self) -> int:
        return len(self.tour.stops)

    def go(self, index: int) -> bool:
        new = min(max(index, 0), self.count - 1)
        changed = new != self.index
        self.index = new
        return changed

    def next(self) -> bool:
        return self.go(self.index + 1)

    def prev(self) -> bool:
        return self.go(self.index - 1)

    def first(self) -> bool:
        return self.go(0)

    def last(self) -> bool:
        return self.go(self.count - 1)

    @property
    def at_end(self) -> bool:
        return self.index == self.count - 1


def eased(t: float) -> float:
    """Ease in and out (a smoothstep): 0 at 0, 1 at 1, slow at both ends."""
    t = min(max(t, 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


def between(a: TimeRange, b: TimeRange, t: float) -> TimeRange:
    """The range a fraction ``t`` of the way from ``a`` to ``b``, eased; the span moves on a log
    scale so that a zoom from ten years to one month feels even."""
    k = eased(t)
    span = math.exp(math.log(a.span) + (math.log(b.span) - math.log(a.span)) * k)
    mid = a.center + (b.center - a.center) * k
    return TimeRange(mid - span / 2.0, mid + span / 2.0)
