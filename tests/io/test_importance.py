"""``importance``: read as written, minor by default, positioned errors, kept by export and cache."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from pathlib import Path

import pytest

from timeline_app.io import ChronologyError, load_chronology
from timeline_app.io.export import events_csv, to_json
from timeline_app.model import Chronology
from timeline_app.model.event_table import EventTable

HEAD = """\
categories:
  - {id: plan, name: Planning, color: "#4e79a7", order: 1}
events:
"""


def load(tmp_path: Path, events: str) -> Chronology:
    p = tmp_path / "c.yaml"
    p.write_text(HEAD + textwrap.dedent(events), encoding="utf-8")
    return load_chronology(p)


def test_levels_as_written_and_minor_by_default(tmp_path: Path) -> None:
    c = load(
        tmp_path,
        """\
          - {id: a, title: A, start: 2014-02-26, category: plan, importance: headline}
          - {id: b, title: B, start: 2015, category: plan, importance: major}
          - {id: c, title: C, start: 2016, category: plan, importance: minor}
          - {id: d, title: D, start: 2017, category: plan}
        """,
    )
    got = {e.id: (e.importance, e.rank) for e in c.events}
    assert got == {"a": ("headline", 2), "b": ("major", 1), "c": ("minor", 0), "d": ("minor", 0)}
    # the table keeps them as a column, and a table rebuilt from its events is equal to it
    assert c.events.importance.tolist() == [2, 1, 0, 0]
    assert EventTable.from_events(list(c.events)) == c.events


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("top", "importance 'top' is not one of: minor, major, headline"),
        ("Headline", "importance 'Headline' is not one of: minor, major, headline"),
        ("2", "importance '2' is not one of: minor, major, headline"),  # values stay as written
    ],
)
def test_an_unknown_level_is_a_positioned_error(tmp_path: Path, value: str, message: str) -> None:
    with pytest.raises(ChronologyError) as info:
        load(
            tmp_path,
            f"""\
              - {{id: a, title: A, start: 2014, category: plan}}
              - {{id: b, title: B, start: 2015, category: plan, importance: {value}}}
            """,
        )
    [line] = info.value.lines()
    where, _, text = line.partition(": ")
    assert where.endswith("c.yaml:5:62")
    assert text == message


def test_export_keeps_it(tmp_path: Path) -> None:
    c = load(
        tmp_path,
        """\
          - {id: a, title: A, start: 2014, category: plan, importance: headline}
          - {id: b, title: B, start: 2015, category: plan}
        """,
    )
    assert [e["importance"] for e in json.loads(to_json(c))["events"]] == ["headline", "minor"]
    rows = list(csv.DictReader(io.StringIO(events_csv(c))))
    assert [r["importance"] for r in rows] == ["headline", "minor"]
