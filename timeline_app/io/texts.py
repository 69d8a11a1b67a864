"""Reading a text field written as a plain string or as one text per language
(``title: {en: Xiong'an New Area established, zh: 设立雄安新区}``; see :mod:`..model.languages`).

The reader returns the text the record keeps (English where given) and notes every language's text
in the walk under the field's key. A language code that is not one of ours, an empty text, or a
mapping with no language is a positioned problem; a field in one language only is a warning.
"""

from __future__ import annotations

from typing import Any

from ..model.languages import LANGUAGES, TextKey, ordered
from ..text import QT_TRANSLATE_NOOP, Message
from .checks import Path_, Walk, What, each_of
from .limits import MAX_SCALAR_CHARS
from .problems import Problem, said
from .values import REJECTED_TYPE

_NAMES = {
    "en": said(QT_TRANSLATE_NOOP("Problems", "English")),
    "zh": said(QT_TRANSLATE_NOOP("Problems", "Simplified Chinese")),
}
_CODES = said(QT_TRANSLATE_NOOP("Problems", "en (English) or zh (Simplified Chinese)"))
# what authors write for our codes: region and script subtags, ISO 639-2 codes, country codes
_ALIASES = {"cn": "zh", "chs": "zh", "chi": "zh", "zho": "zh", "hans": "zh", "eng": "en", "uk": "en"}


def _suggest(code: str) -> str | None:
    low = code.strip().lower().replace("_", "-")
    first = low.split("-")[0]
    for guess in (low, first):
        if guess in LANGUAGES:
            return guess
        if guess in _ALIASES:
            return _ALIASES[guess]
    import difflib  # only when something is misspelt

    hint = difflib.get_close_matches(low, LANGUAGES, n=1, cutoff=0.5)
    return hint[0] if hint else None


def _code(code: str) -> Message:
    """'zh (Simplified Chinese)'."""
    return said(QT_TRANSLATE_NOOP("Problems", "%1 (%2)"), code, _NAMES[code])


def read_text(
    w: Walk, v: Any, path: Path_, what: What, key: TextKey, *, allow_empty: bool = False
) -> str | None:
    """A text field: a string (empty only with ``allow_empty``), or a mapping of language code
    to text (each text stripped, never empty)."""
    if not isinstance(v, dict):
        return w.text(v, path, what, allow_empty=allow_empty)
    w.count(path, len(v))
    for dup, (line, col), (fl, fc) in w.duplicates.get(id(v), ()):
        twice = QT_TRANSLATE_NOOP("Problems", "%1 is given twice in '%2' (first at line %3, column %4)")
        w.direct.append(Problem(w.file, line, col, said(twice, what, dup, fl, fc)))
    found: dict[str, str] = {}
    ok = True
    for code, text in v.items():
        if isinstance(text, REJECTED_TYPE):
            ok = False
            continue
        if code not in LANGUAGES:
            hint = _suggest(code)
            if hint:
                unknown = said(
                    QT_TRANSLATE_NOOP("Problems", "unknown language '%1' in %2: did you mean '%3'? write %4"),
                    code,
                    what,
                    hint,
                    _CODES,
                )
            else:
                unknown = said(
                    QT_TRANSLATE_NOOP("Problems", "unknown language '%1' in %2: write %3"), code, what, _CODES
                )
            w.add((*path, code), unknown, key=True)
            ok = False
            continue
        if type(text) is str and len(text) <= MAX_SCALAR_CHARS and text.strip():
            found[code] = text.strip()  # what w.text takes, without making its message first
            continue
        got = w.text(
            text,
            (*path, code),
            said(QT_TRANSLATE_NOOP("Problems", "%1 in %2 (%3)"), what, _NAMES[code], code),
        )
        if got is None:
            ok = False
            continue
        found[code] = got.strip()
    if not v:
        empty = QT_TRANSLATE_NOOP("Problems", "%1 gives no text: write it, or one text per language (%2)")
        w.add(path, said(empty, what, _CODES))
        return None
    if not ok or not found:
        return None
    texts = ordered(found)
    w.texts[key] = texts
    if len(texts) < len(LANGUAGES):
        (given,) = (code for code, _ in texts)
        (missing,) = (_code(c) for c in LANGUAGES if c not in found)  # two languages: one is missing
        only = QT_TRANSLATE_NOOP(
            "Problems", "%1 is written in %2 only: add %3, or every language shows the %2"
        )
        w.warn(path, said(only, what, given, missing))
    return texts[0][1]


def read_text_list(w: Walk, v: Any, path: Path_, what: What, key: TextKey) -> tuple[str, ...]:
    """A list of texts (``places``), each a string or a mapping of language to text; a single
    one stands for a list of one. The key's field is the list's name, each item's ``name.N``."""
    kind, ident, name = key
    if isinstance(v, dict) or (isinstance(v, str) and v.strip()):
        one = read_text(w, v, path, what, (kind, ident, f"{name}.0"))
        return (one,) if one else ()
    out: list[str] = []
    for i, item in enumerate(w.sequence(v, path, what)):
        t = read_text(w, item, (*path, i), each_of(what), (kind, ident, f"{name}.{len(out)}"))
        if t is not None:
            out.append(t)
    return tuple(out)
