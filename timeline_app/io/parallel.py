"""A large file's events read in worker processes, each a share of them, side by side.

The fast path cuts a long ``events:`` sequence into pieces between items (:mod:`.fast_path`). With
workers, the pieces are shared out among processes (one per core, at most four), each of which reads
its share as the loader in one process reads it (:func:`.fast_events.read_events`: the same values,
checks and positions) into a table of events, and sends back the table's columns as bytes; the
loader joins the tables (:func:`~timeline_app.model.table_concat.concat_tables`). So the reading runs
on every core, and the app's process never makes the millions of short-lived objects of a parse,
whose scattered survivors kept the memory they sat in from going back to the system.

What a load gives does not change. A worker that doubts (anything that sends the loader in one
process to the exact path) sends the whole load to the exact path, which finds and places every
problem in the app's process; a worker that fails otherwise (could not start, died) has its share
read in the app's process. Workers are started with ``spawn`` (the frozen app calls
``multiprocessing.freeze_support()`` first, see ``timeline_app/__main__.py``).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import threading
from collections.abc import Sequence
from itertools import chain, pairwise
from multiprocessing.connection import Connection, wait
from typing import Any

import numpy as np

from ..model.dates import PartialDate
from ..model.event_table import EventTable
from ..model.text_column import TextColumn, slices, text_buffer
from . import fast_path
from .checks import Doubt, Walk
from .event_rows import EventRows
from .fast_path import FastPathFailed, LazyItems, Piece
from .item_positions import find_positions
from .progress import Progress

MIN_PIECES = 16  # a sequence cut into fewer pieces (4 MB) is read in the app's process
MAX_WORKERS = 4
WORKERS_ENV = "TIMELINE_APP_LOAD_WORKERS"  # how many worker processes; 0: none
# a file this names is given how many workers read a load's events (packaging/ci.sh: the frozen app)
REPORT_ENV = "TIMELINE_APP_LOAD_WORKERS_REPORT"
_CHUNK = 4 << 20  # bytes per message: a large message is gathered in a growing buffer, copied as it grows
_TEXTS = ("ids", "titles", "descriptions")
_ARRAYS = (
    ("start", np.int32),
    ("end", np.int32),
    ("category", np.int32),
    ("ongoing", np.bool_),
    ("approximate", np.bool_),
    ("importance", np.int8),
    ("origin_file", np.int32),
    ("origin_line", np.int32),
    ("origin_column", np.int32),
)


def worth_it(size: int) -> bool:
    """Whether a YAML file of ``size`` bytes may have events enough for workers."""
    return size >= MIN_PIECES * fast_path.CHUNK_CHARS


def worker_count() -> int:
    """How many worker processes a large load uses: ``$TIMELINE_APP_LOAD_WORKERS`` if set, else one
    per core, at most :data:`MAX_WORKERS` (one is still worth it: the parse's debris stays there)."""
    env = os.environ.get(WORKERS_ENV, "").strip()
    if env:
        return min(int(env), MAX_WORKERS) if env.isdigit() else 0
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _send_buffer(conn: Connection, data: Any) -> None:
    view = memoryview(data).cast("B")
    conn.send(len(view))
    for lo in range(0, len(view), _CHUNK):
        conn.send_bytes(view[lo : lo + _CHUNK])


def _recv_buffer(conn: Connection) -> memoryview:
    size = conn.recv()
    buf = text_buffer(size)
    at = 0
    while at < size:
        chunk = conn.recv_bytes()
        buf[at : at + len(chunk)] = chunk
        at += len(chunk)
    return buf


def _line_breaks(text: bytes, lo: int, hi: int) -> int:
    """How many line breaks ``text[lo:hi]`` holds, counted a slice at a time: one count over the
    first share of a million events (about 100 MB) held the interpreter lock for 40-65 ms, a
    frozen interface meanwhile."""
    return sum(text.count(b"\n", a, min(a + _CHUNK, hi)) for a in range(lo, hi, _CHUNK))


def _send_task(
    conn: Connection, task: tuple[Any, ...], text: memoryview, failed: list[BaseException]
) -> None:
    try:
        conn.send(task)
        _send_buffer(conn, text)
    except (OSError, ValueError) as exc:
        failed.append(exc)


# -- in the worker ----------------------------------------------------------------------------------------
def _serve(conn: Connection) -> None:
    """A worker's life: shares of events read, one after another (a load of several large files
    gives it one of each), each table sent back, until the app closes the pipe or a share fails."""
    gc.disable()  # as the loader in the app's process (runtime.loading): it makes only what it keeps
    try:
        while True:
            try:
                task = conn.recv()
            except EOFError:
                return
            if not _serve_one(conn, task):
                return
    finally:
        conn.close()


def _serve_one(conn: Connection, task: tuple[Any, ...]) -> bool:
    """Read one share and send back its table (or why not); False when something failed on the way
    (the pipe may hold half a message: the worker ends, and the app reads the share itself)."""
    try:
        name, key, pieces, starts, line_base = task
        text = bytes(_recv_buffer(conn))
        try:
            table, w, found = _read_share(conn, name, key, pieces, starts, line_base, text)
        except Doubt:
            conn.send(("doubt",))
            return True
        except FastPathFailed:
            conn.send(("unsure",))
            return True
        del text
        conn.send(("done", _meta(table, w, found)))
        for part in _parts(table):
            _send_buffer(conn, part)
        return True
    except Exception as exc:
        with contextlib.suppress(Exception):
            conn.send(("error", repr(exc)))
        return False


def _read_share(
    conn: Connection,
    name: str,
    key: str,
    pieces: list[Piece],
    starts: list[int],
    line_base: int,
    text: bytes,
) -> tuple[EventTable, Walk, bool]:
    from .fast_events import read_events  # here: fast_events imports this module

    progress = Progress(lambda _what, done: conn.send(("progress", done)))
    progress.phase("", 0.0, 1.0)
    w = Walk(fast=True, progress=progress)
    w.file = name
    positions = find_positions(text, starts)
    if positions is not None:
        positions = [(line + line_base, column) for line, column in positions]
    w.item_lines[(name, key)] = positions
    rows = EventRows()
    read_events(w, LazyItems(text, key, pieces, None), rows)
    return rows.table(sort=False), w, positions is not None  # sorted once joined


def _meta(table: EventTable, w: Walk, found: bool) -> dict[str, Any]:
    return {
        "n": len(table),
        # their fields: a dataclass unpickled field by field took a third of a second here
        "dates": [
            (d.year, d.month, d.day, d.unknown_digits, d.x_parts, d.qualifier, d.open) for d in table.dates
        ],
        "category_ids": table.category_ids,
        "origin_files": table.origin_files,
        # a slice at a time: unpickling them all at once held the app's interpreter lock too long
        "extras": [
            pickle.dumps(table.extras[a:b], protocol=pickle.HIGHEST_PROTOCOL) for a, b in slices(len(table))
        ],
        "values": w.values,
        "refs": w.refs,
        "texts": w.texts,
        "positions": found,
    }


def _parts(table: EventTable) -> list[Any]:
    out: list[Any] = []
    for name in _TEXTS:
        column: TextColumn = getattr(table, name).compact()  # a share is in reading order: no copy
        out += [column.data, np.ascontiguousarray(column.offsets, dtype=np.int64)]
    out += [np.ascontiguousarray(getattr(table, name), dtype=dtype) for name, dtype in _ARRAYS]
    return out


# -- in the app's process ---------------------------------------------------------------------------------
class Workers:
    """Worker processes for one load, started before the file is parsed (a process takes a while to
    start) and ended by :meth:`close`, whatever happened."""

    def __init__(self, count: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._procs: list[Any] = []
        self._ended: list[Any] = []
        self.conns: list[Connection] = []
        for _ in range(count):
            ours, theirs = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(theirs,), name="timeline-app-load", daemon=True)
            proc.start()
            theirs.close()
            self._procs.append(proc)
            self.conns.append(ours)

    @classmethod
    def start(cls, count: int) -> Workers | None:
        """``count`` workers, or None when processes cannot be started here."""
        if count < 1:
            return None
        try:
            return cls(count)
        except Exception:
            return None

    def delegate(self, text: bytes, key: str, pieces: list[Piece], starts: list[int]) -> LazyItems:
        """The items of a long sequence cut into ``pieces``: the events, read by the workers."""
        if key != "events" or len(pieces) < MIN_PIECES or not self.conns:
            return LazyItems(text, key, pieces, None)
        return Delegated(self, text, key, pieces, starts)

    def drop(self, conn: Connection) -> None:
        """Stop giving work to the worker at the end of ``conn`` (it failed)."""
        if conn in self.conns:
            k = self.conns.index(conn)
            conn.close()
            del self.conns[k]
            self._ended.append(self._procs.pop(k))

    def close(self) -> None:
        for conn in self.conns:
            conn.close()
        for proc in [*self._procs, *self._ended]:
            if proc.is_alive():
                proc.terminate()
            proc.join(5)
            with contextlib.suppress(Exception):
                proc.close()
        self._procs, self.conns, self._ended = [], [], []


def _shares(pieces: Sequence[Piece], count: int) -> list[tuple[int, int]]:
    """The pieces cut into ``count`` runs of about equal bytes: (first, end) indices."""
    total = pieces[-1].end - pieces[0].start
    bounds = [0]
    for k in range(1, count):
        goal = pieces[0].start + total * k // count
        j = next((i for i in range(bounds[-1] + 1, len(pieces)) if pieces[i].start >= goal), len(pieces))
        bounds.append(j)
    bounds.append(len(pieces))
    return [(a, b) for a, b in pairwise(bounds) if b > a]


class Delegated(LazyItems):
    """The ``events`` of a file, read by worker processes when the loader reads them
    (:meth:`read_into`). Iterated, it reads them in this process, as :class:`LazyItems` does."""

    elsewhere = True

    def __init__(
        self, workers: Workers, text: bytes, key: str, pieces: list[Piece], starts: list[int]
    ) -> None:
        super().__init__(text, key, pieces, None)
        self._workers = workers
        self._starts = starts

    def read_into(self, w: Walk, rows: EventRows) -> None:
        """Read the items into ``rows`` as :func:`.fast_events.read_events` would, by the workers."""
        from .fast_events import read_events

        text = self._text
        if text is None:
            raise FastPathFailed("the items were read already")
        got = self._by_workers(w, text)
        if got is None:  # a worker failed: all is read here
            self._text = None
            w.item_lines[(w.file, self._key)] = find_positions(text, self._starts)
            read_events(w, LazyItems(text, self._key, self._pieces, None), rows)
            return
        self._text = None
        tables, metas = got
        report = os.environ.get(REPORT_ENV)
        if report:
            with contextlib.suppress(OSError), open(report, "w", encoding="utf-8") as f:
                f.write(f"{len(tables)}\n")
        if not all(m["positions"] for m in metas):  # as the loader in one process: no line known
            tables = [_unplaced(t) for t in tables]
        for table, meta in zip(tables, metas, strict=True):
            w.refs += meta["refs"]
            w.texts.update(meta["texts"])
            rows.add_table(table)
        w.count((self._key, 0), sum(m["values"] for m in metas))

    def _by_workers(self, w: Walk, text: bytes) -> tuple[list[EventTable], list[dict[str, Any]]] | None:
        pieces, starts = self._pieces, self._starts
        shares = _shares(pieces, len(self._workers.conns))
        conns = self._workers.conns[: len(shares)]
        weights: list[float] = []
        line, at, item = 1, 0, 0
        tasks = []
        for conn, (a, b) in zip(conns, shares, strict=True):
            lo, hi = pieces[a].start, pieces[b - 1].end
            line += _line_breaks(text, at, lo)
            at = lo
            items = sum(p.items for p in pieces[a:b])
            local = [Piece(p.start - lo, p.end - lo, p.keys, p.head, p.items) for p in pieces[a:b]]
            share_starts = [s - lo for s in starts[item : item + items]]
            tasks.append((conn, (w.file, self._key, local, share_starts, line - 1), memoryview(text)[lo:hi]))
            item += items
            weights.append(items / max(len(self), 1))
        # each share sent by a thread of its own: a pipe takes what its worker reads, and the
        # workers read side by side (the writes let go of the interpreter lock)
        failed: list[BaseException] = []
        senders = [threading.Thread(target=_send_task, args=(*task, failed)) for task in tasks]
        for t in senders:
            t.start()
        for t in senders:
            t.join()
        if failed:  # the workers may be waiting for the rest of a message: none is used again
            for conn in conns:
                self._workers.drop(conn)
            return None
        done: list[float] = [0.0] * len(conns)
        results: list[Any] = [None] * len(conns)
        waiting = set(range(len(conns)))
        while waiting:
            ready = wait([conns[k] for k in waiting], timeout=0.1)
            for k in [k for k in waiting if conns[k] in ready]:
                try:
                    msg = conns[k].recv()
                    if msg[0] == "progress":
                        done[k] = msg[1]
                        continue
                    if msg[0] == "done":
                        msg = (*msg, [_recv_buffer(conns[k]) for _ in range(2 * len(_TEXTS) + len(_ARRAYS))])
                except (EOFError, OSError):
                    msg = ("error", "the worker ended")
                results[k] = msg
                waiting.discard(k)
            w.progress(sum(d * f for d, f in zip(done, weights, strict=True)))  # a cancel raises here
        for conn, r in zip(conns, results, strict=True):
            if r[0] == "error":  # it ended, or is in no state for another share
                self._workers.drop(conn)
        kinds = {r[0] for r in results}
        if "doubt" in kinds:
            raise Doubt
        if "unsure" in kinds:
            raise FastPathFailed("a piece did not read back as cut")
        if kinds != {"done"}:
            return None
        return [_table(r[1], r[2]) for r in results], [r[1] for r in results]


def _table(meta: dict[str, Any], parts: list[memoryview]) -> EventTable:
    ids, titles, descriptions = (
        TextColumn(parts[2 * k], np.frombuffer(parts[2 * k + 1], dtype=np.int64)) for k in range(len(_TEXTS))
    )
    arrays: list[np.ndarray] = [
        np.frombuffer(parts[2 * len(_TEXTS) + k], dtype=dtype) for k, (_, dtype) in enumerate(_ARRAYS)
    ]
    start, end, category, ongoing, approximate, importance, o_file, o_line, o_column = arrays
    table = EventTable(
        ids=ids,
        titles=titles,
        descriptions=descriptions,
        dates=tuple(PartialDate(*fields) for fields in meta["dates"]),
        start=start,
        end=end,
        category_ids=tuple(meta["category_ids"]),
        category=category,
        ongoing=ongoing,
        approximate=approximate,
        extras=tuple(chain.from_iterable(map(pickle.loads, meta["extras"]))),
        importance=importance,
        origin_files=tuple(meta["origin_files"]),
        origin_file=o_file,
        origin_line=o_line,
        origin_column=o_column,
    )
    if len(table) != meta["n"]:
        raise FastPathFailed("a worker's table is not as long as it said")
    return table


def _unplaced(table: EventTable) -> EventTable:
    """The same events with no line or column known (the file is still known)."""
    return EventTable(
        ids=table.ids,
        titles=table.titles,
        descriptions=table.descriptions,
        dates=table.dates,
        start=table.start,
        end=table.end,
        category_ids=table.category_ids,
        category=table.category,
        ongoing=table.ongoing,
        approximate=table.approximate,
        extras=table.extras,
        importance=table.importance,
        origin_files=table.origin_files,
        origin_file=table.origin_file,
    )
