"""Writing a chronology out: a documented, stable JSON shape, and CSV tables of events or points.

The JSON shape (``"format": "timeline-app/1"``) is described in docs/FORMAT.md, "Export". Fields are
only ever added to it, never renamed or removed, within one format version.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model.chronology import Chronology, Event, Figure, Indicator, IndicatorPoint, Source, SourceRef, Tour
from ..model.dates import PartialDate
from ..model.languages import Texts

FORMAT_VERSION = "timeline-app/1"


def _date(d: PartialDate | None) -> str | None:
    return None if d is None else d.iso()


def _ref(r: SourceRef | None) -> dict[str, str] | None:
    return None if r is None else {"id": r.source, "at": r.locator}


def _figure(f: Figure) -> dict[str, Any]:
    return {
        "label": f.label,
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "source": _ref(f.source),
    }


def event_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "start": e.start.iso(),
        "end": _date(e.end),
        "ongoing": e.ongoing,
        "precision": e.start.precision.word,
        "end_precision": e.end.precision.word if e.end is not None else None,
        "approximate": e.approximate,
        "importance": e.importance,
        "category": e.category,
        "places": list(e.places),
        "tags": list(e.tags),
        "description": e.description,
        "figures": [_figure(f) for f in e.figures],
        "sources": [_ref(s) for s in e.sources],
        "related": list(e.related),
        "indicators": list(e.indicators),
    }


def _point(p: IndicatorPoint) -> dict[str, Any]:
    return {
        "date": p.date.iso(),
        "precision": p.date.precision.word,
        "value": p.value,
        "derived": p.is_derived,
        "derivation": p.derived or None,
        "approximate": p.approximate,
        "source": _ref(p.source),
        "note": p.note,
    }


def indicator_dict(i: Indicator) -> dict[str, Any]:
    return {
        "id": i.id,
        "name": i.name,
        "unit": i.unit,
        "region": i.region or None,
        "description": i.description,
        "points": [_point(p) for p in i.points],
    }


def source_dict(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "date": _date(s.date),
        "page": s.page,
        "url": s.url,
        "note": s.note,
    }


Languages = dict[str, dict[str, str]]
"""A record's fields written in languages: field -> language -> text (``{"title": {"en": ..., "zh": ...},
"places.0": {...}}``); empty when every field is a plain string."""


def _by_record(texts: Texts) -> dict[tuple[str, str], Languages]:
    out: dict[tuple[str, str], Languages] = {}
    for (kind, ident, name), langs in texts.items():
        out.setdefault((kind, ident), {})[name] = dict(langs)
    return out


def to_dict(c: Chronology) -> dict[str, Any]:
    """The export's shape (docs/FORMAT.md, "Export"). Each record's ``texts`` holds the fields
    written in several languages; the record's own fields hold the text of :attr:`language`
    (English unless the chronology was localized)."""
    langs = _by_record(c.texts)
    none: Languages = {}

    def with_texts(kind: str, ident: str, record: dict[str, Any]) -> dict[str, Any]:
        record["texts"] = langs.get((kind, ident), none)
        return record

    out = _dict(c)
    out["texts"] = langs.get(("chronology", ""), none)
    for key, kind in (("categories", "category"), ("eras", "era"), ("events", "event"),
                      ("indicators", "indicator"), ("sources", "source"), ("tours", "tour")):  # fmt: skip
        out[key] = [with_texts(kind, r["id"], r) for r in out[key]]
    return out


def _dict(c: Chronology) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "title": c.title,
        "description": c.description,
        "categories": [
            {"id": k.id, "name": k.name, "color": k.color, "order": k.order, "description": k.description}
            for k in c.categories
        ],
        "eras": [
            {
                "id": e.id,
                "title": e.title,
                "start": e.start.iso(),
                "end": e.end.iso(),
                "color": e.color or None,
                "description": e.description,
            }
            for e in c.eras
        ],
        "events": [event_dict(e) for e in c.events],
        "indicators": [indicator_dict(i) for i in c.indicators],
        "sources": [source_dict(s) for s in c.sources],
        "tours": [tour_dict(t) for t in c.tours],
    }


def tour_dict(t: Tour) -> dict[str, Any]:
    """A tour as the export writes it: its stops in order, dates as written, ``plots`` null when
    the stop leaves the default plots."""
    stops = [
        {
            "text": s.text,
            "title": s.title,
            "event": s.event,
            "start": s.start.iso() if s.start else None,
            "end": s.end.iso() if s.end else None,
            "lanes": list(s.lanes),
            "plots": None if s.plots is None else list(s.plots),
        }
        for s in t.stops
    ]
    return {"id": t.id, "title": t.title, "description": t.description, "stops": stops}


def to_json(c: Chronology, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(c), ensure_ascii=False, indent=indent) + "\n"


EVENT_COLUMNS = [
    "id", "title", "start", "end", "ongoing", "precision", "approximate", "importance", "category",
    "places", "tags", "description", "sources", "title_en", "title_zh", "description_en", "description_zh",
]  # fmt: skip
POINT_COLUMNS = [
    "indicator", "name", "unit", "region", "date", "precision", "value", "derived", "derivation",
    "approximate", "source", "at",
]  # fmt: skip


def events_csv(c: Chronology) -> str:
    """One row per event; lists are joined with '; '."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(EVENT_COLUMNS)
    langs = c.texts
    for e in c.events:
        title = dict(langs.get(("event", e.id, "title"), ()))
        described = dict(langs.get(("event", e.id, "description"), ()))
        w.writerow(
            [
                e.id,
                e.title,
                e.start.iso(),
                _date(e.end) or "",
                "true" if e.ongoing else "false",
                e.start.precision.word,
                "true" if e.approximate else "false",
                e.importance,
                e.category,
                "; ".join(e.places),
                "; ".join(e.tags),
                e.description,
                "; ".join(s.source for s in e.sources),
                title.get("en", ""),
                title.get("zh", ""),
                described.get("en", ""),
                described.get("zh", ""),
            ]
        )
    return out.getvalue()


def points_csv(c: Chronology) -> str:
    """One row per indicator point."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(POINT_COLUMNS)
    for i in c.indicators:
        for p in i.points:
            w.writerow(
                [
                    i.id,
                    i.name,
                    i.unit,
                    i.region,
                    p.date.iso(),
                    p.date.precision.word,
                    repr(p.value) if not float(p.value).is_integer() else str(int(p.value)),
                    "true" if p.is_derived else "false",
                    p.derived,
                    "true" if p.approximate else "false",
                    p.source.source if p.source else "",
                    p.source.locator if p.source else "",
                ]
            )
    return out.getvalue()
