"""Broken files of every foreign format: each gives exactly the problems listed for it in its
folder's EXPECTED.txt, every one at once, each placed at file:line:column (file:row:column for a
table). Nothing is run, nothing crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import ChronologyError
from timeline_app.io.formats import load_foreign

FOREIGN = Path(__file__).resolve().parents[2] / "data" / "foreign"
BROKEN = sorted(p for p in FOREIGN.glob("*/broken/*") if p.name != "EXPECTED.txt")


def _expected(path: Path) -> list[str]:
    lines = (path.parent / "EXPECTED.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.split(":", 1)[0] == path.name]


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_broken_file_gives_its_problems(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent)
    with pytest.raises(ChronologyError) as info:
        load_foreign(path.name)
    assert info.value.lines() == _expected(path)


def test_every_format_has_a_broken_corpus() -> None:
    have = {p.parent.parent.name for p in BROKEN}
    assert {"timelinejs", "csv", "ics", "timeline", "xlsx"} <= have
