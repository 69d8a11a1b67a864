"""The walk over a chronology's plain values: where each value was written, the problems found
on the way (each with its file, line and column), the keys each kind of mapping accepts, and the
checks of single values. :mod:`.sections` reads the sections with it; :mod:`.loader` runs it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..model.chronology import (
    Origin,
)
from ..model.dates import DateError, PartialDate
from ..model.languages import TextKey, Translations
from ..text import QT_TRANSLATE_NOOP, Message, format_count
from . import limits
from .nouns import KINDS
from .problems import Problem, said
from .progress import Progress
from .values import REJECTED_TYPE, Number, Quoted

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

What = str | Message  # what a value is, in a message: a key as written ("'title'"), or words


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
    message: Message | None  # the positions in ``refs`` are its last arguments; None: counted only
    refs: tuple[tuple[At, str], ...] = ()  # (where, "at" -> file:line:col | "lc" -> line L, column C)


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
        self, path: Path_, message: Message, *, key: bool = False, refs: tuple[tuple[At, str], ...] = ()
    ) -> None:
        if self.fast:
            raise Doubt
        if len(self.pending) + len(self.direct) < limits.MAX_PROBLEMS:
            self.pending.append(Pending(At(self.file, path, key), message, refs))
        else:
            self.pending.append(Pending(At(self.file, (), False), None))  # counted, not listed

    def warn(self, path: Path_, message: Message, *, key: bool = False) -> None:
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
        if root is not None:  # the exact path, or another format's values
            from .nodes import locate

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
            most = format_count(limits.MAX_NODES_PER_FILE)
            self.add(
                path,
                said(
                    QT_TRANSLATE_NOOP("Problems", "the file expands to more than %1 values (aliases?)"), most
                ),
            )
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
            self.add(
                path,
                said(
                    QT_TRANSLATE_NOOP(
                        "Problems", "expected a mapping for the %1 (key: value lines), found %2"
                    ),
                    KINDS[kind],
                    _describe(v),
                ),
            )
            return None
        for key, (line, col), (fl, fc) in self.duplicates.get(id(v), ()):
            twice = QT_TRANSLATE_NOOP(
                "Problems", "duplicate key '%1' in the %2 (first written at line %3, column %4)"
            )
            self.direct.append(Problem(self.file, line, col, said(twice, key, KINDS[kind], fl, fc)))
        required, allowed = _ALLOWED.get(kind, _TOP_ALLOWED)
        if not allowed.issuperset(v):
            for key in [k for k in v if k not in allowed]:
                import difflib  # only when something is misspelt

                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                if hint:
                    unknown = said(
                        QT_TRANSLATE_NOOP("Problems", "unknown key '%1' in the %2 (did you mean '%3'?)"),
                        key,
                        KINDS[kind],
                        hint[0],
                    )
                else:
                    unknown = said(
                        QT_TRANSLATE_NOOP("Problems", "unknown key '%1' in the %2 (expected one of: %3)"),
                        key,
                        KINDS[kind],
                        ", ".join(sorted(allowed)),
                    )
                self.add((*path, key), unknown, key=True)
        if not required.issubset(v):
            for key in sorted(required.difference(v)):
                self.add(
                    path, said(QT_TRANSLATE_NOOP("Problems", "the %1 is missing '%2'"), KINDS[kind], key)
                )
        return v

    def sequence(self, v: Any, path: Path_, what: What) -> list[Any]:
        if isinstance(v, list):
            self.count(path, len(v))
            return v
        if isinstance(v, REJECTED_TYPE):
            return []
        self.doubt()
        if v == "" and not isinstance(v, Quoted):
            return []  # "events:" with nothing after it
        self.add(
            path,
            said(
                QT_TRANSLATE_NOOP("Problems", "expected a list of %1 (lines starting with '- '), found %2"),
                what,
                _describe(v),
            ),
        )
        return []

    def text(self, v: Any, path: Path_, what: What, *, allow_empty: bool = False) -> str | None:
        if not isinstance(v, str):
            if isinstance(v, REJECTED_TYPE):
                return None
            self.doubt()
            self.add(
                path, said(QT_TRANSLATE_NOOP("Problems", "%1 must be text, found %2"), what, _describe(v))
            )
            return None
        if len(v) > limits.MAX_SCALAR_CHARS:
            long = said(
                QT_TRANSLATE_NOOP("Problems", "%1 is %2 characters long; the limit is %3"),
                what,
                format_count(len(v)),
                format_count(limits.MAX_SCALAR_CHARS),
            )
            self.add(path, long)
            return None
        if not allow_empty and not v.strip():
            self.add(path, said(QT_TRANSLATE_NOOP("Problems", "%1 is empty"), what))
            return None
        return str(v)

    def ident(self, v: Any, path: Path_, what: What) -> str | None:
        value = self.text(v, path, what)
        if value is None:
            return None
        if not _ID_RE.match(value):
            only = QT_TRANSLATE_NOOP(
                "Problems",
                "%1 '%2' may hold only letters, digits, '.', '_' and '-' (and start with a letter or digit)",
            )
            self.add(path, said(only, what, value))
            return None
        return value

    def date(self, v: Any, path: Path_, what: What) -> PartialDate | None:
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
            name = what.strip("'") if isinstance(what, str) else what
            if exc.quotes_text:  # "'2014/2017' is an interval: ..."
                self.add(path, said(QT_TRANSLATE_NOOP("Problems", "%1 %2"), name, exc.said))
            else:
                self.add(
                    path, said(QT_TRANSLATE_NOOP("Problems", "%1 %2: %3"), name, value.strip(), exc.said)
                )
            return None

    def boolean(self, v: Any, path: Path_, what: What) -> bool | None:
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
        self.add(path, said(QT_TRANSLATE_NOOP("Problems", "%1 must be true or false, not %2"), what, shown))
        return None

    def number(self, v: Any, path: Path_, what: What) -> float | None:
        if isinstance(v, Number):
            number = float(v)
            if math.isfinite(number):
                return number
        self.doubt()
        if isinstance(v, REJECTED_TYPE):
            return None
        if not isinstance(v, str):
            self.add(
                path, said(QT_TRANSLATE_NOOP("Problems", "%1 must be a number, found %2"), what, _describe(v))
            )
            return None
        if isinstance(v, Quoted):
            quoted = QT_TRANSLATE_NOOP(
                "Problems", "%1 must be a number, not quoted text: write %2 without quotes"
            )
            self.add(path, said(quoted, what, v))
            return None
        text = v.strip().replace("_", "")
        if not _NUMBER_RE.match(text):
            if text.lower().lstrip("+-.") in ("nan", "inf", "infinity"):
                self.add(
                    path, said(QT_TRANSLATE_NOOP("Problems", "%1 must be a finite number, not '%2'"), what, v)
                )
            else:
                self.add(path, said(QT_TRANSLATE_NOOP("Problems", "%1 must be a number, not '%2'"), what, v))
            return None
        number = float(text)
        if not math.isfinite(number):
            self.add(path, said(QT_TRANSLATE_NOOP("Problems", "%1 %2 is too large"), what, v))
            return None
        return number

    def text_list(self, v: Any, path: Path_, what: What) -> tuple[str, ...]:
        if isinstance(v, str) and v.strip():
            # a single value where a list is expected: "places: Beijing"
            one = self.text(v, path, what)
            return (one,) if one else ()
        out: list[str] = []
        each = each_of(what)
        for i, item in enumerate(self.sequence(v, path, what)):
            t = self.text(item, (*path, i), each)
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
            twice = said(
                QT_TRANSLATE_NOOP("Problems", "duplicate %1 id '%2' (first defined at %3)"),
                KINDS[kind],
                ident,
            )
            self.add(path, twice, refs=((first, "at"),))
            return False
        table[ident] = At(self.file, path)
        return True

    def refer(self, kind: str, ident: str, path: Path_) -> None:
        self.refs.append((kind, ident, At(self.file, path)))


def end_before_start(end: PartialDate, start: PartialDate) -> Message:
    return said(QT_TRANSLATE_NOOP("Problems", "end %1 is before start %2"), end.iso(), start.iso())


def too_many_events() -> Message:
    most = format_count(limits.MAX_EVENTS)
    return said(QT_TRANSLATE_NOOP("Problems", "more than %1 events: the limit of one chronology"), most)


def each_of(what: What) -> Message:
    """'each of 'places'': what every item of a list is called."""
    return said(QT_TRANSLATE_NOOP("Problems", "each of %1"), what)


_A_MAPPING = said(QT_TRANSLATE_NOOP("Problems", "a mapping"))
_A_LIST = said(QT_TRANSLATE_NOOP("Problems", "a list"))
_NOTHING = said(QT_TRANSLATE_NOOP("Problems", "nothing"))
_SOMETHING_ELSE = said(QT_TRANSLATE_NOOP("Problems", "something else"))


def _describe(v: Any) -> What:
    if isinstance(v, dict):
        return _A_MAPPING
    if isinstance(v, list):
        return _A_LIST
    if isinstance(v, str):
        if v == "" and not isinstance(v, Quoted):
            return _NOTHING
        return f"'{v}'" if len(v) <= 40 else f"'{v[:37]}...'"
    return _SOMETHING_ELSE
