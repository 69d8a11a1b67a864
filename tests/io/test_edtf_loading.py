"""EDTF dates in a chronology file: loaded on both paths, kept by the cache and the exports."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import pytest

from timeline_app.io import ChronologyError, load_chronology
from timeline_app.io import cache as cache_module
from timeline_app.io.export import events_csv, to_json
from timeline_app.io.loader import build_chronology
from timeline_app.io.yaml_source import parse_text

TEXT = """\
categories:
  - {id: plan, name: Planning, color: "#4e79a7"}
eras:
  - {id: decade, title: A decade, start: 201X, end: 2024~}
events:
  - {id: a, title: Around, start: 2014~, category: plan}
  - {id: b, title: Uncertain, start: 2014?, category: plan}
  - {id: c, title: Both, start: 2014%, category: plan}
  - {id: d, title: Decade, start: 201X, category: plan}
  - {id: e, title: Month not given, start: 2014-XX, category: plan}
  - {id: f, title: Before, start: ../2014, category: plan}
  - {id: g, title: After, start: 2014/.., category: plan}
  - {id: h, title: Span, start: 2014-02~, end: 2016?, category: plan}
  - {id: i, title: Plain, start: 2014-02-26, category: plan}
"""


def _load(tmp_path: Path) -> object:
    p = tmp_path / "c.yaml"
    p.write_text(TEXT, encoding="utf-8")
    return load_chronology(p)


def test_every_form_loads_on_the_fast_and_the_exact_path(tmp_path: Path) -> None:
    fast = _load(tmp_path)
    exact = build_chronology([parse_text(str(tmp_path / "c.yaml"), TEXT)])
    written = {e.id: e.start.iso() for e in fast.events}  # type: ignore[attr-defined]
    assert written == {
        "a": "2014~", "b": "2014?", "c": "2014%", "d": "201X", "e": "2014-XX",
        "f": "../2014", "g": "2014/..", "h": "2014-02~", "i": "2014-02-26",
    }  # fmt: skip
    assert [e.start.iso() for e in exact.events] == [e.start.iso() for e in fast.events]  # type: ignore[attr-defined]
    # sorted by first day: the decade first, then "before 2014" ahead of the 2014s
    assert [e.id for e in fast.events][:2] == ["d", "f"]  # type: ignore[attr-defined]
    assert fast.eras[0].start.words() == "the 2010s"  # type: ignore[attr-defined]


def test_the_exports_write_what_was_written(tmp_path: Path) -> None:
    c = _load(tmp_path)
    by_id = {e["id"]: e for e in json.loads(to_json(c))["events"]}  # type: ignore[arg-type]
    assert by_id["f"]["start"] == "../2014" and by_id["h"]["end"] == "2016?"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(events_csv(c)))}  # type: ignore[arg-type]
    assert rows["d"]["start"] == "201X"


def test_the_cache_keeps_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache"))
    p = tmp_path / "c.yaml"
    p.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(cache_module, "MIN_BYTES", 0, raising=False)
    first = load_chronology(p, cache=True)
    again = load_chronology(p, cache=True)
    assert [e.start for e in again.events] == [e.start for e in first.events]
    first.events.renew_dates()  # type: ignore[attr-defined]
    assert [e.start.iso() for e in first.events][:2] == ["201X", "../2014"]


def test_a_broken_form_is_a_positioned_error(tmp_path: Path) -> None:
    p = tmp_path / "c.yaml"
    p.write_text(
        textwrap.dedent("""\
            categories:
              - {id: plan, name: Planning, color: "#4e79a7"}
            events:
              - {id: a, title: A, start: 2014~~, category: plan}
        """),
        encoding="utf-8",
    )
    with pytest.raises(ChronologyError) as info:
        load_chronology(p)
    assert info.value.lines()[0].endswith(
        "c.yaml:4:30: start '2014~~' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014, 2014-02, 2014-02-26)"
    )
