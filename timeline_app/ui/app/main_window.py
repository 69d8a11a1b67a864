"""The main window: timeline and plots in the middle, details and search beside them.

Layout::

    ┌ menus: File  View  Go  Help ─────────────────────────────────────────┐
    │ ┌ canvas (lanes + linked plots) ───────┐ ┃ ┌ search field ─────────┐ │
    │ │                                       │ ┃ │ results (while typing) │ │
    │ │                                       │ ┃ ├ detail pane ──────────┤ │
    │ ├ problems bar (only when files are bad)┤ ┃ │                        │ │
    │ └───────────────────────────────────────┘ ┃ └────────────────────────┘ │
    └ status: visible dates · N of M events in view · problems ───────────────┘

Every key comes from :mod:`timeline_app.ui.app.keymap`, as window-wide actions that also fill the
menus. The window owns the one :class:`ViewState`; the views follow it and write through it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model import actions
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app import file_commands, keymap, language
from timeline_app.ui.app.access_tools import AccessTools
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.canvas_access import TimelineAnnouncer
from timeline_app.ui.app.document import Document
from timeline_app.ui.app.input_watch import input_watch
from timeline_app.ui.app.menus import WindowMenus
from timeline_app.ui.app.navigation import Navigation
from timeline_app.ui.app.panes import PaneFrame
from timeline_app.ui.app.printing import Printing
from timeline_app.ui.app.settings import Settings
from timeline_app.ui.app.status_bar import WindowStatusBar
from timeline_app.ui.app.tour_mode import TourMode
from timeline_app.ui.panels.detail_pane import DetailPane
from timeline_app.ui.panels.error_panel import ErrorPanel
from timeline_app.ui.panels.search_panel import SearchPanel

if TYPE_CHECKING:
    from timeline_app.ui.app.help_overlay import HelpOverlay

log = logging.getLogger(__name__)

APP_TITLE = "Timeline"


class MainWindow(QMainWindow):
    """The viewer's window. ``open_path`` loads a chronology file or folder."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.state = ViewState()
        self.document = Document(self.state, self.settings, self)
        self.loader = self.document.loader
        self.watcher = self.document.watcher
        self.chronology_loaded = self.document.chronology_loaded
        self.load_failed = self.document.load_failed
        self._return_focus: QWidget | None = None
        self._ramps = {"zoom": actions.RepeatRamp(), "pan": actions.RepeatRamp()}
        self._input = input_watch()  # installed when the window is shown (see showEvent)

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
        self.canvas.setAccessibleName(translate("MainWindow", "Timeline"))
        self.timeline_announcer = TimelineAnnouncer(self.canvas)
        self.detail = DetailPane(self.state)
        self.detail.status_message.connect(self._show_link)
        self.search = SearchPanel(self.state)
        self.search.closed.connect(self._search_closed)
        self.nav = Navigation(self, self)
        self.access = AccessTools(self.state, self.canvas, self.settings, self)
        self.filter_bar, self.overview = self.nav.filter_bar, self.nav.overview
        self.compare = self.nav.compare
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
        left_lay.addWidget(self.filter_bar, 0)
        left_lay.addWidget(self.canvas_frame, 1)
        self.tours = TourMode(self.state, self.canvas, self)
        self.printing = Printing(self.state, self.canvas, self)
        left_lay.addWidget(self.tours.caption, 0)
        left_lay.addWidget(self.compare.panel, 0)
        left_lay.addWidget(self.overview, 0)
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

        self._help: HelpOverlay | None = None  # built the first time `?` is pressed, not for the first frame

    def _build_actions(self) -> None:
        self.key_actions: dict[str, QAction] = {}
        for b in keymap.window_bindings():
            act = QAction(self)
            act.setObjectName(b.name)
            act.setShortcuts(keymap.sequences(b))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.setAutoRepeat(b.auto_repeat)
            act.triggered.connect(lambda _checked=False, b=b: self._run(b))
            self.addAction(act)
            self.key_actions[b.name] = act
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.problems_action = QAction(self)
        self.problems_action.setCheckable(True)
        self.problems_action.toggled.connect(self._toggle_problems)
        self.cancel_load_action = QAction(self)
        self.cancel_load_action.setObjectName("cancel-load")
        self.cancel_load_action.setEnabled(False)
        self.cancel_load_action.triggered.connect(self.cancel_loading)
        self.key_actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)

        self._retranslate_actions()

    def _retranslate_actions(self) -> None:
        for b in keymap.window_bindings():
            act = self.key_actions[b.name]
            act.setText(keymap.tr_key(b.menu_text))
            act.setStatusTip(keymap.tr_key(b.description))
        self.about_action.setText(translate("MainWindow", "About Timeline"))
        self.problems_action.setText(translate("MainWindow", "Show problems"))
        self.problems_action.setStatusTip(
            translate("MainWindow", "Show or hide the list of problems in the files")
        )
        self.cancel_load_action.setText(translate("MainWindow", "Cancel loading"))
        self.cancel_load_action.setStatusTip(
            translate("MainWindow", "Stop opening a large chronology; the one shown stays")
        )

    # -- the interface language ----------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """View ▸ Language: switch at once (every widget retranslates on LanguageChange) and remember."""
        self.settings.set_language(language.apply_language(lang))
        self.document.relocalize()  # titles, lanes, sources in that language too
        self.document.say_problems_again()  # and the problems listed, without reading the files again

    def retranslate(self) -> None:
        """The window's own texts (actions, menus, status bar, title) in the current language."""
        self._retranslate_actions()
        self.menu_bar.retranslate()
        self.menu_bar.sync_language()
        self.tours.retranslate()
        self.canvas.setAccessibleName(translate("MainWindow", "Timeline"))
        self.status.retranslate()
        self.filter_bar.refresh()
        self.detail.refresh()
        self._update_title()
        self._update_status()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange and hasattr(self, "status"):
            self.retranslate()

    def _run(self, b: keymap.Binding) -> None:
        if b.run is not None:
            b.run(self)

    def _build_menus(self) -> None:
        extra = {
            "cancel-load": self.cancel_load_action,
            "problems": self.problems_action,
            "about": self.about_action,
            "reduce-motion": self.tours.motion_action(self.settings),
        }
        self.menu_bar = WindowMenus(self, self.state, self.settings, {**self.key_actions, **extra})
        self.menu_bar.open_requested.connect(self.open_path)
        self.menu_bar.language_requested.connect(self.set_language)
        self.menus = self.menu_bar.menus
        self.lanes_menu = self.menu_bar.lanes_menu
        self.recent_menu = self.menu_bar.recent_menu
        self.nav.attach(self.menu_bar.views_menu, self.key_actions["overview"])
        self.tours.attach_menu(self.menu_bar.tours_menu)
        self.access.attach(self.key_actions["high-contrast"])

    def _rebuild_recent_menu(self) -> None:
        self.menu_bar.rebuild_recent()

    def _build_status_bar(self) -> None:
        self.status = WindowStatusBar(self.statusBar(), self.style())
        self.status.problems_button.clicked.connect(lambda: self.problems_action.toggle())
        self.status.cancel_load_button.clicked.connect(self.cancel_loading)
        self.range_label = self.status.range_label
        self.count_label = self.status.count_label
        self.problems_button = self.status.problems_button
        self.load_label = self.status.load_label
        self.load_bar = self.status.load_bar
        self.cancel_load_button = self.status.cancel_load_button

    def _connect_state(self) -> None:
        s = self.state
        s.range_changed.connect(self._on_range)
        s.filters_changed.connect(self._on_filters)
        s.event_filter_changed.connect(self._on_range)
        s.chronology_changed.connect(self._on_chronology)
        s.selection_changed.connect(self._on_selection)

    # -- the document ------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The chronology shown (or, before any load succeeded, tried)."""
        return self.document.path

    @property
    def loaded(self) -> bool:
        """Whether a chronology has loaded from ``path``."""
        return self.document.loaded

    @property
    def failed_path(self) -> Path | None:
        return self.document.failed_path

    def open_path(
        self, path: str | os.PathLike[str], *, initial: bool = False, background: bool | None = None
    ) -> bool:
        """Show the chronology at ``path`` (see :meth:`Document.open_path`)."""
        return self.document.open_path(path, initial=initial, background=background)

    def reload(self) -> bool:
        """Read the files of the chronology shown again (F5, or by itself when they change)."""
        return self.document.reload()

    def retry(self) -> bool:
        return self.document.retry()

    def cancel_loading(self) -> None:
        self.document.cancel_loading()

    def _connect_document(self) -> None:
        d = self.document
        d.applied.connect(self._on_applied)
        d.problems_found.connect(self._on_problems)
        d.problems_said.connect(self.errors.say_again)
        d.path_adopted.connect(self._update_title)
        d.loading_started.connect(self._show_loading)
        d.loading_ended.connect(self._hide_loading)
        self.loader.progress.connect(self._on_load_progress)
        self.loader.cancelled.connect(self._on_load_cancelled)
        d.localizing.connect(self.status.show_localizing)

    def _on_applied(self, switching: bool) -> None:
        if switching:
            self._rebuild_recent_menu()
            if self.nav.views is not None:
                self.nav.views.rebuild_menu()
        self.errors.clear()
        self.problems_action.setChecked(False)
        self._update_title()
        self._update_status()

    def _on_problems(self, header: str, lines: list[str], files: list[str | None]) -> None:
        self.errors.show_problems(header, lines, files)
        self.problems_action.setChecked(True)
        self._update_status()

    # -- loading in the background -----------------------------------------------------------------
    def _build_loader(self) -> None:
        self._connect_document()

    def _show_loading(self, p: Path) -> None:
        self.status.show_loading(p)
        self.cancel_load_action.setEnabled(True)

    def _hide_loading(self) -> None:
        self.status.hide_loading()
        self.cancel_load_action.setEnabled(False)

    def _on_load_progress(self, what: str, fraction: float) -> None:
        if self.loader.busy():
            self.status.show_progress(what, fraction)

    def _on_load_cancelled(self, p: Path) -> None:
        self._hide_loading()
        self.statusBar().showMessage(fill(translate("MainWindow", "Stopped opening %1"), p.name), 4000)

    # -- user commands -----------------------------------------------------------------------------
    def start_dir(self) -> str:
        if self.path is not None:
            return str(self.path if self.path.is_dir() else self.path.parent)
        return str(Path.home())

    def open_file_dialog(self) -> None:
        name = file_commands.ask_open_file(self, self.start_dir())
        if name:
            self.open_path(name)

    def open_folder_dialog(self) -> None:
        name = file_commands.ask_open_folder(self, self.start_dir())
        if name:
            self.open_path(name)

    def export_image(self) -> None:
        message = file_commands.export_image(self, self.canvas, self.state.chronology.files)
        if message:
            self.statusBar().showMessage(message, 4000)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    @property
    def help(self) -> HelpOverlay:
        """The keys overlay (`?`). Built on first use: its hundred rows of rich text took a tenth
        of the start-up time, for a card nobody sees in the first frame."""
        if self._help is None:
            from timeline_app.ui.app.help_overlay import HelpOverlay

            self._help = HelpOverlay(self)
        return self._help

    def help_shown(self) -> bool:
        return self._help is not None and self._help.isVisible()

    def toggle_help(self) -> None:
        if self.help_shown():
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
        return out + self.nav.panes()

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

    def tour_step(self, kind: str) -> bool:
        """Page Down / Space, Page Up, Home, End during a tour (False when none runs)."""
        if self.tours.step(kind):
            return True
        if kind in ("next", "prev"):
            self.statusBar().showMessage(
                translate("MainWindow", "No tour is running: Go ▸ Tours starts one"), 4000
            )
        return False

    def escape(self) -> None:
        if self.help_shown():
            self.help.close_overlay()
        elif self.tours.leave() or self.nav.escape():
            pass
        elif self.state.selection is not None:
            actions.clear_selection(self.state)
        elif self.state.query:
            self.search.close_search()

    def repeat_step(self, kind: str) -> float:
        """How far a zoom or pan step goes: 1 for a press, growing while the key is held."""
        return self._ramps[kind].step(self._input.auto_repeat)

    def show_about(self) -> None:
        file_commands.show_about(self, self.state.chronology, self.settings.file_name())

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
        self.document.remember_hidden_lanes(hidden)
        self.menu_bar.sync_lanes()
        self._update_status()

    def _on_chronology(self, *_: object) -> None:
        self.menu_bar.rebuild_lanes()
        self._update_title()

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

    def refresh_status(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        self.status.update(self.state, self.errors.list.count())
        self.key_actions["back"].setEnabled(self.state.can_go_back())
        self.key_actions["forward"].setEnabled(self.state.can_go_forward())

    # -- window events -----------------------------------------------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if file_commands.dropped_path(e) is not None:
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e: QDropEvent) -> None:
        p = file_commands.dropped_path(e)
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
        self.tours.leave()  # the lanes and filters kept for next time are the user's, not a stop's
        self.save_settings()
        self.document.close()
        self.compare.close()
        super().closeEvent(e)

    def showEvent(self, e: QShowEvent) -> None:
        self._input.install()  # no input reaches a window before it is shown
        super().showEvent(e)
