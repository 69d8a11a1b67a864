"""The records a chronology is made of: events, lanes, eras, sources and the figures they cite.

Immutable values, with no knowledge of the chronology that holds them or of how it keeps them
(:mod:`.event_table` keeps events as columns and makes these records on demand). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..text import fill, format_number, translate
from .dates import PartialDate, today_epoch_day


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a thing was written: file path as given to the loader, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Source:
    """A document that figures and events cite."""

    id: str
    title: str
    publisher: str = ""
    date: PartialDate | None = None
    page: str = ""
    url: str = ""
    note: str = ""

    def citation(self) -> str:
        parts = [self.title]
        if self.publisher:
            parts.append(self.publisher)
        if self.date is not None:
            parts.append(self.date.words())
        if self.page:
            parts.append(fill(translate("Source", "page %1"), self.page))
        return translate("Source", ", ").join(parts)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A citation: which source, and where in it (section, paragraph, quoted words)."""

    source: str
    locator: str = ""


MIN_PLOT_POINTS = 3  # a series with fewer points is not a plot by default
IMPORTANCE = ("minor", "major", "headline")
"""How much an event matters, least first: its position is the rank the views use. A headline
event's title is drawn wherever the event is on screen; a major one's before any minor one's."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure of an event: ``value`` ``unit`` of ``label`` (e.g. 10.4 trillion yuan of GDP)."""

    label: str
    value: float
    unit: str
    qualifier: str = ""  # "more than", "about", "nearly" ... as the source says
    source: SourceRef | None = None

    def value_text(self) -> str:
        text = format_number(self.value)
        q = f"{self.qualifier} " if self.qualifier else ""
        return f"{q}{text} {self.unit}".strip()


@dataclass(frozen=True, slots=True)
class Category:
    """A lane of the timeline."""

    id: str
    name: str
    color: str  # "#rrggbb"
    order: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class Era:
    """A background span (e.g. the first decade of coordinated development)."""

    id: str
    title: str
    start: PartialDate
    end: PartialDate
    color: str = ""
    description: str = ""


class Event(NamedTuple):
    """Something that happened: a point in time (``start``) or a span (``end``, or ``ongoing``).

    A named tuple rather than a dataclass: a chronology can hold a million of them, and a tuple is
    made ten times faster (loading from the cache builds every one). Where it was written is kept
    by the chronology (:meth:`Chronology.origin_of`), so two loads of the same text are equal.
    """

    id: str
    title: str
    start: PartialDate
    category: str
    end: PartialDate | None = None
    ongoing: bool = False
    approximate: bool = False
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str = ""
    figures: tuple[Figure, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    related: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    importance: str = "minor"  # one of IMPORTANCE: how much the event matters to the story

    @property
    def rank(self) -> int:
        """The importance as a number: 0 minor, 1 major, 2 headline (see :data:`IMPORTANCE`)."""
        return IMPORTANCE.index(self.importance)

    @property
    def is_span(self) -> bool:
        return self.end is not None or self.ongoing

    @property
    def precision(self) -> str:
        return self.start.precision.word

    def start_day(self) -> float:
        """Epoch day the event may begin on at the earliest: the first day of its start date."""
        return float(self.start.first_day())

    def anchor_day(self) -> float:
        """Where the event's marker stands on the axis: a span's start; for a point event, the
        middle of the interval its date may stand for ("2014" is drawn in mid-2014, with a
        whisker over the whole year)."""
        if self.is_span:
            return float(self.start.first_day())
        return (self.start.first_day() + self.start.end_day()) / 2.0

    def end_day(self, today: int | None = None) -> float:
        """Epoch day where a span ends (exclusive); for a point event, where its date's interval ends."""
        if self.ongoing:
            return float(today if today is not None else today_epoch_day())
        if self.end is not None:
            return float(self.end.end_day())
        return float(self.start.end_day())

    def duration_days(self, today: int | None = None) -> float | None:
        if not self.is_span:
            return None
        return self.end_day(today) - self.start_day()


@dataclass(frozen=True, slots=True)
class TourStop:
    """One stop of a tour. At least one of ``event`` and ``start`` is given."""

    text: str  # the stop's own sentences
    event: str | None = None  # the event it is about, selected when the tour is here
    start: PartialDate | None = None  # the range shown (default: around the event)
    end: PartialDate | None = None
    lanes: tuple[str, ...] = ()  # category ids to show; () = every lane
    plots: tuple[str, ...] | None = None  # indicator ids whose plots to show; None = the default ones
    title: str = ""  # a heading; default: the event's title
    origin: Origin | None = field(default=None, compare=False)  # None where not known


@dataclass(frozen=True, slots=True)
class Tour:
    id: str
    title: str
    stops: tuple[TourStop, ...]
    description: str = ""
    origin: Origin | None = field(default=None, compare=False)  # None where not known
