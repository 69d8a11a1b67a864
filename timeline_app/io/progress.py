"""How far a load is, and how to stop it: what the window's loader and the command line need from
the loader before anything is read (no parser is imported here)."""

from __future__ import annotations

from collections.abc import Callable

CHRONOLOGY_SUFFIXES = (".yaml", ".yml", ".json")
"""The files a folder's chronology is made of."""


class LoadCancelled(Exception):
    """Raised out of :func:`load_chronology` when its ``progress`` callback asks to stop."""


ProgressCallback = Callable[[str, float], None]
"""Called with what the loader is doing and how far the whole load is (0 to 1). It may raise
:class:`LoadCancelled` (or anything) to stop the load; the exception comes out of the load."""


class Progress:
    """Maps the progress of one phase onto its share of the whole load; calls back at most once per
    percent, so reporting costs nothing measurable, and whenever a phase begins (what the window
    says the load is doing changes with it, even where the bar does not move)."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._cb = callback
        self._what = ""
        self._told = ""
        self._lo, self._hi = 0.0, 1.0
        self._last = -1.0

    def phase(self, what: str, lo: float, hi: float) -> None:
        self._what, self._lo, self._hi = what, lo, hi
        self(0.0)

    def __call__(self, fraction: float) -> None:
        if self._cb is None:
            return
        done = self._lo + (self._hi - self._lo) * min(max(fraction, 0.0), 1.0)
        if done - self._last >= 0.01 or fraction >= 1.0 or self._what != self._told:
            self._last, self._told = done, self._what
            self._cb(self._what, done)
