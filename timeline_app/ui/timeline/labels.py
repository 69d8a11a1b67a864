"""Where the titles of one frame of the lane timeline go (:func:`place_labels`): greedily, left to
right, in a few rows per lane (beside the marker, or above it), skipping any that would overlap,
so that labels never overlap and never cover another marker. The selected event goes first, then
search matches, then headline events (always labelled, wherever they are on screen), then major
ones, then the rest. A span too short to hold its title is labelled like a point event.
Called by :func:`timeline_app.ui.timeline.layout.layout_frame`.
"""

from __future__ import annotations

import bisect
import itertools
import math

import numpy as np
from PySide6 import QtCore

from timeline_app.geometry.layout import LaneGeom, Occupancy
from timeline_app.ui.timeline.frame import LayoutInputs, PlacedLabel


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
