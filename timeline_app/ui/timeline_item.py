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

:class:`~timeline_app.ui.lane_axis.LaneAxisItem` is the timeline's left column.
"""

from __future__ import annotations

import bisect
import html
import itertools
import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui

from ..model.chronology import Chronology
from ..model.event_arrays import EventArrays, MatchWindow
from ..model.layout import (
    MAX_TRACKS,
    Columns,
    LaneGeom,
    Occupancy,
    column_count,
    count_text,
    coverage_runs,
    group_columns,
    lane_geometry,
    marker_columns,
    merge_pixel_runs,
)
from ..model.ticks import AxisTicks
from ..model.view_state import MIN_SPAN_DAYS
from .palette import CanvasColors, lane_color
from .timeline_frame import ClusterGlyph, Frame, Hit, PlacedLabel, event_tooltip
from .timeline_paint import TimelinePainter

LABEL_MAX_CHARS = 48  # titles are elided beyond this many average characters
LOD_EVENTS = 20_000  # more events than this in view: count them per pixel column from the LaneIndex
CLUSTER_MARGIN_PX = 32.0  # markers this far off-screen still join the clusters at the edges


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
        self._match = MatchWindow(self._arrays, "")
        self._waiting_for_search = False
        self._version = 0
        self._frame: Frame | None = None
        self._frame_key: tuple[float, ...] | None = None
        self._label_cache: dict[tuple[int, bool], tuple[str, float]] = {}
        self._lanes_cache: tuple[tuple[float, ...], list[LaneGeom]] | None = None
        self._painter = TimelinePainter(self)
        self._ticks_source: Callable[[float, float, float], AxisTicks] | None = None
        self._shared: dict[str, dict[str, object]] = {}
        self._anchor_cache: tuple[tuple[float, ...], tuple[list[int], np.ndarray, np.ndarray]] | None = None
        self.set_font(QtGui.QGuiApplication.font())

    # -- inputs ---------------------------------------------------------------------------------------
    def set_chronology(self, chron: Chronology, arrays: EventArrays | None = None) -> None:
        self._chron = chron
        self._arrays = arrays if arrays is not None else EventArrays.for_chronology(chron)
        self._hidden = np.zeros(len(chron.categories), dtype=bool)
        self._selected = -1
        self._match = MatchWindow(self._arrays, "")
        self._waiting_for_search = False
        self._label_cache.clear()
        self._refresh_lane_colors()
        self._painter.reset()
        self._changed()

    def arrays(self) -> EventArrays:
        return self._arrays

    def chronology(self) -> Chronology:
        return self._chron

    def set_colors(self, colors: CanvasColors) -> None:
        self._colors = colors
        self._refresh_lane_colors()
        self._painter.reset()
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
        self._count_widths: dict[str, float] = {}
        self._painter.reset()
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
        """Highlight the events matching ``query``; the search index is asked, lazily, about the
        events in view only (:class:`~timeline_app.model.event_arrays.MatchWindow`)."""
        self._match = MatchWindow(self._arrays, query)
        if self._match.active and not self._waiting_for_search:
            # an index still being built answers for the events it has seen: ask again when done
            self._waiting_for_search = self._arrays.when_search_ready(self._search_ready)
        self._changed()

    def _search_ready(self) -> None:
        self._waiting_for_search = False
        if shiboken6.isValid(self):
            self.set_query(self._match.query)

    def query(self) -> str:
        return self._match.query

    def is_match(self, i: int) -> bool:
        return self._match.at(i)

    def matching_ids(self) -> list[str]:
        if not self._match.active:
            return []
        ids = self._arrays.ids
        return [ids[i] for i in np.flatnonzero(self._match.full()).tolist()]

    def version(self) -> int:
        """Changes whenever what is drawn may change (data, lanes, selection, search, font)."""
        return self._version

    def lane_colors(self) -> list[QtGui.QColor]:
        return self._lane_colors

    def shared_cache(self, name: str) -> dict[str, object]:
        """A dictionary kept with this item, for what several views of it compute once per frame
        (the plots' event lines)."""
        return self._shared.setdefault(name, {})

    def hidden_lanes_mask(self) -> np.ndarray:
        """Per lane: hidden."""
        return self._hidden

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
        r = float(self._r)
        left, width = rect.left(), rect.width()
        lanes = self.lanes(rect.height())
        top = rect.top()
        margin_px = 40.0
        lo_day = (left - margin_px - tx) / sx
        hi_day = (rect.right() + margin_px - tx) / sx
        n_lanes = len(lanes)
        shown_lanes = [g.index for g in lanes if not g.hidden]
        hidden = self._hidden
        sel = self._selected
        if sel >= 0 and not (
            a.start_lo[sel] <= hi_day
            and a.end_hi[sel] >= lo_day
            and not (len(hidden) and hidden[a.lane[sel]])
        ):
            sel = -1
        sel_is_span = sel >= 0 and bool(a.is_span[sel])
        i0, i1 = a.visible_range(lo_day, hi_day)
        # zoomed out over many events: per-pixel summaries from the LaneIndex, not the events
        lod = i1 - i0 > LOD_EVENTS
        match = self._match

        # -- point markers -> singles and clusters
        if lod:
            cols = self._lod_columns(shown_lanes, width, left, sx, tx, -1 if sel_is_span else sel)
            spans = np.empty(0, dtype=np.int64)
        else:
            vis = a.visible(lo_day, hi_day)
            if len(hidden):
                vis = vis[~hidden[a.lane[vis]]]
            pts = vis[~a.is_span[vis]]
            spans = vis[a.is_span[vis]]
            if sel >= 0:
                pts = pts[pts != sel]
                spans = spans[spans != sel]
            # markers in the pixel columns counted (a month or a year overlapping the view may
            # have its marker, in its middle, far outside: it is not counted at the edge)
            px = a.anchor[pts] * sx + tx - left
            inside = (px >= -CLUSTER_MARGIN_PX) & (
                px < column_count(width, CLUSTER_MARGIN_PX) - CLUSTER_MARGIN_PX
            )
            pts, px = pts[inside], px[inside]
            if len(pts):
                cols = marker_columns(
                    a.lane[pts],
                    px,
                    pts,
                    n_lanes,
                    width,
                    match=match.of(pts) if match.active else None,
                    margin=CLUSTER_MARGIN_PX,
                )
            else:
                zi = np.empty(0, dtype=np.int64)
                cols = Columns(zi, np.empty(0), zi, zi, zi)
        glyphs = group_columns(cols, self._gap)
        markers: list[tuple[int, float, float]] = []
        clusters: list[ClusterGlyph] = []
        # glyph extents on each lane's marker line, for labels beside markers
        extents: list[list[tuple[float, float, int]]] = [[] for _ in range(n_lanes)]
        ch = 2 * r + 2
        count_w = self._count_width
        for ln, gx, gxlo, gxhi, count, ev, nm in zip(
            glyphs.lane.tolist(),
            glyphs.x.tolist(),
            glyphs.x_lo.tolist(),
            glyphs.x_hi.tolist(),
            glyphs.count.tolist(),
            glyphs.event.tolist(),
            glyphs.matches.tolist(),
            strict=True,
        ):
            y = top + lanes[ln].marker_y
            if ev >= 0:
                x = left + gx
                markers.append((ev, x, y))
                extents[ln].append((x - r - 1, x + r + 1, ev))
            else:
                w = max(gxhi - gxlo + 2 * r, count_w(count))
                cx = left + gx
                cr = QtCore.QRectF(cx - w / 2, y - ch / 2, w, ch)
                d_lo = (left + gxlo - tx) / sx
                d_hi = (left + gxhi - tx) / sx
                clusters.append(ClusterGlyph(ln, cr, count, d_lo, d_hi, nm))
                extents[ln].append((cr.left() - 1, cr.right() + 1, -1))
        selected: tuple[int, float, float] | None = None
        if sel >= 0:
            g = lanes[int(a.lane[sel])]
            sxp = float(a.anchor[sel] * sx + tx)
            if sel_is_span:
                selected = (sel, sxp, top + g.track_y(int(a.track[sel])) + g.track_h / 2)
            else:
                selected = (sel, sxp, top + g.marker_y)
                ln = int(a.lane[sel])
                extents[ln].append((sxp - r - 4, sxp + r + 4, sel))
                extents[ln].sort()

        # -- span bars: one by one on tracks holding few; merged into coverage runs on crowded tracks
        track_top = np.array([top + g.track_top for g in lanes])
        track_h = np.array([g.track_h for g in lanes])
        last_track = np.array([max(g.n_tracks - 1, 0) for g in lanes], dtype=np.int64)
        strip_lane: list[np.ndarray] = []
        strip_box: list[np.ndarray] = []

        def add_strips(ln: int, t: int, c0: np.ndarray, c1: np.ndarray) -> None:
            y = track_top[ln] + min(t, last_track[ln]) * track_h[ln] + 1
            box = np.empty((len(c0), 4))
            box[:, 0] = left + c0
            box[:, 1] = y
            box[:, 2] = c1 - c0
            box[:, 3] = max(track_h[ln] - 2, 2.0)
            strip_lane.append(np.full(len(c0), ln, dtype=np.int64))
            strip_box.append(box)

        dense_limit = max(width / 30.0, 8.0)
        if lod:
            keys = np.array(
                [ln * MAX_TRACKS + t for ln in shown_lanes for t in range(MAX_TRACKS)], dtype=np.int64
            )
            counts = a.lod.span_counts(keys, lo_day, hi_day)
            spans = a.lod.spans_on(keys[(counts > 0) & (counts <= dense_limit)], lo_day, hi_day, a.end_hi)
            uk, u0, u1 = a.lod.union_on(keys[counts > dense_limit], lo_day, hi_day)
            for k in np.unique(uk).tolist():
                rows = uk == k
                c0, c1 = merge_pixel_runs(u0[rows] * sx + tx - left, u1[rows] * sx + tx - left, width)
                add_strips(*divmod(k, MAX_TRACKS), c0, c1)
            if sel >= 0:
                spans = spans[spans != sel]
            detail = spans if not sel_is_span else np.r_[spans, [sel]]
        else:
            all_spans = spans if not sel_is_span else np.r_[spans, [sel]]
            detail = all_spans
            if len(all_spans):
                ln_arr = a.lane[all_spans].astype(np.int64)
                shown_tracks = np.array([max(g.n_tracks, 1) for g in lanes], dtype=np.int64)
                tr = np.minimum(a.track[all_spans].astype(np.int64), shown_tracks[ln_arr] - 1)
                key = ln_arr * MAX_TRACKS + tr
                per_key = np.bincount(key, minlength=n_lanes * MAX_TRACKS)
                dense = (per_key[key] > dense_limit) & (all_spans != sel)
                detail = all_spans[~dense]
                if dense.any():
                    x0 = a.start_lo[all_spans[dense]] * sx + tx
                    x1 = np.maximum(a.end_hi[all_spans[dense]] * sx + tx, x0 + 2.0)
                    rk, r0, r1 = coverage_runs(key[dense], x0 - left, x1 - left, width)
                    for k in np.unique(rk).tolist():
                        rows = rk == k
                        add_strips(*divmod(k, MAX_TRACKS), r0[rows], r1[rows])
        detail = detail.astype(np.int64)
        if match.active and len(detail):
            match.of(detail)
        ln_d = a.lane[detail].astype(np.int64)
        x0s = a.start_lo[detail] * sx + tx
        x1s = np.maximum(a.end_hi[detail] * sx + tx, x0s + 2.0)
        span_box = np.empty((len(detail), 4))
        span_box[:, 0] = x0s
        span_box[:, 1] = track_top[ln_d] + np.minimum(a.track[detail], last_track[ln_d]) * track_h[ln_d] + 1
        span_box[:, 2] = x1s - x0s
        span_box[:, 3] = np.maximum(track_h[ln_d] - 2, 2.0)

        # -- labels
        labels = self._place_labels(lanes, top, left, width, markers, extents, detail, span_box, selected)
        return Frame(
            rect,
            sx,
            tx,
            lanes,
            markers,
            clusters,
            detail,
            span_box,
            np.concatenate(strip_lane) if strip_lane else np.empty(0, dtype=np.int64),
            np.concatenate(strip_box) if strip_box else np.empty((0, 4)),
            labels,
            selected,
        )

    def _lod_columns(
        self, shown_lanes: list[int], width: float, left: float, sx: float, tx: float, exclude: int
    ) -> Columns:
        """Point markers per pixel column, from the LaneIndex (see :mod:`timeline_app.model.lod`)."""
        margin = CLUSTER_MARGIN_PX
        ncol = column_count(width, margin)
        edges = (np.arange(ncol + 1, dtype=np.float64) - margin + left - tx) / sx
        csum = self._match.lod_tables().pt if self._match.active else None
        return self._arrays.lod.point_columns(
            shown_lanes, edges, sx, tx - left, exclude=exclude, match_csum=csum
        )

    def anchor_columns(
        self, left: float, width: float, sx: float, tx: float, margin: int = 4
    ) -> tuple[list[int], np.ndarray, np.ndarray]:
        """Every shown event (points and spans) counted by lane and pixel column of its anchor, for
        the event lines of the plots: (lanes, count, matching count), counts of shape (lanes,
        columns), column ``c`` covering pixels ``[left + c - margin, left + c - margin + 1)``.
        Kept for the frame: every plot under the timeline asks the same."""
        key = (left, width, sx, tx, margin, self._version)
        if self._anchor_cache is not None and self._anchor_cache[0] == key:
            return self._anchor_cache[1]
        a = self._arrays
        hidden = self._hidden
        lanes = [i for i in range(len(self._chron.categories)) if not (i < len(hidden) and hidden[i])]
        ncol = int(width) + 2 * margin
        edges = (left - margin + np.arange(ncol + 1, dtype=np.float64) - tx) / sx
        i0, i1 = a.visible_range(edges[0], edges[-1])
        match = self._match
        if not lanes:
            z = np.zeros((0, ncol), dtype=np.int64)
            out: tuple[list[int], np.ndarray, np.ndarray] = (lanes, z, z)
        elif i1 - i0 > LOD_EVENTS:
            cnt, mcnt = a.lod.anchor_columns(lanes, edges, match.lod_tables() if match.active else None)
            out = (lanes, cnt, mcnt)
        else:
            idx = np.arange(i0, i1)
            x = a.anchor[idx] * sx + tx
            keep = (x >= edges[0] * sx + tx) & (x < edges[-1] * sx + tx)
            keep &= np.isin(a.lane[idx], lanes)
            idx, x = idx[keep], x[keep]
            row = np.searchsorted(np.asarray(lanes), a.lane[idx])
            col = np.clip(np.floor(x - left).astype(np.int64) + margin, 0, ncol - 1)
            flat = row * ncol + col
            cnt = np.bincount(flat, minlength=len(lanes) * ncol).reshape(len(lanes), ncol)
            if match.active and len(idx):
                m = match.of(idx)
                mcnt = np.bincount(flat[m], minlength=len(lanes) * ncol).reshape(len(lanes), ncol)
            else:
                mcnt = np.zeros_like(cnt)
            out = (lanes, cnt, mcnt)
        self._anchor_cache = (key, out)
        return out

    def _count_width(self, count: int) -> float:
        """Width of a cluster's pill for ``count`` members (at least the text and its padding)."""
        text = count_text(count)
        w = self._count_widths.get(text)
        if w is None:
            w = self._count_widths[text] = self._fms.horizontalAdvance(text) + 8
        return w

    def _place_labels(
        self,
        lanes: list[LaneGeom],
        top: float,
        left: float,
        width: float,
        markers: list[tuple[int, float, float]],
        extents: list[list[tuple[float, float, int]]],
        span_event: np.ndarray,
        span_box: np.ndarray,
        selected: tuple[int, float, float] | None,
    ) -> list[PlacedLabel]:
        a = self._arrays
        th, r = float(self._th), float(self._r)
        match = self._match
        is_match = match.at if match.active else (lambda i: False)
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
            matched = is_match(i)
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
                    out.append(PlacedLabel(i, rect, text, bold, matched))
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
                out.append(PlacedLabel(i, QtCore.QRectF(b0, y, w, th), text, bold, matched, leader))
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
                out.append(PlacedLabel(i, rect, text, bold, matched))
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
            matched = is_match(i)
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
            out.append(PlacedLabel(i, QtCore.QRectF(x0, y, w, th), text, bold, matched))

        # bars that may carry a title: in lanes whose tracks are tall enough, and the selected one
        sel_i = selected[0] if selected is not None else -1
        tall = np.array([g.track_h >= th * 0.95 for g in lanes], dtype=bool)
        keep = (
            tall[a.lane[span_event]] | (span_event == sel_i) if len(span_event) else np.zeros(0, dtype=bool)
        )
        span_rects = [
            (i, QtCore.QRectF(*box))
            for i, box in zip(span_event[keep].tolist(), span_box[keep].tolist(), strict=True)
        ]
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
        if match.active:
            for i, x, _ in order:
                if is_match(i):
                    place_point(i, x, False, False)
            for i, rc in spans_sorted:
                if is_match(i) and i != (selected[0] if selected else -1):
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
            self._painter.paint(p, fr)
        finally:
            p.restore()

    def set_ticks_source(self, source: Callable[[float, float, float], AxisTicks] | None) -> None:
        """Where the grid's calendar ticks come from: the time axis's ``ticks_for``, so the grid
        lines fall on the axis's ticks (and are computed once per frame for both)."""
        self._ticks_source = source
        self._painter.reset()
        self.update()

    def ticks_source(self) -> Callable[[float, float, float], AxisTicks] | None:
        return self._ticks_source

    def match_window(self) -> MatchWindow:
        return self._match

    def is_dim(self, i: int) -> bool:
        """Drawn faded: a search is on and ``i`` neither matches nor is selected."""
        return self._match.active and not self._match.at(i) and i != self._selected

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
        i = fr.span_at(x, y)
        return Hit("event", i) if i >= 0 else None

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
        ids |= {self._arrays.ids[i] for i in fr.span_event.tolist()}
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
        rc = fr.span_rect(i)
        if rc is not None:
            vis = rc.intersected(fr.rect)
            if vis.width() > 0:
                return QtCore.QPointF(vis.left() + min(vis.width() / 2, 6.0), vis.center().y())
        return None
