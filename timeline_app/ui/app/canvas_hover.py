"""What the pointer shows over the canvas: the crosshair on the timeline and every plot, the date
under the cursor (over the timeline and in the strip under the canvas), plots' value read-outs,
the pointing hand over anything clickable, and tooltips.

:class:`CanvasHover` works through the public accessors of its :class:`HoverHost` (the canvas);
it owns the crosshair line and the date panel it adds to the timeline's plot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.model.dates import civil_from_days
from timeline_app.model.view_state import ViewState
from timeline_app.text import format_short_date, year_label
from timeline_app.ui.drawing.palette import CanvasColors
from timeline_app.ui.plots.overlays import OverlayText
from timeline_app.ui.plots.protocol import Plot
from timeline_app.ui.timeline.frame import Hit
from timeline_app.ui.timeline.item import TimelineItem
from timeline_app.ui.timeline.lane_axis import LaneAxisItem


def cursor_date_text(day: float, span: float) -> str:
    """The date under the cursor, as precise as the zoom makes meaningful."""
    y, m, d = civil_from_days(math.floor(day))
    if span > 366 * 40:
        return year_label(y)
    if span > 400:
        return format_short_date(y, m)
    text = format_short_date(y, m, d)
    if span < 4:
        minutes = int((day - math.floor(day)) * 24 * 60)
        text += f" {minutes // 60:02d}:{minutes % 60:02d}"
    return text


def plot_at(plots: Sequence[Plot], vp: QtCore.QPointF) -> Plot | None:
    """The shown plot whose data area holds ``vp`` (view-port pixels)."""
    for pl in plots:
        rect = pl.view_rect_px()
        if rect is not None and rect.contains(vp):
            return pl
    return None


class HoverHost(Protocol):
    """What the hover needs of the canvas."""

    def state(self) -> ViewState: ...
    def timeline_plot(self) -> pg.PlotItem: ...
    def timeline_item(self) -> TimelineItem: ...
    def lane_axis(self) -> LaneAxisItem: ...
    def graphics_view(self) -> pg.GraphicsLayoutWidget: ...
    def indicator_plots(self) -> list[Plot]: ...
    def colors(self) -> CanvasColors: ...


class CanvasHover(QtCore.QObject):
    """Crosshair, date read-outs and tooltips of a :class:`HoverHost`, following the mouse over its
    view-port (rate-limited to 60 moves a second) until :meth:`set_enabled` turns it off."""

    def __init__(self, host: HoverHost, cursor_label: QtWidgets.QLabel) -> None:
        super().__init__(host.graphics_view())
        self._host = host
        self._label = cursor_label
        self._enabled = True
        glw = host.graphics_view()
        self._glw = glw
        tl_plot = host.timeline_plot()
        self._crosshair = pg.InfiniteLine(angle=90, movable=False)
        self._crosshair.setZValue(50)
        self._crosshair.hide()
        tl_plot.addItem(self._crosshair, ignoreBounds=True)
        self._overlay = OverlayText(tl_plot.getViewBox(), panel=True)
        self._overlay.hide()
        self._viewport: QtWidgets.QWidget = glw.viewport()
        self._viewport.setMouseTracking(True)
        self._viewport.installEventFilter(self)
        self._proxy = pg.SignalProxy(glw.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved)

    def set_enabled(self, on: bool) -> None:
        """Off (for images): nothing follows the mouse."""
        self._enabled = on
        if not on:
            self.update(None)

    def set_colors(self, c: CanvasColors) -> None:
        self._crosshair.setPen(pg.mkPen(c.crosshair, width=1, style=QtCore.Qt.PenStyle.DashLine))
        self._overlay.set_panel_colors(c.panel, c.separator)

    def set_font(self, font: QtGui.QFont) -> None:
        self._overlay.set_font(font)

    # -- what is under the pointer ---------------------------------------------------------------------------
    def tooltip(self, vp: QtCore.QPointF) -> str:
        """The tooltip at ``vp`` (view-port pixels): an event, a cluster, a lane name, a data point
        or an event's line on a plot; empty for none."""
        timeline = self._host.timeline_item()
        hit = timeline.hit(vp)
        if hit is not None:
            return timeline.tooltip(hit)
        scene = self._glw.mapToScene(vp.toPoint())
        lanes = self._host.lane_axis()
        if lanes.sceneBoundingRect().contains(scene):
            return lanes.tooltip_at(lanes.mapFromScene(scene).y())
        pl = plot_at(self._host.indicator_plots(), vp)
        if pl is not None:
            pt = pl.point_at(vp)
            if pt is not None:
                return pl.point_tooltip(*pt)
            i = pl.markers.event_near(vp.x())
            if i >= 0:
                return timeline.tooltip(Hit("event", i))
        return ""

    def update(self, vp: QtCore.QPointF | None) -> None:
        """Move the crosshair and read-outs to ``vp`` (view-port pixels), or hide them (``None``)."""
        tl_vb = self._host.timeline_plot().getViewBox()
        plots = self._host.indicator_plots()
        inside = False
        day = 0.0
        if vp is not None:
            scene = self._glw.mapToScene(vp.toPoint())
            tl_rect = tl_vb.sceneBoundingRect()
            if tl_rect.left() <= scene.x() <= tl_rect.right():
                inside = tl_rect.contains(scene) or plot_at(plots, vp) is not None
                day = float(tl_vb.mapSceneToView(scene).x())
        viewport = self._viewport
        if not inside or vp is None:
            self._crosshair.hide()
            self._overlay.hide()
            for pl in plots:
                pl.show_crosshair(None)
            self._label.setText("")
            viewport.unsetCursor()
            return
        text = cursor_date_text(day, self._host.state().range.span)
        self._crosshair.setPos(day)
        self._crosshair.show()
        self._label.setText(text)
        self._overlay.set_lines([(text, self._host.colors().foreground, True)])
        x_local = tl_vb.mapFromView(QtCore.QPointF(day, 0)).x()
        width = self._overlay.size().width()
        x = x_local + 6 if x_local + 6 + width < tl_vb.width() else x_local - 6 - width
        self._overlay.setPos(x, 1)
        self._overlay.show()
        for pl in plots:
            pl.show_crosshair(day)
        if self.tooltip(vp):
            viewport.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        else:
            if QtWidgets.QToolTip.isVisible():
                QtWidgets.QToolTip.hideText()
            viewport.unsetCursor()

    # -- events ----------------------------------------------------------------------------------------------
    def _on_mouse_moved(self, args: tuple) -> None:  # type: ignore[type-arg]
        if not self._enabled or not shiboken6.isValid(self._glw):
            return
        self.update(QtCore.QPointF(self._glw.mapFromScene(args[0])))

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        viewport = self._viewport
        if obj is viewport:
            if ev.type() == QtCore.QEvent.Type.ToolTip and isinstance(ev, QtGui.QHelpEvent):
                tip = self.tooltip(QtCore.QPointF(ev.pos()))
                if tip:
                    # the tip goes away as soon as the mouse leaves the few pixels around it
                    near = QtCore.QRect(ev.pos() - QtCore.QPoint(3, 3), QtCore.QSize(7, 7))
                    QtWidgets.QToolTip.showText(ev.globalPos(), tip, viewport, near)
                else:
                    QtWidgets.QToolTip.hideText()
                    ev.ignore()
                return True
            if ev.type() == QtCore.QEvent.Type.Leave:
                self.update(None)
        return super().eventFilter(obj, ev)
