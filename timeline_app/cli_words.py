"""What the command line says to people, in their language (``timeline-app validate``, ``convert``,
``diff``, ``export``, ``render``, ``report``). No Qt here.

The language is the one ``--lang`` names, else the system locale's (:func:`speak`); a language
other than English is read from its ``.ts`` by :mod:`timeline_app.catalog` (a few milliseconds,
never Qt), so ``validate`` in English costs nothing more than before. Output meant for programs
(``--format json``, the exported files) stays English-keyed; argparse's own help and usage stay
English (argparse builds them before a language is known and words them through gettext).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping, Sequence

from . import catalog, text
from .model.diff import EventChange
from .text import QT_TRANSLATE_NOOP, fill, translate


def language_arg(value: str) -> str:
    """``--lang``: en, zh or zh_CN (and their spellings: zh-CN, zh_CN.UTF-8 ...)."""
    lang = catalog.normalize(value)
    if lang is None:
        raise argparse.ArgumentTypeError(f"a language the app speaks: en or zh_CN, not '{value}'")
    return lang


spoken = catalog.ENGLISH
"""The language :func:`speak` chose (``en`` or ``zh_CN``)."""


def speak(lang: str | None) -> None:
    """Say what follows in ``lang`` (as :func:`language_arg` gives it), else the system's language."""
    global spoken
    chosen = lang or catalog.system_language()
    translator = catalog.load(chosen) if chosen != catalog.ENGLISH else None
    spoken = chosen if translator is not None else catalog.ENGLISH
    text.install(translator)


def problems_found(n: int) -> str:
    return translate("CommandLine", "%Ln problem(s) found", None, n)


def warning(origin: object, message: object) -> str:
    return fill(translate("CommandLine", "%1: warning: %2"), origin, message)


def counted(c: Mapping[str, int]) -> str:
    """'ok: 1 files, 2 events, ...' (the counts as they are, for scripts that read them)."""
    ok = translate(
        "CommandLine", "ok: %1 files, %2 events, %3 categories, %4 indicators, %5 points, %6 sources"
    )
    return fill(ok, c["files"], c["events"], c["categories"], c["indicators"], c["points"], c["sources"])


def wrote_converted(out: object, c: Mapping[str, int], fmt: str) -> str:
    return fill(
        translate("CommandLine", "wrote %1: %2 events, %3 categories (%4)"),
        out,
        c["events"],
        c["categories"],
        fmt,
    )


def wrote(out: object, what: str) -> str:
    """'wrote out.png (1600x900)'."""
    return fill(translate("CommandLine", "wrote %1 (%2)"), out, what)


def a4_landscape() -> str:
    return translate("CommandLine", "A4 landscape")


def pages_in(pages: int, seconds: float) -> str:
    return fill(translate("CommandLine", "%1 pages, %2 s"), pages, f"{seconds:.1f}")


# -- refusals ---------------------------------------------------------------------------------------------
def export_inside(output: str) -> str:
    return fill(
        translate(
            "CommandLine",
            "will not write %1: it is (or would become) part of the chronology; "
            "choose a file outside its folder",
        ),
        output,
    )


def convert_over_input(path: str) -> str:
    return fill(translate("CommandLine", "will not write over the input %1"), path)


def out_suffix(name: str, suffixes: str) -> str:
    """'--out must end in .png, .svg or .pdf, not 'x.gif''."""
    return fill(translate("CommandLine", "--out must end in %1, not '%2'"), suffixes, name)


def png_svg_or_pdf() -> str:
    return translate("CommandLine", ".png, .svg or .pdf")


def no_event(ident: str) -> str:
    return fill(translate("CommandLine", "no event with id '%1'"), ident)


def to_after_from() -> str:
    return translate("CommandLine", "--to must be after --from")


def report_inside(out: object) -> str:
    return fill(translate("CommandLine", "will not write %1 inside the chronology's folder"), out)


def views_unreadable(spec: str, why: object) -> str:
    return fill(translate("CommandLine", "cannot read the views in '%1': %2"), spec, why)


def no_view_in(spec: str) -> str:
    return fill(translate("CommandLine", "'%1' holds no view"), spec)


def no_view_named(spec: str, names: Sequence[str]) -> str:
    listed = "; ".join(names) or translate("CommandLine", "none saved for this chronology")
    return fill(translate("CommandLine", "no saved view named '%1' (the views: %2)"), spec, listed)


# -- diff -------------------------------------------------------------------------------------------------
_KINDS = {
    "added": QT_TRANSLATE_NOOP("CommandLine", "added"),
    "removed": QT_TRANSLATE_NOOP("CommandLine", "removed"),
    "redated": QT_TRANSLATE_NOOP("CommandLine", "redated"),
    "reworded": QT_TRANSLATE_NOOP("CommandLine", "reworded"),
    "edited": QT_TRANSLATE_NOOP("CommandLine", "edited"),
}


def _kind(k: str) -> str:
    return translate("CommandLine", _KINDS.get(k, k))


def diff_lines(
    changes: Sequence[EventChange], counts: Mapping[str, int], titles: Mapping[str, str] | None = None
) -> Iterator[str]:
    """The text ``timeline-app diff`` prints: a line per event (its title from ``titles`` by id,
    where given), a line per field, then the count."""
    none = translate("CommandLine", "(none)")
    for c in changes:
        ident = f"{c.old_id} -> {c.new_id}" if c.renamed else c.event_id
        kinds = ", ".join(_kind(k) for k in c.kinds)
        title = (titles or {}).get(c.event_id, c.title)
        yield f"{c.date.iso():<11} {kinds:<18} {ident}  {title}"
        for f in c.fields:
            yield f"{'':<11}   {f.field}: {f.before or none} -> {f.after or none}"
    n = len(changes)
    differ = translate("CommandLine", "%Ln event(s) differ", None, n)
    comma = translate("CommandLine", ", ", "between the items of a list")
    said = comma.join(fill(translate("CommandLine", "%1 %2"), m, _kind(k)) for k, m in counts.items() if m)
    yield fill(translate("CommandLine", "%1 (%2)"), differ, said) if said else differ
