"""Other people's formats, in and out: TimelineJS (JSON, and its sheet as CSV or .xlsx), Timeline's
``.timeline`` XML, iCalendar ``.ics``, and a plain CSV or .xlsx table of one's own.

Each reader makes the intermediate mapping of :mod:`.mapped` (our file shape plus where each value
was written) and the YAML loader's walker checks it, so the messages and bounds are the loader's.
:func:`detect` picks the reader by extension and content; :func:`load_foreign` reads a file;
:func:`write` writes a chronology in any of the formats. No Qt here, and nothing in a file is run:
XML is parsed through defusedxml (no entities, no DTD, nothing fetched).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...model.chronology import Chronology
from ..problems import QT_TRANSLATE_NOOP, ChronologyError, Problem, said

if TYPE_CHECKING:  # the readers (and the loader's checks they use) are imported when a file is read
    from .mapped import Mapped

FOREIGN_SUFFIXES = (".csv", ".xlsx", ".ics", ".ical", ".timeline")
"""Files that only a reader of another format opens (.json is ours or TimelineJS's: see detect)."""
OUTPUT_FORMATS = ("yaml", "json", "csv", "ics", "timelinejs")


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def looks_like_timelinejs(head: bytes) -> bool:
    """TimelineJS JSON rather than ours: its slides have 'start_date' and 'headline' keys, which
    our format never has."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"{") and (b'"start_date"' in head or b'"headline"' in head)


def detect(path: str | os.PathLike[str]) -> str | None:
    """Which format a file is in: 'timelinejs-json', 'timelinejs-sheet', 'table', 'ics', 'timeline',
    or None for one of ours (YAML, our JSON, a folder). By extension, then by content."""
    p = Path(path)
    if p.is_dir():
        return None
    suffix = p.suffix.lower()
    try:
        with open(p, "rb") as f:
            head = f.read(1 << 16)
    except OSError:
        return None
    if suffix in (".ics", ".ical") or head.lstrip(b"\xef\xbb\xbf \r\n").upper().startswith(
        b"BEGIN:VCALENDAR"
    ):
        return "ics"
    if suffix == ".timeline" or (
        b"<timeline>" in head[:2048] and head.lstrip(b"\xef\xbb\xbf \r\n").startswith(b"<")
    ):
        return "timeline"
    if suffix in (".csv", ".xlsx"):
        from .table import read_header
        from .timelinejs import looks_like_sheet

        return "timelinejs-sheet" if looks_like_sheet(read_header(p)) else "table"
    if suffix == ".json" and looks_like_timelinejs(head):
        return "timelinejs-json"
    return None


def read_mapped(path: str | os.PathLike[str], kind: str | None = None) -> Mapped:
    """The intermediate mapping of a foreign file (for tests and tools)."""
    p = Path(path)
    name = _display(p)
    kind = kind or detect(p)
    if kind == "timelinejs-json":
        from .timelinejs import read_json

        return read_json(p, name)
    if kind in ("timelinejs-sheet", "table"):
        from .table import read_csv, read_plain, read_xlsx
        from .timelinejs import read_sheet

        t = read_xlsx(p, name) if p.suffix.lower() == ".xlsx" else read_csv(p, name)
        if kind == "timelinejs-sheet":
            return read_sheet(t)
        return read_plain(t)
    if kind == "ics":
        from .ical import read_ics

        return read_ics(p, name)
    if kind == "timeline":
        from .timeline_xml import read_timeline

        return read_timeline(p, name)
    raise ValueError(f"{name}: not a format of another program")


def is_foreign(path: str | os.PathLike[str]) -> bool:
    return detect(path) is not None


def load_foreign(path: str | os.PathLike[str]) -> Chronology:
    """A foreign file as a chronology, or :class:`ChronologyError` with every problem, placed."""
    p = Path(path)
    if not p.exists():
        raise ChronologyError(
            [Problem(_display(p), 1, 1, said(QT_TRANSLATE_NOOP("Problems", "no such file or folder")))]
        )
    from .mapped import build

    return build(read_mapped(p))


def load_any(*paths: str | os.PathLike[str], **kwargs: Any) -> Chronology:
    """:func:`..loader.load_chronology` for our files and folders, the foreign reader for a single
    file in another format (the command line and the viewer open both the same way)."""
    from ..loader import load_chronology

    if len(paths) == 1 and detect(paths[0]) is not None:
        return load_foreign(paths[0])
    return load_chronology(*paths, **kwargs)


def writer(fmt: str) -> Callable[[Chronology, Path], str]:
    """The function that writes a chronology as ``fmt`` (one of OUTPUT_FORMATS) for a file at a path."""
    if fmt == "yaml":
        from .yaml_out import write_yaml

        return write_yaml
    if fmt == "timelinejs":
        from .timelinejs import write_json

        return lambda c, _p: write_json(c)
    if fmt == "ics":
        from .ical import write_ics

        return lambda c, _p: write_ics(c)
    if fmt == "json":
        from ..export import to_json

        return lambda c, _p: to_json(c)
    if fmt == "csv":
        from ..export import events_csv

        return lambda c, _p: events_csv(c)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(OUTPUT_FORMATS)}")


__all__ = [
    "FOREIGN_SUFFIXES",
    "OUTPUT_FORMATS",
    "detect",
    "is_foreign",
    "load_any",
    "load_foreign",
    "read_mapped",
    "writer",
]
