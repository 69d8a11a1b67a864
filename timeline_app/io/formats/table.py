"""Tables: a CSV or .xlsx file with a header row, read into rows with their positions; and the
plain spreadsheet of a user's own, its columns mapped by name (docs/FORMAT.md, "Other formats").

Positions in a table are ``file:row:column``: the header is row 1, columns count from 1 (A = 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...text import format_count
from .. import limits
from ..problems import QT_TRANSLATE_NOOP, Problem, said
from .dates import date_text, ymd_text
from .mapped import Ids, Lanes, Mapped, Positions, check_size, drop_empty, http_url, texts


@dataclass
class Table:
    name: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells)
    problems: list[Problem] = field(default_factory=list)


def _bounded(t: Table, r: int) -> bool:
    if len(t.rows) > limits.MAX_EVENTS:
        t.problems.append(
            Problem(
                t.name,
                r,
                1,
                said(
                    QT_TRANSLATE_NOOP("Problems", "more than %1 rows: the limit of one chronology"),
                    format_count(limits.MAX_EVENTS),
                ),
            )
        )
        return False
    return True


def read_csv(path: Path, name: str) -> Table:
    t = Table(name)
    big = check_size(path, name)
    if big is not None:
        t.problems.append(big)
        return t
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        not_utf8 = said(
            QT_TRANSLATE_NOOP("Problems", "the file is not UTF-8 text (save the sheet as CSV UTF-8)")
        )
        t.problems.append(Problem(name, line, 1, not_utf8))
        return t
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    old = csv.field_size_limit()
    csv.field_size_limit(limits.MAX_SCALAR_CHARS + 1)
    try:
        r = 0
        for r, row in enumerate(reader, start=1):
            if r == 1:
                t.header = [h.strip() for h in row]
                continue
            t.rows.append((r, [c if c.strip() else None for c in row]))
            if not _bounded(t, r):
                break
    except csv.Error as exc:
        t.problems.append(Problem(name, r + 1, 1, said(QT_TRANSLATE_NOOP("Problems", "CSV syntax: %1"), exc)))
    finally:
        csv.field_size_limit(old)
    if not t.header and not t.problems:
        empty = said(
            QT_TRANSLATE_NOOP("Problems", "the file is empty: expected a header row (title, start, ...)")
        )
        t.problems.append(Problem(name, 1, 1, empty))
    return t


def read_header(path: Path) -> list[str]:
    """The header row alone (to tell a TimelineJS sheet from a table of one's own)."""
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path, str(path), header_only=True).header
    with open(path, "rb") as f:
        head = f.read(1 << 16).decode("utf-8-sig", errors="replace")
    try:
        dialect: Any = csv.Sniffer().sniff(head[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for row in csv.reader(io.StringIO(head, newline=""), dialect):
        return [h.strip() for h in row]
    return []


def read_xlsx(path: Path, name: str, *, header_only: bool = False) -> Table:
    """The first sheet of a workbook. Its XML is read through defusedxml (openpyxl uses it when it
    is installed), and the unpacked size is bounded like a file's before anything is read."""
    t = Table(name)
    big = check_size(path, name)
    if big is not None:
        t.problems.append(big)
        return t
    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        t.problems.append(
            Problem(name, 1, 1, said(QT_TRANSLATE_NOOP("Problems", "not an .xlsx workbook: %1"), exc))
        )
        return t
    if unpacked > limits.MAX_FILE_BYTES:
        t.problems.append(
            Problem(
                name,
                1,
                1,
                said(
                    QT_TRANSLATE_NOOP("Problems", "the workbook unpacks to %1 bytes; the limit is %2"),
                    format_count(unpacked),
                    format_count(limits.MAX_FILE_BYTES),
                ),
            )
        )
        return t
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        t.problems.append(
            Problem(name, 1, 1, said(QT_TRANSLATE_NOOP("Problems", "the workbook cannot be read: %1"), exc))
        )
        return t
    try:
        ws = wb.worksheets[0]
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [None if v is None or (isinstance(v, str) and not v.strip()) else v for v in row]
            if r == 1:
                t.header = [str(h).strip() if h is not None else "" for h in cells]
                if header_only:
                    break
                continue
            for k, v in enumerate(cells):
                if isinstance(v, str) and len(v) > limits.MAX_SCALAR_CHARS:
                    t.problems.append(
                        Problem(
                            name,
                            r,
                            k + 1,
                            said(
                                QT_TRANSLATE_NOOP(
                                    "Problems", "the cell is %1 characters long; the limit is %2"
                                ),
                                format_count(len(v)),
                                format_count(limits.MAX_SCALAR_CHARS),
                            ),
                        )
                    )
                    cells[k] = None
            t.rows.append((r, cells))
            if not _bounded(t, r):
                break
    finally:
        wb.close()
    if not t.header and not t.problems:
        t.problems.append(
            Problem(
                name,
                1,
                1,
                said(
                    QT_TRANSLATE_NOOP(
                        "Problems", "the sheet is empty: expected a header row (title, start, ...)"
                    )
                ),
            )
        )
    return t


# -- a plain table of one's own ----------------------------------------------------------------------
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "key", "uid"),
    "title": ("title", "headline", "event", "name", "what", "summary"),
    "start": ("start", "date", "start date", "from", "begin", "when", "year"),
    "end": ("end", "end date", "to", "until", "finish"),
    "category": ("category", "lane", "group", "type", "theme"),
    "description": ("description", "text", "notes", "details", "note"),
    "places": ("places", "place", "location", "where"),
    "tags": ("tags", "tag", "keywords"),
    "importance": ("importance",),
    "approximate": ("approximate", "circa"),
    "ongoing": ("ongoing",),
    "url": ("url", "link", "source url", "media"),
    "source": ("source", "sources", "credit"),
}
"""What each column may be called (case and spaces do not matter). docs/FORMAT.md lists them."""

DEFAULT_LANE = "Events"


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for k, h in enumerate(header):
        key = " ".join(h.lower().replace("_", " ").split())
        for field_name, names in COLUMNS.items():
            if key in names and field_name not in found:
                found[field_name] = k
    return found


def _cell_text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return date_text(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _list(v: str) -> list[str]:
    return texts(v.replace(";", ",").split(","))


def read_plain(t: Table) -> Mapped:
    pos = Positions()
    pos.put((), 1, 1)
    problems = list(t.problems)
    if not t.header:  # unreadable or empty: the reader said why
        return Mapped(t.name, {}, pos, problems)
    cols = _header_map(t.header)
    needed = (
        ("title", QT_TRANSLATE_NOOP("Problems", "no column for the title (call one of them: %1)")),
        ("start", QT_TRANSLATE_NOOP("Problems", "no column for the start (call one of them: %1)")),
    )
    for need, no_column in needed:
        if need not in cols:
            problems.append(Problem(t.name, 1, 1, said(no_column, ", ".join(COLUMNS[need]))))
    if any(p.line == 1 for p in problems):
        return Mapped(t.name, {}, pos, problems)
    lanes, ids = Lanes(), Ids()
    events: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []

    def get(row: list[Any], key: str) -> str | None:
        k = cols.get(key)
        return _cell_text(row[k]) if k is not None and k < len(row) else None

    for r, row in t.rows:
        if all(v is None for v in row):
            continue
        i = len(events)
        title = get(row, "title")
        start = get(row, "start")
        if start is not None and cols.get("start") is not None:
            raw = row[cols["start"]]
            start = ymd_text(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else start
        ev: dict[str, Any] = {"id": ids.make(get(row, "id") or "", title or "", f"row-{r}")}
        ev["category"] = lanes.lane(get(row, "category") or DEFAULT_LANE)
        for key in ("title", "description", "importance"):
            v = get(row, key)
            if v:
                ev[key] = v
        if start:
            ev["start"] = start
        end = get(row, "end")
        if end:
            ev["end"] = end
        for key in ("places", "tags"):
            v = get(row, key)
            if v:
                ev[key] = _list(v)
        for key in ("approximate", "ongoing"):
            v = get(row, key)
            if v:
                low = v.lower()
                ev[key] = (
                    True if low in ("true", "yes", "1", "x") else False if low in ("false", "no", "0") else v
                )
        url, credit = get(row, "url") or "", get(row, "source") or ""
        if url or credit:
            sid = f"source-{ev['id']}"
            sources.append(
                drop_empty(
                    {
                        "id": sid,
                        "title": credit or url,
                        "url": http_url(url),
                        "note": "" if http_url(url) or not url else url,
                    }
                )
            )
            pos.put(("sources", len(sources) - 1), r, cols.get("url", cols.get("source", 0)) + 1)
            ev["sources"] = [sid]
        pos.put(("events", i), r, 1)
        for key, k in cols.items():
            pos.put(("events", i, "sources" if key in ("url", "source") else key), r, k + 1)
        events.append(ev)
    values: dict[str, Any] = {"categories": lanes.values(), "events": events}
    if sources:
        values["sources"] = sources
    return Mapped(t.name, values, pos, problems)
