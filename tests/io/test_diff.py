"""``timeline-app diff`` and the comparison under it: what an author reviewing a change sees."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.io import load_chronology
from timeline_app.model.diff import diff_chronologies, summary
from timeline_app.paths import shipped_chronology


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    out = tmp_path / "events"
    shutil.copytree(shipped_chronology(), out)
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def three_edits(folder: Path) -> None:
    """A re-dated event, a re-worded one and a renamed id (its events' links follow)."""
    edit(folder / "xiongan-subcentre.yaml", "    start: 2017-04-01\n", "    start: 2017-04\n")
    edit(folder / "planning.yaml", "en: Third symposium, held in Shijiazhuang", "en: Third symposium")
    for p in folder.glob("*.yaml"):  # a renamed id, every reference to it renamed too
        text = p.read_text(encoding="utf-8")
        p.write_text(re.sub(r"\bdaxing-airport-opens\b", "daxing-airport-opening", text), encoding="utf-8")


def test_three_edits_are_exactly_three_changes(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three_edits(copy)
    assert main(["diff", str(shipped_chronology()), str(copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    heads = [line for line in out if re.match(r"\d{4}", line)]
    assert len(heads) == 3, out
    assert re.match(r"2017-04\s+redated\s+xiongan-founded  Xiong'an New Area announced", heads[0])
    assert "start: 2017-04-01 -> 2017-04" in [line.strip() for line in out]
    assert re.match(r"2019-09-25\s+edited\s+daxing-airport-opens -> daxing-airport-opening  ", heads[1])
    assert re.match(r"2023-05-12\s+reworded\s+symposium-2023  Third symposium$", heads[2])
    assert out[-1] == "3 events differ (1 redated, 1 reworded, 1 edited)"


def test_json_for_tools(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three_edits(copy)
    assert main(["diff", str(shipped_chronology()), str(copy), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["summary"] == {"added": 0, "removed": 0, "redated": 1, "reworded": 1, "edited": 1}
    renamed = next(c for c in doc["changes"] if c["old_id"] != c["new_id"])
    assert (renamed["old_id"], renamed["new_id"]) == ("daxing-airport-opens", "daxing-airport-opening")
    assert renamed["fields"][0] == {
        "field": "id",
        "before": "daxing-airport-opens",
        "after": "daxing-airport-opening",
    }


def test_the_same_chronology_does_not_differ(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(shipped_chronology()), str(shipped_chronology())]) == 0
    assert capsys.readouterr().out.strip() == "0 events differ"


def test_added_removed_and_a_precision_change(copy: Path) -> None:
    old = load_chronology(copy)
    text = (copy / "transport.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: subcentre-transport-projects")  # no event links to it
    end = text.find("  - id: ", start + 10)
    end = len(text) if end < 0 else end
    block = text[start:end]
    (copy / "transport.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    added = block.replace("subcentre-transport-projects", "new-hub").replace(
        "title:\n      en: ", "title:\n      en: New ", 1
    )
    (copy / "extra.yaml").write_text("events:\n" + added, encoding="utf-8")
    edit(copy / "planning.yaml", "    start: 2017-09\n", "    start: 2017\n")
    new = load_chronology(copy)
    changes = diff_chronologies(old, new)
    got = {(c.kinds, c.old_id, c.new_id) for c in changes}
    assert got == {
        (("removed",), "subcentre-transport-projects", ""),
        (("added",), "", "new-hub"),
        (("redated",), "beijing-master-plan-2017", "beijing-master-plan-2017"),
    }
    assert summary(changes)["added"] == 1
    [redated] = [c for c in changes if c.kinds == ("redated",)]
    assert [(f.field, f.before, f.after) for f in redated.fields] == [("start", "2017-09", "2017")]


def test_a_broken_side_is_reported_with_its_position(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(copy / "planning.yaml", "    start: 2017-09\n", "    start: 2017-13\n")
    assert main(["diff", str(shipped_chronology()), str(copy)]) == 2
    err = capsys.readouterr().err
    assert re.search(r"planning\.yaml:\d+:\d+: ", err), err


def test_a_chinese_title_reworded_is_a_change(copy: Path) -> None:
    old = load_chronology(copy)
    edit(copy / "planning.yaml", "zh: 第三次座谈会在石家庄召开", "zh: 第三次座谈会在石家庄举行")
    edit(copy / "planning.yaml", "{en: Shijiazhuang, zh: 石家庄}", "{en: Shijiazhuang, zh: 石家庄市}")
    changes = diff_chronologies(old, load_chronology(copy))
    assert [(c.kinds, c.event_id) for c in changes] == [(("reworded", "edited"), "symposium-2023")]
    fields = [(f.field, f.before, f.after) for f in changes[0].fields]
    assert fields == [
        ("title (zh)", "第三次座谈会在石家庄召开", "第三次座谈会在石家庄举行"),
        ("places.0 (zh)", "石家庄", "石家庄市"),
    ]
