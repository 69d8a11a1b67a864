"""The loader: values kept as written, and every class of error reported at its exact position."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import chronology_files, load_chronology
from timeline_app.model import Precision

from .yaml_files import problems, write

HEAD = """\
categories:
  - {id: plan, name: Planning, color: "#4e79a7", order: 1}
sources:
  - {id: pd, title: Ten years, publisher: People's Daily, date: 2024-02-26, page: "01"}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_loads_values_as_written() -> None:
    write(
        "c.yaml",
        HEAD
        + """\
events:
  - id: e1
    title: No
    start: 2014-02-26
    category: plan
    places: [Beijing, Tianjin]
    tags: yes
    description: |
      Two lines
      of text.
    figures:
      - {label: staff, value: 10000, unit: people, qualifier: more than, source: {id: pd, at: "Fusion, para 12"}}
    sources: [pd]
  - {id: e2, title: "yes", start: 2017, end: 2018-06, category: plan, approximate: true}
  - {id: e3, title: Off, start: 44-03-15 BCE, category: plan, ongoing: true}
""",
    )
    c = load_chronology("c.yaml")
    e1, e2, e3 = c.event("e1"), c.event("e2"), c.event("e3")
    assert e1 is not None and e2 is not None and e3 is not None
    assert (e1.title, e2.title, e3.title) == ("No", "yes", "Off")
    assert e1.start.iso() == "2014-02-26" and e1.start.precision is Precision.DAY
    assert e1.tags == ("yes",)
    assert e1.description == "Two lines\nof text."
    assert e1.figures[0].value == 10000 and e1.figures[0].value_text() == "more than 10,000 people"
    assert e1.figures[0].source is not None and e1.figures[0].source.locator == "Fusion, para 12"
    assert e2.approximate and e2.end is not None and e2.end.precision is Precision.MONTH
    assert e3.ongoing and e3.start.is_bce
    assert [e.id for e in c.events] == ["e3", "e1", "e2"]
    o1 = c.origin_of("e1")
    assert o1 is not None and (o1.file, o1.line, o1.column) == ("c.yaml", 6, 5)
    assert c.source("pd") is not None and c.source("pd").date.iso() == "2024-02-26"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an end before its start
        (
            "  - {id: a, title: A, start: 2014-01, end: 2013-05, category: plan}\n",
            "c.yaml:6:44: end 2013-05 is before start 2014-01",
        ),
        # impossible dates
        (
            "  - {id: a, title: A, start: 2023-02-30, category: plan}\n",
            "c.yaml:6:30: start 2023-02-30: day 30 does not exist in February 2023",
        ),
        (
            "  - {id: a, title: A, start: 2023-13, category: plan}\n",
            "c.yaml:6:30: start 2023-13: month 13 does not exist",
        ),
        (
            "  - {id: a, title: A, start: 0, category: plan}\n",
            "c.yaml:6:30: start 0: there is no year 0 (1 BCE is followed by 1)",
        ),
        (
            "  - {id: a, title: A, start: spring 2014, category: plan}\n",
            "c.yaml:6:30: start 'spring 2014' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014, 2014-02, 2014-02-26)",
        ),
        # missing and unknown fields
        ("  - {id: a, start: 2014, category: plan}\n", "c.yaml:6:5: the event is missing 'title'"),
        (
            "  - {id: a, title: A, start: 2014, category: plan, titel: B}\n",
            "c.yaml:6:52: unknown key 'titel' in the event (did you mean 'title'?)",
        ),
        # duplicate keys: PyYAML would silently keep the last one
        (
            "  - {id: a, title: A, title: B, start: 2014, category: plan}\n",
            "c.yaml:6:23: duplicate key 'title' in the event (first written at line 6, column 13)",
        ),
        # unknown references
        (
            "  - {id: a, title: A, start: 2014, category: plann}\n",
            "c.yaml:6:46: unknown category 'plann' (did you mean 'plan'?)",
        ),
        (
            "  - {id: a, title: A, start: 2014, category: plan, sources: [pdd]}\n",
            "c.yaml:6:62: unknown source 'pdd' (did you mean 'pd'?)",
        ),
        (
            "  - {id: a, title: A, start: 2014, category: plan, related: [zzz]}\n",
            "c.yaml:6:62: unknown event 'zzz'",
        ),
        # wrong types
        (
            "  - {id: a, title: [A], start: 2014, category: plan}\n",
            "c.yaml:6:20: 'title' must be text, found a list",
        ),
        (
            "  - {id: a, title: A, start: 2014, category: plan, approximate: yes}\n",
            "c.yaml:6:65: 'approximate' must be true or false, not 'yes'",
        ),
        (
            "  - {id: 'a b', title: A, start: 2014, category: plan}\n",
            "c.yaml:6:10: the event id 'a b' may hold only letters, digits, '.', '_' and '-' (and start with a letter or digit)",
        ),
        (
            "  - {id: a, title: A, start: 2014, end: 2015, ongoing: true, category: plan}\n",
            "c.yaml:6:56: an event has either an 'end' or 'ongoing: true', not both",
        ),
        (
            "  - just text\n",
            "c.yaml:6:5: expected a mapping for the event (key: value lines), found 'just text'",
        ),
        # tags never build objects
        (
            "  - {id: a, title: !!python/object/apply:os.system [echo], start: 2014, category: plan}\n",
            "c.yaml:6:20: the tag !!python/object/apply:os.system is not allowed: write plain values (nothing is ever run)",
        ),
    ],
)
def test_event_errors_are_positioned(body: str, expected: str) -> None:
    write("c.yaml", HEAD + "events:\n" + body)
    assert problems("c.yaml") == [expected]


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("{date: 2023, value: .nan}", "c.yaml:10:29: 'value' must be a finite number, not '.nan'"),
        ("{date: 2023, value: inf}", "c.yaml:10:29: 'value' must be a finite number, not 'inf'"),
        (
            "{date: 2023, value: '32'}",
            "c.yaml:10:29: 'value' must be a number, not quoted text: write 32 without quotes",
        ),
        ("{date: 2023, value: lots}", "c.yaml:10:29: 'value' must be a number, not 'lots'"),
        ("{date: 2023}", "c.yaml:10:9: the point is missing 'value'"),
        ("{date: 2023, value: 1e999}", "c.yaml:10:29: 'value' 1e999 is too large"),
    ],
)
def test_indicator_errors_are_positioned(point: str, expected: str) -> None:
    write(
        "c.yaml",
        HEAD
        + f"""\
indicators:
  - id: pm
    name: PM2.5
    unit: µg/m³
    points:
      - {point}
""",
    )
    assert problems("c.yaml") == [expected]


def test_indicator_without_unit_and_duplicate_point() -> None:
    write(
        "c.yaml",
        HEAD
        + """\
indicators:
  - id: pm
    name: PM2.5
    points:
      - {date: 2023, value: 32}
      - {date: 2023, value: 33}
""",
    )
    assert problems("c.yaml") == [
        "c.yaml:6:5: the indicator is missing 'unit'",
        "c.yaml:10:9: a second point for 2023 (the first is at line 9, column 9)",
    ]


def test_every_problem_is_reported_at_once_across_files() -> None:
    write("events/a.yaml", HEAD + "events:\n  - {id: x, title: X, start: 2014, category: plan}\n")
    write(
        "events/b.yaml",
        """\
events:
  - {id: x, title: Again, start: 2015, category: plan}
  - {id: y, title: Y, start: 2015-02-29, category: nope}
""",
    )
    assert problems("events") == [
        "events/b.yaml:2:10: duplicate event id 'x' (first defined at events/a.yaml:6:10)",
        "events/b.yaml:3:30: start 2015-02-29: day 29 does not exist in February 2015",
        "events/b.yaml:3:52: unknown category 'nope'",
    ]


def test_references_work_across_files() -> None:
    write("events/0.yaml", HEAD)
    write("events/sub/1.yaml", "events:\n  - {id: x, title: X, start: 2014, category: plan, sources: [pd]}\n")
    c = load_chronology("events")
    assert c.counts()["files"] == 2 and c.event("x") is not None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "bad.yaml:1:1: the file is empty: expected 'events:', 'categories:', 'indicators:' ..."),
        (
            b"events:\n\t- id: a\n",
            "bad.yaml:2:1: YAML syntax: found a tab character where indentation was expected; YAML indents with spaces, not tabs",
        ),
        (
            b"events: [\n",
            "bad.yaml:2:1: YAML syntax: did not find expected node content (while parsing a flow node)",
        ),
        (b"title: \xff\xfe\xfa\n", "bad.yaml:1:8: not UTF-8 text (byte 0xff): save the file as UTF-8"),
        (
            b"events:\n  - id: a\x00\n",
            "bad.yaml:2:10: the file contains a NUL character: is it a binary file?",
        ),
        (b"- 1\n- 2\n", "bad.yaml:1:1: expected a mapping for the file (key: value lines), found a list"),
        (b"eventz: []\n", "bad.yaml:1:1: unknown key 'eventz' in the file (did you mean 'events'?)"),
        (
            b"events: []\nevents: []\n",
            "bad.yaml:2:1: duplicate key 'events' in the file (first written at line 1, column 1)",
        ),
    ],
)
def test_broken_files(content: bytes, expected: str) -> None:
    Path("bad.yaml").write_bytes(content)
    assert problems("bad.yaml") == [expected]


def test_utf16_with_bom_is_read() -> None:
    Path("u16.yaml").write_bytes((HEAD + "events: []\n").encode("utf-16"))
    assert load_chronology("u16.yaml").categories[0].name == "Planning"


def test_missing_paths_and_empty_folders() -> None:
    Path("empty").mkdir()
    assert problems("nowhere.yaml", "empty") == [
        "empty:1:1: the folder holds no .yaml, .yml or .json files",
        "nowhere.yaml:1:1: no such file or folder",
    ]


def test_alias_bomb_is_bounded_and_nesting_is_limited() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    Path("bomb.yaml").write_text("\n".join(lines) + "\nevents: *a11\n", encoding="utf-8")
    found = problems("bomb.yaml")
    assert found[0].startswith("bomb.yaml:1:1: unknown key 'a0' in the file")
    assert len(found) <= 520  # reported, bounded, and quick: the aliases were never expanded
    Path("deep.yaml").write_text("events: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    [deep] = problems("deep.yaml")
    assert deep.startswith("deep.yaml:1:") and "nested too deeply" in deep


def test_hidden_files_and_link_loops_are_skipped(tmp_path: Path) -> None:
    write("events/a.yaml", HEAD)
    write("events/.#a.yaml", "broken: [")
    (Path("events") / "loop").symlink_to(Path("events").resolve(), target_is_directory=True)
    assert [p.name for p in chronology_files("events")] == ["a.yaml"]
    assert load_chronology("events").categories[0].id == "plan"


def test_a_file_that_cannot_be_parsed_causes_no_false_unknown_references() -> None:
    write(
        "events/a.yaml", HEAD + "events:\n  - {id: x, title: X, start: 2014, category: plan, related: [y]}\n"
    )
    write("events/b.yaml", "events:\n  - {id: y, title: Y, start: 2015, category: plan\n")  # unclosed
    found = problems("events")
    assert len(found) == 1 and found[0].startswith("events/b.yaml:3:1: YAML syntax:")
