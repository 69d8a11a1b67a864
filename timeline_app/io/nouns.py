"""The nouns the loader's problems are made of, each a message said in the language shown: the
kinds of mapping and of ids (``the %1 is missing '%2'`` with "event"), the lists of a file, and
what a value is ("the figure's source"). Keys of the format are not here: they stay as written."""

from __future__ import annotations

from ..text import QT_TRANSLATE_NOOP, Message
from .problems import said

# the kinds of mapping, and of ids, as problems name them
KINDS: dict[str, Message] = {
    "file": said(QT_TRANSLATE_NOOP("Problems", "file")),
    "chronology": said(QT_TRANSLATE_NOOP("Problems", "chronology")),
    "source": said(QT_TRANSLATE_NOOP("Problems", "source")),
    "category": said(QT_TRANSLATE_NOOP("Problems", "category")),
    "era": said(QT_TRANSLATE_NOOP("Problems", "era")),
    "event": said(QT_TRANSLATE_NOOP("Problems", "event")),
    "figure": said(QT_TRANSLATE_NOOP("Problems", "figure")),
    "source reference": said(QT_TRANSLATE_NOOP("Problems", "source reference")),
    "indicator": said(QT_TRANSLATE_NOOP("Problems", "indicator")),
    "point": said(QT_TRANSLATE_NOOP("Problems", "point")),
    "tour": said(QT_TRANSLATE_NOOP("Problems", "tour")),
    "stop": said(QT_TRANSLATE_NOOP("Problems", "stop")),
}
ID_OF: dict[str, Message] = {
    "source": said(QT_TRANSLATE_NOOP("Problems", "the source id")),
    "category": said(QT_TRANSLATE_NOOP("Problems", "the category id")),
    "era": said(QT_TRANSLATE_NOOP("Problems", "the era id")),
    "event": said(QT_TRANSLATE_NOOP("Problems", "the event id")),
    "indicator": said(QT_TRANSLATE_NOOP("Problems", "the indicator id")),
    "tour": said(QT_TRANSLATE_NOOP("Problems", "the tour id")),
}
# the lists of a file, as "expected a list of ..." names them
LISTS: dict[str, Message] = {
    "sources": said(QT_TRANSLATE_NOOP("Problems", "sources")),
    "categories": said(QT_TRANSLATE_NOOP("Problems", "categories")),
    "eras": said(QT_TRANSLATE_NOOP("Problems", "eras")),
    "events": said(QT_TRANSLATE_NOOP("Problems", "events")),
    "indicators": said(QT_TRANSLATE_NOOP("Problems", "indicators")),
    "figures": said(QT_TRANSLATE_NOOP("Problems", "figures")),
    "points": said(QT_TRANSLATE_NOOP("Problems", "points")),
    "tours": said(QT_TRANSLATE_NOOP("Problems", "tours")),
    "stops": said(QT_TRANSLATE_NOOP("Problems", "stops")),
}
A_SOURCE = said(QT_TRANSLATE_NOOP("Problems", "a source"))
FIGURE_SOURCE = said(QT_TRANSLATE_NOOP("Problems", "the figure's source"))
POINT_SOURCE = said(QT_TRANSLATE_NOOP("Problems", "the point's source"))
INDICATOR_SOURCE = said(QT_TRANSLATE_NOOP("Problems", "the indicator's source"))
# the ids an event lists: what the list is, what each item is
ID_LISTS: dict[str, tuple[Message, Message]] = {
    "event": (
        said(QT_TRANSLATE_NOOP("Problems", "event ids")),
        said(QT_TRANSLATE_NOOP("Problems", "a related event id")),
    ),
    "indicator": (
        said(QT_TRANSLATE_NOOP("Problems", "indicator ids")),
        said(QT_TRANSLATE_NOOP("Problems", "an indicator id")),
    ),
}
