"""The search index against a brute-force reference (no Qt)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate
from timeline_app.model.search import DIRECT_LIMIT, SearchIndex, haystack, query_words

CATS = [Category("a", "A", "#4e79a7", 1)]
WORDS = [
    "regional", "plan", "transport", "corridor", "railway", "station", "relocation", "market",
    "hospital", "park", "river", "air", "quality", "hub", "reform", "pilot", "zone", "wetland",
]  # fmt: skip
PLACES = ["Beijing", "Tianjin", "Hebei", "Xiong'an", "Tongzhou"]


# -- the reference: the rule as it was first written ---------------------------------------------
def reference(events: list[Event] | tuple[Event, ...], text: str) -> list[str]:
    words = text.casefold().split()
    if not words:
        return []
    ranked = []
    for i, ev in enumerate(events):
        hay = "\n".join((ev.title, ev.description, *ev.places, *ev.tags, ev.id)).casefold()
        if all(w in hay for w in words):
            title = ev.title.casefold()
            ranked.append((0 if all(w in title for w in words) else 1, i, ev.id))
    ranked.sort()
    return [eid for _, _, eid in ranked]


def reference_mask(events: tuple[Event, ...], text: str, lo: int, hi: int) -> np.ndarray:
    found = set(reference(events, text))
    return np.array([ev.id in found for ev in events[lo:hi]], dtype=bool)


# -- chronologies ------------------------------------------------------------------------------------
def synthetic(n: int, seed: int = 1) -> Chronology:
    """Like benchmarks/generate.py: titles of 2-5 words, half with a description of 8-30 words."""
    rnd = random.Random(seed)
    events = []
    for i in range(n):
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 5))).capitalize()
        desc = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 30))) if rnd.random() < 0.5 else ""
        places = (rnd.choice(PLACES),) if rnd.random() < 0.3 else ()
        y, m = 1995 + rnd.randrange(30), 1 + rnd.randrange(12)
        events.append(
            Event(f"e{i}", title, PartialDate.parse(f"{y:04d}-{m:02d}"), "a", places=places, description=desc)
        )
    return Chronology.build(title="T", events=events, categories=CATS)


def chronology_of(texts: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]) -> Chronology:
    events = [
        Event(
            f"ev{i}", title, PartialDate.parse(f"{2000 + i % 20:04d}"), "a", places=p, tags=t, description=d
        )
        for i, (title, d, p, t) in enumerate(texts)
    ]
    return Chronology.build(title="T", events=events, categories=CATS)


# words with the awkward parts: case, folding that changes length, non-ASCII white space, the
# characters the index uses as markers (alone and inside words), a lone surrogate
PIECES = [
    "Plan", "plan", "PLANS", "rail", "Railway", "Straße", "STRASSE", "ﬁre", "İzmir", "ǅemal", "Ωmega",
    "σ", "Σ", "中文", "北京", "x", "e1", "a-b", "\x00", "\x01", "ab\x00cd", "\ud800", "re\u0301",
]  # fmt: skip
SPACES = [" ", "  ", "\t", "\n", "\u3000", "\xa0", "\x1f", "\u2028"]
text_st = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), min_size=0, max_size=6).map(
    lambda parts: "".join(p + s for p, s in parts)
)
event_st = st.tuples(text_st, text_st, st.lists(st.sampled_from(PIECES), max_size=2).map(tuple), st.just(()))


# -- correctness -----------------------------------------------------------------------------------
@pytest.mark.parametrize("max_common", [0, 3, 128])
def test_typing_word_by_word_matches_the_reference(max_common: int) -> None:
    c = synthetic(1500)
    index = SearchIndex(c.events, max_common=max_common)
    queries = []
    for word in ("relocation", "e12", "beijing", "wetland rel", "xylophone", "AIR qual", "n"):
        queries += [word[:i] for i in range(1, len(word) + 1)]
    for q in [*queries, *reversed(queries)]:  # typing, then backspacing (cached results)
        r = index.find(q, limit=None)
        expected = reference(c.events, q)
        assert r.ids == expected, q
        assert r.complete and r.total == len(expected)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(event_st, min_size=1, max_size=25),
    queries=st.lists(
        st.sampled_from([*PIECES, "pla", "LAN", "ss", "fi", "σ", "e", "i̇", "1 e", "b\x00c"]), max_size=3
    ),
    max_common=st.sampled_from([0, 2, 128]),
)
def test_any_text_and_query_match_the_reference(texts, queries, max_common) -> None:  # type: ignore[no-untyped-def]
    c = chronology_of(texts)
    index = SearchIndex(c.events, max_common=max_common)
    q = " ".join(queries)
    assert index.find(q, limit=None).ids == reference(c.events, q)
    assert index.mask(q).tolist() == reference_mask(c.events, q, 0, len(c.events)).tolist()


def test_ranking_puts_title_matches_first_then_time_order() -> None:
    c = chronology_of(
        [
            ("Harbour opens", "the new plan", (), ()),
            ("Plan adopted", "", (), ()),
            ("Wetland", "", ("Plan county",), ()),
            ("A planning office", "", (), ()),
        ]
    )
    ids = SearchIndex(c.events).find("PLAN").ids
    titles = [c.event(i).title for i in ids]  # type: ignore[union-attr]
    assert titles == ["Plan adopted", "A planning office", "Harbour opens", "Wetland"]


def test_a_title_match_needs_every_word_in_the_title() -> None:
    c = chronology_of([("Plan", "river", (), ()), ("River plan", "", (), ()), ("Plan", "", (), ("river",))])
    assert SearchIndex(c.events).find("plan river").ids == ["ev1", "ev0", "ev2"]


def test_the_empty_query_matches_nothing_and_is_complete() -> None:
    c = synthetic(50)
    index = SearchIndex(c.events)
    for q in ("", "   ", "\t\n"):
        r = index.find(q)
        assert r.ids == [] and r.total == 0 and r.complete
        assert not index.mask(q).any() and index.mask(q).size == 50
    assert SearchIndex(()).find("x").complete


def test_query_words_drop_repeats_and_words_inside_others() -> None:
    assert query_words("Rel relocation REL re") == ("relocation",)
    assert query_words("b a") == ("a", "b")
    assert query_words("  ") == ()


# -- incremental -----------------------------------------------------------------------------------
def test_narrowing_from_a_completed_search_equals_a_fresh_search() -> None:
    c = synthetic(3000, seed=7)
    warm = SearchIndex(c.events)
    warm.find("rel", limit=None)
    warm.find("e1", limit=None)
    for q in ("relo", "reloc e1", "relocation e12", "e1 e1", "e12 hub", "wetland"):
        fresh = SearchIndex(c.events).find(q, limit=None)
        assert warm.find(q, limit=None) == fresh, q


def test_a_search_in_tiny_slices_ends_where_one_long_step_ends() -> None:
    c = synthetic(4000, seed=3)
    index = SearchIndex(c.events)
    s = index.start("re")  # the index is not built yet: the search builds it as it goes
    steps = 0
    last_total = 0
    while not s.step(0.0):
        steps += 1
        r = s.result(50)
        assert not r.complete and r.total >= last_total
        last_total = r.total
    assert steps > 1 and index.built
    assert s.result(None).ids == reference(c.events, "re")
    assert s.result(50).ids == reference(c.events, "re")[:50]
    assert SearchIndex(c.events).find("re", limit=None).ids == s.result(None).ids


def test_first_results_come_before_the_search_is_complete() -> None:
    c = synthetic(20000, seed=5)
    index = SearchIndex(c.events)
    index.ensure_built()
    s = index.start("park")
    done = s.step(10.0, until=20)
    first = s.result(20)
    assert not done and not first.complete and first.total >= 20
    assert first.ids == reference(c.events, "park")[:20], "20 title matches found: the first 20 are final"
    s.run()
    assert s.result(20).ids == first.ids and s.result(20).complete


def test_build_in_slices_then_search() -> None:
    c = synthetic(5000, seed=11)
    index = SearchIndex(c.events)
    called: list[int] = []
    index.when_built(lambda: called.append(index.built_upto))
    assert not index.built and index.progress == 0.0
    index.build_step(0.0)  # the first slice may only choose the frequent tokens
    while not index.build_step(0.0):
        assert 0 < index.built_upto < len(c.events)
    assert index.built and called == [5000]
    index.when_built(lambda: called.append(-1))
    assert called == [5000, -1], "called at once when already built"
    assert index.find("hub e4", limit=None).ids == reference(c.events, "hub e4")


# -- mask ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("max_common", [0, 128])
def test_mask_equals_the_reference(max_common: int) -> None:
    c = synthetic(3000, seed=2)
    index = SearchIndex(c.events, max_common=max_common)
    index.ensure_built()
    rnd = random.Random(4)
    for q in ("rel", "e29", "tianjin park", "zzz", "e"):
        for lo, hi in [(0, 3000), (2900, 3000), (1000, 1001), (5, 5)] + [
            tuple(sorted(rnd.sample(range(3001), 2))) for _ in range(3)
        ]:
            assert index.mask(q, lo, hi).tolist() == reference_mask(c.events, q, lo, hi).tolist(), (q, lo, hi)
        index.find(q)  # complete: the next masks come from the kept result
        assert index.mask(q, 100, 2000).tolist() == reference_mask(c.events, q, 100, 2000).tolist()


def test_mask_before_the_index_is_built() -> None:
    c = synthetic(DIRECT_LIMIT * 2, seed=8)
    index = SearchIndex(c.events)
    while not index.built_upto:
        index.build_step(0.0)
    upto = index.built_upto
    assert 0 < upto < DIRECT_LIMIT
    ref = reference_mask(c.events, "hub", 0, len(c.events))
    small = index.mask("hub", 0, upto + 100)  # a few events past the index: checked one by one
    assert small.tolist() == ref[: upto + 100].tolist()
    big = index.mask("hub")  # too many: only the indexed ones are known yet
    assert big[:upto].tolist() == ref[:upto].tolist() and not big[upto:].any()
    index.ensure_built()
    assert index.mask("hub").tolist() == ref.tolist()


# -- what the UI and the actions use -----------------------------------------------------------------
def test_the_index_is_kept_with_its_chronology() -> None:
    c = synthetic(100)
    index = SearchIndex.for_chronology(c)
    assert SearchIndex.for_chronology(c) is index
    assert SearchIndex.for_chronology(synthetic(100)) is not index
    assert c == synthetic(100), "the kept index does not change what the chronology equals"


def test_matches_rank_and_position() -> None:
    c = synthetic(800, seed=9)
    m = SearchIndex(c.events).matches("plan")
    ranked = m.ranked().tolist()
    assert [c.events[i].id for i in ranked] == reference(c.events, "plan")
    for r, i in enumerate(ranked):
        assert m.rank_of(i) == r and m.at(r) == i
    others = set(range(800)) - set(ranked)
    assert all(m.rank_of(i) is None for i in list(others)[:50])


def test_haystack_is_the_searched_text() -> None:
    ev = Event(
        "Id-1", "Title", PartialDate.parse("2020"), "a", places=("Place",), tags=("Tag",), description="Desc"
    )
    assert haystack(ev).split() == ["title", "desc", "place", "tag", "id-1"]


def test_texts_holding_the_index_markers_are_searched_like_any_other() -> None:
    c = chronology_of(
        [
            ("a \x00 b", "\x01", (), ()),
            ("\x01 plan", "c \x00", ("\x00",), ("x\x00y",)),
            ("plain", "", (), ()),
        ]
        * 3
    )
    for max_common in (0, 128):
        index = SearchIndex(c.events, max_common=max_common)
        for q in ("\x00", "\x01", "plan", "x\x00", "a b", "\x00 plan"):
            assert index.find(q, limit=None).ids == reference(c.events, q), repr(q)
