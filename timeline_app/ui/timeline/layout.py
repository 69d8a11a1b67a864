"""Layout of one frame of the lane timeline: which events are drawn where, and their titles.

:func:`layout_frame` makes the :class:`~timeline_app.ui.timeline.frame.Frame` that
:class:`~timeline_app.ui.timeline.item.TimelineItem` paints and hit-tests:

1. the visible events are found with ``numpy.searchsorted`` on the sorted starts (and on the
   running maximum of the ends, for long spans that began before the left edge);
2. point markers that would overlap become *clusters* with their count. With few events in view
   they are counted per pixel column with ``numpy.bincount``; with many (more than
   :data:`LOD_EVENTS`, a zoomed-out view of a big chronology) the columns are counted from the
   chronology's :class:`~timeline_app.geometry.lod.LaneIndex` without visiting the events, and the
   crowded span tracks are drawn from the union of their spans. Either way the counts are exact;
   Events that matter (``importance`` major or headline) are never folded into a cluster: they
   are drawn on their own, and no cluster reaches across them;
3. titles are placed greedily, left to right, in a few rows per lane (beside the marker, or above
   it), skipping any that would overlap: labels never overlap and never cover another marker.
   The selected event goes first, then search matches, then headline events (always labelled,
   wherever they are on screen), then major ones, then the rest. A span too short to hold its
   title is labelled like a point event.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6 import QtCore

from timeline_app.geometry.event_arrays import EventArrays, MatchWindow
from timeline_app.geometry.layout import (
    MAX_TRACKS,
    Columns,
    LaneGeom,
    Occupancy,
    column_count,
    coverage_runs,
    group_columns,
    marker_columns,
    merge_pixel_runs_keyed,
)
from timeline_app.ui.timeline.frame import ClusterSet, Frame, PlacedLabel
from timeline_app.ui.timeline.style import TimelineFonts


@dataclass(frozen=True, eq=False)
class LayoutInputs:
    """What laying out a frame reads of the timeline, handed over by the item
    (:meth:`~timeline_app.ui.timeline.item.TimelineItem.layout_inputs`)."""

    arrays: EventArrays
    lane_count: int
    hidden: np.ndarray  # by lane
    selected: int  # event index, or -1
    match: MatchWindow
    fonts: TimelineFonts
    lanes: Callable[[float], list[LaneGeom]]  # lane rows for a view height
    label: Callable[[int, bool], tuple[str, float]]  # (elided title, width) of an event, bold or not
    count_width: Callable[[int], float]  # a cluster pill's width for a count
    shown: np.ndarray | None = None  # by event: let through by the filters (None: no filter)

LOD_EVENTS = 20_000  # more events than this in view: count them per pixel column from the LaneIndex
CLUSTER_MARGIN_PX = 32.0  # markers this far off-screen still join the clusters at the edges


def layout_frame(view: LayoutInputs, rect: QtCore.QRectF, sx: float, tx: float) -> Frame:
    a = view.arrays
    r = float(view.fonts.r)
    left, width = rect.left(), rect.width()
    lanes = view.lanes(rect.height())
    top = rect.top()
    margin_px = 40.0
    lo_day = (left - margin_px - tx) / sx
    hi_day = (rect.right() + margin_px - tx) / sx
    n_lanes = len(lanes)
    shown_lanes = [g.index for g in lanes if not g.hidden]
    hidden = view.hidden
    sel = view.selected
    shown = view.shown
    if sel >= 0 and not (
        a.start_lo[sel] <= hi_day and a.end_hi[sel] >= lo_day and not (len(hidden) and hidden[a.lane[sel]])
    ):
        sel = -1
    if sel >= 0 and shown is not None and not shown[sel]:
        sel = -1
    sel_is_span = sel >= 0 and bool(a.is_span[sel])
    i0, i1 = a.visible_range(lo_day, hi_day)
    # zoomed out over many events: per-pixel summaries from the LaneIndex, not the events (which
    # count every event: with a filter, the events let through are counted one by one)
    lod = i1 - i0 > LOD_EVENTS and shown is None
    match = view.match

    # -- point markers -> singles and clusters; events that matter stand alone
    pinned = a.pinned
    if len(pinned):
        pinned = pinned[~a.is_span[pinned] & (a.anchor[pinned] >= lo_day) & (a.anchor[pinned] <= hi_day)]
        if len(hidden):
            pinned = pinned[~hidden[a.lane[pinned]]]
        if shown is not None:
            pinned = pinned[shown[pinned]]
        pinned = pinned[pinned != sel]
    if lod:
        # (the per-column counts come from the LaneIndex, where the pinned markers stay counted)
        cols = lod_columns(view, shown_lanes, width, left, sx, tx, -1 if sel_is_span else sel)
        spans = np.empty(0, dtype=np.int64)
    else:
        vis = a.visible(lo_day, hi_day)
        if len(hidden):
            vis = vis[~hidden[a.lane[vis]]]
        if shown is not None:
            vis = vis[shown[vis]]
        pts = vis[~a.is_span[vis]]
        spans = vis[a.is_span[vis]]
        if len(pinned):
            pts = pts[a.importance[pts] == 0]
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
    pin_x = a.anchor[pinned] * sx + tx
    on_screen = (pin_x >= left - r) & (pin_x <= left + width + r)
    pinned, pin_x = pinned[on_screen], pin_x[on_screen]
    glyphs = group_columns(cols, view.fonts.gap, (a.lane[pinned].astype(np.int64), pin_x - left))
    # single markers and clusters, as arrays (hundreds of glyphs in a zoomed-out frame)
    ch = 2 * r + 2
    lane_y = np.array([top + g.marker_y for g in lanes], dtype=np.float64)
    g_lane = glyphs.lane.astype(np.int64)
    g_y = lane_y[g_lane] if n_lanes else np.empty(0)
    g_x = left + glyphs.x
    single = glyphs.event >= 0
    markers: list[tuple[int, float, float]] = list(
        zip(glyphs.event[single].tolist(), g_x[single].tolist(), g_y[single].tolist(), strict=True)
    )
    if len(pinned):
        markers += zip(pinned.tolist(), pin_x.tolist(), lane_y[a.lane[pinned]].tolist(), strict=True)
    multi = ~single
    c_count = glyphs.count[multi].astype(np.int64)
    if len(c_count):
        widths, inverse = np.unique(c_count, return_inverse=True)
        count_w = np.array([view.count_width(int(k)) for k in widths.tolist()])[inverse.ravel()]
    else:
        count_w = np.empty(0)
    c_w = np.maximum(glyphs.x_hi[multi] - glyphs.x_lo[multi] + 2 * r, count_w)
    c_box = np.empty((len(c_count), 4))
    c_box[:, 0] = g_x[multi] - c_w / 2
    c_box[:, 1] = g_y[multi] - ch / 2
    c_box[:, 2] = c_w
    c_box[:, 3] = ch
    if len(pinned) and len(c_count):
        # a pill is at least as wide as its count: one ending or beginning next to a pinned
        # marker moves aside rather than cover it
        c_lanes = g_lane[multi]
        for ln, x in zip(a.lane[pinned].tolist(), pin_x.tolist(), strict=True):
            hit = (c_lanes == ln) & (c_box[:, 0] < x + r + 1) & (c_box[:, 0] + c_box[:, 2] > x - r - 1)
            left_of = hit & (c_box[:, 0] + c_box[:, 2] / 2 < x)
            c_box[left_of, 0] = x - r - 2 - c_box[left_of, 2]
            c_box[hit & ~left_of, 0] = x + r + 2
    cluster_set = ClusterSet(
        g_lane[multi],
        c_box,
        c_count,
        (left + glyphs.x_lo[multi] - tx) / sx,
        (left + glyphs.x_hi[multi] - tx) / sx,
        glyphs.matches[multi].astype(np.int64),
    )
    # glyph extents on each lane's marker line, for labels beside markers (in glyph order: by
    # lane, then x)
    e_lo = np.empty(len(g_x))
    e_hi = np.empty(len(g_x))
    e_lo[single] = g_x[single] - r - 1
    e_hi[single] = g_x[single] + r + 1
    e_lo[multi] = c_box[:, 0] - 1
    e_hi[multi] = c_box[:, 0] + c_box[:, 2] + 1
    e_ev = np.where(single, glyphs.event, -1)
    cuts = np.searchsorted(g_lane, np.arange(n_lanes + 1), side="left").tolist()
    lo_l, hi_l, ev_l = e_lo.tolist(), e_hi.tolist(), e_ev.tolist()
    extents: list[list[tuple[float, float, int]]] = [
        list(zip(lo_l[a:b], hi_l[a:b], ev_l[a:b], strict=True)) for a, b in itertools.pairwise(cuts)
    ]
    for i, x in zip(pinned.tolist(), pin_x.tolist(), strict=True):
        extents[int(a.lane[i])].append((x - r - 1, x + r + 1, i))
    if len(pinned):
        for ex in extents:
            ex.sort()
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

    def add_strips(key: np.ndarray, c0: np.ndarray, c1: np.ndarray) -> None:
        """Runs of pixel columns ``c0..c1`` covered on track ``key`` (lane * MAX_TRACKS + track)."""
        ln, t = np.divmod(key.astype(np.int64), MAX_TRACKS)
        box = np.empty((len(c0), 4))
        box[:, 0] = left + c0
        box[:, 1] = track_top[ln] + np.minimum(t, last_track[ln]) * track_h[ln] + 1
        box[:, 2] = c1 - c0
        box[:, 3] = np.maximum(track_h[ln] - 2, 2.0)
        strip_lane.append(ln)
        strip_box.append(box)

    dense_limit = max(width / 30.0, 8.0)
    if lod:
        keys = np.array(
            [ln * MAX_TRACKS + t for ln in shown_lanes for t in range(MAX_TRACKS)], dtype=np.int64
        )
        counts = a.lod.span_counts(keys, lo_day, hi_day)
        spans = a.lod.spans_on(keys[(counts > 0) & (counts <= dense_limit)], lo_day, hi_day, a.end_hi)
        uk, u0, u1 = a.lod.union_on(keys[counts > dense_limit], lo_day, hi_day)
        add_strips(*merge_pixel_runs_keyed(uk, u0 * sx + tx - left, u1 * sx + tx - left, width))
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
                add_strips(*coverage_runs(key[dense], x0 - left, x1 - left, width))
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
    labels = place_labels(view, lanes, top, left, width, markers, extents, detail, span_box, selected)
    return Frame(
        rect,
        sx,
        tx,
        lanes,
        markers,
        cluster_set,
        detail,
        span_box,
        np.concatenate(strip_lane) if strip_lane else np.empty(0, dtype=np.int64),
        np.concatenate(strip_box) if strip_box else np.empty((0, 4)),
        labels,
        selected,
    )


def lod_columns(
    view: LayoutInputs, shown_lanes: list[int], width: float, left: float, sx: float, tx: float, exclude: int
) -> Columns:
    """Point markers per pixel column, from the LaneIndex (see :mod:`timeline_app.geometry.lod`)."""
    margin = CLUSTER_MARGIN_PX
    ncol = column_count(width, margin)
    edges = (np.arange(ncol + 1, dtype=np.float64) - margin + left - tx) / sx
    csum = view.match.lod_tables().pt if view.match.active else None
    return view.arrays.lod.point_columns(shown_lanes, edges, sx, tx - left, exclude=exclude, match_csum=csum)


def anchor_columns(
    view: LayoutInputs, left: float, width: float, sx: float, tx: float, margin: int = 4
) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Every shown event (points and spans) counted by lane and pixel column of its anchor, for
    the event lines of the plots: (lanes, count, matching count), counts of shape (lanes,
    columns), column ``c`` covering pixels ``[left + c - margin, left + c - margin + 1)``.
    """
    a = view.arrays
    hidden = view.hidden
    lanes = [i for i in range(view.lane_count) if not (i < len(hidden) and hidden[i])]
    ncol = int(width) + 2 * margin
    edges = (left - margin + np.arange(ncol + 1, dtype=np.float64) - tx) / sx
    i0, i1 = a.visible_range(edges[0], edges[-1])
    match = view.match
    if not lanes:
        z = np.zeros((0, ncol), dtype=np.int64)
        out: tuple[list[int], np.ndarray, np.ndarray] = (lanes, z, z)
    elif i1 - i0 > LOD_EVENTS and view.shown is None:
        cnt, mcnt = a.lod.anchor_columns(lanes, edges, match.lod_tables() if match.active else None)
        out = (lanes, cnt, mcnt)
    else:
        idx = np.arange(i0, i1)
        x = a.anchor[idx] * sx + tx
        keep = (x >= edges[0] * sx + tx) & (x < edges[-1] * sx + tx)
        keep &= np.isin(a.lane[idx], lanes)
        if view.shown is not None:
            keep &= view.shown[idx]
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
    return out


def place_labels(
    view: LayoutInputs,
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
    a = view.arrays
    th, r = float(view.fonts.th), float(view.fonts.r)
    match = view.match
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
        text, w = view.label(i, bold)
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

    def like_a_point(i: int, rect: QtCore.QRectF, bold: bool, force: bool) -> None:
        """A span whose title does not fit on its bar: labelled at the lane's marker line, over
        the bar's middle (its part on screen)."""
        x = min(max(rect.center().x(), left + r), right - r)
        if place_point(i, x, bold, force) and out[-1].event == i:
            # a leader from the label's row down to the bar, so the title is seen to be its own
            lab = out[-1]
            if lab.rect.bottom() < rect.top():
                lab.leader = QtCore.QLineF(x, lab.rect.bottom(), x, rect.top())

    def place_span(i: int, rect: QtCore.QRectF, bold: bool, force: bool = False) -> None:
        ln = int(a.lane[i])
        g = lanes[ln]
        if g.track_h < th * 0.95:
            if bold or force:  # squeezed lane: label above its lane's marker line
                like_a_point(i, rect, bold, True)
            return
        text, w = view.label(i, bold)
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
            if force or avail < view.fonts.fm.averageCharWidth() * 4:
                # too short to hold its title at this zoom (a 17-day event seen across a
                # decade): labelled like a point event rather than dropped, or cut short when
                # it is a headline
                like_a_point(i, rect, bold, force)
                return
            fm = view.fonts.fmb if bold else view.fonts.fm
            text = fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, avail)
            w = fm.horizontalAdvance(text)
        if not occ_row.free(x0 - 2, x0 + w + 4):
            return
        occ_row.take(x0 - 2, x0 + w + 4)
        y = rect.center().y() - th / 2
        out.append(PlacedLabel(i, QtCore.QRectF(x0, y, w, th), text, bold, matched))

    # bars that may carry a title: in lanes whose tracks are tall enough, the selected one, and
    # headline events (labelled like points in a squeezed lane)
    sel_i = selected[0] if selected is not None else -1
    tall = np.array([g.track_h >= th * 0.95 for g in lanes], dtype=bool)
    if len(span_event):
        keep = tall[a.lane[span_event]] | (span_event == sel_i) | (a.importance[span_event] >= 2)
    else:
        keep = np.zeros(0, dtype=bool)
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

    # selected first (always labelled), then search matches, then headline events (always
    # labelled), then major ones, then the rest, left to right
    if selected is not None:
        i = selected[0]
        if a.is_span[i]:
            chosen = next((rc for j, rc in span_rects if j == i), None)
            if chosen is not None:
                place_span(i, chosen, True)
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
    if len(a.pinned):
        rank = a.importance
        m_rank = rank[np.array([m[0] for m in order], dtype=np.int64)].tolist()
        s_rank = rank[np.array([s[0] for s in spans_sorted], dtype=np.int64)].tolist()
    else:  # no event matters more than another: one pass
        m_rank, s_rank = [0] * len(order), [0] * len(spans_sorted)
    for level in (2, 1, 0) if len(a.pinned) else (0,):
        placed = {p.event for p in out}
        force = level == 2
        for (i, x, _), lv in zip(order, m_rank, strict=True):
            if lv == level and i not in placed and (force or x + r < right):
                place_point(i, x, False, force)
        for (i, rc), lv in zip(spans_sorted, s_rank, strict=True):
            if lv == level and i not in placed:
                place_span(i, rc, False, force)
    return out
