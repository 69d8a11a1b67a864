"""Painting one :class:`~timeline_app.ui.timeline.frame.Frame` of the lane timeline.

Python calls are what cost in a paint, not pixels: a frame of a million events zoomed out still
shows a thousand bars and a hundred clusters. So shapes of one style are drawn together: bars,
fades, brackets, whiskers and grid lines by style, each style in ONE ``drawRects``/``drawLines``
call from a numpy array (:mod:`timeline_app.ui.drawing.batch_draw`); gradient ends with one
bounding-box-relative gradient per style; markers of a style as ONE path. Texts (cluster counts,
titles) are ``QStaticText``, laid out once and kept.

How a date's *precision* differs from an event's *duration*: a point event known only to the
year or month gets a thin whisker with end caps across the interval it may stand for, and its
marker sits in the middle of that interval; a span's imprecise start or end is drawn as a soft
gradient over the uncertain interval, while the part that surely happened is a solid bar. So
"sometime in 2014" (whisker) never looks like "all of 2014" (bar). Approximate events have a
dashed outline; ongoing spans fade out at today with an arrow.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6 import QtCore, QtGui

from timeline_app.geometry.distinct import distinct
from timeline_app.geometry.layout import count_text
from timeline_app.model.date_marks import OPEN_AFTER, OPEN_BEFORE, UNCERTAIN
from timeline_app.ui.drawing.batch_draw import (
    LineBatch,
    RectBatch,
    RuleBatch,
    rule_boxes,
)
from timeline_app.ui.drawing.palette import text_on, with_alpha
from timeline_app.ui.timeline.background import BackgroundPainter
from timeline_app.ui.timeline.frame import Frame
from timeline_app.ui.timeline.shapes import (
    SpanStyle,
    box_outline,
    contrast_ok,
    diamond_path,
    fade_brush,
    groups,
)
from timeline_app.ui.timeline.sprites import ClusterSprites
from timeline_app.ui.timeline.style import PaintSource

_NO_PEN = QtCore.Qt.PenStyle.NoPen
_NO_BRUSH = QtCore.Qt.BrushStyle.NoBrush
_STATIC_TEXTS = 4096  # laid-out texts kept
THIN_BAR_PX = 5.0  # bars thinner than this get no outline and no brackets


class TimelinePainter:
    """Paints frames for one timeline item, read through :class:`PaintSource` (and keeps the styles
    and texts it reuses)."""

    def __init__(self, item: PaintSource) -> None:
        self._item = item
        self._rects = RectBatch()
        self._lines = LineBatch()
        self._rules = RuleBatch()
        self._texts: OrderedDict[tuple[str, bool], QtGui.QStaticText] = OrderedDict()
        self._counts: dict[str, QtGui.QStaticText] = {}
        self._cluster_styles: dict[tuple[int, bool], tuple[QtGui.QColor, QtGui.QColor]] = {}
        self._span_styles: dict[tuple[int, bool], SpanStyle] = {}
        self._background = BackgroundPainter(item)
        self._sprites = ClusterSprites(item, self.cluster_style)

    def reset(self) -> None:
        """Forget cached styles and texts (colours or fonts changed)."""
        self._texts.clear()
        self._counts.clear()
        self._cluster_styles.clear()
        self._span_styles.clear()
        self._background.reset()
        self._sprites = ClusterSprites(self._item, self.cluster_style)

    def _static(self, text: str, bold: bool) -> QtGui.QStaticText:
        k = (text, bold)
        st = self._texts.get(k)
        if st is None:
            st = QtGui.QStaticText(text)
            st.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            st.prepare(QtGui.QTransform(), self._item.fonts.bold if bold else self._item.fonts.font)
            self._texts[k] = st
            if len(self._texts) > _STATIC_TEXTS:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(k)
        return st

    # -- the whole frame -----------------------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, fr: Frame) -> None:
        self.body(p, fr)
        self.labels(p, fr)

    def body(self, p: QtGui.QPainter, fr: Frame) -> None:
        """Everything but the titles: the background, the bars, the markers and clusters."""
        self._background.paint(p, fr)
        self.spans(p, fr)
        self.points(p, fr)

    def header(self, p: QtGui.QPainter, fr: Frame) -> None:
        """The header row of a frame (era names, "today"), as :meth:`paint` draws it there (a pan
        drawn from the strip paints it over the image; the caller clips to the row)."""
        self._background.header(p, fr)

    def _span_style(self, lane: int, dim: bool) -> SpanStyle:
        k = (lane, dim)
        st = self._span_styles.get(k)
        if st is None:
            st = self._span_styles[k] = SpanStyle(self._item.lane_qcolor(lane), dim)
        return st

    def spans(self, p: QtGui.QPainter, fr: Frame) -> None:
        item = self._item
        a = item.arrays()
        c = item.colors()
        p.setPen(_NO_PEN)
        if len(fr.strip_lane):
            for ln, rows in groups(fr.strip_lane):
                p.setBrush(self._span_style(ln, False).strip)
                self._rects.draw(p, fr.strip_box[rows])
        ev = fr.span_event
        if not len(ev):
            return
        box = fr.span_box
        x, y, w, h = box[:, 0], box[:, 1], box[:, 2], box[:, 3]
        right = x + w
        sx, tx = fr.sx, fr.tx
        ongoing = a.ongoing[ev]
        approx = a.approx[ev]
        # the part that surely happened, and the uncertain ends as gradients
        xs0 = np.where(a.exact_start[ev], a.start_lo[ev], a.start_hi[ev]) * sx + tx
        xs1 = np.where(a.exact_end[ev], a.end_hi[ev], a.end_lo[ev]) * sx + tx
        unsure = xs1 <= xs0  # all of it uncertain: one soft band
        mid = x + w / 2
        xs0 = np.where(unsure, mid, xs0)
        xs1 = np.where(unsure, mid, xs1)
        lfade = xs0 > x + 1.5
        xs0 = np.where(lfade, xs0, x)
        rfade = (right > xs1 + 1.5) & ~ongoing
        xs1 = np.where(rfade | ongoing, xs1, right)
        solid_w = np.maximum(xs1 - xs0, 0.0)
        sel = item.selected_index()
        match = item.match_window()
        matched = match.of(ev) if match.active else np.zeros(len(ev), dtype=bool)
        dim = ~matched & (ev != sel) if match.active else matched
        group = a.lane[ev].astype(np.int64) * 2 + dim
        thin = h < THIN_BAR_PX
        solid = ~ongoing & (solid_w > 0)
        # every shape of every bar, made once; each style below draws its rows of them
        left_box = np.column_stack((x, y, xs0 - x, h))
        right_box = np.column_stack((xs1, y, right - xs1, h))
        solid_box = np.column_stack((xs0, y, solid_w, h))
        edges = box_outline(xs0, y, solid_w, h).reshape(4, len(ev), 4)  # lines, by edge
        edge_boxes = rule_boxes(edges.reshape(-1, 4), 1.0).reshape(4, len(ev), 4)
        # brackets under the uncertain start/end intervals (of bars tall enough to show them)
        yb = np.floor(y + h) - 0.5
        sides = (((xs0 - x) > 3) & ~thin, ((right - xs1) > 3) & ~ongoing & ~thin)
        # made for the bars that show them only: (group, boxes (3, k, 4)) per side
        bracket_boxes = []
        for side, (xa, xb) in zip(sides, ((x, xs0), (xs1, right)), strict=True):
            k = np.flatnonzero(side)
            xa, xb, yk = np.floor(xa[k]) + 0.5, np.floor(xb[k]) - 0.5, yb[k]
            lines = np.stack(
                (
                    np.column_stack((xa, yk, xb, yk)),
                    np.column_stack((xa, yk - 3, xa, yk)),
                    np.column_stack((xb, yk - 3, xb, yk)),
                )
            )
            bracket_boxes.append((group[k], rule_boxes(lines.reshape(-1, 4), 1.0).reshape(3, len(k), 4)))
        with_bracket = sides[0] | sides[1]
        for gk, rows in groups(group):
            ln, is_dim = divmod(gk, 2)
            style = self._span_style(ln, bool(is_dim))
            g_solid, g_thin, g_approx = solid[rows], thin[rows], approx[rows]
            p.setPen(_NO_PEN)
            lf = rows[lfade[rows]]
            if len(lf):
                p.setBrush(style.fade_in)
                self._rects.draw(p, left_box[lf])
            rf = rows[rfade[rows]]
            if len(rf):
                p.setBrush(style.fade_out)
                self._rects.draw(p, right_box[rf])
            # solid parts, filled, then outlined (dashed when approximate): outlines as crisp
            # one-pixel lines on the pixel grid, which rasterise several times faster than
            # antialiased rectangle outlines. A bar too thin to show an outline inside is filled
            # with the outline's colour instead (what the outline would have made of it).
            slim = g_solid & g_thin
            if slim.any():
                for dashed in (False, True):
                    out = rows[slim & (g_approx == dashed)]
                    if len(out):
                        p.setBrush(style.slim_dashed if dashed else style.outline)
                        self._rects.draw(p, solid_box[out])
            full = rows[g_solid & ~g_thin]
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
            if len(full):
                p.setBrush(style.fill)
                self._rects.draw(p, solid_box[full])
                f_approx = approx[full]
                out = full[~f_approx]
                if len(out):
                    p.setBrush(style.outline)
                    self._rects.draw(p, edge_boxes[:, out].reshape(-1, 4))
                out = full[f_approx]
                if len(out):
                    p.setPen(style.dashed_pen)
                    self._lines.draw(p, edges[:, out].reshape(-1, 4))
                    p.setPen(_NO_PEN)
            if with_bracket[rows].any():
                segs = [bx[:, g == gk].reshape(-1, 4) for g, bx in bracket_boxes]
                p.setPen(_NO_PEN)
                p.setBrush(style.bracket)
                self._rects.draw(p, np.concatenate(segs))
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setPen(_NO_PEN)
            p.setBrush(style.fill)
            for j in rows[ongoing[rows]].tolist():
                self._ongoing(
                    p,
                    float(xs0[j]),
                    float(y[j]),
                    float(solid_w[j]),
                    float(h[j]),
                    style.fill,
                    style.outline,
                    style.color,
                    bool(approx[j]),
                )
        marks = a.marks[ev] if len(a.marks) else np.zeros(len(ev), np.uint8)
        self._date_marks(p, marks, x, right, y + h / 2, float(item.fonts.r), a.lane[ev])
        # the selected bar and the bars matching the search
        p.setBrush(_NO_BRUSH)
        for j in np.flatnonzero((ev == sel) | matched).tolist():
            rc = QtCore.QRectF(*box[j].tolist())
            if ev[j] == sel:
                p.setPen(QtGui.QPen(c.selection, 2.5))
                p.drawRoundedRect(rc.adjusted(-2, -2, 2, 2), 3, 3)
            else:
                p.setPen(QtGui.QPen(c.match, 2.0))
                p.drawRoundedRect(rc.adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3)

    def _date_marks(
        self,
        p: QtGui.QPainter,
        marks: np.ndarray,
        left: np.ndarray,
        right: np.ndarray,
        ys: np.ndarray,
        r: float,
        lanes: np.ndarray,
    ) -> None:
        """What EDTF says, beside the marker or bar (:mod:`timeline_app.model.date_marks`): an
        open side as a line running on from the whisker or bar into an open chevron, an uncertain
        date as a question mark after it. (Approximate dates are outlined dashed by the caller.)"""
        show = np.flatnonzero(marks & (UNCERTAIN | OPEN_BEFORE | OPEN_AFTER))
        if not len(show):
            return
        item = self._item
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setFont(item.fonts.small_bold)
        fm = QtGui.QFontMetricsF(item.fonts.small_bold)
        reach, arm = max(3.0 * r, 10.0), max(min(r, 5.0), 3.0)
        for j in show.tolist():
            m = int(marks[j])
            col = item.lane_qcolor(int(lanes[j]))
            y, xa, xb = float(ys[j]), float(left[j]), float(right[j])
            pen = QtGui.QPen(col, 1.4)
            pen.setStyle(QtCore.Qt.PenStyle.DotLine)
            p.setBrush(_NO_BRUSH)
            for side, edge, sign in ((OPEN_BEFORE, xa, -1.0), (OPEN_AFTER, xb, 1.0)):
                if m & side:
                    tip = edge + sign * reach
                    p.setPen(pen)
                    p.drawLine(QtCore.QPointF(edge, y), QtCore.QPointF(tip, y))
                    p.setPen(QtGui.QPen(col, 1.4))
                    p.drawLine(QtCore.QLineF(tip - sign * arm, y - arm, tip, y))
                    p.drawLine(QtCore.QLineF(tip, y, tip - sign * arm, y + arm))
            if m & UNCERTAIN:
                x = xb + (reach + 3.0 if m & OPEN_AFTER else 2.0)
                p.setPen(QtGui.QPen(col, 1.0))
                p.drawText(QtCore.QPointF(x, y + fm.ascent() / 2 - 1.0), "?")

    def _ongoing(
        self,
        p: QtGui.QPainter,
        x0: float,
        y: float,
        w: float,
        h: float,
        fill: QtGui.QColor,
        outline: QtGui.QColor,
        col: QtGui.QColor,
        approx: bool,
    ) -> None:
        """An ongoing span: filled, fading out at today, an arrow, open at the right end."""
        solid = QtCore.QRectF(x0, y, w, h)
        fade = min(28.0, solid.width() * 0.5)
        body = QtCore.QRectF(solid.left(), solid.top(), solid.width() - fade, solid.height())
        p.setPen(_NO_PEN)
        p.fillRect(body, fill)
        p.fillRect(
            QtCore.QRectF(body.right(), solid.top(), fade, solid.height()),
            fade_brush(fill, with_alpha(col, 0.04)),
        )
        ax, ay, ah = solid.right(), solid.center().y(), min(solid.height() / 2, 5.0)
        p.setBrush(outline)
        p.drawPolygon(
            QtGui.QPolygonF(
                [QtCore.QPointF(ax, ay - ah), QtCore.QPointF(ax + ah * 1.4, ay), QtCore.QPointF(ax, ay + ah)]
            )
        )
        if solid.width() > 0:
            pen = QtGui.QPen(outline, 1.2)
            if approx:
                pen.setStyle(QtCore.Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(_NO_BRUSH)
            end = solid.right() - 10
            p.drawLine(solid.topLeft(), QtCore.QPointF(end, solid.top()))
            p.drawLine(solid.bottomLeft(), QtCore.QPointF(end, solid.bottom()))
            p.drawLine(solid.topLeft(), solid.bottomLeft())
        p.setBrush(fill)

    # -- point markers and clusters --------------------------------------------------------------------------
    def points(self, p: QtGui.QPainter, fr: Frame) -> None:
        item = self._item
        a = item.arrays()
        c = item.colors()
        r = float(item.fonts.r)
        match = item.match_window()
        singles = list(fr.markers)
        if fr.selected is not None and not a.is_span[fr.selected[0]]:
            singles.append(fr.selected)
        sel = item.selected_index()
        if singles:
            ev = np.array([s[0] for s in singles], dtype=np.int64)
            xs = np.array([s[1] for s in singles])
            ys = np.array([s[2] for s in singles])
            lanes = a.lane[ev].astype(np.int64)
            matched = match.of(ev) if match.active else np.zeros(len(ev), dtype=bool)
            dim = (~matched & (ev != sel)) if match.active else np.zeros(len(ev), dtype=bool)
            group = lanes * 2 + dim
            # precision whiskers behind the markers
            x0 = a.start_lo[ev] * fr.sx + fr.tx
            x1 = a.start_hi[ev] * fr.sx + fr.tx
            wide = (x1 - x0) > 2 * r + 2
            if wide.any():
                for gk in distinct(group[wide]).tolist():
                    ln, is_dim = divmod(gk, 2)
                    rows = wide & (group == gk)
                    col = item.lane_qcolor(ln)
                    p.setPen(_NO_PEN)
                    p.setBrush(with_alpha(col, 0.07 if is_dim else 0.14))
                    self._rects.draw(
                        p,
                        np.column_stack(
                            (
                                x0[rows],
                                ys[rows] - r * 0.55,
                                x1[rows] - x0[rows],
                                np.full(int(rows.sum()), r * 1.1),
                            )
                        ),
                    )
                    xa, xb, yy = x0[rows], x1[rows], ys[rows]
                    self._rules.draw(
                        p,
                        np.concatenate(
                            (
                                np.column_stack((xa, yy, xb, yy)),
                                np.column_stack((xa, yy - r, xa, yy + r)),
                                np.column_stack((xb, yy - r, xb, yy + r)),
                            )
                        ),
                        with_alpha(col, 0.3 if is_dim else 0.8),
                        1.2,
                    )
        # clusters: the pills by style, one rounded rectangle each (far faster than one path of
        # many, and than stamping them from prepared pictures), then the counts
        cs = fr.cluster_set
        styles: dict[tuple[int, bool], np.ndarray] = {}
        if len(cs):
            dim_cl = (cs.match == 0) if match.active else np.zeros(len(cs), dtype=bool)
            skey = cs.lane * 2 + dim_cl
            order = np.argsort(skey, kind="stable")
            keys, starts = np.unique(skey[order], return_index=True)
            groups = list(zip(keys.tolist(), np.split(order, starts[1:]), strict=True))
            groups.sort(key=lambda g: int(g[1][0]))  # styles in the order they first appear
            for k, ks in groups:
                styles[(k // 2, bool(k % 2))] = ks
        self._clusters(p, fr, styles)
        if match.active:
            p.setPen(QtGui.QPen(c.match, 2.0))
            p.setBrush(_NO_BRUSH)
            for k in np.flatnonzero(cs.match).tolist():
                rc = QtCore.QRectF(*cs.box[k].tolist())
                rad = rc.height() / 2
                p.drawRoundedRect(rc.adjusted(-2, -2, 2, 2), rad + 2, rad + 2)
        # single markers
        if singles:
            approx = a.approx[ev]
            for gk in distinct(group * 2 + approx).tolist():
                g2, is_approx = divmod(gk, 2)
                ln, is_dim = divmod(g2, 2)
                rows = (group == g2) & (approx == bool(is_approx))
                col = item.lane_qcolor(ln)
                if is_approx:
                    p.setBrush(with_alpha(col, 0.25 if is_dim else 0.4))
                    pen = QtGui.QPen(
                        with_alpha(col, 0.5 if is_dim else 1.0), 1.6, QtCore.Qt.PenStyle.DashLine
                    )
                    pen.setDashPattern([2.0, 1.5])
                    p.setPen(pen)
                else:
                    p.setBrush(with_alpha(col, 0.3 if is_dim else 1.0))
                    p.setPen(QtGui.QPen(c.background, 1.0))
                p.drawPath(diamond_path(xs[rows], ys[rows], r + 0.5))
            marks = a.marks[ev] if len(a.marks) else np.zeros(len(ev), np.uint8)
            self._date_marks(p, marks, np.minimum(x0, xs - r), np.maximum(x1, xs + r), ys, r, lanes)
            if matched.any():
                p.setBrush(_NO_BRUSH)
                p.setPen(QtGui.QPen(c.match, 2.0))
                for x, y in zip(xs[matched].tolist(), ys[matched].tolist(), strict=True):
                    p.drawEllipse(QtCore.QPointF(x, y), r + 3, r + 3)
        if fr.selected is not None:
            i, x, y = fr.selected
            if not a.is_span[i]:
                p.setBrush(_NO_BRUSH)
                p.setPen(QtGui.QPen(c.selection, 2.5))
                p.drawEllipse(QtCore.QPointF(x, y), r + 4, r + 4)

    def _clusters(self, p: QtGui.QPainter, fr: Frame, styles: dict[tuple[int, bool], np.ndarray]) -> None:
        """Pills and their counts: stamped from prepared pixmaps on screen and in images (hundreds
        of them in a zoomed-out frame: one call per style instead of two per pill), drawn as
        shapes anywhere else (SVG)."""
        engine = p.paintEngine()
        if engine is not None and engine.type() == QtGui.QPaintEngine.Type.Raster and len(fr.cluster_set):
            dev = p.device()
            dpr = (dev.devicePixelRatioF() if dev is not None else 1.0) or 1.0
            self._sprites.draw(p, fr, styles, dpr)
            return
        item = self._item
        p.setFont(item.fonts.small_bold)
        fm_h = QtGui.QFontMetricsF(item.fonts.small_bold).height()
        p.setPen(QtGui.QPen(item.colors().background, 1.0))
        for (ln, dim), ks in styles.items():
            p.setBrush(self.cluster_style(ln, dim)[0])
            for k in ks.tolist():
                rc = fr.clusters[k].rect
                p.drawRoundedRect(rc, rc.height() / 2, rc.height() / 2)
        for (ln, dim), ks in styles.items():
            p.setPen(self.cluster_style(ln, dim)[1])
            for k in ks.tolist():
                cl = fr.clusters[k]
                st = self._count_text(cl.count)
                center = cl.rect.center()
                p.drawStaticText(
                    QtCore.QPointF(center.x() - st.size().width() / 2, center.y() - fm_h / 2), st
                )

    def cluster_style(self, lane: int, dim: bool) -> tuple[QtGui.QColor, QtGui.QColor]:
        k = (lane, dim)
        st = self._cluster_styles.get(k)
        if st is None:
            item = self._item
            c = item.colors()
            fill = with_alpha(item.lane_qcolor(lane), 0.35 if dim else 0.95)
            st = self._cluster_styles[k] = (fill, text_on(fill) if not dim else c.foreground)
        return st

    def _count_text(self, count: int) -> QtGui.QStaticText:
        text = count_text(count)
        st = self._counts.get(text)
        if st is None:
            st = QtGui.QStaticText(text)
            st.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            st.prepare(QtGui.QTransform(), self._item.fonts.small_bold)
            self._counts[text] = st
        return st

    # -- titles ---------------------------------------------------------------------------------------------
    def labels(self, p: QtGui.QPainter, fr: Frame) -> None:
        item = self._item
        c = item.colors()
        a = item.arrays()
        if not fr.labels:
            return
        th = QtGui.QFontMetricsF(item.fonts.font).height()
        plain_bg = with_alpha(c.background, 0.7)
        bold_bg = with_alpha(c.background, 0.85)
        match_bg = with_alpha(c.match, 0.28)
        sel_pen = c.selection if contrast_ok(c.selection, c.background) else c.foreground
        for lab in fr.labels:
            if lab.leader is not None:
                p.setPen(QtGui.QPen(with_alpha(item.lane_qcolor(int(a.lane[lab.event])), 0.7), 1.0))
                p.drawLine(lab.leader)
            if not lab.bold and not lab.match:
                p.fillRect(lab.rect.adjusted(-1, 1, 1, -1), plain_bg)
            if lab.bold:
                p.fillRect(lab.rect.adjusted(-2, 0, 2, 0), bold_bg)
                p.setPen(sel_pen)
            else:
                if lab.match:
                    p.fillRect(lab.rect.adjusted(-2, 0, 2, 0), match_bg)
                p.setPen(c.muted if item.is_dim(lab.event) else c.foreground)
            p.setFont(item.fonts.bold if lab.bold else item.fonts.font)
            st = self._static(lab.text, lab.bold)
            p.drawStaticText(
                QtCore.QPointF(lab.rect.left(), lab.rect.top() + (lab.rect.height() - th) / 2), st
            )
