"""Comparing the chronology shown with another version of it (File ▸ Compare with…): the
differences of :mod:`.diff`, where each sits on the time axis, and stepping through them. No Qt.

The chronology shown is the *new* side, the other file the *old* one: "added" is in the one shown
and not in the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .chronology import Chronology
from .diff import EventChange, diff_chronologies, summary

# how each kind is written in the list, most telling first (an event may be several)
MARKS = {"added": "+", "removed": "−", "redated": "↔", "reworded": "≠", "edited": "✎"}


@dataclass(frozen=True)
class Placed:
    """A difference on the time axis: the event's day in the other version and in the one shown
    (None on the side it is missing from)."""

    change: EventChange
    old_day: float | None
    new_day: float | None

    @property
    def kind(self) -> str:
        """The kind drawn: added, removed, redated, reworded or edited (in that order of say)."""
        for k in ("added", "removed", "redated", "reworded", "edited"):
            if k in self.change.kinds:
                return k
        return "edited"

    @property
    def day(self) -> float:
        """Where the difference is shown: its day in the version shown, else in the other."""
        d = self.new_day if self.new_day is not None else self.old_day
        assert d is not None
        return d


@dataclass(frozen=True)
class Comparison:
    old: Chronology
    new: Chronology
    other_name: str  # the other file, as the reader knows it
    placed: tuple[Placed, ...]

    @classmethod
    def of(cls, old: Chronology, new: Chronology, other_name: str) -> Comparison:
        out = []
        for c in diff_chronologies(old, new):
            a = old.event(c.old_id) if c.old_id else None
            b = new.event(c.new_id) if c.new_id else None
            out.append(
                Placed(
                    c, a.anchor_day() if a is not None else None, b.anchor_day() if b is not None else None
                )
            )
        return cls(old, new, other_name, tuple(out))

    def counts(self) -> dict[str, int]:
        return summary(p.change for p in self.placed)

    def step(self, current: int, direction: int) -> int:
        """The difference after (``direction`` +1) or before (-1) ``current`` (-1: none yet),
        wrapping; -1 when there is none."""
        n = len(self.placed)
        if not n:
            return -1
        if current < 0:
            return 0 if direction > 0 else n - 1
        return (current + direction) % n
