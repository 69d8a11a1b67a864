"""Timeline (thetimelineproj) ``.timeline`` files: its XML, as its own exporter writes it.

Categories keep their colours; a sub-category's lane is named by its whole path ('Work › Travel'),
since lanes do not nest. Events keep their text, description, category (the others of
``<categories>`` and the ``labels`` become tags), hyperlink (a source); ``fuzzy`` makes the dates
approximate (EDTF ``~``), ``locked`` and ``milestone`` become tags, ``ends_today`` makes the event
ongoing. A container (text ``[1]Name``) is a span tagged ``container``; its sub-events (text
``(1)Name``) are related to it. Eras keep their colours. Times of day are dropped.

The XML is parsed by expat through defusedxml: a DTD, entities and anything external are refused,
so nothing in the file is expanded or fetched. Positions are expat's (``file:line:column``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from ...text import format_count
from .. import limits
from ..problems import QT_TRANSLATE_NOOP, Problem, said
from .mapped import Ids, Lanes, Mapped, Positions, check_size, drop_empty, http_url, texts

_TIME = re.compile(r"^\s*(-?\d{1,6})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{1,2}(?::\d{1,2})?)?\s*$")
_CONTAINER = re.compile(r"^\[(\d+)\](.*)$", re.S)
_SUBEVENT = re.compile(r"^\((\d+)\)(.*)$", re.S)
DEFAULT_LANE = "Events"


@dataclass
class _El:
    tag: str
    line: int
    column: int
    text: str = ""
    children: list[_El] = field(default_factory=list)

    def child(self, tag: str) -> _El | None:
        return next((c for c in self.children if c.tag == tag), None)

    def value(self, tag: str) -> str | None:
        c = self.child(tag)
        return None if c is None else c.text.strip()

    def at(self, tag: str) -> tuple[int, int]:
        c = self.child(tag)
        return (self.line, self.column) if c is None else (c.line, c.column)


class _TooBig(Exception):
    pass


class _Tree(ContentHandler):
    def __init__(self, name: str, problems: list[Problem]) -> None:
        super().__init__()
        self.name, self.problems = name, problems
        self.stack: list[_El] = []
        self.root: _El | None = None
        self.count = 0
        self._locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs: Any) -> None:
        line = self._locator.getLineNumber() if self._locator else 1
        col = (self._locator.getColumnNumber() if self._locator else 0) + 1
        self.count += 1
        if len(self.stack) >= limits.MAX_DEPTH or self.count > limits.MAX_NODES_PER_FILE:
            what = (
                said(
                    QT_TRANSLATE_NOOP("Problems", "nested too deeply: more than %1 levels of elements"),
                    limits.MAX_DEPTH,
                )
                if len(self.stack) >= limits.MAX_DEPTH
                else said(
                    QT_TRANSLATE_NOOP("Problems", "more than %1 elements"),
                    format_count(limits.MAX_NODES_PER_FILE),
                )
            )
            self.problems.append(Problem(self.name, line, col, what))
            raise _TooBig
        el = _El(name, line, col)
        if self.stack:
            self.stack[-1].children.append(el)
        else:
            self.root = el
        self.stack.append(el)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            el = self.stack[-1]
            if len(el.text) <= limits.MAX_SCALAR_CHARS:
                el.text += content


def _parse(path: Path, name: str) -> tuple[_El | None, list[Problem]]:
    import defusedxml.sax
    from defusedxml import DefusedXmlException

    problems: list[Problem] = []
    big = check_size(path, name)
    if big is not None:
        return None, [big]
    data = path.read_bytes()
    tree = _Tree(name, problems)
    try:
        defusedxml.sax.parseString(data, tree, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except SAXParseException as exc:
        problems.append(
            Problem(
                name,
                exc.getLineNumber() or 1,
                (exc.getColumnNumber() or 0) + 1,
                said(QT_TRANSLATE_NOOP("Problems", "XML syntax: %1"), exc.getMessage()),
            )
        )
        return None, problems
    except DefusedXmlException as exc:
        head = data[: 1 << 20]
        mark = b"<!ENTITY" if b"<!ENTITY" in head else b"<!DOCTYPE"
        line = head[: head.find(mark)].count(b"\n") + 1 if mark in head else 1
        problems.append(
            Problem(
                name,
                line,
                1,
                said(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "the file declares a DTD or entities (%1): "
                        "refused, nothing in a file is expanded or fetched",
                    ),
                    type(exc).__name__,
                ),
            )
        )
        return None, problems
    except _TooBig:
        return None, problems
    return tree.root, problems


def _day(text: str | None) -> str | None:
    """'2012-07-04 13:20:00' -> '2012-07-04'; astronomical years (0, -43) become BCE; anything else
    is passed on as written, for the loader to say what is wrong with it."""
    if text is None:
        return None
    m = _TIME.match(text)
    if m is None:
        return text.strip()
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    return f"{y:04d}-{mo:02d}-{d:02d}" if y > 0 else f"{1 - y}-{mo:02d}-{d:02d} BCE"


def _color(text: str | None) -> str:
    if not text:
        return ""
    parts = text.split(",")
    try:
        rgb = [int(p) for p in parts]
    except ValueError:
        return text.strip()
    if len(rgb) != 3 or not all(0 <= v <= 255 for v in rgb):
        return text.strip()
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _true(text: str | None) -> bool:
    return (text or "").strip().lower() == "true"


def _fuzzy(date: str | None, on: bool) -> str | None:
    if (
        not on
        or date is None
        or date[-1:] in ("~", "?", "%")
        or not _TIME.match(date.removesuffix(" BCE") + "")
    ):
        return date
    return f"{date}~"


def read_timeline(path: Path, name: str) -> Mapped:
    root, problems = _parse(path, name)
    pos = Positions()
    pos.put((), 1, 1)
    if root is None:
        return Mapped(name, {}, pos, problems)
    if root.tag != "timeline":
        problems.append(
            Problem(
                name,
                root.line,
                root.column,
                said(QT_TRANSLATE_NOOP("Problems", "expected a <timeline> document, found <%1>"), root.tag),
            )
        )
        return Mapped(name, {}, pos, problems)
    timetype = root.value("timetype")
    if timetype and timetype != "gregoriantime":
        line, col = root.at("timetype")
        problems.append(
            Problem(
                name,
                line,
                col,
                said(
                    QT_TRANSLATE_NOOP("Problems", "only Gregorian time is read; this timeline counts in %1"),
                    timetype,
                ),
            )
        )
        return Mapped(name, {}, pos, problems)

    # categories: nesting flattened, the path kept in the lane's name
    cats = root.child("categories")
    by_name: dict[str, _El] = {}
    for c in cats.children if cats else []:
        if c.tag == "category" and c.value("name"):
            by_name.setdefault(c.value("name") or "", c)

    def cat_path(cname: str) -> list[str]:
        out, seen = [cname], {cname}
        parent = by_name[cname].value("parent") if cname in by_name else None
        while parent and parent not in seen and parent in by_name:
            out.insert(0, parent)
            seen.add(parent)
            parent = by_name[parent].value("parent")
        return out

    lanes = Lanes()
    lane_of: dict[str, str] = {}
    categories_at: dict[str, tuple[int, int]] = {}
    for cname, c in by_name.items():
        path_ = cat_path(cname)
        label = " › ".join(path_)
        description = f"Sub-category of {' › '.join(path_[:-1])} in Timeline" if len(path_) > 1 else ""
        lane_of[cname] = lanes.lane(label, _color(c.value("color")), description)
        categories_at[label] = c.at("color")

    events: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    ids = Ids()
    containers: dict[str, str] = {}
    evs = root.child("events")
    pending: list[tuple[dict[str, Any], _El, str | None]] = []
    for el in evs.children if evs else []:
        if el.tag != "event":
            continue
        text = (el.value("text") or "").strip()
        container = sub = None
        m = _CONTAINER.match(text)
        if m:
            container, text = m[1], m[2].strip()
        else:
            m = _SUBEVENT.match(text)
            if m:
                sub, text = m[1], m[2].strip()
        i = len(events)
        ev: dict[str, Any] = {"id": ids.make("", text, f"event-{i + 1}")}
        if text:
            ev["title"] = text
        fuzzy = _true(el.value("fuzzy"))
        start = _fuzzy(_day(el.value("start")), fuzzy or _true(el.value("fuzzy_start")))
        end = _fuzzy(_day(el.value("end")), fuzzy or _true(el.value("fuzzy_end")))
        if start is not None:
            ev["start"] = start
        if _true(el.value("ends_today")):
            ev["ongoing"] = True
        elif end is not None and end.rstrip("~") != (start or "").rstrip("~"):
            ev["end"] = end
        own = el.value("category") or ""
        ev["category"] = lane_of[own] if own in lane_of else lanes.lane(own or DEFAULT_LANE)
        tags: list[str] = []
        extra = el.child("categories")
        tags += [
            c.text.strip()
            for c in (extra.children if extra else [])
            if c.text.strip() and c.text.strip() != own
        ]
        tags += texts((el.value("labels") or "").split(","))
        for flag in ("locked", "milestone"):
            if _true(el.value(flag)):
                tags.append(flag)
        if container is not None:
            tags.append("container")
            containers[container] = ev["id"]
        if tags:
            ev["tags"] = list(dict.fromkeys(tags))
        description = el.value("description") or ""
        if description:
            ev["description"] = description
        link = el.value("hyperlink")
        if link:
            url = http_url(link.split(";")[0])
            sid = f"link-{ev['id']}"
            sources.append(
                drop_empty({"id": sid, "title": text or link, "url": url, "note": "" if url else link})
            )
            pos.put(("sources", len(sources) - 1), *el.at("hyperlink"))
            ev["sources"] = [sid]
        path_e = ("events", i)
        pos.put(path_e, el.line, el.column)
        for key, tag in (("start", "start"), ("end", "end"), ("title", "text"), ("category", "category"),
                         ("description", "description"), ("related", "text")):  # fmt: skip
            pos.put((*path_e, key), *el.at(tag))
        events.append(ev)
        pending.append((ev, el, sub))
    for ev, el, sub in pending:
        if sub is not None:
            target = containers.get(sub)
            if target is None:
                line, col = el.at("text")
                problems.append(
                    Problem(
                        name,
                        line,
                        col,
                        said(
                            QT_TRANSLATE_NOOP(
                                "Problems", "sub-event of container [%1], which the file does not have"
                            ),
                            sub,
                        ),
                    )
                )
            elif target != ev["id"]:
                ev["related"] = [target]

    eras: list[dict[str, Any]] = []
    era_ids = Ids()
    eras_el = root.child("eras")
    for el in eras_el.children if eras_el else []:
        if el.tag != "era":
            continue
        title = el.value("name") or ""
        era: dict[str, Any] = {"id": era_ids.make("", title, f"era-{len(eras) + 1}")}
        era.update(
            drop_empty({"title": title, "start": _day(el.value("start")), "color": _color(el.value("color"))})
        )
        if _true(el.value("ends_today")):
            import datetime as dt

            era["end"] = dt.date.today().isoformat()
        elif el.value("end") is not None:
            era["end"] = _day(el.value("end"))
        k = len(eras)
        pos.put(("eras", k), el.line, el.column)
        for key in ("start", "end", "color"):
            pos.put(("eras", k, key), *el.at(key))
        pos.put(("eras", k, "title"), *el.at("name"))
        eras.append(era)

    for k, lane in enumerate(lanes.values()):
        pos.put(("categories", k), *categories_at.get(lane["name"], (1, 1)))
        pos.put(("categories", k, "color"), *categories_at.get(lane["name"], (1, 1)))
    values: dict[str, Any] = {
        "chronology": {"title": path.stem},
        "categories": lanes.values(),
        "events": events,
    }
    if eras:
        values["eras"] = eras
    if sources:
        values["sources"] = sources
    return Mapped(name, values, pos, problems)
