"""Pans drawn from a strip wider than the view (issue 18).

A pan moves the lanes sideways and changes nothing else, so while the user keeps panning (a key
held down, a drag) the timeline does not lay out and paint every frame anew: it lays out and paints
once a *strip* three views wide, the view in its middle, into an image, and each pan that follows
draws that image shifted (a copy of pixels, a fraction of a millisecond). When the view reaches the
strip's end a new strip is made around it. The row of era names at the top, whose titles stay
pinned to the view's left edge, is painted exactly at every frame over the image.

The strip is laid out for its own width, so the titles and clusters near the view's edges can
differ from those of a frame laid out for the view alone, and the image is drawn at whole pixels;
so once the panning stops (:data:`SETTLE_MS` without a pan), the exact frame is painted, the same
pixels as before this strip existed. A lone pan (the first of a movement) is painted exactly too:
the strip is for movements, where frames follow each other.

While the strip is shown, hit-testing answers from the strip's layout, shifted: what is under the
pointer is what the user sees.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6 import QtCore, QtGui

from timeline_app.ui.timeline.frame import Frame

PAN_CHAIN_S = 0.25  # a pan painted within this long of the previous one continues a movement
SETTLE_MS = 150  # this long after the last pan of a movement, the exact frame is painted
STRIP_VIEWS = 3  # the strip is this many views wide


@dataclass(frozen=True)
class _Geometry:
    """What must not change for a strip to be reused: everything but the horizontal offset."""

    top: float
    left: float
    width: float
    height: float
    version: int
    dpr: float
    background: int


@dataclass
class _Last:
    geometry: _Geometry
    sx: float
    tx: float
    when: float
    was_pan: bool


def _place(rect: QtCore.QRectF) -> tuple[float, float, float, float]:
    """Top, left, width and height of a view rectangle, without the last bits of float noise (a
    pan changes the view's width by 1e-13 pixels)."""
    return (round(rect.top(), 6), round(rect.left(), 6), round(rect.width(), 6), round(rect.height(), 6))


def _same_scale(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


class PanStrip:
    """The strip of one timeline item (see the module docstring).

    ``layout(rect, sx, tx)`` lays out a frame for a rectangle of view-port pixels (the item's
    :func:`~timeline_app.ui.timeline.layout.layout_frame`); ``paint(p, frame)`` paints one (the
    item's :class:`~timeline_app.ui.timeline.paint.TimelinePainter`); ``header(p, frame)`` paints
    the header row of one; ``settled()`` is called once a movement has stopped (the item repaints).
    """

    def __init__(
        self,
        layout: Callable[[QtCore.QRectF, float, float], Frame],
        paint: Callable[[QtGui.QPainter, Frame], None],
        header: Callable[[QtGui.QPainter, Frame], None],
        settled: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._layout = layout
        self._paint = paint
        self._header = header
        self._clock = clock
        self._image: QtGui.QImage | None = None
        self._frame: Frame | None = None
        self._geometry: _Geometry | None = None
        self._sx = 0.0
        self._tx0 = 0.0
        self._last: _Last | None = None
        self._showing = False
        self._shown: tuple[_Geometry, float] | None = None
        self._view_frame: tuple[float, Frame] | None = None
        self.strips_made = 0  # for tests and benchmarks: how many strips were laid out and painted
        self._timer = QtCore.QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settle)
        self._settled = settled

    def drop(self) -> None:
        """Forget the strip (the data, the colours or the fonts changed)."""
        self._image = None
        self._frame = None
        self._geometry = None
        self._showing = False
        self._view_frame = None

    def showing(self) -> bool:
        """Whether the last paint came from the strip (hit-testing then asks :meth:`view_frame`)."""
        return self._showing

    def _settle(self) -> None:
        if self._showing:
            self._settled()

    def draw(
        self,
        p: QtGui.QPainter,
        rect: QtCore.QRectF,
        sx: float,
        tx: float,
        version: int,
        dpr: float,
        background: QtGui.QColor | None,
    ) -> bool:
        """Paint the view ``rect`` (view-port pixels; ``sx``, ``tx`` map days to them) from the strip
        if this paint continues a pan, and say whether it did. ``background`` is the opaque colour
        behind the item (None: not known to be opaque, never drawn from a strip)."""
        now = self._clock()
        geometry = _Geometry(*_place(rect), version, dpr, background.rgba() if background is not None else -1)
        last = self._last
        pan = (
            background is not None
            and last is not None
            and last.geometry == geometry
            and _same_scale(last.sx, sx)
            and tx != last.tx
        )
        chained = pan and last is not None and last.was_pan and now - last.when < PAN_CHAIN_S
        self._last = _Last(geometry, sx, tx, now, pan)
        if not chained or background is None:
            self._showing = False
            self._view_frame = None
            return False
        margin = rect.width() * (STRIP_VIEWS - 1) / 2
        usable = (
            self._image is not None
            and self._geometry == geometry
            and _same_scale(self._sx, sx)
            and abs(tx - self._tx0) <= margin
        )
        if not usable:
            self._make(rect, sx, tx, geometry, background, margin)
        assert self._image is not None and self._frame is not None
        view = self.view_frame(rect, tx)
        lanes_top = view.lanes[0].top if view.lanes else 0.0
        p.save()
        try:
            # the lanes from the image, at whole pixels (its pixels land on the screen's as they
            # were painted); the header row, whose era titles keep to the view's edge, painted
            p.setClipRect(
                QtCore.QRectF(rect.left(), rect.top() + lanes_top, rect.width(), rect.height() - lanes_top)
            )
            p.drawImage(
                QtCore.QPointF(self._frame.rect.left() + round(tx - self._tx0), rect.top()), self._image
            )
            p.setClipRect(QtCore.QRectF(rect.left(), rect.top(), rect.width(), lanes_top))
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            self._header(p, view)
        finally:
            p.restore()
        self._showing = True
        self._shown = (geometry, tx)
        self._timer.start()
        return True

    def frame_for(self, rect: QtCore.QRectF, tx: float, version: int) -> Frame | None:
        """The strip's layout as shown, if the last paint came from the strip and the view is still
        the one painted (hit-testing then answers from it), else None."""
        if not self._showing or self._shown is None:
            return None
        geometry, shown_tx = self._shown
        if (
            shown_tx != tx
            or geometry.version != version
            or _place(rect) != (geometry.top, geometry.left, geometry.width, geometry.height)
        ):
            return None
        return self.view_frame(rect, tx)

    def _make(
        self,
        rect: QtCore.QRectF,
        sx: float,
        tx: float,
        geometry: _Geometry,
        background: QtGui.QColor,
        margin: float,
    ) -> None:
        strip = QtCore.QRectF(rect.left() - margin, rect.top(), rect.width() + 2 * margin, rect.height())
        frame = self._layout(strip, sx, tx)
        w = max(1, math.ceil(strip.width() * geometry.dpr))
        h = max(1, math.ceil(strip.height() * geometry.dpr))
        image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(geometry.dpr)
        image.fill(background)
        q = QtGui.QPainter(image)
        try:
            q.translate(-strip.left(), -strip.top())
            q.setClipRect(strip)
            q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            q.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            self._paint(q, frame)
        finally:
            q.end()
        self._image = image
        self._frame = frame
        self._geometry = geometry
        self._sx = sx
        self._tx0 = tx
        self._view_frame = None
        self.strips_made += 1

    def view_frame(self, rect: QtCore.QRectF, tx: float) -> Frame:
        """The strip's layout where the view shows it (shifted as drawn, cut to ``rect``)."""
        cached = self._view_frame
        if cached is not None and cached[0] == tx and cached[1].rect == rect:
            return cached[1]
        assert self._frame is not None
        out = self._frame.shifted(float(round(tx - self._tx0)), rect)
        self._view_frame = (tx, out)
        return out


__all__ = ["PAN_CHAIN_S", "SETTLE_MS", "STRIP_VIEWS", "PanStrip"]
