"""Reading the ``tours`` section of a chronology (docs/FORMAT.md, "tours"): each tour's id, title
and stops, each stop's event, range, lanes, plots and text, with every problem placed at its file,
line and column. References to events, lanes and indicators are checked with the others', after
every file is read (so a tour may name events written in any file of the chronology)."""

from __future__ import annotations

from typing import Any

from ..model.dates import PartialDate
from ..model.records import Tour, TourStop
from ..text import QT_TRANSLATE_NOOP, Message
from .checks import Path_, Walk, end_before_start
from .nouns import ID_OF, LISTS
from .problems import said
from .texts import read_text

_STOP_TEXT = said(QT_TRANSLATE_NOOP("Problems", "the stop's text"))
_STOP_TITLE = said(QT_TRANSLATE_NOOP("Problems", "the stop's title"))
_STOP_EVENT = said(QT_TRANSLATE_NOOP("Problems", "the stop's event"))
_TOUR_TITLE = said(QT_TRANSLATE_NOOP("Problems", "the tour's title"))
_TOUR_DESCRIPTION = said(QT_TRANSLATE_NOOP("Problems", "the tour's description"))
# a stop's lists of ids: what the list is, what each item is
_LANES = (
    said(QT_TRANSLATE_NOOP("Problems", "lanes (category ids)")),
    said(QT_TRANSLATE_NOOP("Problems", "a category id")),
)
_PLOTS = (
    said(QT_TRANSLATE_NOOP("Problems", "plots (indicator ids)")),
    said(QT_TRANSLATE_NOOP("Problems", "an indicator id")),
)


def _ids(
    w: Walk, e: dict[str, Any], path: Path_, key: str, kind: str, what: tuple[Message, Message]
) -> tuple[str, ...] | None:
    if key not in e:
        return None
    out: list[str] = []
    p = (*path, key)
    v = e[key]
    items = (
        [(v, p)]
        if isinstance(v, str) and v.strip()
        else [(x, (*p, i)) for i, x in enumerate(w.sequence(v, p, what[0]))]
    )
    for item, item_path in items:
        ident = w.ident(item, item_path, what[1])
        if ident is not None:
            w.refer(kind, ident, item_path)
            out.append(ident)
    return tuple(out)


def _date(w: Walk, e: dict[str, Any], path: Path_, key: str) -> PartialDate | None:
    return w.date(e[key], (*path, key), f"'{key}'") if key in e else None


def read_stop(w: Walk, v: Any, path: Path_, tour_id: str) -> TourStop | None:
    e = w.mapping(v, path, "stop")
    if e is None:
        return None
    # texts in several languages are kept under ("tour", id, "stops.N.text"): see model/localize
    at = f"stops.{path[-1]}."
    text = (
        read_text(w, e["text"], (*path, "text"), _STOP_TEXT, ("tour", tour_id, at + "text"))
        if "text" in e
        else None
    )
    title = (
        read_text(w, e["title"], (*path, "title"), _STOP_TITLE, ("tour", tour_id, at + "title"))
        if "title" in e
        else ""
    )
    event = w.ident(e["event"], (*path, "event"), _STOP_EVENT) if "event" in e else None
    if event is not None:
        w.refer("event", event, (*path, "event"))
    start = _date(w, e, path, "start")
    end = _date(w, e, path, "end")
    lanes = _ids(w, e, path, "lanes", "category", _LANES) or ()
    plots = _ids(w, e, path, "plots", "indicator", _PLOTS)
    if "end" in e and "start" not in e:
        w.add((*path, "end"), said(QT_TRANSLATE_NOOP("Problems", "a stop with an 'end' needs a 'start' too")))
        return None
    if "event" not in e and "start" not in e:
        w.add(
            path,
            said(QT_TRANSLATE_NOOP("Problems", "a stop names an 'event', a 'start' (and 'end'), or both")),
        )
        return None
    if start is not None and end is not None and end.end_day() <= start.first_day():
        w.add((*path, "end"), end_before_start(end, start))
        return None
    if text is None or title is None or ("event" in e and event is None):
        return None
    if ("start" in e and start is None) or ("end" in e and end is None):
        return None
    # on the fast path only the tours' own lines are known (see fast_path); a stop's, on the exact one
    origin = w.origin(path) if w.file in w.nodes else None
    return TourStop(text.strip(), event, start, end, lanes, plots, title.strip(), origin)


def read_tour(w: Walk, v: Any, path: Path_) -> Tour | None:
    e = w.mapping(v, path, "tour")
    if e is None or "id" not in e:
        return None
    ident = w.ident(e["id"], (*path, "id"), ID_OF["tour"])
    if ident is not None and not w.define("tour", ident, (*path, "id")):
        ident = None
    tid = ident or ""
    title = (
        read_text(w, e["title"], (*path, "title"), _TOUR_TITLE, ("tour", tid, "title"))
        if "title" in e
        else None
    )
    description = (
        read_text(
            w,
            e["description"],
            (*path, "description"),
            _TOUR_DESCRIPTION,
            ("tour", tid, "description"),
        )
        if "description" in e
        else ""
    )
    stops: list[TourStop] = []
    bad = False
    if "stops" in e:
        p = (*path, "stops")
        before = len(w.pending)
        items = w.sequence(e["stops"], p, LISTS["stops"])
        if not items:
            if len(w.pending) == before:  # an empty list, or nothing: not something else
                none = QT_TRANSLATE_NOOP("Problems", "the tour '%1' has no stops: give it at least one")
                w.add(p, said(none, ident or e["id"]))
            bad = True
        for i, item in enumerate(items):
            stop = read_stop(w, item, (*p, i), tid)
            if stop is None:
                bad = True
            else:
                stops.append(stop)
    if ident is None or title is None or description is None or bad or not stops:
        return None
    return Tour(ident, title, tuple(stops), description.strip(), w.origin(path))


def read_tours(w: Walk, top: dict[str, Any], tours: list[Tour]) -> None:
    if "tours" not in top:
        return
    for i, item in enumerate(w.sequence(top["tours"], ("tours",), LISTS["tours"])):
        tour = read_tour(w, item, ("tours", i))
        if tour is not None:
            tours.append(tour)
