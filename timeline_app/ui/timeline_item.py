"""The lane timeline: ONE graphics item that paints every event of every lane.

Following pyqtgraph's ``examples/customGraphicsItem.py``, a single :class:`TimelineItem` draws all
events instead of one item per event. Each frame it

1. finds the visible events with ``numpy.searchsorted`` on the sorted starts (and on the running
   maximum of the ends, for long spans that began before the left edge), so the work is
   proportional to what is visible, not to the size of the chronology;
2. merges point markers that would overlap in pixel space into *clusters*, drawn as a pill with
   their count, after bucketing by pixel column with ``numpy.bincount`` (a million events cost a
   few array passes, never a Python loop per event);
3. places titles greedily, left to right, in a few rows per lane (beside the marker, or above it),
   skipping any that would overlap: labels never overlap and never cover another marker;
4. paints in device pixels (the painter's transform is reset to the view's pixel grid), so text
   and markers keep their size at every zoom.

The result of steps 1–3 is a :class:`Frame`, cached until the view or the data change, and used
both for painting and for hit-testing (tooltips and clicks are exact at every zoom).

How a date's *precision* differs from an event's *duration*: a point event known only to the
year or month gets a thin whisker with end caps across the interval it may stand for, and its
marker sits in the middle of that interval; a span's imprecise start or end is drawn as a soft
gradient over the uncertain interval, while the part that surely happened is a solid bar. So
"sometime in 2014" (whisker) never looks like "all of 2014" (bar). Approximate events have a
dashed outline; ongoing spans fade out at today with an arrow.

:class:`LaneAxisItem` is the timeline's left column: lane names with their colour, greyed when
hidden; clicking a name toggles the lane.
"""

from __future__ import annotations

import bisect
import heapq
import html
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from ..model.chronology import Chronology, Event
from ..model.dates import today_epoch_day
from ..model.ticks import compute_ticks
from ..model.view_state import MIN_SPAN_DAYS
from .palette import CanvasColors, contrast_ratio, era_color, lane_color, mix, text_on, with_alpha

MAX_TRACKS = 8  # span tracks drawn per lane; deeper spans share the last one
MAX_ROWS_ABOVE = 2  # label rows above the marker line (plus the row beside the markers)
LABEL_MAX_CHARS = 48  # titles are elided beyond this many average characters


# -- the chronology as arrays --------------------------------------------------------------------------------


def civil_days(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Vectorised :func:`timeline_app.model.dates.days_from_civil` (astronomical years)."""
    y = y - (m <= 2)
    era = np.where(y >= 0, y, y - 399) // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def date_bounds(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First day and the day after the last day of partial dates (month/day 0 when unknown):
    vectorised ``PartialDate.first_day()`` / ``end_day()``, as float64 epoch days."""
    mm = np.where(m > 0, m, 1)
    first = civil_days(y, mm, np.where(d > 0, d, 1))
    next_month = civil_days(y + (mm == 12), mm % 12 + 1, np.ones_like(y))
    next_year = civil_days(y + 1, np.ones_like(y), np.ones_like(y))
    end = np.where(d > 0, first + 1, np.where(m > 0, next_month, next_year))
    return first.astype(np.float64), end.astype(np.float64)


def assign_tracks(
    lane: np.ndarray, start: np.ndarray, end: np.ndarray, is_span: np.ndarray, n_lanes: int
) -> tuple[np.ndarray, np.ndarray]:
    """Span tracks within each lane: each span (in start order) takes the lowest track that is
    free at its start. Stable while panning and zooming. Returns (track per event, -1 for point
    events; number of tracks per lane)."""
    track = np.full(len(lane), -1, dtype=np.int32)
    busy: list[list[tuple[float, int]]] = [[] for _ in range(n_lanes)]  # heaps of (end, track)
    free: list[list[int]] = [[] for _ in range(n_lanes)]  # heaps of free track numbers
    count = [0] * n_lanes
    idx = np.flatnonzero(is_span)
    for i, ln, s, e in zip(
        idx.tolist(), lane[idx].tolist(), start[idx].tolist(), end[idx].tolist(), strict=True
    ):
        b, f = busy[ln], free[ln]
        while b and b[0][0] <= s:
            heapq.heappush(f, heapq.heappop(b)[1])
        if f:
            k = heapq.heappop(f)
        else:
            k = count[ln]
            count[ln] += 1
        track[i] = k
        heapq.heappush(b, (e, k))
    return track, np.array(count, dtype=np.int32)


@dataclass(eq=False)
class EventArrays:
    """A chronology's events as numpy arrays, in the chronology's order (sorted by start).

    ``anchor`` is where an event is drawn: the middle of a point event's date interval (a
    year-precision event sits mid-year, between the caps of its whisker), the start of a span.
    """

    ids: tuple[str, ...]
    titles: tuple[str, ...]
    lane: np.ndarray
    start_lo: np.ndarray
    start_hi: np.ndarray
    end_lo: np.ndarray
    end_hi: np.ndarray
    anchor: np.ndarray
    max_end: np.ndarray
    is_span: np.ndarray
    ongoing: np.ndarray
    approx: np.ndarray
    exact_start: np.ndarray  # start known to the day
    exact_end: np.ndarray  # end known to the day (or ongoing)
    track: np.ndarray  # span track within its lane; -1 for point events
    n_tracks: np.ndarray  # per lane
    haystack: tuple[str, ...] | None  # searchable text, built on the first search
    today: float
    index: dict[str, int] = field(default_factory=dict)
    events: tuple[Event, ...] = ()

    @property
    def n(self) -> int:
        return len(self.ids)

    @classmethod
    def empty(cls) -> EventArrays:
        return cls.from_chronology(Chronology.build(title="", events=(), categories=()))

    @classmethod
    def from_chronology(cls, chron: Chronology, today: float | None = None) -> EventArrays:
        """One pass over the events in Python (their date fields), the rest in numpy."""
        t = float(today if today is not None else today_epoch_day())
        evs = chron.events
        n = len(evs)
        lane_of = chron.lane_of
        rows = np.array(
            [
                (
                    e.start.year,
                    e.start.month or 0,
                    e.start.day or 0,
                    e.end.year if e.end is not None else 0,
                    (e.end.month or 0) if e.end is not None else 0,
                    (e.end.day or 0) if e.end is not None else 0,
                    e.end is not None,
                    e.ongoing,
                    e.approximate,
                    lane_of.get(e.category, 0),
                )
                for e in evs
            ],
            dtype=np.int64,
        ).reshape(n, 10)
        s_lo, s_hi = date_bounds(rows[:, 0], rows[:, 1], rows[:, 2])
        has_end = rows[:, 6].astype(bool)
        ongoing = rows[:, 7].astype(bool)
        approx = rows[:, 8].astype(bool)
        lane = rows[:, 9].astype(np.int32)
        en_lo, en_hi = date_bounds(
            rows[:, 3], np.where(has_end, rows[:, 4], 1), np.where(has_end, rows[:, 5], 1)
        )
        is_span = has_end | ongoing
        now = np.maximum(t, s_hi)
        e_lo = np.where(ongoing, now, np.where(has_end, en_lo, s_lo))
        e_hi = np.where(ongoing, now, np.where(has_end, en_hi, s_hi))
        exact_start = rows[:, 2] > 0
        exact_end = ongoing | (has_end & (rows[:, 5] > 0))
        anchor = np.where(is_span, s_lo, (s_lo + s_hi) / 2.0)
        max_end = np.maximum.accumulate(e_hi) if n else e_hi
        n_lanes = max(len(chron.categories), 1)
        track, n_tracks = assign_tracks(lane, s_lo, e_hi, is_span, n_lanes)
        return cls(
            ids=tuple(e.id for e in evs),
            titles=tuple(e.title for e in evs),
            lane=lane,
            start_lo=s_lo,
            start_hi=s_hi,
            end_lo=e_lo,
            end_hi=e_hi,
            anchor=anchor,
            max_end=max_end,
            is_span=is_span,
            ongoing=ongoing,
            approx=approx,
            exact_start=exact_start,
            exact_end=exact_end,
            track=track,
            n_tracks=n_tracks,
            haystack=None,
            today=t,
            index=chron.event_index,
            events=evs,
        )

    def visible(self, lo: float, hi: float) -> np.ndarray:
        """Indices of the events that overlap ``[lo, hi]`` days (sorted)."""
        if self.n == 0:
            return np.empty(0, dtype=np.intp)
        i0 = int(np.searchsorted(self.max_end, lo, side="left"))
        i1 = int(np.searchsorted(self.start_lo, hi, side="right"))
        if i1 <= i0:
            return np.empty(0, dtype=np.intp)
        idx = np.arange(i0, i1)
        return idx[self.end_hi[i0:i1] >= lo]

    def matches(self, query: str) -> np.ndarray | None:
        """Events matching ``query`` by the rule of :func:`timeline_app.model.actions.search` (every
        word appears, ignoring case, in the title, description, places, tags or id); ``None`` for an
        empty query. The searchable text is built once, on the first search."""
        words = query.casefold().split()
        if not words:
            return None
        if self.haystack is None:
            self.haystack = tuple(
                "\n".join((e.title, e.description, *e.places, *e.tags, e.id)).casefold() for e in self.events
            )
        return np.fromiter((all(w in h for w in words) for h in self.haystack), dtype=bool, count=self.n)


# -- pure layout helpers -------------------------------------------------------------------------------------


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
    (lane, pixel column) with ``numpy.bincount``, so the cost is a few array passes plus the
    number of occupied columns. Runs of columns less than ``gap`` apart become one cluster; a run
    longer than ``4 * gap`` is cut into pieces ``4 * gap`` wide, so a dense stream of events shows
    several counts along its length rather than one.
    """
    n = len(x)
    if n == 0:
        z = np.empty(0)
        zi = np.empty(0, dtype=np.int64)
        return Glyphs(zi, z, z, z, zi, zi, zi)
    ncol = math.ceil(width + 2 * margin) + 2
    col = np.clip(np.floor(x + margin).astype(np.int64), 0, ncol - 1)
    key = lane.astype(np.int64) * ncol + col
    size = max(n_lanes, int(lane.max()) + 1) * ncol
    counts = np.bincount(key, minlength=size)
    nz = np.flatnonzero(counts)
    c_cnt = counts[nz]
    c_sum_idx = np.bincount(key, weights=event.astype(np.float64), minlength=size)[nz]
    c_sum_x = np.bincount(key, weights=x, minlength=size)[nz]
    c_x = c_sum_x / c_cnt
    c_lane = nz // ncol
    c_match = (
        np.bincount(key, weights=match.astype(np.float64), minlength=size)[nz]
        if match is not None
        else np.zeros(len(nz))
    )
    m = len(nz)
    # runs: consecutive columns of a lane less than `gap` apart
    brk = np.ones(m, dtype=bool)
    if m > 1:
        brk[1:] = (np.diff(c_lane) != 0) | (np.diff(c_x) >= gap)
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
    g_count = np.add.reduceat(c_cnt, g_start)
    g_xlo = c_x[g_start]
    g_xhi = c_x[g_end]
    g_match = np.add.reduceat(c_match, g_start).astype(np.int64)
    g_event = np.where(g_count == 1, np.rint(c_sum_idx[g_start]).astype(np.int64), -1)
    # a column holding several events at one x has x_lo == x_hi; a single's x is exact
    g_x = (g_xlo + g_xhi) / 2.0
    return Glyphs(c_lane[g_start], g_x, g_xlo, g_xhi, g_count, g_event, g_match)


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
) -> list[LaneGeom]:
    """Stack the lanes from top to bottom in ``height`` pixels below a ``header`` strip.

    Hidden lanes collapse to one text line. Visible lanes get, in order of preference: two label
    rows above the marker line and span tracks tall enough for a title; then fewer rows; then
    thinner tracks (bars without titles); then everything squeezed. Spare height is shared
    equally and the content is centred in each lane.
    """
    n = len(hidden)
    if n == 0:
        return []
    hidden_h = th + 4.0
    n_vis = sum(1 for h in hidden if not h)
    avail = max(height - header - hidden_h * (n - n_vis), 0.0)
    row_h = max(th, 2 * r + 4)
    tr = [min(int(t), MAX_TRACKS) for t in tracks]
    pad = 3.0 + MAX_ROWS_ABOVE
    options = [(k, th + 5.0) for k in range(MAX_ROWS_ABOVE, -1, -1)]
    options += [(0, 8.0), (0, 5.0)]
    chosen = options[-1]
    for k, track_h in options:
        need = sum(2 * pad + k * th + row_h + tr[i] * track_h for i in range(n) if not hidden[i])
        if need <= avail:
            chosen = (k, track_h)
            break
    k, track_h = chosen
    needs = [2 * pad + k * th + row_h + tr[i] * track_h if not hidden[i] else hidden_h for i in range(n)]
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
        k_i = k if s >= 0.999 else 0
        if s >= 0.999:  # spare height: more label rows for this lane, up to the maximum
            k_i = min(MAX_ROWS_ABOVE, k + int((h - needs[i]) // th))
        content = (needs[i] + (k_i - k) * th) * s if s >= 0.999 else needs[i] * s
        c_top = y + (h - content) / 2.0
        kk = k_i if s >= 0.999 else k
        marker_y = c_top + (pad + kk * th) * s + row_h * s / 2.0
        track_top = c_top + (pad + kk * th + row_h) * s
        out.append(LaneGeom(i, y, h, False, k_i, marker_y, track_top, track_h * s, tr[i]))
        y += h
    return out


# -- one frame of the timeline -------------------------------------------------------------------------------


@dataclass
class PlacedLabel:
    event: int
    rect: QtCore.QRectF
    text: str
    bold: bool
    match: bool
    leader: QtCore.QLineF | None = None


@dataclass
class ClusterGlyph:
    lane: int
    rect: QtCore.QRectF
    count: int
    day_lo: float
    day_hi: float
    match: int


@dataclass
class Frame:
    """Everything one paint needs, in view-port pixels; also used for hit-testing."""

    rect: QtCore.QRectF
    sx: float
    tx: float
    lanes: list[LaneGeom]
    markers: list[tuple[int, float, float]]  # (event, x, y)
    clusters: list[ClusterGlyph]
    spans: list[tuple[int, QtCore.QRectF]]  # (event, bar rect)
    span_strips: list[tuple[int, QtCore.QRectF]]  # (lane, rect) sub-pixel spans merged per column
    labels: list[PlacedLabel]
    selected: tuple[int, float, float] | None  # (event, x, y) of the selected point/span anchor

    def day_to_x(self, day: float) -> float:
        return day * self.sx + self.tx

    def x_to_day(self, x: float) -> float:
        return (x - self.tx) / self.sx


@dataclass(frozen=True)
class Hit:
    kind: str  # "event" | "cluster"
    event: int = -1
    cluster: ClusterGlyph | None = None


def event_tooltip(ev: Event, lane_name: str) -> str:
    """Title, date in words with its precision, category."""
    if ev.ongoing:
        when = f"{ev.start.words_with_precision()} – ongoing"
    elif ev.end is not None:
        when = f"{ev.start.words_with_precision()} – {ev.end.words_with_precision()}"
    else:
        when = ev.start.words_with_precision()
    if ev.approximate:
        when += " (approximate)"
    return f"<b>{html.escape(ev.title)}</b><br>{html.escape(when)}<br><i>{html.escape(lane_name)}</i>"


class TimelineItem(pg.GraphicsObject):
    """All events of all lanes, eras in the background. Add it to the timeline's ViewBox with
    ``ignoreBounds=True``; the ViewBox's Y range is irrelevant (lanes are laid out in pixels)."""

    sigEventClicked = QtCore.Signal(str)
    sigZoomRequested = QtCore.Signal(float, float)
    sigBackgroundClicked = QtCore.Signal()

    def __init__(self) -> None:
        super().__init__()
        self._chron = Chronology.build(title="", events=(), categories=())
        self._arrays = EventArrays.empty()
        self._colors = CanvasColors.from_application()
        self._lane_colors: list[QtGui.QColor] = []
        self._hidden = np.zeros(0, dtype=bool)
        self._selected = -1
        self._match: np.ndarray | None = None
        self._version = 0
        self._frame: Frame | None = None
        self._frame_key: tuple[float, ...] | None = None
        self._label_cache: dict[tuple[int, bool], tuple[str, float]] = {}
        self._lanes_cache: tuple[tuple[float, ...], list[LaneGeom]] | None = None
        self.set_font(QtGui.QGuiApplication.font())

    # -- inputs ---------------------------------------------------------------------------------------
    def set_chronology(self, chron: Chronology, arrays: EventArrays | None = None) -> None:
        self._chron = chron
        self._arrays = arrays if arrays is not None else EventArrays.from_chronology(chron)
        self._hidden = np.zeros(len(chron.categories), dtype=bool)
        self._selected = -1
        self._match = None
        self._label_cache.clear()
        self._refresh_lane_colors()
        self._changed()

    def arrays(self) -> EventArrays:
        return self._arrays

    def chronology(self) -> Chronology:
        return self._chron

    def set_colors(self, colors: CanvasColors) -> None:
        self._colors = colors
        self._refresh_lane_colors()
        self.update()

    def colors(self) -> CanvasColors:
        return self._colors

    def lane_qcolor(self, lane: int) -> QtGui.QColor:
        return self._lane_colors[lane] if 0 <= lane < len(self._lane_colors) else self._colors.foreground

    def _refresh_lane_colors(self) -> None:
        self._lane_colors = [lane_color(c.color, self._colors) for c in self._chron.categories]

    def set_font(self, font: QtGui.QFont) -> None:
        self._font = QtGui.QFont(font)
        self._bold = QtGui.QFont(font)
        self._bold.setBold(True)
        self._small = QtGui.QFont(font)
        self._small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        self._small_bold = QtGui.QFont(self._small)
        self._small_bold.setBold(True)
        self._italic = QtGui.QFont(self._small)
        self._italic.setItalic(True)
        self._fm = QtGui.QFontMetricsF(self._font)
        self._fmb = QtGui.QFontMetricsF(self._bold)
        self._fms = QtGui.QFontMetricsF(self._small_bold)
        self._th = math.ceil(self._fm.height())
        self._r = max(4.0, round(self._th * 0.36))
        self._gap = max(2 * self._r + 4, self._fms.horizontalAdvance("99") + 8)
        self._label_cache.clear()
        self._changed()

    def text_height(self) -> float:
        return self._th

    def header_height(self) -> float:
        return self._th + 4.0

    def set_hidden_lanes(self, hidden_ids: frozenset[str]) -> None:
        self._hidden = np.array([c.id in hidden_ids for c in self._chron.categories], dtype=bool)
        self._changed()

    def set_selected(self, event_id: str | None) -> None:
        self._selected = self._arrays.index.get(event_id, -1) if event_id else -1
        self._changed()

    def selected_index(self) -> int:
        return self._selected

    def set_query(self, query: str) -> None:
        self._match = self._arrays.matches(query)
        self._changed()

    def matching_ids(self) -> list[str]:
        if self._match is None:
            return []
        return [self._arrays.ids[i] for i in np.flatnonzero(self._match)]

    def _changed(self) -> None:
        self._version += 1
        self._frame_key = None
        self._lanes_cache = None
        self.update()

    # -- pyqtgraph / Qt hooks -----------------------------------------------------------------------------
    def boundingRect(self) -> QtCore.QRectF:
        vr = self.viewRect()
        return QtCore.QRectF() if vr is None else QtCore.QRectF(vr)

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self.prepareGeometryChange()
        self._frame_key = None

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self._frame_key = None
        self.update()

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> None:
        return None

    # -- geometry -----------------------------------------------------------------------------------------
    def _device_transform(self) -> QtGui.QTransform | None:
        view = self.getViewWidget()
        if view is None:
            return None
        dt = self.deviceTransform(view.viewportTransform())
        if dt.determinant() == 0:
            return None
        return dt

    def lanes(self, height: float | None = None) -> list[LaneGeom]:
        """Lane rows, in pixels from the top of the view box."""
        if height is None:
            vb = self.getViewBox()
            height = vb.height() if vb is not None else 0.0
        key = (float(height), float(self._version))
        if self._lanes_cache is not None and self._lanes_cache[0] == key:
            return self._lanes_cache[1]
        cats = self._chron.categories
        hidden = [bool(self._hidden[i]) if i < len(self._hidden) else False for i in range(len(cats))]
        tracks = [
            int(self._arrays.n_tracks[i]) if i < len(self._arrays.n_tracks) else 0 for i in range(len(cats))
        ]
        lanes = lane_geometry(float(height), self.header_height(), hidden, tracks, self._th, self._r)
        self._lanes_cache = (key, lanes)
        return lanes

    def frame(self) -> Frame | None:
        """The current layout (cached until the view, the size or the data change)."""
        dt = self._device_transform()
        vr = self.viewRect()
        if dt is None or vr is None:
            return None
        rect = dt.mapRect(vr)
        if rect.width() <= 1 or rect.height() <= 1:
            return None
        key = (dt.m11(), dt.m31(), rect.x(), rect.y(), rect.width(), rect.height(), float(self._version))
        if self._frame is not None and self._frame_key == key:
            return self._frame
        self._frame = self._layout(rect, dt.m11(), dt.m31())
        self._frame_key = key
        return self._frame

    def _label(self, i: int, bold: bool) -> tuple[str, float]:
        k = (i, bold)
        hit = self._label_cache.get(k)
        if hit is None:
            fm = self._fmb if bold else self._fm
            limit = fm.averageCharWidth() * LABEL_MAX_CHARS
            text = fm.elidedText(self._arrays.titles[i], QtCore.Qt.TextElideMode.ElideRight, limit)
            hit = (text, fm.horizontalAdvance(text))
            self._label_cache[k] = hit
        return hit

    def _layout(self, rect: QtCore.QRectF, sx: float, tx: float) -> Frame:
        a = self._arrays
        _th, r = float(self._th), float(self._r)
        left, width = rect.left(), rect.width()
        lanes = self.lanes(rect.height())
        top = rect.top()
        margin_px = 40.0
        lo_day = (left - margin_px - tx) / sx
        hi_day = (rect.right() + margin_px - tx) / sx
        vis = a.visible(lo_day, hi_day)
        if len(self._hidden):
            vis = vis[~self._hidden[a.lane[vis]]]
        sel = self._selected if self._selected >= 0 and bool(np.any(vis == self._selected)) else -1
        pts = vis[~a.is_span[vis]]
        spans = vis[a.is_span[vis]]
        if sel >= 0:
            pts = pts[pts != sel]
            spans = spans[spans != sel]
        n_lanes = len(lanes)
        match = self._match

        # -- point markers -> singles and clusters
        px = a.anchor[pts] * sx + tx - left
        glyphs = cluster_markers(
            a.lane[pts],
            px,
            pts,
            n_lanes,
            width,
            self._gap,
            match=None if match is None else match[pts],
        )
        markers: list[tuple[int, float, float]] = []
        clusters: list[ClusterGlyph] = []
        # glyph extents on each lane's marker line, for labels beside markers
        extents: list[list[tuple[float, float, int]]] = [[] for _ in range(n_lanes)]
        ch = 2 * r + 2
        for j in range(len(glyphs.x)):
            ln = int(glyphs.lane[j])
            g = lanes[ln]
            y = top + g.marker_y
            if glyphs.event[j] >= 0:
                x = left + float(glyphs.x[j])
                markers.append((int(glyphs.event[j]), x, y))
                extents[ln].append((x - r - 1, x + r + 1, int(glyphs.event[j])))
            else:
                count = int(glyphs.count[j])
                text = str(count) if count < 100 else "99+"
                w = max(float(glyphs.x_hi[j] - glyphs.x_lo[j]) + 2 * r, self._fms.horizontalAdvance(text) + 8)
                cx = left + float(glyphs.x[j])
                cr = QtCore.QRectF(cx - w / 2, y - ch / 2, w, ch)
                d_lo = (left + float(glyphs.x_lo[j]) - tx) / sx
                d_hi = (left + float(glyphs.x_hi[j]) - tx) / sx
                clusters.append(ClusterGlyph(ln, cr, count, d_lo, d_hi, int(glyphs.matches[j])))
                extents[ln].append((cr.left() - 1, cr.right() + 1, -1))
        selected: tuple[int, float, float] | None = None
        if sel >= 0:
            g = lanes[int(a.lane[sel])]
            sxp = float(a.anchor[sel] * sx + tx)
            if a.is_span[sel]:
                selected = (sel, sxp, top + g.track_y(int(a.track[sel])) + g.track_h / 2)
            else:
                selected = (sel, sxp, top + g.marker_y)
                ln = int(a.lane[sel])
                extents[ln].append((sxp - r - 4, sxp + r + 4, sel))
                extents[ln].sort()

        # -- span bars: one by one on tracks holding few; merged into coverage runs on crowded tracks
        span_rects: list[tuple[int, QtCore.QRectF]] = []
        strips: list[tuple[int, QtCore.QRectF]] = []
        all_spans = spans if sel < 0 or not a.is_span[sel] else np.r_[spans, [sel]]
        if len(all_spans):
            ln_arr = a.lane[all_spans].astype(np.int64)
            shown_tracks = np.array([max(g.n_tracks, 1) for g in lanes], dtype=np.int64)
            tr = np.minimum(a.track[all_spans].astype(np.int64), shown_tracks[ln_arr] - 1)
            key = ln_arr * MAX_TRACKS + tr
            x0 = a.start_lo[all_spans] * sx + tx
            x1 = np.maximum(a.end_hi[all_spans] * sx + tx, x0 + 2.0)
            per_key = np.bincount(key, minlength=n_lanes * MAX_TRACKS)
            dense = (per_key[key] > max(width / 30.0, 8.0)) & (all_spans != sel)
            detail = ~dense
            for i, bx0, bx1, t in zip(
                all_spans[detail].tolist(),
                x0[detail].tolist(),
                x1[detail].tolist(),
                tr[detail].tolist(),
                strict=True,
            ):
                g = lanes[int(a.lane[i])]
                y = top + g.track_y(t)
                span_rects.append((i, QtCore.QRectF(bx0, y + 1, bx1 - bx0, max(g.track_h - 2, 2.0))))
            if dense.any():
                rk, r0, r1 = coverage_runs(key[dense], x0[dense] - left, x1[dense] - left, width)
                for k, c0, c1 in zip(rk.tolist(), r0.tolist(), r1.tolist(), strict=True):
                    ln, t = divmod(k, MAX_TRACKS)
                    g = lanes[ln]
                    y = top + g.track_y(t)
                    strips.append((ln, QtCore.QRectF(left + c0, y + 1, c1 - c0, max(g.track_h - 2, 2.0))))

        # -- labels
        labels = self._place_labels(lanes, top, left, width, markers, extents, span_rects, selected, sx, tx)
        return Frame(rect, sx, tx, lanes, markers, clusters, span_rects, strips, labels, selected)

    def _place_labels(
        self,
        lanes: list[LaneGeom],
        top: float,
        left: float,
        width: float,
        markers: list[tuple[int, float, float]],
        extents: list[list[tuple[float, float, int]]],
        span_rects: list[tuple[int, QtCore.QRectF]],
        selected: tuple[int, float, float] | None,
        sx: float,
        tx: float,
    ) -> list[PlacedLabel]:
        a = self._arrays
        th, r = float(self._th), float(self._r)
        match = self._match
        right = left + width
        occ: dict[tuple[int, int], Occupancy] = {}
        out: list[PlacedLabel] = []

        def row(ln: int, k: int) -> Occupancy:
            o = occ.get((ln, k))
            if o is None:
                o = occ[(ln, k)] = Occupancy()
            return o

        ext_l = [[e[0] for e in ex] for ex in extents]
        ext_r = [[e[1] for e in ex] for ex in extents]

        def beside_free(ln: int, a0: float, a1: float, own: int) -> bool:
            rs = ext_r[ln]
            j = bisect.bisect_right(rs, a0)
            while j < len(rs) and ext_l[ln][j] < a1:
                if extents[ln][j][2] != own:
                    return False
                j += 1
            return True

        def place_point(i: int, x: float, bold: bool, force: bool) -> bool:
            ln = int(a.lane[i])
            g = lanes[ln]
            if not left - 1 <= x <= right + 1:  # the marker is off-screen: no orphan label
                return False
            text, w = self._label(i, bold)
            is_match = bool(match is not None and match[i])
            # beside the marker: on its right; else on its left, when nothing else is near there
            # (so the label clearly belongs to this marker, not to one further left)
            sides = [(x + r + 4, x + r + 4 + w, 1.0), (x - r - 4 - w, x - r - 4, 3 * r + 6)]
            for a0, a1, clear in sides:
                if (
                    a0 >= left
                    and a1 <= right
                    and beside_free(ln, a0 - clear, a1 + 2, i)
                    and row(ln, 0).free(a0 - max(2.0, clear), a1 + 4)
                ):
                    row(ln, 0).take(a0 - 2, a1 + 4)
                    rect = QtCore.QRectF(a0, top + g.row_y(0, th, r), w, th)
                    out.append(PlacedLabel(i, rect, text, bold, is_match))
                    return True
            # above it (a leader line for rows further up, when the rows between are free there);
            # when this label would reach over the next marker, whose label will want the row just
            # above the markers too, take the highest free row first
            rows = list(range(1, g.rows_above + 1))
            ls = ext_l[ln]
            j = bisect.bisect_right(ls, x + r + 1)
            while j < len(ls) and extents[ln][j][2] < 0:  # clusters get no label: look past them
                j += 1
            if j < len(ls) and ls[j] < x - r + w:
                rows.reverse()
            for k in rows:
                b0 = max(x - r, left + 1)
                if b0 + w > right:  # near the right edge: end at the edge, still over the marker
                    b0 = max(right - w - 2, min(b0, x - w + r), left + 1)
                b1 = b0 + w
                if not row(ln, k).free(b0 - 2, b1 + 4):
                    continue
                if k > 1 and not all(row(ln, kk).free(x - 2, x + 2) for kk in range(1, k)):
                    continue
                row(ln, k).take(b0 - 2, b1 + 4)
                y = top + g.row_y(k, th, r)
                leader = QtCore.QLineF(x, top + g.marker_y - r - 1, x, y + th) if k > 1 else None
                if leader is not None:
                    for kk in range(1, k):
                        row(ln, kk).take(x - 2, x + 2)
                out.append(PlacedLabel(i, QtCore.QRectF(b0, y, w, th), text, bold, is_match, leader))
                return True
            if force:  # the selected event is always labelled: above, or beside, covering what must be
                if g.rows_above:
                    k = g.rows_above
                    b0 = min(max(x - r, left + 1), max(right - w - 2, left + 1))
                    rect = QtCore.QRectF(b0, top + g.row_y(k, th, r), w, th)
                else:
                    k = 0
                    b0 = x + r + 4 if x + r + 4 + w <= right else max(x - r - 4 - w, left + 1)
                    rect = QtCore.QRectF(b0, top + g.row_y(0, th, r), w, th)
                row(ln, k).take(rect.left() - 2, rect.right() + 4)
                out.append(PlacedLabel(i, rect, text, bold, is_match))
                return True
            return False

        def place_span(i: int, rect: QtCore.QRectF, bold: bool) -> None:
            ln = int(a.lane[i])
            g = lanes[ln]
            if g.track_h < th * 0.95:
                if bold:  # selected span in a squeezed lane: label above its lane's marker line
                    place_point(i, max(rect.left(), left + r), True, True)
                return
            text, w = self._label(i, bold)
            t = min(int(a.track[i]), max(g.n_tracks - 1, 0))
            x0 = max(rect.left(), left) + 4
            if x0 + 8 > right:
                return
            occ_row = row(ln, 100 + t)
            # room up to the next bar on the same track, or the next label there
            limit = next_bar.get((i,), math.inf)
            avail = min(limit, right) - x0 - 4
            is_match = bool(match is not None and match[i])
            if w > avail:
                if avail < self._fm.averageCharWidth() * 4:
                    return
                fm = self._fmb if bold else self._fm
                text = fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, avail)
                w = fm.horizontalAdvance(text)
            if not occ_row.free(x0 - 2, x0 + w + 4):
                return
            occ_row.take(x0 - 2, x0 + w + 4)
            y = rect.center().y() - th / 2
            out.append(PlacedLabel(i, QtCore.QRectF(x0, y, w, th), text, bold, is_match))

        # next bar start on the same (lane, track), for span labels
        next_bar: dict[tuple[int], float] = {}
        by_track: dict[tuple[int, int], list[tuple[float, int]]] = {}
        for i, rc in span_rects:
            g = lanes[int(a.lane[i])]
            t = min(int(a.track[i]), max(g.n_tracks - 1, 0))
            by_track.setdefault((int(a.lane[i]), t), []).append((rc.left(), i))
        for lst in by_track.values():
            lst.sort()
            for (_, i), (x_next, _) in itertools.pairwise(lst):
                next_bar[(i,)] = x_next

        # selected first (always labelled), then search matches, then the rest, left to right
        if selected is not None:
            i = selected[0]
            if a.is_span[i]:
                rc = next((rc for j, rc in span_rects if j == i), None)
                if rc is not None:
                    place_span(i, rc, True)
            else:
                place_point(i, selected[1], True, True)
        order = sorted(markers, key=lambda m: m[1])
        spans_sorted = sorted(span_rects, key=lambda s: s[1].left())
        if match is not None:
            for i, x, _ in order:
                if match[i]:
                    place_point(i, x, False, False)
            for i, rc in spans_sorted:
                if match[i] and i != (selected[0] if selected else -1):
                    place_span(i, rc, False)
        placed = {p.event for p in out}
        for i, x, _ in order:
            if i not in placed and x + r < right:
                place_point(i, x, False, False)
        for i, rc in spans_sorted:
            if i not in placed:
                place_span(i, rc, False)
        return out

    # -- painting --------------------------------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        fr = self.frame()
        dt = self._device_transform()
        if fr is None or dt is None:
            return
        inv, ok = dt.inverted()
        if not ok:
            return
        # draw in view-port pixels: keep whatever the painter maps those to (screen, image, SVG)
        p.save()
        try:
            p.setTransform(inv * p.transform())
            p.setClipRect(fr.rect)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            self._paint_background(p, fr)
            self._paint_spans(p, fr)
            self._paint_points(p, fr)
            self._paint_labels(p, fr)
        finally:
            p.restore()

    def _paint_background(self, p: QtGui.QPainter, fr: Frame) -> None:
        c = self._colors
        rect = fr.rect
        top = rect.top()
        p.fillRect(rect, c.background)
        # lane stripes
        for g in fr.lanes:
            if g.index % 2 == 1 or g.hidden:
                fill = c.lane_stripe if not g.hidden else mix(c.background, c.foreground, 0.07)
                p.fillRect(QtCore.QRectF(rect.left(), top + g.top, rect.width(), g.height), fill)
        # eras
        hh = self.header_height()
        lanes_bottom = top + (fr.lanes[-1].top + fr.lanes[-1].height if fr.lanes else rect.height())
        p.setFont(self._italic)
        fms = QtGui.QFontMetricsF(self._italic)
        for era in self._chron.eras:
            x0 = fr.day_to_x(era.start.first_day())
            x1 = fr.day_to_x(era.end.end_day())
            if x1 < rect.left() or x0 > rect.right():
                continue
            band = QtCore.QRectF(x0, top, x1 - x0, lanes_bottom - top)
            col = era_color(era.color, c)
            p.fillRect(band, with_alpha(col, 0.55))
            p.fillRect(QtCore.QRectF(x0, top, x1 - x0, hh), col)
            vis0 = max(x0, rect.left()) + 4
            vis1 = min(x1, rect.right()) - 4
            if vis1 - vis0 > 20:
                p.setPen(mix(c.foreground, col, 0.25))
                text = fms.elidedText(era.title, QtCore.Qt.TextElideMode.ElideRight, vis1 - vis0)
                p.drawText(
                    QtCore.QRectF(vis0, top, vis1 - vis0, hh), int(QtCore.Qt.AlignmentFlag.AlignVCenter), text
                )
        # grid from the same calendar ticks as the axis
        fm = QtGui.QFontMetricsF(self._font)
        ticks = compute_ticks(
            fr.x_to_day(rect.left()), fr.x_to_day(rect.right()), rect.width(), fm.horizontalAdvance
        )
        major = {t.day for t in ticks.major}
        for pen_color, days in (
            (c.grid, [t.day for t in ticks.minor if t.day not in major]),
            (c.grid_major, major),
        ):
            pen = QtGui.QPen(pen_color, 1.0)
            pen.setCosmetic(True)
            p.setPen(pen)
            for d in days:
                x = round(fr.day_to_x(d)) + 0.5
                p.drawLine(QtCore.QPointF(x, top + hh), QtCore.QPointF(x, lanes_bottom))
        # lane separators
        pen = QtGui.QPen(c.separator, 1.0)
        p.setPen(pen)
        for g in fr.lanes[1:]:
            y = round(top + g.top) + 0.5
            p.drawLine(QtCore.QPointF(rect.left(), y), QtCore.QPointF(rect.right(), y))
        # today
        tx = fr.day_to_x(self._arrays.today + 0.5)
        if rect.left() <= tx <= rect.right():
            pen = QtGui.QPen(c.today, 1.2, QtCore.Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(tx, top + hh), QtCore.QPointF(tx, lanes_bottom))
            p.setFont(self._small)
            p.drawText(QtCore.QRectF(tx + 3, top, 80, hh), int(QtCore.Qt.AlignmentFlag.AlignVCenter), "today")

    def _dim(self, i: int) -> bool:
        return self._match is not None and not self._match[i] and i != self._selected

    def _span_style(self, lane: int, dim: bool) -> tuple[QtGui.QColor, ...]:
        col = self.lane_qcolor(lane)
        return (
            col,
            with_alpha(col, 0.10 if dim else 0.32),  # fill
            with_alpha(col, 0.35 if dim else 1.0),  # outline
            with_alpha(col, 0.0),  # transparent end of the gradients
            with_alpha(col, 0.7),  # brackets
            with_alpha(col, 0.04),  # fade of ongoing spans
        )

    def _paint_spans(self, p: QtGui.QPainter, fr: Frame) -> None:
        a = self._arrays
        c = self._colors
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        for ln, rc in fr.span_strips:
            p.fillRect(rc, with_alpha(self.lane_qcolor(ln), 0.45))
        styles: dict[tuple[int, bool], tuple[QtGui.QColor, ...]] = {}
        no_brush = QtCore.Qt.BrushStyle.NoBrush
        for i, rc in fr.spans:
            dim = self._dim(i)
            key = (int(a.lane[i]), dim)
            st = styles.get(key)
            if st is None:
                st = styles[key] = self._span_style(*key)
            _, fill, outline, clear, bracket, fade_to = st
            ongoing = bool(a.ongoing[i])
            # the part that surely happened, and the uncertain ends as gradients
            xs0 = fr.day_to_x(a.start_lo[i] if a.exact_start[i] else a.start_hi[i])
            xs1 = fr.day_to_x(a.end_hi[i] if a.exact_end[i] else a.end_lo[i])
            if xs1 <= xs0:  # all of it uncertain: one soft band
                xs0 = xs1 = (rc.left() + rc.right()) / 2
            if xs0 > rc.left() + 1.5:
                grad = QtGui.QLinearGradient(rc.left(), 0, xs0, 0)
                grad.setColorAt(0.0, clear)
                grad.setColorAt(1.0, fill)
                p.fillRect(QtCore.QRectF(rc.left(), rc.top(), xs0 - rc.left(), rc.height()), grad)
            else:
                xs0 = rc.left()
            if rc.right() > xs1 + 1.5 and not ongoing:
                grad = QtGui.QLinearGradient(xs1, 0, rc.right(), 0)
                grad.setColorAt(0.0, fill)
                grad.setColorAt(1.0, clear)
                p.fillRect(QtCore.QRectF(xs1, rc.top(), rc.right() - xs1, rc.height()), grad)
            elif not ongoing:
                xs1 = rc.right()
            solid = QtCore.QRectF(xs0, rc.top(), max(xs1 - xs0, 0.0), rc.height())
            if ongoing:
                fade = min(28.0, solid.width() * 0.5)
                body = QtCore.QRectF(solid.left(), solid.top(), solid.width() - fade, solid.height())
                p.fillRect(body, fill)
                grad = QtGui.QLinearGradient(body.right(), 0, solid.right(), 0)
                grad.setColorAt(0.0, fill)
                grad.setColorAt(1.0, fade_to)
                p.fillRect(QtCore.QRectF(body.right(), solid.top(), fade, solid.height()), grad)
                ax, ay, h = solid.right(), solid.center().y(), min(solid.height() / 2, 5.0)
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(outline)
                p.drawPolygon(
                    QtGui.QPolygonF(
                        [
                            QtCore.QPointF(ax, ay - h),
                            QtCore.QPointF(ax + h * 1.4, ay),
                            QtCore.QPointF(ax, ay + h),
                        ]
                    )
                )
            elif solid.width() > 0:
                p.fillRect(solid, fill)
            # outline: dashed if approximate
            pen = QtGui.QPen(outline, 1.2)
            if a.approx[i]:
                pen.setStyle(QtCore.Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(no_brush)
            if solid.width() > 0:
                if ongoing:
                    end = QtCore.QPointF(solid.right() - 10, 0)
                    p.drawLine(solid.topLeft(), QtCore.QPointF(end.x(), solid.top()))
                    p.drawLine(solid.bottomLeft(), QtCore.QPointF(end.x(), solid.bottom()))
                    p.drawLine(solid.topLeft(), solid.bottomLeft())
                else:
                    p.drawRect(solid)
            # brackets under the uncertain start/end intervals
            if xs0 - rc.left() > 3 or (rc.right() - xs1 > 3 and not ongoing):
                p.setPen(QtGui.QPen(bracket, 1.0))
                y = rc.bottom()
                for xa, xb in ((rc.left(), xs0), (xs1, rc.right())):
                    if xb - xa > 3 and not (xa == xs1 and ongoing):
                        p.drawLine(QtCore.QPointF(xa, y), QtCore.QPointF(xb, y))
                        p.drawLine(QtCore.QPointF(xa, y - 3), QtCore.QPointF(xa, y))
                        p.drawLine(QtCore.QPointF(xb, y - 3), QtCore.QPointF(xb, y))
            if i == self._selected:
                p.setPen(QtGui.QPen(c.selection, 2.5))
                p.drawRoundedRect(rc.adjusted(-2, -2, 2, 2), 3, 3)
            elif self._match is not None and self._match[i]:
                p.setPen(QtGui.QPen(c.match, 2.0))
                p.drawRoundedRect(rc.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)

    def _diamond(self, x: float, y: float, r: float) -> QtGui.QPolygonF:
        return QtGui.QPolygonF(
            [
                QtCore.QPointF(x, y - r),
                QtCore.QPointF(x + r, y),
                QtCore.QPointF(x, y + r),
                QtCore.QPointF(x - r, y),
            ]
        )

    def _paint_points(self, p: QtGui.QPainter, fr: Frame) -> None:
        a = self._arrays
        c = self._colors
        r = float(self._r)
        singles = list(fr.markers)
        if fr.selected is not None and not a.is_span[fr.selected[0]]:
            singles.append(fr.selected)
        # precision whiskers behind the markers
        for i, _x, y in singles:
            x0 = fr.day_to_x(a.start_lo[i])
            x1 = fr.day_to_x(a.start_hi[i])
            if x1 - x0 <= 2 * r + 2:
                continue
            col = self.lane_qcolor(int(a.lane[i]))
            dim = self._dim(i)
            p.fillRect(
                QtCore.QRectF(x0, y - r * 0.55, x1 - x0, r * 1.1), with_alpha(col, 0.07 if dim else 0.14)
            )
            p.setPen(QtGui.QPen(with_alpha(col, 0.3 if dim else 0.8), 1.2))
            p.drawLine(QtCore.QPointF(x0, y), QtCore.QPointF(x1, y))
            p.drawLine(QtCore.QPointF(x0, y - r), QtCore.QPointF(x0, y + r))
            p.drawLine(QtCore.QPointF(x1, y - r), QtCore.QPointF(x1, y + r))
        # clusters
        p.setFont(self._small_bold)
        for cl in fr.clusters:
            col = self.lane_qcolor(cl.lane)
            dim = self._match is not None and cl.match == 0
            fill = with_alpha(col, 0.35 if dim else 0.95)
            p.setPen(QtGui.QPen(c.background, 1.0))
            p.setBrush(fill)
            p.drawRoundedRect(cl.rect, cl.rect.height() / 2, cl.rect.height() / 2)
            if cl.match:
                p.setPen(QtGui.QPen(c.match, 2.0))
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(
                    cl.rect.adjusted(-2, -2, 2, 2), cl.rect.height() / 2 + 2, cl.rect.height() / 2 + 2
                )
            p.setPen(text_on(fill) if not dim else c.foreground)
            p.drawText(
                cl.rect, int(QtCore.Qt.AlignmentFlag.AlignCenter), str(cl.count) if cl.count < 100 else "99+"
            )
        # single markers
        for i, x, y in singles:
            col = self.lane_qcolor(int(a.lane[i]))
            dim = self._dim(i)
            if a.approx[i]:
                p.setBrush(with_alpha(col, 0.25 if dim else 0.4))
                pen = QtGui.QPen(with_alpha(col, 0.5 if dim else 1.0), 1.6, QtCore.Qt.PenStyle.DashLine)
                pen.setDashPattern([2.0, 1.5])
                p.setPen(pen)
            else:
                p.setBrush(with_alpha(col, 0.3 if dim else 1.0))
                p.setPen(QtGui.QPen(c.background, 1.0))
            p.drawPolygon(self._diamond(x, y, r + 0.5))
            if self._match is not None and self._match[i]:
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.setPen(QtGui.QPen(c.match, 2.0))
                p.drawEllipse(QtCore.QPointF(x, y), r + 3, r + 3)
        if fr.selected is not None:
            i, x, y = fr.selected
            if not a.is_span[i]:
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                p.setPen(QtGui.QPen(c.selection, 2.5))
                p.drawEllipse(QtCore.QPointF(x, y), r + 4, r + 4)

    def _paint_labels(self, p: QtGui.QPainter, fr: Frame) -> None:
        c = self._colors
        flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
        a = self._arrays
        for lab in fr.labels:
            if lab.leader is not None:
                p.setPen(QtGui.QPen(with_alpha(self.lane_qcolor(int(a.lane[lab.event])), 0.7), 1.0))
                p.drawLine(lab.leader)
            if not lab.bold and not lab.match:
                p.fillRect(lab.rect.adjusted(-1, 1, 1, -1), with_alpha(c.background, 0.7))
            if lab.bold:
                p.fillRect(lab.rect.adjusted(-2, 0, 2, 0), with_alpha(c.background, 0.85))
                p.setPen(c.selection if contrast_ok(c.selection, c.background) else c.foreground)
                p.setFont(self._bold)
            else:
                if lab.match:
                    p.fillRect(lab.rect.adjusted(-2, 0, 2, 0), with_alpha(c.match, 0.28))
                p.setFont(self._font)
                p.setPen(c.muted if self._dim(lab.event) else c.foreground)
            p.drawText(lab.rect.adjusted(0, 0, 4, 0), flags, lab.text)

    # -- hit-testing -----------------------------------------------------------------------------------------
    def hit(self, pos: QtCore.QPointF) -> Hit | None:
        """What is under ``pos`` (view-port pixels): the selected event first, then markers,
        clusters, labels and bars."""
        fr = self.frame()
        if fr is None or not fr.rect.contains(pos):
            return None
        tol = float(self._r) + 3.0
        x, y = pos.x(), pos.y()
        if fr.selected is not None:
            i, sx_, sy_ = fr.selected
            if not self._arrays.is_span[i] and abs(x - sx_) <= tol and abs(y - sy_) <= tol:
                # on top of a cluster (events of the same date): the cluster, to reach the others
                for cl in fr.clusters:
                    if cl.rect.contains(pos):
                        return Hit("cluster", cluster=cl)
                return Hit("event", i)
        best: tuple[float, int] | None = None
        for i, mx, my in fr.markers:
            if abs(x - mx) <= tol and abs(y - my) <= tol:
                d = (x - mx) ** 2 + (y - my) ** 2
                if best is None or d < best[0]:
                    best = (d, i)
        if best is not None:
            return Hit("event", best[1])
        for cl in fr.clusters:
            if cl.rect.adjusted(-2, -2, 2, 2).contains(pos):
                return Hit("cluster", cluster=cl)
        for lab in fr.labels:
            if lab.rect.contains(pos):
                return Hit("event", lab.event)
        for i, rc in reversed(fr.spans):
            if rc.adjusted(0, -1, 0, 1).contains(pos):
                return Hit("event", i)
        return None

    def tooltip(self, hit: Hit) -> str:
        chron = self._chron
        if hit.kind == "event":
            ev = chron.events[hit.event]
            cat = chron.category_index.get(ev.category)
            return event_tooltip(ev, cat.name if cat else ev.category)
        cl = hit.cluster
        assert cl is not None
        members = self.cluster_members(cl)
        names = "".join(f"<br>• {html.escape(self._arrays.titles[i])}" for i in members[:8])
        more = f"<br>… and {len(members) - 8} more" if len(members) > 8 else ""
        lane = chron.categories[cl.lane].name if cl.lane < len(chron.categories) else ""
        action = "Click to zoom in." if self._separable(cl) else "Click to select the next one."
        return f"<b>{cl.count} events</b> <i>({html.escape(lane)})</i>{names}{more}<br>{action}"

    def cluster_members(self, cl: ClusterGlyph) -> list[int]:
        a = self._arrays
        fr = self._frame
        tol = 1.0 / fr.sx if fr is not None else 0.0
        idx = a.visible(cl.day_lo - tol, cl.day_hi + tol)
        sel = idx[(a.lane[idx] == cl.lane) & ~a.is_span[idx] & (idx != self._selected)]
        anch = a.anchor[sel]
        return sel[(anch >= cl.day_lo - tol) & (anch <= cl.day_hi + tol)].tolist()

    def _separable(self, cl: ClusterGlyph) -> bool:
        fr = self._frame
        width = fr.rect.width() if fr is not None else 1000.0
        members = self.cluster_members(cl)
        if not members:
            return False
        anch = self._arrays.anchor[members]
        return float(anch.max() - anch.min()) * width / MIN_SPAN_DAYS >= self._gap

    def zoom_range_for(self, cl: ClusterGlyph) -> tuple[float, float]:
        """A range that spreads a cluster's members over most of the view."""
        members = self.cluster_members(cl)
        lo, hi = cl.day_lo, cl.day_hi
        if members:
            anch = self._arrays.anchor[members]
            lo, hi = float(anch.min()), float(anch.max())
        span = hi - lo
        mid = (hi + lo) / 2
        half = max(span * 0.8, 1.0 / 48.0)
        return (mid - half, mid + half)

    def activate(self, hit: Hit | None) -> None:
        """What a click does: select an event, zoom into a cluster (or, when its members share a
        date and zooming cannot separate them, select them one after another)."""
        if hit is None:
            self.sigBackgroundClicked.emit()
        elif hit.kind == "event":
            self.sigEventClicked.emit(self._arrays.ids[hit.event])
        elif hit.cluster is not None:
            cl = hit.cluster
            if self._separable(cl):
                self.sigZoomRequested.emit(*self.zoom_range_for(cl))
            else:
                members = self.cluster_members(cl)
                after = [m for m in members if m > self._selected]
                pick = (after or members or [-1])[0]
                if pick >= 0:
                    self.sigEventClicked.emit(self._arrays.ids[pick])

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        view = self.getViewWidget()
        if view is None:
            return
        pos = view.mapFromScene(ev.scenePos())
        ev.accept()
        self.activate(self.hit(QtCore.QPointF(pos)))

    # -- for tests and for the canvas -----------------------------------------------------------------------
    def placed_labels(self) -> list[tuple[str, QtCore.QRectF]]:
        fr = self.frame()
        return (
            []
            if fr is None
            else [(self._arrays.ids[lab.event], QtCore.QRectF(lab.rect)) for lab in fr.labels]
        )

    def clusters(self) -> list[ClusterGlyph]:
        fr = self.frame()
        return [] if fr is None else list(fr.clusters)

    def drawn_event_ids(self) -> set[str]:
        """Events drawn individually (markers and bars, the selected one included)."""
        fr = self.frame()
        if fr is None:
            return set()
        ids = {self._arrays.ids[i] for i, _, _ in fr.markers}
        ids |= {self._arrays.ids[i] for i, _ in fr.spans}
        if fr.selected is not None:
            ids.add(self._arrays.ids[fr.selected[0]])
        return ids

    def event_position(self, event_id: str) -> QtCore.QPointF | None:
        """Where to click to hit ``event_id`` (view-port pixels), if it is drawn on its own."""
        fr = self.frame()
        i = self._arrays.index.get(event_id, -1)
        if fr is None or i < 0:
            return None
        if fr.selected is not None and fr.selected[0] == i and not self._arrays.is_span[i]:
            return QtCore.QPointF(fr.selected[1], fr.selected[2])
        for j, x, y in fr.markers:
            if j == i:
                return QtCore.QPointF(x, y)
        for j, rc in fr.spans:
            if j == i:
                vis = rc.intersected(fr.rect)
                if vis.width() > 0:
                    return QtCore.QPointF(vis.left() + min(vis.width() / 2, 6.0), vis.center().y())
        return None


def wrap_two_lines(text: str, fm: QtGui.QFontMetricsF, width: float) -> list[str]:
    """``text`` on one line if it fits, else on two (the second elided)."""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    words = text.split()
    first = ""
    for k in range(len(words), 0, -1):
        cand = " ".join(words[:k])
        if fm.horizontalAdvance(cand) <= width:
            first = cand
            rest = " ".join(words[k:])
            break
    else:
        return [fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, width)]
    if not rest:
        return [first]
    return [first, fm.elidedText(rest, QtCore.Qt.TextElideMode.ElideRight, width)]


def contrast_ok(a: QtGui.QColor, b: QtGui.QColor) -> bool:
    return contrast_ratio(a, b) >= 4.5


# -- the left column -----------------------------------------------------------------------------------------


class LaneAxisItem(pg.AxisItem):
    """The timeline's left column: each lane's colour and name, greyed and struck out when the
    lane is hidden. A click on a name asks to toggle that lane (``sigLaneClicked``)."""

    sigLaneClicked = QtCore.Signal(str)

    def __init__(self, timeline: TimelineItem, width: int) -> None:
        super().__init__("left")
        self._timeline = timeline
        self.setWidth(width)
        self.setStyle(showValues=False, tickLength=0)

    def lane_at(self, y: float) -> int:
        for g in self._timeline.lanes(self.geometry().height()):
            if g.top <= y < g.top + g.height:
                return g.index
        return -1

    def tooltip_at(self, y: float) -> str:
        i = self.lane_at(y)
        cats = self._timeline.chronology().categories
        if i < 0 or i >= len(cats):
            return ""
        cat = cats[i]
        hidden = bool(self._timeline._hidden[i]) if i < len(self._timeline._hidden) else False
        desc = f"<br>{html.escape(cat.description)}" if cat.description else ""
        act = "Click to show this lane." if hidden else "Click to hide this lane."
        return f"<b>{html.escape(cat.name)}</b>{desc}<br><i>{act}</i>"

    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        tl = self._timeline
        c = tl.colors()
        rect = self.boundingRect()
        p.save()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.fillRect(rect, c.background)
        font = QtGui.QFont(tl._font)
        fm = QtGui.QFontMetricsF(font)
        cats = tl.chronology().categories
        lanes = tl.lanes(rect.height())
        sw = 10.0
        for g in lanes:
            if g.index >= len(cats):
                continue
            cat = cats[g.index]
            y0 = rect.top() + g.top
            band = QtCore.QRectF(rect.left(), y0, rect.width(), g.height)
            if g.index % 2 == 1 or g.hidden:
                p.fillRect(band, c.lane_stripe if not g.hidden else mix(c.background, c.foreground, 0.07))
            col = tl.lane_qcolor(g.index)
            cy = y0 + (g.marker_y - g.top if not g.hidden else g.height / 2)
            sq = QtCore.QRectF(rect.left() + 6, cy - sw / 2, sw, sw)
            if g.hidden:
                p.setPen(QtGui.QPen(col, 1.5))
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            else:
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(col)
            p.drawRoundedRect(sq, 2, 2)
            tx0 = sq.right() + 6
            avail = rect.right() - tx0 - 6
            f = QtGui.QFont(font)
            f.setStrikeOut(g.hidden)
            f.setItalic(g.hidden)
            p.setFont(f)
            p.setPen(c.muted if g.hidden else c.foreground)
            ff = QtGui.QFontMetricsF(f)
            th = fm.height()
            flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
            lines = (
                wrap_two_lines(cat.name, ff, avail)
                if g.height >= 2 * th + 4
                else [ff.elidedText(cat.name, QtCore.Qt.TextElideMode.ElideRight, avail)]
            )
            y = cy - th * len(lines) / 2
            for line in lines:
                p.drawText(QtCore.QRectF(tx0, y, avail, th), flags, line)
                y += th
        # separators and the edge next to the view
        p.setPen(QtGui.QPen(c.separator, 1.0))
        for g in lanes[1:]:
            y = round(rect.top() + g.top) + 0.5
            p.drawLine(QtCore.QPointF(rect.left(), y), QtCore.QPointF(rect.right(), y))
        p.setPen(self.pen())
        p.drawLine(
            QtCore.QPointF(rect.right() - 0.5, rect.top()), QtCore.QPointF(rect.right() - 0.5, rect.bottom())
        )
        p.restore()

    def boundingRect(self) -> QtCore.QRectF:
        return self.mapRectFromParent(self.geometry())

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        i = self.lane_at(ev.pos().y())
        cats = self._timeline.chronology().categories
        if 0 <= i < len(cats):
            ev.accept()
            self.sigLaneClicked.emit(cats[i].id)

    def mouseDragEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()

    def wheelEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()
