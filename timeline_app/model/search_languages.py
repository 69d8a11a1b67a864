"""Searching a chronology written in several languages: every language's text is searched, and a
result shows its title in the language that matched. No Qt here.

The search index (:mod:`.search`) reads each event's title, description, places, tags and id. For a
chronology with texts in languages, :func:`searchable_events` gives it a table whose title holds the
title in every language (one per line), and likewise the description and each place, so "冬奥" and
"olymp" both find the 2022 Winter Olympics. Words match inside other words, so a Chinese query, which
has no spaces, is found as a run of characters anywhere in the text. A chronology with no such
texts is searched exactly as before, with no copy made.
"""

from __future__ import annotations

from .chronology import Chronology, Event
from .event_table import PLACES, EventTable, Extras
from .localize import event_positions
from .search_words import query_words
from .text_column import TextColumn


def _all(c: Chronology, ident: str, name: str, current: str) -> str:
    langs = c.texts.get(("event", ident, name))
    if not langs:
        return current
    texts = [current] + [t for _, t in langs if t != current]
    return "\n".join(dict.fromkeys(texts))


def searchable_events(c: Chronology) -> EventTable:
    """The events as the search index reads them: each text in every language it is written in."""
    ids = {ident for kind, ident, _ in c.texts if kind == "event"}
    table = c.events
    if not ids:
        return table
    titles = list(table.titles)
    descriptions = list(table.descriptions)
    extras: list[Extras | None] = list(table.extras)
    for i, ident in event_positions(table, ids):
        titles[i] = _all(c, ident, "title", titles[i])
        descriptions[i] = _all(c, ident, "description", descriptions[i])
        x = extras[i]
        if x is not None and x[PLACES]:
            places = tuple(_all(c, ident, f"places.{k}", p) for k, p in enumerate(x[PLACES]))
            extras[i] = (places, x[1], x[2], x[3], x[4], x[5])
    return table.with_texts(
        TextColumn.from_strings(titles), TextColumn.from_strings(descriptions), tuple(extras)
    )


def shown_title(c: Chronology, ev: Event, query: str) -> str:
    """The title to show for an event that matched ``query``: its own (in the chronology's current
    language) where the query's words are in its words in that language, else its title in the
    language whose words hold them (so "冬奥" lists 北京冬奥会 in the English view, and "olymp" the
    English title in the Chinese view). Tags and ids, the same in every language, decide nothing."""
    langs = c.texts.get(("event", ev.id, "title"))
    words = query_words(query)
    if not langs or not words:
        return ev.title

    def holds(title: str, description: str, places: list[str]) -> bool:
        text = "\n".join((title, description, *places)).casefold()
        return all(w in text for w in words)

    if holds(ev.title, ev.description, list(ev.places)):
        return ev.title
    described = dict(c.texts.get(("event", ev.id, "description"), ()))
    for lang, title in langs:
        places = [
            dict(c.texts.get(("event", ev.id, f"places.{k}"), ())).get(lang, p)
            for k, p in enumerate(ev.places)
        ]
        if holds(title, described.get(lang, ev.description), places):
            return title
    return ev.title
