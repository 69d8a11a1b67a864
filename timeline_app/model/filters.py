"""Filters on a chronology's events: by tag, place, source, lane, precision, importance and date range.
No Qt here.

A filter is a small frozen value (it lives in the view state, is saved per chronology in the
settings and compared to know whether anything changed). Within one facet the values are
alternatives (tag A *or* tag B); the facets are combined (a tag *and* a place *and* the range).
:meth:`EventFilter.mask` answers for every event of a table at once: the rarely given fields
(tags, places, sources) are shared tuples in the table (:mod:`.event_table`), so each distinct
tuple is looked at once, not once per event. A tag or place chosen in one language lets through the
events that have it in any language (a filter made in English still holds after View ▸ Language).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from .chronology import IMPORTANCE, Chronology
from .dates import Precision
from .event_table import PLACES, SOURCES, TAGS, EventTable

FACETS = ("tags", "places", "sources", "categories", "precisions", "importance")


@dataclass(frozen=True)
class EventFilter:
    """What is shown: every facet left empty lets everything through."""

    tags: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)
    sources: frozenset[str] = field(default_factory=frozenset)  # source ids
    categories: frozenset[str] = field(default_factory=frozenset)  # lane (category) ids shown
    precisions: frozenset[str] = field(default_factory=frozenset)  # "year", "month", "day"
    importance: frozenset[str] = field(default_factory=frozenset)  # levels of IMPORTANCE
    start: float | None = None  # epoch days: events that overlap [start, end)
    end: float | None = None

    @property
    def active(self) -> bool:
        return any(getattr(self, f) for f in FACETS) or self.start is not None or self.end is not None

    def with_value(self, facet: str, value: str, on: bool = True) -> EventFilter:
        """This filter with ``value`` added to (or removed from) ``facet``."""
        if facet not in FACETS:
            raise ValueError(f"no filter facet {facet!r}")
        values: frozenset[str] = getattr(self, facet)
        changed: dict[str, Any] = {facet: values | {value} if on else values - {value}}
        return replace(self, **changed)

    def with_range(self, start: float | None, end: float | None) -> EventFilter:
        return replace(self, start=start, end=end)

    def chips(self) -> list[tuple[str, str]]:
        """What is active, one (facet, value) per removable chip, in a stable order; the date
        range is the facet "range" with the value "start..end" in epoch days."""
        out = [(f, v) for f in FACETS for v in sorted(getattr(self, f))]
        if self.start is not None or self.end is not None:
            out.append(("range", f"{self.start}..{self.end}"))
        return out

    def without(self, facet: str, value: str) -> EventFilter:
        """This filter less one chip (see :meth:`chips`)."""
        if facet == "range":
            return replace(self, start=None, end=None)
        return self.with_value(facet, value, on=False)

    # -- as plain data (settings, saved views) --------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        """A JSON-ready dict of what is active (empty facets left out)."""
        out: dict[str, Any] = {f: sorted(getattr(self, f)) for f in FACETS if getattr(self, f)}
        if self.start is not None:
            out["start"] = self.start
        if self.end is not None:
            out["end"] = self.end
        return out

    @classmethod
    def from_data(cls, data: object) -> EventFilter:
        """The filter written by :meth:`to_data`; what it cannot read is left out (never an error:
        settings may come from another version)."""
        if not isinstance(data, dict):
            return cls()
        values: dict[str, Any] = {}
        for f in FACETS:
            v = data.get(f)
            if isinstance(v, list):
                values[f] = frozenset(x for x in v if isinstance(x, str))
        for side in ("start", "end"):
            v = data.get(side)
            if isinstance(v, int | float) and not isinstance(v, bool) and np.isfinite(v):
                values[side] = float(v)
        return cls(**values)

    def restricted_to(self, chron: Chronology) -> EventFilter:
        """This filter less the lanes and sources ``chron`` does not have (after a reload, or on
        another chronology); tags and places are kept (they match nothing, visibly)."""
        cats = frozenset(c for c in self.categories if c in chron.category_index)
        sources = frozenset(s for s in self.sources if s in chron.source_index)
        if cats == self.categories and sources == self.sources:
            return self
        return replace(self, categories=cats, sources=sources)

    # -- the events shown ---------------------------------------------------------------------------
    def mask(self, chron: Chronology) -> np.ndarray:
        """For each event of ``chron`` (in its order), whether it passes."""
        table = chron.events
        n = len(table)
        keep = np.ones(n, dtype=bool)
        if not self.active or n == 0:
            return keep
        if self.tags:
            tags = _in_every_language(chron, "tags", self.tags)
            keep &= _extras_mask(table, TAGS, lambda have: not tags.isdisjoint(have))
        if self.places:
            places = _in_every_language(chron, "places", self.places)
            keep &= _extras_mask(table, PLACES, lambda have: not places.isdisjoint(have))
        if self.sources:
            keep &= _extras_mask(table, 3, lambda refs: any(r.source in self.sources for r in refs))
        if self.categories:
            wanted = np.array([c in self.categories for c in table.category_ids], dtype=bool)
            keep &= wanted[table.category] if len(wanted) else False
        if self.precisions:
            words = np.array([d.precision.word in self.precisions for d in table.dates], dtype=bool)
            keep &= words[table.start]
        if self.importance:
            levels = np.array([lv in self.importance for lv in IMPORTANCE], dtype=bool)
            keep &= levels[table.importance]
        if self.start is not None or self.end is not None:
            lo = -np.inf if self.start is None else self.start
            hi = np.inf if self.end is None else self.end
            keep &= (chron.starts < hi) & (chron.ends > lo)
        return keep


def _in_every_language(chron: Chronology, name: str, values: frozenset[str]) -> frozenset[str]:
    """``values`` of an event list field (``tags``, ``places``) with what each is in the other
    languages of ``chron`` (from its texts in languages; a plain value is the same in all)."""
    if not chron.texts:
        return values
    out = set(values)
    prefix = name + "."
    for (kind, _ident, field_name), texts in chron.texts.items():
        if kind == "event" and field_name.startswith(prefix) and any(t in values for _, t in texts):
            out.update(t for _, t in texts)
    return frozenset(out)


def _extras_mask(table: EventTable, slot: int, test: Any) -> np.ndarray:
    """``test`` of one of the rarely given fields (0 places, 1 tags, 3 sources), event by event;
    each distinct shared tuple is tested once."""
    seen: dict[int, bool] = {}
    out = np.zeros(len(table), dtype=bool)
    for i, x in enumerate(table.extras):
        if x is None:
            continue
        k = id(x)
        hit = seen.get(k)
        if hit is None:
            hit = seen[k] = bool(test(x[slot]))
        out[i] = hit
    return out


def facet_values(chron: Chronology) -> dict[str, list[tuple[str, int]]]:
    """Every value each facet can take in ``chron``, with how many events have it, most common
    first (ties by name): what a filter bar offers."""
    counts: dict[str, dict[str, int]] = {f: {} for f in FACETS}

    def add(facet: str, values: Iterable[str]) -> None:
        bucket = counts[facet]
        for v in values:
            bucket[v] = bucket.get(v, 0) + 1

    table = chron.events
    for x in table.extras:
        if x is not None:
            add("places", set(x[PLACES]))
            add("tags", set(x[TAGS]))
            add("sources", {r.source for r in x[SOURCES]})
    if len(table):
        cats = np.bincount(table.category, minlength=len(table.category_ids)).tolist()
        counts["categories"] = {c: int(k) for c, k in zip(table.category_ids, cats, strict=True) if k}
    precision = np.array([d.precision for d in table.dates], dtype=np.int64)
    if len(table):
        per = np.bincount(precision[table.start], minlength=len(Precision) + 1)
        counts["precisions"] = {p.word: int(per[p]) for p in Precision if per[p]}
        lv = np.bincount(table.importance, minlength=len(IMPORTANCE))
        counts["importance"] = {IMPORTANCE[k]: int(lv[k]) for k in range(len(IMPORTANCE)) if lv[k]}
    return {f: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for f, c in counts.items()}


def shown_chronology(chron: Chronology, shown: np.ndarray) -> Chronology:
    """``chron`` with only the events ``shown`` (by event) lets through: what an export of the
    filtered view writes. Lanes, eras, indicators and sources stay whole."""
    if bool(np.all(shown)):
        return chron
    table = EventTable.from_events(chron.events[int(i)] for i in np.flatnonzero(shown))
    return replace(chron, events=table)
