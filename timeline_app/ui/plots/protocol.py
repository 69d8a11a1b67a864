"""What the canvas asks of a plot under the timeline: :class:`Plot`, and :data:`PLOT_KINDS`, the
makers of each kind. A new kind of plot is one module whose class follows :class:`Plot`, and one
entry here; the canvas knows no plot class by name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from PySide6 import QtCore, QtGui

from timeline_app.geometry.series_lod import SeriesArrays
from timeline_app.model.chronology import Indicator
from timeline_app.model.view_state import Selection
from timeline_app.ui.drawing.palette import CanvasColors
from timeline_app.ui.plots.event_markers import EventMarkersItem
from timeline_app.ui.plots.indicator_plots import IndicatorPlot, Series
from timeline_app.ui.plots.series_item import SeriesLayer
from timeline_app.ui.timeline.item import TimelineItem


class Plot(Protocol):
    """A plot linked to the timeline's time axis, showing a group of indicators."""

    plot: Any  # its pyqtgraph PlotItem (pyqtgraph ships no types)
    markers: EventMarkersItem  # the timeline's events as lines across it
    layer: SeriesLayer  # the drawn series, for hit tests
    series: list[Series]

    def set_data(
        self,
        key: tuple[str, str],
        indicators: list[Indicator],
        region_colors: dict[str, str],
        arrays: Mapping[str, SeriesArrays] | None = None,
    ) -> None: ...
    def set_cached(self, on: bool) -> None: ...
    def set_date_axis(self, show: bool) -> None: ...
    def date_axis_shown(self) -> bool: ...
    def set_colors(self, colors: CanvasColors, font: QtGui.QFont) -> None: ...
    def set_selection(self, selection: Selection | None) -> None: ...
    def has_indicator(self, indicator_id: str) -> bool: ...
    def view_rect_px(self) -> QtCore.QRectF | None: ...
    def point_px(self, indicator_id: str, index: int) -> QtCore.QPointF | None: ...
    def point_at(self, pos: QtCore.QPointF, tol: float = 7.0) -> tuple[str, int] | None: ...
    def point_tooltip(self, indicator_id: str, index: int) -> str: ...
    def show_crosshair(self, day: float | None, px: QtCore.QPointF | None = None) -> None: ...


class PlotMaker(Protocol):
    def __call__(
        self,
        key: tuple[str, str],
        indicators: list[Indicator],
        timeline: TimelineItem,
        region_colors: dict[str, str],
        left_width: int,
        arrays: Mapping[str, SeriesArrays] | None = None,
    ) -> Plot: ...


PLOT_KINDS: dict[str, PlotMaker] = {"indicators": IndicatorPlot}
