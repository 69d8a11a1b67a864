"""The languages a chronology's text may be written in, and how a text in several is kept. No Qt here.

Any text field of a chronology may be a plain string (the same in every language) or one text per
language (``title: {en: Xiong'an New Area established, zh: 设立雄安新区}``). Language codes are
BCP 47 primary language subtags, lower case; two are read: ``en`` (English) and ``zh`` (Chinese,
written in simplified characters).

The records keep one string per field, as before (every view reads it unchanged): the English text
where there is one, else the text given. The texts of every language are kept beside them, in the
chronology's :data:`Texts`, under a :data:`TextKey` that names the field:

* ``("chronology", "", "title")``, ``("source", id, "note")``, ``("category", id, "name")``,
  ``("era", id, "title")``, ``("indicator", id, "unit")``, ``("event", id, "description")``;
* an event's places and figures by position: ``("event", id, "places.0")``,
  ``("event", id, "figures.1.label")``, ``("event", id, "figures.1.unit")``.

:func:`.localize.localize` makes the chronology of one language from them.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("en", "zh")
"""The language codes a text may be written in, the default (the records' own text) first."""

LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "zh": "Simplified Chinese"}

TextKey = tuple[str, str, str]
"""Which text: (kind of record, its id, its field), e.g. ``("event", "xiongan-founded", "title")``."""

Translations = tuple[tuple[str, str], ...]
"""A field's texts, as (language, text) pairs in the order of :data:`LANGUAGES`."""

Texts = Mapping[TextKey, Translations]
"""The fields written in languages, by key: only those; a plain-string field has no entry."""

TEXT_KINDS = ("chronology", "source", "category", "era", "event", "indicator")


def primary(texts: Translations) -> str:
    """The text the records keep: the first language's (English) where given, else the first given."""
    return texts[0][1]


def pick(texts: Translations, language: str) -> tuple[str, bool]:
    """The text in ``language`` and False; or, where it has none, the text of the first language
    that has one, and True (a fallback)."""
    for lang, text in texts:
        if lang == language:
            return text, False
    return texts[0][1], True


def ordered(pairs: Mapping[str, str]) -> Translations:
    """(language, text) pairs in the order of :data:`LANGUAGES`."""
    return tuple((lang, pairs[lang]) for lang in LANGUAGES if lang in pairs)


def field_key(*parts: str | int) -> str:
    """The field part of a :data:`TextKey`: ``field_key("figures", 1, "label") == "figures.1.label"``."""
    return ".".join(str(p) for p in parts)
