"""Tables of events joined into one, sorted and canonical as if built from all their rows at once.
No Qt here.

The loader reads a large file's events in worker processes, each into a table of its own share
(:mod:`timeline_app.io.parallel`); joining them here moves no string: the text columns are copied
and reordered as bytes, the date and category codes mapped onto the joined tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

from .dates import PartialDate
from .event_table import EventTable, sorted_order
from .text_column import IdIndex, IdKeys, TextColumn, row_type, slices


def _joined(values: Sequence[Sequence[Any]], sort_key: Any) -> tuple[tuple[Any, ...], list[np.ndarray]]:
    """The distinct values of several tables sorted by ``sort_key``, and per table the map from its
    codes to codes into them."""
    merged = sorted({v for table in values for v in table}, key=sort_key)
    rank = {v: i for i, v in enumerate(merged)}
    maps = [np.array([rank[v] for v in table], dtype=np.int32).reshape(-1) for table in values]
    return tuple(merged), maps


def _recode(codes: np.ndarray, mapping: np.ndarray) -> np.ndarray:
    """Codes mapped through ``mapping``; -1 (no value) stays -1."""
    if not len(mapping):
        return np.full(len(codes), -1, dtype=np.int32)
    return np.where(codes >= 0, mapping[np.maximum(codes, 0)], -1).astype(np.int32)


def concat_tables(tables: Sequence[EventTable], keyed: IdKeys | None = None) -> EventTable:
    """One table of the events of ``tables`` (equal, column for column, to the table built from all
    their rows by :meth:`EventTable.from_rows`). The tables need not be sorted (``sort=False``).
    ``keyed``: the keys of their ids, joined, if made already (see :func:`.event_table.sorted_order`)."""
    dates, date_maps = _joined([t.dates for t in tables], PartialDate.sort_key)
    cats, cat_maps = _joined([t.category_ids for t in tables], None)
    files: dict[str, int] = {}  # in the order first met, as the loader numbers them
    for t in tables:
        for f in t.origin_files:
            files.setdefault(f, len(files))
    file_maps = [np.array([files[f] for f in t.origin_files], dtype=np.int32).reshape(-1) for t in tables]
    start = np.concatenate([m[t.start] for t, m in zip(tables, date_maps, strict=True)])
    end = np.concatenate([_recode(t.end, m) for t, m in zip(tables, date_maps, strict=True)])
    ongoing = np.concatenate([t.ongoing for t in tables])
    ids = TextColumn.concat([t.ids for t in tables])
    # one index of rows for the three text columns (their texts are not moved: see TextColumn.take)
    order, index_arrays = sorted_order(dates, start, end, ongoing, ids, keyed)
    order = order.astype(row_type(len(ids)))
    n = len(order)
    # the rare fields (tuples, or None) reordered as objects in numpy, a slice at a time as below
    # (no call holds the interpreter lock long): a third of the time of indexing a list in Python
    extras = np.empty(n, dtype=object)
    at = 0
    for t in tables:
        for a, b in slices(len(t.extras)):
            extras[at + a : at + b] = np.fromiter(t.extras[a:b], dtype=object, count=b - a)
        at += len(t.extras)
    sorted_ids = ids.take(order)
    return EventTable(
        ids=sorted_ids,
        titles=TextColumn.concat([t.titles for t in tables]).take(order),
        descriptions=TextColumn.concat([t.descriptions for t in tables]).take(order),
        dates=dates,
        start=start[order],
        end=end[order],
        category_ids=cats,
        category=np.concatenate([m[t.category] for t, m in zip(tables, cat_maps, strict=True)])[order],
        ongoing=ongoing[order],
        approximate=np.concatenate([t.approximate for t in tables])[order],
        extras=tuple(chain.from_iterable(extras[order[a:b]].tolist() for a, b in slices(n))),
        importance=np.concatenate([t.importance for t in tables])[order],
        origin_files=tuple(files),
        origin_file=np.concatenate(
            [_recode(t.origin_file, m) for t, m in zip(tables, file_maps, strict=True)]
        )[order],
        origin_line=np.concatenate([t.origin_line for t in tables])[order],
        origin_column=np.concatenate([t.origin_column for t in tables])[order],
        positions=None if index_arrays is None else IdIndex(sorted_ids, arrays=index_arrays),
    )
