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


def _ref(r: SourceRef) -> str:
    if not r.locator:
        return scalar(r.source)
    return "{ id: " + scalar(r.source) + ", at: " + scalar(r.locator) + " }"


def _event(e: Event) -> list[str]:
    out = [f"  - id: {scalar(e.id)}", f"    title: {scalar(e.title)}", f"    start: {e.start.iso()}"]
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
        out.append(f"    places: {_flow(e.places)}")
    if e.tags:
        out.append(f"    tags: {_flow(e.tags)}")
    if e.description:
        out.append(f"    description: {_block(e.description, '    ')}")
    if e.figures:
        out.append("    figures:")
        for f in e.figures:
            out.append(f"      - label: {scalar(f.label)}")
            value = int(f.value) if f.value.is_integer() else f.value
            out.append(f"        value: {value!r}")
            out.append(f"        unit: {scalar(f.unit)}")
            if f.qualifier:
                out.append(f"        qualifier: {scalar(f.qualifier)}")
            if f.source is not None:
                out.append(f"        source: {_ref(f.source)}")
    if e.sources:
        out.append("    sources:")
        out.extend(f"      - {_ref(r)}" for r in e.sources)
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
    out = [_schema_line(target), ""]
    out.append("chronology:")
    out.append(f"  title: {scalar(c.title or 'Chronology')}")
    if c.description:
        out.append(f"  description: {_block(c.description, '  ')}")
    if c.sources:
        out += ["", "sources:"]
        for s in c.sources:
            out.append(f"  - id: {scalar(s.id)}")
            out.append(f"    title: {scalar(s.title)}")
            for key in ("publisher", "page", "url", "note"):
                v = getattr(s, key)
                if v:
                    out.append(f"    {key}: {scalar(v)}")
            if s.date is not None:
                out.append(f"    date: {s.date.iso()}")
    out += ["", "categories:"]
    for k in c.categories:
        out.append(f"  - id: {scalar(k.id)}")
        out.append(f"    name: {scalar(k.name)}")
        out.append(f'    color: "{k.color}"')
        out.append(f"    order: {k.order}")
        if k.description:
            out.append(f"    description: {scalar(k.description)}")
    if c.eras:
        out += ["", "eras:"]
        for a in c.eras:
            out.append(f"  - id: {scalar(a.id)}")
            out.append(f"    title: {scalar(a.title)}")
            out.append(f"    start: {a.start.iso()}")
            out.append(f"    end: {a.end.iso()}")
            if a.color:
                out.append(f'    color: "{a.color}"')
            if a.description:
                out.append(f"    description: {_block(a.description, '    ')}")
    out += ["", "events:"]
    first = True
    for e in c.events:
        if not first:
            out.append("")
        first = False
        out.extend(_event(e))
    if c.indicators:
        out += ["", "indicators:"]
        for ind in c.indicators:
            out.append(f"  - id: {scalar(ind.id)}")
            out.append(f"    name: {scalar(ind.name)}")
            out.append(f"    unit: {scalar(ind.unit)}")
            if ind.region:
                out.append(f"    region: {scalar(ind.region)}")
            if ind.description:
                out.append(f"    description: {scalar(ind.description)}")
            out.append("    points:")
            for p in ind.points:
                v = int(p.value) if p.value.is_integer() else p.value
                fields = [f"date: {p.date.iso()}", f"value: {v!r}"]
                if p.source is not None:
                    fields.append(f"source: {_ref(p.source)}")
                if p.derived:
                    fields.append(f"derived: {scalar(p.derived)}")
                if p.approximate:
                    fields.append("approximate: true")
                if p.note:
                    fields.append(f"note: {scalar(p.note)}")
                out.append("      - { " + ", ".join(fields) + " }")
    return "\n".join(out) + "\n"
