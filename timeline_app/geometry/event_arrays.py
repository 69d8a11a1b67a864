"""A chronology's events as numpy arrays, for drawing: where each is, its lane and span track. No Qt.

Made once per chronology (and kept with it: :meth:`EventArrays.for_chronology`) from the
chronology's columns (:mod:`timeline_app.model.columns`), all in numpy except the span tracks,
which a short loop assigns (it skips every span that finds all the drawn tracks busy, which is
most of them in a crowded chronology). Ids and titles are not copied: :attr:`EventArrays.ids` and
:attr:`EventArrays.titles` are the event table's own columns.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from timeline_app.geometry.layout import MAX_TRACKS
from timeline_app.geometry.lod import LaneIndex, MatchTables
from timeline_app.model.chronology import Chronology
from timeline_app.model.date_marks import APPROXIMATE, date_marks
from timeline_app.model.dates import today_epoch_day
from timeline_app.model.event_table import EventTable
from timeline_app.model.search import SearchIndex
from timeline_app.model.text_column import TextColumn


def civil_days(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Vectorised :func:`timeline_app.model.dates.days_from_civil` (astronomical years)."""
    y = y - (m <= 2)
    era = y // 400  # numpy's // floors, as Python's
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468  # type: ignore[no-any-return]


def date_bounds(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First day and the day after the last day of partial dates (month/day 0 when unknown):
    vectorised ``PartialDate.first_day()`` / ``end_day()``, as float64 epoch days."""
    mm = np.where(m > 0, m, 1)
    first = civil_days(y, mm, np.where(d > 0, d, 1))
    next_month = civil_days(y + (mm == 12), mm % 12 + 1, np.ones_like(y))
    next_year = civil_days(y + 1, np.ones_like(y), np.ones_like(y))
    end = np.where(d > 0, first + 1, np.where(m > 0, next_month, next_year))
    return first.astype(np.float64), end.astype(np.float64)


def assign_tracks(
    lane: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    is_span: np.ndarray,
    n_lanes: int,
    limit: int = MAX_TRACKS,
) -> tuple[np.ndarray, np.ndarray]:
    """Span tracks within each lane: each span (in start order) takes the lowest track that is
    free at its start. Stable while panning and zooming. Returns (track per event, -1 for point
    events; number of tracks per lane).

    Only ``limit`` tracks are drawn, the last shared by every deeper span; so only tracks below
    ``limit`` are told apart: a span that finds them all busy gets track ``limit`` and does not
    keep a track busy (it would not change which of the drawn tracks later spans find free). The
    counts are capped at ``limit + 1`` accordingly."""
    track = np.full(len(lane), -1, dtype=np.int32)
    idx = np.flatnonzero(is_span)
    if len(idx) == 0:
        return track, np.zeros(n_lanes, dtype=np.int32)
    inf = float("-inf")
    busy = [[inf] * limit for _ in range(n_lanes)]  # end of the span on each drawn track
    soonest = [inf] * n_lanes  # the earliest of those ends: at or after it, some track is free
    out = [limit] * len(idx)
    rng = range(limit)
    for j, (ln, s, e) in enumerate(
        zip(lane[idx].tolist(), start[idx].tolist(), end[idx].tolist(), strict=True)
    ):
        if s < soonest[ln]:
            continue  # every drawn track is busy: the shared last one
        b = busy[ln]
        for k in rng:
            if b[k] <= s:
                b[k] = e
                out[j] = k
                break
        soonest[ln] = min(b)
    tracks = np.array(out, dtype=np.int32)
    track[idx] = tracks
    used = np.zeros((n_lanes, limit + 1), dtype=bool)
    used[lane[idx], tracks] = True
    return track, used.sum(axis=1).astype(np.int32)


@dataclass(eq=False)
class EventArrays:
    """A chronology's events as numpy arrays, in the chronology's order (sorted by start).

    ``anchor`` is where an event is drawn: the middle of a point event's date interval (a
    year-precision event sits mid-year, between the caps of its whisker), the start of a span.
    """

    chronology: Chronology
    lane: np.ndarray
    start_lo: np.ndarray
    start_hi: np.ndarray
    end_lo: np.ndarray
    end_hi: np.ndarray
    anchor: np.ndarray
    max_end: np.ndarray
    is_span: np.ndarray
    ongoing: np.ndarray
    approx: np.ndarray
    exact_start: np.ndarray  # start known to the day
    exact_end: np.ndarray  # end known to the day (or ongoing)
    track: np.ndarray  # span track within its lane; -1 for point events
    n_tracks: np.ndarray  # per lane
    today: float
    lod: LaneIndex
    pinned: np.ndarray  # events that matter (major, headline): drawn alone, never in a cluster
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step of the build
    # EDTF flags per event (.date_marks: APPROXIMATE, UNCERTAIN, OPEN_BEFORE, OPEN_AFTER)
    marks: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint8))

    @property
    def n(self) -> int:
        return len(self.lane)

    @property
    def events(self) -> EventTable:
        return self.chronology.events

    @property
    def importance(self) -> np.ndarray:
        """Each event's rank in IMPORTANCE (0 minor, 1 major, 2 headline), int8."""
        return self.chronology.events.importance

    @property
    def ids(self) -> TextColumn:
        return self.chronology.events.ids

    @property
    def titles(self) -> TextColumn:
        return self.chronology.events.titles

    @property
    def index(self) -> Mapping[str, int]:
        """Event id -> position (the chronology's, made on first use)."""
        return self.chronology.event_index

    @classmethod
    def empty(cls) -> EventArrays:
        return cls.from_chronology(Chronology.build(title="", events=(), categories=()))

    @classmethod
    def for_chronology(cls, chron: Chronology) -> EventArrays:
        """The arrays of ``chron`` for today, made on first use and kept with the chronology (so a
        loader on a background thread can make them before the view asks)."""
        cache = vars(chron)  # like functools.cached_property, which the chronology uses too
        today = float(today_epoch_day())
        arrays = cache.get("_event_arrays")
        if not isinstance(arrays, EventArrays) or arrays.today != today:
            arrays = cache["_event_arrays"] = cls.from_chronology(chron, today)
        return arrays

    @classmethod
    def from_chronology(cls, chron: Chronology, today: float | None = None) -> EventArrays:
        """From the chronology's columns (one pass over the events, made once), in numpy."""
        clock = time.perf_counter
        times: dict[str, float] = {}
        t0 = clock()
        t = float(today if today is not None else today_epoch_day())
        c = chron.columns
        times["columns"] = clock() - t0
        n = c.n
        t0 = clock()
        s_lo = c.start_first  # shared with the chronology's columns, not copied
        s_hi = c.start_end
        has_end, ongoing = c.has_end, c.ongoing
        is_span = has_end | ongoing
        now = np.maximum(t, s_hi)
        e_lo = np.where(ongoing, now, np.where(has_end, c.end_first, s_lo))
        e_hi = np.where(ongoing, now, np.where(has_end, c.end_end, s_hi))
        exact_start = (c.start_end - c.start_first) == 1
        exact_end = ongoing | (has_end & ((c.end_end - c.end_first) == 1))
        marks = date_marks(chron.events)
        anchor = np.where(is_span, s_lo, (s_lo + s_hi) / 2.0)
        max_end = np.maximum.accumulate(e_hi) if n else e_hi
        times["arrays"] = clock() - t0
        n_lanes = max(len(chron.categories), 1)
        t0 = clock()
        track, n_tracks = assign_tracks(c.lane, s_lo, e_hi, is_span, n_lanes)
        times["tracks"] = clock() - t0
        t0 = clock()
        lod = LaneIndex.build(c.lane, anchor, is_span, s_lo, e_hi, track, n_lanes)
        times["lod"] = clock() - t0
        return cls(
            chronology=chron,
            lane=c.lane,
            start_lo=s_lo,
            start_hi=s_hi,
            end_lo=e_lo,
            end_hi=e_hi,
            anchor=anchor,
            max_end=max_end,
            is_span=is_span,
            ongoing=ongoing,
            approx=c.approximate | ((marks & APPROXIMATE) > 0),
            exact_start=exact_start,
            exact_end=exact_end,
            track=track,
            n_tracks=n_tracks,
            today=t,
            lod=lod,
            pinned=np.flatnonzero(chron.events.importance > 0),
            timings=times,
            marks=marks,
        )

    def visible_range(self, lo: float, hi: float) -> tuple[int, int]:
        """The slice ``i0:i1`` of events that may overlap ``[lo, hi]`` days (every one that does)."""
        if self.n == 0:
            return 0, 0
        i0 = int(np.searchsorted(self.max_end, lo, side="left"))
        i1 = int(np.searchsorted(self.start_lo, hi, side="right"))
        return i0, max(i0, i1)

    def visible(self, lo: float, hi: float) -> np.ndarray:
        """Indices of the events that overlap ``[lo, hi]`` days (sorted)."""
        i0, i1 = self.visible_range(lo, hi)
        if i1 <= i0:
            return np.empty(0, dtype=np.intp)
        idx = np.arange(i0, i1)
        return idx[self.end_hi[i0:i1] >= lo]

    def matches(self, query: str, lo: int = 0, hi: int | None = None) -> np.ndarray | None:
        """Whether events ``lo..hi-1`` match ``query`` by the rule of the search (every word appears,
        ignoring case, in the title, description, places, tags or id); ``None`` for an empty query."""
        if not query.split():
            return None
        index = SearchIndex.for_chronology(self.chronology)
        return index.mask(query, lo, self.n if hi is None else hi)

    def when_search_ready(self, callback: Callable[[], None]) -> bool:
        """Call ``callback`` once the search index is complete; False (and no call) if it is."""
        index = SearchIndex.for_chronology(self.chronology)
        if index.built:
            return False
        index.when_built(callback)
        return True


class MatchWindow:
    """Which events match the search query, for the window of events in view.

    Asking the search index for the events in view only (``SearchIndex.mask(query, lo, hi)``) keeps
    a keystroke cheap when zoomed in; the window is widened past the view so that panning does not
    ask again at every step. Zoomed out, the level-of-detail path needs every event's flag
    (:meth:`full`) and the running counts of matches in its sort orders (:meth:`lod_tables`).
    """

    def __init__(self, arrays: EventArrays, query: str) -> None:
        self._arrays = arrays
        self.query = query
        self.active = bool(query.split())
        self._lo = 0
        self._hi = 0
        self._mask = np.zeros(0, dtype=bool)
        self._tables: MatchTables | None = None

    def cover(self, i0: int, i1: int) -> None:
        """Make sure events ``i0..i1-1`` are known."""
        if not self.active or (self._lo <= i0 and i1 <= self._hi):
            return
        pad = max(i1 - i0, 2048)
        lo, hi = max(0, i0 - pad), min(self._arrays.n, i1 + pad)
        mask = self._arrays.matches(self.query, lo, hi)
        self._lo, self._hi = lo, hi
        self._mask = mask if mask is not None else np.zeros(hi - lo, dtype=bool)

    def of(self, idx: np.ndarray) -> np.ndarray:
        """Matches of events ``idx``, all inside the covered window."""
        if not self.active:
            return np.zeros(len(idx), dtype=bool)
        if len(idx):
            self.cover(int(idx.min()), int(idx.max()) + 1)
        out: np.ndarray = self._mask[idx - self._lo]
        return out

    def at(self, i: int) -> bool:
        if not self.active:
            return False
        self.cover(i, i + 1)
        return bool(self._mask[i - self._lo])

    def full(self) -> np.ndarray:
        self.cover(0, self._arrays.n)
        return self._mask if self.active else np.zeros(self._arrays.n, dtype=bool)

    def lod_tables(self) -> MatchTables:
        """Running counts of the matches for the level-of-detail path (every event is asked)."""
        if self._tables is None:
            a = self._arrays
            self._tables = a.lod.match_tables(self.full(), a.anchor, a.lane)
        return self._tables
