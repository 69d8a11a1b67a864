"""The timeline's pans drawn from a strip (see :mod:`timeline_app.ui.drawing.pan_strip`).

The strip holds the lanes; the header row above them, whose era names keep to the view's left edge
(and whose "today" goes before its line at the right edge), is painted exactly at every frame over
the image. While the strip is shown, hit-testing answers from the strip's layout shifted as drawn:
what is under the pointer is what the user sees.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui

from timeline_app.ui.drawing.pan_strip import PanStrip
from timeline_app.ui.timeline.frame import Frame


class TimelineStrip:
    """The strip of one timeline item: ``layout(rect, sx, tx)`` lays out a frame for a rectangle of
    view-port pixels, ``paint(p, frame)`` paints one, ``header(p, frame)`` paints its header row,
    ``settled()`` repaints the item."""

    def __init__(
        self,
        layout: Callable[[QtCore.QRectF, float, float], Frame],
        paint: Callable[[QtGui.QPainter, Frame], None],
        header: Callable[[QtGui.QPainter, Frame], None],
        settled: Callable[[], None],
        alive: Callable[[], bool],
    ) -> None:
        self._layout = layout
        self._paint = paint
        self._header = header
        self._strip = PanStrip(self._render, settled, alive)
        self._view_frame: tuple[float, QtCore.QRectF, int, Frame] | None = None

    @property
    def strips_made(self) -> int:
        return self._strip.strips_made

    def drop(self) -> None:
        self._strip.drop()
        self._view_frame = None

    def _render(self, p: QtGui.QPainter, rect: QtCore.QRectF, sx: float, tx: float) -> Frame:
        frame = self._layout(rect, sx, tx)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        self._paint(p, frame)
        self._view_frame = None
        return frame

    def draw(
        self,
        p: QtGui.QPainter,
        rect: QtCore.QRectF,
        sx: float,
        tx: float,
        version: int,
        dpr: float,
        background: QtGui.QColor | None,
        lanes_top: float,
    ) -> bool:
        """Paint the view from the strip if this paint continues a pan (``p`` in view-port pixels;
        ``lanes_top``: where the lanes begin below the view's top), and say whether it did."""
        body = QtCore.QRectF(rect.left(), rect.top() + lanes_top, rect.width(), rect.height() - lanes_top)
        if not self._strip.draw(p, rect, sx, tx, version, dpr, background, clip=body):
            self._view_frame = None
            return False
        laid_out = self._strip.laid_out
        assert isinstance(laid_out, Frame)
        view = Frame.bare(rect, sx, laid_out.tx + self._strip.offset(tx), laid_out.lanes)
        p.save()
        try:
            p.setClipRect(QtCore.QRectF(rect.left(), rect.top(), rect.width(), lanes_top))
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            self._header(p, view)
        finally:
            p.restore()
        return True

    def frame_for(self, rect: QtCore.QRectF, tx: float, version: int) -> Frame | None:
        """The strip's layout as shown, if the last paint came from the strip and the view is still
        the one painted; else None."""
        if not self._strip.shown_at(rect, tx, version):
            return None
        return self.view_frame(rect, tx)

    def view_frame(self, rect: QtCore.QRectF, tx: float) -> Frame:
        """The strip's layout where the view shows it (shifted as drawn, cut to ``rect``)."""
        cached = self._view_frame
        made = self._strip.strips_made  # a strip made ahead, between two steps, replaces the frame
        if cached is not None and cached[0] == tx and cached[1] == rect and cached[2] == made:
            return cached[3]
        frame = self._strip.laid_out
        assert isinstance(frame, Frame)
        out = frame.shifted(self._strip.offset(tx), rect)
        self._view_frame = (tx, QtCore.QRectF(rect), made, out)
        return out


__all__ = ["TimelineStrip"]
