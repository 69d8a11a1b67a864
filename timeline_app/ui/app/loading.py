"""Loading large chronologies off the UI thread, with progress and Cancel.

:class:`BackgroundLoader` runs :func:`timeline_app.io.load_chronology` on a worker thread and reports
back through Qt signals, which Qt delivers on the UI thread (queued across threads). One load runs at
a time: starting another, or :meth:`cancel`, stops the running one at its next progress report (the
loader reports about every percent), and its result is never delivered.

Before delivering a chronology, the worker also puts it in the language of the interface
(:func:`~timeline_app.model.localize.localize`) and makes what the view will ask for first (its
columns and drawing arrays, see :func:`prepare_for_view`), so the UI thread finds them made.
:meth:`BackgroundLoader.localize` does the same for a chronology already shown, when the language
changes: a million events in two languages take seconds to switch, and the window keeps answering.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.prepare import prepare
from timeline_app.io import LoadCancelled, load_chronology
from timeline_app.model.chronology import Chronology
from timeline_app.model.localize import localize
from timeline_app.runtime import brisk_switching, return_memory
from timeline_app.text import translate

LOAD_SHARE = 0.9  # of the progress bar: the load; the rest is preparing for the view


def prepare_for_view(
    chron: Chronology, report: Callable[[str, float], None], saving: Sequence[threading.Thread] = ()
) -> None:
    """On the worker thread, after the load: make the chronology's caches the view needs, so that
    building the view on the UI thread finds them made. ``report`` is told each step (it raises
    :class:`LoadCancelled` when the load is cancelled meanwhile). ``saving``: threads writing the
    chronology's cache entry meanwhile, waited for before it is ready (so that the entry is there
    once the chronology is shown: a start after a first open finds it)."""
    steps: list[tuple[str, Callable[[], object]]] = [
        (translate("Loading", "Indexing dates"), lambda: chron.columns),
        (translate("Loading", "Laying out events"), lambda: EventArrays.for_chronology(chron)),
        (translate("Loading", "Indexing ids"), lambda: chron.events.positions),
        # the rest the view uses (see model.prepare)
        (translate("Loading", "Preparing plots"), lambda: prepare(chron)),
    ]
    for k, (what, step) in enumerate(steps):
        report(what, LOAD_SHARE + (1.0 - LOAD_SHARE) * k / len(steps))
        try:
            step()
        except Exception:  # only a head start: the view makes (and reports) it again
            continue
    if any(t.is_alive() for t in saving):
        report(translate("Loader", "Saving to the cache"), 1.0)
    for t in saving:
        t.join()
    if saving:  # what the writing freed, in a thread's own allocator arena, back to the system
        return_memory()
    report(translate("Loading", "Ready"), 1.0)


class BackgroundLoader(QObject):
    progress = Signal(str, float)  # what the loader does, and how far the whole load is (0..1)
    loaded = Signal(int, object, object)  # job, path, Chronology
    failed = Signal(int, object, object)  # job, path, the exception (ChronologyError, OSError, ...)
    cancelled = Signal(object)  # path
    localized = Signal(int, object, object)  # job, the chronology given, the same in the language asked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._current = 0
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self._path: Path | None = None
        self._localizing = 0  # the job of the language switch under way, if any

    def busy(self) -> bool:
        return self._stop is not None

    def path(self) -> Path | None:
        """What is being loaded now, if anything."""
        return self._path if self.busy() else None

    def start(self, path: Path, lang: str | None = None) -> None:
        """Load ``path`` in the background, in language ``lang`` (see :func:`localize`; None: as
        the files give it), stopping any load still running."""
        self.cancel(quietly=True)
        job = next(self._ids)
        stop = threading.Event()
        self._current, self._stop, self._path = job, stop, path

        def report(what: str, fraction: float) -> None:
            if stop.is_set():
                raise LoadCancelled
            if job == self._current:
                self.progress.emit(what, fraction)

        def load_report(what: str, fraction: float) -> None:
            report(what, fraction * LOAD_SHARE)

        saving: list[threading.Thread] = []

        def store_beside(store: Callable[[], None]) -> None:
            # the cache entry of a fresh load is written beside the preparing below: its hashing
            # and writing let go of the interpreter lock (a third of a second at a million events)
            thread = threading.Thread(target=store, name=f"store-{job}", daemon=True)
            thread.start()
            saving.append(thread)

        def work() -> None:
            try:
                with brisk_switching():
                    chron = load_chronology(
                        path, cache=True, progress=load_report, workers=True, store_with=store_beside
                    )
                    if lang is not None:
                        chron = localize(chron, lang)
                    prepare_for_view(chron, report, saving)
            except LoadCancelled:
                return
            except Exception as exc:
                if not stop.is_set():
                    self.failed.emit(job, path, exc)
                return
            if not stop.is_set():
                self.loaded.emit(job, path, chron)

        self._thread = threading.Thread(target=work, name=f"load-{job}", daemon=True)
        self._thread.start()

    def localize(self, chron: Chronology, lang: str) -> int:
        """``chron`` in language ``lang`` on a worker thread, ready for the view: ``localized`` brings
        it back with the job number returned here. A later call supersedes an earlier one (whose
        result is then never delivered); a load is a separate job and goes on."""
        job = next(self._ids)
        self._localizing = job

        def work() -> None:
            try:
                with brisk_switching():
                    out = localize(chron, lang)
                    prepare_for_view(out, lambda what, fraction: None)
            except Exception:  # a bug: logged by the thread's hook; the chronology shown stays
                if job == self._localizing:
                    self._localizing = 0
                raise
            if job == self._localizing:
                self.localized.emit(job, chron, out)

        threading.Thread(target=work, name=f"localize-{job}", daemon=True).start()
        return job

    def localizing(self) -> bool:
        """Whether a :meth:`localize` job is running (its result not yet taken with
        :meth:`finish_localizing`)."""
        return self._localizing != 0

    def cancel_localizing(self) -> None:
        """Drop the language switch under way: its result is never delivered."""
        self._localizing = 0

    def finish_localizing(self, job: int) -> bool:
        """Called by the receiver of ``localized``: False when a newer job superseded ``job``."""
        if job != self._localizing:
            return False
        self._localizing = 0
        return True

    def finish(self, job: int) -> bool:
        """Called by the receiver of ``loaded``/``failed``: that load is over. False when it was
        cancelled or replaced by a newer request meanwhile (its result is then to be ignored)."""
        if job != self._current or self._stop is None:
            return False
        self._stop = None
        return True

    def cancel(self, *, quietly: bool = False) -> None:
        if self._stop is None:
            return
        self._stop.set()
        self._stop = None
        if not quietly and self._path is not None:
            self.cancelled.emit(self._path)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the worker thread to end (for tests and shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout)
