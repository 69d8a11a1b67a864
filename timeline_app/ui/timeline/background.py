"""The timeline's background: lane stripes, the date grid and the era bands (drawn as opaque
shapes in the colours they make), the lane headers and the 'today' line."""

from __future__ import annotations

import itertools
import math

import numpy as np
from PySide6 import QtCore, QtGui

from timeline_app.geometry.distinct import distinct
from timeline_app.geometry.ticks import compute_ticks
from timeline_app.model.records import Era
from timeline_app.text import translate
from timeline_app.ui.drawing.batch_draw import (
    RectBatch,
    RuleBatch,
    vertical_rules,
)
from timeline_app.ui.drawing.palette import era_color, mix, with_alpha
from timeline_app.ui.timeline.frame import Frame
from timeline_app.ui.timeline.style import PaintSource

_NO_PEN = QtCore.Qt.PenStyle.NoPen


def _rgbf(c: QtGui.QColor) -> tuple[float, float, float]:
    return (c.redF(), c.greenF(), c.blueF())


def _column_boxes(x: float, w: float, y: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Boxes (x, y, w, h) of the same columns ``x .. x + w`` over the rows ``y`` of heights ``h``."""
    out = np.empty((len(y), 4))
    out[:, 0], out[:, 1], out[:, 2], out[:, 3] = x, y, w, h
    return out


class BackgroundPainter:
    """Paints the background of a frame for one timeline item (see :class:`PaintSource`), and keeps
    the grid ticks and colour bands it worked out for the view."""

    def __init__(self, item: PaintSource) -> None:
        self._item = item
        self._rects = RectBatch()
        self._rules = RuleBatch()
        self._ticks_key: tuple[float, ...] | None = None
        self._ticks: tuple[np.ndarray, np.ndarray] | None = None
        self._bands_key: object = None
        self._bands: tuple[np.ndarray, np.ndarray] | None = None

    def reset(self) -> None:
        self._ticks_key = None
        self._bands_key = None

    def _grid(self, fr: Frame) -> tuple[np.ndarray, np.ndarray]:
        """Days of the minor and major grid lines (the axis's calendar ticks), cached per view."""
        rect = fr.rect
        key = (fr.sx, fr.tx, rect.left(), rect.width())
        if self._ticks_key != key or self._ticks is None:
            lo, hi = fr.x_to_day(rect.left()), fr.x_to_day(rect.right())
            source = self._item.ticks_source()
            if source is not None:
                ticks = source(lo, hi, rect.width())
            else:
                ticks = compute_ticks(
                    lo, hi, rect.width(), QtGui.QFontMetricsF(self._item.fonts.font).horizontalAdvance
                )
            major = {t.day for t in ticks.major}
            minor = np.array([t.day for t in ticks.minor if t.day not in major], dtype=np.float64)
            self._ticks = (minor, np.array(sorted(major), dtype=np.float64))
            self._ticks_key = key
        return self._ticks

    def paint(self, p: QtGui.QPainter, fr: Frame) -> None:
        item = self._item
        c = item.colors()
        rect = fr.rect
        top = rect.top()
        if not item.backdrop_is(c.background):
            p.fillRect(rect, c.background)
        # lane stripes
        for g in fr.lanes:
            if g.index % 2 == 1 or g.hidden:
                fill = c.lane_stripe if not g.hidden else mix(c.background, c.foreground, 0.07)
                p.fillRect(QtCore.QRectF(rect.left(), top + g.top, rect.width(), g.height), fill)
        # eras
        hh = item.header_height()
        lanes_bottom = top + (fr.lanes[-1].top + fr.lanes[-1].height if fr.lanes else rect.height())
        shown_eras = self._shown_eras(fr)
        era_bands = [(x0, x1, with_alpha(col, 0.55)) for _, x0, x1, col in shown_eras]
        # the bands over the lanes: opaque rectangles in the colours they make over the lanes
        # when all colours allow (a translucent band is blended pixel by pixel: ~1 ms for an era
        # across the view), else translucent bands
        if era_bands and not self._opaque_eras(p, fr, top + hh, lanes_bottom, era_bands):
            for x0, x1, band_color in era_bands:
                p.fillRect(QtCore.QRectF(x0, top + hh, x1 - x0, lanes_bottom - top - hh), band_color)
        self._era_names(p, fr, shown_eras)
        # grid from the same calendar ticks as the axis, and lane separators (thin rectangles:
        # the colours are translucent, see RuleBatch)
        minor, major = self._grid(fr)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        x0 = float(np.floor(rect.left()))
        rules = [(np.floor(minor * fr.sx + fr.tx), c.grid), (np.floor(major * fr.sx + fr.tx), c.grid_major)]
        width = int(np.ceil(rect.right() - x0))
        if not self._opaque_grid(p, fr, x0, width, top + hh, lanes_bottom, rules, era_bands):
            vertical_rules(p, x0, top + hh, width, lanes_bottom - top - hh, rules)
        ys = np.array([round(top + g.top) + 0.5 for g in fr.lanes[1:]], dtype=np.float64)
        if len(ys):
            lines = np.empty((len(ys), 4))
            lines[:, 0] = rect.left()
            lines[:, 1] = ys
            lines[:, 2] = rect.right()
            lines[:, 3] = ys
            self._rules.draw(p, lines, c.separator)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        # today
        self._today(p, fr, lanes_bottom, line=True)

    def header(self, p: QtGui.QPainter, fr: Frame) -> None:
        """The header row alone (era names, "today"), as :meth:`paint` draws it there: what a pan
        drawn from the strip paints over the image, where titles keep to the view's edges."""
        self._era_names(p, fr, self._shown_eras(fr))
        self._today(p, fr, 0.0, line=False)

    def _shown_eras(self, fr: Frame) -> list[tuple[Era, float, float, QtGui.QColor]]:
        """The eras in view: (era, left, right, colour)."""
        rect = fr.rect
        c = self._item.colors()
        out = []
        for era in self._item.chronology().eras:
            x0 = fr.day_to_x(era.start.first_day())
            x1 = fr.day_to_x(era.end.end_day())
            if x1 < rect.left() or x0 > rect.right():
                continue
            out.append((era, x0, x1, era_color(era.color, c)))
        return out

    def _era_names(
        self, p: QtGui.QPainter, fr: Frame, shown_eras: list[tuple[Era, float, float, QtGui.QColor]]
    ) -> None:
        """Each era's band in the header row, its name kept within the view."""
        item = self._item
        c = item.colors()
        rect = fr.rect
        top = rect.top()
        hh = item.header_height()
        p.setFont(item.fonts.italic)
        fms = QtGui.QFontMetricsF(item.fonts.italic)
        for era, x0, x1, col in shown_eras:
            p.fillRect(QtCore.QRectF(x0, top, x1 - x0, hh), col)
            vis0 = max(x0, rect.left()) + 4
            vis1 = min(x1, rect.right()) - 4
            if vis1 - vis0 > 20:
                p.setPen(mix(c.foreground, col, 0.25))
                text = fms.elidedText(era.title, QtCore.Qt.TextElideMode.ElideRight, vis1 - vis0)
                p.drawText(
                    QtCore.QRectF(vis0, top, vis1 - vis0, hh), int(QtCore.Qt.AlignmentFlag.AlignVCenter), text
                )

    def _today(self, p: QtGui.QPainter, fr: Frame, lanes_bottom: float, line: bool) -> None:
        """The "today" line down the lanes (``line``), and its word in the header row."""
        item = self._item
        c = item.colors()
        rect = fr.rect
        top = rect.top()
        hh = item.header_height()
        tx = fr.day_to_x(item.arrays().today + 0.5)
        if rect.left() <= tx <= rect.right():
            pen = QtGui.QPen(c.today, 1.2, QtCore.Qt.PenStyle.DashLine)
            p.setPen(pen)
            if line:
                p.drawLine(QtCore.QPointF(tx, top + hh), QtCore.QPointF(tx, lanes_bottom))
            p.setFont(item.fonts.small)
            today = translate("Timeline", "today")
            w = QtGui.QFontMetricsF(item.fonts.small).horizontalAdvance(today) + 1.0
            a = QtCore.Qt.AlignmentFlag
            if tx + 3 + w <= rect.right():  # beside the line; before it when the view ends there
                box, align = QtCore.QRectF(tx + 3, top, w, hh), a.AlignLeft
            else:
                box, align = QtCore.QRectF(tx - 3 - w, top, w, hh), a.AlignRight
            p.drawText(box, int(align | a.AlignVCenter), today)

    def _opaque_grid(
        self,
        p: QtGui.QPainter,
        fr: Frame,
        left: float,
        width: int,
        y0: float,
        y1: float,
        rules: list[tuple[np.ndarray, QtGui.QColor]],
        eras: list[tuple[float, float, QtGui.QColor]],
    ) -> bool:
        """The grid's full-height lines (pixel columns ``xs`` of each rule, from ``left``) as
        opaque one-pixel rectangles, each piece in the colour the translucent line makes over what
        is under it there: the background or a lane's stripe, and the era bands covering that
        column. An opaque rectangle is filled a row at a time; a translucent one a pixel at a time,
        and the stretched row of :func:`vertical_rules` blends every pixel of the area (0.6 ms for
        a tall timeline). False (nothing drawn) when the colours are not all opaque."""
        item = self._item
        c = item.colors()
        if y1 <= y0 or width <= 0 or c.background.alpha() != 255:
            return False
        bands = self._grid_bands(fr, y0, y1)
        if bands is None:
            return False
        ys, base = bands  # band edges; each band's base colour (r, g, b in 0..1)
        heights = np.diff(ys)
        per_rule: list[set[int]] = []
        for xs, _ in rules:
            ks = np.floor(np.asarray(xs, dtype=np.float64) - left).astype(np.int64)
            per_rule.append(set(ks[(ks >= 0) & (ks < width)].tolist()))
        # columns under an era band, or carrying two rules, are worked out one by one; the others
        # take their rule's colour over each band's base, the same for every such column
        special: set[int] = set()
        for one, other in itertools.combinations(per_rule, 2):
            special |= one & other
        if eras:
            for k in set().union(*per_rule):
                x = left + k
                if any(e0 < x + 1 and e1 > x for e0, e1, _ in eras):
                    special.add(k)
        groups: dict[int, list[np.ndarray]] = {}  # colour -> boxes

        def add(rgb: np.ndarray, cols: list[int], band_rows: np.ndarray) -> None:
            q = np.rint(rgb * 255).astype(np.int64)
            packed = (q[:, 0] << 16) | (q[:, 1] << 8) | q[:, 2]
            for u in distinct(packed).tolist():
                rows = band_rows[packed == u]
                box = np.empty((len(cols), len(rows), 4))
                box[..., 0] = (left + np.asarray(cols, dtype=np.float64))[:, None]
                box[..., 1] = ys[rows][None, :]
                box[..., 2] = 1.0
                box[..., 3] = heights[rows][None, :]
                groups.setdefault(u, []).append(box.reshape(-1, 4))

        all_rows = np.arange(len(heights))
        for cols_set, (_, col) in zip(per_rule, rules, strict=True):
            cols = sorted(cols_set - special)
            if cols:
                a = col.alphaF()
                add(a * np.array(_rgbf(col)) + (1 - a) * base, cols, all_rows)
        for k in sorted(special):
            x = left + k
            rgb = base.copy()
            for e0, e1, col in eras:
                a = min(max(min(float(x + 1), e1) - max(float(x), e0), 0.0), 1.0) * col.alphaF()
                rgb = a * np.array(_rgbf(col)) + (1 - a) * rgb
            for cols_set, (_, col) in zip(per_rule, rules, strict=True):
                if k in cols_set:
                    a = col.alphaF()
                    rgb = a * np.array(_rgbf(col)) + (1 - a) * rgb
            add(rgb, [k], all_rows)
        p.setPen(_NO_PEN)
        for u, boxes in groups.items():
            p.setBrush(QtGui.QColor.fromRgb(u | 0xFF000000))
            self._rects.draw(p, np.concatenate(boxes))
        return True

    def _opaque_eras(
        self,
        p: QtGui.QPainter,
        fr: Frame,
        y0: float,
        y1: float,
        eras: list[tuple[float, float, QtGui.QColor]],
    ) -> bool:
        """The eras' translucent bands between ``y0`` and ``y1`` as opaque rectangles, each in the
        colour the bands covering it make over the background or lane stripe under it: the view
        is cut at every pixel column an era begins or ends in; a column an era covers in part
        takes its share of the era's colour (what an antialiased translucent band gives). False
        (nothing drawn) when a colour under them is translucent."""
        rect = fr.rect
        if y1 <= y0 or self._item.colors().background.alpha() != 255:
            return False
        bands = self._grid_bands(fr, y0, y1)
        if bands is None:
            return False
        ys, base = bands
        heights = np.diff(ys)
        lo, hi = math.floor(rect.left()), math.ceil(rect.right())
        cuts = {lo, hi}
        for e0, e1, _ in eras:
            for e in (e0, e1):
                if lo < e < hi:
                    cuts.update((math.floor(e), math.ceil(e)))
        edges = sorted(cuts)
        rgbs = [(np.array(_rgbf(col)), col.alphaF()) for _, _, col in eras]
        groups: dict[int, list[tuple[float, float, np.ndarray]]] = {}
        for a, b in itertools.pairwise(edges):
            rgb = None
            for (e0, e1, _), (era_rgb, alpha) in zip(eras, rgbs, strict=True):
                cover = min(max(min(b, e1) - max(a, e0), 0.0) / (b - a), 1.0) * alpha
                if cover > 0:
                    rgb = (base if rgb is None else rgb) * (1 - cover) + cover * era_rgb
            if rgb is None:
                continue
            q = np.rint(rgb * 255).astype(np.int64)
            packed = (q[:, 0] << 16) | (q[:, 1] << 8) | q[:, 2]
            for u in distinct(packed).tolist():
                groups.setdefault(u, []).append((a, b, np.flatnonzero(packed == u)))
        p.setPen(_NO_PEN)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        for u, parts in groups.items():
            boxes = np.concatenate([_column_boxes(a, b - a, ys[r], heights[r]) for a, b, r in parts])
            p.setBrush(QtGui.QColor.fromRgb(u | 0xFF000000))
            self._rects.draw(p, boxes)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        return True

    def _grid_bands(self, fr: Frame, y0: float, y1: float) -> tuple[np.ndarray, np.ndarray] | None:
        """Horizontal bands of one colour between ``y0`` and ``y1``, what :meth:`background` fills
        before the grid (the background, lane stripes): (edges, colours (r, g, b) in 0..1); kept
        while the lanes and colours are the same. None if a colour is translucent."""
        item = self._item
        c = item.colors()
        top = fr.rect.top()
        key = (
            y0,
            y1,
            top,
            c.background.rgba(),
            c.lane_stripe.rgba(),
            *((g.top, g.height, g.hidden) for g in fr.lanes),
        )
        if self._bands_key == key:
            return self._bands
        bounds = [y0, y1]
        fills: list[tuple[float, float, QtGui.QColor]] = []
        ok = True
        for g in fr.lanes:
            if g.index % 2 == 1 or g.hidden:
                fill = c.lane_stripe if not g.hidden else mix(c.background, c.foreground, 0.07)
                ok &= fill.alpha() == 255
                a, b = max(top + g.top, y0), min(top + g.top + g.height, y1)
                if b > a:
                    fills.append((a, b, fill))
                    bounds += [a, b]
        out = None
        if ok:
            ys = distinct(np.round(np.array(bounds), 6))
            mids = (ys[:-1] + ys[1:]) / 2
            base = np.tile(np.array(_rgbf(c.background)), (len(mids), 1))
            for a, b, fill in fills:
                base[(mids >= a) & (mids < b)] = _rgbf(fill)
            out = (ys, base)
        self._bands_key, self._bands = key, out
        return out

    # -- span bars -----------------------------------------------------------------------------------------
