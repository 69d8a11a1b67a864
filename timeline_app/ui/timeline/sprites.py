"""Cluster pills and their counts stamped from prepared pixmaps (:class:`ClusterSprites`), and the
atlas of short texts they use (:class:`_TextAtlas`)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6 import QtCore, QtGui

from timeline_app.geometry.layout import count_text
from timeline_app.ui.drawing.batch_draw import SpriteBatch
from timeline_app.ui.timeline.frame import Frame
from timeline_app.ui.timeline.style import PaintSource


class _TextAtlas:
    """Short texts in one font and colour (cluster counts), each laid out once into one shared
    pixmap, to be stamped with ``drawPixmapFragments``."""

    W, H = 1024, 512  # logical pixels

    def __init__(self, font: QtGui.QFont, color: QtGui.QColor, dpr: float) -> None:
        self._font = QtGui.QFont(font)
        self._color = QtGui.QColor(color)
        self._dpr = dpr
        fm = QtGui.QFontMetricsF(self._font)
        self._fm = fm
        self.height = float(math.ceil(fm.height()))
        self._ascent = fm.ascent()
        self._pix: QtGui.QPixmap | None = None
        self._slots: dict[str, tuple[float, float, float, float]] = {}  # text -> left, top, width, text width
        self._x = 0.0
        self._y = 0.0

    def _reset(self) -> None:
        d = self._dpr
        pix = QtGui.QPixmap(round(self.W * d), round(self.H * d))
        pix.setDevicePixelRatio(d)
        pix.fill(QtCore.Qt.GlobalColor.transparent)
        self._pix = pix
        self._slots = {}
        self._x = self._y = 0.0

    def _add(self, texts: list[str]) -> bool:
        """Lay out ``texts``; False when the pixmap is full."""
        assert self._pix is not None
        q = QtGui.QPainter(self._pix)
        try:
            q.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            q.setFont(self._font)
            q.setPen(self._color)
            for t in texts:
                tw = self._fm.horizontalAdvance(t)
                w = float(math.ceil(tw) + 2)
                if self._x + w > self.W:
                    self._x = 0.0
                    self._y += self.height + 1
                if self._y + self.height > self.H:
                    return False
                q.drawText(QtCore.QPointF(self._x + 1, self._y + self._ascent), t)
                self._slots[t] = (self._x, self._y, w, tw)
                self._x += w + 1
        finally:
            q.end()
        return True

    def pixmap(self) -> QtGui.QPixmap:
        assert self._pix is not None
        return self._pix

    def slots(self, texts: list[str]) -> np.ndarray:
        """Rows (left, top, width, text width) in logical pixels of the pixmap, one per text."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._slots]
        if self._pix is None or (missing and not self._add(missing)):
            self._reset()
            self._add(list(dict.fromkeys(texts)))
        return np.array([self._slots[t] for t in texts], dtype=np.float64).reshape(-1, 4)


class ClusterSprites:
    """Cluster pills and counts stamped from pixmaps: a pill is the left half of a prepared disc,
    its middle column stretched, and the right half (three fragments; every pill of the frame in
    one call, from one pixmap holding a disc of each style); the counts come from a
    :class:`_TextAtlas` per text colour. Edges are put on whole pixels, so the three parts join
    without a seam."""

    def __init__(
        self, source: PaintSource, cluster_style: Callable[[int, bool], tuple[QtGui.QColor, QtGui.QColor]]
    ) -> None:
        self._source = source
        self._cluster_style = cluster_style
        self._atlases: dict[tuple[int, float], _TextAtlas] = {}
        self._strips: dict[tuple[object, ...], tuple[QtGui.QPixmap, float]] = {}
        self._batch = SpriteBatch()

    def _atlas(self, color: QtGui.QColor, dpr: float) -> _TextAtlas:
        k = (color.rgba(), dpr)
        at = self._atlases.get(k)
        if at is None:
            at = self._atlases[k] = _TextAtlas(self._source.fonts.small_bold, color, dpr)
        return at

    def _discs_pixmap(
        self, fills: list[QtGui.QColor], pen: QtGui.QColor, ch: float, dpr: float
    ) -> tuple[QtGui.QPixmap, float]:
        """One pixmap with a disc of each fill, side by side: (pixmap, cell width in device
        pixels). Disc ``k`` (``ch`` wide, outlined with ``pen``) is ``k`` cells from the left."""
        k = (tuple(f.rgba() for f in fills), pen.rgba(), ch, dpr)
        hit = self._strips.get(k)
        if hit is None:
            size = ch + 2
            cell = float(round((size + 2) * dpr))  # device pixels, whole: the cells do not bleed
            pix = QtGui.QPixmap(max(round(cell * len(fills)), 1), round(size * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(QtCore.Qt.GlobalColor.transparent)
            q = QtGui.QPainter(pix)
            q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            q.setPen(QtGui.QPen(pen, 1.0))
            for n, fill in enumerate(fills):
                q.setBrush(fill)
                q.drawRoundedRect(QtCore.QRectF(n * cell / dpr + 1, 1, ch, ch), ch / 2, ch / 2)
            q.end()
            if len(self._strips) > 16:
                self._strips.clear()
            hit = self._strips[k] = (pix, cell)
        return hit

    def draw(
        self, p: QtGui.QPainter, fr: Frame, styles: dict[tuple[int, bool], np.ndarray], dpr: float
    ) -> None:
        item = self._source
        bg = item.colors().background
        hint = p.testRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        p.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, False)
        fm_h = QtGui.QFontMetricsF(item.fonts.small_bold).height()
        cs = fr.cluster_set
        texts: dict[int, list[np.ndarray]] = {}  # text colour -> clusters
        colors: dict[int, QtGui.QColor] = {}
        fills: list[QtGui.QColor] = []
        style_of = np.zeros(len(cs), dtype=np.int64)
        for n, ((ln, dim), ks) in enumerate(styles.items()):
            fill, text_color = self._cluster_style(ln, dim)
            fills.append(fill)
            style_of[ks] = n
            rgba = text_color.rgba()
            colors[rgba] = text_color
            texts.setdefault(rgba, []).append(ks)
        # every pill in ONE call, in cluster order (a pill overlapping the one before covers it as
        # a drawn shape would): per pill, the left half of its style's disc, the disc's middle
        # column stretched (zero wide for a disc), the right half
        boxes = cs.box
        ch = float(round(boxes[0, 3]))
        pix, cell = self._discs_pixmap(fills, bg, ch, dpr)
        size = ch + 2
        half = float(math.floor(size / 2))
        left = np.floor(boxes[:, 0] - 1 + 0.5)
        width = np.maximum(np.round(boxes[:, 2]), ch) + 2
        right = left + width
        top = np.round(boxes[:, 1] + boxes[:, 3] / 2 - size / 2)
        cy = top + size / 2
        mid_w = width - 2 * half - (size - 2 * half)
        n = len(cs)
        hd, sd = half * dpr, size * dpr
        xs = np.column_stack(
            (left + half / 2, (left + half + right - (size - half)) / 2, right - (size - half) / 2)
        )
        src = np.empty((n, 3, 4))
        ox = style_of.astype(np.float64) * cell
        src[:, 0, 0] = ox
        src[:, 1, 0] = ox + max(hd - 1, 0.0)
        src[:, 2, 0] = ox + hd
        src[:, :, 1] = 0.0
        src[:, :, 2] = (hd, 1.0, sd - hd)
        src[:, :, 3] = sd
        scales = np.ones((n, 3))
        scales[:, 1] = np.maximum(mid_w, 0.0) * dpr
        self._batch.draw_parts(p, xs.ravel(), np.repeat(cy, 3), src.reshape(-1, 4), pix, scales.ravel())
        for rgba, parts in texts.items():
            atlas = self._atlas(colors[rgba], dpr)
            ks = np.concatenate(parts)
            counts, inverse = np.unique(cs.count[ks], return_inverse=True)
            slots = atlas.slots([count_text(int(n)) for n in counts.tolist()])[inverse.ravel()]
            boxes = cs.box[ks]
            cx = boxes[:, 0] + boxes[:, 2] / 2
            cy = boxes[:, 1] + boxes[:, 3] / 2
            # the text's own centre where drawStaticText would put it, the slot's centre on the pixel grid
            x = np.round(cx - slots[:, 3] / 2 - 1) + slots[:, 2] / 2
            y = np.round(cy - fm_h / 2) + atlas.height / 2
            src = np.column_stack(
                (
                    slots[:, 0] * dpr,
                    slots[:, 1] * dpr,
                    slots[:, 2] * dpr,
                    np.full(len(slots), atlas.height * dpr),
                )
            )
            self._batch.draw_parts(p, x, y, src, atlas.pixmap())
        p.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, hint)
