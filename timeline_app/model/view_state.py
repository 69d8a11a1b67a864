"""The one shared view state that every view follows and writes through.

It holds the chronology on screen, the visible time range, the selection, the hidden lanes and the
search query. Views subscribe to its signals and change it only through its methods. Each setter
compares before emitting, which is what ends feedback loops between linked views.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .chronology import Chronology
from .filters import EventFilter
from .signals import Signal

MIN_SPAN_DAYS = 1.0 / 24.0  # an hour: the closest zoom
MAX_SPAN_DAYS = 366.0 * 20000  # twenty thousand years: the widest zoom


@dataclass(frozen=True, slots=True)
class TimeRange:
    """A visible interval of epoch days, ``start < end``."""

    start: float
    end: float

    def __post_init__(self) -> None:
        if not (math.isfinite(self.start) and math.isfinite(self.end)) or self.end <= self.start:
            raise ValueError(f"not a time range: {self.start}..{self.end}")

    @property
    def span(self) -> float:
        return self.end - self.start

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2.0

    def close_to(self, other: TimeRange) -> bool:
        tol = 1e-9 * max(self.span, other.span, 1.0)
        return abs(self.start - other.start) <= tol and abs(self.end - other.end) <= tol

    def zoomed(self, factor: float, anchor: float | None = None) -> TimeRange:
        """Scale the span by ``factor`` (< 1 zooms in) keeping ``anchor`` at the same place on screen."""
        a = self.center if anchor is None else anchor
        span = min(max(self.span * factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        frac = (a - self.start) / self.span
        frac = min(max(frac, 0.0), 1.0)
        start = a - frac * span
        return TimeRange(start, start + span)

    def panned(self, fraction: float) -> TimeRange:
        """Move by ``fraction`` of the span (positive: later)."""
        d = self.span * fraction
        return TimeRange(self.start + d, self.end + d)

    def centered_on(self, day: float) -> TimeRange:
        half = self.span / 2.0
        return TimeRange(day - half, day + half)

    def contains(self, day: float) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Selection:
    """What is selected: an event, or one point of an indicator series."""

    event_id: str | None = None
    indicator_id: str | None = None
    point_index: int | None = None

    @classmethod
    def event(cls, event_id: str) -> Selection:
        return cls(event_id=event_id)

    @classmethod
    def point(cls, indicator_id: str, index: int) -> Selection:
        return cls(indicator_id=indicator_id, point_index=index)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    selection: Selection | None
    range: TimeRange


def padded_range(
    lo: float, hi: float, pad: float = 0.03, room: tuple[float, float, float] | None = None
) -> TimeRange:
    """``lo..hi`` with ``pad`` of its length either side. ``room`` (left, right, width in pixels)
    keeps that many more pixels free beyond the first and the last thing when the range is shown
    ``width`` pixels wide: room for the titles at the ends. At most half the width goes to room."""
    span = max(hi - lo, 30.0)
    mid = (lo + hi) / 2.0
    half = span * (0.5 + pad)
    if room is None or room[2] <= 0:
        return TimeRange(mid - half, mid + half)
    left, right, width = (max(float(v), 0.0) for v in room)
    share = min((left + right) / width, 0.5)
    whole = 2 * half / (1.0 - share)  # the days shown, room included
    scale = share / ((left + right) / width) if left + right > 0 else 0.0  # < 1 when capped
    start = mid - half - left * scale / width * whole
    return TimeRange(start, start + whole)


class ViewState:
    """Visible range, selection, filters and search, shared by every view."""

    HISTORY_LIMIT = 200

    def __init__(self, chronology: Chronology | None = None) -> None:
        self.chronology_changed = Signal()  # (chronology)
        self.range_changed = Signal()  # (TimeRange)
        self.selection_changed = Signal()  # (Selection | None)
        self.filters_changed = Signal()  # (frozenset[str]) hidden category ids
        self.query_changed = Signal()  # (str)
        self.event_filter_changed = Signal()  # (EventFilter) tag, place, source, lane, ... filters
        self._chronology = chronology or Chronology.build(title="", events=(), categories=())
        self._room: tuple[float, float, float] | None = None  # see set_fit_room
        self._range = self.fit_range()
        self._selection: Selection | None = None
        self._hidden: frozenset[str] = frozenset()
        self._query = ""
        self._filter = EventFilter()
        self._shown: np.ndarray | None = None  # the filter's mask, made on first use
        self._bounds: tuple[np.ndarray, np.ndarray] | None = None  # see shown_bounds
        self._history: list[HistoryEntry] = [HistoryEntry(None, self._range)]
        self._history_pos = 0

    # -- chronology -------------------------------------------------------------------------------
    @property
    def chronology(self) -> Chronology:
        return self._chronology

    def set_chronology(self, chronology: Chronology, *, fit: bool = False) -> None:
        """Show another chronology, or a new version of the one shown (a reload).

        The selection survives if its event still exists, and so do hidden lanes that still exist;
        both are settled before anyone is told, so no view ever sees a selection that points at
        nothing. With ``fit`` (another chronology, not a reload) the range shows everything and
        the history of the previous chronology is forgotten: Back never jumps into it."""
        if chronology is not self._chronology:
            self._chronology.drop_caches()  # see there: so that it is freed when let go
        self._chronology = chronology
        old_selection, old_hidden = self._selection, self._hidden
        if self._selection is not None and not self._selection_exists(self._selection):
            self._selection = None
        self._hidden = frozenset(h for h in self._hidden if h in chronology.category_index)
        old_filter = self._filter
        self._filter = self._filter.restricted_to(chronology)
        self._shown = self._bounds = None
        if self._selection is not None and not self._passes(self._selection):
            self._selection = None
        self.chronology_changed.emit(chronology)
        if self._filter != old_filter:
            self.event_filter_changed.emit(self._filter)
        if self._selection != old_selection:
            self.selection_changed.emit(self._selection)
        if self._hidden != old_hidden:
            self.filters_changed.emit(self._hidden)
        if fit:
            self.set_time_range(self.fit_range())
            self._history = [HistoryEntry(self._selection, self._range)]
            self._history_pos = 0

    def _selection_exists(self, sel: Selection) -> bool:
        c = self._chronology
        if sel.event_id is not None:
            return c.event(sel.event_id) is not None
        if sel.indicator_id is not None:
            ind = c.indicator(sel.indicator_id)
            return ind is not None and sel.point_index is not None and sel.point_index < len(ind.points)
        return False

    # -- range --------------------------------------------------------------------------------------
    @property
    def range(self) -> TimeRange:
        return self._range

    def set_range(self, start: float, end: float) -> bool:
        """Set the visible range; returns whether it changed (and so whether views were told)."""
        start, end = float(start), float(end)
        if not (math.isfinite(start) and math.isfinite(end)) or end <= start:
            return False
        span = end - start
        if span < MIN_SPAN_DAYS or span > MAX_SPAN_DAYS:
            mid = (start + end) / 2.0
            span = min(max(span, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
            start, end = mid - span / 2.0, mid + span / 2.0
        new = TimeRange(start, end)
        if new.close_to(self._range):
            return False
        self._range = new
        self.range_changed.emit(new)
        return True

    def set_time_range(self, r: TimeRange) -> bool:
        return self.set_range(r.start, r.end)

    def fit_all(self) -> None:
        """Show everything, as a step of its own in the history."""
        self.jump_to(self.fit_range())

    def fit_range(self) -> TimeRange:
        """The range that shows everything (``0``, and the first view of a chronology), with the
        room the timeline asked for at the ends (:meth:`set_fit_room`)."""
        return padded_range(*self._chronology.full_range(), room=self._room)

    def set_fit_room(self, left: float, right: float, width: float) -> None:
        """Pixels the timeline wants free beyond the first and the last event when everything is
        shown ``width`` pixels wide (for their titles). If everything is being shown, the range
        is refitted in place (no step in the history)."""
        room = (float(left), float(right), float(width))
        if room == self._room:
            return
        fitted = self._range.close_to(self.fit_range())
        self._room = room
        refitted = fitted and self.set_time_range(self.fit_range())
        if refitted and 0 <= self._history_pos < len(self._history):
            cur = self._history[self._history_pos]
            self._history[self._history_pos] = HistoryEntry(cur.selection, self._range)

    def jump_to(self, r: TimeRange) -> bool:
        """Move the view as a step of its own in the history (F, 0): Back returns to the view left.

        Panning and zooming do not make history steps; jumps do."""
        if 0 <= self._history_pos < len(self._history):
            cur = self._history[self._history_pos]
            self._history[self._history_pos] = HistoryEntry(cur.selection, self._range)
        if not self.set_time_range(r):
            return False
        del self._history[self._history_pos + 1 :]
        self._history.append(HistoryEntry(self._selection, self._range))
        if len(self._history) > self.HISTORY_LIMIT:
            del self._history[0]
        self._history_pos = len(self._history) - 1
        return True

    # -- selection ------------------------------------------------------------------------------------
    @property
    def selection(self) -> Selection | None:
        return self._selection

    @property
    def selected_event_id(self) -> str | None:
        return self._selection.event_id if self._selection else None

    def set_selection(self, selection: Selection | None, *, record: bool = True) -> bool:
        if selection is not None and not self._selection_exists(selection):
            return False
        if selection == self._selection:
            return False
        self._selection = selection
        if record:
            self.record_history()
        self.selection_changed.emit(selection)
        return True

    def select_event(self, event_id: str | None) -> bool:
        return self.set_selection(Selection.event(event_id) if event_id else None)

    def select_point(self, indicator_id: str, index: int) -> bool:
        return self.set_selection(Selection.point(indicator_id, index))

    def clear_selection(self) -> bool:
        return self.set_selection(None)

    # -- filters ---------------------------------------------------------------------------------------
    @property
    def hidden_lanes(self) -> frozenset[str]:
        return self._hidden

    def set_hidden_lanes(self, hidden: frozenset[str] | set[str]) -> bool:
        h = frozenset(hidden)
        if h == self._hidden:
            return False
        self._hidden = h
        self._bounds = None
        self.filters_changed.emit(h)
        sel = self.selected_event_id
        if sel is not None:
            ev = self._chronology.event(sel)
            if ev is not None and ev.category in h:
                self.set_selection(None, record=False)
        return True

    def toggle_lane(self, category_id: str) -> bool:
        if category_id not in self._chronology.category_index:
            return False
        return self.set_hidden_lanes(self._hidden ^ {category_id})

    @property
    def event_filter(self) -> EventFilter:
        """The filters on the events' tags, places, sources, lanes, precision, importance and dates."""
        return self._filter

    def set_event_filter(self, f: EventFilter) -> bool:
        """Show only the events ``f`` lets through; tells the views only when it changed. A
        selected event that no longer passes is unselected."""
        if f == self._filter:
            return False
        self._filter = f
        self._shown = self._bounds = None
        self.event_filter_changed.emit(f)
        if self._selection is not None and not self._passes(self._selection):
            self.set_selection(None, record=False)
        return True

    def filter_mask(self) -> np.ndarray:
        """For each event (in chronology order), whether the filter lets it through (hidden lanes
        aside). Made once per filter and chronology."""
        if self._shown is None or len(self._shown) != len(self._chronology.events):
            self._shown = self._filter.mask(self._chronology)
            self._shown.flags.writeable = False
        return self._shown

    def shown_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """The starts and the ends (epoch days) of the events shown, in lanes not hidden and let
        through by the filter, each sorted on its own: how many of them a range holds is then two
        binary searches (see :func:`.actions.shown_event_count`), not a pass over every event at
        each step of a pan. Made once per chronology, hidden lanes and filter."""
        if self._bounds is None:
            c = self._chronology
            keep = np.ones(len(c.events), dtype=bool)
            hidden = [c.lane_of[h] for h in self._hidden if h in c.lane_of]
            if hidden and len(keep):
                keep &= ~np.isin(c.lanes, hidden)
            if self._filter.active and len(keep):
                keep &= self.filter_mask()
            starts, ends = np.sort(c.starts[keep]), np.sort(c.ends[keep])
            starts.flags.writeable = ends.flags.writeable = False
            self._bounds = (starts, ends)
        return self._bounds

    def passes_filter(self, event_id: str) -> bool:
        i = self._chronology.event_index.get(event_id)
        return i is not None and (not self._filter.active or bool(self.filter_mask()[i]))

    def _passes(self, sel: Selection) -> bool:
        return sel.event_id is None or not self._filter.active or self.passes_filter(sel.event_id)

    # -- search ----------------------------------------------------------------------------------------
    @property
    def query(self) -> str:
        return self._query

    def set_query(self, query: str) -> bool:
        if query == self._query:
            return False
        self._query = query
        self.query_changed.emit(query)
        return True

    # -- history of selections and views ------------------------------------------------------------
    def record_history(self) -> None:
        """Remember the current selection and range as a place to come back to with Back."""
        entry = HistoryEntry(self._selection, self._range)
        if 0 <= self._history_pos < len(self._history):
            cur = self._history[self._history_pos]
            if cur.selection == entry.selection and cur.range.close_to(entry.range):
                return
            # the place being left is remembered as it was last seen (the range the user moved to)
            self._history[self._history_pos] = HistoryEntry(cur.selection, self._range)
        del self._history[self._history_pos + 1 :]
        self._history.append(entry)
        if len(self._history) > self.HISTORY_LIMIT:
            del self._history[0]
        self._history_pos = len(self._history) - 1

    def can_go_back(self) -> bool:
        return self._history_pos > 0

    def can_go_forward(self) -> bool:
        return self._history_pos < len(self._history) - 1

    def _restore(self, entry: HistoryEntry) -> None:
        sel = entry.selection if entry.selection is None or self._selection_exists(entry.selection) else None
        if sel != self._selection:
            self._selection = sel
            self.selection_changed.emit(sel)
        self.set_time_range(entry.range)

    def go_back(self) -> bool:
        if not self.can_go_back():
            return False
        # the place we are leaving becomes the forward entry, with the range as it is now
        cur = self._history[self._history_pos]
        self._history[self._history_pos] = HistoryEntry(cur.selection, self._range)
        self._history_pos -= 1
        self._restore(self._history[self._history_pos])
        return True

    def go_forward(self) -> bool:
        if not self.can_go_forward():
            return False
        cur = self._history[self._history_pos]
        self._history[self._history_pos] = HistoryEntry(cur.selection, self._range)
        self._history_pos += 1
        self._restore(self._history[self._history_pos])
        return True
