"""Reading each section of a chronology (sources, categories, eras, events, indicators) into the
model's records, through a :class:`~.checks.Walk` that notes every problem; then the references
between them (related events, sources, indicators)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model.chronology import (
    IMPORTANCE,
    Category,
    Era,
    Figure,
    Indicator,
    IndicatorPoint,
    Source,
    SourceRef,
    Tour,
)
from ..model.dates import PartialDate
from ..model.text_column import TextColumn, id_keys
from ..text import QT_TRANSLATE_NOOP
from . import limits
from .checks import (
    COLOR_RE,
    QUOTED_KEYS,
    URL_RE,
    At,
    Path_,
    Stop,
    T,
    Walk,
    What,
    end_before_start,
    too_many_events,
)
from .event_rows import EventRows
from .nouns import A_SOURCE, FIGURE_SOURCE, ID_LISTS, ID_OF, INDICATOR_SOURCE, KINDS, LISTS, POINT_SOURCE
from .problems import said
from .texts import read_text, read_text_list
from .tour_section import read_tours

# -- the sections ---------------------------------------------------------------------------------------
Reader = Callable[[Any, Path_, What], T | None]


def _opt(e: dict[str, Any], path: Path_, key: str, read: Reader[T]) -> T | None:
    return read(e[key], path + (key,), QUOTED_KEYS.get(key) or f"'{key}'") if key in e else None


def _text(
    w: Walk,
    e: dict[str, Any],
    path: Path_,
    key: str,
    owner: tuple[str, str],
    field_name: str = "",
    *,
    allow_empty: bool = False,
) -> str | None:
    """A text field that may be written in languages, read as ``(kind, id, field_name or key)``."""
    if key not in e:
        return None
    what = QUOTED_KEYS.get(key) or f"'{key}'"
    return read_text(w, e[key], (*path, key), what, (*owner, field_name or key), allow_empty=allow_empty)


def _source_ref(
    w: Walk, v: Any, path: Path_, what: What, owner: tuple[str, str] = ("", ""), field_name: str = ""
) -> SourceRef | None:
    """A reference to a source: its id, or ``{id, at}``. ``at`` (where in the source) may be written
    in languages, read as ``(*owner, field_name)``."""
    if isinstance(v, str):
        ident = w.ident(v, path, what)
        if ident is None:
            return None
        w.refer("source", ident, path)
        return SourceRef(ident)
    e = w.mapping(v, path, "source reference")
    if e is None or "id" not in e:
        return None
    ident = w.ident(e["id"], (*path, "id"), ID_OF["source"])
    at = (_text(w, e, path, "at", owner, field_name) if owner[0] else _opt(e, path, "at", w.text)) or ""
    if ident is None:
        return None
    w.refer("source", ident, (*path, "id"))
    return SourceRef(ident, at)


def _ident_defined(w: Walk, e: dict[str, Any], path: Path_, kind: str) -> str | None:
    ident = w.ident(e["id"], (*path, "id"), ID_OF[kind])
    if ident is not None and w.define(kind, ident, (*path, "id")):
        return ident
    return None


def _read_source(w: Walk, v: Any, path: Path_) -> Source | None:
    e = w.mapping(v, path, "source")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "source")
    owner = ("source", ident or "")
    title = _text(w, e, path, "title", owner)
    date = _opt(e, path, "date", w.date)
    publisher = _text(w, e, path, "publisher", owner) or ""
    page = _text(w, e, path, "page", owner) or ""
    url = _opt(e, path, "url", w.text) or ""
    note = _text(w, e, path, "note", owner) or ""
    if url and not URL_RE.match(url):
        w.add(
            (*path, "url"),
            said(
                QT_TRANSLATE_NOOP("Problems", "the url must start with http:// or https://, not '%1'"),
                url[:30],
            ),
        )
        url = ""
    if ident is None or title is None:
        return None
    return Source(ident, title, publisher, date, page, url, note)


def _color(w: Walk, e: dict[str, Any], path: Path_, example: str) -> str | None:
    color = _opt(e, path, "color", w.text)
    if color is not None and not COLOR_RE.match(color):
        w.add(
            (*path, "color"),
            said(
                QT_TRANSLATE_NOOP("Problems", "the color must be written #rrggbb (e.g. %1), not '%2'"),
                example,
                color,
            ),
        )
        return None
    return color


def _read_category(w: Walk, v: Any, path: Path_, default_order: int) -> Category | None:
    e = w.mapping(v, path, "category")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "category")
    owner = ("category", ident or "")
    name = _text(w, e, path, "name", owner)
    color = _color(w, e, path, "#4e79a7")
    order = _opt(e, path, "order", w.number)
    description = _text(w, e, path, "description", owner) or ""
    if order is not None and not order.is_integer():
        w.add(
            (*path, "order"),
            said(QT_TRANSLATE_NOOP("Problems", "'order' must be a whole number, not %1"), e["order"]),
        )
        return None
    if ident is None or name is None or color is None:
        return None
    return Category(
        ident, name, color.lower(), int(order) if order is not None else default_order, description
    )


def _span_ok(w: Walk, start: PartialDate, end: PartialDate, path: Path_) -> bool:
    if end.end_day() <= start.first_day():
        w.add(path, end_before_start(end, start))
        return False
    return True


def _read_era(w: Walk, v: Any, path: Path_) -> Era | None:
    e = w.mapping(v, path, "era")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "era")
    owner = ("era", ident or "")
    title = _text(w, e, path, "title", owner)
    start = _opt(e, path, "start", w.date)
    end = _opt(e, path, "end", w.date)
    color = _color(w, e, path, "#f2e8cf") if "color" in e else ""
    description = _text(w, e, path, "description", owner) or ""
    if ident is None or title is None or start is None or end is None:
        return None
    if not _span_ok(w, start, end, (*path, "end")):
        return None
    return Era(ident, title, start, end, color or "", description)


def _read_figure(w: Walk, v: Any, path: Path_, owner: tuple[str, str], n: int) -> Figure | None:
    """A figure of an event (``owner``), the ``n``-th it keeps."""
    e = w.mapping(v, path, "figure")
    if e is None:
        return None
    label = _text(w, e, path, "label", owner, f"figures.{n}.label")
    value = _opt(e, path, "value", w.number)
    unit = _text(w, e, path, "unit", owner, f"figures.{n}.unit")
    qualifier = _text(w, e, path, "qualifier", owner, f"figures.{n}.qualifier") or ""
    source = (
        _source_ref(w, e["source"], (*path, "source"), FIGURE_SOURCE, owner, f"figures.{n}.source.at")
        if "source" in e
        else None
    )
    if label is None or value is None or unit is None:
        return None
    return Figure(label, value, unit, qualifier, source)


def _ids(w: Walk, e: dict[str, Any], path: Path_, key: str, kind: str) -> tuple[str, ...]:
    out: list[str] = []
    if key in e:
        p = (*path, key)
        ids, each = ID_LISTS[kind]
        for i, item in enumerate(w.sequence(e[key], p, ids)):
            ident = w.ident(item, (*p, i), each)
            if ident is not None:
                w.refer(kind, ident, (*p, i))
                out.append(ident)
    return tuple(out)


def read_event(w: Walk, v: Any, path: Path_, rows: EventRows) -> bool:
    """Read one event into ``rows``; False when it has a problem (recorded in ``w``)."""
    e = w.mapping(v, path, "event")
    if e is None or "id" not in e:
        return False
    ident = _ident_defined(w, e, path, "event")
    owner = ("event", ident or "")
    title = _text(w, e, path, "title", owner)
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
            w.add(
                (*path, "importance"),
                said(
                    QT_TRANSLATE_NOOP("Problems", "importance %1 is not one of: %2"),
                    repr(importance),
                    choices,
                ),
            )
            return False
    category = _opt(e, path, "category", w.ident)
    if category is not None:
        w.refer("category", category, (*path, "category"))
    places: tuple[str, ...] = ()
    if "places" in e:
        places = read_text_list(w, e["places"], (*path, "places"), "'places'", (*owner, "places"))
    tags: tuple[str, ...] = ()
    if "tags" in e:
        tags = read_text_list(w, e["tags"], (*path, "tags"), "'tags'", (*owner, "tags"))
    description = _text(w, e, path, "description", owner, allow_empty=True) or ""
    figures: list[Figure] = []
    if "figures" in e:
        p = (*path, "figures")
        for i, item in enumerate(w.sequence(e["figures"], p, LISTS["figures"])):
            fig = _read_figure(w, item, (*p, i), owner, len(figures))
            if fig is not None:
                figures.append(fig)
    sources: list[SourceRef] = []
    if "sources" in e:
        p = (*path, "sources")
        src = e["sources"]
        items = (
            [(src, p)]
            if isinstance(src, str) and src
            else [(x, (*p, i)) for i, x in enumerate(w.sequence(src, p, LISTS["sources"]))]
        )
        for item, item_path in items:
            ref = _source_ref(w, item, item_path, A_SOURCE, owner, f"sources.{len(sources)}.at")
            if ref is not None:
                sources.append(ref)
    related = _ids(w, e, path, "related", "event")
    indicators = _ids(w, e, path, "indicators", "indicator")
    if end is not None and ongoing:
        w.add(
            (*path, "ongoing"),
            said(QT_TRANSLATE_NOOP("Problems", "an event has either an 'end' or 'ongoing: true', not both")),
        )
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


def _read_point(
    w: Walk, v: Any, path: Path_, default_source: SourceRef | None, owner: tuple[str, str]
) -> IndicatorPoint | None:
    """A point of an indicator (``owner``); its texts in languages are kept under its date
    (``points.2014.note``): the points are put in date order after reading, and a date is given once."""
    e = w.mapping(v, path, "point")
    if e is None:
        return None
    date = _opt(e, path, "date", w.date)
    value = _opt(e, path, "value", w.number)
    at = f"points.{date.iso() if date is not None else ''}."
    if "source" in e:
        source = _source_ref(w, e["source"], (*path, "source"), POINT_SOURCE, owner, at + "source.at")
    else:
        source = default_source
        inherited = w.texts.get((*owner, "source.at"))
        if inherited is not None and date is not None:  # the indicator's own, in every language
            w.texts[(*owner, at + "source.at")] = inherited
    derived = _text(w, e, path, "derived", owner, at + "derived") or ""
    approximate = _opt(e, path, "approximate", w.boolean) or False
    note = _text(w, e, path, "note", owner, at + "note") or ""
    if date is None or value is None:
        return None
    return IndicatorPoint(date, value, source, derived.strip(), approximate, note)


def _read_indicator(w: Walk, v: Any, path: Path_) -> Indicator | None:
    e = w.mapping(v, path, "indicator")
    if e is None or "id" not in e:
        return None
    ident = _ident_defined(w, e, path, "indicator")
    owner = ("indicator", ident or "")
    name = _text(w, e, path, "name", owner)
    unit = _text(w, e, path, "unit", owner)
    region = _text(w, e, path, "region", owner) or ""
    description = _text(w, e, path, "description", owner) or ""
    default_source = (
        _source_ref(w, e["source"], (*path, "source"), INDICATOR_SOURCE, owner, "source.at")
        if "source" in e
        else None
    )
    points: list[IndicatorPoint] = []
    seen: dict[PartialDate, Path_] = {}
    if "points" in e:
        p = (*path, "points")
        for i, item in enumerate(w.sequence(e["points"], p, LISTS["points"])):
            point = _read_point(w, item, (*p, i), default_source, owner)
            if point is None:
                continue
            if point.date in seen:
                first = At(w.file, seen[point.date])
                second = said(
                    QT_TRANSLATE_NOOP("Problems", "a second point for %1 (the first is at %2)"),
                    point.date.iso(),
                )
                w.add((*p, i), second, refs=((first, "lc"),))
                continue
            seen[point.date] = (*p, i)
            points.append(point)
    # the indicator's own `at` in languages now lives in each point that took its source (an
    # indicator keeps no source of its own): one key for one text, as a written-back file has it
    w.texts.pop((*owner, "source.at"), None)
    if ident is None or name is None or unit is None:
        return None
    points.sort(key=lambda q: (q.date.first_day(), q.date.end_day()))
    return Indicator(ident, name, unit, tuple(points), region, description.strip(), w.origin(path))


@dataclass
class Parts:
    title: str = ""
    description: str = ""
    title_at: At | None = None
    sources: list[Source] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    eras: list[Era] = field(default_factory=list)
    events: EventRows = field(default_factory=EventRows)
    indicators: list[Indicator] = field(default_factory=list)
    tours: list[Tour] = field(default_factory=list)


EventsReader = Callable[[Walk, list[Any], "EventRows"], None]


def read_sections(w: Walk, root: Any, parts: Parts, read_events: EventsReader | None = None) -> None:
    """Read a file's sections into ``parts``; its events with ``read_events`` if given."""
    top = w.mapping(root, (), "file")
    if top is None:
        return
    if "chronology" in top:
        c = w.mapping(top["chronology"], ("chronology",), "chronology")
        if c is not None:
            if parts.title_at is not None:
                w.add(
                    ("chronology",),
                    said(QT_TRANSLATE_NOOP("Problems", "'chronology' is already given at %1")),
                    key=True,
                    refs=((parts.title_at, "at"),),
                )
            else:
                whole = ("chronology", "")
                parts.title = _text(w, c, ("chronology",), "title", whole) or ""
                parts.description = (_text(w, c, ("chronology",), "description", whole) or "").strip()
                parts.title_at = At(w.file, ("chronology",), key=True)
    for i, item in enumerate(
        w.sequence(top["sources"], ("sources",), LISTS["sources"]) if "sources" in top else ()
    ):
        s = _read_source(w, item, ("sources", i))
        if s is not None:
            parts.sources.append(s)
    for i, item in enumerate(
        w.sequence(top["categories"], ("categories",), LISTS["categories"]) if "categories" in top else ()
    ):
        cat = _read_category(w, item, ("categories", i), len(parts.categories))
        if cat is not None:
            parts.categories.append(cat)
    for i, item in enumerate(w.sequence(top["eras"], ("eras",), LISTS["eras"]) if "eras" in top else ()):
        era = _read_era(w, item, ("eras", i))
        if era is not None:
            parts.eras.append(era)
    items = w.sequence(top["events"], ("events",), LISTS["events"]) if "events" in top else []
    if read_events is not None:  # the fast path's reader (fast_events)
        read_events(w, items, parts.events)
        items = []
    step = max(len(items) // 100, 1000)
    for i, item in enumerate(items):
        if i % step == 0:
            w.progress(i / len(items))
        if read_event(w, item, ("events", i), parts.events) and len(parts.events) > limits.MAX_EVENTS:
            w.add(("events", i), too_many_events())
            raise Stop
    for i, item in enumerate(
        w.sequence(top["indicators"], ("indicators",), LISTS["indicators"]) if "indicators" in top else ()
    ):
        ind = _read_indicator(w, item, ("indicators", i))
        if ind is not None:
            parts.indicators.append(ind)
    read_tours(w, top, parts.tours)


class EventIds:
    """The event ids of a fast walk, sorted as a fixed-width numpy array (sorted in C, which lets
    other threads run): are they unique, and is an id among them. Ids too long or unusual for the
    array go into a set."""

    def __init__(self, ids: Sequence[str]) -> None:
        column = ids if isinstance(ids, TextColumn) else TextColumn.from_strings(ids)
        keyed = id_keys(column)  # as the id index keys them
        self.keyed = keyed  # kept for the sort of the table (EventRows.table)
        self._set: set[str] | None = None
        if keyed is None:
            self._set = set(column)
            self.unique = len(self._set) == len(ids)
            return
        keys, order = keyed
        self._sorted = keys[order]
        self.unique = not bool(np.any(self._sorted[1:] == self._sorted[:-1]))

    def __contains__(self, ident: object) -> bool:
        if self._set is not None:
            return ident in self._set
        if not isinstance(ident, str):
            return False
        raw = ident.encode("utf-8", "surrogatepass")
        i = int(np.searchsorted(self._sorted, raw))
        return i < len(self._sorted) and bytes(self._sorted[i]) == raw


def check_refs(w: Walk, events: EventIds | None = None) -> None:
    if w.unread:
        return  # a file that could not be parsed may define them: say nothing rather than wrong things
    for kind, target, at in w.refs:
        if kind == "event" and events is not None and target in events:
            continue
        table = w.defined[kind]
        if target in table:
            continue
        import difflib  # only when something is misspelt

        hint = difflib.get_close_matches(target, list(table), n=1)
        noun = KINDS[kind]
        if hint:
            unknown = said(
                QT_TRANSLATE_NOOP("Problems", "unknown %1 '%2' (did you mean '%3'?)"), noun, target, hint[0]
            )
        elif not table:
            unknown = said(QT_TRANSLATE_NOOP("Problems", "unknown %1 '%2' (no %1 is defined)"), noun, target)
        else:
            unknown = said(QT_TRANSLATE_NOOP("Problems", "unknown %1 '%2'"), noun, target)
        w.file = at.file
        w.add(at.path, unknown)
