"""The command line for chronology authors: validate and export, without Qt."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from timeline_app.cli import main

GOOD = textwrap.dedent(
    """\
    chronology: {title: Test chronology}
    categories:
      - {id: plan, name: Planning, color: "#4e79a7", order: 1}
    sources:
      - {id: pd, title: Ten years, publisher: People's Daily, date: 2024-02-26, page: "01"}
    events:
      - id: symposium
        title: First symposium
        start: 2014-02-26
        category: plan
        places: [Beijing]
        tags: [symposium]
        description: Held in Beijing.
        sources: [{id: pd, at: "Lead, para 2"}]
      - {id: olympics, title: Winter Games, start: 2022-02-04, end: 2022-02-20, category: plan}
    indicators:
      - id: pm
        name: PM2.5
        unit: µg/m³
        region: Beijing
        source: pd
        points:
          - {date: 2014, value: 85.8, derived: "32 / (1 - 0.627)"}
          - {date: 2023, value: 32}
    """
)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.yaml"
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_validate_prints_counts(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert out == "ok: 1 files, 2 events, 1 categories, 1 indicators, 2 points, 1 sources\n"


def test_validate_reports_positioned_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("start: 2014-02-26", "start: 2014-02-30"), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("bad.yaml:9:12: start 2014-02-30: day 30 does not exist in February 2014")
    assert err[-1] == "1 problem found"


def test_export_json_shape(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(good), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "timeline-app/1"
    assert data["title"] == "Test chronology"
    ev = data["events"][0]
    assert {k: ev[k] for k in ("id", "title", "start", "end", "precision", "category", "places", "tags")} == {
        "id": "symposium",
        "title": "First symposium",
        "start": "2014-02-26",
        "end": None,
        "precision": "day",
        "category": "plan",
        "places": ["Beijing"],
        "tags": ["symposium"],
    }
    assert ev["description"] == "Held in Beijing."
    assert ev["sources"] == [{"id": "pd", "at": "Lead, para 2"}]
    assert data["events"][1]["end"] == "2022-02-20"
    ind = data["indicators"][0]
    assert (ind["id"], ind["name"], ind["unit"], ind["region"]) == ("pm", "PM2.5", "µg/m³", "Beijing")
    assert [(p["date"], p["value"], p["derived"]) for p in ind["points"]] == [
        ("2014", 85.8, True),
        ("2023", 32.0, False),
    ]
    assert ind["points"][0]["derivation"] == "32 / (1 - 0.627)"
    assert ind["points"][1]["source"] == {"id": "pd", "at": ""}
    assert data["sources"][0]["date"] == "2024-02-26"


def test_export_csv_tables(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(good), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["symposium", "olympics"]
    assert rows[1]["end"] == "2022-02-20" and rows[0]["sources"] == "pd"
    assert main(["export", str(good), "--format", "csv", "--table", "points"]) == 0
    points = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(p["date"], p["value"], p["derived"]) for p in points] == [
        ("2014", "85.8", "true"),
        ("2023", "32", "false"),
    ]


def test_export_does_not_touch_the_data_file(good: Path, tmp_path: Path) -> None:
    before = good.read_bytes()
    out = tmp_path / "out.json"
    assert main(["export", str(good), "-o", str(out)]) == 0
    assert good.read_bytes() == before
    assert json.loads(out.read_text(encoding="utf-8"))["events"]


def test_render_rejects_bad_arguments_before_loading_qt(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(good), "--out", "x.jpg"]) == 2
    assert "must end in .png, .svg or .pdf" in capsys.readouterr().err
    assert main(["render", str(good), "--out", "x.png", "--select", "nope"]) == 2
    assert "no event with id 'nope'" in capsys.readouterr().err


def test_pure_commands_never_import_qt(good: Path) -> None:
    code = (
        "import sys\n"
        "from timeline_app.cli import main\n"
        f"assert main(['validate', {str(good)!r}]) == 0\n"
        f"assert main(['export', {str(good)!r}]) == 0\n"
        "import timeline_app.model, timeline_app.io, timeline_app.io.export\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')"
        " or m.startswith('timeline_app.ui')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline_app", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("timeline-app ")


def test_export_never_writes_into_the_chronology(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "a.yaml").write_text(GOOD, encoding="utf-8")
    before = (folder / "a.yaml").read_bytes()
    for target in (folder / "a.yaml", folder / "export.json", folder / "sub" / "x.yml"):
        assert main(["export", str(folder), "-o", str(target)]) == 2
        assert "will not write" in capsys.readouterr().err
    assert (folder / "a.yaml").read_bytes() == before and sorted(p.name for p in folder.iterdir()) == [
        "a.yaml"
    ]
    assert (
        main(["export", str(folder), "--format", "csv", "-o", str(folder / "events.csv")]) == 0
    )  # not read back
