"""The main window: timeline and plots in the middle, details and search beside them.

Layout::

    ┌ menus: File  View  Go  Help ─────────────────────────────────────────┐
    │ ┌ canvas (lanes + linked plots) ───────┐ ┃ ┌ search field ─────────┐ │
    │ │                                       │ ┃ │ results (while typing) │ │
    │ │                                       │ ┃ ├ detail pane ──────────┤ │
    │ ├ problems bar (only when files are bad)┤ ┃ │                        │ │
    │ └───────────────────────────────────────┘ ┃ └────────────────────────┘ │
    └ status: visible dates · N of M events shown · problems ───────────────┘

Every key comes from :mod:`timeline_app.ui.keymap`, as window-wide actions that also fill the
menus. The window owns the one :class:`ViewState`; the views follow it and write through it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app import __version__
from timeline_app.io import ChronologyError, chronology_files, load_chronology
from timeline_app.model import actions
from timeline_app.model.chronology import Chronology
from timeline_app.model.dates import PartialDate, civil_from_days
from timeline_app.model.view_state import ViewState

from . import keymap
from .canvas import ChronologyCanvas
from .detail_pane import DetailPane
from .error_panel import ErrorPanel
from .file_watcher import ChronologyWatcher
from .help_overlay import HelpOverlay
from .loading import BackgroundLoader
from .search_panel import SearchPanel
from .settings import Settings

log = logging.getLogger(__name__)

APP_TITLE = "Timeline"
FILE_FILTER = (
    "Chronologies (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline);;"
    "timeline-app (*.yaml *.yml *.json);;TimelineJS (*.json *.csv *.xlsx);;Timeline (*.timeline);;"
    "iCalendar (*.ics);;Spreadsheets (*.csv *.xlsx);;All files (*)"
)


def day_words(day: float) -> str:
    y, m, d = civil_from_days(int(day // 1))
    return PartialDate(y, m, d).words()


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


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


class KeyRepeatWatch(QObject):
    """Notes whether the key being dispatched to a shortcut is an auto-repeat (a key held down)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.auto_repeat = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            self.auto_repeat = event.isAutoRepeat()
        return False


class MainWindow(QMainWindow):
    """The viewer's window. ``open_path`` loads a chronology file or folder."""

    chronology_loaded = Signal(str)  # the path, after a successful load or reload
    load_failed = Signal(str)  # the path, after a load that found problems

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.state = ViewState()
        self.path: Path | None = None  # the chronology shown (or, before any load succeeded, tried)
        self.loaded = False  # whether a chronology has loaded from ``path``
        self.failed_path: Path | None = None  # a path whose problems the panel shows
        self._applying = False
        self._return_focus: QWidget | None = None
        self._ramps = {"zoom": actions.RepeatRamp(), "pan": actions.RepeatRamp()}
        self._repeat_watch = KeyRepeatWatch(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._repeat_watch)

        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self._build_views()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._build_loader()
        self._connect_state()

        self._default_size()
        self.settings.restore_window(self)
        self.settings.restore_splitter("main", self.splitter)
        self._update_title()
        self._update_status()
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _default_size(self) -> None:
        """1280×800, or nine tenths of a smaller screen."""
        screen = self.screen() or QApplication.primaryScreen()
        w, h = 1280, 800
        if screen is not None:
            avail = screen.availableGeometry()
            w, h = min(w, int(avail.width() * 0.9)), min(h, int(avail.height() * 0.9))
        self.resize(max(w, 640), max(h, 480))

    # -- building ----------------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.canvas = ChronologyCanvas(self.state)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setAccessibleName("Timeline")
        self.detail = DetailPane(self.state)
        self.detail.status_message.connect(self._show_link)
        self.search = SearchPanel(self.state)
        self.search.closed.connect(self._search_closed)
        self.errors = ErrorPanel()
        self.errors.retry_requested.connect(self.retry)
        self.errors.hidden_by_user.connect(self._update_status)

        self.canvas_frame = PaneFrame(self.canvas, "timelinePane")
        self.detail_frame = PaneFrame(self.detail, "detailPaneFrame")
        self.search_frame = PaneFrame(self.search, "searchPane")
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(4)
        left_lay.addWidget(self.canvas_frame, 1)
        left_lay.addWidget(self.errors, 0)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.setSpacing(4)
        right_lay.addWidget(self.search_frame, 0)
        right_lay.addWidget(self.detail_frame, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([900, 380])
        container = QWidget()
        lay = QVBoxLayout(container)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addWidget(self.splitter)
        self.setCentralWidget(container)

        QWidget.setTabOrder(self.canvas, self.detail)
        QWidget.setTabOrder(self.detail, self.search.field)
        QWidget.setTabOrder(self.search.field, self.search.results)
        QWidget.setTabOrder(self.search.results, self.errors.list)

        self.help = HelpOverlay(self)

    def _build_actions(self) -> None:
        self.key_actions: dict[str, QAction] = {}
        for b in keymap.window_bindings():
            act = QAction(b.menu_text, self)
            act.setObjectName(b.name)
            act.setShortcuts(keymap.sequences(b))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.setAutoRepeat(b.auto_repeat)
            act.setStatusTip(b.description)
            act.triggered.connect(lambda _checked=False, b=b: self._run(b))
            self.addAction(act)
            self.key_actions[b.name] = act
        self.about_action = QAction("About Timeline", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.problems_action = QAction("Show problems", self)
        self.problems_action.setCheckable(True)
        self.problems_action.setStatusTip("Show or hide the list of problems in the files")
        self.problems_action.toggled.connect(self._toggle_problems)
        self.cancel_load_action = QAction("Cancel loading", self)
        self.cancel_load_action.setObjectName("cancel-load")
        self.cancel_load_action.setStatusTip("Stop opening a large chronology; the one shown stays")
        self.cancel_load_action.setEnabled(False)
        self.cancel_load_action.triggered.connect(self.cancel_loading)
        self.key_actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)

    def _run(self, b: keymap.Binding) -> None:
        if b.run is not None:
            b.run(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        layout: dict[str, list[str | None]] = {
            "&File": [
                "open-file",
                "open-folder",
                "open-recent",
                None,
                "reload",
                "cancel-load",
                "export-image",
                None,
                "quit",
            ],
            "&View": [
                "zoom-in",
                "zoom-out",
                "pan-left",
                "pan-right",
                None,
                "focus-selection",
                "fit-all",
                None,
                "lanes",
                "problems",
                None,
                "full-screen",
            ],
            "&Go": [
                "next-event",
                "prev-event",
                "next-in-lane",
                "prev-in-lane",
                "lane-above",
                "lane-below",
                "first-event",
                "last-event",
                None,
                "back",
                "forward",
                None,
                "escape",
                None,
                "open-search",
                "focus-detail",
                "next-pane",
                "prev-pane",
            ],
            "&Help": ["help", None, "about"],
        }
        self.menus: dict[str, QMenu] = {}
        for title, names in layout.items():
            menu = bar.addMenu(title)
            self.menus[title.replace("&", "")] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "lanes":
                    self.lanes_menu = menu.addMenu("&Lanes")
                elif name == "problems":
                    menu.addAction(self.problems_action)
                elif name == "about":
                    menu.addAction(self.about_action)
                elif name == "cancel-load":
                    menu.addAction(self.cancel_load_action)
                elif name == "open-recent":
                    self.recent_menu = menu.addMenu("Open &Recent")
                    self.recent_menu.menuAction().setObjectName("open-recent")
                    self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
                else:
                    menu.addAction(self.key_actions[name])
        self._rebuild_lanes_menu()
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        """File ▸ Open Recent: the chronologies opened last (numbered, for the keyboard), the most
        recent first; one that is no longer there is listed, but greyed out."""
        m = self.recent_menu
        m.clear()
        paths = self.settings.recent_paths()
        for k, p in enumerate(paths, start=1):
            path = Path(p)
            number = f"&{k}" if k < 10 else f"1&{k - 10}"
            name = (path.name or p).replace("&", "&&")
            act = m.addAction(f"{number}  {name}  —  {str(path.parent).replace('&', '&&')}")
            act.setData(p)
            act.setStatusTip(p)
            act.setToolTip(p)
            if path.exists():
                act.triggered.connect(lambda _=False, path=path: self.open_path(path))
            else:
                act.setEnabled(False)
                act.setText(act.text() + "  (missing)")
        if not paths:
            m.addAction("No chronologies opened yet").setEnabled(False)
        m.addSeparator()
        clear = m.addAction("&Clear the list", self._clear_recent)
        clear.setObjectName("clear-recent")
        clear.setEnabled(bool(paths))
        m.menuAction().setEnabled(True)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_paths()
        self._rebuild_recent_menu()

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.range_label = QLabel()
        self.range_label.setAccessibleName("Visible dates")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Events shown")
        self.problems_button = QToolButton()
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems_button.setIcon(
            self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxWarning)
        )
        self.problems_button.setToolTip("Show or hide the problems in the files")
        self.problems_button.clicked.connect(lambda: self.problems_action.toggle())
        sb.addWidget(self.range_label, 1)
        sb.addPermanentWidget(self.count_label)
        sb.addPermanentWidget(self.problems_button)
        self.problems_button.hide()

    def _connect_state(self) -> None:
        s = self.state
        s.range_changed.connect(self._on_range)
        s.filters_changed.connect(self._on_filters)
        s.chronology_changed.connect(self._on_chronology)
        s.selection_changed.connect(self._on_selection)
        self.watcher = ChronologyWatcher(self)
        self.watcher.changed.connect(self.reload)

    # -- loading -----------------------------------------------------------------------------------
    def open_path(
        self, path: str | os.PathLike[str], *, initial: bool = False, background: bool | None = None
    ) -> bool:
        """Show the chronology at ``path`` (a YAML file or a folder). On problems, keep what is shown,
        list them in the problems bar, and return False.

        A large chronology (more than :data:`BACKGROUND_BYTES` of files, or with ``background``)
        loads on a worker thread while the window keeps answering, with a progress bar and Cancel
        in the status bar; this returns True at once and the outcome arrives as
        ``chronology_loaded`` or ``load_failed``."""
        p = Path(path)
        if background is None:
            background = _size_of(p) > BACKGROUND_BYTES
        if background:
            self.loader.start(p)
            self._show_loading(p)
            return True
        self.loader.cancel(quietly=True)
        self._hide_loading()
        try:
            chron = load_chronology(p, cache=True)
        except Exception as exc:
            self._load_failed(p, exc, initial=initial)
            return False
        self._load_succeeded(p, chron)
        return True

    def _load_succeeded(self, p: Path, chron: Chronology) -> None:
        same = self.path is not None and _same_path(p, self.path)
        self._apply(p, chron, switching=not (same and self.loaded))
        self.chronology_loaded.emit(str(p))

    def _load_failed(self, p: Path, exc: BaseException, *, initial: bool = False) -> None:
        same = self.path is not None and _same_path(p, self.path)
        if isinstance(exc, ChronologyError):
            self._show_problems(
                p, [str(x) for x in exc.problems], [x.file for x in exc.problems], exc.more, same=same
            )
        else:  # an unreadable file, or a bug in the loader: shown, never fatal
            if not isinstance(exc, OSError):
                log.error("loading %s failed unexpectedly", p, exc_info=exc)
            text = (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
            )
            self._show_problems(p, [f"{p}: could not be read: {text}"], [None], 0, same=same)
        if initial or not self.loaded:
            self._adopt_path(p)
        self.load_failed.emit(str(p))

    # -- loading in the background -----------------------------------------------------------------
    def _build_loader(self) -> None:
        self.loader = BackgroundLoader(self)
        self.loader.progress.connect(self._on_load_progress)
        self.loader.loaded.connect(self._on_background_loaded)
        self.loader.failed.connect(self._on_background_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self.load_bar = QProgressBar()
        self.load_bar.setRange(0, 1000)
        self.load_bar.setMaximumWidth(220)
        self.load_bar.setAccessibleName("Loading progress")
        self.load_label = QLabel()
        self.cancel_load_button = QToolButton()
        self.cancel_load_button.setText("Cancel")
        self.cancel_load_button.setToolTip("Stop loading (File ▸ Cancel loading); the chronology shown stays")
        self.cancel_load_button.clicked.connect(self.cancel_loading)
        sb = self.statusBar()
        for w in (self.load_label, self.load_bar, self.cancel_load_button):
            sb.addPermanentWidget(w)
            w.hide()

    def cancel_loading(self) -> None:
        self.loader.cancel()

    def _show_loading(self, p: Path) -> None:
        self.load_label.setText(f"Opening {p.name}…")
        self.load_bar.setValue(0)
        for w in (self.load_label, self.load_bar, self.cancel_load_button):
            w.show()
        self.cancel_load_action.setEnabled(True)

    def _hide_loading(self) -> None:
        for w in (self.load_label, self.load_bar, self.cancel_load_button):
            w.hide()
        self.cancel_load_action.setEnabled(False)

    def _on_load_progress(self, what: str, fraction: float) -> None:
        if self.loader.busy():
            self.load_bar.setValue(int(fraction * 1000))
            self.load_bar.setToolTip(what)

    def _on_background_loaded(self, job: int, p: Path, chron: Chronology) -> None:
        if self.loader.finish(job):
            self._hide_loading()
            self._load_succeeded(p, chron)

    def _on_background_failed(self, job: int, p: Path, exc: BaseException) -> None:
        if self.loader.finish(job):
            self._hide_loading()
            self._load_failed(p, exc)

    def _on_load_cancelled(self, p: Path) -> None:
        self._hide_loading()
        self.statusBar().showMessage(f"Stopped opening {p.name}", 4000)

    def reload(self) -> bool:
        """Read the files of the chronology shown again (F5, or by itself when they change)."""
        if self.path is None:
            return False
        self.watcher.check_now()
        return self.open_path(self.path)

    def retry(self) -> bool:
        target = self.failed_path or self.path
        return False if target is None else self.open_path(target)

    def _adopt_path(self, p: Path) -> None:
        self.path = p
        self.watcher.watch(p)
        self._update_title()

    def _apply(self, p: Path, chron: Chronology, *, switching: bool) -> None:
        self._applying = True
        try:
            self.path = p
            if switching:
                hidden = self.settings.hidden_lanes(p)
                self.state.set_selection(None, record=False)
                self.state.set_query("")
                self.state.set_chronology(chron, fit=True)
                self.state.set_hidden_lanes(frozenset(h for h in hidden if h in chron.category_index))
                self.settings.set_last_path(p)
                self.settings.add_recent_path(p)
                self._rebuild_recent_menu()
            else:
                self.state.set_chronology(chron)
        finally:
            self._applying = False
        self.loaded = True
        self.failed_path = None
        self.watcher.watch(p)
        self.errors.clear()
        self.problems_action.setChecked(False)
        self._update_title()
        self._update_status()

    def _show_problems(
        self, p: Path, lines: list[str], files: list[str | None], more: int, *, same: bool
    ) -> None:
        n = len(lines) + more
        count = plural(n, "problem")
        if more:
            lines = [*lines, f"… and {plural(more, 'more problem')}"]
            files = [*files, None]
        if self.loaded and same:
            header = (
                f"{count} in {p}. Still showing the last version that loaded; "
                "fix the file and it reloads by itself."
            )
        elif self.loaded and self.path is not None:
            header = f"Could not open {p}: {count}. Still showing {self.path}."
        else:
            header = f"Could not open {p}: {count}. Fix the file and it opens by itself."
        self.failed_path = p
        self.errors.show_problems(header, lines, files)
        self.problems_action.setChecked(True)
        self._update_status()

    # -- user commands -----------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self.path is not None:
            return str(self.path if self.path.is_dir() else self.path.parent)
        return str(Path.home())

    def open_file_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open chronology file", self._start_dir(), FILE_FILTER)
        if name:
            self.open_path(name)

    def open_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Open chronology folder", self._start_dir())
        if name:
            self.open_path(name)

    def export_image(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export view as image", str(Path.home() / "timeline.png"), "PNG image (*.png)"
        )
        if not name:
            return
        target = Path(name if name.lower().endswith(".png") else name + ".png")
        if any(_same_path(target, Path(f)) for f in self.state.chronology.files):
            QMessageBox.warning(
                self, "Export", "That is one of the chronology's own files; choose another name."
            )
            return
        if not self.canvas.grab().save(str(target), "PNG"):
            QMessageBox.warning(self, "Export", f"Could not write {target}.")
        else:
            self.statusBar().showMessage(f"Saved {target}", 4000)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def toggle_help(self) -> None:
        if self.help.isVisible():
            self.help.close_overlay()
        else:
            self.help.show_over()

    def open_search(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and not self.search.isAncestorOf(focus):
            self._return_focus = focus
        self.search.open_search()

    def _search_closed(self) -> None:
        target = self._return_focus if self._return_focus is not None else self.canvas
        self._return_focus = None
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def panes(self) -> list[QWidget]:
        """The panes F6 cycles through, in order."""
        out: list[QWidget] = [self.canvas, self.detail, self.search.field]
        if self.search.results.isVisible():
            out.append(self.search.results)
        if self.errors.isVisible():
            out.append(self.errors.list)
        return out

    def current_pane(self) -> QWidget | None:
        w = QApplication.focusWidget()
        for pane in self.panes():
            if w is not None and (w is pane or pane.isAncestorOf(w)):
                return pane
        return None

    def cycle_pane(self, step: int) -> None:
        panes = self.panes()
        cur = self.current_pane()
        i = panes.index(cur) if cur in panes else -1
        target = panes[(i + step) % len(panes)]
        target.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)

    def escape(self) -> None:
        if self.help.isVisible():
            self.help.close_overlay()
        elif self.state.selection is not None:
            actions.clear_selection(self.state)
        elif self.state.query:
            self.search.close_search()

    def repeat_step(self, kind: str) -> float:
        """How far a zoom or pan step goes: 1 for a press, growing while the key is held."""
        return self._ramps[kind].step(self._repeat_watch.auto_repeat)

    def show_about(self) -> None:
        c = self.state.chronology
        n = c.counts()
        text = (
            f"<h3>Timeline {__version__}</h3><p>A desktop viewer for chronologies.</p>"
            f"<p>Showing: {_html(c.title or '—')}<br>{n['events']:,} events · {n['indicators']} indicators"
            f" · {n['sources']} sources</p><p>Settings: {_html(self.settings.file_name())}</p>"
        )
        QMessageBox.about(self, "About Timeline", text)

    def _toggle_problems(self, on: bool) -> None:
        self.errors.setVisible(on and self.errors.has_problems())
        self._update_status()

    def _show_link(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    # -- following the state -----------------------------------------------------------------------
    def _on_range(self, *_: object) -> None:
        self._update_status()

    def _on_selection(self, *_: object) -> None:
        self._update_status()

    def _on_filters(self, hidden: frozenset[str]) -> None:
        if not self._applying and self.path is not None and self.loaded:
            self.settings.set_hidden_lanes(self.path, hidden)
        self._sync_lanes_menu()
        self._update_status()

    def _on_chronology(self, *_: object) -> None:
        self._rebuild_lanes_menu()
        self._update_title()

    def _rebuild_lanes_menu(self) -> None:
        menu = self.lanes_menu
        menu.clear()
        cats = self.state.chronology.categories
        if not cats:
            menu.addAction("No lanes").setEnabled(False)
            return
        for i, cat in enumerate(cats):
            key = f"\t{i + 1}" if i < 9 else ""
            act = menu.addAction(f"{cat.name}{key}")
            act.setCheckable(True)
            act.setChecked(cat.id not in self.state.hidden_lanes)
            act.setData(cat.id)
            act.toggled.connect(lambda on, cid=cat.id: self._lane_toggled(cid, on))
        menu.addSeparator()
        menu.addAction("Show all lanes", lambda: self.state.set_hidden_lanes(frozenset()))

    def _lane_toggled(self, cat_id: str, shown: bool) -> None:
        if shown == (cat_id in self.state.hidden_lanes):
            self.state.toggle_lane(cat_id)

    def _sync_lanes_menu(self) -> None:
        for act in self.lanes_menu.actions():
            cid = act.data()
            if act.isCheckable() and cid:
                act.blockSignals(True)
                act.setChecked(cid not in self.state.hidden_lanes)
                act.blockSignals(False)

    def _update_title(self) -> None:
        c = self.state.chronology
        parts = []
        if self.loaded and c.title:
            parts.append(c.title)
        if self.path is not None:
            parts.append(str(self.path))
            self.setWindowFilePath(str(self.path))
        parts.append(APP_TITLE)
        self.setWindowTitle(" — ".join(parts))

    def _update_status(self) -> None:
        r = self.state.range
        self.range_label.setText(f"{day_words(r.start)} – {day_words(r.end)}")
        shown, total = actions.shown_event_count(self.state)
        self.count_label.setText(f"{shown:,} of {plural(total, 'event')} shown")
        hidden = len(self.state.hidden_lanes)
        if hidden:
            self.count_label.setText(self.count_label.text() + f" · {plural(hidden, 'lane')} hidden")
        n = self.errors.list.count()
        if n:
            self.problems_button.setText(plural(n, "problem"))
            self.problems_button.show()
        else:
            self.problems_button.hide()
        self.key_actions["back"].setEnabled(self.state.can_go_back())
        self.key_actions["forward"].setEnabled(self.state.can_go_forward())

    # -- window events -----------------------------------------------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if _dropped_path(e) is not None:
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e: QDropEvent) -> None:
        p = _dropped_path(e)
        if p is None:
            e.ignore()
            return
        e.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_path(p))  # let the drag finish before loading

    def save_settings(self) -> None:
        self.settings.save_window(self)
        self.settings.save_splitter("main", self.splitter)
        if self.path is not None and self.loaded:
            self.settings.set_last_path(self.path)
        self.settings.sync()

    def closeEvent(self, e: QCloseEvent) -> None:
        self.save_settings()
        self.watcher.stop()
        self.loader.cancel(quietly=True)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._repeat_watch)
        super().closeEvent(e)


BACKGROUND_BYTES = 2 * 1024 * 1024  # chronologies larger than this load on a worker thread


def _size_of(p: Path) -> int:
    """Bytes in the files of the chronology at ``p`` (0 when it cannot be listed)."""
    try:
        return sum(f.stat().st_size for f in chronology_files(p) if f.is_file())
    except OSError:
        return 0


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _html(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _dropped_path(e: QDragEnterEvent | QDropEvent) -> str | None:
    md = e.mimeData()
    if md is None or not md.hasUrls():
        return None
    for url in md.urls():
        if url.isLocalFile():
            local = url.toLocalFile()
            if os.path.exists(local):
                return local
    return None
