"""The open document: which chronology the window shows, loading it, reloading it, its problems.

:class:`Document` opens a chronology file or folder (at once, or on a worker thread when it is
large), reloads it when its files change (:class:`ChronologyWatcher`), puts a fresh load into the
view state, remembers per chronology the lanes hidden and, in the settings, the recent files. The
window shows what it reports: problems, progress, the path in the title.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from timeline_app.io import ChronologyError, chronology_files, load_chronology
from timeline_app.model.chronology import Chronology
from timeline_app.model.filters import EventFilter
from timeline_app.model.localize import localize
from timeline_app.model.view_state import ViewState
from timeline_app.text import Later, fill, translate
from timeline_app.ui.app import language
from timeline_app.ui.app.file_watcher import ChronologyWatcher
from timeline_app.ui.app.loading import BackgroundLoader
from timeline_app.ui.app.settings import Settings

log = logging.getLogger(__name__)

BACKGROUND_BYTES = 2 * 1024 * 1024  # chronologies larger than this load on a worker thread
# a language switch of a chronology with more events than this runs on a worker thread (localizing
# takes about 6 µs an event in two languages: 30 ms here, seconds at a million)
BACKGROUND_LOCALIZE_EVENTS = 5_000


class Document(QObject):
    """The chronology shown, where it came from, and what happened when it was last read."""

    chronology_loaded = Signal(str)  # the path, after a successful load or reload
    load_failed = Signal(str)  # the path, after a load that found problems
    applied = Signal(bool)  # a load went into the view state (True: a different chronology)
    problems_found = Signal(str, list, list)  # header, one line per problem, the file of each
    problems_said = Signal(str, list, list)  # the same problems said again, after a language change
    path_adopted = Signal()  # ``path`` changed without a load (a first load that failed)
    loading_started = Signal(object)  # the Path a background load reads
    loading_ended = Signal()  # the background load ended (or a load at once replaced it)
    localizing = Signal(bool)  # a language switch of a large chronology started (True) or ended

    def __init__(self, state: ViewState, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.path: Path | None = None  # the chronology shown (or, before any load succeeded, tried)
        self.loaded = False  # whether a chronology has loaded from ``path``
        self.failed_path: Path | None = None  # a path whose problems are shown
        self._said: Callable[[], tuple[str, list[str], list[str | None]]] | None = None  # and how to say them
        self.applying = False  # while a load goes into the view state
        self.loader = BackgroundLoader(self)
        self.loader.loaded.connect(self._on_background_loaded)
        self.loader.failed.connect(self._on_background_failed)
        self.loader.localized.connect(self._on_localized)
        self.watcher = ChronologyWatcher(self)
        self.watcher.changed.connect(self.reload)

    # -- opening -------------------------------------------------------------------------------------
    def open_path(
        self, path: str | os.PathLike[str], *, initial: bool = False, background: bool | None = None
    ) -> bool:
        """Show the chronology at ``path`` (a YAML file or a folder). On problems, keep what is shown,
        report them (``problems_found``), and return False.

        A large chronology (more than :data:`BACKGROUND_BYTES` of files, or with ``background``)
        loads on a worker thread; this returns True at once and the outcome arrives as
        ``chronology_loaded`` or ``load_failed``."""
        p = Path(path)
        if background is None:
            background = _size_of(p) > BACKGROUND_BYTES
        if background:
            self.loader.start(p, language.data_language())
            self.loading_started.emit(p)
            return True
        self.loader.cancel(quietly=True)
        self.loading_ended.emit()
        try:
            chron = load_chronology(p, cache=True)
        except Exception as exc:
            self._load_failed(p, exc, initial=initial)
            return False
        self._load_succeeded(p, chron)
        return True

    def reload(self) -> bool:
        """Read the files of the chronology shown again (F5, or by itself when they change)."""
        if self.path is None:
            return False
        self.watcher.check_now()
        return self.open_path(self.path)

    def retry(self) -> bool:
        target = self.failed_path or self.path
        return False if target is None else self.open_path(target)

    def cancel_loading(self) -> None:
        self.loader.cancel()

    def remember_hidden_lanes(self, hidden: frozenset[str]) -> None:
        """The user hid or showed lanes: remember them for this chronology."""
        if not self.applying and self.path is not None and self.loaded:
            self.settings.set_hidden_lanes(self.path, hidden)

    def remember_event_filter(self, f: EventFilter) -> None:
        """The user changed the filters: remember them for this chronology (in the settings)."""
        if not self.applying and self.path is not None and self.loaded:
            self.settings.set_event_filter(self.path, f)

    def close(self) -> None:
        self.watcher.stop()
        self.loader.cancel(quietly=True)
        self.state.chronology.drop_caches()  # freed with the window, not at the next full collection

    # -- outcomes ------------------------------------------------------------------------------------
    def _on_background_loaded(self, job: int, p: Path, chron: Chronology) -> None:
        if self.loader.finish(job):
            self.loading_ended.emit()
            self._load_succeeded(p, chron)

    def _on_background_failed(self, job: int, p: Path, exc: BaseException) -> None:
        if self.loader.finish(job):
            self.loading_ended.emit()
            self._load_failed(p, exc)

    def _load_succeeded(self, p: Path, chron: Chronology) -> None:
        same = self.path is not None and same_path(p, self.path)
        self._apply(p, chron, switching=not (same and self.loaded))
        self.chronology_loaded.emit(str(p))

    def _load_failed(self, p: Path, exc: BaseException, *, initial: bool = False) -> None:
        same = self.path is not None and same_path(p, self.path)
        if isinstance(exc, ChronologyError):
            self._show_problems(p, list(exc.problems), [x.file for x in exc.problems], exc.more, same=same)
        else:  # an unreadable file, or a bug in the loader: shown, never fatal
            if not isinstance(exc, OSError):
                log.error("loading %s failed unexpectedly", p, exc_info=exc)
            text = (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
            )
            self._show_problems(p, [Later(_unreadable, p, text)], [None], 0, same=same)
        if initial or not self.loaded:
            self.path = p
            self.watcher.watch(p)
            self.path_adopted.emit()
        self.load_failed.emit(str(p))

    def relocalize(self) -> None:
        """After a language change: the chronology shown, in the interface's language (its texts in
        every language were kept at the load, so nothing is read again). A large one is switched on
        a worker thread (``localizing``), and goes into the view when it is ready."""
        chron = self.state.chronology
        lang = language.data_language()
        if chron.language == lang:
            if self.loader.localizing():  # back to the language shown before the switch ended
                self.loader.cancel_localizing()
                self.localizing.emit(False)
            return
        if len(chron.events) <= BACKGROUND_LOCALIZE_EVENTS:
            self.state.set_chronology(localize(chron, lang))
            return
        self.loader.localize(chron, lang)
        self.localizing.emit(True)

    def _on_localized(self, job: int, source: Chronology, chron: Chronology) -> None:
        if not self.loader.finish_localizing(job):
            return
        self.localizing.emit(False)
        # a load (or a reload) that went into the view meanwhile is newer: keep it
        if source is self.state.chronology and chron.language == language.data_language():
            self.state.set_chronology(chron)

    def _apply(self, p: Path, chron: Chronology, *, switching: bool) -> None:
        lang = language.data_language()
        # a background load comes in the language asked for; if the interface's changed meanwhile,
        # a large chronology is switched afterwards like at a language change, off this thread
        switch_later = bool(chron.language) and chron.language != lang
        switch_later &= len(chron.events) > BACKGROUND_LOCALIZE_EVENTS
        if chron.language != lang and not switch_later:
            chron = localize(chron, lang)
        self.applying = True
        try:
            self.path = p
            if switching:
                hidden = self.settings.hidden_lanes(p)
                self.state.set_selection(None, record=False)
                self.state.set_query("")
                self.state.set_chronology(chron, fit=True)
                self.state.set_hidden_lanes(frozenset(h for h in hidden if h in chron.category_index))
                self.state.set_event_filter(self.settings.event_filter(p).restricted_to(chron))
                self.settings.set_last_path(p)
                self.settings.add_recent_path(p)
            else:
                self.state.set_chronology(chron)
        finally:
            self.applying = False
        self.loaded = True
        self.failed_path = None
        self.watcher.watch(p)
        self.applied.emit(switching)
        if switch_later:
            self.relocalize()

    def _show_problems(
        self, p: Path, problems: list[object], files: list[str | None], more: int, *, same: bool
    ) -> None:
        """Report ``problems`` (each said by ``str()`` in the language of the moment: the loader's
        keep their templates) under a header that says what the window still shows."""
        shown = self.path if self.loaded else None

        def said() -> tuple[str, list[str], list[str | None]]:
            lines = [str(x) for x in problems]
            n = len(lines) + more
            count = translate("Document", "%Ln problem(s)", None, n)
            if more:
                lines.append(translate("Document", "… and %Ln more problem(s)", None, more))
            if shown is not None and same:
                header = fill(
                    translate(
                        "Document",
                        "%1 in %2. Still showing the last version that loaded; "
                        "fix the file and it reloads by itself.",
                    ),
                    count,
                    p,
                )
            elif shown is not None:
                still = translate("Document", "Could not open %1: %2. Still showing %3.")
                header = fill(still, p, count, shown)
            else:
                header = fill(
                    translate("Document", "Could not open %1: %2. Fix the file and it opens by itself."),
                    p,
                    count,
                )
            return header, lines, [*files, None] if more else list(files)

        self.failed_path = p
        self._said = said
        self.problems_found.emit(*said())

    def say_problems_again(self) -> None:
        """After a language change: the problems shown, said in the new language (``problems_said``);
        nothing is read again."""
        if self.failed_path is not None and self._said is not None:
            self.problems_said.emit(*self._said())


def _size_of(p: Path) -> int:
    """Bytes in the files of the chronology at ``p`` (0 when it cannot be listed)."""
    try:
        return sum(f.stat().st_size for f in chronology_files(p) if f.is_file())
    except OSError:
        return 0


def same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _unreadable(p: Path, text: str) -> str:
    return fill(translate("Document", "%1: could not be read: %2"), p, text)
