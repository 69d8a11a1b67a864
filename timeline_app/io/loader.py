"""Loading a chronology (a YAML file or a folder of them) into the model, or every problem at once.

The loader reads each file's plain values against the format (docs/FORMAT.md) and reports each
problem as ``file:line:column: message``. It never stops at the first one: an author fixing a file
sees all that is wrong with it.

Two paths lead to the values (see :mod:`.values`). The fast one (rapidyaml, or ``json`` for JSON
files) is tried first; the first doubt or problem on it sends the whole load to the exact path,
which composes the YAML with libyaml and knows where every value was written. So a valid
chronology loads fast and a broken one gets the same precise messages either way.

This module finds and reads the files and takes a chronology from the cache when its bytes were
read before; the two paths themselves are in :mod:`.reading`, imported only when a file is read
(they bring in the parsers: a start-up whose chronology comes from the cache never imports them).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import runtime
from ..text import QT_TRANSLATE_NOOP, format_count, translate
from . import cache as _cache
from . import limits
from .problems import Problem, said
from .progress import CHRONOLOGY_SUFFIXES, Progress, ProgressCallback
from .yaml_source import Document, read_file

if TYPE_CHECKING:
    from ..model.chronology import Chronology


# -- files ------------------------------------------------------------------------------------------------
def _display(path: Path) -> str:
    """A path as the author knows it: relative to the working directory when it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def chronology_files(path: str | os.PathLike[str]) -> list[Path]:
    """The files a chronology is made of: the file itself, or the YAML/JSON files of a folder.

    Folders are walked without following links to folders (no loop can trap it); hidden files and
    folders (``.git``, editor back-ups like ``.#x.yaml``) are skipped; the order is by path.
    """
    p = Path(path)
    if not p.is_dir():
        return [p]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(CHRONOLOGY_SUFFIXES):
                continue
            found.append(Path(dirpath) / name)
    return sorted(found, key=lambda f: f.relative_to(p).parts)


def load_documents(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Document], list[Problem]]:
    """Read (not yet parse) every file of the chronology; problems with the paths themselves."""
    docs: list[Document] = []
    problems: list[Problem] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            problems.append(
                Problem(_display(p), 1, 1, said(QT_TRANSLATE_NOOP("Problems", "no such file or folder")))
            )
            continue
        files = chronology_files(p)
        if p.is_dir() and not files:
            empty = said(QT_TRANSLATE_NOOP("Problems", "the folder holds no .yaml, .yml or .json files"))
            problems.append(Problem(_display(p), 1, 1, empty))
            continue
        if len(files) > limits.MAX_FILES:
            msg = said(
                QT_TRANSLATE_NOOP("Problems", "the folder holds %1 files; the limit is %2"),
                format_count(len(files)),
                format_count(limits.MAX_FILES),
            )
            problems.append(Problem(_display(p), 1, 1, msg))
            continue
        docs.extend(read_file(f, _display(f)) for f in files)
    return docs, problems


def _fast(
    docs: Sequence[Document], progress: Progress | None = None, *, workers: bool = False
) -> Chronology | None:
    """The whole chronology on the fast path, or None at the first doubt or problem
    (:func:`.reading.fast`)."""
    from . import reading

    return reading.fast(docs, progress, workers=workers)


def _exact(docs: Sequence[Document], problems: list[Problem], progress: Progress | None = None) -> Chronology:
    """The exact path: compose every file, read it, and place every problem (:func:`.reading.exact`)."""
    from . import reading

    return reading.exact(docs, problems, progress)


def load_chronology(
    *paths: str | os.PathLike[str],
    cache: bool = False,
    progress: ProgressCallback | None = None,
    workers: bool = False,
    store_with: Callable[[Callable[[], None]], None] | None = None,
) -> Chronology:
    """Load a chronology from one or more files or folders.

    Returns the chronology, or raises :class:`ChronologyError` listing every problem found, each
    with its file, line and column. With ``cache``, a large chronology read before with exactly the
    same bytes comes from the user's cache folder (:mod:`.cache`), and a fresh load is stored there.
    ``progress`` is told how far the load is, and may stop it by raising :class:`LoadCancelled`.
    With ``workers``, the events of a large file are read in worker processes (:mod:`.parallel`:
    the same result, sooner, and the parse's debris never in this process). ``store_with`` is
    handed the storing of a fresh load in the cache, to run it where the caller chooses (beside
    what it does next with the chronology, say) and see that it ends; without it the entry is
    written before this returns.
    """
    if not paths:
        raise TypeError("load_chronology() needs at least one path")
    report = Progress(progress)
    with runtime.loading():
        report.phase(translate("Loader", "Reading files"), 0.0, 0.05)
        docs, problems = load_documents(paths)
        if problems:
            return _exact(docs, problems, report)
        key = _cache.key_for(docs) if cache else None
        if key is not None:
            report.phase(translate("Loader", "Reading the cache"), 0.05, 0.95)
            cached = _cache.fetch(key)
            if cached is not None:
                report.phase(translate("Loader", "Done"), 1.0, 1.0)
                return cached
        chron = _fast(docs, report, workers=workers) or _exact(docs, problems, report)
        if key is not None and store_with is not None:
            store_with(lambda: _cache.store(key, chron))
        elif key is not None:
            report.phase(translate("Loader", "Saving to the cache"), 1.0, 1.0)
            _cache.store(key, chron)
        report.phase(translate("Loader", "Done"), 1.0, 1.0)
        return chron


def build_chronology(docs: Sequence[Document]) -> Chronology:
    """Documents already read into a chronology, on the exact path (for tests and tools)."""
    return _exact(docs, [])
