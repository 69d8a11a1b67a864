"""Finding one's way in the window (issue 15): Go to date (Ctrl+G), the filter bar
(Ctrl+Shift+F), the overview band (O), saved views (Ctrl+D) and Compare with… (Ctrl+Shift+C, n /
Shift+N, Esc). The window builds one :class:`Navigation`, places its widgets and lets the key table
call it (``w.nav.…``)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QWidget

from timeline_app.model import actions
from timeline_app.model.filters import EventFilter, shown_chronology
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.compare import CompareMode
from timeline_app.ui.app.document import Document, same_path
from timeline_app.ui.app.saved_views import SavedViews
from timeline_app.ui.app.settings import Settings
from timeline_app.ui.panels.filter_bar import FilterBar
from timeline_app.ui.panels.goto_dialog import GoToDateDialog
from timeline_app.ui.timeline.overview_band import OverviewBand


class NavWindow(Protocol):
    """What this asks of the main window."""

    settings: Settings
    state: ViewState
    canvas: ChronologyCanvas
    document: Document

    @property
    def path(self) -> Path | None: ...
    @property
    def loaded(self) -> bool: ...
    def start_dir(self) -> str: ...
    def refresh_status(self) -> None: ...


class Navigation(QObject):
    def __init__(self, window: NavWindow, host: QMainWindow) -> None:
        super().__init__(host)
        self.window = window
        self.host = host
        state = window.state
        self.filter_bar = FilterBar(state)
        self.filter_bar.leave_requested.connect(self._focus_timeline)
        self.filter_bar.hide()
        self.overview = OverviewBand(state)
        self.overview.setVisible(window.settings.overview_shown())
        self.compare = CompareMode(state, window.canvas, host)
        self.compare.finished.connect(self._compare_finished)
        self.goto_dialog: GoToDateDialog | None = None
        self.views: SavedViews | None = None
        self.overview_action: QAction | None = None
        state.event_filter_changed.connect(self._on_event_filter)

    def attach(self, views_menu: QMenu, overview_action: QAction) -> None:
        """The menus are made: Go ▸ Saved views, and View ▸ Overview band's check mark."""
        self.views = SavedViews(self.window, self.host, views_menu)
        self.views.dialog_closed.connect(self._dialog_closed)
        self.overview_action = overview_action
        overview_action.setCheckable(True)
        overview_action.setChecked(self.overview.isVisible())

    def _focus_timeline(self) -> None:
        self.window.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dialog_closed(self) -> None:
        self.window.refresh_status()  # Back is enabled once the jump is in the history
        self.host.activateWindow()
        self._focus_timeline()

    def _on_event_filter(self, f: EventFilter) -> None:
        self.window.document.remember_event_filter(f)
        if f.active and self.window.document.applying:  # filters kept from last time: say so
            self.filter_bar.show()

    # -- commands of the key table ----------------------------------------------------------------------
    def go_to_date(self) -> None:
        """Ctrl+G: the Go to date dialog; the focus comes back to the timeline."""
        if self.goto_dialog is None:
            self.goto_dialog = GoToDateDialog(self.window.state, self.host)
            self.goto_dialog.finished.connect(self._dialog_closed)
        self.goto_dialog.open_for()

    def toggle_filter_bar(self) -> None:
        """Ctrl+Shift+F: show the filter bar with the focus in its field; again from inside the bar,
        hide it (the filters stay)."""
        w = QApplication.focusWidget()
        bar = self.filter_bar
        inside = w is not None and (w is bar or bar.isAncestorOf(w))
        if bar.isVisible() and inside:
            bar.hide()
            self._focus_timeline()
        else:
            bar.show()
            bar.focus_field()

    def toggle_overview(self) -> None:
        """O: the overview band on or off (remembered in the settings)."""
        shown = not self.overview.isVisible()
        self.overview.setVisible(shown)
        self.window.settings.set_overview_shown(shown)
        if self.overview_action is not None:
            self.overview_action.setChecked(shown)

    def open_saved_views(self) -> None:
        """Ctrl+D: name the view shown, or return to a saved one."""
        if self.views is not None:
            self.views.open_dialog()

    def compare_dialog(self) -> None:
        """File ▸ Compare with…: choose another version of the chronology to compare with."""
        path = self.window.path
        self.compare.choose_file(self.window.start_dir(), folder=path is not None and path.is_dir())
        if self.compare.message:
            self.host.statusBar().showMessage(self.compare.message, 8000)

    def _compare_finished(self, message: str) -> None:
        if message:
            self.host.statusBar().showMessage(message, 8000)
        else:
            self.host.statusBar().clearMessage()

    def compare_step(self, direction: int) -> None:
        """n / Shift+N (F8 / Shift+F8): the next or previous difference while comparing."""
        if not self.compare.step(direction):
            self.host.statusBar().showMessage(
                translate("MainWindow", "Not comparing: File ▸ Compare with… first"), 4000
            )

    def export_shown_dialog(self) -> None:
        """File ▸ Export shown events…: the events the filters and lanes let through, as JSON or CSV."""
        name, _ = QFileDialog.getSaveFileName(
            self.host,
            translate("MainWindow", "Export the events shown"),
            str(Path(self.window.start_dir()) / "events-shown.json"),
            translate("MainWindow", "JSON (*.json);;CSV (*.csv)"),
        )
        if name:
            self.host.statusBar().showMessage(self.export_shown(Path(name)), 6000)

    def export_shown(self, path: Path) -> str:
        """Write the events shown to ``path`` (.csv: a table, else JSON); returns what to tell the
        user. Never over one of the chronology's own files."""
        st = self.window.state
        if any(same_path(path, Path(f)) for f in st.chronology.files):
            return translate("MainWindow", "That is one of the chronology's own files; choose another name.")
        from timeline_app.io.export import events_csv, to_json  # on use: a start never needs them

        chron = shown_chronology(st.chronology, actions.visible_mask(st))
        text = events_csv(chron) if path.suffix.lower() == ".csv" else to_json(chron)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as e:
            return fill(translate("MainWindow", "Could not write %1: %2"), path, e.strerror or e)
        written = len(chron.events)
        return fill(translate("MainWindow", "Wrote %Ln event(s) to %1", None, written), path)

    def escape(self) -> bool:
        """Esc: leave the comparison, if one is shown."""
        if self.compare.active:
            self.compare.leave()
            return True
        return False

    def panes(self) -> list[QWidget]:
        """The panes F6 reaches besides the window's own: the overview band, the filter field."""
        out: list[QWidget] = []
        if self.overview.isVisible():
            out.append(self.overview)
        if self.filter_bar.isVisible():
            out.append(self.filter_bar.field)
        return out
