"""Go to date (Ctrl+G): a small dialog with one field. What is typed ("2017", "2017-04",
"2017-04-01", "44 BCE", "2014..2017") is read as it is typed: the line under the field says what it
stands for ("April 2017") or what is wrong with it, and Enter moves the view there at its precision
(:func:`timeline_app.model.actions.go_to_date`, through the view state). A text that is not a date
keeps the dialog open with the problem said under the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from timeline_app.model import actions
from timeline_app.model.dates import DateError
from timeline_app.model.goto import goto_words
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate


class GoToDateDialog(QDialog):
    """Type a date or a range and press Enter to see it."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("goToDate")
        self.setWindowTitle(translate("GoToDate", "Go to date"))
        self.field = QLineEdit()
        self.field.setObjectName("goToDateField")
        self.field.setAccessibleName(translate("GoToDate", "Date or range to go to"))
        self.field.setPlaceholderText(translate("GoToDate", "2017, 2017-04, 2017-04-01, 44 BCE, 2014..2017"))
        prompt = QLabel(translate("GoToDate", "&Date or range:"))
        prompt.setBuddy(self.field)
        self.message = QLabel()
        self.message.setObjectName("goToDateMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("GoToDate", "What the date stands for"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go_button = buttons.addButton(
            translate("GoToDate", "&Go"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        for b in buttons.buttons():
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
        buttons.accepted.connect(self.go)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(prompt)
        lay.addWidget(self.field)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.field.textChanged.connect(self._preview)
        self.setMinimumWidth(360)
        self._preview("")

    def open_for(self, text: str = "") -> None:
        """Show the dialog (not modal: the window stays visible behind it), the field focused."""
        if text:
            self.field.setText(text)
        self.field.selectAll()
        self.show()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _preview(self, text: str) -> None:
        if not text.strip():
            self.message.setText(translate("GoToDate", "Type a date or a range, then Enter."))
            return
        try:
            words = goto_words(text)
        except DateError as e:
            self.message.setText(fill(translate("GoToDate", "Not a date: %1"), e))
        else:
            self.message.setText(fill(translate("GoToDate", "Enter: go to %1"), words))

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go()  # wherever the focus is in the dialog (not the default button's guess)
        else:
            super().keyPressEvent(e)

    def go(self) -> None:
        """Enter: move the view to the date typed, or say in place why it cannot."""
        try:
            actions.go_to_date(self.state, self.field.text())
        except DateError as e:
            self.message.setText(fill(translate("GoToDate", "Not a date: %1"), e))
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()
