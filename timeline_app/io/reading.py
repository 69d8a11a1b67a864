"""The two paths from a chronology's files to the model (see :mod:`.loader`): the fast one
(rapidyaml, or ``json`` for JSON files), tried first, and the exact one (libyaml's composer, which
knows where every value was written), which the first doubt or problem on the fast path falls back
to; and :func:`load_values`, the same checks for the values other formats' readers make.

Imported when a chronology is read from its files, not when it comes from the cache.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import runtime
from ..model.chronology import Chronology, Origin
from ..text import QT_TRANSLATE_NOOP, fill, translate
from . import limits, parallel
from .checks import At, Doubt, Pending, Stop, Walk
from .event_rows import EventRows
from .fast_events import read_events
from .fast_path import FastPathFailed, fast_path_available, fast_read
from .problems import ChronologyError, Message, Problem, said
from .progress import Progress
from .sections import EventIds, Parts, check_refs, read_sections
from .yaml_source import Document


def _walk_all(
    w: Walk, roots: list[tuple[str, Any]], parts: Parts, lo: float = 0.0, hi: float = 1.0
) -> EventIds | None:
    """Read every file's sections into ``parts``; on the fast path, the events' ids checked at once
    (returned: their keys serve the sort of the table)."""
    for k, (name, root) in enumerate(roots):
        what = fill(translate("Loader", "Reading %1"), name)
        w.progress.phase(what, lo + (hi - lo) * k / len(roots), lo + (hi - lo) * (k + 1) / len(roots))
        w.file, w.values = name, 0
        with contextlib.suppress(Stop):  # a bound was passed; its problem is recorded
            read_sections(w, root, parts, read_events if w.fast else None)
    events = None
    if w.fast:  # the event ids were not defined one by one (see Walk.define)
        events = EventIds(parts.events.id_column())
        if not events.unique:
            raise Doubt  # a duplicate id: the exact path says which, and where
    check_refs(w, events)
    return events


def _finish(
    parts: Parts,
    files: Sequence[str],
    w: Walk,
    nodes: dict[str, Any] | None = None,
    events: EventIds | None = None,
) -> Chronology:
    warnings = []
    for p in w.warnings:
        placed = _place(p, nodes or {})
        warnings.append((Origin(placed.file, placed.line, placed.column), placed.text))
    return Chronology.build(
        texts=w.texts,
        warnings=warnings,
        title=parts.title or (Path(files[0]).stem if files else "Chronology"),
        description=parts.description,
        events=parts.events.table(keyed=None if events is None else events.keyed),
        categories=parts.categories,
        eras=parts.eras,
        indicators=parts.indicators,
        sources=parts.sources,
        files=files,
        tours=parts.tours,
    )


def fast(
    docs: Sequence[Document], progress: Progress | None = None, *, workers: bool = False
) -> Chronology | None:
    """The whole chronology on the fast path, or None at the first doubt or problem. With
    ``workers``, the events of a large file are read in worker processes (:mod:`.parallel`)."""
    large = any(not d.json_file and parallel.worth_it(d.size) for d in docs)
    pool = (
        parallel.Workers.start(parallel.worker_count())
        if workers and large and fast_path_available()
        else None
    )
    try:
        return _fast_read(docs, progress or Progress(None), pool)
    finally:
        if pool is not None:
            pool.close()


def _fast_read(
    docs: Sequence[Document], progress: Progress, pool: parallel.Workers | None
) -> Chronology | None:
    roots: list[tuple[str, Any]] = []
    lines: list[dict[str, list[tuple[int, int]] | None]] = []
    for k, doc in enumerate(docs):
        what = fill(translate("Loader", "Parsing %1"), doc.name)
        progress.phase(what, 0.05 + 0.35 * k / len(docs), 0.05 + 0.35 * (k + 1) / len(docs))
        # YAML is read from its bytes, never decoded whole (that held the interpreter lock a tenth
        # of a second at 200 MB); JSON, and UTF-16/32 YAML, from the text
        source: str | bytes | None = None if doc.json_file else doc.raw_utf8()
        if source is None:
            source = doc.text
        if source is None or doc.problems:
            return None
        delegate = pool.delegate if pool is not None else None
        got = fast_read(source, json_file=doc.json_file, progress=progress, lazy=True, delegate=delegate)
        del source  # the documents hold it until they are read for good (see below)
        if got is None:
            return None
        roots.append((doc.name, got[0]))
        lines.append(got[1])  # where the items of "events" and "indicators" are, in YAML files
    w, parts = Walk(fast=True, progress=progress), Parts()
    for (name, _), found in zip(roots, lines, strict=True):
        for key, positions in found.items():
            w.item_lines[(name, key)] = positions
    try:
        events = _walk_all(w, roots, parts, 0.4, 0.95)
        progress.phase(translate("Loader", "Sorting events"), 0.95, 1.0)
        if w.direct:
            chron = None
        else:  # read for good (nothing below sends the files to the exact path): let their text go
            for doc in docs:
                doc.let_go()
            # the C allocator tidies what the parse freed now, in a foreign call that lets the
            # interface thread run, rather than inside the first large allocation of the table
            # build (a 90 ms freeze measured at a million events); when the app asked for it
            runtime.return_memory()
            chron = _finish(parts, [d.name for d in docs], w, events=events)
    except (Doubt, FastPathFailed):
        chron = None
    if w.values > _LET_GO_SLICE:  # a small load's values are freed at once, in well under a millisecond
        _let_go(roots, lines, w, parts)
    if chron is not None:
        chron.events.renew_dates()  # see there: the memory the load used goes back to the system
    return chron


_LET_GO_SLICE = 16384


def _let_go(*objs: Any) -> None:
    """Free what a load built on its way (the parsed values, the rows, the ids it checked) a slice
    at a time. Dropping a list of a million dicts is one C call that frees them all while holding
    the interpreter lock (most of a second at a million events): the interface thread, waiting
    for the lock to draw, would freeze that long."""
    for obj in objs:
        if isinstance(obj, (Walk, Parts, EventRows)):
            _let_go(*vars(obj).values())
        elif isinstance(obj, tuple) and len(obj) <= 4:
            _let_go(*obj)
        elif type(obj) is list:  # not a LazyItems: it holds nothing once read
            if len(obj) <= 64:
                _let_go(*obj)
            while obj:
                del obj[-_LET_GO_SLICE:]
        elif isinstance(obj, dict):
            if len(obj) <= 64:
                _let_go(*obj.values())
            else:
                for key in list(obj):
                    del obj[key]


def exact(docs: Sequence[Document], problems: list[Problem], progress: Progress | None = None) -> Chronology:
    """The exact path: compose every file, read it, and place every problem."""
    from .nodes import NodeConverter  # with PyYAML: the fast path never needs them

    progress = progress or Progress(None)
    w, parts = Walk(progress=progress), Parts()
    nodes = w.nodes
    roots: list[tuple[str, Any]] = []
    for k, doc in enumerate(docs):
        what = fill(translate("Loader", "Checking %1"), doc.name)
        progress.phase(what, 0.05 + 0.45 * k / len(docs), 0.05 + 0.45 * (k + 1) / len(docs))
        if doc.text is None:
            problems.extend(doc.problems)
            w.unread += 1
            continue
        root = doc.compose()
        problems.extend(doc.problems)
        if doc.problems:
            w.unread += 1
            continue
        if root is None:
            empty = said(
                QT_TRANSLATE_NOOP(
                    "Problems", "the file is empty: expected 'events:', 'categories:', 'indicators:' ..."
                )
            )
            problems.append(Problem(doc.name, 1, 1, empty))
            continue
        converter = NodeConverter(doc.name, problems)
        values = converter.convert(root)
        w.duplicates.update(converter.duplicates)
        nodes[doc.name] = root
        roots.append((doc.name, values))
    _walk_all(w, roots, parts, 0.5, 0.95)
    return _placed_or_built(w, parts, problems, [d.name for d in docs])


def load_values(files: Sequence[tuple[str, Any, Any]], problems: Sequence[Problem] = ()) -> Chronology:
    """Plain values in the shape of a chronology file, made by a reader of another format
    (:mod:`.formats`), read and checked exactly as a YAML file's values are: the same messages and
    bounds. Each of ``files`` is (name, values, locator); ``locator.locate(path, key)`` says at which
    (line, column) of the file the value at ``path`` was written. ``problems`` are the reader's own."""
    w, parts = Walk(), Parts()
    for name, _, locator in files:
        w.nodes[name] = locator
    _walk_all(w, [(name, values) for name, values, _ in files], parts)
    return _placed_or_built(w, parts, list(problems), [name for name, _, _ in files])


def _placed_or_built(w: Walk, parts: Parts, problems: list[Problem], names: list[str]) -> Chronology:
    nodes = w.nodes
    problems.extend(w.direct)
    more = 0
    for p in w.pending:
        if p.message is None:
            more += 1
            continue
        problems.append(_place(p, nodes))
    if problems:
        problems = sorted(problems, key=Problem.sort_key)
        if len(problems) > limits.MAX_PROBLEMS:
            more += len(problems) - limits.MAX_PROBLEMS
            problems = problems[: limits.MAX_PROBLEMS]
        raise ChronologyError(problems, more=more)
    return _finish(parts, names, w, nodes)


def _position(at: At, nodes: dict[str, Any]) -> tuple[int, int]:
    root = nodes.get(at.file)
    if root is None:
        return (1, 1)
    from .nodes import locate  # problems are placed on the exact path, or in another format's values

    return locate(root, at.path, at.key)


def _place(p: Pending, nodes: dict[str, Any]) -> Problem:
    """The problem at its line and column; the positions it names are its message's last arguments."""
    line, col = _position(p.at, nodes)
    message = p.message
    assert message is not None
    if p.refs:
        shown: list[object] = []
        for at, style in p.refs:
            rl, rc = _position(at, nodes)
            shown.append(
                f"{at.file}:{rl}:{rc}"
                if style == "at"
                else said(QT_TRANSLATE_NOOP("Problems", "line %1, column %2"), rl, rc)
            )
        message = Message(message.context, message.template, *message.args, *shown)
    return Problem(p.at.file, line, col, message)
