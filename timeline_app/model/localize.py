"""A chronology in one language: every text field written in several languages replaced by its
text in that one, or by another language's where it has none (a fallback, which the chronology
records so that a view can mark it). No Qt here.

The languages' texts stay in the result (:attr:`.Chronology.texts`), so a chronology localized to
one language can be localized to another; fields written as plain strings are the same in every
language and never count as fallbacks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

from .chronology import Chronology, Indicator, IndicatorPoint
from .event_table import FIGURES, PLACES, SOURCES, TAGS, EventTable, Extras
from .languages import LANGUAGES, TextKey, Translations, field_key, pick
from .records import Category, Era, Figure, Source, SourceRef, Tour
from .text_column import TextColumn

R = TypeVar("R", Source, Category, Era, Indicator, Figure)


class _Picker:
    """Texts of one language for one chronology, noting each fallback."""

    def __init__(self, texts: Mapping[TextKey, Translations], language: str) -> None:
        self.texts = texts
        self.language = language
        self.fallbacks: set[TextKey] = set()

    def text(self, key: TextKey, current: str) -> str:
        found = self.texts.get(key)
        if not found:
            return current
        text, fell_back = pick(found, self.language)
        if fell_back:
            self.fallbacks.add(key)
        return text

    def ref(self, ref: SourceRef | None, key: TextKey) -> SourceRef | None:
        """A reference with its ``at`` (where in the source) in the language."""
        if ref is None or not ref.locator:
            return ref
        at = self.text(key, ref.locator)
        return ref if at == ref.locator else dataclasses.replace(ref, locator=at)

    def record(self, rec: R, kind: str, ident: str, fields: tuple[str, ...], prefix: str = "") -> R:
        changes: dict[str, Any] = {}
        for name in fields:
            current = getattr(rec, name)
            new = self.text((kind, ident, prefix + name), current)
            if new != current:
                changes[name] = new
        return dataclasses.replace(rec, **changes) if changes else rec


_FIELDS: Mapping[type, tuple[str, ...]] = {
    Source: ("title", "publisher", "page", "note"),
    Category: ("name", "description"),
    Era: ("title", "description"),
    Indicator: ("name", "unit", "region", "description"),
    Figure: ("label", "unit", "qualifier"),
}


def localize(chronology: Chronology, lang: str) -> Chronology:
    """``chronology`` with every text in ``lang`` ("en" or "zh"), another language's where a field
    has none in ``lang``; :attr:`.Chronology.fallbacks` names those fields, as (kind, id, field)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    c = chronology
    p = _Picker(c.texts, lang)
    if not c.texts:
        return dataclasses.replace(c, language=lang, fallbacks=frozenset())

    def each(records: tuple[R, ...], kind: str, key: Callable[[R], str]) -> tuple[R, ...]:
        return tuple(p.record(r, kind, key(r), _FIELDS[type(r)]) for r in records)

    return dataclasses.replace(
        c,
        title=p.text(("chronology", "", "title"), c.title),
        description=p.text(("chronology", "", "description"), c.description),
        sources=each(c.sources, "source", lambda s: s.id),
        categories=each(c.categories, "category", lambda k: k.id),
        eras=each(c.eras, "era", lambda e: e.id),
        indicators=tuple(_indicator(i, p) for i in c.indicators),
        events=_events(c, p),
        tours=tuple(_tour(t, p) for t in c.tours),
        language=lang,
        fallbacks=frozenset(p.fallbacks),
    )


def _indicator(ind: Indicator, p: _Picker) -> Indicator:
    """An indicator's own texts, and its points' notes, formulas and places in their sources, which
    are kept under each point's date (``points.2014.note``)."""
    out = p.record(ind, "indicator", ind.id, _FIELDS[Indicator])
    points = tuple(_point(q, ind.id, p) for q in ind.points)
    if any(a is not b for a, b in zip(points, ind.points, strict=True)):
        out = dataclasses.replace(out, points=points)
    return out


def _point(q: IndicatorPoint, ident: str, p: _Picker) -> IndicatorPoint:
    at = f"points.{q.date.iso()}."
    note = p.text(("indicator", ident, at + "note"), q.note)
    derived = p.text(("indicator", ident, at + "derived"), q.derived)
    source = p.ref(q.source, ("indicator", ident, at + "source.at"))
    if note == q.note and derived == q.derived and source is q.source:
        return q
    return dataclasses.replace(q, note=note, derived=derived, source=source)


def _tour(t: Tour, p: _Picker) -> Tour:
    stops = tuple(
        dataclasses.replace(
            s,
            text=p.text(("tour", t.id, f"stops.{i}.text"), s.text),
            title=p.text(("tour", t.id, f"stops.{i}.title"), s.title),
        )
        for i, s in enumerate(t.stops)
    )
    return dataclasses.replace(
        t,
        title=p.text(("tour", t.id, "title"), t.title),
        description=p.text(("tour", t.id, "description"), t.description),
        stops=stops,
    )


def _events(c: Chronology, p: _Picker) -> EventTable:
    table = c.events
    fields: dict[str, list[str]] = {}  # event id -> its fields written in languages
    for kind, ident, name in c.texts:
        if kind == "event":
            fields.setdefault(ident, []).append(name)
    if not fields:
        return table
    titles = list(table.titles)
    descriptions = list(table.descriptions)
    extras = list(table.extras)
    for i, ident in event_positions(table, fields.keys()):
        names = fields[ident]
        if "title" in names:
            titles[i] = p.text(("event", ident, "title"), titles[i])
        if "description" in names:
            descriptions[i] = p.text(("event", ident, "description"), descriptions[i])
        x = extras[i]
        if x is not None and any(n.startswith(("places.", "tags.", "figures.", "sources.")) for n in names):
            extras[i] = _extras(x, ident, p)
    return table.with_texts(
        TextColumn.from_strings(titles), TextColumn.from_strings(descriptions), tuple(extras)
    )


def event_positions(table: EventTable, ids: Collection[str]) -> list[tuple[int, str]]:
    """Where each of ``ids`` is in ``table`` (ids not in it are left out): looked up one by one
    when they are few, found in one pass over the ids when they are many (a lookup costs about
    as much as reading fifty ids in order)."""
    if len(ids) * 50 < len(table):
        positions = table.positions
        found = ((positions.get(ident), ident) for ident in ids)
        return [(i, ident) for i, ident in found if i is not None]
    return [(i, ident) for i, ident in enumerate(table.ids) if ident in ids]


def _extras(x: Extras, ident: str, p: _Picker) -> Extras:
    places = tuple(p.text(("event", ident, field_key("places", k)), t) for k, t in enumerate(x[PLACES]))
    tags = tuple(p.text(("event", ident, field_key("tags", k)), t) for k, t in enumerate(x[TAGS]))
    figures = tuple(_figure(f, ident, k, p) for k, f in enumerate(x[FIGURES]))
    sources = tuple(
        p.ref(r, ("event", ident, field_key("sources", k) + ".at")) or r for k, r in enumerate(x[SOURCES])
    )
    return (places, tags, figures, sources, x[4], x[5])


def _figure(f: Figure, ident: str, k: int, p: _Picker) -> Figure:
    prefix = field_key("figures", k) + "."
    out = p.record(f, "event", ident, _FIELDS[Figure], prefix=prefix)
    source = p.ref(f.source, ("event", ident, prefix + "source.at"))
    return out if source is f.source else dataclasses.replace(out, source=source)
