"""The walk over a chronology's plain values: where each value was written, the problems found
on the way (each with its file, line and column), the keys each kind of mapping accepts, and the
checks of single values. :mod:`.sections` reads the sections with it; :mod:`.loader` runs it."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..model.chronology import (
    Origin,
)
from ..model.dates import DateError, PartialDate
from ..model.languages import TextKey, Translations
from . import limits
from .problems import Problem
from .values import REJECTED_TYPE, Number, Quoted, locate

CHRONOLOGY_SUFFIXES = (".yaml", ".yml", ".json")
ID_RE = _ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
URL_RE = re.compile(r"^https?://", re.I)

T = TypeVar("T")
Path_ = tuple[str | int, ...]

# The keys each kind of mapping accepts: (required, optional)
TOP_KEYS = (set[str](), {"chronology", "sources", "categories", "eras", "events", "indicators", "tours"})
KEYS: dict[str, tuple[set[str], set[str]]] = {
    "chronology": ({"title"}, {"description"}),
    "source": ({"id", "title"}, {"publisher", "date", "page", "url", "note"}),
    "category": ({"id", "name", "color"}, {"order", "description"}),
    "era": ({"id", "title", "start", "end"}, {"color", "description"}),
    "event": (
        {"id", "title", "start", "category"},
        {
            "end",
            "ongoing",
            "approximate",
            "importance",
            "places",
            "tags",
            "description",
            "figures",
            "sources",
            "related",
            "indicators",
        },
    ),
    "figure": ({"label", "value", "unit"}, {"qualifier", "source"}),
    "source reference": ({"id"}, {"at"}),
    "indicator": ({"id", "name", "unit", "points"}, {"region", "description", "source"}),
    "point": ({"date", "value"}, {"source", "derived", "approximate", "note"}),
    "tour": ({"id", "title", "stops"}, {"description"}),
    "stop": ({"text"}, {"event", "start", "end", "lanes", "plots", "title"}),
}

ALLOWED = _ALLOWED = {kind: (req, frozenset(req | opt)) for kind, (req, opt) in KEYS.items()}
_TOP_ALLOWED = (TOP_KEYS[0], frozenset(TOP_KEYS[0] | TOP_KEYS[1]))
QUOTED_KEYS = {k: f"'{k}'" for req, opt in KEYS.values() for k in req | opt}


class Stop(Exception):
    """A bound was passed inside a file; its problem is recorded and the file's walk ends."""


class Doubt(Exception):
    """The fast path met something it cannot judge: start again on the exact path."""


@dataclass(frozen=True, slots=True)
class At:
    """Where a problem is, before positions are known: a file and a path of keys and indexes."""

    file: str
    path: Path_
    key: bool = False  # the key written at the end of the path, rather than its value


@dataclass(slots=True)
class Pending:
    at: At
    message: str  # may hold {0}, {1} ... for the positions in ``refs``
    refs: tuple[tuple[At, str], ...] = ()  # (where, "at" -> file:line:col | "lc" -> line L, column C)


class LoadCancelled(Exception):
    """Raised out of :func:`load_chronology` when its ``progress`` callback asks to stop."""


ProgressCallback = Callable[[str, float], None]
"""Called with what the loader is doing and how far the whole load is (0 to 1). It may raise
:class:`LoadCancelled` (or anything) to stop the load; the exception comes out of the load."""


class Progress:
    """Maps the progress of one phase onto its share of the whole load; calls back at most once per
    percent, so reporting costs nothing measurable."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self._cb = callback
        self._what = ""
        self._lo, self._hi = 0.0, 1.0
        self._last = -1.0

    def phase(self, what: str, lo: float, hi: float) -> None:
        self._what, self._lo, self._hi = what, lo, hi
        self(0.0)

    def __call__(self, fraction: float) -> None:
        if self._cb is None:
            return
        done = self._lo + (self._hi - self._lo) * min(max(fraction, 0.0), 1.0)
        if done - self._last >= 0.01 or fraction >= 1.0:
            self._last = done
            self._cb(self._what, done)


@dataclass
class Walk:
    """State of one load: problems found, ids defined, references to check."""

    fast: bool = False
    pending: list[Pending] = field(default_factory=list)
    defined: dict[str, dict[str, At]] = field(
        default_factory=lambda: {k: {} for k in ("event", "source", "category", "indicator", "era", "tour")}
    )
    refs: list[tuple[str, str, At]] = field(default_factory=list)  # (kind, id, where)
    file: str = ""
    values: int = 0
    duplicates: dict[int, list[tuple[str, tuple[int, int], tuple[int, int]]]] = field(default_factory=dict)
    direct: list[Problem] = field(default_factory=list)
    nodes: dict[str, Any] = field(default_factory=dict)  # composed roots by file, on the exact path
    progress: Progress = field(default_factory=lambda: Progress(None))
    unread: int = 0  # files that could not be read or parsed
    item_lines: dict[tuple[str, str | int], list[tuple[int, int]] | None] = field(default_factory=dict)
    # each date text parsed once per load, and one object per date: a million events use a few
    # thousand (kept per load, not per process, so nothing of this load outlives its chronology)
    dates: dict[str, PartialDate] = field(default_factory=dict)
    # the fields written in languages (see model.languages), and what was noted without refusing
    texts: dict[TextKey, Translations] = field(default_factory=dict)
    warnings: list[Pending] = field(default_factory=list)

    def add(
        self, path: Path_, message: str, *, key: bool = False, refs: tuple[tuple[At, str], ...] = ()
    ) -> None:
        if self.fast:
            raise Doubt
        if len(self.pending) + len(self.direct) < limits.MAX_PROBLEMS:
            self.pending.append(Pending(At(self.file, path, key), message, refs))
        else:
            self.pending.append(Pending(At(self.file, (), False), ""))  # counted, not listed

    def warn(self, path: Path_, message: str, *, key: bool = False) -> None:
        """Note something that does not stop the load (placed like a problem; on the fast path,
        which cannot place it, the load starts again on the exact path)."""
        if self.fast:
            raise Doubt
        self.warnings.append(Pending(At(self.file, path, key), message))

    def origin(self, path: Path_) -> Origin:
        """Where the item at ``path`` (``("events", 3)``) was written.

        On the exact path the nodes say; on the fast path the positions found in the text by
        :func:`item_positions`, or line 0 (unknown) where the layout was too unusual to trust.
        """
        root = self.nodes.get(self.file)
        if root is not None:
            line, col = locate(root, path)
            return Origin(self.file, line, col)
        found = self.item_lines.get((self.file, path[0]))
        if found is not None and isinstance(path[1], int):
            line, col = found[path[1]]
            return Origin(self.file, line, col)
        return Origin(self.file, 0, 0)

    def count(self, path: Path_, n: int) -> None:
        """Values read in this file so far: aliases may make a small file read as a huge one."""
        self.values += n
        if self.values > limits.MAX_NODES_PER_FILE:
            self.add(path, f"the file expands to more than {limits.MAX_NODES_PER_FILE:,} values (aliases?)")
            raise Stop

    def doubt(self) -> None:
        """On the fast path, a value of a type the exact path would read differently."""
        if self.fast:
            raise Doubt

    # -- typed readers ------------------------------------------------------------------------------
    def mapping(self, v: Any, path: Path_, kind: str) -> dict[str, Any] | None:
        """A mapping, after checking its keys: duplicate, unknown and missing ones."""
        if isinstance(v, dict):
            self.count(path, len(v))
        elif isinstance(v, REJECTED_TYPE):
            return None
        if not isinstance(v, dict):
            self.doubt()
            self.add(path, f"expected a mapping for the {kind} (key: value lines), found {_describe(v)}")
            return None
        for key, (line, col), (fl, fc) in self.duplicates.get(id(v), ()):
            self.direct.append(
                Problem(
                    self.file,
                    line,
                    col,
                    f"duplicate key '{key}' in the {kind} (first written at line {fl}, column {fc})",
                )
            )
        required, allowed = _ALLOWED.get(kind, _TOP_ALLOWED)
        if not allowed.issuperset(v):
            for key in [k for k in v if k not in allowed]:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                did = (
                    f" (did you mean '{hint[0]}'?)"
                    if hint
                    else f" (expected one of: {', '.join(sorted(allowed))})"
                )
                self.add((*path, key), f"unknown key '{key}' in the {kind}{did}", key=True)
        if not required.issubset(v):
            for key in sorted(required.difference(v)):
                self.add(path, f"the {kind} is missing '{key}'")
        return v

    def sequence(self, v: Any, path: Path_, what: str) -> list[Any]:
        if isinstance(v, list):
            self.count(path, len(v))
            return v
        if isinstance(v, REJECTED_TYPE):
            return []
        self.doubt()
        if v == "" and not isinstance(v, Quoted):
            return []  # "events:" with nothing after it
        self.add(path, f"expected a list of {what} (lines starting with '- '), found {_describe(v)}")
        return []

    def text(self, v: Any, path: Path_, what: str, *, allow_empty: bool = False) -> str | None:
        if not isinstance(v, str):
            if isinstance(v, REJECTED_TYPE):
                return None
            self.doubt()
            self.add(path, f"{what} must be text, found {_describe(v)}")
            return None
        if len(v) > limits.MAX_SCALAR_CHARS:
            self.add(path, f"{what} is {len(v):,} characters long; the limit is {limits.MAX_SCALAR_CHARS:,}")
            return None
        if not allow_empty and not v.strip():
            self.add(path, f"{what} is empty")
            return None
        return str(v)

    def ident(self, v: Any, path: Path_, what: str) -> str | None:
        value = self.text(v, path, what)
        if value is None:
            return None
        if not _ID_RE.match(value):
            self.add(
                path,
                f"{what} '{value}' may hold only letters, digits, '.', '_' and '-' "
                "(and start with a letter or digit)",
            )
            return None
        return value

    def date(self, v: Any, path: Path_, what: str) -> PartialDate | None:
        value = self.text(v, path, what)
        if value is None:
            return None
        known = self.dates.get(value)
        if known is not None:
            return known
        try:
            date = self.dates[value] = PartialDate.parse(value)
            return date
        except DateError as exc:
            msg = str(exc)
            if not msg.startswith("'"):
                msg = f"{value.strip()}: {msg}"
            self.add(path, f"{what.strip(chr(39))} {msg}")
            return None

    def boolean(self, v: Any, path: Path_, what: str) -> bool | None:
        if isinstance(v, bool):
            return v
        self.doubt()
        if isinstance(v, REJECTED_TYPE):
            return None
        if isinstance(v, str) and not isinstance(v, Quoted):
            if v in ("true", "True", "TRUE"):
                return True
            if v in ("false", "False", "FALSE"):
                return False
        shown = f"'{v}'" if isinstance(v, str) else _describe(v)
        self.add(path, f"{what} must be true or false, not {shown}")
        return None

    def number(self, v: Any, path: Path_, what: str) -> float | None:
        if isinstance(v, Number):
            number = float(v)
            if math.isfinite(number):
                return number
        self.doubt()
        if isinstance(v, REJECTED_TYPE):
            return None
        if not isinstance(v, str):
            self.add(path, f"{what} must be a number, found {_describe(v)}")
            return None
        if isinstance(v, Quoted):
            self.add(path, f"{what} must be a number, not quoted text: write {v} without quotes")
            return None
        text = v.strip().replace("_", "")
        if not _NUMBER_RE.match(text):
            if text.lower().lstrip("+-.") in ("nan", "inf", "infinity"):
                self.add(path, f"{what} must be a finite number, not '{v}'")
            else:
                self.add(path, f"{what} must be a number, not '{v}'")
            return None
        number = float(text)
        if not math.isfinite(number):
            self.add(path, f"{what} {v} is too large")
            return None
        return number

    def text_list(self, v: Any, path: Path_, what: str) -> tuple[str, ...]:
        if isinstance(v, str) and v.strip():
            # a single value where a list is expected: "places: Beijing"
            one = self.text(v, path, what)
            return (one,) if one else ()
        out: list[str] = []
        for i, item in enumerate(self.sequence(v, path, what)):
            t = self.text(item, (*path, i), f"each of {what}")
            if t is not None:
                out.append(t)
        return tuple(out)

    def define(self, kind: str, ident: str, path: Path_) -> bool:
        if self.fast and kind == "event":
            # a dict of a million event ids grows by resizing, and each resize is one C call that
            # holds the interpreter lock (tens of milliseconds near a million): on the fast path the
            # ids are checked all at once after the walk instead (:class:`EventIds`)
            return True
        table = self.defined[kind]
        first = table.get(ident)
        if first is not None:
            self.add(path, f"duplicate {kind} id '{ident}' (first defined at {{0}})", refs=((first, "at"),))
            return False
        table[ident] = At(self.file, path)
        return True

    def refer(self, kind: str, ident: str, path: Path_) -> None:
        self.refs.append((kind, ident, At(self.file, path)))


def _describe(v: Any) -> str:
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, str):
        if v == "" and not isinstance(v, Quoted):
            return "nothing"
        return f"'{v}'" if len(v) <= 40 else f"'{v[:37]}...'"
    return "something else"
