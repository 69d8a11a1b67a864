"""The chronology: events, categories (lanes), eras, indicators and the sources they cite.

Everything here is immutable. A chronology is built once by the loader (``timeline_app.io``) and
replaced whole when the files change, so views never see a half-updated one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property

import numpy as np

from ..text import Message, format_number
from .columns import EventColumns, table_columns
from .dates import PartialDate, today_epoch_day
from .event_table import INDICATORS, RELATED, EventTable
from .languages import TextKey, Texts, Translations
from .records import (
    IMPORTANCE,
    MIN_PLOT_POINTS,
    Category,
    Era,
    Event,
    Figure,
    Origin,
    Source,
    SourceRef,
    Tour,
    TourStop,
)


@dataclass(frozen=True, slots=True)
class IndicatorPoint:
    date: PartialDate
    value: float
    source: SourceRef | None = None
    derived: str = ""  # how it was computed; empty for a reported figure
    approximate: bool = False
    note: str = ""

    @property
    def is_derived(self) -> bool:
        return bool(self.derived)

    def day(self) -> float:
        """Where the point is plotted: the middle of the interval its date stands for."""
        return (self.date.first_day() + self.date.end_day()) / 2.0


@dataclass(frozen=True, slots=True)
class Indicator:
    """One series: a measure (``name`` in ``unit``) for one region."""

    id: str
    name: str
    unit: str
    points: tuple[IndicatorPoint, ...]
    region: str = ""
    description: str = ""
    origin: Origin | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return f"{self.name} — {self.region}" if self.region else self.name

    @property
    def plot_key(self) -> tuple[str, str]:
        """Series with the same measure and unit are drawn on one plot, one line per region."""
        return (self.name, self.unit)

    @property
    def is_plot(self) -> bool:
        """Enough points to draw a line worth looking at (:data:`MIN_PLOT_POINTS`); a shorter
        series is shown as figures in the detail pane rather than as a plot by default."""
        return len(self.points) >= MIN_PLOT_POINTS


@dataclass(frozen=True)
class Chronology:
    """A loaded chronology. Events are sorted by start (then end, then id)."""

    title: str
    events: EventTable  # a sequence of Event, kept as columns (see .event_table)
    categories: tuple[Category, ...]
    eras: tuple[Era, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    sources: tuple[Source, ...] = ()
    files: tuple[str, ...] = ()
    description: str = ""
    texts: Texts = field(default_factory=dict)
    """The fields written in several languages, each language's text (see :mod:`.languages`)."""
    language: str = ""
    """The language the records' text is in after :func:`.localize.localize`; "" before."""
    fallbacks: frozenset[TextKey] = frozenset()
    """The fields that show another language's text, for want of one in :attr:`language`."""
    # what was noted without refusing the load, said in the language of the moment it is shown
    warnings: tuple[tuple[Origin, Message | str], ...] = field(default=(), compare=False)
    """What the loader noted without refusing the chronology (a text in one language only)."""
    tours: tuple[Tour, ...] = ()  # guided tours (see .tours), in the order written

    @classmethod
    def build(
        cls,
        *,
        title: str,
        events: Iterable[Event],
        categories: Iterable[Category],
        eras: Iterable[Era] = (),
        indicators: Iterable[Indicator] = (),
        sources: Iterable[Source] = (),
        files: Iterable[str] = (),
        description: str = "",
        origins: Mapping[str, Origin] | None = None,
        texts: Texts | None = None,
        warnings: Iterable[tuple[Origin, Message | str]] = (),
        tours: Iterable[Tour] = (),
    ) -> Chronology:
        table = events if isinstance(events, EventTable) else EventTable.from_events(events, origins)
        cats = sorted(categories, key=lambda c: (c.order, c.name))
        return cls(
            title=title,
            events=table,
            categories=tuple(cats),
            eras=tuple(sorted(eras, key=lambda e: e.start)),
            indicators=tuple(indicators),
            sources=tuple(sources),
            files=tuple(files),
            description=description,
            texts=dict(texts or {}),
            warnings=tuple(warnings),
            tours=tuple(tours),
        )

    # -- languages ------------------------------------------------------------------------------
    def translations(self, kind: str, ident: str, name: str) -> Translations:
        """A field's text in each language it is written in; () for a plain string."""
        return self.texts.get((kind, ident, name), ())

    def is_fallback(self, kind: str, ident: str, name: str) -> bool:
        """Whether a field shows another language's text, for want of one in :attr:`language`."""
        return (kind, ident, name) in self.fallbacks

    # -- look-ups -------------------------------------------------------------------------------
    def tour(self, tour_id: str) -> Tour | None:
        return next((t for t in self.tours if t.id == tour_id), None)

    def origin_of(self, event_id: str) -> Origin | None:
        """Where an event was written (file, line, column; line 0 when only the file is known)."""
        i = self.events.positions.get(event_id)
        return None if i is None else self.events.origin(i)

    @property
    def event_index(self) -> Mapping[str, int]:
        return self.events.positions

    def event(self, event_id: str) -> Event | None:
        i = self.event_index.get(event_id)
        return None if i is None else self.events[i]

    def drop_caches(self) -> None:
        """Forget what was made from the chronology and kept with it (its indexes and columns, and
        the drawing arrays and search index that other modules keep in it): some of that refers
        back to the chronology, a cycle that only a full collection of the garbage frees, and the
        app ran none after a reload (hundreds of megabytes kept at a million events). For a
        chronology no longer shown; whatever is asked for again is made again."""
        kept = {f.name for f in fields(self)}
        cache = vars(self)
        for key in [k for k in cache if k not in kept]:
            del cache[key]

    @cached_property
    def source_index(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source | None:
        return self.source_index.get(source_id)

    @cached_property
    def indicator_index(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self.indicator_index.get(indicator_id)

    @cached_property
    def category_index(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def lane_of(self) -> dict[str, int]:
        """Category id -> lane number (0 at the top)."""
        return {c.id: i for i, c in enumerate(self.categories)}

    @cached_property
    def _linked_from(self) -> dict[str, list[str]]:
        """For each event, the events whose ``related`` name it (built once, on first use)."""
        back: dict[str, list[str]] = {}
        ids = self.events.ids
        for i, x in enumerate(self.events.extras):
            if x is not None:
                for r in x[RELATED]:
                    back.setdefault(r, []).append(ids[i])
        return back

    @cached_property
    def _citing(self) -> dict[str, tuple[int, ...]]:
        """For each indicator, the positions of the events that name it (built once, on first use,
        from the rarely given fields only: no Event is made)."""
        out: dict[str, list[int]] = {}
        for i, x in enumerate(self.events.extras):
            if x is not None:
                for ind in x[INDICATORS]:
                    out.setdefault(ind, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    def events_about(self, indicator_id: str) -> tuple[Event, ...]:
        """The events that name an indicator, in time order."""
        return tuple(self.events[i] for i in self._citing.get(indicator_id, ()))

    def related_to(self, event_id: str) -> tuple[str, ...]:
        """Events this one links to, and events that link to it, in time order."""
        ev = self.event(event_id)
        if ev is None:
            return ()
        ids = set(ev.related) | set(self._linked_from.get(event_id, ()))
        ids.discard(event_id)
        index = self.event_index
        return tuple(sorted((i for i in ids if i in index), key=index.__getitem__))

    def plot_groups(self) -> list[tuple[tuple[str, str], list[Indicator]]]:
        """Indicators grouped by (name, unit), in the order they were first written."""
        groups: dict[tuple[str, str], list[Indicator]] = {}
        for ind in self.indicators:
            groups.setdefault(ind.plot_key, []).append(ind)
        return list(groups.items())

    def default_plot_keys(self) -> list[tuple[str, str]]:
        """The plot groups worth showing before anyone asks: those with a series of at least
        :data:`MIN_PLOT_POINTS` points (a lone dot says nothing a figure does not), in the order
        they were written, so the chronology's author chooses which come first."""
        return [key for key, inds in self.plot_groups() if any(i.is_plot for i in inds)]

    # -- arrays for drawing and searching ---------------------------------------------------------
    @cached_property
    def columns(self) -> EventColumns:
        """The events' dates and lanes as arrays, read in one pass (see :mod:`.columns`). Building
        a view of a million events starts here; a loader on a background thread may touch it first
        so the UI thread finds it made."""
        return table_columns(self.events, self.lane_of)

    @cached_property
    def starts(self) -> np.ndarray:
        return self.columns.start_first

    @cached_property
    def ends(self) -> np.ndarray:
        """End of each event: span end, or the end of the start date's interval for point events."""
        c = self.columns
        ends = np.where(c.has_end, c.end_end, c.start_end)
        ends[c.ongoing] = float(today_epoch_day())
        return ends

    @cached_property
    def lanes(self) -> np.ndarray:
        return self.columns.lane

    def full_range(self) -> tuple[float, float]:
        """The days from the first thing to the last thing in the chronology."""
        lo: list[float] = []
        hi: list[float] = []
        if self.events:
            lo.append(float(self.starts.min()))
            hi.append(float(self.ends.max()))
        for era in self.eras:
            lo.append(era.start.first_day())
            hi.append(era.end.end_day())
        for ind in self.indicators:
            for p in ind.points:
                lo.append(p.date.first_day())
                hi.append(p.date.end_day())
        if not lo:
            t = today_epoch_day()
            return (t - 365.0, t + 1.0)
        return (min(lo), max(hi))

    def counts(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "events": len(self.events),
            "indicators": len(self.indicators),
            "points": sum(len(i.points) for i in self.indicators),
            "sources": len(self.sources),
            "categories": len(self.categories),
        }


__all__ = [
    "IMPORTANCE",
    "MIN_PLOT_POINTS",
    "Category",
    "Chronology",
    "Era",
    "Event",
    "Figure",
    "Indicator",
    "IndicatorPoint",
    "Origin",
    "Source",
    "SourceRef",
    "Tour",
    "TourStop",
    "format_number",
]
