"""Positioned problems: what the loader says when a file is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with a chronology, at a 1-based line and column of a file."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class ChronologyError(Exception):
    """A chronology could not be loaded. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem], *, more: int = 0) -> None:
        self.problems: list[Problem] = sorted(problems)
        self.more = more  # problems found past the reporting limit, counted but not listed
        super().__init__(self.report())

    def lines(self) -> list[str]:
        out = [str(p) for p in self.problems]
        if self.more:
            out.append(f"... and {self.more:,} more problems")
        return out

    def report(self) -> str:
        return "\n".join(self.lines())

    def __str__(self) -> str:
        return self.report()
