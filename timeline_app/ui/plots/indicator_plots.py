"""Indicator plots under the timeline: one plot per (measure, unit), one line per region.

Each :class:`IndicatorPlot` wraps a ``pg.PlotItem`` whose X axis is linked to the timeline's view
(the canvas calls ``setXLink``) and whose left axis has the canvas's fixed column width, so every
plot lines up with the lanes to the pixel.

How sparse data are drawn: consecutive points of adjacent periods (2014 then 2015) are joined by
a solid line; where periods are missing between two points (2014 then 2018) the join is dotted.
Reported values are filled circles; *derived* values (computed, not reported) are hollow diamonds,
and the legend and tooltips say "derived". All the series of a plot are drawn by ONE
:class:`~timeline_app.ui.plots.series_item.SeriesLayer`, which reduces a series of many points to four
per pixel column (every peak kept), so a million points pan as fast as a hundred. Every plot also
shows all events as thin vertical lines in their lane colour, drawn by ONE
:class:`~timeline_app.ui.plots.event_markers.EventMarkersItem` (not one item per event); the selected
event's line is emphasised, and a click near a line selects that event.

The value axis, the title and the legend change with the data and the size, not when the view
pans: they are kept as pixmaps between paints (Qt's item cache), except when rendering to a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.geometry.series_lod import SeriesArrays
from timeline_app.model.chronology import Indicator
from timeline_app.model.view_state import Selection
from timeline_app.text import escape_html, fill, format_number, translate
from timeline_app.ui.drawing.palette import CanvasColors, with_alpha
from timeline_app.ui.drawing.plain_plot import PlainPlotItem
from timeline_app.ui.drawing.quiet_axis import QuietAxisItem
from timeline_app.ui.drawing.time_axis import TimeAxisItem
from timeline_app.ui.plots.event_markers import EventMarkersItem
from timeline_app.ui.plots.overlays import LegendOverlay, OverlayText, Segment
from timeline_app.ui.plots.series_item import SHAPES, SeriesLayer
from timeline_app.ui.timeline.item import TimelineItem

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


@dataclass
class Series:
    indicator: Indicator
    data: SeriesArrays  # the points sorted by date, as arrays
    color: QtGui.QColor
    layer: SeriesLayer  # draws the lines and symbols of the plot's series
    k: int  # this series' position in the layer

    def symbols(self) -> list[str]:
        """'o' for each reported value, 'd' for each derived one, in date order."""
        return self.layer.symbols(self.k)

    @property
    def x(self) -> np.ndarray:
        return self.data.x

    @property
    def y(self) -> np.ndarray:
        return self.data.y


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
        arrays: Mapping[str, SeriesArrays] | None = None,
    ) -> None:
        self.key = key
        self.indicators = indicators
        self._timeline = timeline
        self.time_axis = TimeAxisItem("bottom", show_labels=False)
        self.value_axis = QuietAxisItem("left")
        self.value_axis.setWidth(left_width)
        self.value_axis.enableAutoSIPrefix(False)
        self.plot = PlainPlotItem(axisItems={"bottom": self.time_axis, "left": self.value_axis})
        self.plot.hideButtons()
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
        self.layer = SeriesLayer()
        self.plot.addItem(self.layer)
        self.markers.draw_with(self.layer)
        self.selection_ring = pg.ScatterPlotItem()
        self.selection_ring.setZValue(30)
        self.plot.addItem(self.selection_ring, ignoreBounds=True)
        self._colors: CanvasColors | None = None
        self._unit_text: str | None = None
        self._selection: Selection | None = None
        self._region_colors = region_colors
        self._fill(indicators, arrays)
        vb.sigResized.connect(self._on_resized)
        self.set_cached(True)
        self.update_y_range()

    def set_date_axis(self, show: bool) -> None:
        """Show the time axis with its date labels under this plot (the bottom plot of a stack), or
        hide it: the plot's grid and event lines (:class:`EventMarkersItem`) are the same either
        way, and a hidden axis leaves a one-pixel baseline and its few pixels of room (between the
        value axes of two plots) in its place. One labelled axis for the stack, and no per-frame
        work for the axes of the other plots."""
        self.time_axis.set_show_labels(show)
        self.plot.showAxis("bottom", show)
        self.markers.set_baseline(not show)
        row = 3  # the bottom axis's row in a PlotItem's layout
        self.plot.layout.setRowMinimumHeight(row, 0 if show else TimeAxisItem.unlabelled_height())

    def date_axis_shown(self) -> bool:
        return self.time_axis.isVisible() and self.time_axis.show_labels()

    def set_cached(self, on: bool) -> None:
        """Keep the value axis, its unit, the title and the legend as pixmaps between paints (they
        change with the data and the size, not when the view pans); off when rendering to a file,
        so an SVG gets text."""
        mode = QtWidgets.QGraphicsItem.CacheMode
        for item in (self.value_axis, self.value_axis.label, self.title, self.legend):
            item.setCacheMode(mode.DeviceCoordinateCache if on else mode.NoCache)

    def set_data(
        self,
        key: tuple[str, str],
        indicators: list[Indicator],
        region_colors: dict[str, str],
        arrays: Mapping[str, SeriesArrays] | None = None,
    ) -> None:
        """Show another group of indicators in this plot (the canvas reuses its plots when a new
        chronology arrives: making a ``pg.PlotItem`` costs more than a frame). Call
        :meth:`set_colors` after it, as after making a plot."""
        self.key = key
        self.indicators = indicators
        self._region_colors = region_colors
        self._selection = None
        self.plot.setLabel("left", key[1])
        self._unit_text = None
        self._fill(indicators, arrays)
        self._update_selection_ring()
        self.markers.update()

    def _fill(self, indicators: list[Indicator], arrays: Mapping[str, SeriesArrays] | None) -> None:
        """The series of ``indicators``, from ``arrays`` (indicator id -> arrays, made ahead:
        :meth:`SeriesArrays.for_chronology`) when given."""
        self.layer.clear()
        self.series = []
        for ind in indicators:
            data = arrays.get(ind.id) if arrays is not None else None
            if data is None or data.n != len(ind.points):
                data = SeriesArrays.from_points(ind.points)
            color = QtGui.QColor(self._region_colors.get(ind.region or ind.name, REGION_COLORS[0]))
            shape = SHAPES[len(self.series) % len(SHAPES)]  # not by colour alone
            self.series.append(Series(ind, data, color, self.layer, self.layer.add(data, color, shape)))
        self._has_derived = any(bool(s.data.derived.any()) for s in self.series)
        self._has_gaps = any(s.data.has_gaps() for s in self.series)
        self._y_range = self._data_y_range()

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
        self._label_style = {"color": fg.name(), "font-size": f"{small.pointSizeF():.1f}pt"}
        self._label_font = small
        self._update_unit_label()
        self.crosshair.setPen(pg.mkPen(colors.crosshair, width=1, style=QtCore.Qt.PenStyle.DashLine))
        self.title.set_font(small)
        self.title.set_lines([[(self.key[0], fg, True), (f"  {self.key[1]}", colors.muted, False)]])
        self.readout.set_font(small)
        self.readout.set_panel_colors(colors.panel, colors.separator)
        for s in self.series:
            self.layer.set_style(s.k, s.color, colors.background)
        self._rebuild_legend(colors, small)
        self._update_selection_ring()
        self.markers.update()

    def _rebuild_legend(self, colors: CanvasColors, font: QtGui.QFont) -> None:
        entries: list[tuple[str, QtGui.QColor, str]] = [
            (f"series/{SHAPES[s.k % len(SHAPES)]}", s.color, self.series_label(s.indicator))
            for s in self.series
        ]
        if self._has_derived:
            entries.append(("derived", colors.foreground, translate("Plots", "derived (computed)")))
        if self._has_gaps:
            entries.append(("gap", colors.foreground, translate("Plots", "no data between")))
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
        if text != self._unit_text:
            self._unit_text = text
            self.value_axis.setLabel(text, **style)

    def _data_y_range(self) -> tuple[float, float] | None:
        ys = [s.y for s in self.series if len(s.y)]
        if not ys:
            return None
        return min(float(y.min()) for y in ys), max(float(y.max()) for y in ys)

    def data_y_range(self) -> tuple[float, float] | None:
        return self._y_range

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
        fm = QtGui.QFontMetricsF(self.title.text_font())
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
        rect: QtCore.QRectF = view.mapFromScene(vb.sceneBoundingRect()).boundingRect().toRectF()
        return rect

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
        hit = self.layer.point_near(pos, tol)
        return None if hit is None else (self.series[hit[1]].indicator.id, hit[2])

    def point_tooltip(self, indicator_id: str, index: int) -> str:
        for s in self.series:
            if s.indicator.id == indicator_id:
                pt = s.indicator.points[index]
                ind = s.indicator
                lines = [
                    f"<b>{escape_html(ind.label)}</b>",
                    f"{escape_html(pt.date.words_with_precision())}: "
                    f"{escape_html(format_number(pt.value))} {escape_html(ind.unit)}",
                ]
                if pt.approximate:
                    lines.append("approximate")
                if pt.is_derived:
                    lines.append(f"<i>derived:</i> {escape_html(pt.derived)}")
                if pt.note:
                    lines.append(escape_html(pt.note))
                return "<br>".join(lines)
        return ""

    def readout_lines(self, day: float) -> list[str]:
        """For each series, the value of the point nearest to ``day`` (not interpolated)."""
        out = []
        for s in self.series:
            j = s.data.nearest(day)
            if j < 0:
                continue
            pt = s.indicator.points[int(s.data.order[j])]
            name, value, when = self.series_label(s.indicator), format_number(pt.value), pt.date.words()
            if pt.is_derived:
                out.append(fill(translate("Plots", "%1: %2 (%3, derived)"), name, value, when))
            else:
                out.append(fill(translate("Plots", "%1: %2 (%3)"), name, value, when))
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
        shown: list[Segment | list[Segment]] = [(translate("Plots", "nearest point"), c.muted, False)]
        self.readout.set_lines(shown + [(t, c.foreground, False) for t in lines])
        vb = self.plot.getViewBox()
        x_local = vb.mapFromView(QtCore.QPointF(day, 0)).x()
        size = self.readout.size()
        x = x_local + 10 if x_local + 10 + size.width() < vb.width() else x_local - 10 - size.width()
        y = max(vb.height() - size.height() - 4, 2.0)
        self.readout.setPos(x, y)
        self.readout.show()
