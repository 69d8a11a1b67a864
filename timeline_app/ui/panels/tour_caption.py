"""The caption of a running tour, under the timeline: the tour's title and where in it ("3 / 12"),
the stop's heading and date, and the stop's own sentences. Read by screen readers as one
description that changes with every stop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from timeline_app.text import fill, translate


class TourCaption(QFrame):
    """Shown only while a tour runs. ``show_stop`` fills it; the window hides it when the tour ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tourCaption")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("Tours", "Tour caption"))
        self.tour_title = QLabel()
        self.tour_title.setObjectName("tourTitle")
        self.position = QLabel()
        self.position.setObjectName("tourPosition")
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.heading = QLabel()
        self.heading.setObjectName("tourHeading")
        self.heading.setWordWrap(True)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.25)
        self.heading.setFont(bold)
        self.text = QLabel()
        self.text.setObjectName("tourText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(
            translate("Tours", "Page Down or Space: next stop · Page Up: previous · Esc: leave the tour")
        )
        self.hint.setObjectName("tourHint")
        self.hint.setEnabled(False)  # drawn as secondary text
        self.last_announcement = ""

        top = QHBoxLayout()
        top.addWidget(self.tour_title, 1)
        top.addWidget(self.position, 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.heading)
        lay.addWidget(self.text)
        lay.addWidget(self.hint)
        self.hide()

    def show_stop(self, tour_title: str, index: int, count: int, heading: str, when: str, text: str) -> None:
        self.tour_title.setText(tour_title)
        self.position.setText(fill(translate("Tours", "%1 / %2"), index + 1, count))
        self.position.setAccessibleName(fill(translate("Tours", "Stop %1 of %2"), index + 1, count))
        self.heading.setText(fill(translate("Tours", "%1 — %2"), heading, when) if when else heading)
        self.text.setText(text)
        self.last_announcement = f"{self.position.accessibleName()}. {self.heading.text()}. {text}"
        self.setAccessibleDescription(self.last_announcement)
        self.show()
        # a screen reader says the stop (the window keeps the focus where it was)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.last_announcement))
