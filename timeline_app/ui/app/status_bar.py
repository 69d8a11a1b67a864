"""The status bar: the dates in view, how many events are shown, the problems button, and the
progress of a background load with its Cancel button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QStyle, QToolButton

from timeline_app.model import actions
from timeline_app.model.dates import PartialDate, civil_from_days
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, format_count, translate
from timeline_app.ui.drawing.speech import CaptionedLabel


def day_words(day: float) -> str:
    y, m, d = civil_from_days(int(day // 1))
    return PartialDate(y, m, d).words()


_ANY_SIZE = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, a widget's default maximum size
_BEARING_PX = 2  # how far a text's glyphs may reach past its advance


class SteadyLabel(CaptionedLabel):
    """A status label whose text changes at every step of a movement (the dates in view, the count),
    of a fixed size that only grows. A label sized to its text asks the status bar to lay out again
    whenever its text changes, and a status bar that is asked repaints itself whole (Qt's
    ``QStatusBar::event``): a second paint after every step's frame. A label of a fixed size asks
    nothing; this one grows when a text needs more room (a layout then, rarely), and fits its text
    again when its font, its style or the language change (:meth:`refit`). It is as tall as
    ``row_height()`` says, when that is more than its text needs: the height the status bar's row
    gave it when it followed its text."""

    def __init__(self, caption: str, row_height: Callable[[], int] = lambda: 0) -> None:
        super().__init__(caption)
        self._row_height = row_height
        self._fitted = False
        self._room = -1.0  # the advance of the widest one-line text the label was fitted to

    def setText(self, text: str) -> None:
        super().setText(text)
        if self._fitted and "\n" not in text:
            # a text narrower than one it was fitted to fits as well: no size hint asked (a
            # label's lays its text out, 0.09 ms, twice a step), with a margin for glyphs that
            # reach past their advance
            advance = self.fontMetrics().horizontalAdvance(text)
            if advance + _BEARING_PX <= self._room:
                return
        self._fit()

    def refit(self) -> None:
        """Fit the text exactly (then grow again as needed)."""
        self._fitted = False
        self._fit()

    def fit_next(self) -> None:
        """Fit the next text exactly: the same words in another language, which may be shorter."""
        self._fitted = False

    def _fit(self) -> None:
        if not self._fitted:  # a label's size hint is never less than its minimum size: unfix it
            self.setMinimumSize(0, 0)
            self.setMaximumSize(_ANY_SIZE, _ANY_SIZE)
            self._room = -1.0
        hint = self.sizeHint()  # the text's
        if "\n" not in self.text():
            self._room = max(self._room, float(self.fontMetrics().horizontalAdvance(self.text())))
        width = max(hint.width(), self.minimumWidth()) if self._fitted else hint.width()
        self._fitted = True
        size = QSize(width, max(hint.height(), self._row_height()))
        if self.minimumSize() != size or self.maximumSize() != size:
            self.setFixedSize(size)

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.refit()


class WindowStatusBar:
    """The widgets of the window's status bar and what they show."""

    def __init__(self, sb: QStatusBar, style: QStyle) -> None:
        self._sb = sb
        self.problems_button = QToolButton()

        def row() -> int:  # the tallest in the row, shown or not: the status bar's row height
            return int(self.problems_button.sizeHint().height())

        # read as "Visible dates: 1 January 2014 – …", the caption and the value
        self.range_label = SteadyLabel(translate("StatusBar", "Visible dates"), row)
        self.count_label = SteadyLabel(translate("StatusBar", "Events in view"), row)
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
        for label in (self.range_label, self.count_label):
            label.fit_next()  # the texts of another language: fitted again when they are set
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
