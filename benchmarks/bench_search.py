"""Search latency: typing words letter by letter, as the search panel runs it.

    python benchmarks/bench_search.py [N ...]        (prints the figures as JSON; default 10000)

:func:`measure_search` is what the benchmark runner calls; it prints nothing. For each keystroke it
starts a search on the index (narrowing from the previous one, as the panel does), gives it one first
slice of FIRST_BUDGET_S and then slices of SLICE_S until the first results are there ("first") and
until the search is complete ("complete"). The index is built first, in slices, and timed; one
keystroke is also timed on an index not built yet ("cold"), where the search builds as it goes.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate
from timeline_app.model.search import SearchIndex

# as the search panel runs it (timeline_app/ui/panels/search_panel.py; not imported: no Qt here)
FIRST_BUDGET_S = 0.020  # the first slice, in the keystroke handler
SLICE_S = 0.008  # the later slices, on a timer
TYPING = ("r", "re", "rel", "relo", "reloc", "relocation")
# a rare word (an id and the ids that extend it), two words, and a word that matches nothing
MORE_WORDS = ("e4242", "wetland relocation", "xylophone")


def _prefixes(text: str) -> list[str]:
    return [text[:i] for i in range(1, len(text) + 1) if not text[:i].endswith(" ")]


def _keystroke(index: SearchIndex, query: str, limit: int, *, to_the_end: bool = True) -> dict[str, Any]:
    t0 = time.perf_counter()
    search = index.start(query)
    search.step(FIRST_BUDGET_S, until=limit)
    slice_max = time.perf_counter() - t0
    while not search.done and not search.ranked(limit).size:
        s0 = time.perf_counter()
        search.step(SLICE_S)
        slice_max = max(slice_max, time.perf_counter() - s0)
    result = search.result(limit)
    first = time.perf_counter() - t0
    while to_the_end and not search.done:
        s0 = time.perf_counter()
        search.step(SLICE_S)
        slice_max = max(slice_max, time.perf_counter() - s0)
    complete = time.perf_counter() - t0
    return {
        "query": query,
        "first_ms": first * 1e3,
        "complete_ms": complete * 1e3,
        "slice_max_ms": slice_max * 1e3,
        "shown": len(result.ids),
        "total": search.total,
    }


def measure_search(
    chron: Chronology,
    queries: Sequence[str] = TYPING,
    limit: int = 200,
    more_words: Sequence[str] = MORE_WORDS,
) -> dict[str, Any]:
    """Search figures for a chronology, in milliseconds unless named otherwise.

    ``queries`` are the keystrokes of typing one word; each of ``more_words`` is then typed letter by
    letter too (from an empty field). First results: the first ``limit`` matches shown (or the search
    complete, for a word that matches nothing).
    """
    gc.collect()  # the collector's debt from loading is not the search's
    # cold: the first keystroke on an index that is not built yet
    cold_index = SearchIndex(chron.events)
    cold = _keystroke(cold_index, queries[0], limit, to_the_end=False) if queries else None
    del cold_index

    index = SearchIndex(chron.events)
    t0 = time.perf_counter()
    build_slice_max = 0.0
    while True:
        s0 = time.perf_counter()
        done = index.build_step(SLICE_S)
        build_slice_max = max(build_slice_max, time.perf_counter() - s0)
        if done:
            break
    build_s = time.perf_counter() - t0

    keys = [_keystroke(index, q, limit) for q in queries]
    for word in more_words:
        keys += [_keystroke(index, q, limit) for q in _prefixes(word)]
    first = [k["first_ms"] for k in keys]
    complete = [k["complete_ms"] for k in keys]
    return {
        "events": len(chron.events),
        "build_s": build_s,
        "build_slice_max_ms": build_slice_max * 1e3,
        "index_mb": index.nbytes() / 1e6,
        "cold_first_ms": cold["first_ms"] if cold else None,
        "keystrokes": len(keys),
        "first_median_ms": statistics.median(first) if keys else None,
        "first_max_ms": max(first, default=None),
        "complete_median_ms": statistics.median(complete) if keys else None,
        "complete_max_ms": max(complete, default=None),
        "slice_max_ms": max((k["slice_max_ms"] for k in keys), default=None),
        "per_keystroke": keys,
    }


def synthetic_chronology(n: int, **kw: int) -> Chronology:
    """A chronology from :func:`benchmarks.generate.build`, made in memory (no file, no loader)."""
    from benchmarks.generate import build

    data = build(n, series=0, **kw)
    parse = PartialDate.parse
    events = [
        Event(
            id=e["id"],
            title=e["title"],
            start=parse(e["start"]),
            category=e["category"],
            end=parse(e["end"]) if "end" in e else None,
            places=tuple(e.get("places", ())),
            description=e.get("description", ""),
        )
        for e in data["events"]
    ]
    cats = [Category(c["id"], c["name"], c["color"], c["order"]) for c in data["categories"]]
    return Chronology.build(title=data["chronology"]["title"], events=events, categories=cats)


def main(argv: Sequence[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000]
    out = []
    for n in sizes:
        figures = measure_search(synthetic_chronology(n))
        figures.pop("per_keystroke")
        out.append(figures)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
