"""Tables joined into one (the loader's worker processes each read a share of a file's events):
the same table, column for column, as one built from all the events at once. No Qt."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model.chronology import Event, Origin
from timeline_app.model.dates import PartialDate
from timeline_app.model.event_table import EventTable, sort_order
from timeline_app.model.table_concat import concat_tables
from timeline_app.model.text_column import TextColumn, id_ranks

DATES = st.sampled_from(
    ["2014", "2014-02", "2014-02-26", "201X", "../2014", "2014/..", "1999-12-31", "44 BCE"]
)
ROWS = st.lists(
    st.tuples(
        st.text(min_size=1, max_size=6),  # id
        st.text(max_size=5),  # title and description
        DATES,
        st.one_of(st.none(), DATES),
        st.sampled_from(["a", "b", "z"]),  # category
        st.booleans(),  # ongoing
        st.sampled_from([(), ("Beijing",), ("Hebei", "Tianjin")]),  # places
        st.sampled_from(["x.yaml", "y.yaml"]),
        st.integers(0, 9),  # importance, line
    ),
    max_size=30,
    unique_by=lambda r: r[0],
)


def _events(rows: list[tuple]) -> tuple[list[Event], dict[str, Origin]]:  # type: ignore[type-arg]
    events, origins = [], {}
    for ident, text, start, end, cat, ongoing, places, file, k in rows:
        s, e = PartialDate.parse(start), PartialDate.parse(end) if end else None
        if e is not None and (ongoing or e.end_day() <= s.first_day()):
            e = None
        rank = ("minor", "major", "headline")[k % 3]
        events.append(
            Event(ident, text or "T", s, cat, e, ongoing, k % 2 == 0, places, (), text, importance=rank)
        )
        origins[ident] = Origin(file, k + 1, 3)
    return events, origins


def _share(events: list[Event], origins: dict[str, Origin], sort: bool) -> EventTable:
    """A table of ``events``; unsorted (in the order given) without ``sort``, as a worker's share."""
    return EventTable.from_rows(
        ids=[e.id for e in events],
        titles=[e.title for e in events],
        descriptions=[e.description for e in events],
        starts=[e.start for e in events],
        ends=[e.end for e in events],
        categories=[e.category for e in events],
        ongoing=[e.ongoing for e in events],
        approximate=[e.approximate for e in events],
        extras=[((e.places, (), (), (), (), ()) if e.places else None) for e in events],
        importance=[e.rank for e in events],
        origins=[origins[e.id] for e in events],
        sort=sort,
    )


@settings(max_examples=80, deadline=None)
@given(ROWS, st.lists(st.integers(0, 30), max_size=3), st.booleans())
def test_joined_tables_equal_the_table_of_all_events(rows: list[tuple], cuts: list[int], sort: bool) -> None:  # type: ignore[type-arg]
    events, origins = _events(rows)
    bounds = [0, *sorted(min(c, len(events)) for c in cuts), len(events)]
    shares = [_share(events[a:b], origins, sort) for a, b in pairwise(bounds)]
    whole = EventTable.from_events(events, origins)
    joined = concat_tables(shares)
    assert joined == whole
    assert joined.dates == whole.dates and joined.category_ids == whole.category_ids
    assert [joined.origin(i) for i in range(len(joined))] == [whole.origin(i) for i in range(len(whole))]
    assert list(joined) == list(whole)
    ids = list(joined.ids)
    if len(set(ids)) == len(ids):  # the index made with the sort finds each event where it is
        assert [joined.positions[k] for k in ids] == list(range(len(ids)))
        assert [whole.positions[k] for k in ids] == list(range(len(ids)))


def test_text_columns_joined_and_reordered_as_bytes() -> None:
    texts = ["", "北京", "a", "Über", "", "zz"]
    a, b = TextColumn.from_strings(texts[:4]), TextColumn.from_strings(texts[4:])
    joined = TextColumn.concat([a, b])
    assert joined == TextColumn.from_strings(texts)
    order = np.array([5, 1, 0, 3, 2, 4])
    assert list(joined.take(order)) == [texts[i] for i in order]
    assert joined.take(order) == TextColumn.from_strings([texts[i] for i in order])


def test_a_reordered_column_keeps_its_buffer_until_compacted() -> None:
    texts = ["", "北京", "a", "Über", "", "zz", "b"]
    column = TextColumn.from_strings(texts)
    order = np.array([6, 1, 0, 3, 2, 4, 5])
    taken = column.take(order)
    assert taken.data is column.data  # reordered by its rows: no text copied
    expected = [texts[i] for i in order]
    assert list(taken) == expected and taken[1:5] == tuple(expected[1:5]) and taken[-1] == expected[-1]
    again = taken.take(np.array([2, 0, 1, 3, 4, 5, 6]))
    assert list(again) == [expected[i] for i in [2, 0, 1, 3, 4, 5, 6]]
    compact = taken.compact()
    assert compact.rows is None and bytes(compact.data) == "".join(expected).encode("utf-8")
    assert compact == taken and taken == TextColumn.from_strings(expected)
    assert taken != column  # the same texts in another order
    # joined with a column in its own order, each keeps its order
    joined = TextColumn.concat([taken, TextColumn.from_strings(["q", "北"])])
    assert list(joined) == [*expected, "q", "北"]
    keys = joined.fixed_width(8)
    assert keys is not None and [k.decode("utf-8") for k in keys] == [*expected, "q", "北"]
    with pytest.raises(ValueError):
        TextColumn(column.data, column.offsets, np.array([0, 7]))  # a row past the texts


def _lexsorted(
    dates: list[PartialDate], start: np.ndarray, end: np.ndarray, ongoing: np.ndarray, ids: TextColumn
) -> list[int]:
    """The order as four stable sorts make it (the definition the one-key sort must keep)."""
    first = np.array([d.first_day() for d in dates], dtype=np.float64)
    last = np.array([d.end_day() for d in dates], dtype=np.float64)
    end_key = np.where(end >= 0, last[np.maximum(end, 0)], last[start])
    end_key[ongoing] = 0.0
    side = np.array([{"before": -1, "after": 1}.get(d.open, 0) for d in dates], dtype=np.int8)
    return [int(i) for i in np.lexsort((id_ranks(ids), side[start], end_key, first[start]))]


SORT_DATES = st.sampled_from(
    [
        "2014",
        "2014-02",
        "2014-02-26",
        "201X",
        "../2014",
        "2014/..",
        "1999-12-31",
        "44 BCE",
        "1970-01-01",
        "1969",
    ]
)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(SORT_DATES, min_size=1, max_size=6, unique=True),
    st.lists(
        st.tuples(
            st.integers(0, 5), st.integers(-1, 5), st.booleans(), st.sampled_from(["a", "b", "c", "é"])
        ),
        max_size=40,
    ),
    st.booleans(),
)
def test_one_key_sorts_as_four(
    texts: list[str], rows: list[tuple[int, int, bool, str]], one_key: bool
) -> None:
    import timeline_app.model.event_table as et

    dates = [PartialDate.parse(t) for t in texts]
    k = len(dates)
    start = np.array([s % k for s, _, _, _ in rows], dtype=np.int32)
    end = np.array([-1 if e < 0 else e % k for _, e, _, _ in rows], dtype=np.int32)
    ongoing = np.array([o for _, _, o, _ in rows], dtype=bool)
    ids = TextColumn.from_strings([i for _, _, _, i in rows])  # with ties
    saved = et._ONE_KEY_LIMIT
    et._ONE_KEY_LIMIT = saved if one_key else 0  # 0: the four sorts, as for keys too large for one
    try:
        got = sort_order(dates, start, end, ongoing, ids).tolist()
    finally:
        et._ONE_KEY_LIMIT = saved
    assert got == _lexsorted(dates, start, end, ongoing, ids)


def test_keys_given_for_other_ids_are_refused() -> None:
    from timeline_app.model.event_table import sorted_order
    from timeline_app.model.text_column import TextColumn, id_keys

    ids = TextColumn.from_strings(["b", "a", "c"])
    other = id_keys(TextColumn.from_strings(["b", "a"]))
    assert other is not None
    start = np.zeros(3, dtype=np.int32)
    end = np.full(3, -1, dtype=np.int32)
    on = np.zeros(3, dtype=bool)
    dates = [PartialDate(2014)]
    with pytest.raises(ValueError, match="not those of these ids"):
        sorted_order(dates, start, end, on, ids, other)
    order, _ = sorted_order(dates, start, end, on, ids, id_keys(ids))
    assert order.tolist() == [1, 0, 2]
