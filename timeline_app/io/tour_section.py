"""Reading the ``tours`` section of a chronology (docs/FORMAT.md, "tours"): each tour's id, title
and stops, each stop's event, range, lanes, plots and text, with every problem placed at its file,
line and column. References to events, lanes and indicators are checked with the others', after
every file is read (so a tour may name events written in any file of the chronology)."""

from __future__ import annotations

from typing import Any

from ..model.dates import PartialDate
from ..model.records import Tour, TourStop
from .checks import Path_, Walk
from .texts import read_text


def _ids(w: Walk, e: dict[str, Any], path: Path_, key: str, kind: str, what: str) -> tuple[str, ...] | None:
    if key not in e:
        return None
    out: list[str] = []
    p = (*path, key)
    v = e[key]
    items = (
        [(v, p)]
        if isinstance(v, str) and v.strip()
        else [(x, (*p, i)) for i, x in enumerate(w.sequence(v, p, what))]
    )
    for item, item_path in items:
        ident = w.ident(item, item_path, f"a {kind} id")
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
        read_text(w, e["text"], (*path, "text"), "the stop's text", ("tour", tour_id, at + "text"))
        if "text" in e
        else None
    )
    title = (
        read_text(w, e["title"], (*path, "title"), "the stop's title", ("tour", tour_id, at + "title"))
        if "title" in e
        else ""
    )
    event = w.ident(e["event"], (*path, "event"), "the stop's event") if "event" in e else None
    if event is not None:
        w.refer("event", event, (*path, "event"))
    start = _date(w, e, path, "start")
    end = _date(w, e, path, "end")
    lanes = _ids(w, e, path, "lanes", "category", "lanes (category ids)") or ()
    plots = _ids(w, e, path, "plots", "indicator", "plots (indicator ids)")
    if "end" in e and "start" not in e:
        w.add((*path, "end"), "a stop with an 'end' needs a 'start' too")
        return None
    if "event" not in e and "start" not in e:
        w.add(path, "a stop names an 'event', a 'start' (and 'end'), or both")
        return None
    if start is not None and end is not None and end.end_day() <= start.first_day():
        w.add((*path, "end"), f"end {end.iso()} is before start {start.iso()}")
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
    ident = w.ident(e["id"], (*path, "id"), "the tour id")
    if ident is not None and not w.define("tour", ident, (*path, "id")):
        ident = None
    tid = ident or ""
    title = (
        read_text(w, e["title"], (*path, "title"), "the tour's title", ("tour", tid, "title"))
        if "title" in e
        else None
    )
    description = (
        read_text(
            w,
            e["description"],
            (*path, "description"),
            "the tour's description",
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
        items = w.sequence(e["stops"], p, "stops")
        if not items:
            if len(w.pending) == before:  # an empty list, or nothing: not something else
                w.add(p, f"the tour '{ident or e['id']}' has no stops: give it at least one")
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
    for i, item in enumerate(w.sequence(top["tours"], ("tours",), "tours")):
        tour = read_tour(w, item, ("tours", i))
        if tour is not None:
            tours.append(tour)
