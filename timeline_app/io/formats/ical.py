"""iCalendar (RFC 5545) ``.ics``: calendars exported by Google Calendar, Thunderbird, Outlook, Apple.

Reading: each VEVENT is an event (SUMMARY title, DESCRIPTION, LOCATION places, UID id, URL a
source); its first CATEGORIES value is its lane and the others its tags; PRIORITY 1-4 is a headline,
5 major. DTSTART/DTEND give the days (an all-day DTEND is exclusive; times of day are dropped). A
recurring event (RRULE, RDATE, EXDATE, and RECURRENCE-ID overrides) is expanded to at most
:data:`MAX_OCCURRENCES` events, none more than :data:`HORIZON_YEARS` after its first. Our export
adds ``X-TIMELINE-APP-START`` / ``-END`` with the EDTF date when the days alone cannot say it
("2014~", a year, a month), and reading gives them precedence over DTSTART/DTEND.

Parsing is the icalendar library's; positions (``file:line:column``) come from a scan of the
unfolded content lines, which also reports a line that is not ``NAME:value``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ...model.chronology import IMPORTANCE, Chronology
from ...model.dates import civil_from_days
from .. import limits
from ..problems import QT_TRANSLATE_NOOP, Problem, said
from .dates import date_text
from .mapped import Ids, Lanes, Mapped, Positions, check_size, drop_empty, http_url, texts

MAX_OCCURRENCES = 1000
HORIZON_YEARS = 100
PRODID = "-//timeline-app//timeline-app//EN"
X_START, X_END, X_ONGOING = "X-TIMELINE-APP-START", "X-TIMELINE-APP-END", "X-TIMELINE-APP-ONGOING"
_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
DEFAULT_LANE = "Events"


class _Scan:
    """Where each VEVENT and each of its properties was written (after unfolding)."""

    def __init__(self, name: str, text: str) -> None:
        self.events: list[tuple[int, dict[str, tuple[int, int]]]] = []
        self.problems: list[Problem] = []
        self.unbalanced = False  # a BEGIN without its END, or an END without its BEGIN
        current: dict[str, tuple[int, int]] | None = None
        logical: list[tuple[int, str]] = []
        self.good: list[str] = []  # the physical lines, less those that are not content lines
        opened: list[tuple[int, str]] = []
        for n, raw in enumerate(text.splitlines(), start=1):
            if raw[:1] in (" ", "\t") and logical:
                continue  # a folded continuation of the line before
            logical.append((n, raw))
        lines = text.splitlines()
        bad: set[int] = set()
        for n, line in logical:
            if not line.strip():
                continue
            if not _CONTENT_LINE.match(line):
                shown = line if len(line) < 60 else line[:57] + "..."
                not_ical = said(
                    QT_TRANSLATE_NOOP("Problems", "not an iCalendar line (NAME:value): %1"), repr(shown)
                )
                self.problems.append(Problem(name, n, 1, not_ical))
                bad.add(n)
                continue
            prop = re.split(r"[;:]", line, maxsplit=1)[0].upper()
            value_col = line.index(":") + 2
            what = line[line.index(":") + 1 :].strip().upper()
            if prop == "BEGIN":
                opened.append((n, what))
            elif prop == "END":
                if opened and opened[-1][1] == what:
                    opened.pop()
                else:
                    self.problems.append(
                        Problem(
                            name, n, 1, said(QT_TRANSLATE_NOOP("Problems", "END:%1 without a BEGIN:%1"), what)
                        )
                    )
                    self.unbalanced = True
            if prop == "BEGIN" and what == "VEVENT":
                current = {}
                self.events.append((n, current))
            elif prop == "END" and what == "VEVENT":
                current = None
            elif current is not None and prop not in current:
                current[prop] = (n, value_col)
        for n, what in opened:
            self.problems.append(
                Problem(
                    name,
                    n,
                    1,
                    said(QT_TRANSLATE_NOOP("Problems", "BEGIN:%1 is never ended (END:%1 is missing)"), what),
                )
            )
            self.unbalanced = True
        self.good = [line for n, line in enumerate(lines, start=1) if n not in bad]


def _day(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return None


def read_ics(path: Path, name: str) -> Mapped:
    import icalendar

    pos = Positions()
    pos.put((), 1, 1)
    big = check_size(path, name)
    if big is not None:
        return Mapped(name, {}, pos, [big])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Mapped(
            name,
            {},
            pos,
            [Problem(name, line, 1, said(QT_TRANSLATE_NOOP("Problems", "the calendar is not UTF-8 text")))],
        )
    scan = _Scan(name, text)
    problems = list(scan.problems)
    if scan.unbalanced:
        return Mapped(name, {}, pos, problems)
    try:  # the lines reported above are left out, so that the rest is still read and checked
        cal = icalendar.Calendar.from_ical("\r\n".join(scan.good) + "\r\n")
    except (ValueError, IndexError, KeyError) as exc:
        problems.append(
            Problem(
                name,
                1,
                1,
                said(QT_TRANSLATE_NOOP("Problems", "not an iCalendar file: %1"), str(exc).splitlines()[0]),
            )
        )
        return Mapped(name, {}, pos, problems)
    if isinstance(cal, list):
        cal = cal[0]
    chron = drop_empty(
        {
            "title": str(cal.get("X-WR-CALNAME", "")).strip(),
            "description": str(cal.get("X-WR-CALDESC", "")).strip(),
        }
    )
    lanes, ids = Lanes(), Ids()
    events: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    vevents = list(cal.walk("VEVENT"))
    overridden: set[tuple[str, dt.date]] = set()
    for ve in vevents:
        rid = ve.get("RECURRENCE-ID")
        day = _day(getattr(rid, "dt", None))
        if rid is not None and day is not None:
            overridden.add((str(ve.get("UID", "")), day))
    for k, ve in enumerate(vevents):
        line, props = scan.events[k] if k < len(scan.events) else (1, {})
        where = {key: props.get(prop, (line, 1)) for key, prop in (
            ("start", "DTSTART"), ("end", "DTEND"), ("title", "SUMMARY"), ("description", "DESCRIPTION"),
            ("category", "CATEGORIES"), ("places", "LOCATION"), ("sources", "URL"),
        )}  # fmt: skip
        broken = False
        for prop, message in getattr(ve, "errors", []):
            n, col = props.get(str(prop).upper(), (line, 1))
            # the calendar library's own words (in English), after the property they are about
            problems.append(
                Problem(name, n, col, said(QT_TRANSLATE_NOOP("Problems", "%1: %2"), prop, message))
            )
            broken = True
        if broken:
            continue
        uid = str(ve.get("UID", "")).strip()
        summary = str(ve.get("SUMMARY", "")).strip()
        start = getattr(ve.get("DTSTART"), "dt", None)
        end = getattr(ve.get("DTEND"), "dt", None)
        if end is None and ve.get("DURATION") is not None and start is not None:
            end = start + ve.decoded("DURATION")
        cats: list[str] = []
        raw_cats = ve.get("CATEGORIES")
        for c in raw_cats if isinstance(raw_cats, list) else [raw_cats] if raw_cats is not None else []:
            cats.extend(str(x) for x in getattr(c, "cats", [c]))
        cats = texts(cats)
        base: dict[str, Any] = {"category": lanes.lane(cats[0] if cats else DEFAULT_LANE)}
        if summary:
            base["title"] = summary
        desc = str(ve.get("DESCRIPTION", "")).strip()
        if desc:
            base["description"] = desc.replace("\r\n", "\n")
        loc = str(ve.get("LOCATION", "")).strip()
        if loc:
            base["places"] = texts(loc.split(";"))
        if len(cats) > 1:
            base["tags"] = cats[1:]
        prio = ve.get("PRIORITY")
        if prio is not None and str(prio).strip().isdigit() and 1 <= int(str(prio)) <= 5:
            base["importance"] = "headline" if int(str(prio)) < 5 else "major"
        url = http_url(str(ve.get("URL", "")))
        x_start, x_end = str(ve.get(X_START, "")).strip(), str(ve.get(X_END, "")).strip()
        if str(ve.get(X_ONGOING, "")).strip().upper() == "TRUE":
            base["ongoing"] = True
        if start is None:
            occurrences: list[tuple[Any, Any]] = [(None, None)]
        elif ve.get("RRULE") is not None or ve.get("RDATE") is not None:
            try:
                occurrences = _expand(ve, start, end, uid, overridden)
            except (ValueError, TypeError, OverflowError, AttributeError) as exc:
                n, col = props.get("RRULE", props.get("RDATE", (line, 1)))
                problems.append(
                    Problem(
                        name,
                        n,
                        col,
                        said(QT_TRANSLATE_NOOP("Problems", "the recurrence cannot be read: %1"), exc),
                    )
                )
                continue
        else:
            occurrences = [(start, end)]
        many = len(occurrences) > 1
        for s, e in occurrences:
            if len(events) > limits.MAX_EVENTS:
                break
            i = len(events)
            ev = dict(base)
            sday = _day(s)
            wished = f"{uid}-{sday:%Y%m%d}" if many and sday else uid
            ev = {
                "id": ids.make(
                    wished, f"{summary}-{sday:%Y%m%d}" if many and sday else summary, f"event-{i + 1}"
                ),
                **ev,
            }
            if s is not None:
                ev["start"] = x_start if x_start and not many else (date_text(sday) if sday else str(s))
                if not ev.get("ongoing"):  # an ongoing event's DTEND is only its start's last day
                    if x_start and not many:  # our export: the X- dates say it all
                        ev.update({"end": x_end} if x_end else {})
                    else:
                        ev.update(_end(s, e, x_end if not many else ""))
            if url:
                sid = f"link-{ev['id']}"
                sources.append({"id": sid, "title": summary or url, "url": url})
                pos.put(("sources", len(sources) - 1), *where["sources"])
                ev["sources"] = [sid]
            pos.put(("events", i), line, 1)
            for key, at in where.items():
                pos.put(("events", i, key), *at)
            events.append(ev)
    values: dict[str, Any] = {"categories": lanes.values(), "events": events}
    if chron.get("title"):
        values = {"chronology": chron, **values}
    if sources:
        values["sources"] = sources
    return Mapped(name, values, pos, problems)


def _end(start: Any, end: Any, x_end: str) -> dict[str, Any]:
    if x_end:
        return {"end": x_end}
    sday, eday = _day(start), _day(end)
    if sday is None or eday is None:
        return {}
    if eday < sday:  # wrong: the walker says so, at DTEND
        return {"end": date_text(eday)}
    if not isinstance(end, dt.datetime):  # an all-day DTEND is the day after the last
        eday -= dt.timedelta(days=1)
    return {"end": date_text(eday)} if eday > sday else {}


def _expand(
    ve: Any, start: Any, end: Any, uid: str, overridden: set[tuple[str, dt.date]]
) -> list[tuple[Any, Any]]:
    from dateutil.rrule import rruleset, rrulestr

    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    length = (end - start) if end is not None else None
    rules = rruleset()
    for rr in ve.get("RRULE") if isinstance(ve.get("RRULE"), list) else [ve.get("RRULE")]:
        if rr is not None:
            text = rr.to_ical().decode()
            if first.tzinfo is not None:  # dateutil wants UNTIL in UTC when the start has a zone
                text = re.sub(r"UNTIL=(\d{8})(;|$)", r"UNTIL=\1T235959Z\2", text)
            elif "UNTIL=" in text:
                text = re.sub(r"(UNTIL=\d{8}T\d{6})Z", r"\1", text)
            rules.rrule(rrulestr(text, dtstart=first))  # type: ignore[arg-type]
    for prop in ("RDATE", "EXDATE"):
        raw = ve.get(prop)
        for item in raw if isinstance(raw, list) else [raw] if raw is not None else []:
            for d in getattr(item, "dts", []):
                v = (
                    d.dt
                    if isinstance(d.dt, dt.datetime)
                    else dt.datetime.combine(d.dt, dt.time())
                    if isinstance(d.dt, dt.date)
                    else None
                )
                if v is not None and (v.tzinfo is None) == (first.tzinfo is None):
                    (rules.rdate if prop == "RDATE" else rules.exdate)(v)
    rules.rdate(first)
    horizon = first.replace(year=min(first.year + HORIZON_YEARS, 9999))
    out: list[tuple[Any, Any]] = []
    for when in rules:
        if when > horizon or len(out) >= MAX_OCCURRENCES:
            break
        if (uid, when.date()) in overridden:
            continue
        s = when if isinstance(start, dt.datetime) else when.date()
        out.append((s, s + length if length is not None else None))
    return out


# -- writing -----------------------------------------------------------------------------------------------
def _as_date(day: int) -> dt.date | None:
    y, m, dd = civil_from_days(day)
    if y < 1 or y > 9999:
        return None
    return dt.date(y, m, dd)


def write_ics(c: Chronology) -> str:
    """The chronology as an iCalendar file of all-day events. An event is written over the days its
    date may stand for ('2014' over the year); the EDTF text rides along in X-TIMELINE-APP-START and
    -END for our reader. Events before the year 1 cannot be said in iCalendar and are left out."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    # as text, said so: an X- property's type is otherwise guessed (and a description's line breaks
    # were then left unescaped, which icalendar refuses)
    cal.add("X-WR-CALNAME", icalendar.vText(c.title))
    if c.description:
        cal.add("X-WR-CALDESC", icalendar.vText(c.description))
    lanes = {k.id: k.name for k in c.categories}
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for e in c.events:
        first = _as_date(e.start.first_day())
        last = _as_date((e.end or e.start).end_day())
        if first is None or last is None:
            continue
        ve = icalendar.Event()
        ve.add("UID", e.id)
        ve.add("DTSTAMP", stamp)
        ve.add("SUMMARY", e.title)
        ve.add("DTSTART", first)
        ve.add("DTEND", last)
        x_start = not (e.start.is_plain and e.start.day is not None)
        if x_start:
            ve.add(X_START, e.start.iso())
        # the reader takes the X- dates whole when X_START is there, and DTEND cannot say a
        # one-day span (it reads as a point)
        if e.end is not None and (
            x_start or not (e.end.is_plain and e.end.day is not None) or e.end == e.start
        ):
            ve.add(X_END, e.end.iso())
        if e.ongoing:
            ve.add(X_ONGOING, "TRUE")
        if e.description:
            ve.add("DESCRIPTION", e.description)
        if e.places:
            ve.add("LOCATION", "; ".join(e.places))
        ve.add("CATEGORIES", [lanes.get(e.category, e.category), *e.tags])
        if e.rank:
            ve.add("PRIORITY", 1 if e.importance == IMPORTANCE[2] else 5)
        for ref in e.sources:
            s = c.source(ref.source)
            if s is not None and s.url:
                ve.add("URL", s.url)
                break
        cal.add_component(ve)
    text: bytes = cal.to_ical()
    return text.decode("utf-8").replace("\r\n", "\n")
