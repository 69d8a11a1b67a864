"""The overview band's maths: the whole chronology's density per lane, and the window rectangle
dragged or resized on it. No Qt here.

:func:`density` is made once per chronology (and kept with it, like the drawing arrays): one
``numpy.bincount`` over the events' anchors, :data:`BINS` columns per lane across the chronology's
whole span. The band scales those columns to its width when it paints; nothing here runs per frame.

:class:`BandScale` maps days to the band's pixels and back; :func:`dragged` is what a drag of the
window rectangle (or of one of its edges) makes of the visible range.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.model.chronology import Chronology
from timeline_app.model.view_state import MIN_SPAN_DAYS, TimeRange, padded_range

BINS = 1024  # columns of the density, whatever the band's width
EDGE_PX = 5.0  # this near an edge of the window rectangle, a drag resizes it


@dataclass(frozen=True, eq=False)
class Density:
    """Events per lane and column: ``counts[lane, column]``, columns of equal days from ``lo`` to
    ``hi`` (the chronology's whole span, a little padded)."""

    lo: float
    hi: float
    counts: np.ndarray  # int64, (lanes, BINS)

    @property
    def peak(self) -> int:
        return int(self.counts.max()) if self.counts.size else 0


def density(chron: Chronology) -> Density:
    """The chronology's density per lane, made on first use and kept with the chronology."""
    cache = vars(chron)
    d = cache.get("_overview_density")
    if not isinstance(d, Density):
        d = cache["_overview_density"] = compute_density(chron)
    return d


def compute_density(chron: Chronology, bins: int = BINS) -> Density:
    full = padded_range(*chron.full_range(), pad=0.01)
    lo, hi = full.start, full.end
    n_lanes = max(len(chron.categories), 1)
    n = len(chron.events)
    if n == 0:
        return Density(lo, hi, np.zeros((n_lanes, bins), dtype=np.int64))
    cols = chron.columns
    # a point event counts in the middle of its date's interval, a span at its start
    anchor = np.where(cols.has_end | cols.ongoing, cols.start_first, (cols.start_first + cols.start_end) / 2)
    col = np.clip(((anchor - lo) * (bins / (hi - lo))).astype(np.int64), 0, bins - 1)
    flat = cols.lane.astype(np.int64) * bins + col
    counts = np.bincount(flat, minlength=n_lanes * bins)[: n_lanes * bins].reshape(n_lanes, bins)
    return Density(lo, hi, counts)


@dataclass(frozen=True)
class BandScale:
    """Days ``lo``..``hi`` across ``width`` pixels starting at ``left``."""

    lo: float
    hi: float
    left: float
    width: float

    def x(self, day: float) -> float:
        return self.left + (day - self.lo) / (self.hi - self.lo) * self.width

    def day(self, x: float) -> float:
        return self.lo + (x - self.left) / self.width * (self.hi - self.lo)

    def window(self, r: TimeRange) -> tuple[float, float]:
        """The window rectangle's left and right pixels (at least 3 pixels wide, to be grabbed)."""
        a, b = self.x(r.start), self.x(r.end)
        if b - a < 3.0:
            mid = (a + b) / 2
            a, b = mid - 1.5, mid + 1.5
        return a, b

    def grip(self, r: TimeRange, x: float) -> str:
        """What a press at ``x`` takes hold of: "start" or "end" (an edge), "window", or "" (the
        band outside the window: a click there centres the view)."""
        a, b = self.window(r)
        if abs(x - a) <= EDGE_PX and abs(x - a) <= abs(x - b):
            return "start"
        if abs(x - b) <= EDGE_PX:
            return "end"
        return "window" if a < x < b else ""


def dragged(r: TimeRange, grip: str, days: float) -> TimeRange:
    """The range after its ``grip`` ("window", "start", "end") was dragged by ``days``; an edge
    never passes the other (the closest zoom is kept)."""
    if grip == "window":
        return TimeRange(r.start + days, r.end + days)
    if grip == "start":
        return TimeRange(min(r.start + days, r.end - MIN_SPAN_DAYS), r.end)
    if grip == "end":
        return TimeRange(r.start, max(r.end + days, r.start + MIN_SPAN_DAYS))
    return r
