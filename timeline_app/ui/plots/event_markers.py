"""Every event as a thin vertical line in its lane colour, on each indicator plot, in ONE item.

A line runs the full height of the plot, so the whole picture is one row of pixels stretched
vertically: :class:`EventMarkersItem` composes that row in numpy from the events counted per lane
and pixel column (:meth:`TimelineItem.anchor_columns`, made once per frame for all the plots) and
draws it with one ``drawImage``. Lanes are composed in order, the lines of events matching the
search strong and the others faint, exactly as drawing each line over the last would. Where the
lines crowd (many lanes in every column, as when a million events are zoomed out), they are made
fainter so that the plot stays readable: the row's total ink stays about what one lane's would be.

The calendar grid of the plot (the time axis's ticks, the timeline's grid lines) is composed
into the same row, over the event lines (as the axis drew it before): a plot draws its grid and
all its event lines in ONE ``drawImage``, and every plot of the frame stamps the same row (made
once). A plot whose own time axis is hidden (every plot but the bottom one: their dates are read
on the axis at the bottom) also gets a one-pixel baseline here, where its axis line was.

The selected event's line is emphasised, and a click near a line selects that event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

import numpy as np
import shiboken6
from PySide6 import QtCore, QtGui

from timeline_app.ui.drawing.palette import with_alpha
from timeline_app.ui.drawing.pan_strip import PanStrip
from timeline_app.ui.drawing.view_item import ViewSizedItem
from timeline_app.ui.timeline.item import TimelineItem

if TYPE_CHECKING:
    from timeline_app.ui.plots.series_item import SeriesLayer

LINE_ALPHA = 0.38  # a line of an event (matching the search, when there is one)
DIM_ALPHA = 0.12  # a line of an event that does not match the search
MIN_CROWD_FACTOR = 0.12  # crowded lines are made fainter, down to this factor


def compose_row(
    colors: list[QtGui.QColor],
    count: np.ndarray,
    matches: np.ndarray,
    searching: bool,
    over: Sequence[tuple[np.ndarray, QtGui.QColor]] = (),
) -> np.ndarray:
    """One row of premultiplied BGRA pixels (uint8, shape (columns, 4)) with a line for each
    occupied (lane, column); ``count``/``matches`` have shape (lanes, columns). ``over``: lines
    (columns, colour) composed last, over the events' (the grid)."""
    n_lanes, ncol = count.shape
    layers: list[tuple[int, float, np.ndarray]] = []
    for k in range(n_lanes):
        if searching:
            layers.append((k, LINE_ALPHA, matches[k] > 0))
            layers.append((k, DIM_ALPHA, (count[k] - matches[k]) > 0))
        else:
            layers.append((k, LINE_ALPHA, count[k] > 0))
    occupied = sum(int(m.sum()) for _, _, m in layers)
    factor = 1.0 if occupied <= ncol else max(ncol / occupied, MIN_CROWD_FACTOR)
    out = np.zeros((ncol, 4))  # premultiplied r, g, b, a in 0..1
    for k, alpha, mask in layers:
        if not mask.any():
            continue
        c = colors[k]
        a = alpha * factor * c.alphaF()
        src = np.array([c.redF() * a, c.greenF() * a, c.blueF() * a, a])
        out[mask] = src + out[mask] * (1.0 - a)
    for cols, color in over:
        a = color.alphaF()
        src = np.array([color.redF() * a, color.greenF() * a, color.blueF() * a, a])
        out[cols] = src + out[cols] * (1.0 - a)
    bgra = np.empty((ncol, 4), dtype=np.uint8)
    bgra[:, 0] = np.rint(out[:, 2] * 255)
    bgra[:, 1] = np.rint(out[:, 1] * 255)
    bgra[:, 2] = np.rint(out[:, 0] * 255)
    bgra[:, 3] = np.rint(out[:, 3] * 255)
    return bgra


class EventMarkersItem(ViewSizedItem):
    """Every visible event as a thin vertical line in its lane colour (see the module docstring).

    It follows the timeline item's data, hidden lanes, selection and search (it reads them from
    the :class:`TimelineItem` it is given). ``sigEventClicked`` is emitted for a click within
    ``HIT_PX`` pixels of a line; other clicks pass through to the plot.
    """

    sigEventClicked = QtCore.Signal(str)
    HIT_PX = 4.0
    MARGIN = 4  # columns drawn beyond each side of the view

    def __init__(self, timeline: TimelineItem) -> None:
        super().__init__()
        self._timeline = timeline
        self._baseline = False
        self._layer: SeriesLayer | None = None
        self._strip_y = (1.0, 0.0)
        self._strip = PanStrip(self._render_strip, self._strip_settled, self._alive)
        self.setZValue(-5)

    def set_baseline(self, on: bool) -> None:
        """Draw a one-pixel line along the bottom (the plot's time axis is hidden)."""
        if on != self._baseline:
            self._baseline = on
            self.update()

    def grid_columns(self, left: float, width: float, sx: float, tx: float) -> tuple[np.ndarray, np.ndarray]:
        """Columns of the row (see :meth:`row_image`) of the minor and major grid lines: the
        calendar ticks the timeline's axis gives for this view, at the pixels the timeline draws
        its own grid lines on."""
        source = self._timeline.ticks_source()
        z = np.empty(0, dtype=np.int64)
        if source is None or width <= 0 or sx <= 0:
            return z, z
        ticks = source((left - tx) / sx, (left + width - tx) / sx, width)
        major_days = {t.day for t in ticks.major}
        minor = np.array([t.day for t in ticks.minor if t.day not in major_days], dtype=np.float64)
        major = np.array(sorted(major_days), dtype=np.float64)
        ncol = int(width) + 2 * self.MARGIN
        out = []
        for days in (minor, major):
            cols = np.floor(days * sx + tx - left).astype(np.int64) + self.MARGIN
            out.append(cols[(cols >= 0) & (cols < ncol)])
        return out[0], out[1]

    def row_image(self, left: float, width: float, sx: float, tx: float) -> QtGui.QImage:
        """The row of grid and event lines for this view (see the module docstring), ``width + 2 *
        MARGIN`` wide, column ``c`` at pixel ``left - MARGIN + c``."""
        tl = self._timeline
        c = tl.colors()
        colors_key = (*(col.rgba() for col in tl.lane_colors()), c.grid.rgba(), c.grid_major.rgba())
        key = (left, width, sx, tx, tl.version(), colors_key, id(tl.ticks_source()))
        shared = tl.shared_cache("marker-row")
        if shared.get("key") == key:
            return cast(QtGui.QImage, shared["image"])
        lanes, count, matches = tl.anchor_columns(left, width, sx, tx, self.MARGIN)
        minor, major = self.grid_columns(left, width, sx, tx)
        over = [(minor, c.grid), (major, c.grid_major)]
        colors = [tl.lane_qcolor(ln) for ln in lanes]
        ncol = count.shape[1]
        if len(lanes):
            bgra = compose_row(colors, count, matches, tl.match_window().active, over)
        else:
            bgra = compose_row([], np.zeros((0, ncol), dtype=np.int64), np.zeros((0, ncol)), False, over)
        img = QtGui.QImage(bgra.tobytes(), ncol, 1, ncol * 4, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        img = img.copy()  # own the pixels
        shared["key"] = key
        shared["image"] = img
        return img

    def draw_with(self, layer: SeriesLayer) -> None:
        """Also draw ``layer`` (the plot's series, above these lines) into the strip that pans are
        drawn from (see :mod:`timeline_app.ui.drawing.pan_strip`): a pan that continues a movement
        then copies one image for both."""
        self._layer = layer
        layer.drawn_by(self)

    def _strip_version(self, sy: float, ty: float) -> tuple[object, ...]:
        """What the strip's pixels depend on besides the range."""
        tl = self._timeline
        c = tl.colors()
        layer = self._layer
        return (
            tl.version(),
            id(tl.ticks_source()),
            tuple(col.rgba() for col in tl.lane_colors()),
            c.grid.rgba(),
            c.grid_major.rgba(),
            c.foreground.rgba(),
            c.selection.rgba(),
            self._baseline,
            layer.version() if layer is not None else None,
            round(sy, 9),
            round(ty, 6),
        )

    def shown_from_strip(self, rect: QtCore.QRectF, tx: float, sy: float, ty: float) -> bool:
        """Whether this frame of the view ``rect`` was drawn from the strip (the series with it)."""
        return self._strip.shown_at(rect, tx, self._strip_version(sy, ty))

    def strips_made(self) -> int:
        """How many pan strips were painted (for tests and benchmarks)."""
        return self._strip.strips_made

    def _render_strip(self, p: QtGui.QPainter, rect: QtCore.QRectF, sx: float, tx: float) -> None:
        self.paint_view(p, rect, sx, tx)
        if self._layer is not None:
            self._layer.paint_view(p, rect, sx, tx, *self._strip_y)

    def _strip_settled(self) -> None:
        self.update()
        if self._layer is not None and shiboken6.isValid(self._layer):
            self._layer.update()

    def _alive(self) -> bool:
        layer = self._layer
        return (
            shiboken6.isValid(self)
            and self.getViewBox() is not None
            and (layer is None or shiboken6.isValid(layer))
        )

    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        dt = self._device_transform()
        vr = self.viewRect()
        if dt is None or vr is None:
            return
        inv, ok = dt.inverted()
        if not ok:
            return
        rect = dt.mapRect(vr)
        sx, tx = dt.m11(), dt.m31()
        self._strip_y = (dt.m22(), dt.m32())
        c = self._timeline.colors()
        device = p.device()
        dpr = float(device.devicePixelRatioF()) if device is not None else 1.0
        background = c.background if self._timeline.backdrop_is(c.background) else None
        p.save()
        try:
            p.setTransform(inv * p.transform())
            version = self._strip_version(*self._strip_y)
            if not self._strip.draw(p, rect, sx, tx, version, dpr, background):
                self.paint_view(p, rect, sx, tx)
        finally:
            p.restore()

    def paint_view(self, p: QtGui.QPainter, rect: QtCore.QRectF, sx: float, tx: float) -> None:
        """The lines for the view-port rectangle ``rect`` (``p`` in view-port pixels)."""
        tl = self._timeline
        a = tl.arrays()
        c = tl.colors()
        p.save()
        try:
            p.setClipRect(rect)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
            p.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, False)
            img = self.row_image(rect.left(), rect.width(), sx, tx)
            x0 = rect.left() - self.MARGIN
            p.drawImage(QtCore.QRectF(x0, rect.top(), img.width(), rect.height()), img)
            if self._baseline:
                y = np.floor(rect.bottom()) - 1.0
                p.fillRect(QtCore.QRectF(rect.left(), y, rect.width(), 1.0), with_alpha(c.foreground, 0.6))
            sel = tl.selected_index()
            if sel >= 0 and tl.event_shown(sel):
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
        dt = self._device_transform()
        if dt is None:
            return -1
        sx, tx = dt.m11(), dt.m31()
        tl = self._timeline
        a = tl.arrays()
        hidden = tl.hidden_lanes_mask()
        sel = tl.selected_index()
        if sel >= 0:
            xs = a.anchor[sel] * sx + tx
            if abs(xs - x_px) <= self.HIT_PX and tl.event_shown(sel):
                return sel
        # only the events anchored within reach of the pointer
        lo = (x_px - self.HIT_PX - 1 - tx) / sx
        hi = (x_px + self.HIT_PX + 1 - tx) / sx
        i0, i1 = a.visible_range(lo, hi)
        idx = np.arange(i0, i1)
        anch = a.anchor[idx]
        near = (anch >= lo) & (anch <= hi)
        if len(hidden):
            near &= ~hidden[a.lane[idx]]
        shown = tl.event_mask()
        if shown is not None:
            near &= shown[idx]
        idx = idx[near]
        if not len(idx):
            return -1
        d = np.abs(a.anchor[idx] * sx + tx - x_px)
        j = int(np.argmin(d))
        return int(idx[j]) if d[j] <= self.HIT_PX else -1

    def event_x(self, event_id: str) -> float | None:
        dt = self._device_transform()
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
