"""The viewer opens other programs' files (File ▸ Open, the command line) and says EDTF dates in
words in the detail pane."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.model import actions
from timeline_app.ui.app.file_commands import file_filter
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import detail_text

FOREIGN = Path(__file__).resolve().parents[2] / "data" / "foreign"


@pytest.mark.parametrize(
    ("name", "events"),
    [
        ("timelinejs/houston.json", 18),
        ("timelinejs/my-own-timeline.csv", 10),
        ("xlsx/my-own-timeline.xlsx", 10),
        ("timeline/versions.timeline", 59),
        ("ics/alarm_google_future.ics", 1),
        ("csv/made-own-sheet.csv", 5),
    ],
)
def test_the_viewer_opens_each_format(window: MainWindow, name: str, events: int) -> None:
    assert window.open_path(FOREIGN / name), window.errors.lines()
    assert len(window.state.chronology.events) == events


def test_a_broken_foreign_file_shows_positioned_problems(window: MainWindow) -> None:
    assert not window.open_path(FOREIGN / "ics" / "broken" / "problems.ics")
    lines = window.errors.lines()
    assert any("problems.ics:12:18: end 2014-02-01 is before start 2014-03-01" in line for line in lines)


def test_the_open_dialog_offers_the_formats() -> None:
    for pattern in ("*.ics", "*.timeline", "*.xlsx", "*.csv", "*.json", "*.yaml"):
        assert pattern in file_filter()


def test_edtf_dates_in_words(window: MainWindow, tmp_path: Path) -> None:
    p = tmp_path / "c.yaml"
    p.write_text(
        """\
categories: [{id: x, name: X, color: "#4e79a7"}]
events:
  - {id: around, title: Around, start: 2014~, category: x}
  - {id: unsure, title: Unsure, start: 2015-03?, category: x}
  - {id: before, title: Before, start: ../2016, category: x}
  - {id: after, title: After, start: 2017/.., category: x}
  - {id: decade, title: Decade, start: 201X, category: x}
""",
        encoding="utf-8",
    )
    assert window.open_path(p), window.errors.lines()
    for ident, words in (
        ("around", "around 2014"),
        ("unsure", "March 2015, uncertain"),
        ("before", "before 2016"),
        ("after", "2017 or after"),
        ("decade", "the 2010s"),
    ):
        actions.go_to_event(window.state, ident)
        assert words in detail_text(window), ident
