"""Shapes drawn in one call from numpy arrays look exactly like the same shapes drawn one by one."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui

import timeline_app.ui  # noqa: F401  (binding first)
from timeline_app.ui.drawing.batch_draw import LineBatch, RectBatch, SpriteBatch


def _image() -> QtGui.QImage:
    img = QtGui.QImage(200, 120, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QtGui.QColor("white"))
    return img


def test_batches_draw_what_single_calls_draw(qapp) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(5)
    rects, lines, sprites = RectBatch(), LineBatch(), SpriteBatch()
    pix = QtGui.QPixmap(6, 6)
    pix.fill(QtGui.QColor(200, 30, 30, 160))
    # growing and shrinking counts: the buffer is reallocated, then reused
    for n in (3, 200, 7, 500, 1):
        boxes = np.column_stack(
            (rng.uniform(0, 180, n), rng.uniform(0, 100, n), rng.uniform(1, 20, n), rng.uniform(1, 9, n))
        )
        segs = np.column_stack(
            (rng.uniform(0, 200, n), rng.uniform(0, 120, n), rng.uniform(0, 200, n), rng.uniform(0, 120, n))
        )
        pts = rng.uniform(0, 120, (n, 2))
        a, b = _image(), _image()
        for img, batched in ((a, True), (b, False)):
            p = QtGui.QPainter(img)
            p.setPen(QtCore.Qt.PenStyle.NoPen)
            p.setBrush(QtGui.QColor(30, 90, 200, 120))
            if batched:
                rects.draw(p, boxes)
            else:
                for r in boxes.tolist():
                    p.drawRect(QtCore.QRectF(*r))
            p.setPen(QtGui.QPen(QtGui.QColor(20, 120, 20), 1.0))
            if batched:
                lines.draw(p, segs)
            else:
                for ln in segs.tolist():
                    p.drawLine(QtCore.QLineF(*ln))
            if batched:
                sprites.draw(p, pts[:, 0], pts[:, 1], pix)
            else:
                for x, y in pts.tolist():
                    p.drawPixmap(QtCore.QRectF(x - 3, y - 3, 6, 6), pix, QtCore.QRectF(0, 0, 6, 6))
            p.end()
        assert a == b, n
