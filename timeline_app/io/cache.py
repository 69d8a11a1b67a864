"""A cache of loaded chronologies, keyed by the content of their files.

Opening a large chronology the second time should take a fraction of the first: the loader stores
what it built in the user's cache folder, under a key made of the bytes of every file (and the
format and app versions), and reads it back when the same bytes come again. So an edited file is a
new key (the old entry is simply never asked for), and nothing is ever "stale".

The cache is never trusted blindly:

* it is plain data (no pickle: nothing in it can run): JSON, UTF-8 texts and little-endian number
  arrays, between a header line that names the format and the key and a last line with the SHA-256
  of the rest, which is checked before anything is read;
* it is built back into the model by the same constructors as a fresh load, and any surprise
  (a truncated file, a wrong shape, a disk error) means "no cache": the chronology is loaded from
  its files as if the entry were not there, and the bad entry is removed;
* it is written atomically (a temporary file renamed into place), so a crash never leaves half an
  entry under a valid name.

Where: ``$TIMELINE_APP_CACHE_DIR`` if set, else the platform's per-user cache folder
(``$XDG_CACHE_HOME/timeline-app`` or ``~/.cache/timeline-app`` on Linux, ``~/Library/Caches/
timeline-app`` on macOS, ``%LOCALAPPDATA%\\timeline-app\\cache`` on Windows). Only chronologies
of at least :data:`MIN_BYTES` are cached: small ones load faster than the cache can be checked.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..model.chronology import (
    Category,
    Chronology,
    Era,
    Figure,
    Indicator,
    IndicatorPoint,
    Origin,
    Source,
    SourceRef,
    Tour,
    TourStop,
)
from ..model.dates import PartialDate
from ..model.event_table import EventTable, Extras
from ..model.text_column import IdIndex, TextColumn, row_type, slices
from ..text import Message
from .yaml_source import Document

FORMAT = "timeline-app-cache/10"  # 7: warnings as messages; 8: texts' rows; 9: extras once; 10: id index
MIN_BYTES = 256 * 1024
MAX_ENTRIES = 16  # the oldest entries beyond this many are removed
_STALE_S = 86_400.0  # a temporary file of a write older than this was left by a process that ended
CHUNK = 2048  # values per JSON line of the rarely given fields (each line is one C-level call of
# the JSON encoder, holding the interpreter lock: 16384 took 33 ms)
# the integer and flag columns of the event table, stored as little-endian arrays
_ARRAYS = (
    ("start", "<i4"),
    ("end", "<i4"),
    ("category", "<i4"),
    ("ongoing", "|b1"),
    ("approximate", "|b1"),
    ("importance", "|i1"),
    ("origin_file", "<i4"),
    ("origin_line", "<i4"),
    ("origin_column", "<i4"),
)
_TEXTS = ("ids", "titles", "descriptions")


def cache_dir() -> Path:
    env = os.environ.get("TIMELINE_APP_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "timeline-app" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "timeline-app"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline-app"


def key_for(docs: Sequence[Document]) -> str | None:
    """The key of a chronology's files as read now; None when it is not worth caching."""
    if not docs or any(not d.readable or not d.digest for d in docs):
        return None
    if sum(d.size for d in docs) < MIN_BYTES:
        return None
    h = hashlib.sha256(f"{FORMAT}\n{__version__}\n".encode())
    for d in docs:
        h.update(f"{d.name}\0{d.digest}\n".encode())
    return h.hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / f"{key}.json"


# -- writing ---------------------------------------------------------------------------------------------
def _date(d: PartialDate | None) -> str | None:
    return None if d is None else d.iso()


def _ref(r: SourceRef | None) -> list[str] | None:
    return None if r is None else [r.source, r.locator]


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _meta(c: Chronology) -> dict[str, Any]:
    """Everything but the events' columns, as JSON values."""
    t = c.events
    return {
        "title": c.title,
        "description": c.description,
        "files": list(c.files),
        "texts": [[*key, [list(pair) for pair in texts]] for key, texts in c.texts.items()],
        "warnings": [
            [o.file, o.line, o.column, m.to_data() if isinstance(m, Message) else m] for o, m in c.warnings
        ],
        "n": len(t),
        "dates": [d.iso() for d in t.dates],
        "category_ids": list(t.category_ids),
        "origin_files": list(t.origin_files),
        "categories": [[k.id, k.name, k.color, k.order, k.description] for k in c.categories],
        "eras": [[e.id, e.title, e.start.iso(), e.end.iso(), e.color, e.description] for e in c.eras],
        "sources": [[s.id, s.title, s.publisher, _date(s.date), s.page, s.url, s.note] for s in c.sources],
        "indicators": [
            [
                i.id,
                i.name,
                i.unit,
                i.region,
                i.description,
                [i.origin.file, i.origin.line, i.origin.column] if i.origin else None,
                [[p.date.iso(), p.value, _ref(p.source), p.derived, p.approximate, p.note] for p in i.points],
            ]
            for i in c.indicators
        ],
        "tours": [_tour(t) for t in c.tours],
    }


def _origin(o: Origin | None) -> list[Any] | None:
    return [o.file, o.line, o.column] if o else None


def _tour(t: Tour) -> list[Any]:
    stops = [
        [
            s.text,
            s.event,
            _date(s.start),
            _date(s.end),
            list(s.lanes),
            None if s.plots is None else list(s.plots),
            s.title,
            _origin(s.origin),
        ]
        for s in t.stops
    ]
    return [t.id, t.title, t.description, _origin(t.origin), stops]


def _distinct_extras(extras: Sequence[Extras | None]) -> tuple[list[Extras], np.ndarray]:
    """The distinct values of the events' rarely given fields, and per event the index of its own
    among them (-1: none). Most events with any share their value with many others (the loader and
    the cache keep one tuple per distinct value): a million events hold a few thousand at most.
    Found by identity in numpy first (no tuple hashed a million times), then by value."""
    n = len(extras)
    if n == 0:
        return [], np.zeros(0, dtype=np.int32)
    ids = np.empty(n, dtype=np.uint64)
    for a, b in slices(n):  # a slice at a time: no call holds the interpreter lock long
        ids[a:b] = np.fromiter(map(id, extras[a:b]), dtype=np.uint64, count=b - a)
    _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    values: list[Extras] = []
    numbers: dict[Extras, int] = {}
    code = np.empty(len(first), dtype=np.int32)
    for k, i in enumerate(first.tolist()):
        x = extras[i]
        code[k] = -1 if x is None else numbers.setdefault(x, len(numbers))
        if len(numbers) > len(values):
            values.append(x)
    return values, code[inverse.reshape(-1)]


def _extras_lines(values: Sequence[Extras]) -> Iterator[bytes]:
    """The distinct values of the rarely given fields: JSON lines of at most CHUNK values.

    Tuples are written as they are (JSON makes arrays of them, as of lists), and only figures and
    sources are turned into rows."""
    for lo in range(0, len(values), CHUNK):
        rows = [
            (
                places,
                tags,
                [(f.label, f.value, f.unit, f.qualifier, _ref(f.source)) for f in figures] if figures else (),
                [(r.source, r.locator) for r in sources] if sources else (),
                related,
                indicators,
            )
            for places, tags, figures, sources, related, indicators in values[lo : lo + CHUNK]
        ]
        yield _dumps(rows) + b"\n"


def _sections(c: Chronology) -> Iterator[tuple[str, bytes | bytearray | memoryview]]:
    """The events' columns as named byte strings: texts as their UTF-8 buffer and offsets, codes
    and flags as little-endian arrays, the rest as JSON lines."""
    t = c.events
    for name in _TEXTS:
        column: TextColumn = getattr(t, name)
        yield f"{name}.data", column.data
        yield f"{name}.offsets", _raw(column.offsets, "<i8")
        if column.rows is not None:  # texts stored in another order than the events'
            yield f"{name}.rows", _raw(column.rows, _rows_dtype(len(t)))
    for name, dtype in _ARRAYS:
        yield name, _raw(getattr(t, name), dtype)
    ids = t.positions.arrays()  # made here if the view has not made it yet: an open sorts nothing
    if ids is not None:
        yield "ids.index.keys", _raw(ids[0])
        yield "ids.index.order", _raw(ids[1], "<i4")
    values, index = _distinct_extras(t.extras)
    yield "extras", b"".join(_extras_lines(values))
    yield "extras.index", _raw(index, "<i4")


def _raw(values: np.ndarray, dtype: str | None = None) -> memoryview:
    """The bytes of ``values`` as ``dtype``, without a copy where they are already so: the hash and
    the file take them as they are, letting go of the interpreter lock (a copy of a million events'
    column held it for 5-30 ms, the interface frozen meanwhile)."""
    return np.ascontiguousarray(values, dtype=dtype).reshape(-1).view(np.uint8).data


def _rows_dtype(n: int) -> str:
    """How a text column's rows are written: as the model keeps them (read back without a copy)."""
    return "<i4" if row_type(n) is np.int32 else "<i8"


def store(key: str, chronology: Chronology) -> None:
    """Write an entry (atomically); a failure to write is not an error, just no cache.

    The entry: a header line (format and key), a line of JSON with what is not an event and the
    sizes of the sections, the sections' bytes one after another, and a last line with the
    SHA-256 of everything before it."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        sections = list(_sections(chronology))
        meta = _meta(chronology)
        meta["sections"] = [[name, len(data)] for name, data in sections]
        fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as f:
                head = _dumps({"format": FORMAT, "key": key}) + b"\n" + _dumps(meta) + b"\n"
                for part in (head, *(data for _, data in sections), b"\n"):
                    digest.update(part)
                    f.write(part)
                f.write(_dumps({"sha256": digest.hexdigest()}))
            os.replace(tmp, _entry(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    """Keep the newest entries, and drop what a write cut short left (the process ended while it
    wrote: the app closed or killed during a large first open) once it is a day old."""
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    stale = time.time() - _STALE_S
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
    for tmp in folder.glob(".entry-*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < stale:
                tmp.unlink()


# -- reading ---------------------------------------------------------------------------------------------
def _build(meta: dict[str, Any], sections: dict[str, memoryview]) -> Chronology:
    dates: dict[str, PartialDate] = {}

    def pd(text: str) -> PartialDate:
        d = dates.get(text)
        if d is None:
            d = dates[text] = PartialDate.parse(text)
        return d

    def ref(r: list[str] | None) -> SourceRef | None:
        return None if r is None else SourceRef(r[0], r[1])

    n = int(meta["n"])
    # the distinct values, each made once (one tuple shared by all the events that have it), and
    # the last entry None, so that an event's index -1 (no value) picks it
    values: list[Extras | None] = []
    for line in sections["extras"].tobytes().splitlines():  # no generator per value (most have
        for places, tags, figs, refs, related, inds in json.loads(line):  # no figures or sources)
            values.append(
                (
                    tuple(places),
                    tuple(tags),
                    tuple([Figure(f[0], float(f[1]), f[2], f[3], ref(f[4])) for f in figs]) if figs else (),
                    tuple([SourceRef(s[0], s[1]) for s in refs]) if refs else (),
                    tuple(related),
                    tuple(inds),
                )
            )
    values.append(None)
    index = np.frombuffer(sections["extras.index"], dtype="<i4")
    if len(index) != n or (n and (int(index.min()) < -1 or int(index.max()) >= len(values) - 1)):
        raise ValueError("the entry's rare fields do not fit its events")
    pick = values.__getitem__  # a slice at a time: a million in one call held the lock 40 ms
    extras = tuple(chain.from_iterable(tuple(map(pick, index[a:b].tolist())) for a, b in slices(n)))

    def text(name: str) -> TextColumn:
        rows = sections.get(f"{name}.rows")
        return TextColumn(
            sections[f"{name}.data"],
            np.frombuffer(sections[f"{name}.offsets"], dtype="<i8"),
            None if rows is None else np.frombuffer(rows, dtype=_rows_dtype(n)),
        )

    def array(name: str) -> np.ndarray:
        return np.frombuffer(sections[name], dtype=dict(_ARRAYS)[name])

    def id_index(ids: TextColumn) -> IdIndex | None:
        keys, order = sections.get("ids.index.keys"), sections.get("ids.index.order")
        if keys is None or order is None:
            return None
        width = len(keys) // n if n else 1
        if n and width * n != len(keys):
            raise ValueError("the id index does not fit its ids")
        arrays = (np.frombuffer(keys, dtype=f"S{max(width, 1)}"), np.frombuffer(order, dtype="<i4"))
        return IdIndex(ids, arrays=arrays)

    ids = text("ids")
    table = EventTable(
        ids=ids,
        titles=text("titles"),
        descriptions=text("descriptions"),
        dates=tuple(pd(t) for t in meta["dates"]),
        start=array("start"),
        end=array("end"),
        category_ids=tuple(str(k) for k in meta["category_ids"]),
        category=array("category"),
        ongoing=array("ongoing"),
        approximate=array("approximate"),
        importance=array("importance"),
        extras=extras,
        origin_files=tuple(str(f) for f in meta["origin_files"]),
        origin_file=array("origin_file"),
        origin_line=array("origin_line"),
        origin_column=array("origin_column"),
        positions=id_index(ids),
    )
    if len(table) != n:
        raise ValueError("the entry holds another number of events")
    indicators = [
        Indicator(
            iid,
            name,
            unit,
            tuple(
                IndicatorPoint(pd(d), float(v), ref(r), der, bool(ap), note) for d, v, r, der, ap, note in pts
            ),
            region,
            desc,
            Origin(o[0], o[1], o[2]) if o else None,
        )
        for iid, name, unit, region, desc, o, pts in meta["indicators"]
    ]
    return Chronology(
        title=meta["title"],
        description=meta["description"],
        events=table,  # stored in time order already
        categories=tuple(Category(*k) for k in meta["categories"]),
        eras=tuple(Era(i, t, pd(s), pd(e), c, d) for i, t, s, e, c, d in meta["eras"]),
        indicators=tuple(indicators),
        sources=tuple(
            Source(i, t, pub, pd(d) if d else None, pg, u, n) for i, t, pub, d, pg, u, n in meta["sources"]
        ),
        files=tuple(str(f) for f in meta["files"]),
        texts={
            (str(kind), str(ident), str(name)): tuple((str(lang), str(text)) for lang, text in texts)
            for kind, ident, name, texts in meta["texts"]
        },
        warnings=tuple(
            (Origin(f, int(ln), int(col)), Message.from_data(m)) for f, ln, col, m in meta["warnings"]
        ),
        tours=tuple(
            Tour(
                i,
                title,
                tuple(
                    TourStop(
                        text,
                        ev,
                        pd(a) if a else None,
                        pd(b) if b else None,
                        tuple(lanes),
                        None if plots is None else tuple(plots),
                        head,
                        Origin(*so) if so else None,
                    )
                    for text, ev, a, b, lanes, plots, head, so in stops
                ),
                desc,
                Origin(*o) if o else None,
            )
            for i, title, desc, o, stops in meta.get("tours", [])
        ),
    )


def _read(data: bytes, key: str) -> Chronology:
    # no copies of the whole entry: a memoryview of it, hashed where it lies (hashlib lets other
    # threads run while it hashes a large buffer)
    end = data.rfind(b"\n")
    view = memoryview(data)
    if hashlib.sha256(view[: end + 1]).hexdigest() != json.loads(view[end + 1 :].tobytes()).get("sha256"):
        raise ValueError("the entry does not match its checksum")
    first = data.index(b"\n")
    header = json.loads(view[:first].tobytes())
    if header.get("format") != FORMAT or header.get("key") != key:
        raise ValueError("another format or key")
    second = data.index(b"\n", first + 1)
    meta = json.loads(view[first + 1 : second].tobytes())
    sections: dict[str, memoryview] = {}  # views of the entry as read: nothing large is copied
    at = second + 1
    for name, size in meta["sections"]:
        if size < 0 or at + size > end:
            raise ValueError("a section runs past the end of the entry")
        sections[str(name)] = view[at : at + size]
        at += size
    if at != end:
        raise ValueError("the entry holds more than its sections")
    return _build(meta, sections)


def fetch(key: str) -> Chronology | None:
    """The chronology stored under ``key``, or None (absent, damaged, or of another format)."""
    path = _entry(key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        chron = _read(data, key)
    except Exception:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return chron
