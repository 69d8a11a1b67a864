"""Loading a chronology (a YAML file or a folder of them) into the model, or every problem at once.

The loader walks the composed YAML nodes against the format (docs/FORMAT.md) and reports each
problem as ``file:line:column: message``. It never stops at the first one: an author fixing a file
sees all that is wrong with it.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from ..model.chronology import (
    Category,
    Chronology,
    Era,
    Event,
    Figure,
    Indicator,
    IndicatorPoint,
    Origin,
    Source,
    SourceRef,
)
from ..model.dates import DateError, PartialDate
from . import limits
from .problems import ChronologyError, Problem
from .yaml_source import Document, is_plain_tag, position, read_file, tag_text

CHRONOLOGY_SUFFIXES = (".yaml", ".yml", ".json")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")

T = TypeVar("T")

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


class _Stop(Exception):
    """Raised inside a file's walk when a bound is passed; the problem is already recorded."""


@dataclass
class _Ref:
    """A reference to check once every file is read: kind, id, and where it was written."""

    kind: str
    target: str
    where: tuple[str, int, int]


@dataclass
class _Walk:
    """State of one load: problems found, ids defined, references to check."""

    problems: list[Problem] = field(default_factory=list)
    suppressed: int = 0
    defined: dict[str, dict[str, tuple[str, int, int]]] = field(
        default_factory=lambda: {k: {} for k in ("event", "source", "category", "indicator", "era")}
    )
    refs: list[_Ref] = field(default_factory=list)
    file: str = ""
    nodes: int = 0

    def add(self, node: yaml.Node | None, message: str, file: str | None = None) -> None:
        if len(self.problems) >= limits.MAX_PROBLEMS:
            self.suppressed += 1
            return
        line, col = position(node) if node is not None else (1, 1)
        self.problems.append(Problem(file or self.file, line, col, message))

    def count(self, node: yaml.Node) -> None:
        self.nodes += 1
        if self.nodes > limits.MAX_NODES_PER_FILE:
            self.add(node, f"the file expands to more than {limits.MAX_NODES_PER_FILE:,} values (aliases?)")
            raise _Stop

    # -- typed readers ------------------------------------------------------------------------------
    def _check_tag(self, node: yaml.Node) -> bool:
        if not is_plain_tag(node):
            self.add(
                node, f"the tag {tag_text(node.tag)} is not allowed: write plain values (nothing is ever run)"
            )
            return False
        return True

    def mapping(self, node: yaml.Node, kind: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """A mapping's entries by key, after checking keys: duplicates, unknown and missing ones."""
        self.count(node)
        if not self._check_tag(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.add(node, f"expected a mapping for the {kind} (key: value lines), found {_describe(node)}")
            return None
        required, optional = KEYS.get(kind, TOP_KEYS)
        allowed = required | optional
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            self.count(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or not self._check_tag(key_node):
                if isinstance(key_node, yaml.ScalarNode) or is_plain_tag(key_node):
                    self.add(key_node, f"a key of the {kind} must be a word, found {_describe(key_node)}")
                continue
            key = key_node.value
            if key == "<<":
                self.add(key_node, "merge keys ('<<') are not supported: write the keys out")
                continue
            if key in out:
                line, col = position(out[key][0])
                self.add(
                    key_node,
                    f"duplicate key '{key}' in the {kind} (first written at line {line}, column {col})",
                )
                continue
            if key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                did = (
                    f" (did you mean '{hint[0]}'?)"
                    if hint
                    else f" (expected one of: {', '.join(sorted(allowed))})"
                )
                self.add(key_node, f"unknown key '{key}' in the {kind}{did}")
                continue
            out[key] = (key_node, value_node)
        for key in sorted(required - out.keys()):
            self.add(node, f"the {kind} is missing '{key}'")
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        self.count(node)
        if not self._check_tag(node):
            return []
        if _is_empty(node):
            return []  # "events:" with nothing after it
        if not isinstance(node, yaml.SequenceNode):
            self.add(node, f"expected a list of {what} (lines starting with '- '), found {_describe(node)}")
            return []
        return list(node.value)

    def text(self, node: yaml.Node, what: str, *, allow_empty: bool = False) -> str | None:
        self.count(node)
        if not self._check_tag(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.add(node, f"{what} must be text, found {_describe(node)}")
            return None
        value: str = node.value
        if len(value) > limits.MAX_SCALAR_CHARS:
            self.add(
                node, f"{what} is {len(value):,} characters long; the limit is {limits.MAX_SCALAR_CHARS:,}"
            )
            return None
        if not allow_empty and not value.strip():
            self.add(node, f"{what} is empty")
            return None
        return value

    def ident(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not _ID_RE.match(value):
            self.add(
                node,
                f"{what} '{value}' may hold only letters, digits, '.', '_' and '-' "
                "(and start with a letter or digit)",
            )
            return None
        return value

    def date(self, node: yaml.Node, what: str) -> PartialDate | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            return PartialDate.parse(value)
        except DateError as exc:
            msg = str(exc)
            if not msg.startswith("'"):
                msg = f"{value.strip()}: {msg}"
            self.add(node, f"{what.strip(chr(39))} {msg}")
            return None

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not _is_quoted(node) and value in ("true", "True", "TRUE"):
            return True
        if not _is_quoted(node) and value in ("false", "False", "FALSE"):
            return False
        self.add(node, f"{what} must be true or false, not '{value}'")
        return None

    def number(self, node: yaml.Node, what: str) -> float | None:
        value = self.text(node, what)
        if value is None:
            return None
        if _is_quoted(node):
            self.add(node, f"{what} must be a number, not quoted text: write {value} without quotes")
            return None
        v = value.strip().replace("_", "")
        if not _NUMBER_RE.match(v):
            low = v.lower().lstrip("+-.")
            if low in ("nan", "inf", "infinity"):
                self.add(node, f"{what} must be a finite number, not '{value}'")
            else:
                self.add(node, f"{what} must be a number, not '{value}'")
            return None
        number = float(v)
        if not math.isfinite(number):
            self.add(node, f"{what} {value} is too large")
            return None
        return number

    def text_list(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        out: list[str] = []
        if isinstance(node, yaml.ScalarNode) and is_plain_tag(node) and node.value.strip():
            # a single value where a list is expected: accept "places: Beijing"
            v = self.text(node, what)
            return (v,) if v else ()
        for item in self.sequence(node, what):
            v = self.text(item, f"each of {what}")
            if v is not None:
                out.append(v)
        return tuple(out)

    def define(self, kind: str, ident: str, node: yaml.Node) -> bool:
        table = self.defined[kind]
        if ident in table:
            f, line, col = table[ident]
            self.add(node, f"duplicate {kind} id '{ident}' (first defined at {f}:{line}:{col})")
            return False
        line, col = position(node)
        table[ident] = (self.file, line, col)
        return True

    def refer(self, kind: str, ident: str, node: yaml.Node) -> None:
        line, col = position(node)
        self.refs.append(_Ref(kind, ident, (self.file, line, col)))


def _is_quoted(node: yaml.Node) -> bool:
    return getattr(node, "style", None) in ("'", '"', "|", ">")


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value == "" and not _is_quoted(node)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.ScalarNode):
        if _is_empty(node):
            return "nothing"
        v = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return f"'{v}'"
    return "something else"


# -- the sections ---------------------------------------------------------------------------------------
def _get(entries: dict[str, tuple[yaml.Node, yaml.Node]], key: str) -> yaml.Node | None:
    pair = entries.get(key)
    return pair[1] if pair else None


def _opt(
    w: _Walk,
    entries: dict[str, tuple[yaml.Node, yaml.Node]],
    key: str,
    read: Callable[[yaml.Node, str], T | None],
) -> T | None:
    node = _get(entries, key)
    return None if node is None else read(node, f"'{key}'")


def _source_ref(w: _Walk, node: yaml.Node, what: str) -> SourceRef | None:
    if isinstance(node, yaml.ScalarNode):
        ident = w.ident(node, what)
        if ident is None:
            return None
        w.refer("source", ident, node)
        return SourceRef(ident)
    entries = w.mapping(node, "source reference")
    if entries is None or "id" not in entries:
        return None
    id_node = entries["id"][1]
    ident = w.ident(id_node, "the source id")
    at = _opt(w, entries, "at", w.text) or ""
    if ident is None:
        return None
    w.refer("source", ident, id_node)
    return SourceRef(ident, at)


def _read_source(w: _Walk, node: yaml.Node) -> Source | None:
    e = w.mapping(node, "source")
    if e is None or "id" not in e:
        return None
    ident = w.ident(e["id"][1], "the source id")
    ident = ident if ident is not None and w.define("source", ident, e["id"][1]) else None
    title = _opt(w, e, "title", w.text)
    date = _opt(w, e, "date", w.date)
    publisher = _opt(w, e, "publisher", w.text) or ""
    page = _opt(w, e, "page", w.text) or ""
    url = _opt(w, e, "url", w.text) or ""
    note = _opt(w, e, "note", w.text) or ""
    if url and not re.match(r"^https?://", url):
        w.add(_get(e, "url"), f"the url must start with http:// or https://, not '{url[:30]}'")
        url = ""
    if ident is None or title is None:
        return None
    return Source(ident, title, publisher, date, page, url, note)


def _read_category(w: _Walk, node: yaml.Node, default_order: int) -> Category | None:
    e = w.mapping(node, "category")
    if e is None or "id" not in e:
        return None
    ident = w.ident(e["id"][1], "the category id")
    ident = ident if ident is not None and w.define("category", ident, e["id"][1]) else None
    name = _opt(w, e, "name", w.text)
    color = _opt(w, e, "color", w.text)
    if color is not None and not _COLOR_RE.match(color):
        w.add(_get(e, "color"), f"the color must be written #rrggbb (e.g. #4e79a7), not '{color}'")
        color = None
    order = _opt(w, e, "order", w.number)
    description = _opt(w, e, "description", w.text) or ""
    if ident is None or name is None or color is None:
        return None
    return Category(
        ident, name, color.lower(), int(order) if order is not None else default_order, description
    )


def _span_ok(w: _Walk, start: PartialDate, end: PartialDate, end_node: yaml.Node | None) -> bool:
    if end.end_day() <= start.first_day():
        w.add(end_node, f"end {end.iso()} is before start {start.iso()}")
        return False
    return True


def _read_era(w: _Walk, node: yaml.Node) -> Era | None:
    e = w.mapping(node, "era")
    if e is None or "id" not in e:
        return None
    ident = w.ident(e["id"][1], "the era id")
    ident = ident if ident is not None and w.define("era", ident, e["id"][1]) else None
    title = _opt(w, e, "title", w.text)
    start = _opt(w, e, "start", w.date)
    end = _opt(w, e, "end", w.date)
    color = _opt(w, e, "color", w.text) or ""
    if color and not _COLOR_RE.match(color):
        w.add(_get(e, "color"), f"the color must be written #rrggbb (e.g. #f2e8cf), not '{color}'")
        color = ""
    description = _opt(w, e, "description", w.text) or ""
    if ident is None or title is None or start is None or end is None:
        return None
    if not _span_ok(w, start, end, _get(e, "end")):
        return None
    return Era(ident, title, start, end, color, description)


def _read_figure(w: _Walk, node: yaml.Node) -> Figure | None:
    e = w.mapping(node, "figure")
    if e is None:
        return None
    label = _opt(w, e, "label", w.text)
    value = _opt(w, e, "value", w.number)
    unit = _opt(w, e, "unit", w.text)
    qualifier = _opt(w, e, "qualifier", w.text) or ""
    src_node = _get(e, "source")
    source = _source_ref(w, src_node, "the figure's source") if src_node is not None else None
    if label is None or value is None or unit is None:
        return None
    return Figure(label, value, unit, qualifier, source)


def _read_event(w: _Walk, node: yaml.Node) -> Event | None:
    e = w.mapping(node, "event")
    if e is None or "id" not in e:
        return None
    id_node = e["id"][1]
    ident = w.ident(id_node, "the event id")
    ident = ident if ident is not None and w.define("event", ident, id_node) else None
    title = _opt(w, e, "title", w.text)
    start = _opt(w, e, "start", w.date)
    end = _opt(w, e, "end", w.date)
    ongoing = _opt(w, e, "ongoing", w.boolean) or False
    approximate = _opt(w, e, "approximate", w.boolean) or False
    category = _opt(w, e, "category", w.ident)
    if category is not None:
        w.refer("category", category, e["category"][1])
    places = _opt(w, e, "places", w.text_list) or ()
    tags = _opt(w, e, "tags", w.text_list) or ()
    description = _opt(w, e, "description", lambda n, what: w.text(n, what, allow_empty=True)) or ""
    figures: list[Figure] = []
    if "figures" in e:
        for item in w.sequence(e["figures"][1], "figures"):
            fig = _read_figure(w, item)
            if fig is not None:
                figures.append(fig)
    sources: list[SourceRef] = []
    if "sources" in e:
        src_list = e["sources"][1]
        items = (
            [src_list]
            if isinstance(src_list, yaml.ScalarNode) and src_list.value
            else w.sequence(src_list, "sources")
        )
        for item in items:
            ref = _source_ref(w, item, "a source")
            if ref is not None:
                sources.append(ref)
    related: list[str] = []
    if "related" in e:
        for item in w.sequence(e["related"][1], "related event ids"):
            rid = w.ident(item, "a related event id")
            if rid is not None:
                w.refer("event", rid, item)
                related.append(rid)
    indicators: list[str] = []
    if "indicators" in e:
        for item in w.sequence(e["indicators"][1], "indicator ids"):
            iid = w.ident(item, "an indicator id")
            if iid is not None:
                w.refer("indicator", iid, item)
                indicators.append(iid)
    if end is not None and ongoing:
        w.add(_get(e, "ongoing"), "an event has either an 'end' or 'ongoing: true', not both")
        return None
    if ident is None or title is None or start is None or category is None:
        return None
    if end is not None and not _span_ok(w, start, end, _get(e, "end")):
        return None
    line, col = position(node)
    return Event(
        id=ident,
        title=title,
        start=start,
        category=category,
        end=end,
        ongoing=ongoing,
        approximate=approximate,
        places=places,
        tags=tags,
        description=description.strip(),
        figures=tuple(figures),
        sources=tuple(sources),
        related=tuple(related),
        indicators=tuple(indicators),
        origin=Origin(w.file, line, col),
    )


def _read_point(w: _Walk, node: yaml.Node, default_source: SourceRef | None) -> IndicatorPoint | None:
    e = w.mapping(node, "point")
    if e is None:
        return None
    date = _opt(w, e, "date", w.date)
    value = _opt(w, e, "value", w.number)
    src_node = _get(e, "source")
    source = _source_ref(w, src_node, "the point's source") if src_node is not None else default_source
    derived = _opt(w, e, "derived", w.text) or ""
    approximate = _opt(w, e, "approximate", w.boolean) or False
    note = _opt(w, e, "note", w.text) or ""
    if date is None or value is None:
        return None
    return IndicatorPoint(date, value, source, derived.strip(), approximate, note)


def _read_indicator(w: _Walk, node: yaml.Node) -> Indicator | None:
    e = w.mapping(node, "indicator")
    if e is None or "id" not in e:
        return None
    id_node = e["id"][1]
    ident = w.ident(id_node, "the indicator id")
    ident = ident if ident is not None and w.define("indicator", ident, id_node) else None
    name = _opt(w, e, "name", w.text)
    unit = _opt(w, e, "unit", w.text)
    region = _opt(w, e, "region", w.text) or ""
    description = _opt(w, e, "description", w.text) or ""
    src_node = _get(e, "source")
    default_source = _source_ref(w, src_node, "the indicator's source") if src_node is not None else None
    points: list[IndicatorPoint] = []
    seen: dict[PartialDate, yaml.Node] = {}
    if "points" in e:
        for item in w.sequence(e["points"][1], "points"):
            p = _read_point(w, item, default_source)
            if p is None:
                continue
            if p.date in seen:
                line, col = position(seen[p.date])
                w.add(item, f"a second point for {p.date.iso()} (the first is at line {line}, column {col})")
                continue
            seen[p.date] = item
            points.append(p)
    if ident is None or name is None or unit is None:
        return None
    line, col = position(node)
    points.sort(key=lambda p: (p.date.first_day(), p.date.end_day()))
    return Indicator(ident, name, unit, tuple(points), region, description.strip(), Origin(w.file, line, col))


@dataclass
class _Parts:
    title: str = ""
    description: str = ""
    title_at: tuple[str, int, int] | None = None
    sources: list[Source] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    eras: list[Era] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


def _read_document(w: _Walk, doc: Document, parts: _Parts) -> None:
    w.file, w.nodes = doc.name, 0
    root = doc.root
    if root is None:
        w.add(None, "the file is empty: expected 'events:', 'categories:', 'indicators:' ...")
        return
    top = w.mapping(root, "file")
    if top is None:
        return
    if "chronology" in top:
        c = w.mapping(top["chronology"][1], "chronology")
        if c is not None:
            if parts.title_at is not None:
                f, line, col = parts.title_at
                w.add(top["chronology"][0], f"'chronology' is already given at {f}:{line}:{col}")
            else:
                parts.title = _opt(w, c, "title", w.text) or ""
                parts.description = (_opt(w, c, "description", w.text) or "").strip()
                line, col = position(top["chronology"][0])
                parts.title_at = (w.file, line, col)
    if "sources" in top:
        for item in w.sequence(top["sources"][1], "sources"):
            s = _read_source(w, item)
            if s is not None:
                parts.sources.append(s)
    if "categories" in top:
        for item in w.sequence(top["categories"][1], "categories"):
            cat = _read_category(w, item, len(parts.categories))
            if cat is not None:
                parts.categories.append(cat)
    if "eras" in top:
        for item in w.sequence(top["eras"][1], "eras"):
            era = _read_era(w, item)
            if era is not None:
                parts.eras.append(era)
    if "events" in top:
        for item in w.sequence(top["events"][1], "events"):
            ev = _read_event(w, item)
            if ev is not None:
                parts.events.append(ev)
                if len(parts.events) > limits.MAX_EVENTS:
                    w.add(item, f"more than {limits.MAX_EVENTS:,} events: the limit of one chronology")
                    raise _Stop
    if "indicators" in top:
        for item in w.sequence(top["indicators"][1], "indicators"):
            ind = _read_indicator(w, item)
            if ind is not None:
                parts.indicators.append(ind)


_KIND_WORDS = {"event": "event", "source": "source", "category": "category", "indicator": "indicator"}


def _check_refs(w: _Walk) -> None:
    for ref in w.refs:
        table = w.defined[ref.kind]
        if ref.target in table:
            continue
        hint = difflib.get_close_matches(ref.target, list(table), n=1)
        if hint:
            did = f" (did you mean '{hint[0]}'?)"
        elif not table:
            did = f" (no {ref.kind} is defined)"
        else:
            did = ""
        f, line, col = ref.where
        w.problems.append(Problem(f, line, col, f"unknown {_KIND_WORDS[ref.kind]} '{ref.target}'{did}"))


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
            problems.append(
                Problem(
                    _display(p),
                    1,
                    1,
                    f"the folder holds {len(files):,} files; the limit is {limits.MAX_FILES:,}",
                )
            )
            continue
        for f in files:
            doc = read_file(f, _display(f))
            docs.append(doc)
    return docs, problems


def build_chronology(docs: Iterable[Document], files: Sequence[str]) -> Chronology:
    """Turn parsed documents into a chronology, or raise ChronologyError with every problem."""
    w = _Walk()
    parts = _Parts()
    for doc in docs:
        if doc.problems:
            w.problems.extend(doc.problems)
            continue
        with contextlib.suppress(_Stop):  # a bound was passed; its problem is recorded
            _read_document(w, doc, parts)
    _check_refs(w)
    if w.problems:
        raise ChronologyError(w.problems, more=w.suppressed)
    title = parts.title or (Path(files[0]).stem if files else "Chronology")
    return Chronology.build(
        title=title,
        description=parts.description,
        events=parts.events,
        categories=parts.categories,
        eras=parts.eras,
        indicators=parts.indicators,
        sources=parts.sources,
        files=files,
    )


def load_chronology(*paths: str | os.PathLike[str]) -> Chronology:
    """Load a chronology from one or more files or folders.

    Returns the chronology, or raises :class:`ChronologyError` listing every problem found, each
    with its file, line and column.
    """
    if not paths:
        raise TypeError("load_chronology() needs at least one path")
    with _gc_paused():
        return _load(paths)


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


def _load(paths: Sequence[str | os.PathLike[str]]) -> Chronology:
    docs, problems = load_documents(paths)
    if problems:
        # still parse what exists, so the author sees everything at once
        try:
            build_chronology(docs, [d.name for d in docs])
        except ChronologyError as exc:
            raise ChronologyError([*problems, *exc.problems], more=exc.more) from None
        raise ChronologyError(problems)
    return build_chronology(docs, [d.name for d in docs])
