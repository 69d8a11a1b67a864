"""Layout maths of the lane timeline, in pixels: no Qt, numpy only.

* :func:`lane_geometry` stacks the lanes (label rows above the marker line, span tracks below);
* :func:`cluster_markers` merges point markers that would overlap into clusters with a count;
  :func:`group_columns` is its second half, shared with the level-of-detail path
  (:mod:`timeline_app.geometry.lod`), which counts the markers of each pixel column without visiting
  the events;
* :func:`coverage_runs` merges span bars narrower than a pixel into runs of covered columns;
* :class:`Occupancy` answers "is this stretch of a label row free?" while labels are placed.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MAX_TRACKS = 8  # span tracks drawn per lane; deeper spans share the last one
MAX_ROWS_ABOVE = 2  # label rows above the marker line (plus the row beside the markers)


class Occupancy:
    """Intervals taken on one label row; answers 'is [a, b) free?' in O(log n)."""

    __slots__ = ("_a", "_b")

    def __init__(self) -> None:
        self._a: list[float] = []
        self._b: list[float] = []

    def free(self, a: float, b: float) -> bool:
        i = bisect.bisect_right(self._a, a)
        if i > 0 and self._b[i - 1] > a:
            return False
        return not (i < len(self._a) and self._a[i] < b)

    def take(self, a: float, b: float) -> None:
        i = bisect.bisect_right(self._a, a)
        self._a.insert(i, a)
        self._b.insert(i, b)


def count_text(n: int) -> str:
    """A cluster's count as drawn: exact below a thousand, then short (1.2k, 12k, 1.2M)."""
    if n < 1000:
        return str(n)
    if n < 10_000:
        return f"{n // 100 / 10:.1f}k"
    if n < 1_000_000:
        return f"{n // 1000}k"
    return f"{n // 100_000 / 10:.1f}M"


# -- point markers and clusters ---------------------------------------------------------------------------


@dataclass
class Glyphs:
    """Point markers after merging: one row per glyph, sorted by lane then x."""

    lane: np.ndarray
    x: np.ndarray  # centre of a single marker; centre of a cluster
    x_lo: np.ndarray  # leftmost member
    x_hi: np.ndarray  # rightmost member
    count: np.ndarray
    event: np.ndarray  # the event of a single marker; -1 for a cluster
    matches: np.ndarray  # members matching the search

    @classmethod
    def empty(cls) -> Glyphs:
        z = np.empty(0)
        zi = np.empty(0, dtype=np.int64)
        return cls(zi, z, z, z, zi, zi, zi)


@dataclass
class Columns:
    """Point markers counted per (lane, pixel column): one row per occupied column, sorted by lane
    then column. ``x`` is the mean position of the column's markers; ``event`` the marker of a
    column holding exactly one (else anything)."""

    lane: np.ndarray
    x: np.ndarray
    count: np.ndarray
    event: np.ndarray
    matches: np.ndarray


def column_count(width: float, margin: float) -> int:
    """Pixel columns of a view ``width`` wide with ``margin`` columns either side (and two spare)."""
    return math.ceil(width + 2 * margin) + 2


def marker_columns(
    lane: np.ndarray,
    x: np.ndarray,
    event: np.ndarray,
    n_lanes: int,
    width: float,
    *,
    match: np.ndarray | None = None,
    margin: float = 32.0,
) -> Columns:
    """Count markers per (lane, pixel column) with ``numpy.bincount``: a few array passes."""
    ncol = column_count(width, margin)
    col = np.clip(np.floor(x + margin).astype(np.int64), 0, ncol - 1)
    key = lane.astype(np.int64) * ncol + col
    size = max(n_lanes, int(lane.max()) + 1) * ncol
    counts = np.bincount(key, minlength=size)
    nz = np.flatnonzero(counts)
    c_cnt = counts[nz]
    c_sum_idx = np.bincount(key, weights=event.astype(np.float64), minlength=size)[nz]
    c_x = np.bincount(key, weights=x, minlength=size)[nz] / c_cnt
    c_match = (
        np.bincount(key, weights=match.astype(np.float64), minlength=size)[nz].astype(np.int64)
        if match is not None
        else np.zeros(len(nz), dtype=np.int64)
    )
    c_event = np.where(c_cnt == 1, np.rint(c_sum_idx).astype(np.int64), -1)
    return Columns(nz // ncol, c_x, c_cnt, c_event, c_match)


def group_columns(cols: Columns, gap: float, walls: tuple[np.ndarray, np.ndarray] | None = None) -> Glyphs:
    """Runs of occupied columns of a lane less than ``gap`` pixels apart become one cluster; a run
    longer than ``4 * gap`` is cut into pieces ``4 * gap`` wide, so a dense stream of events shows
    several counts along its length rather than one. A column of one marker alone is that marker.

    ``walls`` (lanes, x) are markers drawn on their own (events that matter): no cluster reaches
    across one, so a cluster never covers such a marker."""
    m = len(cols.x)
    if m == 0:
        return Glyphs.empty()
    c_lane, c_x = cols.lane, cols.x
    brk = np.ones(m, dtype=bool)
    if m > 1:
        brk[1:] = (np.diff(c_lane) != 0) | (np.diff(c_x) >= gap)
        if walls is not None and len(walls[0]):
            # the columns are sorted by lane, then x: a wall between two columns of its lane
            # breaks the run there
            w_lane, w_x = walls
            lane_lo = np.searchsorted(c_lane, w_lane, side="left")
            lane_hi = np.searchsorted(c_lane, w_lane, side="right")
            for lo, hi, x in zip(lane_lo.tolist(), lane_hi.tolist(), w_x.tolist(), strict=True):
                j = lo + int(np.searchsorted(c_x[lo:hi], x))
                if lo < j < hi:
                    brk[j] = True
    run_id = np.cumsum(brk) - 1
    run_start = np.flatnonzero(brk)
    run_x0 = c_x[run_start][run_id]
    cell = 4.0 * gap
    sub = np.floor((c_x - run_x0) / cell).astype(np.int64)
    gbrk = brk.copy()
    if m > 1:
        gbrk[1:] |= np.diff(sub) != 0
    g_start = np.flatnonzero(gbrk)
    g_end = np.r_[g_start[1:], m] - 1
    g_count = np.add.reduceat(cols.count, g_start)
    g_xlo = c_x[g_start]
    g_xhi = c_x[g_end]
    g_match = np.add.reduceat(cols.matches, g_start).astype(np.int64)
    g_event = np.where(g_count == 1, cols.event[g_start], -1)
    # a column holding several events at one x has x_lo == x_hi; a single's x is exact
    g_x = (g_xlo + g_xhi) / 2.0
    return Glyphs(c_lane[g_start], g_x, g_xlo, g_xhi, g_count, g_event, g_match)


def cluster_markers(
    lane: np.ndarray,
    x: np.ndarray,
    event: np.ndarray,
    n_lanes: int,
    width: float,
    gap: float,
    *,
    match: np.ndarray | None = None,
    margin: float = 32.0,
) -> Glyphs:
    """Merge markers closer than ``gap`` pixels (within a lane) into clusters.

    ``x`` are pixel positions (0 at the left edge of the view). Markers are first counted per
    (lane, pixel column) (:func:`marker_columns`), so the cost is a few array passes plus the
    number of occupied columns, then grouped (:func:`group_columns`).
    """
    if len(x) == 0:
        return Glyphs.empty()
    cols = marker_columns(lane, x, event, n_lanes, width, match=match, margin=margin)
    return group_columns(cols, gap)


# -- span bars ----------------------------------------------------------------------------------------------


def coverage_runs(
    key: np.ndarray, x0: np.ndarray, x1: np.ndarray, width: float, margin: int = 2
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge intervals ``[x0, x1)`` (pixels from the view's left edge) per ``key`` into the runs of
    pixel columns they cover: ``(key, start, end)`` arrays. A difference array and a cumulative
    sum per key: a few array passes whatever the number of intervals."""
    if len(key) == 0:
        z = np.empty(0, dtype=np.int64)
        return z, z.astype(np.float64), z.astype(np.float64)
    ncol = math.ceil(width) + 2 * margin + 2
    c0 = np.clip(np.floor(x0).astype(np.int64) + margin, 0, ncol - 1)
    c1 = np.clip(np.ceil(x1).astype(np.int64) + margin, 0, ncol - 1)
    counts = np.bincount(key)
    ukeys = np.flatnonzero(counts)
    lut = np.zeros(len(counts), dtype=np.int64)
    lut[ukeys] = np.arange(len(ukeys))
    row = lut[key]
    size = len(ukeys) * ncol
    diff = np.bincount(row * ncol + c0, minlength=size) - np.bincount(row * ncol + c1, minlength=size)
    covered = np.cumsum(diff.reshape(len(ukeys), ncol), axis=1) > 0
    edges = np.zeros((len(ukeys), ncol + 2), dtype=np.int8)
    edges[:, 1:-1] = covered
    d = np.diff(edges, axis=1)
    rs, cs = np.nonzero(d == 1)
    _, ce = np.nonzero(d == -1)
    return ukeys[rs], (cs - margin).astype(np.float64), (ce - margin).astype(np.float64)


def merge_pixel_runs(
    x0: np.ndarray, x1: np.ndarray, width: float, margin: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, disjoint intervals ``[x0, x1)`` (pixels) as the runs of whole pixel columns they
    cover, clipped to ``[-margin, width + margin]``: intervals that touch the same column merge."""
    if len(x0) == 0:
        z = np.empty(0, dtype=np.float64)
        return z, z
    lo, hi = -float(margin), math.ceil(width) + float(margin)
    c0 = np.clip(np.floor(x0), lo, hi)
    c1 = np.clip(np.ceil(np.maximum(x1, x0 + 1.0)), lo, hi)
    reach = np.maximum.accumulate(c1)
    brk = np.ones(len(c0), dtype=bool)
    brk[1:] = c0[1:] > reach[:-1]
    starts = np.flatnonzero(brk)
    ends = np.r_[starts[1:], len(c0)] - 1
    keep = reach[ends] > c0[starts]
    return c0[starts][keep], reach[ends][keep]


def merge_pixel_runs_keyed(
    key: np.ndarray, x0: np.ndarray, x1: np.ndarray, width: float, margin: int = 2
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`merge_pixel_runs` for the intervals of many keys at once: ``key`` sorted, and the
    intervals of each key sorted and disjoint. Returns ``(key, start, end)``: what merging each
    key's intervals on its own gives, in key order (a few array passes in all, not per key)."""
    if len(x0) == 0:
        z = np.empty(0, dtype=np.float64)
        return np.empty(0, dtype=np.int64), z, z
    lo, hi = -float(margin), math.ceil(width) + float(margin)
    c0 = np.clip(np.floor(x0), lo, hi)
    c1 = np.clip(np.ceil(np.maximum(x1, x0 + 1.0)), lo, hi)
    # offset each key's columns past every column of the keys before it, so that one running
    # maximum starts afresh at each key
    off = (key - key[0]).astype(np.float64) * (hi - lo + 2.0)
    reach = np.maximum.accumulate(c1 + off) - off
    brk = np.ones(len(c0), dtype=bool)
    brk[1:] = (key[1:] != key[:-1]) | (c0[1:] > reach[:-1])
    starts = np.flatnonzero(brk)
    ends = np.r_[starts[1:], len(c0)] - 1
    keep = reach[ends] > c0[starts]
    return key[starts][keep], c0[starts][keep], reach[ends][keep]


# -- lanes --------------------------------------------------------------------------------------------------


@dataclass
class LaneGeom:
    index: int
    top: float  # relative to the top of the view box
    height: float
    hidden: bool
    rows_above: int  # label rows above the marker line
    marker_y: float  # centre of the marker line (and of the labels beside the markers)
    track_top: float
    track_h: float
    n_tracks: int

    def row_y(self, row: int, th: float, r: float) -> float:
        """Top of label row ``row`` (0: beside the markers, 1..: above)."""
        if row == 0:
            return self.marker_y - th / 2.0
        return self.marker_y - max(th / 2.0, r + 1.0) - row * (th + 1.0)

    def track_y(self, track: int) -> float:
        return self.track_top + min(track, max(self.n_tracks - 1, 0)) * self.track_h


def lane_geometry(
    height: float,
    header: float,
    hidden: Sequence[bool],
    tracks: Sequence[int],
    th: float,
    r: float,
    min_rows: Sequence[int] | None = None,
) -> list[LaneGeom]:
    """Stack the lanes from top to bottom in ``height`` pixels below a ``header`` strip.

    Hidden lanes collapse to one text line. Visible lanes get, in order of preference: two label
    rows above the marker line and span tracks tall enough for a title; then fewer rows; then
    thinner tracks (bars without titles); then everything squeezed. Spare height is shared
    equally and the content is centred in each lane. ``min_rows`` keeps at least that many label
    rows above a lane's markers whatever the squeeze (a lane holding a headline event has one, so
    that its title always has somewhere to go).
    """
    n = len(hidden)
    if n == 0:
        return []
    hidden_h = th + 4.0
    n_vis = sum(1 for h in hidden if not h)
    avail = max(height - header - hidden_h * (n - n_vis), 0.0)
    row_h = max(th, 2 * r + 4)
    tr = [min(int(t), MAX_TRACKS) for t in tracks]
    mr = [min(int(m), MAX_ROWS_ABOVE) for m in min_rows] if min_rows is not None else [0] * n
    pad = 3.0 + MAX_ROWS_ABOVE
    options = [(k, th + 5.0) for k in range(MAX_ROWS_ABOVE, -1, -1)]
    options += [(0, 8.0), (0, 5.0)]
    chosen = options[-1]
    for k, track_h in options:
        need = sum(2 * pad + max(k, mr[i]) * th + row_h + tr[i] * track_h for i in range(n) if not hidden[i])
        if need <= avail:
            chosen = (k, track_h)
            break
    k, track_h = chosen
    rows = [max(k, mr[i]) for i in range(n)]
    needs = [
        2 * pad + rows[i] * th + row_h + tr[i] * track_h if not hidden[i] else hidden_h for i in range(n)
    ]
    total_vis = sum(needs[i] for i in range(n) if not hidden[i])
    squeeze = min(1.0, avail / total_vis) if total_vis > 0 else 1.0
    extra = max(avail - total_vis, 0.0) / n_vis if n_vis else 0.0
    out: list[LaneGeom] = []
    y = header
    for i in range(n):
        if hidden[i]:
            out.append(LaneGeom(i, y, hidden_h, True, 0, y + hidden_h / 2, y + hidden_h, 0.0, 0))
            y += hidden_h
            continue
        h = needs[i] * squeeze + extra
        s = squeeze
        k_i = rows[i] if s >= 0.999 else mr[i]
        if s >= 0.999:  # spare height: more label rows for this lane, up to the maximum
            k_i = min(MAX_ROWS_ABOVE, rows[i] + int((h - needs[i]) // th))
        content = (needs[i] + (k_i - rows[i]) * th) * s if s >= 0.999 else needs[i] * s
        c_top = y + (h - content) / 2.0
        kk = k_i if s >= 0.999 else rows[i]
        marker_y = c_top + (pad + kk * th) * s + row_h * s / 2.0
        track_top = c_top + (pad + kk * th + row_h) * s
        out.append(LaneGeom(i, y, h, False, k_i, marker_y, track_top, track_h * s, tr[i]))
        y += h
    return out
