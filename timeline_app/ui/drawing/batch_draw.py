"""Many rectangles or lines in ONE ``QPainter`` call, straight from a numpy array.

``QPainter.drawRects`` / ``drawLines`` take a C array of ``QRectF`` / ``QLineF``; building a Python
list of Qt objects for them costs about a microsecond per shape, more than drawing it. The shapes
are laid out in a numpy array that PySide6 hands to Qt as that C array (:class:`_Buffer`, what
pyqtgraph's ``PrimitiveArray`` does for its ``BarGraphItem`` and ``PlotCurveItem``, with the
pointer's wrapper kept); with another binding, through ``PrimitiveArray``, or a list.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shiboken6
from PySide6 import QtCore, QtGui

from timeline_app.geometry.distinct import distinct

# PySide6 (6.4.3 on) takes a pointer to the first of a C array of shapes, and a count
_POINTERS = tuple(int(v) for v in shiboken6.__version_info__[:3]) >= (6, 4, 3)

try:
    from pyqtgraph.Qt.internals import PrimitiveArray
except ImportError:  # pragma: no cover - another pyqtgraph
    PrimitiveArray = None


class _Buffer:
    """A C array of ``klass`` (a Qt value type of ``nfields`` doubles: QRectF, QLineF,
    PixmapFragment) in a numpy array, handed to PySide6's ``drawRects(const QRectF*, int)`` and the
    like as a wrapper of its first element. What pyqtgraph's ``PrimitiveArray`` does, but the
    wrapper is made once per allocation rather than at every call (``shiboken6.wrapInstance``
    costs a few microseconds, and a frame makes dozens of these calls)."""

    def __init__(self, klass: type, nfields: int) -> None:
        self._klass = klass
        self._nfields = nfields
        self._data = np.empty((0, nfields), dtype=np.float64)
        self._ptr: object = None

    def rows(self, n: int) -> np.ndarray:
        """The first ``n`` rows, to fill (valid until the next call)."""
        if n > len(self._data):
            self._data = np.zeros((max(n, 2 * len(self._data), 64), self._nfields), dtype=np.float64)
            self._ptr = shiboken6.wrapInstance(self._data.ctypes.data, self._klass)
        return self._data[:n]

    def args(self, n: int) -> tuple[Any, int]:
        """(pointer, count) for the first ``n`` rows."""
        return self._ptr, n


class _Batch:
    def __init__(self, klass: type) -> None:
        self._klass = klass
        self._buf = _Buffer(klass, 4) if _POINTERS else None
        self._array = PrimitiveArray(klass, 4) if PrimitiveArray is not None and not _POINTERS else None

    def _args(self, data: np.ndarray) -> tuple[Any, ...]:
        if self._buf is not None:
            self._buf.rows(len(data))[:] = data
            return self._buf.args(len(data))
        if self._array is None:
            return ([self._klass(*row) for row in data.tolist()],)  # pragma: no cover
        self._array.resize(len(data))  # pragma: no cover - another binding
        self._array.ndarray()[:] = data  # pragma: no cover
        return tuple(self._array.drawargs())  # pragma: no cover


class RectBatch(_Batch):
    """``draw(p, boxes)``: rectangles given as rows ``(x, y, width, height)``, with the painter's
    current pen and brush."""

    def __init__(self) -> None:
        super().__init__(QtCore.QRectF)

    def draw(self, p: QtGui.QPainter, boxes: np.ndarray) -> None:
        if len(boxes):
            p.drawRects(*self._args(np.asarray(boxes, dtype=np.float64)))


class LineBatch(_Batch):
    """``draw(p, lines)``: lines given as rows ``(x1, y1, x2, y2)``, with the painter's pen."""

    def __init__(self) -> None:
        super().__init__(QtCore.QLineF)

    def draw(self, p: QtGui.QPainter, lines: np.ndarray) -> None:
        if len(lines):
            p.drawLines(*self._args(np.asarray(lines, dtype=np.float64)))


class SpriteBatch:
    """``draw(p, x, y, pixmap)``: one pixmap centred on each point (x, y), in one
    ``drawPixmapFragments`` call, as pyqtgraph's ``ScatterPlotItem`` draws its symbols."""

    def __init__(self) -> None:
        frag = QtGui.QPainter.PixmapFragment
        self._buf = _Buffer(frag, 10) if _POINTERS else None
        self._array = PrimitiveArray(frag, 10) if PrimitiveArray is not None and not _POINTERS else None

    def draw(self, p: QtGui.QPainter, x: np.ndarray, y: np.ndarray, pixmap: QtGui.QPixmap) -> None:
        n = len(x)
        if n == 0:
            return
        w, h = pixmap.width(), pixmap.height()
        self.draw_parts(p, x, y, np.array([[0.0, 0.0, float(w), float(h)]]), pixmap)

    def draw_parts(
        self,
        p: QtGui.QPainter,
        x: np.ndarray,
        y: np.ndarray,
        source: np.ndarray,
        pixmap: QtGui.QPixmap,
        scale_x: np.ndarray | None = None,
    ) -> None:
        """Part ``source`` (rows: left, top, width, height in the pixmap's device pixels; one row
        for all, or one per point) of the pixmap centred on each point; ``scale_x`` (one per point)
        stretches each part horizontally (1: its own width)."""
        n = len(x)
        if n == 0:
            return
        dpr = pixmap.devicePixelRatioF() or 1.0
        if self._buf is not None:
            _fill_fragments(self._buf.rows(n), x, y, source, dpr, scale_x)
            p.drawPixmapFragments(*self._buf.args(n), pixmap)
            return
        if self._array is None:  # pragma: no cover - another pyqtgraph
            src = np.broadcast_to(source, (n, 4))
            kx = np.ones(n) if scale_x is None else scale_x
            for cx, cy, k, (sl, st, sw, sh) in zip(
                x.tolist(), y.tolist(), kx.tolist(), src.tolist(), strict=True
            ):
                tw = sw / dpr * k
                target = QtCore.QRectF(cx - tw / 2, cy - sh / dpr / 2, tw, sh / dpr)
                p.drawPixmap(target, pixmap, QtCore.QRectF(sl, st, sw, sh))
            return
        self._array.resize(n)  # pragma: no cover - another binding
        _fill_fragments(self._array.ndarray(), x, y, source, dpr, scale_x)
        p.drawPixmapFragments(*self._array.drawargs(), pixmap)  # type: ignore[call-arg]


class RuleBatch:
    """``draw(p, lines, color, width)``: horizontal and vertical lines (rows ``(x1, y1, x2, y2)``)
    as thin filled rectangles. Qt's raster engine draws a translucent one-pixel line pixel by
    pixel, some thirty times slower than an opaque one; a translucent rectangle is filled span by
    span, as fast as an opaque one, and looks the same."""

    def __init__(self) -> None:
        self._rects = RectBatch()

    def draw(self, p: QtGui.QPainter, lines: np.ndarray, color: QtGui.QColor, width: float = 1.0) -> None:
        if not len(lines):
            return
        boxes = rule_boxes(np.asarray(lines, dtype=np.float64), width)
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        p.setBrush(color)
        self._rects.draw(p, boxes)


def _fill_fragments(
    frags: np.ndarray, x: np.ndarray, y: np.ndarray, source: Any, dpr: float, scale_x: np.ndarray | None
) -> None:
    """Rows of QPainter.PixmapFragment (x, y, source rect, scale x/y, rotation, opacity)."""
    frags[:, 0] = x
    frags[:, 1] = y
    frags[:, 2:6] = source
    frags[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)
    if scale_x is not None:
        frags[:, 6] = scale_x / dpr


def rule_boxes(lines: np.ndarray, width: float) -> np.ndarray:
    """Horizontal and vertical lines (rows ``(x1, y1, x2, y2)``) as the thin rectangles
    :class:`RuleBatch` fills for them."""
    x0 = np.minimum(lines[:, 0], lines[:, 2])
    x1 = np.maximum(lines[:, 0], lines[:, 2])
    y0 = np.minimum(lines[:, 1], lines[:, 3])
    y1 = np.maximum(lines[:, 1], lines[:, 3])
    vertical = (x1 - x0) < (y1 - y0)
    half = width / 2.0
    boxes = np.empty((len(lines), 4))
    boxes[:, 0] = np.where(vertical, x0 - half, x0)
    boxes[:, 1] = np.where(vertical, y0, y0 - half)
    boxes[:, 2] = np.where(vertical, width, x1 - x0)
    boxes[:, 3] = np.where(vertical, y1 - y0, width)
    return boxes


_ROWS: dict[tuple[object, ...], QtGui.QImage] = {}
_ROWS_KEPT = 8


def vertical_rules(
    p: QtGui.QPainter,
    left: float,
    top: float,
    width: int,
    height: float,
    rules: list[tuple[np.ndarray, QtGui.QColor]],
) -> None:
    """Full-height vertical one-pixel lines at pixel columns ``xs`` (from ``left``), in each colour
    in turn, as ONE stretched row of pixels. A translucent vertical line is the slowest thing Qt's
    raster engine draws (a blend call for every pixel, line or rectangle alike); a row image
    stretched over the height is blended a whole scanline at a time. The rows are kept: the grid of
    the timeline and of every plot under it is the same row in a frame."""
    if width <= 0 or height <= 0:
        return
    layers = []
    for xs, color in rules:
        cols = distinct(np.floor(np.asarray(xs, dtype=np.float64) - left).astype(np.int64))
        cols = cols[(cols >= 0) & (cols < width)]
        if len(cols):
            layers.append((cols, color))
    if not layers:
        return
    key = (width, *((cols.tobytes(), color.rgba()) for cols, color in layers))
    img = _ROWS.get(key)
    if img is None:
        row = np.zeros((width, 4))  # premultiplied r, g, b, a
        for cols, color in layers:
            a = color.alphaF()
            src = np.array([color.redF() * a, color.greenF() * a, color.blueF() * a, a])
            row[cols] = src + row[cols] * (1.0 - a)
        bgra = np.empty((width, 4), dtype=np.uint8)
        bgra[:, 0] = np.rint(row[:, 2] * 255)
        bgra[:, 1] = np.rint(row[:, 1] * 255)
        bgra[:, 2] = np.rint(row[:, 0] * 255)
        bgra[:, 3] = np.rint(row[:, 3] * 255)
        img = QtGui.QImage(
            bgra.tobytes(), width, 1, width * 4, QtGui.QImage.Format.Format_ARGB32_Premultiplied
        ).copy()
        _ROWS[key] = img
        if len(_ROWS) > _ROWS_KEPT:
            del _ROWS[next(iter(_ROWS))]
    hint = p.testRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
    p.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, False)
    p.drawImage(QtCore.QRectF(left, top, width, height), img)
    p.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, hint)
