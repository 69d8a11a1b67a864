"""A chronology written as one of our YAML files, in the style of the shipped ones: the schema
line first, then ``chronology``, ``sources``, ``categories``, ``eras``, ``events``, ``indicators``;
one block mapping per item, short lists in flow style, dates as written (EDTF included)."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import yaml

from ...model.chronology import IMPORTANCE, Chronology, Event, SourceRef
from ...model.languages import TextKey, Texts
from ...model.records import Tour
from ...paths import schema_path

_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9(][^\n\t#,\[\]{}\u2028\u2029\x85]*$")
_NUMBERISH = re.compile(
    r"^[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?$|^0[xXoObB][0-9a-fA-F_]+$|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$"
)
_ODD = ("\t", "\r", "\u2028", "\u2029", "\x85", "\ufeff")


def scalar(text: str) -> str:
    """A text as a YAML scalar that reads back as the same text, in a block or a flow collection:
    plain where that is plainly safe (no indicator, and YAML reads it back as this text), quoted
    otherwise (PyYAML decides how)."""
    if _NUMBERISH.match(text):  # YAML 1.2 readers (editors) take 1e3 or 0x1F for numbers
        return "'" + text + "'"
    if (
        _PLAIN_SAFE.match(text)
        and text == text.strip()
        and ": " not in text
        and not text.endswith(":")
        and yaml.safe_load(text) == text
    ):
        return text
    out = yaml.safe_dump([text], allow_unicode=True, width=1 << 30, default_flow_style=True)
    return out.strip()[1:-1]


def _wrap(paragraph: str, width: int = 96) -> list[str]:
    """Lines of at most ``width`` characters, broken only at single spaces (a folded scalar turns
    each break back into one space)."""
    words = paragraph.split(" ")
    lines: list[str] = []
    line = words[0]
    for prev, word in itertools.pairwise(words):
        if word and prev and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}"
    lines.append(line)
    return lines


def _block(text: str, indent: str) -> str:
    """A long or multi-line text folded over lines at the indentation, as the shipped files write
    descriptions (``>-``); a short one, or one folding cannot say exactly, as one scalar."""
    parts = text.split("\n")
    foldable = (
        text == text.strip() and not any(c in text for c in _ODD) and all(p == p.strip(" ") for p in parts)
    )
    if not foldable or (len(parts) == 1 and len(text) < 90):
        return scalar(text)
    lines: list[str] = []
    for k, part in enumerate(parts):
        if k:
            lines.append("")
        if part:
            lines.extend(_wrap(part))
    return ">-\n" + "\n".join(f"{indent}  {x}" if x else "" for x in lines)


def _flow(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(scalar(x) for x in items) + "]"


class _Texts:
    """Writes a text field as a plain scalar, or, where the chronology has it in languages, as
    one text per language (``{en: ..., zh: ...}``, or a block of them for long texts)."""

    def __init__(self, texts: Texts) -> None:
        self.texts = texts

    def value(self, key: TextKey, text: str, indent: str, *, block: bool = False) -> str:
        """What follows ``key:`` (a leading space, or a line break and an indented block)."""
        langs = self.texts.get(key)
        if not langs:
            return " " + (_block(text, indent) if block else scalar(text))
        inner = indent + "  "
        return "".join(f"\n{inner}{lang}: {_block(t, inner) if block else scalar(t)}" for lang, t in langs)

    def flow(self, key: TextKey, text: str) -> str:
        langs = self.texts.get(key)
        if not langs:
            return scalar(text)
        return "{" + ", ".join(f"{lang}: {scalar(t)}" for lang, t in langs) + "}"

    def items(self, e: Event, name: str, values: tuple[str, ...]) -> str:
        """A list of texts (places, tags), each one plain or in languages."""
        items = (self.flow(("event", e.id, f"{name}.{k}"), v) for k, v in enumerate(values))
        return "[" + ", ".join(items) + "]"

    def ref(self, r: SourceRef, key: TextKey) -> str:
        """A source reference; its ``at`` in languages where it has them (under ``key``)."""
        if not r.locator:
            return scalar(r.source)
        return "{ id: " + scalar(r.source) + ", at: " + self.flow(key, r.locator) + " }"


def _event(e: Event, t: _Texts) -> list[str]:
    own = ("event", e.id)
    title = t.value((*own, "title"), e.title, "    ")
    out = [f"  - id: {scalar(e.id)}", f"    title:{title}", f"    start: {e.start.iso()}"]
    if e.end is not None:
        out.append(f"    end: {e.end.iso()}")
    if e.ongoing:
        out.append("    ongoing: true")
    if e.approximate:
        out.append("    approximate: true")
    out.append(f"    category: {scalar(e.category)}")
    if e.importance != IMPORTANCE[0]:
        out.append(f"    importance: {e.importance}")
    if e.places:
        out.append(f"    places: {t.items(e, 'places', e.places)}")
    if e.tags:
        out.append(f"    tags: {t.items(e, 'tags', e.tags)}")
    if e.description:
        described = t.value((*own, "description"), e.description, "    ", block=True)
        out.append(f"    description:{described}")
    if e.figures:
        out.append("    figures:")
        for n, f in enumerate(e.figures):
            out.append(f"      - label:{t.value((*own, f'figures.{n}.label'), f.label, '        ')}")
            value = int(f.value) if f.value.is_integer() else f.value
            out.append(f"        value: {value!r}")
            out.append(f"        unit:{t.value((*own, f'figures.{n}.unit'), f.unit, '        ')}")
            if f.qualifier:
                qualifier = t.value((*own, f"figures.{n}.qualifier"), f.qualifier, "        ")
                out.append(f"        qualifier:{qualifier}")
            if f.source is not None:
                out.append(f"        source: {t.ref(f.source, (*own, f'figures.{n}.source.at'))}")
    if e.sources:
        out.append("    sources:")
        out.extend(f"      - {t.ref(r, (*own, f'sources.{k}.at'))}" for k, r in enumerate(e.sources))
    if e.related:
        out.append(f"    related: {_flow(e.related)}")
    if e.indicators:
        out.append(f"    indicators: {_flow(e.indicators)}")
    return out


def _schema_line(target: Path | None) -> str:
    schema = schema_path().resolve()
    ref = str(schema)
    if target is not None:
        folder = Path(target).resolve().parent
        try:
            if os.path.commonpath([schema, folder]) != folder.anchor:  # the same tree: relative
                ref = os.path.relpath(schema, folder)
        except ValueError:  # another drive
            pass
    return f"# yaml-language-server: $schema={Path(ref).as_posix()}"


def write_yaml(c: Chronology, target: Path | None = None) -> str:
    """The chronology as one YAML file; ``target`` (where it will be written) makes the schema
    line relative, as in the shipped files."""
    t = _Texts(c.texts)
    out = [_schema_line(target), ""]
    out.append("chronology:")
    out.append(f"  title:{t.value(('chronology', '', 'title'), c.title or 'Chronology', '  ')}")
    if c.description:
        described = t.value(("chronology", "", "description"), c.description, "  ", block=True)
        out.append(f"  description:{described}")
    if c.sources:
        out += ["", "sources:"]
        for s in c.sources:
            out.append(f"  - id: {scalar(s.id)}")
            out.append(f"    title:{t.value(('source', s.id, 'title'), s.title, '    ')}")
            for key in ("publisher", "page", "url", "note"):
                v = getattr(s, key)
                if v:
                    out.append(f"    {key}:{t.value(('source', s.id, key), v, '    ')}")
            if s.date is not None:
                out.append(f"    date: {s.date.iso()}")
    out += ["", "categories:"]
    for k in c.categories:
        out.append(f"  - id: {scalar(k.id)}")
        out.append(f"    name:{t.value(('category', k.id, 'name'), k.name, '    ')}")
        out.append(f'    color: "{k.color}"')
        out.append(f"    order: {k.order}")
        if k.description:
            described = t.value(("category", k.id, "description"), k.description, "    ")
            out.append(f"    description:{described}")
    if c.eras:
        out += ["", "eras:"]
        for a in c.eras:
            out.append(f"  - id: {scalar(a.id)}")
            out.append(f"    title:{t.value(('era', a.id, 'title'), a.title, '    ')}")
            out.append(f"    start: {a.start.iso()}")
            out.append(f"    end: {a.end.iso()}")
            if a.color:
                out.append(f'    color: "{a.color}"')
            if a.description:
                described = t.value(("era", a.id, "description"), a.description, "    ", block=True)
                out.append(f"    description:{described}")
    out += ["", "events:"]
    first = True
    for e in c.events:
        if not first:
            out.append("")
        first = False
        out.extend(_event(e, t))
    if c.indicators:
        out += ["", "indicators:"]
        for ind in c.indicators:
            out.append(f"  - id: {scalar(ind.id)}")
            for key in ("name", "unit", "region", "description"):
                v = getattr(ind, key)
                if v:
                    out.append(f"    {key}:{t.value(('indicator', ind.id, key), v, '    ')}")
            out.append("    points:")
            for p in ind.points:
                v = int(p.value) if p.value.is_integer() else p.value
                fields = [f"date: {p.date.iso()}", f"value: {v!r}"]
                at = ("indicator", ind.id, f"points.{p.date.iso()}.")
                if p.source is not None:
                    fields.append(f"source: {t.ref(p.source, (at[0], at[1], at[2] + 'source.at'))}")
                if p.derived:
                    fields.append(f"derived: {t.flow((at[0], at[1], at[2] + 'derived'), p.derived)}")
                if p.approximate:
                    fields.append("approximate: true")
                if p.note:
                    fields.append(f"note: {t.flow((at[0], at[1], at[2] + 'note'), p.note)}")
                out.append("      - { " + ", ".join(fields) + " }")
    if c.tours:
        out += ["", "tours:"]
        for tour in c.tours:
            out.extend(_tour(tour, t))
    return "\n".join(out) + "\n"


def _tour(tour: Tour, t: _Texts) -> list[str]:
    own = ("tour", tour.id)
    out = [f"  - id: {scalar(tour.id)}", f"    title:{t.value((*own, 'title'), tour.title, '    ')}"]
    if tour.description:
        out.append(f"    description:{t.value((*own, 'description'), tour.description, '    ', block=True)}")
    out.append("    stops:")
    for k, stop in enumerate(tour.stops):
        lines = []
        if stop.event is not None:
            lines.append(f"event: {scalar(stop.event)}")
        if stop.title:
            lines.append(f"title:{t.value((*own, f'stops.{k}.title'), stop.title, '        ')}")
        if stop.start is not None:
            lines.append(f"start: {stop.start.iso()}")
        if stop.end is not None:
            lines.append(f"end: {stop.end.iso()}")
        if stop.lanes:
            lines.append(f"lanes: {_flow(stop.lanes)}")
        if stop.plots is not None:
            lines.append(f"plots: {_flow(stop.plots)}")
        lines.append(f"text:{t.value((*own, f'stops.{k}.text'), stop.text, '        ', block=True)}")
        out.append(f"      - {lines[0]}")
        out.extend(f"        {line}" for line in lines[1:])
    return out
