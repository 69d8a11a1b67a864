"""The window's commands for reading the data another way (issue 17): View ▸ Data table (Ctrl+T),
View ▸ High contrast (Ctrl+Shift+H, remembered) and View ▸ Say the view (V). The window builds one
:class:`AccessTools` and the key table calls it (``w.access.…``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app import theme
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.canvas_access import visible_range_text
from timeline_app.ui.app.settings import Settings
from timeline_app.ui.drawing.speech import announce
from timeline_app.ui.timeline.access_items import event_speech

if TYPE_CHECKING:
    from timeline_app.ui.panels.data_table import DataTableDialog


class AccessTools(QObject):
    def __init__(self, state: ViewState, canvas: ChronologyCanvas, settings: Settings, host: QWidget) -> None:
        super().__init__(host)
        self.state = state
        self.canvas = canvas
        self.settings = settings
        self.host = host
        self.data_table: DataTableDialog | None = None
        self._contrast_action: QAction | None = None
        theme.set_high_contrast(settings.high_contrast())

    def attach(self, contrast_action: QAction) -> None:
        """The View menu's "High contrast" action: checkable, checked as the settings say."""
        self._contrast_action = contrast_action
        contrast_action.setCheckable(True)
        contrast_action.setChecked(theme.is_high_contrast())

    def open_data_table(self) -> None:
        """Ctrl+T: the shown plots' series as tables, in a window of their own."""
        from timeline_app.ui.panels.data_table import DataTableDialog  # not needed for the first frame

        if self.data_table is not None:
            self.data_table.close()
            self.data_table.deleteLater()
        self.data_table = DataTableDialog(self.state.chronology, self.canvas.shown_plots(), self.host)
        self.data_table.show()
        self.data_table.activateWindow()

    def say_view(self) -> str:
        """V: the dates shown, the events in view and the selection, announced and put in the
        status bar: "Showing 2014 – 2016, 12 of 73 events. Selected: <title>, <date>, <lane>"."""
        text = visible_range_text(self.state)
        sel = self.state.selection
        ev = self.state.chronology.event(sel.event_id) if sel is not None and sel.event_id else None
        if ev is not None:
            text = fill(
                translate("TimelineAccess", "%1. Selected: %2"), text, event_speech(self.state.chronology, ev)
            )
        announce(self.canvas, text, assertive=True)
        status = getattr(self.host, "statusBar", None)
        if callable(status):
            status().showMessage(text, 6000)
        return text

    def toggle_high_contrast(self) -> None:
        """Ctrl+Shift+H: the high-contrast colours on or off (remembered in the settings)."""
        on = not theme.is_high_contrast()
        theme.set_high_contrast(on)
        self.settings.set_high_contrast(on)
        if self._contrast_action is not None:
            self._contrast_action.setChecked(on)


__all__ = ["AccessTools"]
