"""Loading a chronology (a YAML file or a folder of them) into the model, or every problem at once.

The loader reads each file's plain values against the format (docs/FORMAT.md) and reports each
problem as ``file:line:column: message``. It never stops at the first one: an author fixing a file
sees all that is wrong with it.

Two paths lead to the values (see :mod:`.values`). The fast one (rapidyaml, or ``json`` for JSON
files) is tried first; the first doubt or problem on it sends the whole load to the exact path,
which composes the YAML with libyaml and knows where every value was written. So a valid
chronology loads fast and a broken one gets the same precise messages either way.
"""

from __future__ import annotations

import contextlib
import ctypes
import difflib
import gc
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from ..model.chronology import (
    IMPORTANCE,
    Category,
    Chronology,
    Era,
    Figure,
    Indicator,
    IndicatorPoint,
    Origin,
    Source,
    SourceRef,
)
from ..model.dates import DateError, PartialDate
from ..model.event_table import EventTable, Extras, TextColumn
from . import cache as _cache
from . import limits
from .problems import ChronologyError, Problem
from .values import REJECTED_TYPE, FastPathFailed, NodeConverter, Number, Quoted, fast_read, locate
from .yaml_source import Document, read_file

CHRONOLOGY_SUFFIXES = (".yaml", ".yml", ".json")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_URL_RE = re.compile(r"^https?://", re.I)

T = TypeVar("T")
Path_ = tuple[str | int, ...]

# The keys each kind of mapping accepts: (required, optional)
TOP_KEYS = (set[str](), {"chronology", "sources", "categories", "eras", "events", "indicators"})
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
}

_ALLOWED = {kind: (req, frozenset(req | opt)) for kind, (req, opt) in KEYS.items()}
_TOP_ALLOWED = (TOP_KEYS[0], frozenset(TOP_KEYS[0] | TOP_KEYS[1]))
_QUOTED_KEYS = {k: f"'{k}'" for req, opt in KEYS.values() for k in req | opt}


class _Stop(Exception):
    """A bound was passed inside a file; its problem is recorded and the file's walk ends."""


class _Doubt(Exception):
    """The fast path met something it cannot judge: start again on the exact path."""


@dataclass(frozen=True, slots=True)
class _At:
    """Where a problem is, before positions are known: a file and a path of keys and indexes."""

    file: str
    path: Path_
    key: bool = False  # the key written at the end of the path, rather than its value


@dataclass(slots=True)
class _Pending:
    at: _At
    message: str  # may hold {0}, {1} ... for the positions in ``refs``
    refs: tuple[tuple[_At, str], ...] = ()  # (where, "at" -> file:line:col | "lc" -> line L, column C)


class LoadCancelled(Exception):
    """Raised out of :func:`load_chronology` when its ``progress`` callback asks to stop."""


ProgressCallback = Callable[[str, float], None]
"""Called with what the loader is doing and how far the whole load is (0 to 1). It may raise
:class:`LoadCancelled` (or anything) to stop the load; the exception comes out of the load."""


class _Progress:
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
class _Walk:
    """State of one load: problems found, ids defined, references to check."""

    fast: bool = False
    pending: list[_Pending] = field(default_factory=list)
    defined: dict[str, dict[str, _At]] = field(
        default_factory=lambda: {k: {} for k in ("event", "source", "category", "indicator", "era")}
    )
    refs: list[tuple[str, str, _At]] = field(default_factory=list)  # (kind, id, where)
    file: str = ""
    values: int = 0
    duplicates: dict[int, list[tuple[str, tuple[int, int], tuple[int, int]]]] = field(default_factory=dict)
    direct: list[Problem] = field(default_factory=list)
    nodes: dict[str, Any] = field(default_factory=dict)  # composed roots by file, on the exact path
    progress: _Progress = field(default_factory=lambda: _Progress(None))
    unread: int = 0  # files that could not be read or parsed
    item_lines: dict[tuple[str, str | int], list[tuple[int, int]] | None] = field(default_factory=dict)
    # each date text parsed once per load, and one object per date: a million events use a few
    # thousand (kept per load, not per process, so nothing of this load outlives its chronology)
    dates: dict[str, PartialDate] = field(default_factory=dict)

    def add(
        self, path: Path_, message: str, *, key: bool = False, refs: tuple[tuple[_At, str], ...] = ()
    ) -> None:
        if self.fast:
            raise _Doubt
        if len(self.pending) + len(self.direct) < limits.MAX_PROBLEMS:
            self.pending.append(_Pending(_At(self.file, path, key), message, refs))
        else:
            self.pending.append(_Pending(_At(self.file, (), False), ""))  # counted, not listed

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
            raise _Stop

    def doubt(self) -> None:
        """On the fast path, a value of a type the exact path would read differently."""
        if self.fast:
            raise _Doubt

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
            # ids are checked all at once after the walk instead (:class:`_EventIds`)
            return True
        table = self.defined[kind]
        first = table.get(ident)
        if first is not None:
            self.add(path, f"duplicate {kind} id '{ident}' (first defined at {{0}})", refs=((first, "at"),))
            return False
        table[ident] = _At(self.file, path)
        return True

    def refer(self, kind: str, ident: str, path: Path_) -> None:
        self.refs.append((kind, ident, _At(self.file, path)))


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


# -- the sections ---------------------------------------------------------------------------------------
Reader = Callable[[Any, Path_, str], T | None]


def _opt(e: dict[str, Any], path: Path_, key: str, read: Reader[T]) -> T | None:
    return read(e[key], path + (key,), _QUOTED_KEYS.get(key) or f"'{key}'") if key in e else None


def _source_ref(w: _Walk, v: Any, path: Path_, what: str) -> SourceRef | None:
    if isinstance(v, str):
        ident = w.ident(v, path, what)
        if ident is None:
            return None
        w.refer("source", ident, path)
        return SourceRef(ident)
    e = w.mapping(v, path, "source reference")
    if e is None or "id" not in e:
        return None
    ident = w.ident(e["id"], (*path, "id"), "the source id")
    at = _opt(e, path, "at", w.text) or ""
    if ident is None:
        return None
    w.refer("source", ident, (*path, "id"))
    return SourceRef(ident, at)


def _ident_defined(w: _Walk, e: dict[str, Any], path: Path_, kind: str) -> str | None:
    ident = w.ident(e["id"], (*path, "id"), f"the {kind} id")
    if ident is not None and w.define(kind, ident, (*path, "id")):
        return ident
    return None


def _read_source(w: _Walk, v: Any, path: Path_) -> Source | None:
    e = w.mapping(v, path, "source")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "source")
    title = _opt(e, path, "title", w.text)
    date = _opt(e, path, "date", w.date)
    publisher = _opt(e, path, "publisher", w.text) or ""
    page = _opt(e, path, "page", w.text) or ""
    url = _opt(e, path, "url", w.text) or ""
    note = _opt(e, path, "note", w.text) or ""
    if url and not _URL_RE.match(url):
        w.add((*path, "url"), f"the url must start with http:// or https://, not '{url[:30]}'")
        url = ""
    if ident is None or title is None:
        return None
    return Source(ident, title, publisher, date, page, url, note)


def _color(w: _Walk, e: dict[str, Any], path: Path_, example: str) -> str | None:
    color = _opt(e, path, "color", w.text)
    if color is not None and not _COLOR_RE.match(color):
        w.add((*path, "color"), f"the color must be written #rrggbb (e.g. {example}), not '{color}'")
        return None
    return color


def _read_category(w: _Walk, v: Any, path: Path_, default_order: int) -> Category | None:
    e = w.mapping(v, path, "category")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "category")
    name = _opt(e, path, "name", w.text)
    color = _color(w, e, path, "#4e79a7")
    order = _opt(e, path, "order", w.number)
    description = _opt(e, path, "description", w.text) or ""
    if order is not None and not order.is_integer():
        w.add((*path, "order"), f"'order' must be a whole number, not {e['order']}")
        return None
    if ident is None or name is None or color is None:
        return None
    return Category(
        ident, name, color.lower(), int(order) if order is not None else default_order, description
    )


def _span_ok(w: _Walk, start: PartialDate, end: PartialDate, path: Path_) -> bool:
    if end.end_day() <= start.first_day():
        w.add(path, f"end {end.iso()} is before start {start.iso()}")
        return False
    return True


def _read_era(w: _Walk, v: Any, path: Path_) -> Era | None:
    e = w.mapping(v, path, "era")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "era")
    title = _opt(e, path, "title", w.text)
    start = _opt(e, path, "start", w.date)
    end = _opt(e, path, "end", w.date)
    color = _color(w, e, path, "#f2e8cf") if "color" in e else ""
    description = _opt(e, path, "description", w.text) or ""
    if ident is None or title is None or start is None or end is None:
        return None
    if not _span_ok(w, start, end, (*path, "end")):
        return None
    return Era(ident, title, start, end, color or "", description)


def _read_figure(w: _Walk, v: Any, path: Path_) -> Figure | None:
    e = w.mapping(v, path, "figure")
    if e is None:
        return None
    label = _opt(e, path, "label", w.text)
    value = _opt(e, path, "value", w.number)
    unit = _opt(e, path, "unit", w.text)
    qualifier = _opt(e, path, "qualifier", w.text) or ""
    source = _source_ref(w, e["source"], (*path, "source"), "the figure's source") if "source" in e else None
    if label is None or value is None or unit is None:
        return None
    return Figure(label, value, unit, qualifier, source)


def _ids(w: _Walk, e: dict[str, Any], path: Path_, key: str, kind: str) -> tuple[str, ...]:
    out: list[str] = []
    if key in e:
        p = (*path, key)
        for i, item in enumerate(w.sequence(e[key], p, f"{kind} ids")):
            ident = w.ident(item, (*p, i), f"a {'related event' if kind == 'event' else kind} id")
            if ident is not None:
                w.refer(kind, ident, (*p, i))
                out.append(ident)
    return tuple(out)


def _read_event(w: _Walk, v: Any, path: Path_, rows: _EventRows) -> bool:
    """Read one event into ``rows``; False when it has a problem (recorded in ``w``)."""
    e = w.mapping(v, path, "event")
    if e is None or "id" not in e:
        return False
    ident = _ident_defined(w, e, path, "event")
    title = _opt(e, path, "title", w.text)
    start = _opt(e, path, "start", w.date)
    end = _opt(e, path, "end", w.date)
    ongoing = _opt(e, path, "ongoing", w.boolean) or False
    approximate = _opt(e, path, "approximate", w.boolean) or False
    importance = _opt(e, path, "importance", w.text)
    rank = 0
    if importance is not None:
        if importance in IMPORTANCE:
            rank = IMPORTANCE.index(importance)
        else:
            choices = ", ".join(IMPORTANCE)
            w.add((*path, "importance"), f"importance {importance!r} is not one of: {choices}")
            return False
    category = _opt(e, path, "category", w.ident)
    if category is not None:
        w.refer("category", category, (*path, "category"))
    places = _opt(e, path, "places", w.text_list) or ()
    tags = _opt(e, path, "tags", w.text_list) or ()
    description = _opt(e, path, "description", lambda x, p, what: w.text(x, p, what, allow_empty=True)) or ""
    figures: list[Figure] = []
    if "figures" in e:
        p = (*path, "figures")
        for i, item in enumerate(w.sequence(e["figures"], p, "figures")):
            fig = _read_figure(w, item, (*p, i))
            if fig is not None:
                figures.append(fig)
    sources: list[SourceRef] = []
    if "sources" in e:
        p = (*path, "sources")
        src = e["sources"]
        items = (
            [(src, p)]
            if isinstance(src, str) and src
            else [(x, (*p, i)) for i, x in enumerate(w.sequence(src, p, "sources"))]
        )
        for item, item_path in items:
            ref = _source_ref(w, item, item_path, "a source")
            if ref is not None:
                sources.append(ref)
    related = _ids(w, e, path, "related", "event")
    indicators = _ids(w, e, path, "indicators", "indicator")
    if end is not None and ongoing:
        w.add((*path, "ongoing"), "an event has either an 'end' or 'ongoing: true', not both")
        return False
    if ident is None or title is None or start is None or category is None:
        return False
    if end is not None and not _span_ok(w, start, end, (*path, "end")):
        return False
    extras = (places, tags, tuple(figures), tuple(sources), related, indicators)
    rows.add(
        ident,
        title,
        start,
        end,
        category,
        ongoing,
        approximate,
        description.strip(),
        extras if any(extras) else None,
        w.origin(path),
        rank,
    )
    return True


def _read_point(w: _Walk, v: Any, path: Path_, default_source: SourceRef | None) -> IndicatorPoint | None:
    e = w.mapping(v, path, "point")
    if e is None:
        return None
    date = _opt(e, path, "date", w.date)
    value = _opt(e, path, "value", w.number)
    source = (
        _source_ref(w, e["source"], (*path, "source"), "the point's source")
        if "source" in e
        else default_source
    )
    derived = _opt(e, path, "derived", w.text) or ""
    approximate = _opt(e, path, "approximate", w.boolean) or False
    note = _opt(e, path, "note", w.text) or ""
    if date is None or value is None:
        return None
    return IndicatorPoint(date, value, source, derived.strip(), approximate, note)


def _read_indicator(w: _Walk, v: Any, path: Path_) -> Indicator | None:
    e = w.mapping(v, path, "indicator")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "indicator")
    name = _opt(e, path, "name", w.text)
    unit = _opt(e, path, "unit", w.text)
    region = _opt(e, path, "region", w.text) or ""
    description = _opt(e, path, "description", w.text) or ""
    default_source = (
        _source_ref(w, e["source"], (*path, "source"), "the indicator's source") if "source" in e else None
    )
    points: list[IndicatorPoint] = []
    seen: dict[PartialDate, Path_] = {}
    if "points" in e:
        p = (*path, "points")
        for i, item in enumerate(w.sequence(e["points"], p, "points")):
            point = _read_point(w, item, (*p, i), default_source)
            if point is None:
                continue
            if point.date in seen:
                first = _At(w.file, seen[point.date])
                w.add(
                    (*p, i),
                    f"a second point for {point.date.iso()} (the first is at {{0}})",
                    refs=((first, "lc"),),
                )
                continue
            seen[point.date] = (*p, i)
            points.append(point)
    if ident is None or name is None or unit is None:
        return None
    points.sort(key=lambda q: (q.date.first_day(), q.date.end_day()))
    return Indicator(ident, name, unit, tuple(points), region, description.strip(), w.origin(path))


class _EventRows:
    """Events as the loader reads them, field by field (made into an :class:`EventTable` at the end:
    a million events are never a million objects)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.starts: list[PartialDate] = []
        self.ends: list[PartialDate | None] = []
        self.categories: list[str] = []
        self.ongoing: list[bool] = []
        self.approximate: list[bool] = []
        self.importance: list[int] = []
        self.descriptions: list[str] = []
        self.extras: list[Extras | None] = []
        self.origins: list[Origin] = []
        self._categories: dict[str, str] = {}  # one string per category id, not one per event
        self._extras: dict[Extras, Extras] = {}  # one tuple per distinct value (most are alike)

    def __len__(self) -> int:
        return len(self.ids)

    def add(
        self,
        ident: str,
        title: str,
        start: PartialDate,
        end: PartialDate | None,
        category: str,
        ongoing: bool,
        approximate: bool,
        description: str,
        extras: Extras | None,
        origin: Origin,
        importance: int = 0,
    ) -> None:
        self.ids.append(ident)
        self.titles.append(title)
        self.starts.append(start)
        self.ends.append(end)
        self.categories.append(self._categories.setdefault(category, category))
        self.ongoing.append(ongoing)
        self.approximate.append(approximate)
        self.importance.append(importance)
        self.descriptions.append(description)
        self.extras.append(None if extras is None else self._extras.setdefault(extras, extras))
        self.origins.append(origin)

    def table(self) -> EventTable:
        return EventTable.from_rows(
            ids=self.ids,
            titles=self.titles,
            descriptions=self.descriptions,
            starts=self.starts,
            ends=self.ends,
            categories=self.categories,
            ongoing=self.ongoing,
            approximate=self.approximate,
            extras=self.extras,
            importance=self.importance,
            origins=self.origins,
        )


@dataclass
class _Parts:
    title: str = ""
    description: str = ""
    title_at: _At | None = None
    sources: list[Source] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    eras: list[Era] = field(default_factory=list)
    events: _EventRows = field(default_factory=_EventRows)
    indicators: list[Indicator] = field(default_factory=list)


def _read_sections(w: _Walk, root: Any, parts: _Parts) -> None:
    top = w.mapping(root, (), "file")
    if top is None:
        return
    if "chronology" in top:
        c = w.mapping(top["chronology"], ("chronology",), "chronology")
        if c is not None:
            if parts.title_at is not None:
                w.add(
                    ("chronology",),
                    "'chronology' is already given at {0}",
                    key=True,
                    refs=((parts.title_at, "at"),),
                )
            else:
                parts.title = _opt(c, ("chronology",), "title", w.text) or ""
                parts.description = (_opt(c, ("chronology",), "description", w.text) or "").strip()
                parts.title_at = _At(w.file, ("chronology",), key=True)
    for i, item in enumerate(w.sequence(top["sources"], ("sources",), "sources") if "sources" in top else ()):
        s = _read_source(w, item, ("sources", i))
        if s is not None:
            parts.sources.append(s)
    for i, item in enumerate(
        w.sequence(top["categories"], ("categories",), "categories") if "categories" in top else ()
    ):
        cat = _read_category(w, item, ("categories", i), len(parts.categories))
        if cat is not None:
            parts.categories.append(cat)
    for i, item in enumerate(w.sequence(top["eras"], ("eras",), "eras") if "eras" in top else ()):
        era = _read_era(w, item, ("eras", i))
        if era is not None:
            parts.eras.append(era)
    items = w.sequence(top["events"], ("events",), "events") if "events" in top else []
    step = max(len(items) // 100, 1000)
    for i, item in enumerate(items):
        if i % step == 0:
            w.progress(i / len(items))
        if _read_event(w, item, ("events", i), parts.events) and len(parts.events) > limits.MAX_EVENTS:
            w.add(("events", i), f"more than {limits.MAX_EVENTS:,} events: the limit of one chronology")
            raise _Stop
    for i, item in enumerate(
        w.sequence(top["indicators"], ("indicators",), "indicators") if "indicators" in top else ()
    ):
        ind = _read_indicator(w, item, ("indicators", i))
        if ind is not None:
            parts.indicators.append(ind)


class _EventIds:
    """The event ids of a fast walk, sorted as a fixed-width numpy array (sorted in C, which lets
    other threads run): are they unique, and is an id among them. Ids too long or unusual for the
    array go into a set."""

    def __init__(self, ids: list[str]) -> None:
        keys = TextColumn.from_strings(ids).fixed_width(64)
        self._set: set[str] | None = None
        if keys is None:
            self._set = set(ids)
            self.unique = len(self._set) == len(ids)
            return
        self._sorted = np.sort(keys)
        self.unique = not bool(np.any(self._sorted[1:] == self._sorted[:-1]))

    def __contains__(self, ident: object) -> bool:
        if self._set is not None:
            return ident in self._set
        if not isinstance(ident, str):
            return False
        raw = ident.encode("utf-8", "surrogatepass")
        i = int(np.searchsorted(self._sorted, raw))
        return i < len(self._sorted) and bytes(self._sorted[i]) == raw


def _check_refs(w: _Walk, events: _EventIds | None = None) -> None:
    if w.unread:
        return  # a file that could not be parsed may define them: say nothing rather than wrong things
    for kind, target, at in w.refs:
        if kind == "event" and events is not None and target in events:
            continue
        table = w.defined[kind]
        if target in table:
            continue
        hint = difflib.get_close_matches(target, list(table), n=1)
        if hint:
            did = f" (did you mean '{hint[0]}'?)"
        elif not table:
            did = f" (no {kind} is defined)"
        else:
            did = ""
        w.file = at.file
        w.add(at.path, f"unknown {kind} '{target}'{did}")


# -- files ------------------------------------------------------------------------------------------------
def _display(path: Path) -> str:
    """A path as the author knows it: relative to the working directory when it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def chronology_files(path: str | os.PathLike[str]) -> list[Path]:
    """The files a chronology is made of: the file itself, or the YAML/JSON files of a folder.

    Folders are walked without following links to folders (no loop can trap it); hidden files and
    folders (``.git``, editor back-ups like ``.#x.yaml``) are skipped; the order is by path.
    """
    p = Path(path)
    if not p.is_dir():
        return [p]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(CHRONOLOGY_SUFFIXES):
                continue
            found.append(Path(dirpath) / name)
    return sorted(found, key=lambda f: f.relative_to(p).parts)


def load_documents(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Document], list[Problem]]:
    """Read (not yet parse) every file of the chronology; problems with the paths themselves."""
    docs: list[Document] = []
    problems: list[Problem] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            problems.append(Problem(_display(p), 1, 1, "no such file or folder"))
            continue
        files = chronology_files(p)
        if p.is_dir() and not files:
            problems.append(Problem(_display(p), 1, 1, "the folder holds no .yaml, .yml or .json files"))
            continue
        if len(files) > limits.MAX_FILES:
            msg = f"the folder holds {len(files):,} files; the limit is {limits.MAX_FILES:,}"
            problems.append(Problem(_display(p), 1, 1, msg))
            continue
        docs.extend(read_file(f, _display(f)) for f in files)
    return docs, problems


def _walk_all(
    w: _Walk, roots: list[tuple[str, Any]], parts: _Parts, lo: float = 0.0, hi: float = 1.0
) -> None:
    for k, (name, root) in enumerate(roots):
        w.progress.phase(
            f"Reading {name}", lo + (hi - lo) * k / len(roots), lo + (hi - lo) * (k + 1) / len(roots)
        )
        w.file, w.values = name, 0
        with contextlib.suppress(_Stop):  # a bound was passed; its problem is recorded
            _read_sections(w, root, parts)
    events = None
    if w.fast:  # the event ids were not defined one by one (see _Walk.define)
        events = _EventIds(parts.events.ids)
        if not events.unique:
            raise _Doubt  # a duplicate id: the exact path says which, and where
    _check_refs(w, events)


def _finish(parts: _Parts, files: Sequence[str]) -> Chronology:
    return Chronology.build(
        title=parts.title or (Path(files[0]).stem if files else "Chronology"),
        description=parts.description,
        events=parts.events.table(),
        categories=parts.categories,
        eras=parts.eras,
        indicators=parts.indicators,
        sources=parts.sources,
        files=files,
    )


def _fast(docs: Sequence[Document], progress: _Progress | None = None) -> Chronology | None:
    """The whole chronology on the fast path, or None at the first doubt or problem."""
    progress = progress or _Progress(None)
    roots: list[tuple[str, Any]] = []
    lines: list[dict[str, list[tuple[int, int]] | None]] = []
    for k, doc in enumerate(docs):
        progress.phase(f"Parsing {doc.name}", 0.05 + 0.35 * k / len(docs), 0.05 + 0.35 * (k + 1) / len(docs))
        # YAML is read from its bytes, never decoded whole (that held the interpreter lock a tenth
        # of a second at 200 MB); JSON, and UTF-16/32 YAML, from the text
        source: str | bytes | None = None if doc.json_file else doc.raw_utf8()
        if source is None:
            source = doc.text
        if source is None or doc.problems:
            return None
        got = fast_read(source, json_file=doc.json_file, progress=progress, lazy=True)
        del source  # the documents hold it until they are read for good (see below)
        if got is None:
            return None
        roots.append((doc.name, got[0]))
        lines.append(got[1])  # where the items of "events" and "indicators" are, in YAML files
    w, parts = _Walk(fast=True, progress=progress), _Parts()
    for (name, _), found in zip(roots, lines, strict=True):
        for key, positions in found.items():
            w.item_lines[(name, key)] = positions
    try:
        _walk_all(w, roots, parts, 0.4, 0.95)
        progress.phase("Sorting events", 0.95, 1.0)
        if w.direct:
            chron = None
        else:  # read for good (nothing below sends the files to the exact path): let their text go
            for doc in docs:
                doc.let_go()
            if _TRIM is not None:
                # the C allocator tidies what the parse freed now, in a foreign call that lets the
                # interface thread run, rather than inside the first large allocation of the table
                # build (a 90 ms freeze measured at a million events)
                _TRIM(0)
            chron = _finish(parts, [d.name for d in docs])
    except (_Doubt, FastPathFailed):
        chron = None
    _let_go(roots, lines, w, parts)
    if chron is not None:
        chron.events.renew_dates()  # see there: the memory the load used goes back to the system
    return chron


_LET_GO_SLICE = 16384


def _let_go(*objs: Any) -> None:
    """Free what a load built on its way (the parsed values, the rows, the ids it checked) a slice
    at a time. Dropping a list of a million dicts is one C call that frees them all while holding
    the interpreter lock (most of a second at a million events): the interface thread, waiting
    for the lock to draw, would freeze that long."""
    for obj in objs:
        if isinstance(obj, (_Walk, _Parts, _EventRows)):
            _let_go(*vars(obj).values())
        elif isinstance(obj, tuple) and len(obj) <= 4:
            _let_go(*obj)
        elif type(obj) is list:  # not a LazyItems: it holds nothing once read
            if len(obj) <= 64:
                _let_go(*obj)
            while obj:
                del obj[-_LET_GO_SLICE:]
        elif isinstance(obj, dict):
            if len(obj) <= 64:
                _let_go(*obj.values())
            else:
                for key in list(obj):
                    del obj[key]


def _exact(
    docs: Sequence[Document], problems: list[Problem], progress: _Progress | None = None
) -> Chronology:
    """The exact path: compose every file, read it, and place every problem."""
    progress = progress or _Progress(None)
    w, parts = _Walk(progress=progress), _Parts()
    nodes = w.nodes
    roots: list[tuple[str, Any]] = []
    for k, doc in enumerate(docs):
        progress.phase(f"Checking {doc.name}", 0.05 + 0.45 * k / len(docs), 0.05 + 0.45 * (k + 1) / len(docs))
        if doc.text is None:
            problems.extend(doc.problems)
            w.unread += 1
            continue
        root = doc.compose()
        problems.extend(doc.problems)
        if doc.problems:
            w.unread += 1
            continue
        if root is None:
            problems.append(
                Problem(
                    doc.name, 1, 1, "the file is empty: expected 'events:', 'categories:', 'indicators:' ..."
                )
            )
            continue
        converter = NodeConverter(doc.name, problems)
        values = converter.convert(root)
        w.duplicates.update(converter.duplicates)
        nodes[doc.name] = root
        roots.append((doc.name, values))
    _walk_all(w, roots, parts, 0.5, 0.95)
    return _placed_or_built(w, parts, problems, [d.name for d in docs])


def load_values(files: Sequence[tuple[str, Any, Any]], problems: Sequence[Problem] = ()) -> Chronology:
    """Plain values in the shape of a chronology file, made by a reader of another format
    (:mod:`.formats`), read and checked exactly as a YAML file's values are: the same messages and
    bounds. Each of ``files`` is (name, values, locator); ``locator.locate(path, key)`` says at which
    (line, column) of the file the value at ``path`` was written. ``problems`` are the reader's own."""
    w, parts = _Walk(), _Parts()
    for name, _, locator in files:
        w.nodes[name] = locator
    _walk_all(w, [(name, values) for name, values, _ in files], parts)
    return _placed_or_built(w, parts, list(problems), [name for name, _, _ in files])


def _placed_or_built(w: _Walk, parts: _Parts, problems: list[Problem], names: list[str]) -> Chronology:
    nodes = w.nodes
    problems.extend(w.direct)
    more = 0
    for p in w.pending:
        if not p.message:
            more += 1
            continue
        problems.append(_place(p, nodes))
    if problems:
        problems = sorted(problems)
        if len(problems) > limits.MAX_PROBLEMS:
            more += len(problems) - limits.MAX_PROBLEMS
            problems = problems[: limits.MAX_PROBLEMS]
        raise ChronologyError(problems, more=more)
    return _finish(parts, names)


def _position(at: _At, nodes: dict[str, Any]) -> tuple[int, int]:
    root = nodes.get(at.file)
    return locate(root, at.path, at.key) if root is not None else (1, 1)


def _place(p: _Pending, nodes: dict[str, Any]) -> Problem:
    line, col = _position(p.at, nodes)
    shown: list[str] = []
    for at, style in p.refs:
        rl, rc = _position(at, nodes)
        shown.append(f"{at.file}:{rl}:{rc}" if style == "at" else f"line {rl}, column {rc}")
    return Problem(p.at.file, line, col, p.message.format(*shown) if shown else p.message)


def load_chronology(
    *paths: str | os.PathLike[str], cache: bool = False, progress: ProgressCallback | None = None
) -> Chronology:
    """Load a chronology from one or more files or folders.

    Returns the chronology, or raises :class:`ChronologyError` listing every problem found, each
    with its file, line and column. With ``cache``, a large chronology read before with exactly the
    same bytes comes from the user's cache folder (:mod:`.cache`), and a fresh load is stored there.
    ``progress`` is told how far the load is, and may stop it by raising :class:`LoadCancelled`.
    """
    if not paths:
        raise TypeError("load_chronology() needs at least one path")
    report = _Progress(progress)
    with _gc_paused(), _memory_returned():
        report.phase("Reading files", 0.0, 0.05)
        docs, problems = load_documents(paths)
        if problems:
            return _exact(docs, problems, report)
        key = _cache.key_for(docs) if cache else None
        if key is not None:
            report.phase("Reading the cache", 0.05, 0.95)
            cached = _cache.fetch(key)
            if cached is not None:
                report.phase("Done", 1.0, 1.0)
                return cached
        chron = _fast(docs, report) or _exact(docs, problems, report)
        if key is not None:
            report.phase("Saving to the cache", 1.0, 1.0)
            _cache.store(key, chron)
        report.phase("Done", 1.0, 1.0)
        return chron


def build_chronology(docs: Sequence[Document]) -> Chronology:
    """Documents already read into a chronology, on the exact path (for tests and tools)."""
    return _exact(docs, [])


@contextlib.contextmanager
def _memory_returned() -> Iterator[None]:
    """Give the memory a load used and freed back to the system afterwards.

    A large load makes and frees hundreds of megabytes of small objects; CPython returns its own
    arenas when they empty, but the C allocator keeps what it freed in its heap unless asked.
    On Linux (glibc) ``malloc_trim`` asks; elsewhere this does nothing.
    """
    try:
        yield
    finally:
        if _TRIM is not None:
            _TRIM(0)


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    return trim


_TRIM = _malloc_trim()


def _fix_mmap_threshold(size: int = 4 << 20) -> bool:
    """Serve every block of ``size`` bytes or more from its own mapping (glibc; elsewhere nothing).

    By default glibc raises this threshold as large blocks are freed (up to 32 MB): after a first
    large load, the lists a load grows (a million entries: 8 MB each) come from the heap, and
    growing one copies it into fresh pages, holding the interpreter lock for tens of milliseconds
    (46-66 ms seen at a million events). A mapped block grows in place (``mremap``) and is given
    back to the system when freed."""
    if _TRIM is None:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    m_mmap_threshold = -3
    return bool(mallopt(m_mmap_threshold, size))


_MMAP_THRESHOLD_FIXED = _fix_mmap_threshold()


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading allocates millions of small objects and frees none of them: the cyclic garbage
    collector would walk them again and again (about twice the parse time) for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
