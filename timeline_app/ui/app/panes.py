"""A small piece of the window's frame: the ring that shows which pane holds the focus
(:class:`PaneFrame`)."""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget


class PaneFrame(QFrame):
    """Holds one pane and draws a focus ring around it while the focus is anywhere inside it."""

    def __init__(self, child: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.child = child
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(child)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def has_focus_within(self) -> bool:
        w = QApplication.focusWidget()
        return w is not None and (w is self or self.isAncestorOf(w))

    def _focus_changed(self, *_: object) -> None:
        self.update()

    def paintEvent(self, e: QPaintEvent) -> None:
        p = QPainter(self)
        if self.has_focus_within():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            p.setPen(pen)
            p.drawRect(self.rect().adjusted(1, 1, -1, -1))
        else:
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
            p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        p.end()
