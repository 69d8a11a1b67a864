"""Keyboard actions as plain functions of the view state. No Qt here.

Each action reads the shared :class:`~timeline_app.model.view_state.ViewState`, works out where to
go, and writes through the state's methods. The UI binds keys to these functions in one table
(``timeline_app.ui.app.keymap``); the tests call them with no window at all.

Navigation moves through events in time order (the chronology keeps them sorted), skips hidden
lanes, and keeps the selection on screen: the view pans only when the new selection is off-screen.
It selects first and pans after, because the state's history remembers each selection with the view
last seen while it was selected (Alt+← returns to the previous selection as the user left it).
Every action returns whether it changed anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .chronology import Chronology, Event
from .goto import parse_goto
from .search import SearchIndex
from .view_state import TimeRange, ViewState

ZOOM_STEP = 0.8  # one press of W or +: the visible span becomes 80% as wide
PAN_STEP = 0.1  # one press of A or D: a tenth of the visible span
REVEAL_MARGIN = 0.05  # an event closer than this fraction of the span to an edge counts as off-screen
FOCUS_FILL = 0.6  # F: the selected span fills this fraction of the view
MIN_FOCUS_DAYS = 30.0  # F on a point event shows a month around it


# -- what the selection is, in days ----------------------------------------------------------------
def event_interval(event: Event) -> tuple[float, float]:
    """Days an event covers on the axis: its span, or the interval its start date stands for."""
    return event.start_day(), event.end_day()


def selection_interval(state: ViewState) -> tuple[float, float] | None:
    """Days the selected event or indicator point covers, or None when nothing is selected."""
    sel = state.selection
    if sel is None:
        return None
    c = state.chronology
    if sel.event_id is not None:
        ev = c.event(sel.event_id)
        return None if ev is None else event_interval(ev)
    if sel.indicator_id is not None and sel.point_index is not None:
        ind = c.indicator(sel.indicator_id)
        if ind is None or not 0 <= sel.point_index < len(ind.points):
            return None
        p = ind.points[sel.point_index]
        return float(p.date.first_day()), float(p.date.end_day())
    return None


def selection_day(state: ViewState) -> float | None:
    """Where the selection is marked on the axis: an event's marker, an indicator point's middle."""
    sel = state.selection
    if sel is None:
        return None
    if sel.event_id is not None:
        ev = state.chronology.event(sel.event_id)
        return None if ev is None else ev.anchor_day()
    if sel.indicator_id is not None and sel.point_index is not None:
        ind = state.chronology.indicator(sel.indicator_id)
        if ind is not None and 0 <= sel.point_index < len(ind.points):
            return ind.points[sel.point_index].day()
    return None


# -- visible events --------------------------------------------------------------------------------
def _hidden_lane_numbers(state: ViewState) -> list[int]:
    c = state.chronology
    return [c.lane_of[h] for h in state.hidden_lanes if h in c.lane_of]


def visible_mask(state: ViewState) -> np.ndarray:
    """For each event (in chronology order), whether it is shown: its lane is, and the filters
    (:attr:`ViewState.event_filter`) let it through."""
    c = state.chronology
    if not c.events:
        return np.zeros(0, dtype=bool)
    shown = ~np.isin(c.lanes, _hidden_lane_numbers(state))
    if state.event_filter.active:
        shown &= state.filter_mask()
    return shown


def shown_total(state: ViewState) -> tuple[int, int]:
    """(events shown in the whole chronology, after hidden lanes and filters; all events)."""
    total = len(state.chronology.events)
    return (len(state.shown_bounds()[0]) if total else 0), total


def visible_lanes(state: ViewState) -> list[int]:
    """Lane numbers (0 at the top) that are shown and hold at least one event."""
    c = state.chronology
    hidden = set(_hidden_lane_numbers(state))
    used = set(int(v) for v in np.unique(c.lanes)) if c.events else set()
    return [n for n in range(len(c.categories)) if n in used and n not in hidden]


def shown_event_count(state: ViewState) -> tuple[int, int]:
    """(events in shown lanes that overlap the visible range, all events)."""
    c = state.chronology
    total = len(c.events)
    if not total:
        return 0, 0
    # an event overlaps [a, b] when it starts by b and ends from a on; those that end before a
    # all start before b too (an end is never before its start), so the count is
    # #(start <= b) - #(end < a) over the events shown: two binary searches
    starts, ends = state.shown_bounds()
    r = state.range
    n = int(np.searchsorted(starts, r.end, side="right")) - int(np.searchsorted(ends, r.start, side="left"))
    return n, total


def _selected_index(state: ViewState) -> int | None:
    eid = state.selected_event_id
    return None if eid is None else state.chronology.event_index.get(eid)


# -- keeping the selection on screen ---------------------------------------------------------------
def is_on_screen(r: TimeRange, start: float, end: float) -> bool:
    """Whether [start, end] reaches into the range, away from its edges by the reveal margin."""
    m = r.span * REVEAL_MARGIN
    return end >= r.start + m and start <= r.end - m


def reveal(state: ViewState, start: float, end: float | None = None) -> bool:
    """Pan (never zoom) so that [start, end] is on screen, by the smallest move that brings it
    inside the margins (so End from the overview shows the last event at the right edge, not a
    half-empty future); do nothing if it already is."""
    end = start if end is None else end
    r = state.range
    if is_on_screen(r, start, end):
        return False
    m = r.span * REVEAL_MARGIN
    if end - start > r.span - 2 * m:
        return state.set_range(start - m, start - m + r.span)  # wider than the view: show its start
    # earlier: bring the start just inside the left margin; later: the end inside the right one
    shift = start - (r.start + m) if start < r.start + m else end - (r.end - m)
    return state.set_range(r.start + shift, r.end + shift)


def _marker_interval(ev: Event) -> tuple[float, float]:
    """What must be on screen for an event to count as visible: a span, or a point event's marker."""
    return (ev.start_day(), ev.end_day()) if ev.is_span else (ev.anchor_day(), ev.anchor_day())


def go_to_event(state: ViewState, event_id: str) -> bool:
    """Select an event and pan to it if it is off-screen (its lane is shown if it was hidden)."""
    c = state.chronology
    ev = c.event(event_id)
    if ev is None:
        return False
    if ev.category in state.hidden_lanes:
        state.toggle_lane(ev.category)
    selected = state.select_event(event_id)
    revealed = reveal(state, *_marker_interval(ev))
    return selected or revealed


def go_to_point(state: ViewState, indicator_id: str, index: int) -> bool:
    """Select one point of an indicator series and pan to it if it is off-screen."""
    ind = state.chronology.indicator(indicator_id)
    if ind is None or not ind.points:
        return False
    index = max(0, min(index, len(ind.points) - 1))
    selected = state.select_point(indicator_id, index)
    revealed = reveal(state, ind.points[index].day())
    return selected or revealed


def latest_point_index(state: ViewState, indicator_id: str) -> int | None:
    """Index of an indicator's latest point (points may be written in any order)."""
    ind = state.chronology.indicator(indicator_id)
    if ind is None or not ind.points:
        return None
    return max(range(len(ind.points)), key=lambda i: (ind.points[i].day(), i))


# -- moving through events -------------------------------------------------------------------------
def _step_in(state: ViewState, candidates: np.ndarray, step: int) -> bool:
    """Select the candidate after (step=+1) or before (step=-1) the selection, in time order.

    ``candidates`` are event indices in chronology (time) order. With nothing selected, → starts
    from the left edge of the view and ← from the right edge.
    """
    if candidates.size == 0:
        return False
    c = state.chronology
    cur = _selected_index(state)
    if cur is not None:
        # events are sorted; the neighbour is the next candidate index past the current one
        pos = int(np.searchsorted(candidates, cur, side="right" if step > 0 else "left"))
        target = pos if step > 0 else pos - 1
    else:
        day = selection_day(state)
        starts = c.starts[candidates]
        if day is None:  # nothing selected: the first event on screen, or the last one
            day = state.range.start if step > 0 else state.range.end
            target = (
                int(np.searchsorted(starts, day, side="left"))
                if step > 0
                else int(np.searchsorted(starts, day, side="right")) - 1
            )
        else:  # an indicator point: the events after or before its day
            target = (
                int(np.searchsorted(starts, day, side="left"))
                if step > 0
                else int(np.searchsorted(starts, day, side="left")) - 1
            )
    if not 0 <= target < candidates.size:
        return False
    return go_to_event(state, c.events[int(candidates[target])].id)


def _visible_indices(state: ViewState) -> np.ndarray:
    return np.flatnonzero(visible_mask(state))


def next_event(state: ViewState) -> bool:
    """→: the next event in time, across the shown lanes."""
    return _step_in(state, _visible_indices(state), +1)


def prev_event(state: ViewState) -> bool:
    """←: the previous event in time, across the shown lanes."""
    return _step_in(state, _visible_indices(state), -1)


def _lane_indices(state: ViewState) -> np.ndarray | None:
    cur = _selected_index(state)
    if cur is None:
        return None
    c = state.chronology
    return np.flatnonzero((c.lanes == c.lanes[cur]) & visible_mask(state))


def _step_in_series(state: ViewState, step: int) -> bool | None:
    """With an indicator point selected, the next/previous point of its series in time (None when
    no point is selected)."""
    sel = state.selection
    if sel is None or sel.indicator_id is None or sel.point_index is None:
        return None
    ind = state.chronology.indicator(sel.indicator_id)
    if ind is None:
        return None
    order = sorted(range(len(ind.points)), key=lambda i: (ind.points[i].day(), i))
    if sel.point_index not in order:
        return None
    pos = order.index(sel.point_index) + step
    if not 0 <= pos < len(order):
        return False
    return go_to_point(state, ind.id, order[pos])


def next_in_lane(state: ViewState) -> bool:
    """.: the next event in the selected event's lane, or the next point of the selected series
    (any lane when nothing is selected)."""
    series = _step_in_series(state, +1)
    if series is not None:
        return series
    idx = _lane_indices(state)
    return next_event(state) if idx is None else _step_in(state, idx, +1)


def prev_in_lane(state: ViewState) -> bool:
    """,: the previous event in the selected event's lane, or the previous point of the selected
    series (any lane when nothing is selected)."""
    series = _step_in_series(state, -1)
    if series is not None:
        return series
    idx = _lane_indices(state)
    return prev_event(state) if idx is None else _step_in(state, idx, -1)


def nearest_in_lane(
    chronology: Chronology, lane: int, day: float, among: np.ndarray | None = None
) -> int | None:
    """Index of the event of ``lane`` nearest in time to ``day`` (one that spans it is nearest),
    among the events ``among`` lets through (a mask; all when None)."""
    in_lane = chronology.lanes == lane
    idx = np.flatnonzero(in_lane if among is None else in_lane & among)
    if idx.size == 0:
        return None
    starts, ends = chronology.starts[idx], chronology.ends[idx]
    gap = np.where(day < starts, starts - day, np.where(day > ends, day - ends, 0.0))
    # ties: the event whose start is closest, then the earlier one
    order = np.lexsort((idx, np.abs(starts - day), gap))
    return int(idx[order[0]])


def _change_lane(state: ViewState, step: int) -> bool:
    lanes = visible_lanes(state)
    if not lanes:
        return False
    c = state.chronology
    cur = _selected_index(state)
    day = selection_day(state)
    if day is None:
        day = state.range.center
    if cur is None:  # from nothing, ↓ enters the top lane and ↑ the bottom one
        target = lanes[0] if step > 0 else lanes[-1]
    else:
        lane = int(c.lanes[cur])
        further = [n for n in lanes if (n > lane if step > 0 else n < lane)]
        if not further:
            return False
        target = further[0] if step > 0 else further[-1]
    i = nearest_in_lane(c, target, day, visible_mask(state))
    return False if i is None else go_to_event(state, c.events[i].id)


def lane_above(state: ViewState) -> bool:
    """↑: the event nearest in time in the next shown lane up."""
    return _change_lane(state, -1)


def lane_below(state: ViewState) -> bool:
    """↓: the event nearest in time in the next shown lane down."""
    return _change_lane(state, +1)


def first_event(state: ViewState) -> bool:
    """Home: the first event in the shown lanes."""
    idx = _visible_indices(state)
    return False if idx.size == 0 else go_to_event(state, state.chronology.events[int(idx[0])].id)


def last_event(state: ViewState) -> bool:
    """End: the last event in the shown lanes."""
    idx = _visible_indices(state)
    return False if idx.size == 0 else go_to_event(state, state.chronology.events[int(idx[-1])].id)


# -- the view --------------------------------------------------------------------------------------
def go_to_date(state: ViewState, text: str) -> bool:
    """Ctrl+G: show the date or range ``text`` ("2017-04", "44 BCE", "2014..2017") at its precision,
    as a step of its own in the history. Raises :class:`~.dates.DateError` for text that is not one."""
    return state.jump_to(parse_goto(text))


def zoom_anchor(state: ViewState) -> float | None:
    """The day zooming keeps in place: the selection when it is on screen, else None (the centre)."""
    r = state.range
    day = selection_day(state)
    if day is not None and r.contains(day):
        return day
    span = selection_interval(state)
    if span is not None and span[1] >= r.start and span[0] <= r.end:  # a span across the view
        return (max(span[0], r.start) + min(span[1], r.end)) / 2.0
    return None


def zoom_in(state: ViewState, factor: float = ZOOM_STEP) -> bool:
    """W / +: narrow the view by ``factor`` (< 1) around the selection, or around the centre."""
    return state.set_time_range(state.range.zoomed(factor, zoom_anchor(state)))


def zoom_out(state: ViewState, factor: float = ZOOM_STEP) -> bool:
    """S / -: widen the view by 1 / ``factor`` around the selection, or around the centre."""
    return state.set_time_range(state.range.zoomed(1.0 / factor, zoom_anchor(state)))


def pan(state: ViewState, fraction: float) -> bool:
    """A / D: move the view by ``fraction`` of its span (positive: later)."""
    return state.set_time_range(state.range.panned(fraction))


def focus_range(start: float, end: float) -> TimeRange:
    """The view that shows [start, end] filling a sensible part of it, centred."""
    span = max((end - start) / FOCUS_FILL, MIN_FOCUS_DAYS)
    mid = (start + end) / 2.0
    return TimeRange(mid - span / 2.0, mid + span / 2.0)


def focus_selection(state: ViewState) -> bool:
    """F: centre on the selection and zoom so that it fills a sensible part of the view."""
    iv = selection_interval(state)
    if iv is None:
        return False
    return state.jump_to(focus_range(*iv))


def fit_all(state: ViewState) -> bool:
    """0: show the whole chronology."""
    before = state.range
    state.fit_all()
    return not state.range.close_to(before)


def toggle_lane_number(state: ViewState, n: int) -> bool:
    """1–9: show or hide the n-th lane (1 is the top lane)."""
    cats = state.chronology.categories
    if not 1 <= n <= len(cats):
        return False
    return state.toggle_lane(cats[n - 1].id)


def back(state: ViewState) -> bool:
    """Alt+←: the previous selection and view."""
    return state.go_back()


def forward(state: ViewState) -> bool:
    """Alt+→: the next selection and view, after going back."""
    return state.go_forward()


def clear_selection(state: ViewState) -> bool:
    """Esc: select nothing."""
    return state.clear_selection()


# -- search ----------------------------------------------------------------------------------------


def search(state: ViewState, text: str) -> list[str]:
    """Ids of the events matching ``text``: every word of it appears, ignoring case, in the title,
    description, places, tags or id. Events whose title holds every word come first; then time order.
    Hidden lanes are searched too (choosing such a result shows its lane). Uses the chronology's
    :class:`~timeline_app.model.search.SearchIndex` (built on first use)."""
    c = state.chronology
    found = SearchIndex.for_chronology(c).matches(text)
    return [c.events[i].id for i in found.ranked().tolist()]


def _step_match(state: ViewState, matches: list[str] | None, step: int) -> bool:
    if matches is not None:
        if not matches:
            return False
        cur = state.selected_event_id
        if cur in matches:
            target = matches[(matches.index(cur) + step) % len(matches)]
        else:
            target = matches[0] if step > 0 else matches[-1]
        return go_to_event(state, target)
    c = state.chronology
    found = SearchIndex.for_chronology(c).matches(state.query)
    n = len(found)
    if not n:
        return False
    cur_index = _selected_index(state)
    rank = None if cur_index is None else found.rank_of(cur_index)
    shown = state.filter_mask() if state.event_filter.active else None
    at = (0 if step > 0 else n - 1) if rank is None else (rank + step) % n
    for _ in range(n):  # the next match the filters let through
        i = found.at(at)
        if shown is None or shown[i]:
            return go_to_event(state, c.events[i].id)
        at = (at + step) % n
    return False


def next_match(state: ViewState, matches: list[str] | None = None) -> bool:
    """Enter in the search field: the match after the selected one (wrapping), or the first.
    ``matches`` defaults to all the matches of the state's query (see :func:`search`)."""
    return _step_match(state, matches, +1)


def prev_match(state: ViewState, matches: list[str] | None = None) -> bool:
    """Shift+Enter in the search field: the match before the selected one (wrapping), or the last."""
    return _step_match(state, matches, -1)


# -- holding a key ---------------------------------------------------------------------------------
@dataclass
class RepeatRamp:
    """How far one step goes while a key is held down.

    A single press moves a whole step (1.0). The key's auto-repeats start smaller, so that holding
    the key continues smoothly from the first press, then grow by ``growth`` per repeat up to
    ``cap``: the longer the key is held, the faster the view moves.
    """

    first_repeat: float = 0.35
    growth: float = 1.1
    cap: float = 1.5
    _repeats: int = field(default=0, init=False)

    def step(self, auto_repeat: bool) -> float:
        if not auto_repeat:
            self._repeats = 0
            return 1.0
        self._repeats += 1
        return min(self.cap, self.first_repeat * self.growth ** (self._repeats - 1))
