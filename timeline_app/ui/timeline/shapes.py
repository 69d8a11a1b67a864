"""The shapes and styles the timeline painter (:mod:`.paint`) draws with: diamond markers as one
path, box outlines as line arrays, a lane's bar colours and gradient ends (:class:`SpanStyle`),
the test for readable text on a colour, and the grouping of items by style."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from timeline_app.ui.drawing.palette import contrast_ratio, with_alpha


def contrast_ok(a: QtGui.QColor, b: QtGui.QColor) -> bool:
    return contrast_ratio(a, b) >= 4.5


def fade_brush(a: QtGui.QColor, b: QtGui.QColor) -> QtGui.QBrush:
    """A left-to-right gradient from ``a`` to ``b`` across whatever rectangle it fills."""
    g = QtGui.QLinearGradient(0.0, 0.0, 1.0, 0.0)
    g.setCoordinateMode(QtGui.QGradient.CoordinateMode.ObjectBoundingMode)
    g.setColorAt(0.0, a)
    g.setColorAt(1.0, b)
    return QtGui.QBrush(g)


_FEW_DIAMONDS = 48  # up to this many, the path is made point by point (pyqtgraph's costs ~50 µs at any size)


def diamond_path(x: np.ndarray, y: np.ndarray, r: float) -> QtGui.QPainterPath:
    """Diamonds of radius ``r`` centred on (x, y), as one path (closed sub-paths)."""
    n = len(x)
    if n <= _FEW_DIAMONDS:  # the same elements as below: a move and four lines per diamond
        path = QtGui.QPainterPath()
        for cx, cy in zip(x.tolist(), y.tolist(), strict=True):
            path.moveTo(cx, cy - r)
            path.lineTo(cx + r, cy)
            path.lineTo(cx, cy + r)
            path.lineTo(cx - r, cy)
            path.lineTo(cx, cy - r)
        path.setFillRule(QtCore.Qt.FillRule.WindingFill)
        return path
    dx = np.array([0.0, r, 0.0, -r, 0.0])
    dy = np.array([-r, 0.0, r, 0.0, -r])
    px = (x[:, None] + dx[None, :]).ravel()
    py = (y[:, None] + dy[None, :]).ravel()
    connect = np.ones(5 * n, dtype=bool)
    connect[4::5] = False
    many: QtGui.QPainterPath = pg.arrayToQPath(px, py, connect=connect)
    # every diamond is drawn the same way round: with the winding rule two that overlap (events
    # a day apart, at the same pixel) are both filled; the odd-even rule made a hollow diamond
    many.setFillRule(QtCore.Qt.FillRule.WindingFill)
    return many


def box_outline(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> np.ndarray:
    """The four edges of rectangles as lines on the pixel grid (for a one-pixel pen without
    antialiasing): rows (x1, y1, x2, y2)."""
    x0 = np.floor(x) + 0.5
    x1 = np.maximum(np.floor(x + w) - 0.5, x0)
    y0 = np.floor(y) + 0.5
    y1 = np.maximum(np.floor(y + h) - 0.5, y0)
    return np.concatenate(
        (
            np.column_stack((x0, y0, x1, y0)),
            np.column_stack((x0, y1, x1, y1)),
            np.column_stack((x0, y0, x0, y1)),
            np.column_stack((x1, y0, x1, y1)),
        )
    )


def groups(keys: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """The distinct values of ``keys`` in increasing order, each with the positions holding it
    (in increasing order)."""
    order = np.argsort(keys, kind="stable")
    vals, starts = np.unique(keys[order], return_index=True)
    return list(zip(vals.tolist(), np.split(order, starts[1:]), strict=True))


class SpanStyle:
    """The colours and brushes of one lane's bars (faded when ``dim``), made once."""

    def __init__(self, color: QtGui.QColor, dim: bool) -> None:
        self.color = QtGui.QColor(color)
        self.fill = with_alpha(color, 0.10 if dim else 0.32)
        self.outline = with_alpha(color, 0.35 if dim else 1.0)
        clear = with_alpha(color, 0.0)
        self.fade_in = fade_brush(clear, self.fill)
        self.fade_out = fade_brush(self.fill, clear)
        self.slim_dashed = with_alpha(self.outline, 0.55)
        self.dashed_pen = QtGui.QPen(self.outline, 1.0, QtCore.Qt.PenStyle.DashLine)
        self.bracket = with_alpha(color, 0.7)
        self.strip = with_alpha(color, 0.45)
