"""A graphics item that covers the whole view box and paints in device pixels.

The timeline, the event lines on the plots and the plot series all draw only what is in view, in
screen pixels (so text and 1-px lines are never scaled): they share this plumbing.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui


class ViewSizedItem(pg.GraphicsObject):  # type: ignore[misc]  # pyqtgraph has no type information
    """Bounds = the visible view rectangle; repaint on every range or transform change; no data
    bounds of its own (so auto-range ignores it unless a subclass says otherwise)."""

    def boundingRect(self) -> QtCore.QRectF:
        vr = self.viewRect()
        return QtCore.QRectF() if vr is None else QtCore.QRectF(vr)

    def view_changed(self) -> None:
        """Called when the view's range or transform changed: drop what was cached for the old one."""

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self.prepareGeometryChange()
        self.view_changed()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.view_changed()
        self.update()

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange: object = None) -> tuple[float, float] | None:
        return None

    def _device_transform(self) -> QtGui.QTransform | None:
        """View coordinates -> view-port pixels, or None while there is no view (or it is degenerate)."""
        view = self.getViewWidget()
        if view is None:
            return None
        dt = self.deviceTransform(view.viewportTransform())
        return None if dt.determinant() == 0 else dt
