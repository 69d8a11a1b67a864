"""Pans drawn from a strip wider than the view (issue 18).

A pan moves what a layer draws sideways and changes nothing else, so while the user keeps panning
(a key held down, a drag) a layer need not lay out and paint every frame anew: it paints once a
*strip* three views wide, the view in its middle, into an image, and each pan that follows draws
that image shifted, a copy of pixels. When the view nears the strip's end a new strip is made
around it.

A strip is laid out for its own width, so what depends on the view's edges (a title kept inside the
view, clusters formed from the view's left edge, how faint crowded lines are made) can differ from
a frame laid out for the view alone, and the image is drawn at whole pixels; so once the panning
stops (:data:`SETTLE_MS` without a pan) the exact frame is painted, the same pixels as without a
strip. A lone pan (the first of a movement) is painted exactly too: the strip is for movements,
where frames follow each other.

The layer gives :class:`PanStrip` a ``render(painter, rect, sx, tx)`` that paints it for any
rectangle of view-port pixels (``sx`` and ``tx`` map days to those pixels) and returns what it laid
out (kept as :attr:`PanStrip.laid_out`), and a ``settled()`` that repaints it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6 import QtCore, QtGui

PAN_CHAIN_S = 0.25  # a pan painted within this long of the previous one continues a movement
SETTLE_MS = 150  # this long after the last pan of a movement, the exact frame is painted
STRIP_VIEWS = 3  # a strip is this many views wide


@dataclass(frozen=True)
class Geometry:
    """What must not change for a strip to be reused: everything but the horizontal offset."""

    top: float
    left: float
    width: float
    height: float
    version: object
    dpr: float
    background: int


@dataclass
class _Last:
    geometry: Geometry
    sx: float
    tx: float
    when: float
    was_pan: bool


def place(rect: QtCore.QRectF) -> tuple[float, float, float, float]:
    """Top, left, width and height of a view rectangle without the last bits of float noise (a pan
    changes the view's width by 1e-13 pixels)."""
    return (round(rect.top(), 6), round(rect.left(), 6), round(rect.width(), 6), round(rect.height(), 6))


def _same_scale(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


class PanStrip:
    """The strip of one layer (see the module docstring)."""

    def __init__(
        self,
        render: Callable[[QtGui.QPainter, QtCore.QRectF, float, float], object],
        settled: Callable[[], None],
        alive: Callable[[], bool] = lambda: True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._render = render
        self._settled = settled
        self._alive = alive  # whether the layer still exists (its timers may outlive it)
        self._clock = clock
        self._image: QtGui.QImage | None = None
        self.laid_out: object = None  # what ``render`` returned for the current strip
        self._geometry: Geometry | None = None
        self._origin = QtCore.QPointF()
        self._sx = 0.0
        self._tx0 = 0.0
        self._last: _Last | None = None
        self._shown: tuple[Geometry, float] | None = None  # the view last drawn from the strip
        self.strips_made = 0  # for tests and benchmarks: how many strips were painted
        self._timer = QtCore.QTimer()
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settle)
        # the next strip, made in the time between two steps of a movement (a held key repeats
        # every 30 ms or so) once the view is past half the margin: the step that would have made
        # it is a copy too
        self._ahead = QtCore.QTimer()
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._make_ahead)
        self._pending: tuple[QtCore.QRectF, float, float, Geometry, QtGui.QColor, float] | None = None

    def drop(self) -> None:
        """Forget the strip (the data, the colours or the fonts changed)."""
        self._image = None
        self.laid_out = None
        self._geometry = None
        self._shown = None
        self._pending = None

    def shown_at(self, rect: QtCore.QRectF, tx: float, version: object) -> bool:
        """Whether the last paint came from the strip, for this very view (``rect``, ``tx``, the
        layer's ``version``): hit-tests then answer from what the strip shows."""
        if self._shown is None:
            return False
        geometry, shown_tx = self._shown
        return (
            shown_tx == tx
            and geometry.version == version
            and place(rect) == (geometry.top, geometry.left, geometry.width, geometry.height)
        )

    def offset(self, tx: float) -> float:
        """How far the strip is drawn from where it was painted, at view offset ``tx``: whole device
        pixels (a screen may have 1.5 of them to a pixel)."""
        dpr = self._geometry.dpr if self._geometry is not None else 1.0
        return round((tx - self._tx0) * dpr) / dpr

    def _settle(self) -> None:
        if self._shown is not None and self._alive():
            self._settled()

    def draw(
        self,
        p: QtGui.QPainter,
        rect: QtCore.QRectF,
        sx: float,
        tx: float,
        version: object,
        dpr: float,
        background: QtGui.QColor | None,
        clip: QtCore.QRectF | None = None,
    ) -> bool:
        """Paint the view ``rect`` (view-port pixels, ``p`` in them; ``sx``, ``tx`` map days to
        them) from the strip if this paint continues a pan, and say whether it did. ``version``
        changes whenever anything but the range changes what the layer draws; ``background`` is the
        opaque colour behind the layer (None: not known to be opaque, never drawn from a strip);
        ``clip``: the part of the view to draw from the strip (the whole view by default)."""
        if dpr != round(dpr):
            # a screen of 1.5 device pixels to a pixel: a view port's pixels do not all fall on
            # the device's grid the same way twice, and an image shifted by whole device pixels
            # does not show what the exact frame shows; such screens get exact frames
            background = None
        now = self._clock()
        geometry = Geometry(*place(rect), version, dpr, background.rgba() if background is not None else -1)
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
            self._shown = None
            return False
        margin = math.floor(rect.width() * (STRIP_VIEWS - 1) / 2)
        if not (
            self._image is not None
            and self._geometry == geometry
            and _same_scale(self._sx, sx)
            and abs(tx - self._tx0) <= margin
        ):
            self._make(rect, sx, tx, geometry, background, margin)
        assert self._image is not None
        p.save()
        try:
            p.setClipRect(clip if clip is not None else rect)
            # at whole pixels: the image's pixels land on the screen's as they were painted
            p.drawImage(QtCore.QPointF(self._origin.x() + self.offset(tx), self._origin.y()), self._image)
        finally:
            p.restore()
        self._shown = (geometry, tx)
        self._timer.start()
        if abs(tx - self._tx0) > margin / 2:
            self._pending = (QtCore.QRectF(rect), sx, tx, geometry, QtGui.QColor(background), margin)
            self._ahead.start()
        return True

    def _make_ahead(self) -> None:
        """Make the strip around the view last drawn from the old one, if it is still shown."""
        pending, self._pending = self._pending, None
        if pending is None or self._shown is None or self._shown != (pending[3], pending[2]):
            return
        if not self._alive():
            return
        self._make(*pending)

    def _make(
        self,
        rect: QtCore.QRectF,
        sx: float,
        tx: float,
        geometry: Geometry,
        background: QtGui.QColor,
        margin: float,
    ) -> None:
        strip = QtCore.QRectF(rect.left() - margin, rect.top(), rect.width() + 2 * margin, rect.height())
        # the image's pixels on the screen's pixel grid (a view may begin at a fraction of a
        # pixel): shapes land on the same sub-pixel positions as when painted on the screen
        dpr = geometry.dpr
        origin = QtCore.QPointF(math.floor(strip.left() * dpr) / dpr, math.floor(strip.top() * dpr) / dpr)
        image = QtGui.QImage(
            max(1, math.ceil((strip.right() - origin.x()) * dpr)),
            max(1, math.ceil((strip.bottom() - origin.y()) * dpr)),
            QtGui.QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(dpr)
        image.fill(background)
        q = QtGui.QPainter(image)
        try:
            q.translate(-origin.x(), -origin.y())
            q.setClipRect(strip)
            self.laid_out = self._render(q, strip, sx, tx)
        finally:
            q.end()
        self._image = image
        self._origin = origin
        self._geometry = geometry
        self._sx = sx
        self._tx0 = tx
        self.strips_made += 1


__all__ = ["PAN_CHAIN_S", "SETTLE_MS", "STRIP_VIEWS", "Geometry", "PanStrip", "place"]
