"""File ▸ Compare with…: load another version of the chronology shown and show the differences
under the timeline (:class:`~timeline_app.ui.panels.compare_panel.ComparePanel`), on the same time
axis as the timeline. The other file is only read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QFileDialog, QWidget

from timeline_app.io import ChronologyError, load_chronology
from timeline_app.model.compare import Comparison
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.panels.compare_panel import ComparePanel


def _tr(text: str) -> str:
    return translate("Compare", text)


class CompareMode(QObject):
    """The comparison of the window: its panel, starting it from a file, stepping, leaving."""

    def __init__(self, state: ViewState, canvas: ChronologyCanvas, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.canvas = canvas
        self.window = parent
        self.panel = ComparePanel(state, self._axis)
        self.message = ""  # the last problem, said in the status bar by the window
        state.chronology_changed.connect(self._chronology_changed)

    def _chronology_changed(self, *_: object) -> None:
        """The files shown were edited (or reloaded) while comparing: compare the new version."""
        cmp_ = self.panel.comparison
        if cmp_ is not None and cmp_.new is not self.state.chronology:
            self.panel.start(Comparison.of(cmp_.old, self.state.chronology, cmp_.other_name))

    def _axis(self) -> tuple[float, float]:
        """The timeline's plot area, left and right, in the strip's x."""
        strip = self.panel.strip
        vb = self.canvas.timeline_plot().getViewBox()
        gv = self.canvas.graphics_view()
        if vb is None or not strip.isVisible():
            return 0.0, float(strip.width())
        rect = vb.sceneBoundingRect()
        a = gv.mapFromScene(rect.topLeft())
        b = gv.mapFromScene(rect.topRight())
        left = strip.mapFromGlobal(gv.viewport().mapToGlobal(QPoint(a.x(), a.y()))).x()
        right = strip.mapFromGlobal(gv.viewport().mapToGlobal(QPoint(b.x(), b.y()))).x()
        return (float(left), float(right)) if right > left else (0.0, float(strip.width()))

    @property
    def active(self) -> bool:
        return self.panel.active

    def choose_file(self, start_dir: str, folder: bool = False) -> None:
        """Ask for the other version: a folder when the chronology shown is a folder, else a file."""
        title = _tr("Compare with another version")
        if folder:
            name = QFileDialog.getExistingDirectory(self.window, title, start_dir)
        else:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                title,
                start_dir,
                _tr("Chronologies (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline);;All files (*)"),
            )
        if name:
            self.compare_with(Path(name))

    def compare_with(self, path: Path) -> bool:
        """Compare the chronology shown with the one at ``path`` (read, never written)."""
        try:
            other = load_chronology(path)
        except ChronologyError as exc:
            self.message = fill(
                _tr("Cannot compare with %1: %2"), path.name, exc.lines()[0] if exc.lines() else exc
            )
            return False
        except OSError as exc:
            self.message = fill(_tr("Cannot compare with %1: %2"), path.name, exc.strerror or exc)
            return False
        self.message = ""
        self.panel.start(Comparison.of(other, self.state.chronology, path.name))
        return True

    def step(self, direction: int) -> bool:
        return self.panel.step(direction)

    def leave(self) -> None:
        self.panel.stop()
