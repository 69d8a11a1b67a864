"""The "Plots" button under the canvas: a menu with one checkable entry per plot group of the
chronology, and "Show all" / "Hide all". It only says what the user asked for
(:attr:`PlotsChooser.shown_asked`); the canvas decides and tells it back with :meth:`set_shown`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.text import fill, translate

PlotKey = tuple[str, str]


class PlotsChooser(QtWidgets.QToolButton):
    """A tool button whose menu picks the plot groups shown."""

    shown_asked = QtCore.Signal(list)  # list[PlotKey]: the groups the user wants shown

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(True)
        self.setToolTip(translate("Canvas", "Choose the indicator plots shown under the timeline"))
        self.setMenu(QtWidgets.QMenu(self))
        self._keys: list[PlotKey] = []
        self._shown: list[PlotKey] = []
        self._actions: dict[PlotKey, QtGui.QAction] = {}
        self._update_text()

    def set_groups(self, keys: Sequence[PlotKey], shown: Sequence[PlotKey]) -> None:
        """A new chronology: its plot groups (measure name, unit), in file order, and those shown."""
        self._keys = list(keys)
        self._shown = list(shown)
        m = self.menu()
        m.clear()
        self._actions = {}
        for key in self._keys:
            act = m.addAction(fill(translate("Canvas", "%1 (%2)"), key[0], key[1]).replace("&", "&&"))
            act.setCheckable(True)
            act.setChecked(key in self._shown)
            act.toggled.connect(lambda on, k=key: self._toggled(k, on))
            self._actions[key] = act
        m.addSeparator()
        m.addAction(translate("Canvas", "Show all plots"), lambda: self.shown_asked.emit(list(self._keys)))
        m.addAction(translate("Canvas", "Hide all plots"), lambda: self.shown_asked.emit([]))
        self._update_text()

    def set_shown(self, shown: Sequence[PlotKey]) -> None:
        """The groups now shown: the check marks and the button's count follow."""
        self._shown = list(shown)
        for key, act in self._actions.items():
            if act.isChecked() != (key in self._shown):
                act.blockSignals(True)
                act.setChecked(key in self._shown)
                act.blockSignals(False)
        self._update_text()

    def _toggled(self, key: PlotKey, on: bool) -> None:
        self.shown_asked.emit([k for k in self._shown if k != key] + ([key] if on else []))

    def changeEvent(self, e: QtCore.QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QtCore.QEvent.Type.LanguageChange:
            self.setToolTip(translate("Canvas", "Choose the indicator plots shown under the timeline"))
            self.set_groups(self._keys, self._shown)

    def _update_text(self) -> None:
        self.setText(fill(translate("Canvas", "Plots: %1 of %2 ▾"), len(self._shown), len(self._keys)))
        self.setEnabled(bool(self._keys))
