"""What a printed page of a view holds besides the picture: the events it shows and the sources
they and its plots cite (the footer of File ▸ Export PDF and of every report page). No Qt here."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .chronology import Chronology, Event, Source
from .view_state import TimeRange

PlotKey = tuple[str, str]


def events_in_view(
    chronology: Chronology,
    shown: TimeRange,
    hidden: frozenset[str] = frozenset(),
    mask: np.ndarray | None = None,
) -> list[Event]:
    """The events drawn in ``shown`` (at least partly), outside the hidden lanes, that ``mask``
    lets through (the filter's, when there is one), in time order."""
    c = chronology
    if not len(c.events):
        return []
    inside = (c.starts <= shown.end) & (c.ends >= shown.start)
    if mask is not None:
        inside &= mask
    out = []
    for i in np.flatnonzero(inside):
        ev = c.events[int(i)]
        if ev.category not in hidden:
            out.append(ev)
    return out


def sources_shown(
    chronology: Chronology,
    events: Iterable[Event],
    plots: Iterable[PlotKey] = (),
    shown: TimeRange | None = None,
) -> list[Source]:
    """The sources cited by ``events`` (their own and their figures') and by the points of the
    plotted series that fall in ``shown``, in the order the chronology lists its sources."""
    ids: set[str] = set()
    for ev in events:
        ids.update(r.source for r in ev.sources)
        ids.update(f.source.source for f in ev.figures if f.source is not None)
    keys = set(plots)
    for ind in chronology.indicators:
        if ind.plot_key not in keys:
            continue
        for p in ind.points:
            if p.source is not None and (shown is None or shown.start <= p.day() <= shown.end):
                ids.add(p.source.source)
    return [s for s in chronology.sources if s.id in ids]
