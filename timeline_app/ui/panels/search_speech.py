"""What the search says to a screen reader: the number of matches as you type, and the match chosen.

Typing in the field changes its text, which a screen reader echoes, but the count under it is a
label nobody has focused. :class:`SearchSpeech` announces the count once typing pauses
(:attr:`PAUSE_MS`) and again when a long search finishes with another figure; when Enter, ↓/↑ or a
click in the list selects a match while the focus is in the search, it announces that event:
"title, date, lane".
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from timeline_app.model.view_state import Selection, ViewState
from timeline_app.ui.drawing.speech import announce
from timeline_app.ui.timeline.access_items import event_speech


class SearchSpeech(QObject):
    """Announcements for a search panel (its ``field``, ``count`` label and ``matches``)."""

    PAUSE_MS = 500

    def __init__(self, panel: QWidget, field: QWidget, count: QWidget, state: ViewState) -> None:
        super().__init__(panel)
        self._panel = panel
        self._field = field
        self._count = count
        self._state = state
        self._said_count = ""
        self.last_announcement = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.PAUSE_MS)
        self._timer.timeout.connect(self._say_count)
        state.query_changed.connect(self._on_query)
        state.selection_changed.connect(self._on_selection)

    def _focus_in_search(self) -> bool:
        w = QApplication.focusWidget()
        return w is not None and (w is self._panel or self._panel.isAncestorOf(w))

    def _on_query(self, query: str) -> None:
        self._said_count = ""
        if query.strip():
            self._timer.start()
        else:
            self._timer.stop()

    def count_changed(self, searching: bool) -> None:
        """The panel showed a new count; ``searching``: it is not final yet."""
        if not searching and self._said_count and not self._timer.isActive():
            self._say_count()  # a long search finished: its final figure

    def _say_count(self) -> None:
        text = self._count.accessibleName()
        if text == self._said_count or not self._focus_in_search() or not self._state.query.strip():
            return
        self._said_count = text
        self._say(text)

    def _on_selection(self, sel: Selection | None) -> None:
        if sel is None or sel.event_id is None or not self._focus_in_search():
            return
        ev = self._state.chronology.event(sel.event_id)
        if ev is None:
            return
        self._say(event_speech(self._state.chronology, ev))

    def _say(self, text: str) -> None:
        self.last_announcement = text
        announce(self._field, text)


__all__ = ["SearchSpeech"]
