"""An indicator series as arrays, and what of it to draw at a zoom: no Qt, numpy only.

A series of a million points over a plot a thousand pixels wide cannot be drawn point by point in a
frame. :func:`line_vertices` reduces the points in view to at most four per pixel column (the
first, the lowest, the highest and the last: the "M4" aggregation of Jugel et al., VLDB 2014),
which draws the same pixels as the full line: every peak and trough is kept. Gaps stay right: the
join from one column to the next is dotted when the two points it joins are not adjacent periods,
solid otherwise, exactly as between the raw points (:func:`adjacent_periods`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from timeline_app.model.chronology import Chronology, IndicatorPoint

_DATE = attrgetter("date")
_FIRST = attrgetter("_first")
_END = attrgetter("_end")
_VALUE = attrgetter("value")
_DERIVED = attrgetter("derived")


def adjacent_periods(points: Sequence[IndicatorPoint]) -> np.ndarray:
    """``out[k]``: whether point k and k+1 (sorted by date) are adjacent periods, so the line between
    them is solid (dotted otherwise: data are missing between them). The last entry is False."""
    dates = list(map(_DATE, points))
    first = np.fromiter(map(_FIRST, dates), dtype=np.float64, count=len(dates))
    end = np.fromiter(map(_END, dates), dtype=np.float64, count=len(dates))
    return _adjacent(first, end)


def _adjacent(first: np.ndarray, end: np.ndarray) -> np.ndarray:
    out = np.zeros(len(first), dtype=bool)
    if len(first) > 1:
        out[:-1] = first[1:] <= end[:-1] + 0.5
    return out


@dataclass(eq=False)
class SeriesArrays:
    """A series' points sorted by date: where each is plotted (``x``, the middle of the interval
    its date stands for), its value, whether it is derived, and whether it joins the next one."""

    x: np.ndarray
    y: np.ndarray
    derived: np.ndarray  # bool
    adjacent: np.ndarray  # bool: solid join to the next point
    order: np.ndarray  # index in the indicator's points of each sorted point

    @classmethod
    def from_points(cls, points: Sequence[IndicatorPoint]) -> SeriesArrays:
        n = len(points)
        dates = list(map(_DATE, points))
        first = np.fromiter(map(_FIRST, dates), dtype=np.float64, count=n)
        end = np.fromiter(map(_END, dates), dtype=np.float64, count=n)
        value = np.fromiter(map(_VALUE, points), dtype=np.float64, count=n)
        derived = np.fromiter(map(bool, map(_DERIVED, points)), dtype=bool, count=n)
        x = (first + end) / 2.0
        order = np.argsort(x, kind="stable")
        return cls(
            x=x[order],
            y=value[order],
            derived=derived[order],
            adjacent=_adjacent(first[order], end[order]),
            order=order,
        )

    @classmethod
    def for_chronology(cls, chron: Chronology) -> dict[str, SeriesArrays]:
        """Indicator id -> its arrays, for every indicator of ``chron``: made on first use and kept
        with the chronology (so a loader thread can make them before the view asks)."""
        cache = vars(chron)
        out = cache.get("_series_arrays")
        if not isinstance(out, dict):
            out = cache["_series_arrays"] = {ind.id: cls.from_points(ind.points) for ind in chron.indicators}
        return out

    def prepare_blocks(self) -> None:
        """Make every level of blocks now (otherwise each is made the first time a zoom needs it)."""
        for size in BLOCK_SIZES:
            if size < self.n:
                self.blocks_for(size * BLOCKS_PER_COLUMN)

    @property
    def n(self) -> int:
        return len(self.x)

    def blocks_for(self, points_per_px: float) -> Blocks | None:
        """The coarsest blocks at most a quarter of a pixel column wide (made on first use), or
        None when the points themselves are few enough."""
        size = max((b for b in BLOCK_SIZES if b * BLOCKS_PER_COLUMN <= points_per_px), default=0)
        if size == 0 or size >= self.n:
            return None
        cache = self.__dict__.setdefault("_blocks", {})
        blocks = cache.get(size)
        if blocks is None:
            blocks = cache[size] = Blocks.of(self, size)
        return blocks  # type: ignore[no-any-return]

    def has_gaps(self) -> bool:
        return bool(self.n > 1 and not self.adjacent[:-1].all())

    def visible(self, lo: float, hi: float) -> tuple[int, int]:
        """The slice of points in ``[lo, hi]`` and one more on each side (so lines reach the edges)."""
        i0 = int(np.searchsorted(self.x, lo, side="left"))
        i1 = int(np.searchsorted(self.x, hi, side="right"))
        return max(i0 - 1, 0), min(i1 + 1, self.n)

    def nearest(self, day: float) -> int:
        """The sorted position of the point nearest to ``day`` (-1 for an empty series)."""
        if not self.n:
            return -1
        j = int(np.searchsorted(self.x, day))
        if j >= self.n:
            return self.n - 1
        if j > 0 and day - self.x[j - 1] <= self.x[j] - day:
            return j - 1
        return j


BLOCK_SIZES = (16, 128, 1024, 8192)  # points per block, for series of many points
BLOCKS_PER_COLUMN = 4  # use blocks at most a quarter of a pixel column wide


@dataclass(eq=False)
class Blocks:
    """A series summarised by consecutive blocks of ``size`` points: each block's first and last
    point (x and value), its lowest and highest value, and whether its last point joins the next
    block solid. Drawing a line from blocks a quarter of a pixel wide puts every peak within a
    quarter of a pixel of where it is."""

    size: int
    x0: np.ndarray
    x1: np.ndarray
    first: np.ndarray
    last: np.ndarray
    low: np.ndarray
    high: np.ndarray
    join: np.ndarray

    @classmethod
    def of(cls, s: SeriesArrays, size: int) -> Blocks:
        n = s.n
        starts = np.arange(0, n, size)
        ends = np.minimum(starts + size, n) - 1
        return cls(
            size=size,
            x0=s.x[starts],
            x1=s.x[ends],
            first=s.y[starts],
            last=s.y[ends],
            low=np.minimum.reduceat(s.y, starts),
            high=np.maximum.reduceat(s.y, starts),
            join=s.adjacent[ends],
        )


@dataclass
class LineVertices:
    """What to draw of a series' line: vertices in pixels, and which join each vertex to the next
    with a solid line and which with a dotted one (at most one of the two)."""

    px: np.ndarray
    py: np.ndarray
    solid: np.ndarray
    dotted: np.ndarray
    reduced: bool  # True when the points were reduced per pixel column


def clip_x(v: LineVertices, x_lo: float, x_hi: float) -> LineVertices:
    """The line cut at ``x_lo`` and ``x_hi`` (pixels): vertices beyond either end are replaced by
    the point where the line crosses it. (A dotted line is stroked dot by dot over its whole
    length, clipped or not: a segment reaching thousands of pixels off-screen costs thousands of
    dots.) Vertices must be in increasing x."""
    px, py, solid, dotted = v.px, v.py, v.solid, v.dotted
    n = len(px)
    a = int(np.searchsorted(px, x_lo, side="left"))  # vertices 0..a-1 lie before x_lo
    b = int(np.searchsorted(px, x_hi, side="right"))  # vertices b.. lie after x_hi
    if n < 2 or (a == 0 and b == n):
        return v
    first, last = max(a - 1, 0), min(b + 1, n)
    px, py = px[first:last].copy(), py[first:last].copy()
    solid, dotted = solid[first:last].copy(), dotted[first:last].copy()
    if a > 0 and a < n:
        t = (x_lo - px[0]) / (px[1] - px[0]) if px[1] != px[0] else 0.0
        py[0] += t * (py[1] - py[0])
        px[0] = x_lo
    if b < n and b > 0:
        t = (x_hi - px[-2]) / (px[-1] - px[-2]) if px[-1] != px[-2] else 1.0
        py[-1] = py[-2] + t * (py[-1] - py[-2])
        px[-1] = x_hi
    solid[-1] = dotted[-1] = False
    return LineVertices(px, py, solid, dotted, v.reduced)


def column_spans(v: LineVertices) -> np.ndarray:
    """A line reduced per pixel column (:func:`line_vertices` with ``reduced``) as one box per
    column, rows (x, y, width, height) in pixels: the rows its four vertices cover, and those of
    the solid join from the previous column's last point, two pixels thick (what a two-pixel pen
    draws there). A dense line of a million points is then ~1,500 filled boxes instead of ~6,000
    stroked segments twice. The dotted joins across gaps, and solid joins that cross empty columns
    (where the points are sparser), are still the line's to draw."""
    if not v.reduced or len(v.px) < 4 or len(v.px) % 4:
        return np.empty((0, 4))  # not four vertices per column (clip_x cuts them: call it before)
    vx = v.px.reshape(-1, 4)
    vy = v.py.reshape(-1, 4)
    lo = vy.min(axis=1)
    hi = vy.max(axis=1)
    col = np.floor(vx[:, 0])
    # column c-1's last point joins column c's first: folded into c's box when the columns touch
    # (a join across empty columns, where the points are sparser, is the line's to stroke)
    joined = v.solid.reshape(-1, 4)[:-1, 3] & (col[1:] - np.floor(vx[:-1, 3]) <= 1.0)
    prev = vy[:-1, 3]
    lo[1:] = np.where(joined, np.minimum(lo[1:], prev), lo[1:])
    hi[1:] = np.where(joined, np.maximum(hi[1:], prev), hi[1:])
    top = np.floor(lo)
    out = np.empty((len(vx), 4))
    out[:, 0] = col
    out[:, 1] = top
    out[:, 2] = 1.0
    out[:, 3] = np.floor(hi) + 2.0 - top
    return out


def line_vertices(
    s: SeriesArrays,
    i0: int,
    i1: int,
    sx: float,
    tx: float,
    sy: float,
    ty: float,
    *,
    width_px: float,
    raw_per_px: float = 2.0,
) -> LineVertices:
    """The line of points ``i0..i1-1`` mapped to pixels (``x * sx + tx``, ``y * sy + ty``) over a
    view ``width_px`` wide: the points themselves when there are at most ``raw_per_px`` per pixel,
    else four per pixel column (see the module docstring), from the series' blocks (:class:`Blocks`)
    when there are many points per column. Cut it at the view's edges with :func:`clip_x`."""
    n = i1 - i0
    width_px = max(width_px, 1.0)
    if n <= raw_per_px * width_px:
        px = s.x[i0:i1] * sx + tx
        py = s.y[i0:i1] * sy + ty
        adj = s.adjacent[i0:i1].copy()
        if n:
            adj[-1] = False
        dotted = ~adj
        if n:
            dotted[-1] = False
        return LineVertices(px, py, adj, dotted, False)
    b = s.blocks_for(n / width_px)
    if b is None:
        sl = slice(i0, i1)
        y = s.y[sl]
        return _m4(s.x[sl], s.x[sl], y, y, y, y, s.adjacent[sl], sx, tx, sy, ty)
    j0, j1 = i0 // b.size, -(-i1 // b.size)
    sl = slice(j0, j1)
    return _m4(b.x0[sl], b.x1[sl], b.first[sl], b.last[sl], b.low[sl], b.high[sl], b.join[sl], sx, tx, sy, ty)


def _m4(
    x0: np.ndarray,
    x1: np.ndarray,
    first: np.ndarray,
    last: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    join: np.ndarray,
    sx: float,
    tx: float,
    sy: float,
    ty: float,
) -> LineVertices:
    """Four vertices per pixel column (first, lowest, highest, last) of groups of points (a
    point, or a block): group ``g`` starts at ``x0[g]`` with ``first[g]``, ends at ``x1[g]`` with
    ``last[g]``, spans ``low[g]..high[g]``, and joins the next group solid when ``join[g]``."""
    n = len(x0)
    p0 = x0 * sx + tx
    col = np.floor(p0)
    starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]])
    ends = np.r_[starts[1:], n] - 1
    m = len(starts)
    # in pixels y grows downwards when sy < 0: the data's low is the pixel's high
    ylo = np.minimum.reduceat(low, starts) * sy + ty
    yhi = np.maximum.reduceat(high, starts) * sy + ty
    vx = np.empty((m, 4))
    vy = np.empty((m, 4))
    vx[:, 0] = p0[starts]
    vx[:, 1] = p0[starts]
    vx[:, 2] = p0[starts]
    vx[:, 3] = x1[ends] * sx + tx
    vy[:, 0] = first[starts] * sy + ty
    vy[:, 1] = ylo
    vy[:, 2] = yhi
    vy[:, 3] = last[ends] * sy + ty
    j = join[ends]  # from a column's last point to the next column's first
    solid = np.ones((m, 4), dtype=bool)
    solid[:, 3] = j
    dotted = np.zeros((m, 4), dtype=bool)
    dotted[:, 3] = ~j
    dotted[-1, 3] = False
    solid[-1, 3] = False
    return LineVertices(vx.ravel(), vy.ravel(), solid.ravel(), dotted.ravel(), True)
