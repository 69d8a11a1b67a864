"""Dates that carry their own precision.

A chronology says "2014", "2014-02" or "2014-02-26" and means three different things: the year is
known, the month is known, the day is known. :class:`PartialDate` keeps exactly what the author
wrote and can tell the interval of days it may stand for.

Time on the axis is measured in *epoch days*: days since 1970-01-01 in the proleptic Gregorian
calendar, as a float. That scale has no trouble with antiquity, where ``datetime`` stops at year 1.

BCE years are written with a suffix (``"44 BCE"``, ``"44-03-15 BCE"``); there is no year 0, so
1 BCE is followed by 1 CE. Internally the astronomical year is used (1 BCE = 0, 2 BCE = -1).

The Library of Congress Extended Date/Time Format (EDTF, levels 0 and 1) adds what a chronology
says of dates it is not sure of, and :meth:`PartialDate.parse` reads it: ``2014~`` (approximate),
``2014?`` (uncertain), ``2014%`` (both), ``201X`` / ``20XX`` (a decade, a century), ``2014-XX``
(the month not given), ``../2014`` (2014 or before) and ``2014/..`` (2014 or after). The date's
interval of days is what it may stand for *when read as written*: an open side is a flag, drawn as
an open end, not a date at infinity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum

from ..text import (
    QT_TRANSLATE_NOOP,
    Later,
    Message,
    format_date,
    format_date_with_precision,
    format_not_given,
    format_qualified_date,
    format_year_span,
)


class Precision(IntEnum):
    """How much of a date is known. Ordered from coarse to fine."""

    YEAR = 0
    MONTH = 1
    DAY = 2

    @property
    def word(self) -> str:
        return self.name.lower()


def _said(template: str, *args: object) -> Message:
    return Message("DateErrors", template, *args)


_DATE_RE = re.compile(
    r"^(?P<year>\d{1,6})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?P<bce>\s*(?:BCE|BC))?$"
)
# EDTF unspecified digits: 201X, 20XX, 2014-XX, 2014-02-XX, 201X-XX-XX (X in the year only at its end)
_EDTF_X_RE = re.compile(r"^(?P<year>\d{1,3}X{1,3}|\d{4})(?P<rest>(?:-(?:\d{1,2}|XX)){0,2})$")

_INTERVAL_RE = re.compile(r"^\d{4}[-\dX~?%]*/\d{4}[-\dX~?%]*$")

QUALIFIERS = {"": "", "~": "approximate", "?": "uncertain", "%": "approximate and uncertain"}
"""EDTF qualifiers of a whole date, and what they say."""
OPEN_SIDES = ("", "before", "after")
"""A date open on one side: ``../2014`` is 2014 or before, ``2014/..`` is 2014 or after."""


class DateError(ValueError):
    """A date string that is not a date. The message is written for the author of the file, and
    said in the language of the moment it is shown (``said``, a :class:`~..text.Message`)."""

    def __init__(self, said: Message) -> None:
        super().__init__(said)
        self.said = said

    @property
    def quotes_text(self) -> bool:
        """Whether the message names the text itself ("'2014/2017' is an interval: ...")."""
        return self.said.template.startswith("%1 ") and str(self.said.args[0]).startswith("'")

    def __str__(self) -> str:
        return str(self.said)


def is_leap(astro_year: int) -> bool:
    return astro_year % 4 == 0 and (astro_year % 100 != 0 or astro_year % 400 == 0)


def days_in_month(astro_year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(astro_year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(astro_year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, any year)."""
    y = astro_year - (1 if month <= 2 else 0)
    era = y // 400  # Python's // floors: no correction for negative years (the C original needs one)
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """Inverse of :func:`days_from_civil`: (astronomical year, month, day)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (1 if m <= 2 else 0), m, d)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    ``year`` is astronomical (1 BCE is 0). ``month`` and ``day`` are ``None`` when unknown.
    Ordering compares (year, month, day) with unknown parts first, so "2014" sorts before "2014-01".
    """

    year: int
    month: int | None = None
    day: int | None = None
    unknown_digits: int = 0  # EDTF "201X": trailing digits of the year not given (1 decade, 2 century)
    x_parts: int = 0  # EDTF "2014-XX": how many parts after the known ones are written as XX
    qualifier: str = ""  # EDTF "~" approximate, "?" uncertain, "%" both (see QUALIFIERS)
    open: str = ""  # "before" (written ../2014) or "after" (2014/..): see OPEN_SIDES
    # the interval of days, computed once: dates are compared and drawn far more often than made
    _first: int = field(default=0, init=False, repr=False, compare=False)
    _end: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise DateError(_said(QT_TRANSLATE_NOOP("DateErrors", "a day needs a month")))
        if self.qualifier not in QUALIFIERS:
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP("DateErrors", "%1 is not a qualifier: write ~ (approximate), ? or %"),
                    f"'{self.qualifier}'",
                )
            )
        if self.open not in OPEN_SIDES:
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP("DateErrors", "open side '%1' is not one of: before, after"), self.open
                )
            )
        if not 0 <= self.unknown_digits <= 3 or not 0 <= self.x_parts <= 2:
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP("DateErrors", "unspecified digits go at the end: 201X, 20XX, 2014-XX")
                )
            )
        step = 10**self.unknown_digits
        if self.unknown_digits and (self.month is not None or self.year <= 0 or self.year % step):
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP(
                        "DateErrors", "a year with unspecified digits (201X) cannot have a known month or day"
                    )
                )
            )
        known = 1 + (self.month is not None) + (self.day is not None)
        if known + self.x_parts > 3:
            raise DateError(
                _said(QT_TRANSLATE_NOOP("DateErrors", "a date has at most a year, a month and a day"))
            )
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(_said(QT_TRANSLATE_NOOP("DateErrors", "month %1 does not exist"), self.month))
        if self.day is not None and self.month is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                month = Later(format_date, self.year, self.month)
                raise DateError(
                    _said(QT_TRANSLATE_NOOP("DateErrors", "day %1 does not exist in %2"), self.day, month)
                )
        first = days_from_civil(self.year, self.month or 1, self.day or 1)
        if self.day is not None:
            end = first + 1
        elif self.month is not None:
            y, mo = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
            end = days_from_civil(y, mo, 1)
        else:
            end = days_from_civil(self.year + 10**self.unknown_digits, 1, 1)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_end", end)

    # -- ordering: unknown parts sort first --------------------------------------------------------
    def sort_key(self) -> tuple[int, int, int, int, int, int, str]:
        """(year, month, day) first; then "before 2014" ahead of "2014" ahead of "2014 or after"; a
        wider date (201X) ahead of a narrower one (2010) that starts with it."""
        return (
            self.year,
            self.month or 0,
            self.day or 0,
            OPEN_SIDES.index(self.open) if self.open != "before" else -1,
            -self.unknown_digits,
            self.x_parts,
            self.qualifier,
        )

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally followed by ``BCE``, and the
        EDTF forms of an uncertain date (see the module's docstring)."""
        s = text.strip()
        open_side = ""
        if s.startswith("../"):
            open_side, s = "before", s[3:].strip()
        elif s.endswith("/.."):
            open_side, s = "after", s[:-3].strip()
        elif s.startswith("/") or s.endswith("/"):
            d = s.strip("/")
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP("DateErrors", "%1 is not a date: write an open side as ../%2 or %2/.."),
                    f"'{text}'",
                    d,
                )
            )
        elif _INTERVAL_RE.match(s):
            a, b = s.split("/")
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP("DateErrors", "%1 is an interval: write 'start: %2' and 'end: %3'"),
                    f"'{text}'",
                    a,
                    b,
                )
            )
        qualifier = ""
        if s[-1:] in ("~", "?", "%"):
            qualifier, s = s[-1], s[:-1].rstrip()
        if "X" in s:
            return cls._parse_unspecified(text, s, qualifier, open_side)
        m = _DATE_RE.match(s)
        if m is None:
            if s.startswith("-") and _DATE_RE.match(s[1:]):
                raise DateError(
                    _said(
                        QT_TRANSLATE_NOOP(
                            "DateErrors", "%1 is not a date: write years before the common era as '%2 BCE'"
                        ),
                        f"'{text}'",
                        s[1:],
                    )
                )
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP(
                        "DateErrors",
                        "%1 is not a date: write YYYY, YYYY-MM or YYYY-MM-DD "
                        "(e.g. 2014, 2014-02, 2014-02-26)",
                    ),
                    f"'{text}'",
                )
            )
        written_year = int(m["year"])
        if written_year == 0:
            raise DateError(
                _said(QT_TRANSLATE_NOOP("DateErrors", "there is no year 0 (1 BCE is followed by 1)"))
            )
        year = 1 - written_year if m["bce"] else written_year
        month = int(m["month"]) if m["month"] else None
        day = int(m["day"]) if m["day"] else None
        return cls(year, month, day, qualifier=qualifier, open=open_side)

    @classmethod
    def _parse_unspecified(cls, text: str, s: str, qualifier: str, open_side: str) -> PartialDate:
        m = _EDTF_X_RE.match(s)
        if m is None or len(m["year"]) != 4:
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP(
                        "DateErrors",
                        "%1 is not a date: unspecified digits are written X at the end of a four-digit "
                        "year or as XX for a month or day (201X, 20XX, 2014-XX, 2014-02-XX)",
                    ),
                    f"'{text}'",
                )
            )
        digits = m["year"].count("X")
        parts = [p for p in m["rest"].split("-") if p]
        known = [int(p) for p in parts if p != "XX"]
        if len(known) != len([p for p in parts[: len(known)] if p != "XX"]) or (digits and known):
            raise DateError(
                _said(
                    QT_TRANSLATE_NOOP(
                        "DateErrors", "%1 is not a date: after an unspecified part, every part is XX"
                    ),
                    f"'{text}'",
                )
            )
        year = int(m["year"].replace("X", "0"))
        if year == 0:
            raise DateError(
                _said(QT_TRANSLATE_NOOP("DateErrors", "there is no year 0 (1 BCE is followed by 1)"))
            )
        month = known[0] if known else None
        day = known[1] if len(known) > 1 else None
        return cls(year, month, day, digits, len(parts) - len(known), qualifier, open_side)

    # -- properties -----------------------------------------------------------------------------
    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def is_bce(self) -> bool:
        return self.year <= 0

    def first_day(self) -> int:
        """Epoch day of the first day this date may stand for."""
        return self._first

    def end_day(self) -> int:
        """Epoch day just after the last day this date may stand for (exclusive)."""
        return self._end

    def uncertainty_days(self) -> int:
        return self.end_day() - self.first_day()

    # -- text -----------------------------------------------------------------------------------
    def iso(self) -> str:
        """The date as the author writes it in a file (round-trips through :meth:`parse`): EDTF
        for the uncertain forms (``2014~``, ``201X``, ``../2014``)."""
        text = self.plain_iso()
        if self.unknown_digits:
            text = text[: -self.unknown_digits] + "X" * self.unknown_digits
        text += "-XX" * self.x_parts
        if self.year <= 0:
            text += " BCE"
        text += self.qualifier
        if self.open == "before":
            return f"../{text}"
        return f"{text}/.." if self.open == "after" else text

    def plain_iso(self) -> str:
        """The known parts only, without BCE, qualifier or open side: ``2014``, ``2014-02``,
        ``0044-03-15`` (for formats that cannot say more)."""
        y = f"{self.year:04d}" if self.year > 0 else f"{1 - self.year}"
        parts = [y]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def approximate(self) -> bool:
        return self.qualifier in ("~", "%")

    @property
    def uncertain(self) -> bool:
        return self.qualifier in ("?", "%")

    @property
    def is_plain(self) -> bool:
        """Written in the original forms (2014, 2014-02, 2014-02-26, 44 BCE): no EDTF marks."""
        return not (self.unknown_digits or self.x_parts or self.qualifier or self.open)

    def plain(self) -> PartialDate:
        """The same date without the EDTF marks (201X stays the decade's first year, 2010)."""
        return PartialDate(self.year, self.month, self.day)

    def words(self) -> str:
        """The date in words with its precision (see :func:`timeline_app.text.format_date`), with
        what EDTF says of it: 'around 2014', '2014, uncertain', 'the 2010s', 'before 2014'."""
        return format_qualified_date(
            self._bare_words(), approximate=self.approximate, uncertain=self.uncertain, open_side=self.open
        )

    def _bare_words(self) -> str:
        if self.unknown_digits:
            return format_year_span(self.year, self.unknown_digits)
        return format_date(self.year, self.month, self.day)

    def words_with_precision(self) -> str:
        """'26 February 2014', 'February 2014 (month only)', '2017 (year only)'."""
        if self.precision is Precision.DAY or self.unknown_digits:
            return self.words()
        if self.x_parts:
            return format_not_given(self.words(), "day" if self.month is not None else "month")
        if self.is_plain:
            return format_date_with_precision(self.year, self.month, self.day)
        return format_not_given(self.words(), None, self.precision.word)

    def __str__(self) -> str:
        return self.iso()


def epoch_day_to_text(day: float, precision: Precision = Precision.DAY) -> str:
    """A float epoch day as a date string of the given precision (for status bars and axes)."""
    y, m, d = civil_from_days(int(day // 1))
    if precision is Precision.YEAR:
        return PartialDate(y).iso()
    if precision is Precision.MONTH:
        return PartialDate(y, m).iso()
    return PartialDate(y, m, d).iso()


def today_epoch_day() -> int:
    import datetime as _dt

    t = _dt.date.today()
    return days_from_civil(t.year, t.month, t.day)
