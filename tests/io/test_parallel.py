"""A large file's events read by worker processes (io.parallel) give exactly what the loader in one
process gives: the same chronology, origins included, and, for a broken file, the same problems at
the same places, wherever the error lies relative to where the file was shared out."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from timeline_app.io import ChronologyError, LoadCancelled, fast_path, load_chronology, parallel
from timeline_app.io.fast_path import fast_path_available
from timeline_app.model import Chronology

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import build, to_yaml

pytestmark = pytest.mark.skipif(not fast_path_available(), reason="rapidyaml is not installed")

CHUNK = 8192  # bytes per piece: a file of 2,000 events is cut into about fifty


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> list[bool | None]:
    """Small pieces, two workers; records, for each load, whether the workers read the events
    (True), could not (False: read here), or found the file doubtful (None: the exact path reads it)."""
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", CHUNK)
    # messages, and the line breaks before a share, a few kilobytes at a time (4 MB in use)
    monkeypatch.setattr(parallel, "_CHUNK", 4096)
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    used: list[bool | None] = []
    by_workers = parallel.Delegated._by_workers

    def spy(self: parallel.Delegated, *args: Any) -> Any:
        used.append(None)
        got = by_workers(self, *args)
        used[-1] = got is not None
        return got

    monkeypatch.setattr(parallel.Delegated, "_by_workers", spy)
    return used


def _lines(n: int = 2000) -> list[str]:
    return to_yaml(build(n, series=1, points=10)).splitlines()


def _share_starts(lines: list[str]) -> list[int]:
    """The line numbers (0-based) where the second and later workers' shares begin."""
    text = ("\n".join(lines) + "\n").encode()
    cut = fast_path._pieces(text)
    assert cut is not None
    pieces = [p for p in cut[0] if p.items >= 0]
    return [text.count(b"\n", 0, pieces[a].start) for a, _ in parallel._shares(pieces, 2)[1:]]


def _load(path: Path, workers: bool) -> Chronology | list[str]:
    try:
        return load_chronology(path, workers=workers)
    except ChronologyError as exc:
        return [str(p) for p in exc.problems]


def test_workers_give_the_same_chronology(tmp_path: Path, shared: list[bool | None]) -> None:
    p = tmp_path / "big.yaml"
    p.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    single = _load(p, workers=False)
    assert shared == []
    both = _load(p, workers=True)
    assert shared == [True], "the workers should have read the events"
    assert isinstance(single, Chronology) and isinstance(both, Chronology)
    assert both == single and len(both.events) == 2000
    assert all(both.events.origin(i) == single.events.origin(i) for i in range(2000))
    assert {both.events.origin(i).line for i in (0, 999, 1999)} != {0}  # type: ignore[union-attr]
    assert multiprocessing.active_children() == []


def test_the_workers_read_each_large_file_of_a_folder(tmp_path: Path, shared: list[bool | None]) -> None:
    """One set of workers, a share of each file in turn."""
    lines = _lines()
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the same events again under other ids, in a second file
    other = [line.replace('"id": "e', '"id": "f', 1) for line in lines if line.startswith('  - {"id": "e')]
    (tmp_path / "c" / "b.yaml").write_text("events:\n" + "\n".join(other) + "\n", encoding="utf-8")
    single = _load(tmp_path / "c", workers=False)
    both = _load(tmp_path / "c", workers=True)
    assert shared == [True, True]
    assert isinstance(single, Chronology) and both == single and len(single.events) == 4000
    assert isinstance(both, Chronology)
    assert [both.events.origin(i) for i in range(0, 4000, 7)] == [
        single.events.origin(i) for i in range(0, 4000, 7)
    ]
    assert multiprocessing.active_children() == []


def _edit(lines: list[str], at: int, change: Callable[[str], str]) -> None:
    assert lines[at].startswith('  - {"id": "e')
    lines[at] = change(lines[at])


BROKEN: dict[str, Callable[[list[str], int], None]] = {
    "a date that does not exist, first of a share": lambda ls, k: _edit(
        ls, k, lambda s: s.replace('"start": "', '"start": "2014-02-30", "x": "', 1)
    ),
    "an unknown category, last of a share": lambda ls, k: _edit(
        ls, k - 1, lambda s: s.replace('"category": "lane', '"category": "lame', 1)
    ),
    "an id given twice, across shares": lambda ls, k: _edit(
        ls, k, lambda s: s.replace('"id": "e', '"id": "e1", "n": "', 1)
    ),
    "a mapping left open, at the cut": lambda ls, k: _edit(ls, k - 1, lambda s: s.rstrip("}")),
    "one problem each side": lambda ls, k: (
        _edit(ls, k + 1, lambda s: s.replace('"title": "', '"title": "", "t": "', 1)),
        _edit(ls, k - 2, lambda s: s.replace('"start": "', '"start": "2014-13", "s": "', 1)),
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_workers_report_the_same_problems(tmp_path: Path, shared: list[bool | None], case: str) -> None:
    lines = _lines()
    [k] = _share_starts(lines)
    BROKEN[case](lines, k)
    p = tmp_path / "broken.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    single = _load(p, workers=False)
    both = _load(p, workers=True)
    assert isinstance(single, list) and single, "the file should be broken"
    assert both == single
    assert shared in ([True], [None]) and multiprocessing.active_children() == []


def test_a_share_the_workers_cannot_read_is_read_here(
    tmp_path: Path, shared: list[bool | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "big.yaml"
    p.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    single = _load(p, workers=False)

    def broken_pipe(conn: Any, data: Any) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(parallel, "_send_buffer", broken_pipe)
    assert _load(p, workers=True) == single
    assert shared == [False]
    assert multiprocessing.active_children() == []


def test_a_load_cancelled_while_the_workers_read_ends_them(tmp_path: Path, shared: list[bool | None]) -> None:
    p = tmp_path / "big.yaml"
    p.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    seen: list[str] = []

    def progress(what: str, fraction: float) -> None:
        seen.append(what)
        if what.startswith("Reading") and fraction > 0.5:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        load_chronology(p, workers=True, progress=progress)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("workers", [False, True])
def test_the_ids_are_keyed_once_in_the_apps_process(
    tmp_path: Path, shared: list[bool | None], monkeypatch: pytest.MonkeyPatch, workers: bool
) -> None:
    """The check that the ids are unique keys them; the sort of the table reuses those keys (at a
    million events a keying is about 90 ms). The table is the same as one sorted on its own."""
    from timeline_app.io import sections
    from timeline_app.model import event_table, text_column

    calls: list[int] = []

    def counted(column: Any) -> Any:
        calls.append(len(column))
        return text_column.id_keys(column)

    monkeypatch.setattr(sections, "id_keys", counted)
    monkeypatch.setattr(event_table, "id_keys", counted)
    p = tmp_path / "big.yaml"
    p.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    got = _load(p, workers=workers)
    assert shared == ([True] if workers else [])
    assert calls == [2000]
    assert isinstance(got, Chronology)
    events = got.events
    alone = event_table.EventTable.from_events(list(events))
    assert list(events.ids) == list(alone.ids) and events == alone
    assert all(events.positions[e] == k for k, e in enumerate(events.ids))


def test_line_breaks_before_a_share_are_counted_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """One count over a share of a million events held the interpreter lock for 40-65 ms."""
    monkeypatch.setattr(parallel, "_CHUNK", 7)
    text = b"a\nbb\n\nccc\n\n" * 13
    for lo, hi in [(0, len(text)), (3, 50), (5, 5), (1, 8), (6, 7), (0, 1)]:
        assert parallel._line_breaks(text, lo, hi) == text.count(b"\n", lo, hi)
