"""The axes of the canvas: a ``pg.AxisItem`` that does not lay out labels no one sees."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg


class QuietAxisItem(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type information
    """A ``pg.AxisItem`` that writes its label's HTML only while the label is shown.

    pyqtgraph sets the label's HTML (``QGraphicsTextItem.setHtml``, 40-100 µs) whenever a pen, a
    scale or the SI prefix changes, shown or not: 115 times while the window is built and the
    shipped chronology opened, 94 of them for labels no one sees (the hidden top and right axes,
    the time axes), 7-12 ms of the start. A hidden label's HTML is written when it is shown; its
    size is worked out as before (pyqtgraph counts a hidden label's size as none)."""

    _label_stale = False

    def _updateLabel(self) -> None:
        if self.label.isVisible():
            super()._updateLabel()
            return
        self._label_stale = True
        self._adjustSize()
        self.picture: Any = None
        self.update()

    def showLabel(self, show: bool = True) -> None:
        if show and self._label_stale:
            self._label_stale = False
            self.label.setHtml(self.labelString())
        super().showLabel(show)
