"""A chronology's events kept as columns, with :class:`Event` objects made only when asked. No Qt here.

A million events as a million named tuples, each with two date objects and an entry in a dict of
origins, took about 1.4 GB and a million objects for the garbage collector to walk. Here they are:

* one tuple per text field (``ids``, ``titles``, ``descriptions``), the strings themselves shared
  with nothing else;
* dates as codes into one table of the distinct dates (a million events over thirty years use about
  eleven thousand dates), categories as codes into the distinct category ids;
* flags as boolean arrays, where each event was written as three small arrays;
* the rarely given fields (places, tags, figures, sources, related events, indicators) as one tuple
  per event that has any, ``None`` for the others.

``table[i]`` makes the :class:`Event` (about a microsecond); the views read the arrays instead.
Tables are built sorted by start, then end, then id, with the date and category tables in a
canonical order, so two tables of the same events are equal column for column.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import is_not
from typing import Any, Final, overload

import numpy as np

from .dates import PartialDate
from .records import IMPORTANCE, Event, Figure, Origin, SourceRef
from .text_column import IdIndex, IdKeys, TextColumn, id_keys, id_ranks, slices

# an event's rarely given fields, in this order: places, tags, figures, sources, related, indicators
Extras = tuple[
    tuple[str, ...],
    tuple[str, ...],
    tuple["Figure", ...],
    tuple["SourceRef", ...],
    tuple[str, ...],
    tuple[str, ...],
]
NO_EXTRAS: Extras = ((), (), (), (), (), ())
# where each field sits in Extras: read ``x[RELATED]``, not ``x[4]``
PLACES: Final = 0
TAGS: Final = 1
FIGURES: Final = 2
SOURCES: Final = 3
RELATED: Final = 4
INDICATORS: Final = 5


def _pick_part(seq: Sequence[Any], order: np.ndarray) -> tuple[Any, ...]:
    if len(order) == 0:
        return ()
    if len(order) == 1:
        return (seq[int(order[0])],)
    return operator.itemgetter(*order.tolist())(seq)  # type: ignore[no-any-return]


def _pick(seq: Sequence[Any], order: np.ndarray) -> tuple[Any, ...]:
    """``seq`` reordered by ``order`` (a permutation), as a tuple."""
    parts = [_pick_part(seq, order[a:b]) for a, b in slices(len(order))]
    return parts[0] if len(parts) == 1 else tuple(x for part in parts for x in part)


def _from(fn: Any, seq: Sequence[Any], dtype: Any, *more: Sequence[Any]) -> np.ndarray:
    """``np.fromiter(map(fn, seq, *more))``, a slice at a time."""
    n = len(seq)
    parts = [
        np.fromiter(map(fn, seq[a:b], *(m[a:b] for m in more)), dtype=dtype, count=b - a)
        for a, b in slices(n)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _codes(values: Sequence[Any], key: Any = None) -> tuple[list[Any], np.ndarray]:
    """The distinct values (compared by ``key``, the identity of each object by default, which is
    cheap for the shared date objects the loader makes) and each value's code into them."""
    seen: dict[Any, int] = {}
    n = len(values)
    parts = []
    for a, b in slices(n):
        keys = values[a:b] if key is None else list(map(key, values[a:b]))
        parts.append(np.fromiter(map(seen.setdefault, keys, range(a, b)), dtype=np.int64, count=b - a))
    raw = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    # raw holds, for each value, the position where it was first seen; the dict lists those
    # positions in increasing order: number them (no sort, unlike np.unique, which holds the
    # interpreter lock for tens of milliseconds at a million values)
    first = np.fromiter(seen.values(), dtype=np.int64, count=len(seen))
    number = np.zeros(max(n, 1), dtype=np.int32)
    number[first] = np.arange(len(first), dtype=np.int32)
    codes = np.concatenate([number[raw[a:b]] for a, b in slices(n)]) if n else np.zeros(0, dtype=np.int32)
    return [values[int(k)] for k in first], codes


def _canonical(distinct: list[Any], codes: np.ndarray, sort_key: Any) -> tuple[tuple[Any, ...], np.ndarray]:
    """Merge equal values and sort them by ``sort_key``; the codes follow."""
    merged: dict[Any, int] = {}
    for v in distinct:
        merged.setdefault(v, len(merged))
    ordered = sorted(merged, key=sort_key)
    rank = {v: i for i, v in enumerate(ordered)}
    remap = np.fromiter((rank[v] for v in distinct), dtype=np.int32, count=len(distinct))
    return tuple(ordered), (remap[codes] if len(codes) else codes.astype(np.int32))


_ONE_KEY_LIMIT = 2**63  # the events' sort keys fit one int64 below this


def sort_order(
    dates: Sequence[PartialDate],
    start: np.ndarray,
    end: np.ndarray,
    ongoing: np.ndarray,
    ids: TextColumn,
    keyed: IdKeys | None = None,
) -> np.ndarray:
    """The order of a table's events: by start, end and id (codes into ``dates``; end -1: none).
    ``keyed``: :func:`.text_column.id_keys` of ``ids``, if asked already."""
    n = len(start)
    if not n:
        return np.zeros(0, dtype=np.int64)
    first = np.array([d.first_day() for d in dates], dtype=np.int64)
    last = np.array([d.end_day() for d in dates], dtype=np.int64)
    # by the first day, then the last (an ongoing event's counts as day 0: Event.end_day(today=0),
    # so the order does not move with the clock), then the open side: "before 2014" (../2014)
    # ahead of "2014" ahead of "2014 or after" (2014/..), then the id
    side = np.array([{"before": 0, "after": 2}.get(d.open, 1) for d in dates], dtype=np.int64)
    ranks = id_ranks(ids, keyed)  # a permutation: every event's key below differs from the others'
    firsts, first_rank = np.unique(first, return_inverse=True)
    # asked with its index: a plain np.unique imports numpy.ma on its first call (14 ms of a first
    # start, which sorts the shipped chronology)
    ends = np.unique(np.append(last, 0), return_index=True)[0]
    end_rank = np.searchsorted(ends, last)[np.where(end >= 0, end, start)]
    end_rank[ongoing] = int(np.searchsorted(ends, 0))
    if len(firsts) * len(ends) * 3 * n < _ONE_KEY_LIMIT:  # one integer key: one sort, not four
        key = (first_rank.reshape(-1)[start] * len(ends) + end_rank) * 3 + side[start]
        key *= n
        key += ranks
        return np.argsort(key)
    return np.lexsort((ranks, side[start], end_rank, first_rank.reshape(-1)[start]))


def sorted_order(
    dates: Sequence[PartialDate],
    start: np.ndarray,
    end: np.ndarray,
    ongoing: np.ndarray,
    ids: TextColumn,
    keyed: IdKeys | None = None,
) -> tuple[np.ndarray, IdKeys | None]:
    """:func:`sort_order`, and the arrays of the id index of the table in that order (see
    :meth:`IdIndex.arrays`), made from the ids' order the sort needed anyway: a table built here
    needs no sort of its ids later. None for ids too long or unusual for keys. ``keyed``:
    :func:`.text_column.id_keys` of ``ids`` when made already (the loader's check of the ids)."""
    if keyed is None:
        keyed = id_keys(ids)
    elif len(keyed[0]) != len(ids) or len(keyed[1]) != len(ids):
        raise ValueError("the keys given are not those of these ids")
    order = sort_order(dates, start, end, ongoing, ids, keyed)
    if keyed is None:
        return order, None
    keys, by_id = keyed
    row = np.empty(len(order), dtype=np.int32)  # where each event lands in the sorted table
    row[order] = np.arange(len(order), dtype=np.int32)
    return order, (keys[by_id], row[by_id])


class EventTable(Sequence["Event"]):
    """The events of a chronology, sorted by start, end and id (see the module's docstring)."""

    __slots__ = (
        "_index",
        "approximate",
        "category",
        "category_ids",
        "dates",
        "descriptions",
        "end",
        "extras",
        "ids",
        "importance",
        "ongoing",
        "origin_column",
        "origin_file",
        "origin_files",
        "origin_line",
        "start",
        "titles",
    )

    def __init__(
        self,
        *,
        ids: TextColumn,
        titles: TextColumn,
        descriptions: TextColumn,
        dates: tuple[PartialDate, ...],
        start: np.ndarray,
        end: np.ndarray,
        category_ids: tuple[str, ...],
        category: np.ndarray,
        ongoing: np.ndarray,
        approximate: np.ndarray,
        extras: tuple[Extras | None, ...],
        importance: np.ndarray | None = None,
        origin_files: tuple[str, ...] = (),
        origin_file: np.ndarray | None = None,
        origin_line: np.ndarray | None = None,
        origin_column: np.ndarray | None = None,
        positions: IdIndex | None = None,
    ) -> None:
        """The columns as they are (already sorted and canonical). Every column is checked for
        length and every code for range: a table read from a cache is never trusted blindly.
        ``positions``: the index of the ids, when it is known already (see :attr:`positions`)."""
        n = len(ids)
        self.ids, self.titles, self.descriptions = ids, titles, descriptions
        self.dates, self.category_ids, self.extras = dates, category_ids, extras
        self.start = np.ascontiguousarray(start, dtype=np.int32)
        self.end = np.ascontiguousarray(end, dtype=np.int32)
        self.category = np.ascontiguousarray(category, dtype=np.int32)
        self.ongoing = np.ascontiguousarray(ongoing, dtype=bool)
        self.approximate = np.ascontiguousarray(approximate, dtype=bool)
        # rank into IMPORTANCE (0 minor, 1 major, 2 headline)
        none8 = np.zeros(n, dtype=np.int8)
        self.importance = none8 if importance is None else np.ascontiguousarray(importance, dtype=np.int8)
        self.origin_files = origin_files
        none = np.full(n, -1, dtype=np.int32)
        self.origin_file = none if origin_file is None else np.ascontiguousarray(origin_file, dtype=np.int32)
        zero = np.zeros(n, dtype=np.int32)
        self.origin_line = zero if origin_line is None else np.ascontiguousarray(origin_line, dtype=np.int32)
        self.origin_column = (
            zero if origin_column is None else np.ascontiguousarray(origin_column, dtype=np.int32)
        )
        if positions is not None and len(positions) != n:
            raise ValueError("the id index is not of these events")
        self._index: IdIndex | None = positions
        columns = (titles, descriptions, extras, self.start, self.end, self.category, self.ongoing)
        more = (self.approximate, self.importance, self.origin_file, self.origin_line, self.origin_column)
        if any(len(c) != n for c in (*columns, *more)):
            raise ValueError("the event columns differ in length")
        if n and (
            int(self.start.min()) < 0
            or int(self.start.max()) >= len(dates)
            or int(self.end.min()) < -1
            or int(self.end.max()) >= len(dates)
            or int(self.category.min()) < 0
            or int(self.category.max()) >= len(category_ids)
            or int(self.importance.min()) < 0
            or int(self.importance.max()) > 2
            or int(self.origin_file.min()) < -1
            or int(self.origin_file.max()) >= len(origin_files)
        ):
            raise ValueError("an event column refers past its table")

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def from_rows(
        cls,
        *,
        ids: Sequence[str],
        titles: Sequence[str],
        descriptions: Sequence[str],
        starts: Sequence[PartialDate],
        ends: Sequence[PartialDate | None],
        categories: Sequence[str],
        ongoing: Sequence[bool],
        approximate: Sequence[bool],
        extras: Sequence[Extras | None],
        importance: Sequence[int] | None = None,
        origins: Sequence[Origin | None] | None = None,
        origin_columns: tuple[Sequence[str], Sequence[int], Sequence[int], Sequence[int]] | None = None,
        sort: bool = True,
        keyed: IdKeys | None = None,
    ) -> EventTable:
        """Events given field by field in any order: sorted, with canonical date and category tables.

        Where each was written: ``origins``, or (quicker) ``origin_columns``: the file names, and
        per event the index of its file (-1: unknown), its line and its column. Without ``sort``,
        the events stay in the order given: a share of a table to be joined with others (see
        :func:`.table_concat.concat_tables`, which sorts). ``keyed``: the ids' keys, if made already
        (see :func:`sorted_order`)."""
        n = len(ids)
        id_column = TextColumn.from_strings(ids)
        dates = list(starts) + [e for e in ends if e is not None]
        distinct, codes = _codes(dates, id)
        table, codes = _canonical(distinct, codes, PartialDate.sort_key)
        start = codes[:n]
        has_end = _from(is_not, ends, bool, [None] * n)
        end = np.full(n, -1, dtype=np.int32)
        end[has_end] = codes[n:]
        cats, cat_codes = _codes(categories, None)
        cat_table, cat_codes = _canonical(cats, cat_codes, None)
        on = _from(bool, ongoing, bool)

        index_arrays = None
        if sort:
            order, index_arrays = sorted_order(table, start, end, on, id_column, keyed)
        else:
            order = np.arange(n)

        def put(column: Any) -> Any:
            if not sort:
                return column
            return column.take(order) if isinstance(column, TextColumn) else column[order]

        o_files: tuple[str, ...] = ()
        o_file = o_line = o_col = None
        if origins is not None:
            names: dict[str, int] = {}
            # Python functions in the passes: the interpreter can switch threads inside them
            o_file = _from(
                lambda o: -1 if o is None else names.setdefault(o.file, len(names)), origins, np.int32
            )
            o_line = _from(lambda o: 0 if o is None else o.line, origins, np.int32)
            o_col = _from(lambda o: 0 if o is None else o.column, origins, np.int32)
            o_file, o_line, o_col = put(o_file), put(o_line), put(o_col)
            o_files = tuple(names)
        elif origin_columns is not None:
            files, file_of, line_of, col_of = origin_columns
            o_files = tuple(files)
            o_file = put(_from(int, file_of, np.int32))
            o_line = put(_from(int, line_of, np.int32))
            o_col = put(_from(int, col_of, np.int32))
        sorted_ids: TextColumn = put(id_column)
        return cls(
            # the texts made into columns as they come, then reordered in numpy (no string moved)
            ids=sorted_ids,
            titles=put(TextColumn.from_strings(titles)),
            descriptions=put(TextColumn.from_strings(descriptions)),
            dates=table,
            start=put(start),
            end=put(end),
            category_ids=cat_table,
            category=put(cat_codes),
            ongoing=put(on),
            approximate=put(_from(bool, approximate, bool)),
            extras=_pick(extras, order) if sort else tuple(extras),
            importance=None if importance is None else put(_from(int, importance, np.int8)),
            origin_files=o_files,
            origin_file=o_file,
            origin_line=o_line,
            origin_column=o_col,
            positions=None if index_arrays is None else IdIndex(sorted_ids, arrays=index_arrays),
        )

    @classmethod
    def from_events(cls, events: Iterable[Event], origins: Mapping[str, Origin] | None = None) -> EventTable:
        """A table of ``events`` (in any order); ``origins`` maps event ids to where they were written."""
        evs = list(events)
        return cls.from_rows(
            ids=[e.id for e in evs],
            titles=[e.title for e in evs],
            descriptions=[e.description for e in evs],
            starts=[e.start for e in evs],
            ends=[e.end for e in evs],
            categories=[e.category for e in evs],
            ongoing=[e.ongoing for e in evs],
            approximate=[e.approximate for e in evs],
            extras=[_extras_of(e) for e in evs],
            importance=[e.rank for e in evs],
            origins=None if origins is None else [origins.get(e.id) for e in evs],
        )

    @classmethod
    def of(cls, events: Iterable[Event]) -> EventTable:
        return events if isinstance(events, EventTable) else cls.from_events(events)

    def with_texts(
        self, titles: TextColumn, descriptions: TextColumn, extras: tuple[Extras | None, ...]
    ) -> EventTable:
        """The same events with other titles, descriptions and extras (in the same order): the
        table of a chronology in another language (:func:`.localize.localize`)."""
        out = EventTable(
            ids=self.ids,
            titles=titles,
            descriptions=descriptions,
            dates=self.dates,
            start=self.start,
            end=self.end,
            category_ids=self.category_ids,
            category=self.category,
            ongoing=self.ongoing,
            approximate=self.approximate,
            extras=extras,
            importance=self.importance,
            origin_files=self.origin_files,
            origin_file=self.origin_file,
            origin_line=self.origin_line,
            origin_column=self.origin_column,
        )
        out._index = self._index  # the same ids: the index of them is shared, not built again
        return out

    def renew_dates(self) -> None:
        """Replace the date objects by equal, newly made ones (the value of the table is unchanged).

        For the loader, once it has freed what it built on its way: the date objects were made
        scattered among millions of temporary objects, and each one left alive keeps the allocator
        from returning the memory block it sits in (hundreds of megabytes at a million events)."""
        self.dates = tuple(
            PartialDate(d.year + 0, d.month, d.day, d.unknown_digits, d.x_parts, d.qualifier, d.open)
            for d in self.dates
        )

    # -- the sequence of events -------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    def event(self, i: int) -> Event:
        """The event at position ``i`` (0 ≤ i < len), made from the columns."""

        e = int(self.end[i])
        c = int(self.category[i])
        x = self.extras[i] or NO_EXTRAS
        return Event._make(
            (
                self.ids[i],
                self.titles[i],
                self.dates[int(self.start[i])],
                self.category_ids[c],
                None if e < 0 else self.dates[e],
                bool(self.ongoing[i]),
                bool(self.approximate[i]),
                x[PLACES],
                x[TAGS],
                self.descriptions[i],
                x[FIGURES],
                x[SOURCES],
                x[RELATED],
                x[INDICATORS],
                IMPORTANCE[self.importance[i]],
            ),
        )

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Event, ...]: ...
    def __getitem__(self, i: int | slice) -> Event | tuple[Event, ...]:
        if isinstance(i, slice):
            return tuple(self.event(k) for k in range(*i.indices(len(self.ids))))
        k = operator.index(i)
        n = len(self.ids)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("event index out of range")
        return self.event(k)

    def __iter__(self) -> Iterator[Event]:
        return map(self.event, range(len(self.ids)))

    def __contains__(self, value: object) -> bool:
        ident = getattr(value, "id", None)
        i = self.positions.get(ident) if isinstance(ident, str) else None
        return i is not None and self.event(i) == value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventTable):
            return (
                self.ids == other.ids
                and self.titles == other.titles
                and self.descriptions == other.descriptions
                and self.dates == other.dates
                and self.category_ids == other.category_ids
                and np.array_equal(self.start, other.start)
                and np.array_equal(self.end, other.end)
                and np.array_equal(self.category, other.category)
                and np.array_equal(self.ongoing, other.ongoing)
                and np.array_equal(self.approximate, other.approximate)
                and np.array_equal(self.importance, other.importance)
                and self.extras == other.extras
            )  # where events were written is not part of what they are (as for Event)
        if isinstance(other, (tuple, list)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<EventTable of {len(self):,} events>"

    # -- look-ups -----------------------------------------------------------------------------------
    @property
    def positions(self) -> IdIndex:
        """Event id -> position (made on first use)."""
        if self._index is None:
            self._index = IdIndex(self.ids)
        return self._index

    def origin(self, i: int) -> Origin | None:
        """Where the event at ``i`` was written, if known."""

        f = int(self.origin_file[i])
        if f < 0:
            return None
        return Origin(self.origin_files[f], int(self.origin_line[i]), int(self.origin_column[i]))

    def first_days(self) -> tuple[np.ndarray, np.ndarray]:
        """First day and the day after the last day of each date of :attr:`dates`."""
        first = np.fromiter((d.first_day() for d in self.dates), dtype=np.float64, count=len(self.dates))
        last = np.fromiter((d.end_day() for d in self.dates), dtype=np.float64, count=len(self.dates))
        return first, last

    def rows(self, a: int, b: int) -> Iterator[tuple[str, str, str, Extras | None]]:
        """``(id, title, description, extras)`` of events a..b-1, without making the events."""
        return zip(
            self.ids.span(a, b),
            self.titles.span(a, b),
            self.descriptions.span(a, b),
            self.extras[a:b],
            strict=True,
        )


def _extras_of(e: Event) -> Extras | None:
    x = (e.places, e.tags, e.figures, e.sources, e.related, e.indicators)
    return x if any(x) else None
