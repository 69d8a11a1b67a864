"""The loader reads a long sequence a piece at a time as it walks it (``fast_path.LazyItems``): the
same chronology as reading everything first, and the exact path when a later piece has a doubt."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import fast_path, load_chronology, loader
from timeline_app.io.fast_path import FastPathFailed, LazyItems, fast_path_available, fast_read

pytestmark = pytest.mark.skipif(not fast_path_available(), reason="rapidyaml is not installed")

HEAD = "categories:\n  - {id: p, name: P, color: '#000000'}\nevents:\n"


def events(n: int, start: int = 0) -> str:
    return "".join(f"  - {{id: e{i}, title: Event {i}, start: 2014-{1 + i % 12:02d}, category: p}}\n"
                   for i in range(start, start + n))  # fmt: skip


def test_lazy_items_read_as_the_eager_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", 500)
    text = HEAD + events(200)
    eager = fast_read(text, json_file=False)
    lazy = fast_read(text, json_file=False, lazy=True)
    assert eager is not None and lazy is not None
    items = lazy[0]["events"]
    assert isinstance(items, LazyItems) and len(items) == 200 and items
    assert list(items) == eager[0]["events"] and lazy[1] == eager[1]
    with pytest.raises(FastPathFailed):  # once only: what was read is not kept
        list(items)


def test_a_doubt_in_a_later_piece_takes_the_exact_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", 500)
    text = HEAD + events(100)
    text += "  - {id: a1, title: &t Anchored, start: 2015, category: p}\n"  # rapidyaml cannot carry it
    text += "  - {id: a2, title: *t, start: 2015, category: p}\n" + events(100, 100)
    p = tmp_path / "anchors.yaml"
    p.write_text(text, encoding="utf-8")
    docs, problems = loader.load_documents([p])
    assert not problems and loader._fast(docs) is None  # the walk stopped at that piece
    chron = load_chronology(p)  # ... and the exact path read it all
    docs, _ = loader.load_documents([p])
    assert chron == loader._exact(docs, [])
    assert len(chron.events) == 202 and chron.event("a2") is not None
    assert chron.event("a2").title == "Anchored"  # type: ignore[union-attr]
    assert chron.origin_of("e150") is not None and chron.origin_of("e150").line == 156  # type: ignore[union-attr]
