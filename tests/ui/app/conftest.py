"""Fixtures for the accessibility tests: the accessibility events the app sends, recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QAccessibleEvent

Name = QAccessible.Text.Name


class Sent:
    """The accessibility events the app sends: (type, name of the object they are about)."""

    def __init__(self) -> None:
        self.events: list[tuple[QAccessible.Event, str, str]] = []

    def record(self, ev: QAccessibleEvent) -> None:
        iface = ev.accessibleInterface()
        name = iface.text(Name) if iface is not None else ""
        text = ev.message() if hasattr(ev, "message") else ""
        self.events.append((ev.type(), name, text))

    def of(self, kind: QAccessible.Event) -> list[str]:
        return [name for t, name, _ in self.events if t == kind]

    def announcements(self) -> list[str]:
        return [text for t, _, text in self.events if t == QAccessible.Event.Announcement]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sent]:
    rec = Sent()
    real = QAccessible.updateAccessibility

    def spy(ev: QAccessibleEvent) -> None:
        rec.record(ev)
        real(ev)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(spy))
    QAccessible.setActive(True)  # as when a screen reader listens (the app skips work otherwise)
    yield rec
    QAccessible.setActive(False)
