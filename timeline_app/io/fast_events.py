"""The events of a file on the fast path, read without a path or a call per field.

On the fast path any problem sends the whole load to the exact path (:class:`~.checks.Doubt`), which
finds and places every problem. So an event of the common shape (the keys below, plain text, dates
already seen, a known importance) is read here with the same checks as
:func:`~.sections.read_event` in a few dictionary look-ups; any other event, and any event that
would have a problem, is handed to that function, which reads it (a rarer shape) or raises
:class:`~.checks.Doubt` (a problem). The result is the same rows, in the same order.

Measured at 100,000 events (benchmarks/generate.py): the walk over the events took three quarters of
a first open, most of it in building paths and calling a checker per field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain, compress, repeat
from operator import and_, is_not, itemgetter, not_, or_
from typing import Any

from ..model.chronology import IMPORTANCE, Origin
from . import limits
from .checks import ALLOWED, ID_RE, Walk, too_many_events
from .event_rows import EventRows
from .fast_path import LazyItems
from .sections import read_event

_REQUIRED = ALLOWED["event"][0]
_REQUIRED_KEYS = ("id", "title", "start", "category")
assert frozenset(_REQUIRED_KEYS) == _REQUIRED
# the keys read here; an event with any other (figures, sources, related, indicators) is read by
# read_event, as is any value of an unusual type
_SIMPLE = frozenset({"id", "title", "start", "category", "end", "ongoing", "approximate"}) | frozenset(
    {"importance", "description", "places", "tags"}
)
_MISSING = object()  # a key the event does not have (a key with no value, null, is not missing)
_RANK: dict[Any, int] = {_MISSING: 0} | {name: k for k, name in enumerate(IMPORTANCE)}
_BATCH = 16384
_TEXT = frozenset({str})
_TEXT_OR_MISSING = frozenset({str, object})
# the ids of a batch joined by line breaks, each as ID_RE takes it (an id that ID_RE takes with a
# line break at its end fails here, and its batch is read one by one)
_IDS_RE = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9._-]*\n)*[A-Za-z0-9][A-Za-z0-9._-]*")


def _texts(v: Any) -> tuple[str, ...] | None:
    """A list of plain, non-empty texts within the bound, as a tuple; None for anything else."""
    if type(v) is not list:
        return None
    for t in v:
        if type(t) is not str or len(t) > limits.MAX_SCALAR_CHARS or not t.strip():
            return None
    return tuple(v)


def _text_lists(values: list[Any]) -> list[tuple[str, ...]] | None:
    """Each value as :func:`_texts` takes it (a missing one: no texts), checked in passes over all
    of them; None when any is not such a list."""
    lists = [v for v in values if v is not _MISSING]
    if set(map(type, lists)) - {list} or not _plain_texts(list(chain.from_iterable(lists))):
        return None
    return [() if v is _MISSING else tuple(v) for v in values]


def _batches(items: list[Any]) -> Iterator[list[Any]]:
    if isinstance(items, LazyItems):
        yield from items.batches()
    else:
        for k in range(0, len(items), _BATCH):
            yield items[k : k + _BATCH]


def read_events(w: Walk, items: list[Any], rows: EventRows) -> None:
    """Read the ``events`` items of the file ``w.file`` into ``rows`` (the fast path's walk): a
    batch at a time in passes over each field, or one event at a time when a batch has an event of
    another shape (see :func:`_read_batch`); by worker processes when they were given them."""
    if isinstance(items, LazyItems) and items.elsewhere:  # given to worker processes (.parallel)
        items.read_into(w, rows)
        return
    n = len(items)
    categories: dict[str, str] = {}  # each category id checked (and referred to) once per file
    offset = 0
    for batch in _batches(items):
        w.progress(offset / n)
        if not _read_batch(w, batch, offset, rows, categories):
            _read_one_by_one(w, batch, offset, rows, categories)
        w.count(("events", offset), sum(map(len, batch)))  # the bound on values read
        offset += len(batch)
        if len(rows) > limits.MAX_EVENTS:
            w.add(("events", offset - 1), too_many_events())


def _category(w: Walk, category: Any, i: int, categories: dict[str, str]) -> str | None:
    cat = categories.get(category) if type(category) is str else None
    if cat is None:
        cat = w.ident(category, ("events", i, "category"), "'category'")
        if cat is not None:
            w.refer("category", cat, ("events", i, "category"))
            categories[category] = cat
    return cat


def _dates(w: Walk, texts: list[Any], key: str, offset: int) -> list[Any] | None:
    """The dates of ``texts`` (None where the event has no such key: ``_MISSING``), each new text
    parsed once (a problem raises Doubt); None when one is not text."""
    if not set(map(type, texts)) <= (_TEXT if key == "start" else _TEXT_OR_MISSING):
        return None
    known = w.dates
    got = list(map(known.get, texts))
    if not all(got):  # a date is always true: no Python __eq__ per item, as "None in got" made
        # only the texts not seen yet, found in C: most of a batch's dates are known
        unseen = map(and_, map(not_, got), map(is_not, texts, repeat(_MISSING)))
        for j in compress(range(len(got)), unseen):
            got[j] = w.date(texts[j], ("events", offset + j, key), f"'{key}'")
    return got


def _plain_texts(values: list[Any], *, empty: bool = False) -> bool:
    """Whether every value is plain text within the bound (and not blank, unless ``empty``)."""
    if set(map(type, values)) - {str} or max(map(len, values), default=0) > limits.MAX_SCALAR_CHARS:
        return False
    return empty or all(map(str.strip, values))


def _read_batch(w: Walk, batch: list[Any], offset: int, rows: EventRows, categories: dict[str, str]) -> bool:
    """Read a batch of events in passes over each field (each pass in C where it can be); False,
    with nothing added, when an event is of another shape or may have a problem."""
    n = len(batch)
    if set(map(type, batch)) - {dict}:
        return False
    if not set().union(*batch) <= _SIMPLE:
        return False
    try:  # the keys every event has: a missing one raises (an event of another shape)
        ids, titles, start_texts, cats = (list(map(itemgetter(key), batch)) for key in _REQUIRED_KEYS)
    except KeyError:
        return False
    get = dict.get
    if not _plain_texts(ids) or not _plain_texts(titles):
        return False
    joined = "\n".join(ids)
    if _IDS_RE.fullmatch(joined) is None:
        return False
    del joined
    descriptions = list(map(get, batch, repeat("description", n), repeat("", n)))
    if not _plain_texts(descriptions, empty=True):
        return False
    ongoing = list(map(get, batch, repeat("ongoing", n), repeat(False, n)))
    approximate = list(map(get, batch, repeat("approximate", n), repeat(False, n)))
    if set(map(type, ongoing)) - {bool} or set(map(type, approximate)) - {bool}:
        return False
    try:
        ranks = list(map(_RANK.__getitem__, map(get, batch, repeat("importance", n), repeat(_MISSING, n))))
    except (KeyError, TypeError):  # not one of the names, or not text
        return False
    places = list(map(get, batch, repeat("places", n), repeat(_MISSING, n)))
    tags = list(map(get, batch, repeat("tags", n), repeat(_MISSING, n)))
    extras: list[Any] = [None] * n
    if places.count(_MISSING) != n or tags.count(_MISSING) != n:
        # only the events that have either (found in C), their lists checked in passes over all
        either = list(
            compress(range(n), map(or_, *(map(is_not, v, repeat(_MISSING)) for v in (places, tags))))
        )
        pls = _text_lists([places[j] for j in either])
        tgs = _text_lists([tags[j] for j in either])
        if pls is None or tgs is None:
            return False
        for j, pl, tg in zip(either, pls, tgs, strict=True):
            if pl or tg:
                extras[j] = (pl, tg, (), (), (), ())
    del places, tags
    starts = _dates(w, start_texts, "start", offset)
    ends = _dates(w, list(map(get, batch, repeat("end", n), repeat(_MISSING, n))), "end", offset)
    if starts is None or ends is None:
        return False
    for j in compress(range(n), ends):  # the events that have an end (a date is always true)
        end = ends[j]
        if ongoing[j] or end.end_day() <= starts[j].first_day():
            return False  # a problem: read one by one, it is found (and the load doubts)
    try:
        distinct = set(cats)
    except TypeError:
        return False
    for c in distinct:
        if c not in categories:
            j = cats.index(c)
            if _category(w, c, offset + j, categories) is None:  # pragma: no cover - raised Doubt
                return False
    positions = w.item_lines.get((w.file, "events"))
    if positions is None:
        lines: Sequence[int] = [0] * n
        columns: Sequence[int] = lines
    else:
        lines, columns = zip(*positions[offset : offset + n], strict=True)
    rows.extend(
        ids=ids,
        titles=titles,
        starts=starts,
        ends=ends,
        categories=list(map(categories.__getitem__, cats)),
        ongoing=ongoing,
        approximate=approximate,
        descriptions=list(map(str.strip, descriptions)),
        extras=extras,
        file=w.file,
        lines=lines,
        columns=columns,
        importance=ranks,
    )
    return True


def _read_one_by_one(
    w: Walk, items: list[Any], offset: int, rows: EventRows, categories: dict[str, str]
) -> None:
    """Read events one at a time: the common shape in a few look-ups, any other by read_event."""
    file = w.file
    dates = w.dates
    positions = w.item_lines.get((file, "events"))
    limit = limits.MAX_SCALAR_CHARS
    id_ok = ID_RE.match
    simple, required = _SIMPLE, _REQUIRED
    for j, e in enumerate(items):
        i = offset + j
        if type(e) is not dict or not simple.issuperset(e) or not required.issubset(e):
            read_event(w, e, ("events", i), rows)
            continue
        ident, title, category = e["id"], e["title"], e["category"]
        first, last = e["start"], e.get("end")
        start = dates.get(first) if type(first) is str else None
        end = dates.get(last) if type(last) is str else None
        ongoing = e.get("ongoing", False)
        approximate = e.get("approximate", False)
        importance = e.get("importance")
        rank = 0 if importance is None else _RANK.get(importance, -1) if type(importance) is str else -1
        description = e.get("description", "")
        places = _texts(e["places"]) if "places" in e else ()
        tags = _texts(e["tags"]) if "tags" in e else ()
        if (
            type(ident) is not str
            or len(ident) > limit
            or id_ok(ident) is None
            or type(title) is not str
            or len(title) > limit
            or not title.strip()
            or start is None
            or ("end" in e and (end is None or ongoing is True or end.end_day() <= start.first_day()))
            or type(ongoing) is not bool
            or type(approximate) is not bool
            or rank < 0
            or type(description) is not str
            or len(description) > limit
            or places is None
            or tags is None
        ):
            read_event(w, e, ("events", i), rows)  # reads it the long way, or raises Doubt
            continue
        cat = _category(w, category, i, categories)
        if cat is None:  # pragma: no cover - the fast path raised Doubt
            return
        extras = (places, tags, (), (), (), ()) if places or tags else None
        line, col = positions[i] if positions is not None else (0, 0)
        rows.add(
            ident,
            title,
            start,
            end,
            cat,
            ongoing,
            approximate,
            description.strip(),
            extras,
            Origin(file, line, col),
            rank,
        )
