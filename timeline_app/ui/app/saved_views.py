"""The window's saved views: kept per chronology in the settings, listed in Go ▸ Saved views
(numbered for the keyboard), and named or chosen in the Saved views dialog (Ctrl+D), for which this
is the :class:`~timeline_app.ui.panels.saved_views_dialog.ViewStore`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from timeline_app.model import saved_views
from timeline_app.model.saved_views import SavedView
from timeline_app.model.view_state import ViewState
from timeline_app.text import translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.document import same_path
from timeline_app.ui.app.settings import Settings
from timeline_app.ui.panels.saved_views_dialog import SavedViewsDialog


class ViewWindow(Protocol):
    """What this asks of the main window."""

    @property
    def path(self) -> Path | None: ...
    @property
    def loaded(self) -> bool: ...

    settings: Settings
    state: ViewState
    canvas: ChronologyCanvas


class SavedViews(QObject):
    dialog_closed = Signal()

    def __init__(self, window: ViewWindow, parent: QObject, menu: QMenu) -> None:
        super().__init__(parent)
        self.window = window
        self.menu = menu
        self.dialog: SavedViewsDialog | None = None
        menu.aboutToShow.connect(self.rebuild_menu)
        self.rebuild_menu()

    def open_dialog(self) -> None:
        if self.dialog is None:
            parent = self.parent()
            self.dialog = SavedViewsDialog(self, parent if isinstance(parent, QWidget) else None)
            self.dialog.finished.connect(lambda _r: self.dialog_closed.emit())
        self.dialog.open_dialog()

    # -- ViewStore -------------------------------------------------------------------------------------
    def _path(self) -> Path | None:
        w = self.window
        return w.path if w.path is not None and w.loaded else None

    def saved_views(self) -> list[SavedView]:
        p = self._path()
        return self.window.settings.saved_views(p) if p is not None else []

    def set_saved_views(self, views: list[SavedView]) -> None:
        p = self._path()
        if p is not None:
            self.window.settings.set_saved_views(p, views)
        self.rebuild_menu()

    def save_current_view(self, name: str) -> SavedView | None:
        if self._path() is None:
            return None
        w = self.window
        view = saved_views.capture(w.state, name, w.canvas.shown_plots())
        self.set_saved_views(saved_views.with_view(self.saved_views(), view))
        return view

    def show_saved_view(self, view: SavedView) -> None:
        w = self.window
        saved_views.apply(w.state, view)
        if view.plots is not None:
            w.canvas.set_shown_plots(list(view.plots))

    def owns_file(self, path: Path) -> bool:
        return any(same_path(path, Path(f)) for f in self.window.state.chronology.files)

    # -- Go ▸ Saved views ------------------------------------------------------------------------------
    def rebuild_menu(self) -> None:
        m = self.menu
        m.clear()
        views = self.saved_views()
        for k, v in enumerate(views, start=1):
            number = f"&{k}  " if k < 10 else ""
            act = m.addAction(number + v.name.replace("&", "&&"))
            act.triggered.connect(lambda _=False, v=v: self.show_saved_view(v))
        if not views:
            m.addAction(translate("SavedViews", "No saved views (Ctrl+D saves one)")).setEnabled(False)
