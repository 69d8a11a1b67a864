"""What a load tells its progress callback (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import load_chronology
from timeline_app.io.progress import Progress


def test_each_phase_is_told_even_where_the_bar_does_not_move() -> None:
    told: list[tuple[str, float]] = []
    report = Progress(lambda what, done: told.append((what, done)))
    report.phase("Reading the cache", 0.05, 0.95)
    report.phase("Parsing", 0.05, 0.4)  # begins where the last one began
    report(0.001)  # less than a percent: not told
    report(0.5)
    assert told == [("Reading the cache", 0.05), ("Parsing", 0.05), ("Parsing", pytest.approx(0.225))]


def test_a_load_that_misses_the_cache_says_it_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache's phase begins where the parse's does: the parse is still told (the window
    said "Reading the cache" through the whole parse of a large file)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache"))
    events = "".join(
        f'  - {{id: e{i}, title: "Event {i}", start: "20{i % 20:02d}-01-02", category: c}}\n'
        for i in range(5000)  # large enough to be cached
    )
    path = tmp_path / "c.yaml"
    path.write_text(
        f"chronology: {{title: T}}\ncategories:\n  - {{id: c, name: C, color: '#4e79a7'}}\nevents:\n{events}",
        "utf-8",
    )
    phases: list[str] = []
    load_chronology(path, cache=True, progress=lambda what, done: phases.append(what))
    said = list(dict.fromkeys(phases))
    assert said[:3] == ["Reading files", "Reading the cache", "Parsing c.yaml"]
    assert said[-2:] == ["Saving to the cache", "Done"]
