"""The indicator series of a plot: their lines (solid, dotted across gaps) and points, in ONE item.

:class:`SeriesLayer` paints in device pixels what :func:`timeline_app.geometry.series_lod.line_vertices`
says for each series: the points in view, or, when they are more than a couple per pixel, four per
pixel column (which keeps every peak). Points get a symbol when there is room to see them: reported
values a filled circle (square, triangle… for a plot's second, third… series), derived (computed)
values a hollow diamond, stamped from a prepared picture.
The work of a frame is proportional to the pixels, not to the points: a series of a million points
pans as fast as one of a hundred.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from timeline_app.geometry.series_lod import SeriesArrays, clip_x, column_spans, line_vertices
from timeline_app.ui.drawing.batch_draw import LineBatch, RectBatch, SpriteBatch
from timeline_app.ui.drawing.view_item import ViewSizedItem

RAW_PER_PX = 2.0  # up to this many points per pixel the line goes through every point
SYMBOL_SPACING_PX = 6.0  # symbols are drawn when points are at least this far apart on average
CIRCLE_D = 8.0
DIAMOND = 10.0
HIT_PX = 7.0
DOT_PATTERN = (3.0, 1.5)  # dash and gap of the dotted joins, in pixels
WIDE_PEN_VERTICES = 600  # longer lines are drawn with a one-pixel pen twice (see SeriesLayer.paint)


SHAPES = ("o", "s", "t", "v")  # the reported values' marker of a plot's 1st, 2nd, … series
"""Circle, square, triangle up, triangle down: series differ by shape, not by colour alone (a
derived value is a hollow diamond whatever its series)."""


def draw_marker(p: QtGui.QPainter, shape: str, x: float, y: float, size: float) -> None:
    """A filled marker of ``shape`` (:data:`SHAPES`), ``size`` pixels across, centred on (x, y),
    with the painter's pen and brush."""
    r = size / 2
    c = QtCore.QPointF(x, y)
    if shape == "s":
        q = r * 0.86  # a square looks as big as a circle when a little smaller
        p.drawRect(QtCore.QRectF(x - q, y - q, 2 * q, 2 * q))
    elif shape in ("t", "v"):
        k = 1.0 if shape == "t" else -1.0
        h = r * 1.15
        p.drawPolygon(
            QtGui.QPolygonF(
                [
                    c + QtCore.QPointF(0, -h * k),
                    c + QtCore.QPointF(h, h * 0.8 * k),
                    c + QtCore.QPointF(-h, h * 0.8 * k),
                ]
            )
        )
    else:
        p.drawEllipse(c, r, r)


def _diamond_path(x: np.ndarray, y: np.ndarray, size: float) -> QtGui.QPainterPath:
    """pyqtgraph's 'd' symbol: 0.8 wide and 1.0 high, times ``size``."""
    w, h = 0.4 * size, 0.5 * size
    dx = np.array([0.0, w, 0.0, -w, 0.0])
    dy = np.array([-h, 0.0, h, 0.0, -h])
    px = (x[:, None] + dx[None, :]).ravel()
    py = (y[:, None] + dy[None, :]).ravel()
    connect = np.ones(len(px), dtype=bool)
    connect[4::5] = False
    path: QtGui.QPainterPath = pg.arrayToQPath(px, py, connect=connect)
    return path


class _Style:
    """The pens and symbol pictures of one series."""

    def __init__(self, color: QtGui.QColor, background: QtGui.QColor, shape: str = "o") -> None:
        self.shape = shape
        self.color = QtGui.QColor(color)
        self.background = QtGui.QColor(background)
        self.solid = pg.mkPen(self.color, width=2)
        self.fine = pg.mkPen(self.color, width=1)
        # the dotted joins across gaps: the dashes of a 1.5-px ``DotLine`` pen (3 px on, 1.5 px
        # off) with a one-pixel pen (see SeriesLayer.paint)
        self.dotted = QtGui.QPen(self.color, 1.0)
        self.dotted.setCosmetic(True)
        self.dotted.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        self.dotted.setDashPattern(list(DOT_PATTERN))
        self.sprites: dict[tuple[bool, float], QtGui.QPixmap] = {}

    def symbol(self, p: QtGui.QPainter, derived: bool, x: float, y: float) -> None:
        """One symbol as a vector shape centred on (x, y)."""
        if derived:
            p.setPen(QtGui.QPen(self.color, 1.6))
            p.setBrush(self.background)
            p.drawPath(_diamond_path(np.array([x]), np.array([y]), DIAMOND))
        else:
            p.setPen(QtGui.QPen(self.background, 1.0))
            p.setBrush(self.color)
            draw_marker(p, self.shape, x, y, CIRCLE_D)

    def sprite(self, derived: bool, dpr: float) -> QtGui.QPixmap:
        k = (derived, dpr)
        pix = self.sprites.get(k)
        if pix is None:
            size = int(np.ceil(max(CIRCLE_D, DIAMOND) + 4))
            pix = QtGui.QPixmap(round(size * dpr), round(size * dpr))
            pix.setDevicePixelRatio(dpr)
            pix.fill(QtCore.Qt.GlobalColor.transparent)
            q = QtGui.QPainter(pix)
            q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            self.symbol(q, derived, size / 2, size / 2)
            q.end()
            self.sprites[k] = pix
        return pix


class StripOwner(Protocol):
    """What draws a layer into its pan strip (the plot's :class:`EventMarkersItem`)."""

    def shown_from_strip(self, rect: QtCore.QRectF, tx: float, sy: float, ty: float) -> bool: ...


class SeriesLayer(ViewSizedItem):
    """The lines and symbols of a plot's series (see the module docstring).
    ``sigPointClicked(series, index)`` gives the series (its position in :attr:`series`) and the
    index, in its indicator's points, of a point clicked within ``HIT_PX`` pixels."""

    sigPointClicked = QtCore.Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.series: list[SeriesArrays] = []
        self._styles: list[_Style] = []
        self._batch = SpriteBatch()
        self._lines = LineBatch()
        self._rects = RectBatch()
        self._drawn_by: StripOwner | None = None
        self._version = 0
        self.setZValue(10)

    def add(self, data: SeriesArrays, color: QtGui.QColor, shape: str = "o") -> int:
        """Add a series, its reported values marked with ``shape`` (:data:`SHAPES`); returns its
        position."""
        self.series.append(data)
        self._styles.append(_Style(color, QtGui.QColor("white"), shape))
        self._version += 1
        self.prepareGeometryChange()
        self.update()
        return len(self.series) - 1

    def clear(self) -> None:
        """Forget every series (the plot shows another group)."""
        self.series = []
        self._styles = []
        self._version += 1
        self.prepareGeometryChange()
        self.update()

    # -- appearance ------------------------------------------------------------------------------------
    def set_style(self, k: int, color: QtGui.QColor, background: QtGui.QColor) -> None:
        self._styles[k] = _Style(color, background, self._styles[k].shape)
        self._version += 1
        self.update()

    def symbols(self, k: int) -> list[str]:
        """The symbol of each point of series ``k``, in date order: the series' shape ('o' for the
        first, see :data:`SHAPES`) for a reported value, 'd' for a derived one."""
        shape = self._styles[k].shape
        return ["d" if d else shape for d in self.series[k].derived.tolist()]

    # -- pyqtgraph / Qt hooks -----------------------------------------------------------------------------
    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> tuple[float, float] | None:
        vals = [s.x if ax == 0 else s.y for s in self.series if s.n]
        if not vals:
            return None
        return min(float(v.min()) for v in vals), max(float(v.max()) for v in vals)

    # -- what is drawn ------------------------------------------------------------------------------------
    def drawn_by(self, markers: StripOwner) -> None:
        """The plot's event lines, which draw this layer into their pan strip with them (see
        :meth:`EventMarkersItem.draw_with`)."""
        self._drawn_by = markers

    def version(self) -> int:
        """Changes whenever what this layer draws changes for another reason than the range."""
        return self._version

    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        dt = self._device_transform()
        vr = self.viewRect()
        if dt is None or vr is None or not self.series:
            return
        inv, ok = dt.inverted()
        if not ok:
            return
        rect = dt.mapRect(vr)
        sx, tx, sy, ty = dt.m11(), dt.m31(), dt.m22(), dt.m32()
        markers = self._drawn_by
        if markers is not None and markers.shown_from_strip(rect, tx, sy, ty):
            return  # drawn with the event lines, from their strip
        p.save()
        try:
            p.setTransform(inv * p.transform())
            self.paint_view(p, rect, sx, tx, sy, ty, (vr.left(), vr.right()))
        finally:
            p.restore()

    def paint_view(
        self,
        p: QtGui.QPainter,
        rect: QtCore.QRectF,
        sx: float,
        tx: float,
        sy: float,
        ty: float,
        days: tuple[float, float] | None = None,
    ) -> None:
        """The series in the view-port rectangle ``rect`` (``p`` in view-port pixels; ``sx``,
        ``tx``, ``sy``, ``ty`` map data to them; ``days``: the range ``rect`` shows, if known)."""
        if not self.series:
            return
        width = max(rect.width(), 1.0)
        lo, hi = days if days is not None else ((rect.left() - tx) / sx, (rect.right() - tx) / sx)
        engine = p.paintEngine()
        raster = engine is not None and engine.type() == QtGui.QPaintEngine.Type.Raster
        dev = p.device()
        dpr = dev.devicePixelRatioF() if dev is not None else 1.0
        p.save()
        try:
            p.setClipRect(rect.adjusted(-1, -1, 1, 1))
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            for s, style in zip(self.series, self._styles, strict=True):
                i0, i1 = s.visible(lo, hi)
                if i1 <= i0:
                    continue
                line = line_vertices(s, i0, i1, sx, tx, sy, ty, width_px=width, raw_per_px=RAW_PER_PX)
                # a line reduced per pixel column is a band of vertical runs: filled as one box per
                # column (looks as the two passes of a one-pixel pen below do, a quarter of the work)
                columns = column_spans(line) if len(line.px) > WIDE_PEN_VERTICES else None
                line = clip_x(line, rect.left() - 2, rect.right() + 2)
                p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
                if columns is not None and len(columns):
                    p.setPen(QtCore.Qt.PenStyle.NoPen)
                    p.setBrush(style.color)
                    self._rects.draw(p, columns)
                    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
                # the joins as segments in one drawLines call each, straight from the arrays
                # (making a QPainterPath of them and stroking it costs four times as much)
                seg = np.empty((len(line.px) - 1, 4))
                seg[:, 0] = line.px[:-1]
                seg[:, 1] = line.py[:-1]
                seg[:, 2] = line.px[1:]
                seg[:, 3] = line.py[1:]
                dotted, solid = line.dotted[:-1], line.solid[:-1]
                if dotted.any():
                    # a 1.5-px dotted pen is stroked dot by dot as polygons (about 0.2 ms for a
                    # join across the view); a one-pixel dashed pen is drawn by the raster
                    # engine's line walker, ten times faster
                    p.setPen(style.dotted)
                    self._lines.draw(p, seg[dotted])
                if columns is not None and len(columns):
                    # the boxes hold each column and the joins between touching columns; joins
                    # across empty columns (where the points are sparser) are stroked
                    solid = solid & (np.floor(seg[:, 2]) - np.floor(seg[:, 0]) > 1.0)
                if solid.any():
                    if len(line.px) <= WIDE_PEN_VERTICES and (columns is None or not len(columns)):
                        p.setPen(style.solid)
                        self._lines.draw(p, seg[solid])
                    else:
                        # a two-pixel pen is stroked as polygons (about 4 ms for a line of 5,000
                        # vertices); two one-pixel passes, a pixel apart, look the same at 10 %
                        p.setPen(style.fine)
                        self._lines.draw(p, seg[solid])
                        seg[:, 1] += 1.0
                        seg[:, 3] += 1.0
                        self._lines.draw(p, seg[solid])
                if (i1 - i0) * SYMBOL_SPACING_PX <= width:
                    x = s.x[i0:i1] * sx + tx
                    y = s.y[i0:i1] * sy + ty
                    self._paint_symbols(p, style, x, y, s.derived[i0:i1], raster, dpr)
        finally:
            p.restore()

    def _paint_symbols(
        self,
        p: QtGui.QPainter,
        style: _Style,
        x: np.ndarray,
        y: np.ndarray,
        derived: np.ndarray,
        raster: bool,
        dpr: float,
    ) -> None:
        """Reported values as filled circles, derived ones as hollow diamonds: stamped from a
        prepared picture on screen and in images, drawn as shapes anywhere else (SVG)."""
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        if not raster:
            for cx, cy, d in zip(x.tolist(), y.tolist(), derived.tolist(), strict=True):
                style.symbol(p, d, cx, cy)
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            return
        for d in (False, True):
            rows = derived == d
            if rows.any():
                self._batch.draw(p, x[rows], y[rows], style.sprite(d, dpr))

    # -- hit-testing ----------------------------------------------------------------------------------------
    def point_near(self, pos: QtCore.QPointF, tol: float = HIT_PX) -> tuple[float, int, int] | None:
        """(distance in pixels, series, index in its indicator's points) of the point nearest to
        ``pos`` (view-port pixels) within ``tol``; None if there is none."""
        dt = self._device_transform()
        if dt is None:
            return None
        sx, tx, sy, ty = dt.m11(), dt.m31(), dt.m22(), dt.m32()
        lo, hi = sorted(((pos.x() - tol - tx) / sx, (pos.x() + tol - tx) / sx))
        best: tuple[float, int, int] | None = None
        for k, s in enumerate(self.series):
            i0 = int(np.searchsorted(s.x, lo, side="left"))
            i1 = int(np.searchsorted(s.x, hi, side="right"))
            if i1 <= i0:
                continue
            d = np.hypot(s.x[i0:i1] * sx + tx - pos.x(), s.y[i0:i1] * sy + ty - pos.y())
            j = int(np.argmin(d))
            if d[j] <= tol and (best is None or d[j] < best[0]):
                best = (float(d[j]), k, int(s.order[i0 + j]))
        return best

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        view = self.getViewWidget()
        if view is None:
            ev.ignore()
            return
        hit = self.point_near(QtCore.QPointF(view.mapFromScene(ev.scenePos())))
        if hit is None:
            ev.ignore()
            return
        ev.accept()
        self.sigPointClicked.emit(hit[1], hit[2])
