"""The status bar: the dates in view, how many events are shown, the problems button, and the
progress of a background load with its Cancel button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QStyle, QToolButton

from timeline_app.model import actions
from timeline_app.model.dates import PartialDate, civil_from_days
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, format_count, translate
from timeline_app.ui.drawing.speech import CaptionedLabel


def day_words(day: float) -> str:
    y, m, d = civil_from_days(int(day // 1))
    return PartialDate(y, m, d).words()


class WindowStatusBar:
    """The widgets of the window's status bar and what they show."""

    def __init__(self, sb: QStatusBar, style: QStyle) -> None:
        self._sb = sb
        # read as "Visible dates: 1 January 2014 – …", the caption and the value
        self.range_label = CaptionedLabel(translate("StatusBar", "Visible dates"))
        self.count_label = CaptionedLabel(translate("StatusBar", "Events in view"))
        self.problems_button = QToolButton()
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        sb.addWidget(self.range_label, 1)
        sb.addPermanentWidget(self.count_label)
        sb.addPermanentWidget(self.problems_button)
        self.problems_button.hide()

        self.load_bar = QProgressBar()
        self.load_bar.setRange(0, 1000)
        self.load_bar.setMaximumWidth(220)
        self.load_label = QLabel()
        self.cancel_load_button = QToolButton()
        for w in (self.load_label, self.load_bar, self.cancel_load_button):
            sb.addPermanentWidget(w)
            w.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """The fixed texts in the current language (the changing ones follow with :meth:`update`)."""
        self.range_label.set_caption(translate("StatusBar", "Visible dates"))
        self.count_label.set_caption(translate("StatusBar", "Events in view"))
        self.problems_button.setToolTip(translate("StatusBar", "Show or hide the problems in the files"))
        self.load_bar.setAccessibleName(translate("StatusBar", "Loading progress"))
        self.cancel_load_button.setText(translate("StatusBar", "Cancel"))
        self.cancel_load_button.setToolTip(
            translate("StatusBar", "Stop loading (File ▸ Cancel loading); the chronology shown stays")
        )

    def update(self, state: ViewState, problems: int) -> None:
        r = state.range
        self.range_label.setText(f"{day_words(r.start)} – {day_words(r.end)}")
        shown, total = actions.shown_event_count(state)
        counted = translate("StatusBar", "%1 of %Ln event(s) in view", None, total)
        self.count_label.setText(counted.replace("%1", format_count(shown)))
        hidden = len(state.hidden_lanes)
        if hidden:
            self.count_label.setText(
                self.count_label.text() + translate("StatusBar", " · %Ln lane(s) hidden", None, hidden)
            )
        if problems:
            self.problems_button.setText(translate("StatusBar", "%Ln problem(s)", None, problems))
            self.problems_button.show()
        else:
            self.problems_button.hide()

    def show_loading(self, p: Path) -> None:
        self.load_label.setText(fill(translate("StatusBar", "Opening %1…"), p.name))
        self.load_bar.setValue(0)
        for w in (self.load_label, self.load_bar, self.cancel_load_button):
            w.show()

    def hide_loading(self) -> None:
        for w in (self.load_label, self.load_bar, self.cancel_load_button):
            w.hide()

    def show_localizing(self, started: bool) -> None:
        """A large chronology is being put in the interface's language on a worker thread."""
        if started:
            self._sb.showMessage(translate("StatusBar", "Showing the chronology in the language chosen…"))
        else:
            self._sb.clearMessage()

    def show_progress(self, what: str, fraction: float) -> None:
        self.load_bar.setValue(int(fraction * 1000))
        self.load_bar.setToolTip(what)
