"""Positioned problems: what the loader says when a file is wrong.

A problem keeps what it says as a :class:`~timeline_app.text.Message` (a template of the
``"Problems"`` context and its arguments), said in the language of the moment it is shown: the
problems listed in the window follow a change of language without the files being read again.
Templates are written where the problem is found, with :func:`said`::

    w.add(path, said(QT_TRANSLATE_NOOP("Problems", "the %1 is missing '%2'"), kind, key))

Nouns that fill a template (kinds of mapping, "a list", "the source id") are messages too
(:data:`NOUNS`); keys of the format stay as they are written in the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..text import QT_TRANSLATE_NOOP, Message, translate
from . import limits

__all__ = ["QT_TRANSLATE_NOOP", "ChronologyError", "Message", "Problem", "said"]


def said(template: str, *args: object) -> Message:
    """A problem's message: ``template`` (marked ``QT_TRANSLATE_NOOP("Problems", ...)``) and its
    arguments, said when shown."""
    return Message("Problems", template, *args)


def too_deep() -> Message:
    deep = QT_TRANSLATE_NOOP("Problems", "nested too deeply: more than %1 levels of lists and mappings")
    return said(deep, limits.MAX_DEPTH)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a chronology, at a 1-based line and column of a file. ``text`` is what
    it says (a :class:`Message`, or a finished text); :attr:`message` says it in the language of
    the moment."""

    file: str
    line: int
    column: int
    text: Message | str

    @property
    def message(self) -> str:
        return str(self.text)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.text}"

    def sort_key(self) -> tuple[str, int, int, str]:
        """File order: file, line, column, then what it says (said once per problem)."""
        return (self.file, self.line, self.column, str(self.text))

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()


class ChronologyError(Exception):
    """A chronology could not be loaded. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem], *, more: int = 0) -> None:
        self.problems: list[Problem] = sorted(problems, key=Problem.sort_key)
        self.more = more  # problems found past the reporting limit, counted but not listed
        super().__init__()

    def __reduce__(self) -> tuple[object, ...]:  # pickled with its problems, not its text
        return (self.__class__, (self.problems,), {"more": self.more})

    def lines(self) -> list[str]:
        """Each problem as ``file:line:column: message``, in the language of the moment."""
        out = [str(p) for p in self.problems]
        if self.more:
            more = self.more
            out.append(translate("Problems", "... and %Ln more problem(s)", None, more))
        return out

    def report(self) -> str:
        return "\n".join(self.lines())

    def __str__(self) -> str:
        return self.report()
