"""A cache of loaded chronologies, keyed by the content of their files.

Opening a large chronology the second time should take a fraction of the first: the loader stores
what it built in the user's cache folder, under a key made of the bytes of every file (and the
format and app versions), and reads it back when the same bytes come again. So an edited file is a
new key (the old entry is simply never asked for), and nothing is ever "stale".

The cache is never trusted blindly:

* it is plain JSON (no pickle: nothing in it can run), behind a header line that names the format,
  the key and the SHA-256 of the rest, which is checked before anything is read;
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
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..model.chronology import (
    Category,
    Chronology,
    Era,
    Event,
    Figure,
    Indicator,
    IndicatorPoint,
    Origin,
    Source,
    SourceRef,
)
from ..model.dates import PartialDate
from .yaml_source import Document

FORMAT = "timeline-app-cache/1"
MIN_BYTES = 256 * 1024
MAX_ENTRIES = 16  # the oldest entries beyond this many are removed


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
    if not docs or any(d.text is None or not d.digest for d in docs):
        return None
    if sum(len(d.text or "") for d in docs) < MIN_BYTES:
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


def _payload(c: Chronology) -> dict[str, Any]:
    """The chronology as JSON-ready columns. Events are stored column by column, with the columns
    that are mostly empty (places, figures...) kept sparse: reading back then makes far fewer
    objects than a list per event would."""
    files = list(c.files)
    file_index = {f: i for i, f in enumerate(files)}
    dates: dict[str, int] = {}

    def date_id(d: PartialDate) -> int:
        return dates.setdefault(d.iso(), len(dates))

    evs = c.events
    cats = [k.id for k in c.categories]
    cat_index = {k: i for i, k in enumerate(cats)}
    extra_cats = sorted({e.category for e in evs} - cat_index.keys())
    for k in extra_cats:
        cat_index[k] = len(cats)
        cats.append(k)

    def sparse(values: list[Any]) -> dict[str, Any]:
        return {str(i): v for i, v in enumerate(values) if v}

    where = [c.origin_of(e.id) for e in evs]
    columns = {
        "id": [e.id for e in evs],
        "title": [e.title for e in evs],
        "start": [date_id(e.start) for e in evs],
        "end": sparse([date_id(e.end) + 1 if e.end is not None else 0 for e in evs]),
        "category": [cat_index[e.category] for e in evs],
        "ongoing": [i for i, e in enumerate(evs) if e.ongoing],
        "approximate": [i for i, e in enumerate(evs) if e.approximate],
        "places": sparse([list(e.places) for e in evs]),
        "tags": sparse([list(e.tags) for e in evs]),
        "description": [e.description for e in evs],
        "figures": sparse(
            [[[f.label, f.value, f.unit, f.qualifier, _ref(f.source)] for f in e.figures] for e in evs]
        ),
        "sources": sparse([[[r.source, r.locator] for r in e.sources] for e in evs]),
        "related": sparse([list(e.related) for e in evs]),
        "indicators": sparse([list(e.indicators) for e in evs]),
        "origin_file": [file_index.get(o.file, -1) if o is not None else -1 for o in where],
        "origin_line": [o.line if o is not None else 0 for o in where],
        "origin_column": [o.column if o is not None else 0 for o in where],
    }
    return {
        "title": c.title,
        "description": c.description,
        "files": files,
        "dates": list(dates),
        "category_ids": cats,
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
        "n": len(evs),
        "events": columns,
    }


def store(key: str, chronology: Chronology) -> None:
    """Write an entry (atomically); a failure to write is not an error, just no cache."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(_payload(chronology), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()})
        fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(header.encode("utf-8") + b"\n" + payload)
            os.replace(tmp, _entry(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()


# -- reading ---------------------------------------------------------------------------------------------
class _Origins(Mapping[str, Origin]):
    """Where each event was written, kept as three columns and made into :class:`Origin` objects
    only when asked (the detail pane asks for one at a time)."""

    def __init__(
        self, files: list[str], ids: list[str], file: list[int], line: list[int], column: list[int]
    ) -> None:
        self._files, self._ids, self._file, self._line, self._column = files, ids, file, line, column
        self._index: dict[str, int] | None = None

    def _row(self, event_id: str) -> int:
        if self._index is None:
            self._index = {e: i for i, e in enumerate(self._ids)}
        return self._index[event_id]

    def __getitem__(self, event_id: str) -> Origin:
        i = self._row(event_id)
        f = self._file[i]
        if f < 0:
            raise KeyError(event_id)
        return Origin(self._files[f] if f < len(self._files) else "", self._line[i], self._column[i])

    def __iter__(self) -> Iterator[str]:
        return (e for e, f in zip(self._ids, self._file, strict=True) if f >= 0)

    def __len__(self) -> int:
        return sum(1 for f in self._file if f >= 0)


def _build(p: dict[str, Any]) -> Chronology:
    dates: dict[str, PartialDate] = {}

    def pd(text: str) -> PartialDate:
        d = dates.get(text)
        if d is None:
            d = dates[text] = PartialDate.parse(text)
        return d

    def ref(r: list[str] | None) -> SourceRef | None:
        return None if r is None else SourceRef(r[0], r[1])

    n = int(p["n"])
    col = p["events"]
    table = [pd(t) for t in p["dates"]]
    cats = [str(k) for k in p["category_ids"]]
    ends: list[PartialDate | None] = [None] * n
    for i, d in col["end"].items():
        ends[int(i)] = table[d - 1]
    ongoing = [False] * n
    for i in col["ongoing"]:
        ongoing[i] = True
    approx = [False] * n
    for i in col["approximate"]:
        approx[i] = True

    def tuples(name: str) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = [()] * n
        for i, v in col[name].items():
            out[int(i)] = tuple(v)
        return out

    figures: list[tuple[Figure, ...]] = [()] * n
    for i, figs in col["figures"].items():
        figures[int(i)] = tuple(Figure(f[0], float(f[1]), f[2], f[3], ref(f[4])) for f in figs)
    sources: list[tuple[SourceRef, ...]] = [()] * n
    for i, srcs in col["sources"].items():
        sources[int(i)] = tuple(SourceRef(s[0], s[1]) for s in srcs)
    ids: list[str] = col["id"]
    rows = zip(
        ids,
        col["title"],
        [table[d] for d in col["start"]],
        [cats[k] for k in col["category"]],
        ends,
        ongoing,
        approx,
        tuples("places"),
        tuples("tags"),
        col["description"],
        figures,
        sources,
        tuples("related"),
        tuples("indicators"),
        strict=True,
    )
    new = tuple.__new__
    events = tuple(new(Event, r) for r in rows)  # every field typed above: the tuple is the event
    files = [str(f) for f in p["files"]]
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
        for iid, name, unit, region, desc, o, pts in p["indicators"]
    ]
    return Chronology(
        title=p["title"],
        description=p["description"],
        events=events,  # stored in time order already
        categories=tuple(Category(*k) for k in p["categories"]),
        eras=tuple(Era(i, t, pd(s), pd(e), c, d) for i, t, s, e, c, d in p["eras"]),
        indicators=tuple(indicators),
        sources=tuple(
            Source(i, t, pub, pd(d) if d else None, pg, u, n) for i, t, pub, d, pg, u, n in p["sources"]
        ),
        files=tuple(files),
        origins=_Origins(files, ids, col["origin_file"], col["origin_line"], col["origin_column"]),
    )


def fetch(key: str) -> Chronology | None:
    """The chronology stored under ``key``, or None (absent, damaged, or of another format)."""
    path = _entry(key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        head, _, payload = data.partition(b"\n")
        header = json.loads(head)
        if header.get("format") != FORMAT or header.get("key") != key:
            raise ValueError("another format or key")
        if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
            raise ValueError("the entry does not match its checksum")
        chron = _build(json.loads(payload))
    except Exception:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return chron
