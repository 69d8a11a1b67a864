"""Text kept as one UTF-8 buffer and an offsets array (:class:`TextColumn`), and the id → row
index over such a column (:class:`IdIndex`): the text columns of an
:class:`~timeline_app.model.event_table.EventTable`, a million strings without a million objects.
No Qt here.
"""

from __future__ import annotations

import mmap
import operator
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any, overload

import numpy as np

_MAX_NUMPY_ID = 64  # ids up to this many characters are ranked with numpy, longer ones in Python


# Passes over a million items run a slice at a time: each C-level call (itemgetter, fromiter, join)
# holds the interpreter lock until it returns, and a table is often built on a loading thread while
# the interface thread waits for the lock to draw its next frame.
SLICE = 16384  # a C-level pass over this many items takes 1-4 ms here (65536: 8-13 ms)


def slices(n: int) -> Iterator[tuple[int, int]]:
    return ((a, min(a + SLICE, n)) for a in range(0, n, SLICE))


_COPY = 4 << 20  # bytes copied per call


def text_buffer(size: int) -> memoryview:
    """A writable buffer of ``size`` bytes for a text column: an anonymous mapping, which the kernel
    gives zeroed pages as they are written (``bytearray(size)`` zeroes it first, in one call)."""
    if size == 0:
        return memoryview(bytearray())
    private = {"flags": mmap.MAP_PRIVATE} if hasattr(mmap, "MAP_PRIVATE") else {}  # not on Windows
    return memoryview(mmap.mmap(-1, size, **private))


class TextColumn(Sequence[str]):
    """Texts kept as one UTF-8 buffer and the offsets where each begins: a million titles are two
    objects, not a million (the strings a loader reads are freed, so the memory they took returns
    to the system instead of staying scattered between survivors). ``column[i]`` decodes one.

    A column may hold its texts in another order than its own: ``rows[i]`` is then where the i-th
    text sits among those stored (:meth:`take` reorders a million texts by reordering that index,
    not their hundred megabytes)."""

    __slots__ = ("data", "offsets", "rows")

    def __init__(
        self, data: bytes | bytearray | memoryview, offsets: np.ndarray, rows: np.ndarray | None = None
    ) -> None:
        """``data`` may be any bytes-like buffer: a cache entry's texts are views of the entry as
        read (no copy of a hundred megabytes while the interface waits for the interpreter lock).
        ``rows``, if given, says which stored text is at each position."""
        offsets = np.ascontiguousarray(offsets, dtype=np.int64)
        if (
            offsets.ndim != 1
            or offsets.size == 0
            or int(offsets[0]) != 0
            or int(offsets[-1]) != len(data)
            or bool(np.any(offsets[1:] < offsets[:-1]))
        ):
            raise ValueError("text offsets do not fit their buffer")
        if rows is not None:
            rows = np.ascontiguousarray(rows, dtype=row_type(len(offsets) - 1))
            if rows.ndim != 1 or (rows.size and (int(rows.min()) < 0 or int(rows.max()) >= len(offsets) - 1)):
                raise ValueError("text rows do not fit their offsets")
        self.data = data
        self.offsets = offsets
        self.rows = rows

    @classmethod
    def from_strings(cls, texts: Sequence[str]) -> TextColumn:
        n = len(texts)
        datas: list[bytes] = []
        lengths = np.zeros(n, dtype=np.int64)
        for a, b in slices(n):
            part = texts[a:b]
            joined = "".join(part)
            if joined.isascii():  # one byte per character: the lengths are the strings' own
                datas.append(joined.encode("ascii"))
                lengths[a:b] = np.fromiter(map(len, part), dtype=np.int64, count=b - a)
            else:
                encoded = [t.encode("utf-8", "surrogatepass") for t in part]
                datas.append(b"".join(encoded))
                lengths[a:b] = np.fromiter(map(len, encoded), dtype=np.int64, count=b - a)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        if len(datas) == 1:
            return cls(datas[0], offsets)
        # one buffer, filled a slice at a time, each slice one short call: ``b"".join`` would copy a
        # hundred megabytes in one call holding the interpreter lock, ``bytearray(size)`` zeroes it
        # first (110 ms for 150 MB), and a growing bytearray is copied on some of its reallocations
        # (up to 160 ms). An anonymous mapping is given zeroed pages by the kernel as they are written.
        buf = text_buffer(int(offsets[-1]))
        at = 0
        for d in datas:
            buf[at : at + len(d)] = d
            at += len(d)
        return cls(buf, offsets)

    @classmethod
    def concat(cls, columns: Sequence[TextColumn]) -> TextColumn:
        """The texts of ``columns`` one after another, copied a few megabytes at a time (their
        stored texts, in the order stored: a reordered column stays reordered)."""
        if len(columns) == 1:
            return columns[0]
        sizes = [len(c.data) for c in columns]
        starts = np.cumsum([0, *sizes[:-1]]).tolist()
        offsets = np.concatenate(
            [np.zeros(1, dtype=np.int64)]
            + [c.offsets[1:] + at for c, at in zip(columns, starts, strict=True)]
        )
        rows = None
        if any(c.rows is not None for c in columns):
            kind = row_type(len(offsets) - 1)
            stored = np.cumsum([0, *(len(c.offsets) - 1 for c in columns[:-1])]).tolist()
            rows = np.concatenate(
                [
                    (c.rows if c.rows is not None else np.arange(len(c), dtype=kind)).astype(kind) + base
                    for c, base in zip(columns, stored, strict=True)
                ]
            )
        buf = text_buffer(sum(sizes))
        at = 0
        for c in columns:
            data = memoryview(c.data).cast("B")
            for lo in range(0, len(data), _COPY):
                piece = data[lo : lo + _COPY]
                buf[at : at + len(piece)] = piece
                at += len(piece)
        return cls(buf, offsets, rows)

    def take(self, order: np.ndarray) -> TextColumn:
        """The texts at the positions ``order`` (a permutation, or any positions): the same buffer
        with its rows reordered, no text copied (:meth:`compact` copies them into that order)."""
        # columns reordered alike share one index when ``order`` is of the row type already
        rows = self.rows[order] if self.rows is not None else np.asarray(order, dtype=row_type(len(self)))
        return TextColumn(self.data, self.offsets, rows)

    def compact(self) -> TextColumn:
        """The same texts stored in their own order (itself when they are): gathered in numpy a
        slice at a time, no string made, and no call holding the interpreter lock long."""
        if self.rows is None:
            return self
        n = len(self)
        starts, lengths = self.bounds()
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        buf = text_buffer(int(offsets[-1]))
        src = np.frombuffer(self.data, dtype=np.uint8)
        out = np.frombuffer(buf, dtype=np.uint8)
        for a, b in slices(n):
            lo, hi = int(offsets[a]), int(offsets[b])
            if hi > lo:
                shift = np.repeat(starts[a:b] - offsets[a:b], lengths[a:b])
                out[lo:hi] = src[shift + np.arange(lo, hi, dtype=np.int64)]
        del out
        return TextColumn(buf, offsets)

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Where each text begins in :attr:`data`, and its length in bytes, position by position."""
        if self.rows is None:
            return self.offsets[:-1], np.diff(self.offsets)
        starts = self.offsets[self.rows]
        return starts, self.offsets[self.rows + 1] - starts

    def __len__(self) -> int:
        return len(self.offsets) - 1 if self.rows is None else len(self.rows)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...
    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        n = len(self)
        if isinstance(i, slice):
            a, b, step = i.indices(n)
            if step != 1:
                return tuple(self[k] for k in range(a, b, step))
            return self.span(a, b)
        k = operator.index(i)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("text index out of range")
        if self.rows is not None:
            k = int(self.rows[k])
        return str(self.data[int(self.offsets[k]) : int(self.offsets[k + 1])], "utf-8", "surrogatepass")

    def span(self, a: int, b: int) -> tuple[str, ...]:
        """Texts a..b-1 (0 ≤ a ≤ b ≤ len), decoded together."""
        if b <= a:
            return ()
        data = self.data
        if self.rows is None:
            bounds = self.offsets[a : b + 1].tolist()
            return tuple(str(data[x:y], "utf-8", "surrogatepass") for x, y in pairwise(bounds))
        rows = self.rows[a:b]
        starts, ends = self.offsets[rows].tolist(), self.offsets[rows + 1].tolist()
        return tuple(str(data[x:y], "utf-8", "surrogatepass") for x, y in zip(starts, ends, strict=True))

    def __iter__(self) -> Iterator[str]:
        n = len(self)
        for a in range(0, n, 65536):
            yield from self.span(a, min(a + 65536, n))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TextColumn):
            if len(self) != len(other):
                return False
            mine, theirs = self.compact(), other.compact()
            return mine.data == theirs.data and np.array_equal(mine.offsets, theirs.offsets)
        if isinstance(other, (tuple, list)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<TextColumn of {len(self):,} texts, {len(self.data):,} bytes>"

    @property
    def nbytes(self) -> int:
        return len(self.data) + self.offsets.nbytes + (0 if self.rows is None else self.rows.nbytes)

    def fixed_width(self, limit: int) -> np.ndarray | None:
        """The texts as a numpy array of fixed-width byte strings (``S<width>``), which sort and
        search in C in code-point order (UTF-8 keeps it), or None when a text is longer than
        ``limit`` bytes or holds a NUL (numpy would drop trailing NULs). Gathered a byte column
        at a time (one short pass per column over a slice of texts: a million ids of seven
        bytes in a tenth of a second, where a mask over every byte of every row took 0.23 s)."""
        n = len(self)
        starts, lengths = self.bounds()
        width = int(lengths.max()) if n else 1
        raw = np.frombuffer(self.data, dtype=np.uint8)
        if width > limit or bool(np.any(raw == 0)):
            return None
        width = max(width, 1)
        out = np.zeros((n, width), dtype=np.uint8)
        last = max(len(raw) - 1, 0)
        for a, b in slices(n):
            first, size = starts[a:b], lengths[a:b]
            block = out[a:b]
            for col in range(int(size.max())):
                got = raw.take(np.minimum(first + col, last))
                got[size <= col] = 0
                block[:, col] = got
        return out.view(f"S{width}").reshape(n)


def key_order(keys: np.ndarray) -> np.ndarray:
    """The stable order of fixed-width byte strings (``S<width>``, no NUL inside), as
    ``np.argsort(keys, kind="stable")`` gives it. Keys of up to 16 bytes are sorted as one or two
    big-endian integers (a million ids of 7 bytes: 0.1 s instead of 0.22; of 13: 0.18 s instead of
    0.38), whose order is the bytes' order, NUL padding first as numpy pads them."""
    width = keys.dtype.itemsize
    n = len(keys)
    if width > 16 or n == 0:
        return np.argsort(keys, kind="stable")
    words = (width + 7) // 8
    padded = np.zeros((n, 8 * words), dtype=np.uint8)
    padded[:, :width] = np.ascontiguousarray(keys).view(np.uint8).reshape(n, width)
    packed = padded.view(">u8").reshape(n, words).astype(np.uint64)
    if words == 1:  # keys as unique as ids are sort faster unstably (45 ms, not 100, at a million)
        order = np.argsort(packed[:, 0])
        ranked = packed[order, 0]
        if not bool(np.any(ranked[1:] == ranked[:-1])):  # no ties: the stable order itself
            return order
    order = np.argsort(packed[:, words - 1], kind="stable")
    for k in range(words - 2, -1, -1):  # least significant word first, each pass stable
        order = order[np.argsort(packed[order, k], kind="stable")]
    return order


def row_type(count: int) -> type[np.signedinteger[Any]]:
    """The narrowest index type for ``count`` rows (a million rows: 4 MB, not 8)."""
    return np.int32 if count < 2**31 else np.int64


class IdIndex(Mapping[str, int]):
    """Event id -> position, as a sorted array searched in C (a dict of a million ids would take
    about a hundred megabytes and a second to make); a dict when ids are long or unusual."""

    __slots__ = ("_dict", "_order", "_sorted", "_width")

    def __init__(self, ids: TextColumn, *, arrays: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """The index of ``ids``; with ``arrays`` (see :meth:`arrays`), made from those, not sorted."""
        self._dict: dict[str, int] | None = None
        self._width = 0
        if arrays is not None:
            keys, order = arrays
            n = len(ids)
            if (
                keys.ndim != 1
                or keys.dtype.kind != "S"
                or order.shape != (n,)
                or len(keys) != n
                or (n and (int(order.min()) < 0 or int(order.max()) >= n))
            ):
                raise ValueError("an id index does not fit its ids")
            self._sorted: np.ndarray = keys
            self._order: np.ndarray = np.ascontiguousarray(order, dtype=np.int32)
            self._width = keys.dtype.itemsize
            return
        keyed = id_keys(ids)
        if keyed is None:
            self._dict = dict(zip(ids, range(len(ids)), strict=True))
            self._order = np.zeros(0, dtype=np.int32)
            self._sorted = np.zeros(0, dtype="S1")
            return
        fixed, order = keyed
        self._sorted = fixed[order]
        self._order = order.astype(np.int32)
        self._width = fixed.dtype.itemsize

    def arrays(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The ids in code-point order as fixed-width byte strings and the position of each, or
        None for an index kept as a dict: what the constructor takes back (the cache keeps them,
        so that an open from it sorts nothing). Not checked for order when taken back: they come
        from a checked cache entry."""
        if self._dict is not None:
            return None
        return self._sorted, self._order

    def get(self, key: object, default: Any = None) -> Any:
        if self._dict is not None:
            return self._dict.get(key, default) if isinstance(key, str) else default
        if not isinstance(key, str):
            return default
        raw = key.encode("utf-8", "surrogatepass")
        if len(raw) > self._width or not raw or b"\0" in raw:
            return default
        i = int(np.searchsorted(self._sorted, raw))
        if i < len(self._sorted) and self._sorted[i] == raw:
            return int(self._order[i])
        return default

    def __getitem__(self, key: str) -> int:
        i = self.get(key)
        if i is None:
            raise KeyError(key)
        return int(i)

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return len(self._dict) if self._dict is not None else len(self._order)

    def __iter__(self) -> Iterator[str]:
        if self._dict is not None:
            return iter(self._dict)
        return (bytes(k).decode("utf-8", "surrogatepass") for k in self._sorted)


IdKeys = tuple[np.ndarray, np.ndarray]
"""Ids as fixed-width keys and their order (:func:`id_keys`): what an :class:`IdIndex` is made of,
and what a sort of the ids' table reuses (:func:`.event_table.sorted_order`)."""


def id_keys(ids: TextColumn) -> IdKeys | None:
    """The ids as fixed-width keys and their stable code-point order (what an :class:`IdIndex`
    is made of), or None for ids too long or unusual for keys."""
    keys = ids.fixed_width(_MAX_NUMPY_ID)
    return None if keys is None else (keys, key_order(keys))


def id_ranks(ids: TextColumn, keyed: IdKeys | None = None) -> np.ndarray:
    """Each id's rank in code-point order (what Python's ``<`` on strings gives); ``keyed``: what
    :func:`id_keys` gave for these ids, if it was asked already."""
    n = len(ids)
    keyed = keyed if keyed is not None else id_keys(ids)
    if keyed is not None:
        order = keyed[1]
    else:
        texts = list(ids)
        order = np.array(sorted(range(n), key=texts.__getitem__), dtype=np.int64).reshape(-1)
    ranks = np.empty(n, dtype=np.int64)
    ranks[order] = np.arange(n, dtype=np.int64)
    return ranks
