"""Helpers for what reaches screen readers: announcements, and labels that keep their value.

:func:`announce` sends an AT-SPI ``object:announcement`` (``QAccessibleAnnouncementEvent``) that
Orca, NVDA and VoiceOver speak without moving the focus. :class:`CaptionedLabel` is a label whose
accessible name is its caption *and* its text ("Visible dates: 1 January 2014 – 3 March 2016"):
``setAccessibleName`` alone would replace the text a screen reader reads with the caption.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

from timeline_app.text import fill, translate


def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have assistive technology say ``text`` (about ``source``, which need not have the focus)."""
    if not text:
        return
    ev = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        ev.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(ev)


def captioned(caption: str, value: str) -> str:
    """ "Caption: value", or the caption alone while there is no value."""
    return fill(translate("Speech", "%1: %2"), caption, value) if value else caption


class CaptionedLabel(QLabel):
    """A label read as "caption: text" (see the module docstring)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self.setAccessibleName(caption)

    def caption(self) -> str:
        return self._caption

    def set_caption(self, caption: str) -> None:
        """Another caption (the same words in another language)."""
        self._caption = caption
        self.setAccessibleName(captioned(caption, self.text()) if self.text() else caption)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(captioned(self._caption, text))

    def clear(self) -> None:
        super().clear()
        self.setAccessibleName(self._caption)


__all__ = ["CaptionedLabel", "announce", "captioned"]
