"""What the user last did with the keys and the mouse, for the whole application.

Two things need to know it: a step key held down moves further at each repeat (the window asks
whether the key being dispatched to a shortcut is an auto-repeat: a shortcut's action cannot tell),
and the announcer of the timeline says the new dates after a key moved the view but not after a drag.
Both read it from :func:`input_watch`, one event filter on the application: a Python event filter on
the application is called for every event of every object (some 4,500 while the window is built,
the shipped chronology opened and the first frame painted), so there is one, not one per user, and
it is installed when the first window is shown, since no input reaches a window before (building
the window and opening its chronology cost some 25 ms more with two filters watching).
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

_SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride
_KEY_PRESS = QEvent.Type.KeyPress
_MOUSE_MOVE = QEvent.Type.MouseMove
_WATCHED = frozenset(
    {_SHORTCUT_OVERRIDE, _KEY_PRESS, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, _MOUSE_MOVE}
)


class InputWatch(QObject):
    """Notes when a key was last pressed and the mouse last used (a press, the wheel, a drag), and
    whether the key being dispatched to a shortcut is an auto-repeat."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_key = 0.0
        self.last_mouse = 0.0
        self.auto_repeat = False
        self._installed = False

    def install(self) -> None:
        """Watch the application's events from now on (once; the application owns the watch)."""
        app = QCoreApplication.instance()
        if not self._installed and app is not None:
            app.installEventFilter(self)
            self._installed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        t = event.type()
        if t not in _WATCHED:
            return False
        if t in (_SHORTCUT_OVERRIDE, _KEY_PRESS):
            self.last_key = time.monotonic()
            if t == _SHORTCUT_OVERRIDE and isinstance(event, QKeyEvent):
                self.auto_repeat = event.isAutoRepeat()
        elif t != _MOUSE_MOVE or QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.last_mouse = time.monotonic()
        return False


_watch: InputWatch | None = None


def input_watch() -> InputWatch:
    """The application's watch, made on first ask (:meth:`InputWatch.install` starts it)."""
    global _watch
    if _watch is None or not shiboken6.isValid(_watch):  # none yet, or its application has gone
        _watch = InputWatch(QCoreApplication.instance())
    return _watch
