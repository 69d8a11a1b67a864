"""TimelineJS in and out: Knight Lab's own template sheet and example JSON open and convert to YAML
that validates; ours -> TimelineJS JSON -> ours keeps what TimelineJS can hold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from timeline_app.cli import main
from timeline_app.io import load_chronology
from timeline_app.io.formats import detect, load_foreign
from timeline_app.io.formats.timelinejs import SHEET_COLUMNS, to_timelinejs, write_json

FOREIGN = Path(__file__).resolve().parents[2] / "data" / "foreign"
TJ = FOREIGN / "timelinejs"


def test_the_template_sheet_as_csv(tmp_path: Path) -> None:
    path = TJ / "my-own-timeline.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == SHEET_COLUMNS
    assert detect(path) == "timelinejs-sheet"
    c = load_foreign(path)
    assert c.title == "MY OWN CSV"
    ada = c.event("ada-lovelace")
    assert ada is not None
    assert (ada.start.iso(), ada.end.iso() if ada.end else None) == ("1815-12-10", "1852-11-27")
    assert "first computer programmer" in ada.description and "<" not in ada.description
    [ref] = ada.sources
    src = c.source(ref.source)
    assert src is not None and src.url.startswith("https://upload.wikimedia.org/")
    assert src.note == "Wikimedia Commons"
    eniac = c.event("and-the-women-who-made-it-work")
    assert eniac is not None and eniac.start.iso() == "1943-07" and eniac.end is not None
    assert len(c.events) == 10


def test_the_example_json_with_eras() -> None:
    c = load_foreign(TJ / "eras.json")
    assert c.title == "Eras Test"
    assert [e.title for e in c.eras] == ["Era Test 600-650", "Era Test 650-700", "Era Test 700-720"]
    assert c.eras[0].start.iso() == "0600"
    first = c.events[0]
    assert first.start.year == 602 and first.end is not None and first.end.year == 629


def test_a_published_example_json() -> None:
    c = load_foreign(TJ / "houston.json")
    assert c.title.startswith("Whitney Houston")
    born = c.events[0]
    assert born.start.iso() == "1963-08-09" and born.title == "A Musical Heritage"


def test_convert_to_yaml_validates(tmp_path: Path, capsys: object) -> None:
    for name in ("my-own-timeline.csv", "eras.json", "houston.json"):
        out = tmp_path / f"{name}.yaml"
        assert main(["convert", str(TJ / name), "--to", "yaml", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=")
        assert main(["validate", str(out)]) == 0
        again = load_chronology(out)
        assert len(again.events) == len(load_foreign(TJ / name).events)


def test_groups_become_lanes_and_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "c.yaml"
    src.write_text(
        """\
chronology: {title: Round trip, description: Ours to TimelineJS and back}
sources:
  - {id: photo, title: A photo, url: "https://example.org/p.jpg", note: Credit line}
categories:
  - {id: planning, name: Planning, color: "#4e79a7"}
  - {id: transport, name: Transport, color: "#f28e2b"}
eras:
  - {id: decade, title: The decade, start: 2014, end: 2024, description: Ten years}
events:
  - {id: a, title: Point, start: 2014-02-26, category: planning, description: "One\\n\\nTwo", sources: [photo]}
  - {id: b, title: Span, start: 2014-12, end: 2019-09-25, category: transport}
  - {id: c, title: Around, start: 2015~, category: transport}
  - {id: d, title: Decade, start: 201X, category: planning}
  - {id: e, title: Before, start: ../2016-03, category: planning}
  - {id: f, title: After, start: 2017?/.., category: planning}
  - {id: g, title: Old, start: 44-03-15 BCE, category: planning}
""",
        encoding="utf-8",
    )
    ours = load_chronology(src)
    data = to_timelinejs(ours)
    assert {e["group"] for e in data["events"]} == {"Planning", "Transport"}
    out = tmp_path / "tj.json"
    out.write_text(write_json(ours), encoding="utf-8")
    assert detect(out) == "timelinejs-json"
    back = load_foreign(out)
    assert back.title == ours.title and back.description == ours.description
    assert [k.name for k in back.categories] == [k.name for k in ours.categories]
    names = {k.id: k.name for k in ours.categories}
    back_names = {k.id: k.name for k in back.categories}
    for e in ours.events:
        b = back.event(e.id)
        assert b is not None, e.id
        assert (b.title, b.start, b.end, b.description) == (e.title, e.start, e.end, e.description)
        assert back_names[b.category] == names[e.category]
    a = back.event("a")
    assert a is not None
    s = back.source(a.sources[0].source)
    assert s is not None and (s.url, s.title, s.note) == (
        "https://example.org/p.jpg",
        "A photo",
        "Credit line",
    )
    assert [(x.title, x.start, x.end, x.description) for x in back.eras] == [
        (x.title, x.start, x.end, x.description) for x in ours.eras
    ]
    # TimelineJS counts BCE years as negative numbers
    assert data["events"][0]["start_date"] == {"year": "-44", "month": "3", "day": "15"}
    json.dumps(data)


def test_the_viewer_and_validate_open_it_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "timeline.json"
    shutil.copy(TJ / "houston.json", renamed)
    assert detect(renamed) == "timelinejs-json"
    assert main(["validate", str(renamed)]) == 0


def test_display_dates_people_write_become_edtf(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    rows = [
        ",".join(SHEET_COLUMNS),
        "1950,,,,,,,,circa 1950,Circa,,,,,,,,",
        "2014,,,,,,,,before 2014,Before,,,,,,,,",
        "2015,3,,,,,,,after March 2015,After,,,,,,,,",
        "1943,,,,,,,,1943?,Unsure,,,,,,,,",
        "1950,,,,,,,,the 1950s,Decade,,,,,,,,",
        "1951,,,,,,,,circa 1950,Another year named,,,,,,,,",
        "1950,,,,,,,,Spring 1950,Words we do not read,,,,,,,,",
    ]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    c = load_foreign(sheet)
    assert {e.title: e.start.iso() for e in c.events} == {
        "Circa": "1950~",
        "Before": "../2014",
        "After": "2015-03/..",
        "Unsure": "1943?",
        "Decade": "195X",
        "Another year named": "1951",
        "Words we do not read": "1950",
    }
