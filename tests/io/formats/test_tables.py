"""Tables: a TimelineJS sheet saved as .xlsx reads like its CSV; a table of one's own maps its
columns by name, reads a workbook's date cells as days, and converts to YAML that validates."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.io import ChronologyError
from timeline_app.io.formats import detect, load_foreign
from timeline_app.io.formats import table as table_module

FOREIGN = Path(__file__).resolve().parents[2] / "data" / "foreign"


def _summary(c: object) -> list[tuple[str, str, str | None, str]]:
    return [(e.id, e.start.iso(), e.end.iso() if e.end else None, e.description) for e in c.events]  # type: ignore[attr-defined]


def test_the_template_as_xlsx_reads_like_its_csv() -> None:
    xlsx = FOREIGN / "xlsx" / "my-own-timeline.xlsx"
    assert detect(xlsx) == "timelinejs-sheet"
    a, b = load_foreign(xlsx), load_foreign(FOREIGN / "timelinejs" / "my-own-timeline.csv")
    assert a.title == b.title
    assert _summary(a) == _summary(b)


def test_a_table_of_ones_own(tmp_path: Path) -> None:
    for path in (FOREIGN / "xlsx" / "made-own-sheet.xlsx", FOREIGN / "csv" / "made-own-sheet.csv"):
        assert detect(path) == "table"
        out = tmp_path / f"{path.name}.yaml"
        assert main(["convert", str(path), "--to", "yaml", str(out)]) == 0
        assert main(["validate", str(out)]) == 0
    x = load_foreign(FOREIGN / "xlsx" / "made-own-sheet.xlsx")
    airport = x.event("airport")
    assert airport is not None and airport.start.iso() == "2014-12-26" and airport.end is not None
    assert airport.places == ("Beijing", "Langfang")
    year = x.event("a-year-as-a-number")
    assert year is not None and year.start.iso() == "2016"
    decade = x.event("around-a-decade")
    assert decade is not None and decade.start.iso() == "201X"
    assert {k.name for k in x.categories} == {"Planning", "Transport", "Ecology"}
    c = load_foreign(FOREIGN / "csv" / "made-own-sheet.csv")
    guess = c.event("a-guess")
    assert guess is not None and guess.approximate
    first = c.event("first-symposium")
    assert first is not None and first.tags == ("symposium", "strategy")
    assert c.source(first.sources[0].source).url == "http://www.gov.cn/"  # type: ignore[union-attr]


def test_a_workbook_that_unpacks_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * 100_000 + "</a>")
    monkeypatch.setattr(table_module.limits, "MAX_FILE_BYTES", 50_000)
    with pytest.raises(ChronologyError) as info:
        load_foreign(path)
    assert "unpacks to 100,007 bytes; the limit is 50,000" in str(info.value)


def test_a_table_with_too_many_rows_stops_with_a_positioned_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.csv"
    path.write_text("title,start\n" + "".join(f"e{i},2014\n" for i in range(30)), encoding="utf-8")
    monkeypatch.setattr(table_module.limits, "MAX_EVENTS", 10)
    with pytest.raises(ChronologyError) as info:
        load_foreign(path)
    assert info.value.lines()[0].endswith("many.csv:12:1: more than 10 events: the limit of one chronology")
