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

import itertools

import numpy as np
from PySide6 import QtCore

from timeline_app.geometry.layout import (
    MAX_TRACKS,
    Columns,
    column_count,
    coverage_runs,
    group_columns,
    marker_columns,
    merge_pixel_runs_keyed,
)
from timeline_app.ui.timeline.frame import ClusterSet, Frame, LayoutInputs
from timeline_app.ui.timeline.labels import place_labels

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
    # zoomed out over many events: per-pixel summaries from the LaneIndex, not the events (with
    # a filter, from the LaneIndex of the events it lets through, when the item made one)
    lod = i1 - i0 > LOD_EVENTS and (shown is None or view.shown_lod is not None)
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
        index = view.lane_index
        counts = index.span_counts(keys, lo_day, hi_day)
        spans = index.spans_on(keys[(counts > 0) & (counts <= dense_limit)], lo_day, hi_day, a.end_hi)
        uk, u0, u1 = index.union_on(keys[counts > dense_limit], lo_day, hi_day)
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
    tables = view.match_tables()
    csum = tables.pt if tables is not None else None
    return view.lane_index.point_columns(shown_lanes, edges, sx, tx - left, exclude=exclude, match_csum=csum)


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
    elif i1 - i0 > LOD_EVENTS and (view.shown is None or view.shown_lod is not None):
        cnt, mcnt = view.lane_index.anchor_columns(lanes, edges, view.match_tables())
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
