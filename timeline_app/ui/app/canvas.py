"""The chronology canvas: the lane timeline on top, indicator plots below, on one time axis.

One ``pg.GraphicsLayoutWidget`` holds every plot item (one paint per frame for all of them). Row 0
is the timeline (lane names in the left column, events painted by one :class:`TimelineItem`);
the rows below are indicator plots, each X-linked to the timeline's view with ``setXLink`` and
given the same fixed left-column width (:attr:`ChronologyCanvas.LANE_COLUMN_WIDTH`), so their
time axes line up with the lanes to the pixel and panning or zooming any of them moves all.

**Which plots are shown.** A chronology may have a dozen plot groups, too many to stack in a
window. The canvas shows a chosen subset: the first :attr:`DEFAULT_SHOWN_PLOTS` groups with a
series of three points or more at first (:meth:`Chronology.default_plot_keys`),
then whatever the user picks in the "Plots" menu under the canvas (or the main window through
:meth:`set_shown_plots`); selecting an indicator point always shows its plot. Every shown plot
keeps at least :attr:`PLOT_MIN_HEIGHT` pixels; the timeline takes the rest. Rendering to a file
(:mod:`timeline_app.ui.headless.render`) shows all plots and scales their heights to the image. A plot is
made when first shown, and kept for the next chronology (it then shows another group): making a
``pg.PlotItem`` costs more than a frame, so a new chronology whose caches were made ahead
(:func:`timeline_app.geometry.prepare.prepare`) is shown without a long frame.

**The state.** The canvas follows a :class:`~timeline_app.model.view_state.ViewState` and writes it
only through its methods: a pan or zoom with the mouse calls ``set_range``; a click on an event
(timeline marker, bar or label, or its line on a plot) calls ``select_event``; a click on a
cluster zooms into it; a click on an indicator data point calls ``select_point``; a click on a
lane name calls ``toggle_lane``.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.series_lod import SeriesArrays
from timeline_app.model.chronology import Chronology, Indicator
from timeline_app.model.filters import EventFilter
from timeline_app.model.search import SearchIndex
from timeline_app.model.view_state import MAX_SPAN_DAYS, MIN_SPAN_DAYS, Selection, TimeRange, ViewState
from timeline_app.ui.app.canvas_hover import CanvasHover, plot_at
from timeline_app.ui.drawing.palette import CanvasColors, with_alpha
from timeline_app.ui.drawing.plain_plot import PlainPlotItem
from timeline_app.ui.drawing.time_axis import TimeAxisItem, retranslate_time_axes
from timeline_app.ui.plots.chooser import PlotKey, PlotsChooser
from timeline_app.ui.plots.indicator_plots import region_color_map
from timeline_app.ui.plots.pool import PlotPool
from timeline_app.ui.plots.protocol import PLOT_KINDS, Plot
from timeline_app.ui.timeline.item import TimelineItem
from timeline_app.ui.timeline.lane_axis import LaneAxisItem


class ChronologyCanvas(QtWidgets.QWidget):
    """Timeline + indicator plots following a :class:`ViewState` (see the module docstring)."""

    LANE_COLUMN_WIDTH: int = 176  # logical pixels: lane names / value axes of every plot
    DEFAULT_SHOWN_PLOTS: int = 2
    FIT_ROOM_SHARE: float = 0.12  # at most this share of the width is kept free for an end title
    PLOT_MIN_HEIGHT: int = 80
    PLOT_PREFERRED_HEIGHT: int = 130

    shown_plots_changed = QtCore.Signal(list)  # list[PlotKey]

    def __init__(self, state: ViewState, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._colors = CanvasColors.from_palette(self.palette())
        self._groups: dict[PlotKey, list[Indicator]] = {}
        self._region_colors: dict[str, str] = {}
        self._series_arrays: dict[str, SeriesArrays] = {}
        self._selection_for_plots: Selection | None = None
        self._shown: list[PlotKey] = []
        self._render_mode = False
        self._applying_range = False

        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self._glw = pg.GraphicsLayoutWidget()
        self._glw.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self._glw.viewport().installEventFilter(self)
        lay.addWidget(self._glw, 1)
        self._ci: pg.GraphicsLayout = self._glw.ci
        self._ci.setContentsMargins(2, 4, 10, 2)
        self._ci.setSpacing(0)

        # the plots chooser under the canvas
        self._bar = QtWidgets.QWidget()
        bl = QtWidgets.QHBoxLayout(self._bar)
        bl.setContentsMargins(4, 1, 4, 1)
        self._chooser = PlotsChooser()
        self._chooser.shown_asked.connect(self.set_shown_plots)
        bl.addWidget(self._chooser)
        self._cursor_label = QtWidgets.QLabel()
        self._cursor_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        bl.addWidget(self._cursor_label)
        bl.addStretch(1)
        lay.addWidget(self._bar)

        # the timeline
        self._timeline = TimelineItem()
        self._lane_axis = LaneAxisItem(self._timeline, self.LANE_COLUMN_WIDTH)
        self._time_axis = TimeAxisItem("bottom", show_labels=True)
        self._timeline.set_ticks_source(self._time_axis.ticks_for)
        self._tl_plot = PlainPlotItem(axisItems={"left": self._lane_axis, "bottom": self._time_axis})
        self._tl_plot.hideButtons()
        vb = self._tl_plot.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.enableAutoRange(x=False, y=False)
        vb.setDefaultPadding(0.0)
        vb.setYRange(0.0, 1.0, padding=0)
        vb.setLimits(yMin=0.0, yMax=1.0, minXRange=MIN_SPAN_DAYS, maxXRange=MAX_SPAN_DAYS)
        self._tl_plot.addItem(self._timeline, ignoreBounds=True)
        self._ci.addItem(self._tl_plot, row=0, col=0)
        self._plots = PlotPool(self._make_plot, self._ci, vb)

        self._timeline.sigEventClicked.connect(self._on_event_clicked)
        self._timeline.sigZoomRequested.connect(self._on_zoom_requested)
        self._timeline.sigBackgroundClicked.connect(self._on_background_clicked)
        self._lane_axis.sigLaneClicked.connect(self._on_lane_clicked)
        vb.sigXRangeChanged.connect(self._on_view_x_changed)
        vb.sigResized.connect(self._on_timeline_resized)
        self._hover = CanvasHover(self, self._cursor_label)

        state.chronology_changed.connect(self._on_chronology_changed)
        state.range_changed.connect(self.apply_range)
        state.selection_changed.connect(self._on_selection_changed)
        state.filters_changed.connect(self._on_filters_changed)
        state.event_filter_changed.connect(self._on_filters_changed)
        state.query_changed.connect(self._on_query_changed)

        self._apply_font()
        self._apply_palette()
        self._on_chronology_changed(state.chronology)
        self.apply_range(state.range)

    # -- public API ------------------------------------------------------------------------------------------
    def state(self) -> ViewState:
        return self._state

    def timeline_plot(self) -> pg.PlotItem:
        return self._tl_plot

    def timeline_item(self) -> TimelineItem:
        return self._timeline

    def lane_axis(self) -> LaneAxisItem:
        return self._lane_axis

    def time_axis(self) -> TimeAxisItem:
        return self._time_axis

    def graphics_view(self) -> pg.GraphicsLayoutWidget:
        return self._glw

    def viewport(self) -> QtWidgets.QWidget:
        """The widget that receives the mouse (for tests: click here)."""
        widget: QtWidgets.QWidget = self._glw.viewport()
        return widget

    def plot_keys(self) -> list[PlotKey]:
        """Every plot group of the chronology, as (measure name, unit), in file order."""
        return list(self._groups)

    def shown_plots(self) -> list[PlotKey]:
        return list(self._shown)

    def set_shown_plots(self, keys: list[PlotKey] | tuple[PlotKey, ...]) -> None:
        """Show these plot groups (in the chronology's order); unknown keys are ignored."""
        wanted = set(map(tuple, keys))
        shown = [k for k in self._groups if k in wanted]
        if shown == self._shown:
            return
        self._shown = shown
        self._relayout()
        self._chooser.set_shown(shown)
        self.shown_plots_changed.emit(list(shown))

    def indicator_plots(self) -> list[Plot]:
        """The shown plots, top to bottom."""
        return [self._plot(k) for k in self._shown]

    def indicator_plot_items(self) -> list[pg.PlotItem]:
        return [p.plot for p in self.indicator_plots()]

    def all_plot_items(self) -> list[pg.PlotItem]:
        return [self._tl_plot, *self.indicator_plot_items()]

    def plots_chooser(self) -> PlotsChooser:
        """The "Plots" button under the canvas."""
        return self._chooser

    def set_toolbar_visible(self, visible: bool) -> None:
        """The strip under the canvas (plots menu, cursor date); hidden when rendering to a file."""
        self._bar.setVisible(visible)

    def set_render_mode(self, on: bool) -> None:
        """For images: every plot shown, heights scaled to fit, no toolbar and no hover."""
        self._render_mode = on
        self.set_toolbar_visible(not on)
        self._hover.set_enabled(not on)
        if on and self._state.query.split():
            # an image shows every match: finish the search index the window builds in slices
            SearchIndex.for_chronology(self._state.chronology).ensure_built()
        self._lane_axis.set_cached(not on)
        for pl in self._plots.every():
            pl.set_cached(not on)
        if on:
            self.set_shown_plots(self.plot_keys())
        self._relayout()

    # coordinates: canvas widget <-> view-port <-> days
    def canvas_to_viewport(self, pos: QtCore.QPointF) -> QtCore.QPointF:
        return QtCore.QPointF(self._glw.viewport().mapFrom(self, pos))

    def viewport_to_canvas(self, pos: QtCore.QPointF) -> QtCore.QPointF:
        return QtCore.QPointF(self._glw.viewport().mapTo(self, pos))

    def event_at(self, pos: QtCore.QPointF) -> str | None:
        """The event drawn at ``pos`` (canvas coordinates) on the timeline, or whose line on a plot
        passes within a few pixels of it."""
        vp = self.canvas_to_viewport(pos)
        hit = self._timeline.hit(vp)
        if hit is not None:
            return self._timeline.arrays().ids[hit.event] if hit.kind == "event" else None
        plot = plot_at(self.indicator_plots(), vp)
        if plot is not None:
            i = plot.markers.event_near(vp.x())
            return self._timeline.arrays().ids[i] if i >= 0 else None
        return None

    def event_scene_pos(self, event_id: str) -> QtCore.QPointF | None:
        """Where ``event_id`` is drawn on the timeline (its marker, or its bar), canvas coordinates;
        ``None`` if it is not drawn on its own (off-screen, hidden lane, inside a cluster)."""
        vp = self._timeline.event_position(event_id)
        return None if vp is None else self.viewport_to_canvas(vp)

    def event_marker_pos(self, event_id: str, plot_index: int = 0) -> QtCore.QPointF | None:
        """A point on ``event_id``'s vertical line in a shown plot, canvas coordinates."""
        plots = self.indicator_plots()
        if not 0 <= plot_index < len(plots):
            return None
        pl = plots[plot_index]
        x = pl.markers.event_x(event_id)
        rect = pl.view_rect_px()
        if x is None or rect is None:
            return None
        return self.viewport_to_canvas(QtCore.QPointF(x, rect.center().y() + rect.height() * 0.2))

    def point_pos(self, indicator_id: str, index: int) -> QtCore.QPointF | None:
        """Where a data point is drawn (canvas coordinates), if its plot is shown."""
        for pl in self.indicator_plots():
            if pl.has_indicator(indicator_id):
                vp = pl.point_px(indicator_id, index)
                return None if vp is None else self.viewport_to_canvas(vp)
        return None

    def tooltip_at(self, pos: QtCore.QPointF) -> str:
        """The tooltip shown when hovering ``pos`` (canvas coordinates); empty for none."""
        return self._hover.tooltip(self.canvas_to_viewport(pos))

    def update_hover(self, vp: QtCore.QPointF | None) -> None:
        """Move the crosshair and read-outs to ``vp`` (view-port pixels), or hide them (``None``)."""
        self._hover.update(vp)

    def placed_labels(self) -> list[tuple[str, QtCore.QRectF]]:
        """Event titles drawn on the timeline: (event id, rectangle in canvas coordinates)."""
        off = self.viewport_to_canvas(QtCore.QPointF(0, 0))
        return [(eid, r.translated(off)) for eid, r in self._timeline.placed_labels()]

    # -- state -> view ---------------------------------------------------------------------------------------
    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _on_chronology_changed(self, chron: Chronology) -> None:
        if not self._alive():
            return
        arrays = EventArrays.for_chronology(chron)
        self._timeline.set_chronology(chron, arrays)
        self._apply_lanes_and_filter()
        self._timeline.set_query(self._state.query)
        sel = self._state.selection
        self._timeline.set_selected(sel.event_id if sel else None)
        old_shown = list(self._shown)
        self._plots.renew(old_shown)  # made when first shown, reused for the next chronology
        groups = chron.plot_groups()
        self._groups = dict(groups)
        self._region_colors = region_color_map([i for _, inds in groups for i in inds])
        self._series_arrays = SeriesArrays.for_chronology(chron)
        self._selection_for_plots = sel
        kept = [k for k in old_shown if k in self._groups]
        self._shown = kept if kept else chron.default_plot_keys()[: self.DEFAULT_SHOWN_PLOTS]
        if self._render_mode:
            self._shown = list(self._groups)
        self._relayout()
        self._plots.trim()
        self._chooser.set_groups(list(self._groups), self._shown)
        self._lane_axis.update()
        self._ask_fit_room()

    def _plot(self, key: PlotKey) -> Plot:
        """The plot of group ``key``, made (or taken from the plots of a previous chronology) the
        first time it is asked for (:class:`~timeline_app.ui.plots.pool.PlotPool`)."""
        pl = self._plots.get(key)
        if pl is None:
            pl = self._plots.take(key, self._groups[key], self._region_colors, self._series_arrays)
            pl.set_colors(self._colors, self.font())
            pl.set_selection(self._selection_for_plots)
        return pl

    def _make_plot(self, key: PlotKey, inds: list[Indicator]) -> Plot:
        pl = PLOT_KINDS["indicators"](
            key, inds, self._timeline, self._region_colors, self.LANE_COLUMN_WIDTH, self._series_arrays
        )
        pl.markers.sigEventClicked.connect(self._on_event_clicked)
        pl.layer.sigPointClicked.connect(
            lambda k, index, pl=pl: self._on_point_clicked(pl.series[k].indicator.id, index)
        )
        pl.set_cached(not self._render_mode)
        return pl

    def apply_range(self, r: TimeRange) -> None:
        if not self._alive():
            return
        vb = self._tl_plot.getViewBox()
        self._applying_range = True
        try:
            vb.setXRange(r.start, r.end, padding=0)
            # the views' transforms now, not in the paint: pyqtgraph applies a new range in
            # prepareForPaint, and a transform changed while painting makes the scene paint the
            # whole view again once the paint is over (every pan of a held key or a drag was
            # painted twice)
            for plot in self.all_plot_items():
                plot.getViewBox().updateMatrix()
        finally:
            self._applying_range = False

    def _on_selection_changed(self, sel: Selection | None) -> None:
        if not self._alive():
            return
        self._timeline.set_selected(sel.event_id if sel else None)
        if sel is not None and sel.indicator_id is not None:
            for key, inds in self._groups.items():
                if any(i.id == sel.indicator_id for i in inds) and key not in self._shown:
                    self.set_shown_plots([*self._shown, key])
                    break
        self._selection_for_plots = sel
        for pl in self._plots.current():
            pl.set_selection(sel)

    def _on_filters_changed(self, *_: object) -> None:
        """Hidden lanes or the filters changed: the timeline, the lane names and the plots' event
        lines follow."""
        if not self._alive():
            return
        self._apply_lanes_and_filter()
        self._lane_axis.update()
        for pl in self._plots.current():
            pl.markers.update()

    def _apply_lanes_and_filter(self) -> None:
        """Hidden lanes and the filters to the timeline. A filter of lanes alone ("Lane: Transport")
        is drawn as the other lanes hidden: the zoomed-out view keeps its per-lane summaries (a mask
        by event makes it count the events let through one by one)."""
        st = self._state
        f = st.event_filter
        hidden = st.hidden_lanes
        mask: np.ndarray | None = None
        if f.active and f.categories and replace(f, categories=frozenset()) == EventFilter():
            hidden = hidden | {c.id for c in st.chronology.categories if c.id not in f.categories}
        elif f.active:
            mask = st.filter_mask()
        self._timeline.set_hidden_lanes(frozenset(hidden))
        self._timeline.set_event_mask(mask)

    def _on_query_changed(self, query: str) -> None:
        if not self._alive():
            return
        self._timeline.set_query(query)
        for pl in self._plots.current():
            pl.markers.update()

    # -- view -> state ---------------------------------------------------------------------------------------
    def _on_view_x_changed(self, vb: pg.ViewBox, rng: tuple[float, float]) -> None:
        if not self._alive():
            return
        lo, hi = float(rng[0]), float(rng[1])
        if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
            return
        self._state.set_range(lo, hi)

    def _on_event_clicked(self, event_id: str) -> None:
        self._state.select_event(event_id)

    def _on_zoom_requested(self, lo: float, hi: float) -> None:
        self._state.set_range(lo, hi)

    def _on_background_clicked(self) -> None:
        if self._state.selection is not None:
            self._state.clear_selection()

    def _on_lane_clicked(self, category_id: str) -> None:
        self._state.toggle_lane(category_id)

    def _on_point_clicked(self, indicator_id: str, index: int) -> None:
        self._state.select_point(indicator_id, index)

    # -- layout ----------------------------------------------------------------------------------------------
    def _relayout(self) -> None:
        wanted = [self._plot(k).plot for k in self._shown]
        current = [self._ci.getItem(row, 0) for row in range(1, len(wanted) + 1)]
        placed = [pl.plot for pl in self._plots.every() if pl.plot.scene() is not None]
        if current != wanted or len(placed) != len(wanted):  # the same plots in the same rows: kept
            for item in placed:
                self._ci.removeItem(item)
            for row, item in enumerate(wanted, start=1):
                self._ci.addItem(item, row=row, col=0)
        n = len(self._shown)
        for row, key in enumerate(self._shown, start=1):
            self._plot(key).set_date_axis(row == n)
        # one row of dates for the whole stack, at its foot (under the last plot); the timeline's
        # own axis keeps its tick marks above the plots
        self._time_axis.set_show_labels(n == 0)
        self._fit_rows()

    def row_heights(self, height: float) -> list[float]:
        """Heights of the timeline and of each shown plot for a canvas ``height`` pixels high: the
        plots share at most 40 % of it in the window, 50 % in an image (about
        :attr:`PLOT_PREFERRED_HEIGHT` each, never less than :attr:`PLOT_MIN_HEIGHT`, or 56 px in an
        image); the timeline takes the rest.
        The last plot also carries the date labels, so it gets their height on top."""
        n = len(self._shown)
        if n == 0:
            return [height]
        extra = max(self._time_axis.labelled_height() - TimeAxisItem.unlabelled_height(), 0.0)
        floor = 56.0 if self._render_mode else float(self.PLOT_MIN_HEIGHT)
        share = 0.5 if self._render_mode else 0.4
        each = min(self.PLOT_PREFERRED_HEIGHT, max((height * share - extra) / n, floor))
        plots = each * n + extra
        timeline = max(height - plots, 120.0)
        return [timeline] + [each] * (n - 1) + [each + extra]

    def _fit_rows(self) -> None:
        lay = self._ci.layout
        _, top, _, bottom = self._ci.getContentsMargins()
        h = self._glw.viewport().height() - top - bottom
        heights = self.row_heights(float(max(h, 200)))
        for row, rh in enumerate(heights):
            lay.setRowFixedHeight(row, rh)
        for row in range(len(heights), len(heights) + 40):
            lay.setRowFixedHeight(row, 0)

    def _on_timeline_resized(self, *_: object) -> None:
        self._lane_axis.update()
        self._ask_fit_room()

    def _ask_fit_room(self) -> None:
        """Tell the state how much room the end titles need at this width (the full view keeps it)."""
        width = self._tl_plot.getViewBox().width()
        if width > 1:
            left, right = self._timeline.end_title_room(width)
            # a long title is not worth a fifth of the view: past this it goes left of its event
            # or above it, as anywhere else
            cap = self.FIT_ROOM_SHARE * width
            self._state.set_fit_room(min(left, cap), min(right, cap), width)

    # -- palette and fonts -----------------------------------------------------------------------------------
    def changeEvent(self, ev: QtCore.QEvent) -> None:
        t = ev.type()
        if t in (QtCore.QEvent.Type.PaletteChange, QtCore.QEvent.Type.ApplicationPaletteChange):
            self._apply_palette()
        elif t in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.ApplicationFontChange):
            self._apply_font()
            self._apply_palette()
        elif t == QtCore.QEvent.Type.LanguageChange:
            retranslate_time_axes()  # month names and date patterns on the axes
        super().changeEvent(ev)

    def colors(self) -> CanvasColors:
        return self._colors

    def _apply_font(self) -> None:
        font = self.font()
        self._timeline.set_font(font)
        small = QtGui.QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.9, 6.0))
        self._time_axis.set_font(small)
        self._hover.set_font(small)

    def _apply_palette(self) -> None:
        c = CanvasColors.from_palette(self.palette())
        self._colors = c
        self._glw.setBackground(c.background)
        fg = c.foreground
        self._timeline.set_colors(c)
        for ax in (self._time_axis, self._lane_axis):
            ax.setPen(pg.mkPen(with_alpha(fg, 0.6)))
            ax.setTextPen(pg.mkPen(fg))
        self._time_axis.picture = None
        self._time_axis.update()
        self._lane_axis.update()
        self._hover.set_colors(c)
        for pl in self._plots.every():
            pl.set_colors(c, self.font())

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self._glw.viewport() and ev.type() == QtCore.QEvent.Type.Resize:
            self._fit_rows()
        return super().eventFilter(obj, ev)

    # -- tests and diagnostics -------------------------------------------------------------------------------
    def view_x_ranges(self) -> list[tuple[float, float]]:
        """The X range of every shown plot item (timeline first)."""
        return [tuple(map(float, p.getViewBox().viewRange()[0])) for p in self.all_plot_items()]  # type: ignore[misc]


__all__ = ["ChronologyCanvas", "PlotKey"]
