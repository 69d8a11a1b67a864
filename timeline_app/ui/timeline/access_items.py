"""What a screen reader is told about the lane timeline: one item per thing a user can reach.

The timeline is one painted graphics item; assistive technology sees nothing of it unless it is
told. :func:`accessible_items` turns the frame on screen into a flat list, in time order: each
event drawn on its own (marker or bar, the selected one always included) and each cluster pill
("5 events, 2014 – 2016"). An item carries its spoken name, its description (date, lane,
importance) and where it is drawn, in view-port pixels. The accessible interface of the canvas
(:mod:`timeline_app.ui.app.canvas_access`) serves these to Qt's accessibility bridge.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore

from timeline_app.model.chronology import Chronology, Event
from timeline_app.model.dates import civil_from_days
from timeline_app.text import fill, format_date, format_number, translate
from timeline_app.ui.timeline.item import TimelineItem


@dataclass(frozen=True)
class AccessItem:
    """One thing on the timeline a screen reader can reach. An event's words are looked up only
    when asked (:func:`item_words`): a zoomed-out frame of a large chronology draws hundreds."""

    key: str  # the event id, "cluster:<lane>:<first day>" for a pill, "plot:<measure>|<unit>"
    kind: str  # "event" | "cluster" | "plot"
    rect: QtCore.QRectF  # where it is drawn, view-port pixels
    day: float  # where it sits in time (sorting)
    lane: int = 0
    selected: bool = False
    event: int = -1  # the event's row in the chronology (kind "event")
    name: str = ""  # what is spoken first (kinds other than "event")
    description: str = ""


def item_words(chron: Chronology, it: AccessItem) -> tuple[str, str]:
    """(name, description) of an item: an event's title, and its date, lane and importance."""
    if it.kind == "event" and 0 <= it.event < len(chron.events):
        ev = chron.events[it.event]
        return ev.title, event_description(chron, ev)
    return it.name, it.description


def event_when(ev: Event) -> str:
    """The date of an event in words, as the detail pane and the tooltip say it."""
    if ev.ongoing:
        when = fill(translate("TimelineAccess", "%1 – ongoing"), ev.start.words_with_precision())
    elif ev.end is not None:
        when = f"{ev.start.words_with_precision()} – {ev.end.words_with_precision()}"
    else:
        when = ev.start.words_with_precision()
    if ev.approximate:
        when = fill(translate("TimelineAccess", "%1 (approximate)"), when)
    return when


def importance_words(importance: str) -> str:
    return {
        "headline": translate("TimelineAccess", "headline event"),
        "major": translate("TimelineAccess", "major event"),
    }.get(importance, "")


def lane_name(chron: Chronology, category: str) -> str:
    cat = chron.category_index.get(category)
    return cat.name if cat is not None else category


def event_description(chron: Chronology, ev: Event) -> str:
    """ "2 February 2014, Planning, headline event": what follows an event's title when spoken."""
    parts = [event_when(ev), lane_name(chron, ev.category), importance_words(ev.importance)]
    return ", ".join(p for p in parts if p)


def event_speech(chron: Chronology, ev: Event) -> str:
    """Title, date, lane (and importance): all a screen reader says of a selected event."""
    return f"{ev.title}, {event_description(chron, ev)}"


def point_speech(chron: Chronology, indicator_id: str, index: int) -> str:
    """ "PM2.5 annual mean concentration — Beijing, 2014: 85.8 µg/m³, derived": a selected point."""
    ind = chron.indicator(indicator_id)
    if ind is None or not 0 <= index < len(ind.points):
        return ""
    p = ind.points[index]
    text = fill(
        translate("TimelineAccess", "%1, %2: %3 %4"),
        ind.label,
        p.date.words(),
        format_number(p.value),
        ind.unit,
    ).rstrip()
    return fill(translate("TimelineAccess", "%1, derived"), text) if p.derived else text


def _day_words(day: float, span: float) -> str:
    y, m, d = civil_from_days(int(day))
    if span > 2 * 366:
        return format_date(y)
    if span > 62:
        return format_date(y, m)
    return format_date(y, m, d)


def range_words(lo: float, hi: float) -> str:
    """A range of days as briefly as its length allows: "2014 – 2016", "March – May 2015"."""
    span = hi - lo
    a, b = _day_words(lo, span), _day_words(hi, span)
    return a if a == b else f"{a} – {b}"


def accessible_items(item: TimelineItem) -> list[AccessItem]:
    """The events and clusters drawn in the current frame, in time order (then lane order)."""
    fr = item.frame()
    if fr is None:
        return []
    chron = item.chronology()
    arrays = item.arrays()
    n = len(arrays.ids)
    out: list[AccessItem] = []
    seen: set[int] = set()
    sel = item.selected_index()

    def add_event(i: int, rect: QtCore.QRectF) -> None:
        if i in seen or not 0 <= i < n:
            return
        seen.add(i)
        out.append(
            AccessItem(
                arrays.ids[i], "event", rect, float(arrays.anchor[i]), int(arrays.lane[i]), i == sel, i
            )
        )

    if fr.selected is not None:
        i, x, y = fr.selected
        rc = fr.span_rect(i) if bool(arrays.is_span[i]) else None
        add_event(i, rc if rc is not None else QtCore.QRectF(x - 6, y - 6, 12, 12))
    for i, x, y in fr.markers:
        add_event(i, QtCore.QRectF(x - 6, y - 6, 12, 12))
    for i, rc in fr.spans:
        add_event(i, rc.intersected(fr.rect) if rc.intersects(fr.rect) else rc)
    for cl in fr.clusters:
        lane = chron.categories[cl.lane].name if cl.lane < len(chron.categories) else ""
        count = cl.count
        name = fill(
            translate("TimelineAccess", "%n events, %1", None, count), range_words(cl.day_lo, cl.day_hi)
        )
        key = f"cluster:{cl.lane}:{cl.day_lo:.3f}"
        out.append(
            AccessItem(
                key, "cluster", QtCore.QRectF(cl.rect), cl.day_lo, cl.lane, name=name, description=lane
            )
        )
    out.sort(key=lambda a: (a.day, a.lane))
    return out


__all__ = [
    "AccessItem",
    "accessible_items",
    "event_description",
    "event_speech",
    "event_when",
    "item_words",
    "point_speech",
    "range_words",
]
