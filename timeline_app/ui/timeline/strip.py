"""The timeline's pans drawn from a strip (see :mod:`timeline_app.ui.drawing.pan_strip`).

The strip holds the lanes without their titles. The titles are drawn over it at every frame from
the strip's layout, shifted, but only those the view's own layout could show: not the title of a
point event whose marker has left the view (as the exact frame never draws one). The header row
above the lanes, whose era names keep to the view's left edge (and whose "today" goes before its
line at the right edge), is painted exactly at every frame too. While the strip is shown,
hit-testing answers from the strip's layout shifted as drawn: what is under the pointer is what the
user sees.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui

from timeline_app.ui.drawing.pan_strip import PanStrip
from timeline_app.ui.timeline.frame import Frame, PlacedLabel


class TimelineStrip:
    """The strip of one timeline item: ``layout(rect, sx, tx)`` lays out a frame for a rectangle of
    view-port pixels, ``body(p, frame)`` paints all of one but its titles, ``labels(p, frame)`` its
    titles, ``header(p, frame)`` its header row; ``shown(label, view)`` says whether the view's own
    layout could show a title where it now is; ``settled()`` repaints the item."""

    def __init__(
        self,
        layout: Callable[[QtCore.QRectF, float, float], Frame],
        body: Callable[[QtGui.QPainter, Frame], None],
        labels: Callable[[QtGui.QPainter, Frame], None],
        header: Callable[[QtGui.QPainter, Frame], None],
        shown: Callable[[PlacedLabel, Frame], bool],
        settled: Callable[[], None],
        alive: Callable[[], bool],
    ) -> None:
        self._layout = layout
        self._body = body
        self._labels = labels
        self._header = header
        self._shown = shown
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
        self._body(p, frame)
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
        view = self._titles_frame(rect, tx)
        p.save()
        try:
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            p.setClipRect(body)
            self._labels(p, view)
            p.setClipRect(QtCore.QRectF(rect.left(), rect.top(), rect.width(), lanes_top))
            self._header(p, view)
        finally:
            p.restore()
        return True

    def _titles_frame(self, rect: QtCore.QRectF, tx: float) -> Frame:
        """The view with the strip's titles shown there, and nothing else laid out (what a frame
        draws over the image; :meth:`view_frame`, all of it, is made when a hit-test asks)."""
        frame = self._strip.laid_out
        assert isinstance(frame, Frame)
        dx = self._strip.offset(tx)
        view = Frame.bare(rect, frame.sx, frame.tx + dx, frame.lanes)
        for lab in frame.labels:
            moved = PlacedLabel(
                lab.event,
                lab.rect.translated(dx, 0.0),
                lab.text,
                lab.bold,
                lab.match,
                lab.leader.translated(dx, 0.0) if lab.leader is not None else None,
            )
            if self._shown(moved, view):
                view.labels.append(moved)
        return view

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
        dx = self._strip.offset(tx)
        bare = Frame.bare(rect, frame.sx, frame.tx + dx, frame.lanes)
        out = frame.shifted(dx, rect, lambda lab: self._shown(lab, bare))
        self._view_frame = (tx, QtCore.QRectF(rect), made, out)
        return out


__all__ = ["TimelineStrip"]
