"""The one door user-visible words, numbers and HTML go through.

* :func:`translate` ``(context, text, disambiguation=None, n=-1)`` has the signature of Qt's
  ``QCoreApplication.translate``, and the name ``pyside6-lupdate`` looks for, so the strings written
  through it are found by Qt's translation tools as they are. Until a translation is installed
  (:func:`install`, which the UI calls with Qt's own function once it has loaded a ``QTranslator``),
  the source text is the English one and plural forms follow the English rule.
* Plurals are written the Qt way: ``translate("Status", "%Ln event(s)", None, count)`` (positional:
  ``pyside6-lupdate`` skips a call with keyword arguments, and one whose count is an expression
  rather than a name or a number; tests/test_translations.py checks both); a translation gives each
  language its own forms; the English fallback drops or keeps "(s)" and writes the count with
  thousands separators (``%Ln``, a locale's number; ``%n`` is the same here).
* Dates are built from per-language patterns (:func:`format_date`: ``%3 %2 %1`` in English,
  ``%1%4月%3日`` in Chinese). Numbers keep one rule for both languages the app speaks: English and
  Chinese (zh_CN) both group thousands with a comma and write decimals with a point, so
  :func:`format_number` stays pure and exact (the shortest text that reads back as the value) rather
  than going through QLocale, whose ``toString`` would round to a number of digits.
* :func:`format_number` is the one formatter for values people read; :func:`format_count` for
  counts; :func:`format_date` (and :func:`year_label`) for dates in words, with the month names and
  the era's wording kept here rather than in the model; :func:`escape_html` the one HTML escaper.

Pure Python (no Qt): the model, geometry and io layers may use it too.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def install(translator: Translator | None) -> None:
    """Send every :func:`translate` through ``translator`` (Qt's ``QCoreApplication.translate`` once a
    ``QTranslator`` is loaded); ``None`` puts the English source texts back."""
    global _translator
    _translator = translator


def installed() -> Translator | None:
    """The translator :func:`install` put in place (None: English)."""
    return _translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (``context``: where it appears, as Qt's tools group it).

    With ``n`` (0 or more) the text is a plural one: ``%Ln`` / ``%n`` stand for the count and, in
    English, ``(s)`` for the plural ending."""
    if _translator is not None:
        out = _translator(context, text, disambiguation, n)
        if n >= 0:  # a translation written with %Ln / %n was already filled in by Qt; English was not
            out = _english_plural(out, n)
        return out
    return _english_plural(text, n) if n >= 0 else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Qt's tools look for
    """Marks ``text`` for Qt's translation tools where it is stored rather than shown (a table of
    commands): it returns ``text`` unchanged; whoever shows it calls :func:`translate` with the same
    ``context``."""
    return text


def fill(text: str, *args: object) -> str:
    """``text`` with ``%1``, ``%2``, ... replaced by ``args`` (Qt's placeholders, which a translation
    may put in another order)."""
    for k in range(len(args), 0, -1):
        text = text.replace(f"%{k}", str(args[k - 1]))
    return text


_PLACEHOLDER = re.compile(r"%(\d)")


class Message:
    """A sentence said later, in the language of the moment it is shown: its template (a source text
    marked with ``QT_TRANSLATE_NOOP(context, ...)`` where it is written, with Qt's numbered
    placeholders ``%1``, ``%2`` ...) and its arguments (plain values shown as they are, or
    :class:`Message` / :class:`Later` objects, said in the same language). ``str()`` says it; so a
    list of problems kept as messages follows a change of language without being made again.

    The placeholders are filled in one pass, so an argument that holds ``%1`` stays as it is."""

    __slots__ = ("args", "context", "template")

    def __init__(self, context: str, template: str, *args: object) -> None:
        self.context = context
        self.template = template
        self.args = args

    def __str__(self) -> str:
        text = translate(self.context, self.template)
        if not self.args:
            return text
        args = self.args
        return _PLACEHOLDER.sub(lambda m: _arg(args, int(m[1]), m[0]), text)

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.template!r}{''.join(', ' + repr(a) for a in self.args)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.context, self.template, self.args) == (other.context, other.template, other.args)

    def __hash__(self) -> int:
        return hash((self.context, self.template, self.args))

    def to_data(self) -> list[object]:
        """Plain values (JSON) that :meth:`from_data` makes into the same message."""
        return [
            self.context,
            self.template,
            *(a.to_data() if isinstance(a, Message) else str(a) for a in self.args),
        ]

    @classmethod
    def from_data(cls, data: object) -> Message | str:
        if not isinstance(data, list) or len(data) < 2:
            return str(data)
        context, template, *args = data
        return cls(
            str(context), str(template), *(cls.from_data(a) if isinstance(a, list) else str(a) for a in args)
        )


def _arg(args: tuple[object, ...], k: int, written: str) -> str:
    return str(args[k - 1]) if 1 <= k <= len(args) else written


class Later:
    """A value said in the language of the moment it is shown: ``func(*args)`` then (a date in words
    inside a :class:`Message`, for instance)."""

    __slots__ = ("args", "func")

    def __init__(self, func: Callable[..., str], *args: object) -> None:
        self.func = func
        self.args = args

    def __str__(self) -> str:
        return self.func(*self.args)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Later):
            return NotImplemented
        return (self.func, self.args) == (other.func, other.args)

    def __hash__(self) -> int:
        return hash((self.func, self.args))


def _english_plural(text: str, n: int) -> str:
    count = format_count(n)
    return text.replace("%Ln", count).replace("%n", count).replace("(s)", "" if n == 1 else "s")


def label_value(label: str, value: str) -> str:
    """A label and its value as each language joins them: "Lane: Transport", "泳道：交通"."""
    return fill(translate("Text", "%1: %2"), label, value)


def format_count(n: int) -> str:
    """A count with thousands separators: 10000 -> "10,000"."""
    return f"{n:,}"


def format_number(value: float) -> str:
    """A number as the source wrote it, with thousands separators: the shortest text that reads
    back as the same value (4376.07 -> "4,376.07", 185000.0 -> "185,000", 0.0428 -> "0.0428"),
    never rounded to a few significant digits, never in scientific notation below 1e16."""
    v = float(value)
    if v.is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    text = repr(v)
    if "e" in text or "n" in text:  # very large or small, or not finite: as Python writes it
        return text
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{frac}"


def escape_html(text: object) -> str:
    """``text`` made safe to put in rich text (``&``, ``<``, ``>`` and both quotes escaped)."""
    return html.escape(str(text), quote=True)


# -- dates ---------------------------------------------------------------------------------------------
# The English names; a translation gives each language its own (and its own order of day, month and
# year, through the patterns below, where %1 is the year as written, %2 the month's name, %3 the day
# and %4 the month's number: 2014年2月26日 is "%1%4月%3日" with %1 = "2014年").
MONTHS = (
    QT_TRANSLATE_NOOP("Dates", "January"), QT_TRANSLATE_NOOP("Dates", "February"),
    QT_TRANSLATE_NOOP("Dates", "March"), QT_TRANSLATE_NOOP("Dates", "April"),
    QT_TRANSLATE_NOOP("Dates", "May"), QT_TRANSLATE_NOOP("Dates", "June"),
    QT_TRANSLATE_NOOP("Dates", "July"), QT_TRANSLATE_NOOP("Dates", "August"),
    QT_TRANSLATE_NOOP("Dates", "September"), QT_TRANSLATE_NOOP("Dates", "October"),
    QT_TRANSLATE_NOOP("Dates", "November"), QT_TRANSLATE_NOOP("Dates", "December"),
)  # fmt: skip
MONTH_ABBR = (
    QT_TRANSLATE_NOOP("Dates", "Jan"), QT_TRANSLATE_NOOP("Dates", "Feb"), QT_TRANSLATE_NOOP("Dates", "Mar"),
    QT_TRANSLATE_NOOP("Dates", "Apr"), QT_TRANSLATE_NOOP("Dates", "May"), QT_TRANSLATE_NOOP("Dates", "Jun"),
    QT_TRANSLATE_NOOP("Dates", "Jul"), QT_TRANSLATE_NOOP("Dates", "Aug"), QT_TRANSLATE_NOOP("Dates", "Sep"),
    QT_TRANSLATE_NOOP("Dates", "Oct"), QT_TRANSLATE_NOOP("Dates", "Nov"), QT_TRANSLATE_NOOP("Dates", "Dec"),
)  # fmt: skip


def month_name(month: int) -> str:
    """The month's name in the user's language: 2 -> 'February' / '2月'."""
    return translate("Dates", MONTHS[month - 1])


def month_abbr(month: int) -> str:
    """The month's short name (time axis): 2 -> 'Feb' / '2月'."""
    return translate("Dates", MONTH_ABBR[month - 1])


def year_label(astro_year: int) -> str:
    """The year as a reader writes it: ``2014``, ``44 BCE`` (``astro_year`` 0 is 1 BCE); in Chinese
    ``2014年``, ``公元前44年``."""
    if astro_year > 0:
        return fill(translate("Dates", "%1", "a year of the common era"), astro_year)
    return fill(translate("Dates", "%1 BCE"), 1 - astro_year)


def day_label(day: int) -> str:
    """A day of the month alone (the time axis's day ticks): '26' / '26日'."""
    return fill(translate("Dates", "%1", "a day of the month alone"), day)


def _date_parts(year: int, month: int | None, day: int | None, names: tuple[str, ...]) -> str:
    y = year_label(year)
    if day is not None and month is not None:
        pattern = translate("Dates", "%3 %2 %1", "day month year")
        return fill(pattern, y, translate("Dates", names[month - 1]), day, month)
    if month is not None:
        return fill(
            translate("Dates", "%2 %1", "month year"), y, translate("Dates", names[month - 1]), "", month
        )
    return y


def format_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date in words with its precision: '26 February 2014', 'February 2014', '2017' (in Chinese
    2014年2月26日, 2014年2月, 2017年)."""
    return _date_parts(year, month, day, MONTHS)


def format_short_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """The same with the month's short name, as the time axis writes it: '26 Feb 2014'."""
    return _date_parts(year, month, day, MONTH_ABBR)


def format_year_span(year: int, unknown_digits: int) -> str:
    """A year with unspecified last digits (EDTF ``201X``, ``20XX``): 'the 2010s', '2000–2099'."""
    if unknown_digits == 1:
        return fill(translate("Dates", "the %1s"), year)
    return f"{year}–{year + 10**unknown_digits - 1}"


def format_qualified_date(words: str, *, approximate: bool, uncertain: bool, open_side: str) -> str:
    """What EDTF says of a date, around its words: 'around 2014', '2014, uncertain', 'before 2014',
    '2014 or after'."""
    if approximate:
        words = fill(translate("Dates", "around %1"), words)
    if uncertain:
        words = fill(translate("Dates", "%1, uncertain"), words)
    if open_side == "before":
        return fill(translate("Dates", "before %1"), words)
    return fill(translate("Dates", "%1 or after"), words) if open_side == "after" else words


_PRECISION_WORDS = {
    "day": QT_TRANSLATE_NOOP("Dates", "day"),
    "month": QT_TRANSLATE_NOOP("Dates", "month"),
    "year": QT_TRANSLATE_NOOP("Dates", "year"),
}


def format_not_given(words: str, missing: str | None, precision: str | None = None) -> str:
    """'2014 (month not given)' for EDTF ``2014-XX``; with ``precision``, '2014 (year only)'
    (``missing`` and ``precision``: 'day', 'month' or 'year')."""
    if missing is not None:
        part = translate("Dates", _PRECISION_WORDS.get(missing, missing))
        return fill(translate("Dates", "%1 (%2 not given)"), words, part)
    part = translate("Dates", _PRECISION_WORDS.get(precision or "", precision or ""))
    return fill(translate("Dates", "%1 (%2 only)"), words, part)


def format_date_with_precision(year: int, month: int | None = None, day: int | None = None) -> str:
    """'26 February 2014', 'February 2014 (month only)', '2017 (year only)'."""
    text = format_date(year, month, day)
    if month is None:
        return format_not_given(text, None, "year")
    if day is None:
        return format_not_given(text, None, "month")
    return text


# -- line breaking ---------------------------------------------------------------------------------------
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)
_NO_LINE_START = "，。、；：！？）》」』】〉…,.;:!?)]}%"  # never first on a line (kept with what precedes)
_TOKEN = rf"[{_CJK}][{re.escape(_NO_LINE_START)}]*|[^\s{_CJK}]+\s*|\s+"
# the same tokens for a text of ASCII alone (no CJK character, no closing punctuation of theirs to
# keep); the full pattern's CJK classes take 3-5 ms to compile, which an English window's first
# frame (its wrapped lane names) does not need
_ASCII_TOKEN_RE = re.compile(r"\S+\s*|\s+")


def break_points(text: str) -> list[int]:
    """Where a line of ``text`` may end: after a space, and between two characters of Chinese (or
    Japanese, Korean), which is written without spaces; never before closing punctuation
    ('雄安新区，' stays whole). The positions are string offsets, the last one ``len(text)``."""
    tokens = _ASCII_TOKEN_RE if text.isascii() else _token_re()
    return [m.end() for m in tokens.finditer(text)]


@functools.cache
def _token_re() -> re.Pattern[str]:
    return re.compile(_TOKEN)
