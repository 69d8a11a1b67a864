"""TimelineJS (Knight Lab): its JSON, and its Google Sheets template exported as CSV or .xlsx.

Reading: events, the title slide and eras; each event's ``group`` is a lane; media become sources
with a link (caption as title, credit as note); ``unique_id`` is kept as the id when it is one;
HTML in headlines and texts becomes plain text; a ``display_date`` that names an uncertain form of
the date ('around 1950', 'before 2014', written by our export) restores it. Hours and minutes are
dropped (a chronology is kept to the day). Writing: the same shape, for TimelineJS to open.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from ...model.chronology import Chronology
from ...model.dates import PartialDate
from ..nodes import NodeConverter, locate
from ..problems import QT_TRANSLATE_NOOP, Message, Problem, said
from ..yaml_source import parse_text, read_file
from .dates import with_words, ymd_text
from .mapped import Ids, Lanes, Mapped, Positions, drop_empty, http_url, plain_text
from .table import Table

SHEET_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
    "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
    "Background",
)  # fmt: skip
DEFAULT_LANE = "Events"


def looks_like_sheet(header: list[str]) -> bool:
    names = {h.strip().lower() for h in header}
    return {"year", "headline"} <= names and ("end year" in names or "display date" in names)


class _Builder:
    """The intermediate mapping of a TimelineJS timeline, slide by slide."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.pos = Positions()
        self.events: list[dict[str, Any]] = []
        self.eras: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self.lanes = Lanes()
        self.ids, self.era_ids, self.source_ids = Ids(), Ids(), Ids()
        self.chronology: dict[str, Any] = {}

    def title(self, headline: Any, text: Any, at: tuple[int, int]) -> None:
        title, description = plain_text(headline), plain_text(text)
        if title:
            self.chronology = drop_empty({"title": title, "description": description})
            self.pos.put(("chronology",), *at)

    def event(
        self,
        *,
        at: dict[str, tuple[int, int]],
        start: str | None,
        end: str | None,
        headline: Any,
        text: Any,
        group: Any,
        unique_id: Any = "",
        media: dict[str, Any] | None = None,
    ) -> None:
        i = len(self.events)
        title = plain_text(headline)
        ev: dict[str, Any] = {"id": self.ids.make(str(unique_id or "").strip(), title, f"event-{i + 1}")}
        if title:
            ev["title"] = title
        if start is not None:
            ev["start"] = start
        if end is not None:
            ev["end"] = end
        lane = plain_text(group) or DEFAULT_LANE
        ev["category"] = self.lanes.lane(lane)
        description = plain_text(text)
        if description:
            ev["description"] = description
        media = media or {}
        url = str(media.get("url") or "").strip()
        if url.startswith("<"):  # a quotation or embedded markup is content, not a link
            quoted = plain_text(url)
            ev["description"] = f"{ev.get('description', '')}\n\n{quoted}".strip()
            media = {}
        source = self._media(media, ev["id"], at.get("media", at["event"]))
        if source:
            ev["sources"] = [source]
        path = ("events", i)
        self.pos.put(path, *at["event"])
        for key, where in at.items():
            if key != "event":
                self.pos.put((*path, key), *where)
        self.events.append(ev)

    def _media(self, media: dict[str, Any], event_id: str, at: tuple[int, int]) -> str:
        url = str(media.get("url") or "").strip()
        if not url:
            return ""
        caption, credit = plain_text(media.get("caption")), plain_text(media.get("credit"))
        link = http_url(url)
        ident = self.source_ids.make(f"media-{event_id}")
        note = "; ".join(x for x in (credit, "" if link else f"media: {url}") if x)
        self.sources.append(
            drop_empty({"id": ident, "title": caption or credit or "Media", "url": link, "note": note})
        )
        self.pos.put(("sources", len(self.sources) - 1), *at)
        return ident

    def era(
        self, *, at: dict[str, tuple[int, int]], start: str | None, end: str | None, headline: Any, text: Any
    ) -> None:
        i = len(self.eras)
        title = plain_text(headline)
        era: dict[str, Any] = {"id": self.era_ids.make("", title, f"era-{i + 1}")}
        era.update(drop_empty({"title": title, "start": start, "end": end, "description": plain_text(text)}))
        self.pos.put(("eras", i), *at["event"])
        for key, where in at.items():
            if key != "event":
                self.pos.put(("eras", i, key), *where)
        self.eras.append(era)

    def mapped(self, problems: list[Problem]) -> Mapped:
        values: dict[str, Any] = {}
        if self.chronology:
            values["chronology"] = self.chronology
        values["categories"] = self.lanes.values() or []
        if self.sources:
            values["sources"] = self.sources
        if self.eras:
            values["eras"] = self.eras
        values["events"] = self.events
        if not self.lanes.by_name:  # no event: one lane, so that the file is still a chronology
            values["categories"] = []
        return Mapped(self.name, values, self.pos, problems)


# -- JSON --------------------------------------------------------------------------------------------------
def read_json(path: Path, name: str) -> Mapped:
    doc = read_file(path, name)
    text = doc.text
    if text is None:
        return Mapped(name, {}, Positions(), list(doc.problems))
    # JSON is read as YAML (positions, duplicate keys, depth bound): a tab is only ever whitespace
    # between JSON tokens (inside strings it must be escaped), and a space keeps every column
    doc = parse_text(name, text.replace("\t", " "))
    root = doc.compose()
    problems = [_json_words(p) for p in doc.problems]
    if root is None:
        if not problems:
            empty = said(QT_TRANSLATE_NOOP("Problems", "the file is empty: expected a TimelineJS object"))
            problems.append(Problem(name, 1, 1, empty))
        return Mapped(name, {}, Positions(), problems)
    conv = NodeConverter(name, problems)
    data = conv.convert(root)
    for dups in conv.duplicates.values():
        for key, (line, col), (fl, fc) in dups:
            twice = QT_TRANSLATE_NOOP("Problems", "duplicate key '%1' (first written at line %2, column %3)")
            problems.append(Problem(name, line, col, said(twice, key, fl, fc)))
    b = _Builder(name)

    def at(*p: str | int) -> tuple[int, int]:
        return locate(root, p)

    if not isinstance(data, dict):
        problems.append(
            Problem(
                name,
                *at(),
                said(QT_TRANSLATE_NOOP("Problems", 'expected a TimelineJS object ({"events": [...]})')),
            )
        )
        return Mapped(name, {}, Positions(), problems)
    b.pos.put((), *at())
    title = data.get("title")
    if isinstance(title, dict):
        t = _obj(title.get("text"))
        b.title(t.get("headline"), t.get("text"), at("title"))
    events = data.get("events")
    if events is None:
        problems.append(
            Problem(name, *at(), said(QT_TRANSLATE_NOOP("Problems", "a TimelineJS timeline needs 'events'")))
        )
        events = []
    elif not isinstance(events, list):
        problems.append(
            Problem(
                name, *at("events"), said(QT_TRANSLATE_NOOP("Problems", "'events' must be a list of slides"))
            )
        )
        events = []
    for j, ev in enumerate(events):
        p: tuple[str | int, ...] = ("events", j)
        if not isinstance(ev, dict):
            problems.append(
                Problem(
                    name,
                    *at(*p),
                    said(QT_TRANSLATE_NOOP("Problems", "each of 'events' must be an object (a slide)")),
                )
            )
            continue
        start, start_at = _json_date(ev.get("start_date"), ev.get("display_date"), at, (*p, "start_date"))
        end, end_at = _json_date(ev.get("end_date"), None, at, (*p, "end_date"))
        t = _obj(ev.get("text"))
        media = _obj(ev.get("media"))
        where = {"event": at(*p), "start": start_at, "end": end_at, "title": at(*p, "text", "headline")}
        where["category"] = at(*p, "group")
        where["media"] = at(*p, "media")
        if "start_date" not in ev:
            undated = said(
                QT_TRANSLATE_NOOP(
                    "Problems", "the slide has no 'start_date' (only the title slide may go without)"
                )
            )
            problems.append(Problem(name, *at(*p), undated))
            continue
        b.event(
            at=where,
            start=start,
            end=end,
            headline=t.get("headline"),
            text=t.get("text"),
            group=ev.get("group"),
            unique_id=ev.get("unique_id"),
            media=media,
        )
    eras = data.get("eras") or []
    for j, era in enumerate(eras if isinstance(eras, list) else []):
        p = ("eras", j)
        if not isinstance(era, dict):
            problems.append(
                Problem(
                    name, *at(*p), said(QT_TRANSLATE_NOOP("Problems", "each of 'eras' must be an object"))
                )
            )
            continue
        start, start_at = _json_date(era.get("start_date"), None, at, (*p, "start_date"))
        end, end_at = _json_date(era.get("end_date"), None, at, (*p, "end_date"))
        t = _obj(era.get("text"))
        b.era(at={"event": at(*p), "start": start_at, "end": end_at, "title": at(*p, "text", "headline")},
              start=start, end=end, headline=t.get("headline"), text=t.get("text"))  # fmt: skip
    return b.mapped(problems)


def _obj(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def _json_words(p: Problem) -> Problem:
    """The YAML parser's syntax message, said of JSON."""
    m = p.text
    if isinstance(m, Message) and m.template == "YAML syntax: %1":
        return Problem(
            p.file, p.line, p.column, said(QT_TRANSLATE_NOOP("Problems", "JSON syntax: %1"), *m.args)
        )
    if isinstance(m, Message) and m.template == "YAML syntax: %1 (%2)":
        return Problem(
            p.file, p.line, p.column, said(QT_TRANSLATE_NOOP("Problems", "JSON syntax: %1 (%2)"), *m.args)
        )
    return p


def _json_date(d: Any, display: Any, at: Any, p: tuple[str | int, ...]) -> tuple[str | None, tuple[int, int]]:
    if not isinstance(d, dict):
        return (None if d is None else str(d)), at(*p)
    text = ymd_text(d.get("year"), d.get("month"), d.get("day"))
    return with_words(text, d.get("display_date") or display), at(*p, "year")


# -- the spreadsheet template ------------------------------------------------------------------------------
def read_sheet(table: Table) -> Mapped:
    b = _Builder(table.name)
    problems = list(table.problems)
    col = {h.strip().lower(): k for k, h in enumerate(table.header)}
    b.pos.put((), 1, 1)

    def cell(row: list[Any], key: str) -> Any:
        k = col.get(key.lower())
        return row[k] if k is not None and k < len(row) else None

    def where(r: int, key: str) -> tuple[int, int]:
        return (r, col.get(key.lower(), 0) + 1)

    for r, row in table.rows:
        if all(v is None or str(v).strip() == "" for v in row):
            continue
        kind = str(cell(row, "Type") or "").strip().lower()
        start = with_words(
            ymd_text(cell(row, "Year"), cell(row, "Month"), cell(row, "Day")), cell(row, "Display Date")
        )
        end = ymd_text(cell(row, "End Year"), cell(row, "End Month"), cell(row, "End Day"))
        at = {
            "event": (r, 1),
            "start": where(r, "Year"),
            "end": where(r, "End Year"),
            "title": where(r, "Headline"),
        }
        if kind == "title":
            b.title(cell(row, "Headline"), cell(row, "Text"), (r, 1))
            continue
        if kind == "era":
            b.era(at=at, start=start, end=end, headline=cell(row, "Headline"), text=cell(row, "Text"))
            continue
        at["category"] = where(r, "Group")
        at["media"] = where(r, "Media")
        media = {
            "url": cell(row, "Media"),
            "caption": cell(row, "Media Caption"),
            "credit": cell(row, "Media Credit"),
        }
        b.event(at=at, start=start, end=end, headline=cell(row, "Headline"), text=cell(row, "Text"),
                group=cell(row, "Group"), media=media)  # fmt: skip
    return b.mapped(problems)


# -- writing -----------------------------------------------------------------------------------------------
def _date(d: PartialDate) -> dict[str, Any]:
    plain = d.plain()
    out: dict[str, Any] = {"year": str(plain.year if plain.year > 0 else plain.year - 1)}
    if plain.month is not None:
        out["month"] = str(plain.month)
    if plain.day is not None:
        out["day"] = str(plain.day)
    if not d.is_plain:
        out["display_date"] = d.words()
    return out


def _html(text: str) -> str:
    """Text as TimelineJS shows it: its headlines and texts are HTML, so '<' and '&' are escaped
    and line breaks written as <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def to_timelinejs(c: Chronology) -> dict[str, Any]:
    """The chronology as TimelineJS JSON: what TimelineJS can show of it. Lanes become groups
    (by name), the first source with a link becomes the media, uncertain dates keep their words in
    ``display_date``. Colours, places, tags, figures and indicators have no place there."""
    lanes = {k.id: k.name for k in c.categories}
    events = []
    for e in c.events:
        ev: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _date(e.start),
            "text": {"headline": _html(e.title), "text": _html(e.description)},
            "group": _html(lanes.get(e.category, e.category)),
        }
        if e.end is not None:
            ev["end_date"] = _date(e.end)
        for ref in e.sources:
            s = c.source(ref.source)
            if s is not None and s.url:
                ev["media"] = {"url": s.url, "caption": _html(s.title), "credit": _html(s.note)}
                break
        events.append(ev)
    out: dict[str, Any] = {
        "title": {"text": {"headline": _html(c.title), "text": _html(c.description)}},
        "events": events,
    }
    if c.eras:
        out["eras"] = [
            {
                "start_date": _date(a.start),
                "end_date": _date(a.end),
                "text": {"headline": _html(a.title), "text": _html(a.description)},
            }
            for a in c.eras
        ]
    return out


def write_json(c: Chronology) -> str:
    return json.dumps(to_timelinejs(c), ensure_ascii=False, indent=2) + "\n"
