"""The cache of loaded chronologies: same result as a fresh load, keyed by content, never trusted
blindly (a damaged or foreign entry is dropped and the files are read)."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from timeline_app.io import cache, load_chronology
from timeline_app.model.event_table import Extras

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import build, to_yaml


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(d))
    return d


@pytest.fixture
def big(tmp_path: Path) -> Path:
    p = tmp_path / "big.yaml"
    data = build(2500, seed=7)
    data["events"][3]["figures"] = [
        {"label": "staff", "value": 10000, "unit": "people", "qualifier": "more than"}
    ]
    data["events"][4].pop("end", None)
    data["events"][4]["ongoing"] = True
    data["events"][5]["approximate"] = True
    data["events"][6]["tags"] = ["a", "b"]
    data["events"][7]["importance"] = "headline"
    data["events"][8]["importance"] = "major"
    p.write_text(to_yaml(data), encoding="utf-8")
    assert p.stat().st_size >= cache.MIN_BYTES
    return p


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_a_warm_load_equals_a_fresh_one(folder: Path, big: Path) -> None:
    fresh = load_chronology(big)
    first = load_chronology(big, cache=True)
    [entry] = entries(folder)
    warm = load_chronology(big, cache=True)
    assert warm == fresh == first
    assert all(a == b for a, b in zip(warm.events, fresh.events, strict=True))
    assert [warm.origin_of(e.id) for e in fresh.events] == [fresh.origin_of(e.id) for e in fresh.events]
    assert warm.event("e3").figures[0].value_text() == "more than 10,000 people"  # type: ignore[union-attr]
    assert [i.origin for i in warm.indicators] == [i.origin for i in fresh.indicators]
    assert [warm.event(f"e{k}").importance for k in (7, 8, 9)] == ["headline", "major", "minor"]  # type: ignore[union-attr]
    assert entries(folder) == [entry]
    assert not [p for p in folder.iterdir() if p.suffix != ".json"]  # no temporary files left


def test_an_edited_file_is_a_new_key(folder: Path, big: Path) -> None:
    load_chronology(big, cache=True)
    big.write_text(
        big.read_text(encoding="utf-8").replace('"title": "', '"title": "Edited ', 1), encoding="utf-8"
    )
    c = load_chronology(big, cache=True)
    assert c.title.startswith("Edited ")
    assert len(entries(folder)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-100],  # truncated
        lambda b: b.replace(b'"title":"', b'"title":"X', 1),  # altered: the checksum no longer matches
        lambda b: b"not json\n" + b.partition(b"\n")[2],  # broken header
        lambda b: b.replace(b"timeline-app-cache/1", b"timeline-app-cache/0", 1),  # another format
    ],
)
def test_a_damaged_entry_is_dropped_and_the_files_are_read(folder: Path, big: Path, damage) -> None:  # type: ignore[no-untyped-def]
    fresh = load_chronology(big, cache=True)
    [entry] = entries(folder)
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_chronology(big, cache=True) == fresh
    # the bad entry was removed, and a good one written again
    [again] = entries(folder)
    assert load_chronology(big, cache=True) == fresh and again.exists()


def test_a_well_formed_entry_of_the_wrong_shape_is_not_fatal(folder: Path, big: Path) -> None:
    fresh = load_chronology(big, cache=True)
    [entry] = entries(folder)
    payload = json.dumps({"n": 1, "events": {}}).encode()
    header = json.dumps(
        {"format": cache.FORMAT, "key": entry.stem, "sha256": hashlib.sha256(payload).hexdigest()}
    ).encode()
    entry.write_bytes(header + b"\n" + payload)
    assert load_chronology(big, cache=True) == fresh


def test_what_a_write_cut_short_left_goes_a_day_later(folder: Path, big: Path) -> None:
    folder.mkdir(parents=True)
    old, recent = folder / ".entry-old.tmp", folder / ".entry-recent.tmp"
    for p in (old, recent):
        p.write_bytes(b"half an entry")
    day_ago = time.time() - 86_400 - 60
    os.utime(old, (day_ago, day_ago))
    load_chronology(big, cache=True)  # a write prunes
    assert not old.exists() and recent.exists()  # (another process may be writing that one)


def test_small_chronologies_and_broken_ones_are_not_cached(folder: Path, tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text(to_yaml(build(5)), encoding="utf-8")
    load_chronology(small, cache=True)
    assert entries(folder) == []


def test_old_entries_are_pruned(folder: Path, big: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    text = big.read_text(encoding="utf-8")
    for n in range(4):
        big.write_text(text.replace('"title": "', f'"title": "{n} ', 1), encoding="utf-8")
        load_chronology(big, cache=True)
    assert len(entries(folder)) == 2


def test_an_unwritable_cache_folder_only_means_no_cache(
    tmp_path: Path, big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(blocker / "cache"))
    assert load_chronology(big, cache=True) == load_chronology(big)


def test_the_rare_fields_are_written_once_per_distinct_value(folder: Path, big: Path) -> None:
    fresh = load_chronology(big)
    load_chronology(big, cache=True)
    warm = load_chronology(big, cache=True)
    assert warm.events.extras == fresh.events.extras
    given = [x for x in warm.events.extras if x is not None]
    assert len(given) > 100 and len({id(x) for x in given}) == len(set(given))  # one tuple per value
    # equal values held by different tuples, and events without any, as the writer sees them
    a: Extras = (("Beijing",), (), (), (), (), ())
    b: Extras = (tuple(["Beijing"]), (), (), (), (), ())
    assert a == b and a is not b
    values, index = cache._distinct_extras([None, a, b, None, (("Hebei",), ("t",), (), (), (), ()), a])
    assert values == [a, (("Hebei",), ("t",), (), (), (), ())]
    assert index.tolist() == [-1, 0, 0, -1, 1, 0]
    none, no_index = cache._distinct_extras([])
    assert none == [] and no_index.size == 0


def test_an_open_from_the_cache_sorts_no_ids(
    folder: Path, big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_app.model import text_column

    fresh = load_chronology(big)
    load_chronology(big, cache=True)

    def no_sorting(keys: object) -> None:
        raise AssertionError("the ids were sorted again")

    monkeypatch.setattr(text_column, "key_order", no_sorting)
    warm = load_chronology(big, cache=True)
    positions = warm.events.positions  # the index the entry kept
    assert all(positions[e.id] == i for i, e in enumerate(fresh.events))
    assert positions.get("not-an-id") is None and len(positions) == len(fresh.events)


def _with_section(entry: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The entry with one section's bytes changed, and its checksum made again (an entry that is
    whole but does not fit: what a bug of ours would write)."""
    first = entry.index(b"\n")
    second = entry.index(b"\n", first + 1)
    meta = json.loads(entry[first + 1 : second])
    at = second + 1
    parts = []
    for section, size in meta["sections"]:
        data = entry[at : at + size]
        at += size
        parts.append(change(data) if section == name else data)
    meta["sections"] = [[s, len(p)] for (s, _), p in zip(meta["sections"], parts, strict=True)]
    body = entry[: first + 1] + json.dumps(meta).encode() + b"\n" + b"".join(parts) + b"\n"
    return body + json.dumps({"sha256": hashlib.sha256(body).hexdigest()}).encode()


def _first_set_to(value: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        values = np.frombuffer(data, dtype="<i4").copy()
        values[0] = value
        return values.tobytes()

    return change


# rows past the end, and below the start (a negative index would pick from the end, unnoticed)
@pytest.mark.parametrize(
    ("section", "value"),
    [("ids.index.order", 10**6), ("ids.index.order", -1), ("extras.index", 10**6), ("extras.index", -3)],
)
def test_an_entry_whose_indexes_do_not_fit_is_dropped(
    folder: Path, big: Path, section: str, value: int
) -> None:
    fresh = load_chronology(big, cache=True)
    [entry] = entries(folder)
    bad = _with_section(entry.read_bytes(), section, _first_set_to(value))
    entry.write_bytes(bad)
    assert load_chronology(big, cache=True) == fresh
    assert entry.read_bytes() != bad  # dropped, and written again from the file
    warm = load_chronology(big, cache=True)  # which reads whole
    assert all(warm.events.positions[e.id] == i for i, e in enumerate(fresh.events))
