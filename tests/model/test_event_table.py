"""The columnar event table: the same events as named tuples would be, in the same order, in far
less memory. No Qt."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model.chronology import Event, Figure, Origin, SourceRef
from timeline_app.model.dates import PartialDate
from timeline_app.model.event_table import EventTable
from timeline_app.model.text_column import IdIndex, TextColumn, key_order


def ev(ident: str, start: str, end: str | None = None, **kw: object) -> Event:
    return Event(
        id=ident,
        title=kw.pop("title", f"Title of {ident}"),  # type: ignore[arg-type]
        start=PartialDate.parse(start),
        category=kw.pop("category", "c"),  # type: ignore[arg-type]
        end=PartialDate.parse(end) if end else None,
        **kw,  # type: ignore[arg-type]
    )


def reference_order(events: list[Event]) -> list[Event]:
    """The order the chronology promises: start, then end (ongoing as of day 0), then id."""
    return sorted(events, key=lambda e: (e.start.first_day(), e.end_day(0), e.id))


EVENTS = [
    ev("b", "2014"),
    ev("a", "2014"),
    ev("span", "2014-01", "2016", ongoing=False, approximate=True),
    ev("now", "2013-05", ongoing=True),
    ev("fig", "2014-02-26", places=("Beijing", "Tianjin"), tags=("symposium",),
       figures=(Figure("GDP", 10.4, "trillion yuan", "more than", SourceRef("s", "p. 3")),),
       sources=(SourceRef("s"),), related=("a",), indicators=("gdp",), description="Über — 北京"),
    ev("bce", "44-03-15 BCE", title="Ides"),
]  # fmt: skip


def test_events_come_back_sorted_and_equal() -> None:
    table = EventTable.from_events(EVENTS)
    assert list(table) == reference_order(EVENTS)
    assert table[-1] == reference_order(EVENTS)[-1] and table[1:3] == tuple(reference_order(EVENTS)[1:3])
    assert table == EventTable.from_events(reversed(EVENTS))  # any input order, same columns
    assert table == reference_order(EVENTS) and table != EVENTS
    assert len(table.dates) == len({e.start for e in EVENTS} | {e.end for e in EVENTS if e.end})
    with pytest.raises(IndexError):
        table[len(EVENTS)]
    assert EVENTS[4] in table and ev("fig", "2015") not in table


def test_lookups_and_origins() -> None:
    origins = {"fig": Origin("a.yaml", 12, 5), "a": Origin("b.yaml", 3, 5)}
    table = EventTable.from_events(EVENTS, origins)
    for i, e in enumerate(table):
        assert table.positions[e.id] == i
        assert table.origin(i) == origins.get(e.id)
    assert table.positions.get("missing") is None and "missing" not in table.positions
    assert sorted(table.positions) == sorted(e.id for e in EVENTS)


def test_text_column_keeps_any_text() -> None:
    texts = ["", "plain", "Über", "北京", "\ud800 lone surrogate", "a\nb", "x" * 300]
    col = TextColumn.from_strings(texts)
    assert list(col) == texts and col[2] == "Über" and col[-1] == "x" * 300
    assert col[1:4] == tuple(texts[1:4]) and col[::3] == tuple(texts[::3])
    assert col == TextColumn.from_strings(list(texts)) and col == texts
    with pytest.raises(ValueError):
        TextColumn(b"abc", np.array([0, 5]))  # offsets past the buffer


def test_text_column_built_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slices of ASCII and of other text, joined into one buffer: the same column as one slice."""
    import timeline_app.model.text_column as et

    texts = [f"event {i}" if i % 7 else f"événement {i} 北京" for i in range(100)]
    whole = TextColumn.from_strings(texts)
    monkeypatch.setattr(et, "SLICE", 8)
    sliced = TextColumn.from_strings(texts)
    assert sliced == whole and list(sliced) == texts and sliced[42] == texts[42]
    assert bytes(sliced.data) == "".join(texts).encode("utf-8")


def test_id_index_falls_back_for_long_or_odd_ids() -> None:
    for ids in (["b", "a", "c"], ["x" * 100, "y"], ["nul\0", "nul"]):
        index = IdIndex(TextColumn.from_strings(ids))
        assert {k: index[k] for k in ids} == {k: i for i, k in enumerate(ids)}
        assert index.get("zzz") is None and len(index) == len(ids)


def test_a_table_refers_only_inside_its_tables() -> None:
    table = EventTable.from_events(EVENTS)
    start = table.start.copy()
    start[0] = len(table.dates)  # a code past the date table: a damaged cache entry, say
    with pytest.raises(ValueError):
        EventTable(
            ids=table.ids,
            titles=table.titles,
            descriptions=table.descriptions,
            dates=table.dates,
            start=start,
            end=table.end,
            category_ids=table.category_ids,
            category=table.category,
            ongoing=table.ongoing,
            approximate=table.approximate,
            extras=table.extras,
        )


dates = st.builds(
    lambda y, m, d, p: f"{y}" if p == 0 else f"{y}-{m:02d}" if p == 1 else f"{y}-{m:02d}-{d:02d}",
    st.integers(1900, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=8), dates, st.one_of(st.none(), dates), st.booleans()),
        max_size=40,
        unique_by=lambda t: t[0],
    )
)
def test_any_events_keep_the_reference_order(rows: list[tuple[str, str, str | None, bool]]) -> None:
    events = []
    for ident, start, end, ongoing in rows:
        s, e = PartialDate.parse(start), PartialDate.parse(end) if end else None
        if e is not None and (ongoing or e.end_day() <= s.first_day()):
            e = None
        events.append(Event(ident, ident.upper(), s, "c", e, ongoing and e is None))
    table = EventTable.from_events(events)
    assert list(table) == reference_order(events)
    assert all(table.positions[e.id] == i for i, e in enumerate(table))


def test_links_come_from_the_rare_fields_without_making_every_event() -> None:
    from timeline_app.model.chronology import Category, Chronology

    chron = Chronology.build(title="t", events=EVENTS, categories=[Category("c", "C", "#000000", 0)])
    assert [e.id for e in chron.events_about("gdp")] == ["fig"] and chron.events_about("none") == ()
    assert chron.related_to("a") == ("fig",) and chron.related_to("fig") == ("a",)


# texts without NUL, short and long, ASCII and not, with ties
KEY_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(["", "a", "ab", "abc", "é", "北京", "e1", "e10", "e2", "z" * 9, "z" * 17]),
        # no NUL, no lone surrogates; some of every width of UTF-8 (1 to 4 bytes)
        st.text(
            st.characters(min_codepoint=1, max_codepoint=0xD7FF) | st.characters(min_codepoint=0xE000),
            max_size=20,
        ),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(KEY_TEXTS, st.data())
def test_fixed_width_keys_sort_as_the_texts(texts: list[str], data: st.DataObject) -> None:
    column = TextColumn.from_strings(texts)
    if texts:  # reordered by rows as well as stored in order
        column = column.take(np.array(data.draw(st.permutations(range(len(texts)))), dtype=np.int64))
    shown = list(column)
    keys = column.fixed_width(64)
    assert keys is not None and [k.decode("utf-8") for k in keys] == shown
    order = key_order(keys)
    assert order.tolist() == np.argsort(keys, kind="stable").tolist()
    # code-point order, ties in their order of position (what Python's sorted gives)
    assert order.tolist() == sorted(range(len(shown)), key=shown.__getitem__)
    if len(set(shown)) == len(shown) and "" not in shown:  # as ids are
        index = IdIndex(column)
        assert all(index[t] == i for i, t in enumerate(shown))


def test_an_id_index_made_again_from_its_arrays() -> None:
    ids = TextColumn.from_strings(["b", "a", "c", "e10", "e2"])
    made = IdIndex(ids)
    arrays = made.arrays()
    assert arrays is not None
    again = IdIndex(ids, arrays=arrays)
    assert {k: again[k] for k in ids} == {k: i for i, k in enumerate(ids)} and again.get("z") is None
    keys, order = arrays
    with pytest.raises(ValueError):
        IdIndex(ids, arrays=(keys, order[:-1]))  # not one position per id
    with pytest.raises(ValueError):
        IdIndex(ids, arrays=(keys, order + 5))  # positions past the ids
    assert IdIndex(TextColumn.from_strings(["x" * 100, "y"])).arrays() is None  # kept as a dict
