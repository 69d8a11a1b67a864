"""What changed between two chronologies (or two versions of one): events added, removed, re-dated,
re-worded or otherwise edited. No Qt here.

Events are matched by id; those left over on both sides are then matched by title and start date
(an id renamed, nothing else), then by title alone where it is unique on both sides (an id renamed
and the event re-dated). What is matched is compared field by field:

* ``redated``: the start or the end moved, or its precision changed (``2014`` -> ``2014-02``), or
  the event became or stopped being ongoing or approximate;
* ``reworded``: the title or the description changed (in any language: a Chinese title is the
  field ``title (zh)``);
* ``edited``: anything else an author writes (lane, places, tags, figures, sources, related events,
  indicators, importance; places and figures in another language, ``places.0 (zh)``).

One :class:`EventChange` per event that differs, with every kind that applies, in time order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .chronology import Chronology, Event
from .dates import PartialDate
from .languages import LANGUAGES, Texts

KINDS = ("added", "removed", "redated", "reworded", "edited")
_DATE_FIELDS = ("start", "end", "ongoing", "approximate")
_TEXT_FIELDS = ("title", "description")
_OTHER_FIELDS = ("category", "places", "tags", "figures", "sources", "related", "indicators", "importance")


@dataclass(frozen=True)
class FieldChange:
    """One field of a matched event: its value before and after, as text."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class EventChange:
    """How one event differs. ``old_id`` and ``new_id`` are the same unless the id was renamed;
    one of them is empty for an event added or removed."""

    kinds: tuple[str, ...]
    old_id: str
    new_id: str
    title: str
    date: PartialDate  # the event's start: the new one, or the old one for a removed event
    fields: tuple[FieldChange, ...] = field(default=())

    @property
    def event_id(self) -> str:
        return self.new_id or self.old_id

    @property
    def renamed(self) -> bool:
        return bool(self.old_id and self.new_id and self.old_id != self.new_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kinds": list(self.kinds),
            "old_id": self.old_id or None,
            "new_id": self.new_id or None,
            "title": self.title,
            "date": self.date.iso(),
            "fields": [{"field": f.field, "before": f.before, "after": f.after} for f in self.fields],
        }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "; ".join(_text(v) for v in value)
    if hasattr(value, "value_text"):  # a figure
        return f"{value.label}: {value.value_text()}"
    if hasattr(value, "locator"):  # a source reference
        return f"{value.source} ({value.locator})" if value.locator else str(value.source)
    return str(value)


def _date_fields(a: Event, b: Event) -> list[FieldChange]:
    out = []
    for name in _DATE_FIELDS:
        va, vb = getattr(a, name), getattr(b, name)
        # a date written at another precision is a change even where the day is the same
        same = va == vb and (
            not isinstance(va, PartialDate) or (isinstance(vb, PartialDate) and va.precision == vb.precision)
        )
        if not same:
            out.append(FieldChange(name, _text(va), _text(vb)))
    return out


def _language_fields(
    a: Event, b: Event, old: Texts, new: Texts
) -> tuple[list[FieldChange], list[FieldChange]]:
    """Changes in an event's texts in the languages other than the records' own (a Chinese title
    re-worded while the English stayed): title and description ones, then places and figures."""
    names = {n for k, i, n in old if k == "event" and i == a.id}
    names |= {n for k, i, n in new if k == "event" and i == b.id}
    worded: list[FieldChange] = []
    other: list[FieldChange] = []
    for name in sorted(names):
        before = dict(old.get(("event", a.id, name), ()))
        after = dict(new.get(("event", b.id, name), ()))
        for lang in LANGUAGES[1:]:
            x, y = before.get(lang, ""), after.get(lang, "")
            if x != y and not (before.keys() == {lang} and after.keys() == {lang}):  # else the record says it
                change = FieldChange(f"{name} ({lang})", x, y)
                (worded if name in _TEXT_FIELDS else other).append(change)
    return worded, other


def compare_events(
    a: Event,
    b: Event,
    renamed: dict[str, str] | None = None,
    texts: tuple[Texts, Texts] | None = None,
) -> tuple[tuple[str, ...], tuple[FieldChange, ...]]:
    """The kinds of change between two versions of an event, and the fields that changed.
    ``renamed`` maps old event ids to new ones: a link to a renamed event is not an edit.
    ``texts``, the two chronologies' texts in languages, adds the changes in other languages."""
    dated = _date_fields(a, b)
    worded = [FieldChange(n, _text(getattr(a, n)), _text(getattr(b, n))) for n in _TEXT_FIELDS]
    worded = [f for f in worded if f.before != f.after]
    in_languages: list[FieldChange] = []
    if texts is not None and (texts[0] or texts[1]):
        more_worded, in_languages = _language_fields(a, b, *texts)
        worded += more_worded
    if renamed:
        a = a._replace(related=tuple(renamed.get(r, r) for r in a.related))
    other = [
        FieldChange(n, _text(getattr(a, n)), _text(getattr(b, n)))
        for n in _OTHER_FIELDS
        if getattr(a, n) != getattr(b, n)
    ] + in_languages
    kinds = tuple(k for k, fs in (("redated", dated), ("reworded", worded), ("edited", other)) if fs)
    return kinds, (*dated, *worded, *other)


def _match_leftovers(old: list[Event], new: list[Event]) -> list[tuple[Event, Event]]:
    """Pairs of events whose ids differ: same title and start first, then a title unique on both
    sides. Both lists lose what is matched."""
    pairs: list[tuple[Event, Event]] = []

    def key_title(e: Event) -> str:
        return " ".join(e.title.casefold().split())

    for key in (lambda e: (key_title(e), e.start.iso()), key_title):
        count_old = Counter(key(e) for e in old)
        count_new = Counter(key(e) for e in new)
        by_key = {key(e): e for e in new if count_new[key(e)] == 1}
        kept_old = []
        for e in old:
            k = key(e)
            match = by_key.pop(k, None) if count_old[k] == 1 else None
            if match is None:
                kept_old.append(e)
            else:
                pairs.append((e, match))
        taken = {id(b) for _, b in pairs}
        old[:] = kept_old
        new[:] = [e for e in new if id(e) not in taken]
    return pairs


def _signatures(c: Chronology) -> dict[str, tuple[Any, ...]]:
    """Each event's fields by id, read from the table's columns without making the events: equal
    signatures are equal events (dates compared with their precision), so the events that did not
    change are passed over in one comparison each."""
    t = c.events
    n = len(t)
    dates, cats = t.dates, t.category_ids
    start, end, cat = t.start.tolist(), t.end.tolist(), t.category.tolist()
    ongoing, approx, imp = t.ongoing.tolist(), t.approximate.tolist(), t.importance.tolist()
    in_languages: dict[str, list[tuple[str, tuple[tuple[str, str], ...]]]] = {}
    for (kind, ident, name), texts in c.texts.items():  # an event's texts in other languages
        if kind == "event":
            in_languages.setdefault(ident, []).append((name, tuple(sorted(dict(texts).items()))))
    out: dict[str, tuple[Any, ...]] = {}
    for i, (eid, title, description, extras) in enumerate(t.rows(0, n)):
        e = end[i]
        out[eid] = (
            title,
            description,
            extras,
            dates[start[i]],
            None if e < 0 else dates[e],
            ongoing[i],
            approx[i],
            cats[cat[i]],
            imp[i],
            sorted(in_languages.get(eid, ())),
        )
    return out


def diff_chronologies(old: Chronology, new: Chronology) -> list[EventChange]:
    """Every event that differs between ``old`` and ``new``, in time order (see the module)."""
    sig_old, sig_new = _signatures(old), _signatures(new)
    old_ids = set(sig_old)
    new_ids = set(sig_new)
    gone = [e for e in (old.event(i) for i in sorted(old_ids - new_ids)) if e is not None]
    came = [e for e in (new.event(i) for i in sorted(new_ids - old_ids)) if e is not None]
    moved = _match_leftovers(gone, came)
    renamed = {a.id: b.id for a, b in moved}  # a link to a renamed event is not an edit
    texts = (old.texts, new.texts)
    out: list[EventChange] = []
    for eid in sorted(old_ids & new_ids):
        if sig_old[eid] == sig_new[eid]:
            continue
        a, b = old.event(eid), new.event(eid)
        assert a is not None and b is not None
        kinds, fields = compare_events(a, b, renamed, texts)
        if kinds:
            out.append(EventChange(kinds, eid, eid, b.title, b.start, fields))
    for a, b in moved:
        kinds, fields = compare_events(a, b, renamed, texts)
        fields = (FieldChange("id", a.id, b.id), *fields)
        kinds = tuple(dict.fromkeys(("edited", *kinds)))
        out.append(EventChange(kinds, a.id, b.id, b.title, b.start, fields))
    out += [EventChange(("removed",), e.id, "", e.title, e.start) for e in gone]
    out += [EventChange(("added",), "", e.id, e.title, e.start) for e in came]
    out.sort(key=lambda c: (c.date.first_day(), c.date.end_day(), c.event_id))
    return out


def summary(changes: Iterable[EventChange]) -> dict[str, int]:
    """How many events of each kind of change (an event may count under several kinds)."""
    counts = dict.fromkeys(KINDS, 0)
    for c in changes:
        for k in c.kinds:
            counts[k] += 1
    return counts
