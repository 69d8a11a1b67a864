"""Indicator plots under the timeline: one plot per (measure, unit), one line per region.

Each :class:`IndicatorPlot` wraps a ``pg.PlotItem`` whose X axis is linked to the timeline's view
(the canvas calls ``setXLink``) and whose left axis has the canvas's fixed column width, so every
plot lines up with the lanes to the pixel.

How sparse data are drawn: consecutive points of adjacent periods (2014 then 2015) are joined by
a solid line; where periods are missing between two points (2014 then 2018) the join is dotted.
Reported values are filled circles; *derived* values (computed, not reported) are hollow diamonds,
and the legend and tooltips say "derived". Every plot also shows all events as thin vertical
lines in their lane colour, drawn by ONE :class:`EventMarkersItem` (not one item per event); the
selected event's line is emphasised, and a click near a line selects that event.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from ..model.chronology import Indicator, IndicatorPoint
from ..model.view_state import Selection
from .palette import CanvasColors, with_alpha
from .time_axis import TimeAxisItem
from .timeline_item import TimelineItem

REGION_COLORS = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#9c755f",
    "#ff9da7",
    "#bab0ac",
)  # Tableau 10: distinct in light and dark


def region_color_map(indicators: list[Indicator]) -> dict[str, str]:
    """One colour per region, the same on every plot (in order of first appearance)."""
    out: dict[str, str] = {}
    for ind in indicators:
        key = ind.region or ind.name
        if key not in out:
            out[key] = REGION_COLORS[len(out) % len(REGION_COLORS)]
    return out


def adjacent_periods(points: list[IndicatorPoint]) -> np.ndarray:
    """``out[k]``: whether point k and k+1 (sorted by date) are adjacent periods, so the line between
    them is solid (dotted otherwise: data are missing between them). The last entry is False."""
    n = len(points)
    out = np.zeros(n, dtype=bool)
    for k in range(n - 1):
        out[k] = points[k + 1].date.first_day() <= points[k].date.end_day() + 0.5
    return out


def format_value(v: float) -> str:
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.4g}" if abs(v) >= 1 else f"{v:.3g}"


Segment = tuple[str, QtGui.QColor, bool]  # text, colour, bold


class OverlayText(QtWidgets.QGraphicsItem):
    """Text in pixels on top of a view (a title, a read-out), optionally on a soft panel.

    Each line is a segment ``(text, colour, bold)`` or a list of segments drawn one after another.
    """

    def __init__(self, parent: QtWidgets.QGraphicsItem | None = None, *, panel: bool = False) -> None:
        super().__init__(parent)
        self._lines: list[list[Segment]] = []
        self._font = QtGui.QFont(QtGui.QGuiApplication.font())
        self._bold = QtGui.QFont(self._font)
        self._bold.setBold(True)
        self._panel = panel
        self._panel_color = QtGui.QColor(255, 255, 255, 220)
        self._border = QtGui.QColor(0, 0, 0, 60)
        self._size = QtCore.QSizeF(0, 0)
        self.setZValue(1000)
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)

    def set_font(self, font: QtGui.QFont) -> None:
        self._font = QtGui.QFont(font)
        self._bold = QtGui.QFont(font)
        self._bold.setBold(True)
        self._measure()

    def set_panel_colors(self, fill: QtGui.QColor, border: QtGui.QColor) -> None:
        self._panel_color, self._border = fill, border
        self.update()

    def set_lines(self, lines: list[Segment | list[Segment]]) -> None:
        self._lines = [ln if isinstance(ln, list) else [ln] for ln in lines]
        self._measure()

    def lines(self) -> list[str]:
        return ["".join(t for t, _, _ in ln) for ln in self._lines]

    def _width(self, seg: Segment) -> float:
        return QtGui.QFontMetricsF(self._bold if seg[2] else self._font).horizontalAdvance(seg[0])

    def _measure(self) -> None:
        self.prepareGeometryChange()
        fm = QtGui.QFontMetricsF(self._font)
        w = max((sum(self._width(sg) for sg in ln) for ln in self._lines), default=0.0)
        pad = 8 if self._panel else 0
        self._size = QtCore.QSizeF(w + pad, fm.height() * len(self._lines) + (4 if self._panel else 0))
        self.update()

    def size(self) -> QtCore.QSizeF:
        return self._size

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(QtCore.QPointF(0, 0), self._size).adjusted(-1, -1, 1, 1)

    def paint(self, p: QtGui.QPainter, opt: object, widget: object = None) -> None:
        if not self._lines:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        if self._panel:
            p.setPen(QtGui.QPen(self._border, 1.0))
            p.setBrush(self._panel_color)
            p.drawRoundedRect(QtCore.QRectF(QtCore.QPointF(0, 0), self._size), 3, 3)
        fm = QtGui.QFontMetricsF(self._font)
        y = 2.0 if self._panel else 0.0
        flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
        for ln in self._lines:
            x = 4.0 if self._panel else 0.0
            for seg in ln:
                text, color, bold = seg
                p.setFont(self._bold if bold else self._font)
                p.setPen(color)
                w = self._width(seg)
                p.drawText(QtCore.QRectF(x, y, w + 2, fm.height()), flags, text)
                x += w
            y += fm.height()


class LegendOverlay(QtWidgets.QGraphicsItem):
    """A compact one-line legend in the top-right corner of a plot (wrapping when narrow).

    Entries are ``(kind, colour, label)`` with kind ``"series"`` (line and filled circle),
    ``"derived"`` (hollow diamond) or ``"gap"`` (dotted line).
    """

    SAMPLE_W = 22.0

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self._entries: list[tuple[str, QtGui.QColor, str]] = []
        self._font = QtGui.QFont(QtGui.QGuiApplication.font())
        self._fill = QtGui.QColor(255, 255, 255, 220)
        self._border = QtGui.QColor(0, 0, 0, 60)
        self._text = QtGui.QColor(0, 0, 0)
        self._bg = QtGui.QColor(255, 255, 255)
        self._max_width = 10000.0
        self._rows: list[list[tuple[float, int]]] = []
        self._size = QtCore.QSizeF(0, 0)
        self.setZValue(1000)
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)

    def set_style(
        self,
        font: QtGui.QFont,
        fill: QtGui.QColor,
        border: QtGui.QColor,
        text: QtGui.QColor,
        background: QtGui.QColor,
    ) -> None:
        self._font = QtGui.QFont(font)
        self._fill, self._border, self._text, self._bg = fill, border, text, background
        self._measure()

    def set_entries(self, entries: list[tuple[str, QtGui.QColor, str]]) -> None:
        self._entries = entries
        self._measure()

    def labels(self) -> list[str]:
        return [lab for _, _, lab in self._entries]

    def set_max_width(self, w: float) -> None:
        if abs(w - self._max_width) > 0.5:
            self._max_width = w
            self._measure()

    def _measure(self) -> None:
        self.prepareGeometryChange()
        fm = QtGui.QFontMetricsF(self._font)
        rows: list[list[tuple[float, int]]] = [[]]
        x = 4.0
        width = 0.0
        for k, (_, _, label) in enumerate(self._entries):
            w = self.SAMPLE_W + 4 + fm.horizontalAdvance(label) + 10
            if rows[-1] and x + w > self._max_width:
                rows.append([])
                x = 4.0
            rows[-1].append((x, k))
            x += w
            width = max(width, x)
        self._rows = rows
        self._size = QtCore.QSizeF(width - 6 if self._entries else 0, (fm.height() + 2) * len(rows) + 2)
        self.update()

    def size(self) -> QtCore.QSizeF:
        return self._size

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(QtCore.QPointF(0, 0), self._size).adjusted(-1, -1, 1, 1)

    def paint(self, p: QtGui.QPainter, opt: object, widget: object = None) -> None:
        if not self._entries:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setPen(QtGui.QPen(self._border, 1.0))
        p.setBrush(self._fill)
        p.drawRoundedRect(QtCore.QRectF(QtCore.QPointF(0, 0), self._size), 3, 3)
        fm = QtGui.QFontMetricsF(self._font)
        lh = fm.height() + 2
        p.setFont(self._font)
        for r, row in enumerate(self._rows):
            cy = 1 + lh * r + lh / 2
            for x, k in row:
                kind, color, label = self._entries[k]
                sw = self.SAMPLE_W
                if kind == "series":
                    p.setPen(QtGui.QPen(color, 2.0))
                    p.drawLine(QtCore.QPointF(x, cy), QtCore.QPointF(x + sw, cy))
                    p.setPen(QtGui.QPen(self._bg, 1.0))
                    p.setBrush(color)
                    p.drawEllipse(QtCore.QPointF(x + sw / 2, cy), 3.5, 3.5)
                elif kind == "derived":
                    p.setPen(QtGui.QPen(color, 1.5))
                    p.setBrush(self._bg)
                    d = 4.5
                    c = QtCore.QPointF(x + sw / 2, cy)
                    p.drawPolygon(
                        QtGui.QPolygonF(
                            [
                                c + QtCore.QPointF(0, -d),
                                c + QtCore.QPointF(d, 0),
                                c + QtCore.QPointF(0, d),
                                c + QtCore.QPointF(-d, 0),
                            ]
                        )
                    )
                else:
                    p.setPen(QtGui.QPen(color, 1.5, QtCore.Qt.PenStyle.DotLine))
                    p.drawLine(QtCore.QPointF(x, cy), QtCore.QPointF(x + sw, cy))
                p.setPen(self._text)
                p.drawText(
                    QtCore.QRectF(x + sw + 4, cy - lh / 2, 1000, lh),
                    int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter),
                    label,
                )


class EventMarkersItem(pg.GraphicsObject):
    """Every visible event as a thin vertical line in its lane colour, in ONE item.

    It follows the timeline item's data, hidden lanes, selection and search (it reads them from
    the :class:`TimelineItem` it is given), merges lines that fall on the same pixel column and
    lane, and emphasises the selected event. ``sigEventClicked`` is emitted for a click within
    ``HIT_PX`` pixels of a line; other clicks pass through to the plot.
    """

    sigEventClicked = QtCore.Signal(str)
    HIT_PX = 4.0

    def __init__(self, timeline: TimelineItem) -> None:
        super().__init__()
        self._timeline = timeline
        self.setZValue(-5)

    def boundingRect(self) -> QtCore.QRectF:
        vr = self.viewRect()
        return QtCore.QRectF() if vr is None else QtCore.QRectF(vr)

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self.prepareGeometryChange()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> None:
        return None

    def _transform(self) -> QtGui.QTransform | None:
        view = self.getViewWidget()
        if view is None:
            return None
        dt = self.deviceTransform(view.viewportTransform())
        return None if dt.determinant() == 0 else dt

    def _visible(self, rect: QtCore.QRectF, sx: float, tx: float) -> tuple[np.ndarray, np.ndarray]:
        tl = self._timeline
        a = tl.arrays()
        lo = (rect.left() - 2 - tx) / sx
        hi = (rect.right() + 2 - tx) / sx
        vis = a.visible(lo, hi)
        hidden = tl._hidden
        if len(hidden):
            vis = vis[~hidden[a.lane[vis]]]
        xs = a.anchor[vis] * sx + tx
        keep = (xs >= rect.left() - 2) & (xs <= rect.right() + 2)
        return vis[keep], xs[keep]

    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        dt = self._transform()
        vr = self.viewRect()
        if dt is None or vr is None:
            return
        inv, ok = dt.inverted()
        if not ok:
            return
        rect = dt.mapRect(vr)
        sx, tx = dt.m11(), dt.m31()
        tl = self._timeline
        a = tl.arrays()
        c = tl.colors()
        vis, xs = self._visible(rect, sx, tx)
        p.save()
        try:
            p.setTransform(inv * p.transform())
            p.setClipRect(rect)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
            if len(vis):
                match = tl._match
                col = np.floor(xs - rect.left()).astype(np.int64)
                ncol = int(rect.width()) + 8
                lanes = a.lane[vis].astype(np.int64)
                dim = np.zeros(len(vis), dtype=bool) if match is None else ~match[vis]
                key = (lanes * 2 + dim) * ncol + np.clip(col + 4, 0, ncol - 1)
                uniq = np.unique(key)
                top, bottom = rect.top(), rect.bottom()
                by_pen: dict[tuple[int, bool], list[QtCore.QLineF]] = {}
                for k in uniq.tolist():
                    cc = k % ncol - 4
                    ld = k // ncol
                    x = rect.left() + cc + 0.5
                    by_pen.setdefault((ld // 2, bool(ld % 2)), []).append(QtCore.QLineF(x, top, x, bottom))
                for (ln, is_dim), lines in by_pen.items():
                    pen = QtGui.QPen(with_alpha(tl.lane_qcolor(ln), 0.12 if is_dim else 0.38), 1.0)
                    p.setPen(pen)
                    p.drawLines(lines)
            sel = tl.selected_index()
            if sel >= 0 and not (len(tl._hidden) and tl._hidden[a.lane[sel]]):
                x = a.anchor[sel] * sx + tx
                if rect.left() - 2 <= x <= rect.right() + 2:
                    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
                    p.setPen(QtGui.QPen(c.selection, 2.0))
                    p.drawLine(QtCore.QPointF(x, rect.top()), QtCore.QPointF(x, rect.bottom()))
                    p.setPen(QtCore.Qt.PenStyle.NoPen)
                    p.setBrush(c.selection)
                    t = 5.0
                    p.drawPolygon(
                        QtGui.QPolygonF(
                            [
                                QtCore.QPointF(x - t, rect.top()),
                                QtCore.QPointF(x + t, rect.top()),
                                QtCore.QPointF(x, rect.top() + t * 1.3),
                            ]
                        )
                    )
        finally:
            p.restore()

    def event_near(self, x_px: float) -> int:
        """The event whose line is nearest to ``x_px`` (view-port pixels), within ``HIT_PX``; -1 if none."""
        dt = self._transform()
        vr = self.viewRect()
        if dt is None or vr is None:
            return -1
        rect = dt.mapRect(vr)
        sx, tx = dt.m11(), dt.m31()
        tl = self._timeline
        sel = tl.selected_index()
        if sel >= 0:
            xs = tl.arrays().anchor[sel] * sx + tx
            if abs(xs - x_px) <= self.HIT_PX and not (len(tl._hidden) and tl._hidden[tl.arrays().lane[sel]]):
                return sel
        vis, xs_all = self._visible(rect, sx, tx)
        if not len(vis):
            return -1
        d = np.abs(xs_all - x_px)
        j = int(np.argmin(d))
        return int(vis[j]) if d[j] <= self.HIT_PX else -1

    def event_x(self, event_id: str) -> float | None:
        dt = self._transform()
        i = self._timeline.arrays().index.get(event_id, -1)
        if dt is None or i < 0:
            return None
        return float(self._timeline.arrays().anchor[i] * dt.m11() + dt.m31())

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        view = self.getViewWidget()
        if view is None:
            ev.ignore()
            return
        pos = view.mapFromScene(ev.scenePos())
        i = self.event_near(pos.x())
        if i < 0:
            ev.ignore()
            return
        ev.accept()
        self.sigEventClicked.emit(self._timeline.arrays().ids[i])


@dataclass
class Series:
    indicator: Indicator
    order: list[int]  # point indices sorted by date
    x: np.ndarray
    y: np.ndarray
    color: QtGui.QColor
    solid: pg.PlotCurveItem
    dotted: pg.PlotCurveItem
    scatter: pg.ScatterPlotItem


class IndicatorPlot:
    """One plot: the series of one (measure, unit), the event lines, a crosshair and a read-out."""

    TITLE_PAD = 4

    def __init__(
        self,
        key: tuple[str, str],
        indicators: list[Indicator],
        timeline: TimelineItem,
        region_colors: dict[str, str],
        left_width: int,
    ) -> None:
        self.key = key
        self.indicators = indicators
        self._timeline = timeline
        self.time_axis = TimeAxisItem("bottom", show_labels=False)
        self.value_axis = pg.AxisItem("left")
        self.value_axis.setWidth(left_width)
        self.value_axis.enableAutoSIPrefix(False)
        self.plot = pg.PlotItem(axisItems={"bottom": self.time_axis, "left": self.value_axis})
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.enableAutoRange(x=False, y=False)
        vb.setDefaultPadding(0.0)
        self.plot.setLabel("left", key[1])
        self.value_axis.setStyle(tickTextOffset=4, autoExpandTextSpace=False)
        self.plot.setMinimumHeight(40)

        self.markers = EventMarkersItem(timeline)
        self.plot.addItem(self.markers, ignoreBounds=True)
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setZValue(50)
        self.crosshair.hide()
        self.plot.addItem(self.crosshair, ignoreBounds=True)

        self.title = OverlayText(vb)
        self.title.setPos(6, 2)
        self.readout = OverlayText(vb, panel=True)
        self.readout.hide()
        self.legend = LegendOverlay(vb)

        self.series: list[Series] = []
        for ind in indicators:
            pts = list(ind.points)
            order = sorted(range(len(pts)), key=lambda k: pts[k].day())
            sp = [pts[k] for k in order]
            x = np.array([p.day() for p in sp], dtype=np.float64)
            y = np.array([p.value for p in sp], dtype=np.float64)
            adj = adjacent_periods(sp)
            dotted_mask = ~adj
            if len(dotted_mask):
                dotted_mask[-1] = False
            color = QtGui.QColor(region_colors.get(ind.region or ind.name, REGION_COLORS[0]))
            solid = pg.PlotCurveItem(x, y, connect=adj if len(x) > 1 else "all")
            dotted = pg.PlotCurveItem(x, y, connect=dotted_mask if len(x) > 1 else "all")
            scatter = pg.ScatterPlotItem(
                x=x, y=y, data=np.array(order, dtype=np.int64), hoverable=False, tip=None
            )
            for item in (dotted, solid, scatter):
                self.plot.addItem(item)
            # a curve without a segment would still paint an empty path (an invalid one in SVG)
            solid.setVisible(bool(len(x) > 1 and adj[:-1].any()))
            dotted.setVisible(bool(len(x) > 1 and dotted_mask.any()))
            scatter.setZValue(20)
            self.series.append(Series(ind, order, x, y, color, solid, dotted, scatter))
        self.selection_ring = pg.ScatterPlotItem()
        self.selection_ring.setZValue(30)
        self.plot.addItem(self.selection_ring, ignoreBounds=True)
        self._has_derived = any(p.is_derived for ind in indicators for p in ind.points)
        self._has_gaps = any(
            (~adjacent_periods(sorted(ind.points, key=lambda p: p.day())))[:-1].any()
            for ind in indicators
            if len(ind.points) > 1
        )
        self._colors: CanvasColors | None = None
        self._selection: Selection | None = None
        vb.sigResized.connect(self._on_resized)
        self.update_y_range()

    # -- appearance -----------------------------------------------------------------------------------------
    def series_label(self, ind: Indicator) -> str:
        return ind.region or ind.name

    def set_colors(self, colors: CanvasColors, font: QtGui.QFont) -> None:
        self._colors = colors
        fg = colors.foreground
        small = QtGui.QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.9, 6.0))
        for ax in (self.time_axis, self.value_axis):
            ax.setPen(pg.mkPen(with_alpha(fg, 0.6)))
            ax.setTextPen(pg.mkPen(fg))
            ax.setTickFont(small)
        self.time_axis.set_font(small)
        self.time_axis.set_grid_pens(pg.mkPen(colors.grid), pg.mkPen(colors.grid_major))
        self._label_style = {"color": fg.name(), "font-size": f"{small.pointSizeF():.1f}pt"}
        self._label_font = small
        self._update_unit_label()
        self.crosshair.setPen(pg.mkPen(colors.crosshair, width=1, style=QtCore.Qt.PenStyle.DashLine))
        self.title.set_font(small)
        self.title.set_lines([[(self.key[0], fg, True), (f"  {self.key[1]}", colors.muted, False)]])
        self.readout.set_font(small)
        self.readout.set_panel_colors(colors.panel, colors.separator)
        bg = colors.background
        for s in self.series:
            s.solid.setPen(pg.mkPen(s.color, width=2))
            s.dotted.setPen(pg.mkPen(s.color, width=1.5, style=QtCore.Qt.PenStyle.DotLine))
            pts = s.indicator.points
            symbols = ["d" if pts[k].is_derived else "o" for k in s.order]
            brushes = [pg.mkBrush(bg) if pts[k].is_derived else pg.mkBrush(s.color) for k in s.order]
            pens = [
                pg.mkPen(s.color, width=1.6) if pts[k].is_derived else pg.mkPen(bg, width=1) for k in s.order
            ]
            sizes = [10 if pts[k].is_derived else 8 for k in s.order]
            s.scatter.setData(
                x=s.x,
                y=s.y,
                symbol=symbols,
                brush=brushes,
                pen=pens,
                size=sizes,
                data=np.array(s.order, dtype=np.int64),
            )
        self._rebuild_legend(colors, small)
        self._update_selection_ring()
        self.markers.update()

    def _rebuild_legend(self, colors: CanvasColors, font: QtGui.QFont) -> None:
        entries: list[tuple[str, QtGui.QColor, str]] = [
            ("series", s.color, self.series_label(s.indicator)) for s in self.series
        ]
        if self._has_derived:
            entries.append(("derived", colors.foreground, "derived (computed)"))
        if self._has_gaps:
            entries.append(("gap", colors.foreground, "no data between"))
        self.legend.set_style(font, colors.panel, colors.separator, colors.foreground, colors.background)
        self.legend.set_entries(entries)
        self._place_overlays()
        self.update_y_range()

    def _place_overlays(self) -> None:
        vb = self.plot.getViewBox()
        w = vb.width()
        title_w = self.title.size().width() + 16
        self.legend.set_max_width(max(w - title_w - 10, 120.0))
        self.legend.setPos(max(w - self.legend.size().width() - 4, title_w), 2)

    # -- ranges ----------------------------------------------------------------------------------------------
    def _on_resized(self, *_: object) -> None:
        self._place_overlays()
        self._update_unit_label()
        self.update_y_range()

    def _update_unit_label(self) -> None:
        """The unit along the value axis, elided to the plot's height (it is also in the title)."""
        style = getattr(self, "_label_style", None)
        if style is None:
            return
        fm = QtGui.QFontMetricsF(self._label_font)
        h = max(self.plot.getViewBox().height() - 4, 20.0)
        text = fm.elidedText(self.key[1], QtCore.Qt.TextElideMode.ElideRight, h)
        if text != getattr(self, "_unit_text", None):
            self._unit_text = text
            self.value_axis.setLabel(text, **style)

    def data_y_range(self) -> tuple[float, float] | None:
        ys = [s.y for s in self.series if len(s.y)]
        if not ys:
            return None
        allv = np.concatenate(ys)
        return float(allv.min()), float(allv.max())

    def update_y_range(self) -> None:
        """Fit Y to all the plot's data, leaving room at the top for the title and legend."""
        vb = self.plot.getViewBox()
        rng = self.data_y_range()
        if rng is None:
            vb.setYRange(0.0, 1.0, padding=0)
            return
        lo, hi = rng
        span = hi - lo
        if span <= 0:
            span = abs(hi) * 0.2 or 1.0
            lo, hi = lo - span / 2, hi + span / 2
        h = max(vb.height(), 40.0)
        fm = QtGui.QFontMetricsF(self.title._font)
        top_px = max(fm.height() + self.TITLE_PAD, self.legend.size().height() + 2) + 6
        bottom_px = 6.0
        avail = max(h - top_px - bottom_px, 10.0)
        upp = span / avail
        vb.setYRange(lo - bottom_px * upp, hi + top_px * upp, padding=0)

    # -- selection and read-outs -----------------------------------------------------------------------------
    def set_selection(self, selection: Selection | None) -> None:
        self._selection = selection
        self._update_selection_ring()
        self.markers.update()

    def _update_selection_ring(self) -> None:
        sel = self._selection
        c = self._colors
        if sel is None or sel.indicator_id is None or c is None:
            self.selection_ring.setData([], [])
            self.selection_ring.hide()
            return
        for s in self.series:
            if s.indicator.id == sel.indicator_id and sel.point_index is not None:
                pt = s.indicator.points[sel.point_index]
                self.selection_ring.setData(
                    [pt.day()],
                    [pt.value],
                    symbol="o",
                    size=18,
                    brush=None,
                    pen=pg.mkPen(c.selection, width=2.5),
                )
                self.selection_ring.show()
                return
        self.selection_ring.setData([], [])
        self.selection_ring.hide()

    def has_indicator(self, indicator_id: str) -> bool:
        return any(s.indicator.id == indicator_id for s in self.series)

    def view_rect_px(self) -> QtCore.QRectF | None:
        vb = self.plot.getViewBox()
        view = vb.getViewWidget()
        if view is None:
            return None
        return view.mapFromScene(vb.sceneBoundingRect()).boundingRect().toRectF()

    def _to_px(self) -> tuple[QtGui.QTransform, QtWidgets.QGraphicsView] | None:
        vb = self.plot.getViewBox()
        view = vb.getViewWidget()
        if view is None:
            return None
        # data -> scene -> view-port
        tr = vb.childGroup.sceneTransform() * view.viewportTransform()
        return tr, view

    def point_px(self, indicator_id: str, index: int) -> QtCore.QPointF | None:
        """Where a data point is drawn, in view-port pixels."""
        t = self._to_px()
        if t is None:
            return None
        for s in self.series:
            if s.indicator.id == indicator_id:
                pt = s.indicator.points[index]
                return t[0].map(QtCore.QPointF(pt.day(), pt.value))
        return None

    def point_at(self, pos: QtCore.QPointF, tol: float = 7.0) -> tuple[str, int] | None:
        """The data point nearest to ``pos`` (view-port pixels) within ``tol`` pixels."""
        t = self._to_px()
        if t is None:
            return None
        best: tuple[float, str, int] | None = None
        for s in self.series:
            for k in s.order:
                pt = s.indicator.points[k]
                q = t[0].map(QtCore.QPointF(pt.day(), pt.value))
                d = math.hypot(q.x() - pos.x(), q.y() - pos.y())
                if d <= tol and (best is None or d < best[0]):
                    best = (d, s.indicator.id, k)
        return None if best is None else (best[1], best[2])

    def point_tooltip(self, indicator_id: str, index: int) -> str:
        for s in self.series:
            if s.indicator.id == indicator_id:
                pt = s.indicator.points[index]
                ind = s.indicator
                lines = [
                    f"<b>{html.escape(ind.label)}</b>",
                    f"{html.escape(pt.date.words_with_precision())}: "
                    f"{html.escape(format_value(pt.value))} {html.escape(ind.unit)}",
                ]
                if pt.approximate:
                    lines.append("approximate")
                if pt.is_derived:
                    lines.append(f"<i>derived:</i> {html.escape(pt.derived)}")
                if pt.note:
                    lines.append(html.escape(pt.note))
                return "<br>".join(lines)
        return ""

    def readout_lines(self, day: float) -> list[str]:
        """For each series, the value of the point nearest to ``day`` (not interpolated)."""
        out = []
        for s in self.series:
            if not len(s.x):
                continue
            j = int(np.argmin(np.abs(s.x - day)))
            pt = s.indicator.points[s.order[j]]
            tag = ", derived" if pt.is_derived else ""
            out.append(f"{self.series_label(s.indicator)}: {format_value(pt.value)} ({pt.date.iso()}{tag})")
        return out

    def show_crosshair(self, day: float | None, px: QtCore.QPointF | None = None) -> None:
        c = self._colors
        if day is None or c is None:
            self.crosshair.hide()
            self.readout.hide()
            return
        self.crosshair.setPos(day)
        self.crosshair.show()
        lines = self.readout_lines(day)
        if not lines:
            self.readout.hide()
            return
        self.readout.set_lines(
            [("nearest point", c.muted, False)] + [(t, c.foreground, False) for t in lines]
        )
        vb = self.plot.getViewBox()
        x_local = vb.mapFromView(QtCore.QPointF(day, 0)).x()
        size = self.readout.size()
        x = x_local + 10 if x_local + 10 + size.width() < vb.width() else x_local - 10 - size.width()
        y = max(vb.height() - size.height() - 4, 2.0)
        self.readout.setPos(x, y)
        self.readout.show()
