"""File ▸ Compare with…: load another version of the chronology shown and show the differences
under the timeline (:class:`~timeline_app.ui.panels.compare_panel.ComparePanel`), on the same time
axis as the timeline. The other file is only read.

Reading the other version and matching the events is plain Python, some seconds for a hundred
thousand events: for a chronology of more than :data:`BACKGROUND_EVENTS` events it runs on a worker
thread, and the panel appears when it is done (the status bar says so meanwhile)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from timeline_app.io import ChronologyError, load_chronology
from timeline_app.model.chronology import Chronology
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.panels.compare_panel import ComparePanel

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from timeline_app.model.compare import Comparison  # on first use: 3.6 ms of a start with diff

BACKGROUND_EVENTS = 20_000

Job = Callable[[], "Comparison | str"]


def _compare_file(path: Path, new: Chronology) -> Comparison | str:
    """The comparison of ``new`` with the chronology at ``path``, or why there is none."""
    try:
        other = load_chronology(path)
    except ChronologyError as exc:
        return fill(
            translate("Compare", "Cannot compare with %1: %2"),
            path.name,
            exc.lines()[0] if exc.lines() else exc,
        )
    except OSError as exc:
        return fill(translate("Compare", "Cannot compare with %1: %2"), path.name, exc.strerror or exc)
    from timeline_app.model.compare import Comparison

    return Comparison.of(other, new, path.name)


class CompareMode(QObject):
    """The comparison of the window: its panel, starting it from a file, stepping, leaving."""

    finished = Signal(str)  # a comparison made in the background is shown (or could not be made)

    def __init__(self, state: ViewState, canvas: ChronologyCanvas, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.canvas = canvas
        self.window = parent
        self.panel = ComparePanel(state, self._axis)
        self.message = ""  # the last problem, said in the status bar by the window
        self._pool: ThreadPoolExecutor | None = None
        self._job: Future[Comparison | str] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check_job)
        state.chronology_changed.connect(self._chronology_changed)

    def _chronology_changed(self, *_: object) -> None:
        """The files shown were edited (or reloaded) while comparing: compare the new version."""
        cmp_ = self.panel.comparison
        new = self.state.chronology
        if cmp_ is not None and cmp_.new is not new:
            from timeline_app.model.compare import Comparison

            self._run(lambda: Comparison.of(cmp_.old, new, cmp_.other_name))

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
        title = translate("Compare", "Compare with another version")
        if folder:
            name = QFileDialog.getExistingDirectory(self.window, title, start_dir)
        else:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                title,
                start_dir,
                translate(
                    "Compare",
                    "Chronologies (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline);;All files (*)",
                ),
            )
        if name:
            self.compare_with(Path(name))

    def compare_with(self, path: Path, *, background: bool | None = None) -> bool:
        """Compare the chronology shown with the one at ``path`` (read, never written); on a worker
        thread for a big chronology (``background`` None) or when asked. False when it cannot."""
        new = self.state.chronology
        return self._run(lambda: _compare_file(path, new), background)

    def _run(self, job: Job, background: bool | None = None) -> bool:
        if background is None:
            background = len(self.state.chronology.events) > BACKGROUND_EVENTS
        if not background:
            return self._show(job())
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # the first large comparison's

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="compare")
        self._job = self._pool.submit(job)
        self._poll.start()
        self.message = translate("Compare", "Comparing the two versions…")
        return True

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _check_job(self) -> None:
        job = self._job
        if job is None or not job.done():
            return
        self._job = None
        self._poll.stop()
        self._show(job.result())
        self.finished.emit(self.message)

    def _show(self, result: Comparison | str) -> bool:
        if isinstance(result, str):
            self.message = result
            return False
        self.message = ""
        self.panel.start(result)
        return True

    def step(self, direction: int) -> bool:
        return self.panel.step(direction)

    def leave(self) -> None:
        self.panel.stop()

    def close(self) -> None:
        """The window closes: a comparison still being made is not waited for."""
        self._poll.stop()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
