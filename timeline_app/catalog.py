"""The interface's words without Qt: a translation read from its ``.ts`` source, for the command line
and the pure layers' tests.

The window installs Qt's ``QTranslator`` on the compiled ``.qm`` (see ``ui/app/language.py``). The
command line does not start Qt for a line of text: ``timeline-app validate --lang zh_CN`` reads
``resources/translations/timeline_app_zh_CN.ts`` here (an XML file of a few hundred entries, parsed
in a few milliseconds, shipped beside the ``.qm`` in every build), and installs :func:`translator`
with :func:`timeline_app.text.install`. The ``.ts`` is the source the ``.qm`` is compiled from and
that tests/test_translations.py checks complete, so both give the same words; English needs neither.

Plural forms: a language with one form (Chinese) uses it for every count; one with two (English's
rule: one, other) picks by ``n == 1``. The count itself is put in by :func:`~timeline_app.text.translate`.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from pathlib import Path

from .paths import resource
from .text import Translator

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
DATA_LANGUAGE = {ENGLISH: "en", CHINESE: "zh"}  # the language of a chronology's text fields

Key = tuple[str, str, str]  # context, source text, disambiguation ("" for none)


def normalize(name: str | None) -> str | None:
    """``zh_CN``, ``zh-CN``, ``zh``, ``zh_CN.UTF-8``, ``zh_Hans`` -> ``zh_CN``; ``en``, ``en_GB``, ``C``
    -> ``en``; anything else (or nothing) -> None."""
    if not name:
        return None
    n = name.split(".")[0].replace("-", "_").lower()
    if n == "zh" or n.startswith(("zh_cn", "zh_hans", "zh_sg")):
        return CHINESE
    if n == "en" or n.startswith("en_") or n in ("c", "posix"):
        return ENGLISH
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the process's locale, as POSIX looks for it (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``), else the platform's; English when it is none of ours."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        for name in value.split(":"):  # LANGUAGE is a list: zh_CN:en
            lang = normalize(name)
            if lang is not None:
                return lang
        if var != "LANGUAGE":  # the first locale variable set decides, as in C
            return ENGLISH
    if environ is None:
        try:
            return normalize(locale.getlocale()[0]) or ENGLISH
        except ValueError:
            pass
    return ENGLISH


def ts_file(lang: str) -> Path:
    return resource("translations") / f"timeline_app_{lang}.ts"


def read_ts(path: Path) -> dict[Key, list[str]]:
    """Every finished entry of a ``.ts`` file: its translation, or its plural forms."""
    import xml.etree.ElementTree as ET  # only when a language other than English is asked for

    out: dict[Key, list[str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        ctx = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if all(forms):
                out[(ctx, m.findtext("source") or "", m.findtext("comment") or "")] = forms
    return out


def translator(entries: Mapping[Key, list[str]]) -> Translator:
    """A function with the signature of Qt's ``QCoreApplication.translate`` over ``entries``: the
    source text where an entry is missing, as Qt does."""

    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        forms = entries.get((context, text, disambiguation or ""))
        if not forms:
            return text
        return forms[0] if len(forms) == 1 or n == 1 else forms[1]

    return translate


def load(lang: str) -> Translator | None:
    """The translator of ``lang`` (a name :func:`normalize` knows), or None for English, an unknown
    language or a missing file."""
    lang = normalize(lang) or ENGLISH
    if lang == ENGLISH:
        return None
    try:
        return translator(read_ts(ts_file(lang)))
    except (OSError, SyntaxError):  # xml.etree's ParseError is a SyntaxError
        return None
