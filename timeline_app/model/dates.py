"""Dates that carry their own precision.

A chronology says "2014", "2014-02" or "2014-02-26" and means three different things: the year is
known, the month is known, the day is known. :class:`PartialDate` keeps exactly what the author
wrote and can tell the interval of days it may stand for.

Time on the axis is measured in *epoch days*: days since 1970-01-01 in the proleptic Gregorian
calendar, as a float. That scale has no trouble with antiquity, where ``datetime`` stops at year 1.

BCE years are written with a suffix (``"44 BCE"``, ``"44-03-15 BCE"``); there is no year 0, so
1 BCE is followed by 1 CE. Internally the astronomical year is used (1 BCE = 0, 2 BCE = -1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum

from ..text import MONTHS, format_date, format_date_with_precision, year_label


class Precision(IntEnum):
    """How much of a date is known. Ordered from coarse to fine."""

    YEAR = 0
    MONTH = 1
    DAY = 2

    @property
    def word(self) -> str:
        return self.name.lower()


_MONTHS = MONTHS  # for the parser's messages

_DATE_RE = re.compile(
    r"^(?P<year>\d{1,6})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?P<bce>\s*(?:BCE|BC))?$"
)


class DateError(ValueError):
    """A date string that is not a date. The message is written for the author of the file."""


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
    # the interval of days, computed once: dates are compared and drawn far more often than made
    _first: int = field(default=0, init=False, repr=False, compare=False)
    _end: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise DateError(
                    f"day {self.day} does not exist in {_MONTHS[self.month - 1]} {year_label(self.year)}"
                )
        first = days_from_civil(self.year, self.month or 1, self.day or 1)
        if self.day is not None:
            end = first + 1
        elif self.month is not None:
            y, mo = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
            end = days_from_civil(y, mo, 1)
        else:
            end = days_from_civil(self.year + 1, 1, 1)
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_end", end)

    # -- ordering: unknown parts sort first --------------------------------------------------------
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

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
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally followed by ``BCE``."""
        s = text.strip()
        m = _DATE_RE.match(s)
        if m is None:
            if s.startswith("-") and _DATE_RE.match(s[1:]):
                raise DateError(f"'{text}' is not a date: write years before the common era as '{s[1:]} BCE'")
            raise DateError(
                f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014, 2014-02, 2014-02-26)"
            )
        written_year = int(m["year"])
        if written_year == 0:
            raise DateError("there is no year 0 (1 BCE is followed by 1)")
        year = 1 - written_year if m["bce"] else written_year
        month = int(m["month"]) if m["month"] else None
        day = int(m["day"]) if m["day"] else None
        return cls(year, month, day)

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
        """The date as the author writes it in a file (round-trips through :meth:`parse`)."""
        y = f"{self.year:04d}" if self.year > 0 else f"{1 - self.year}"
        parts = [y]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        text = "-".join(parts)
        return text if self.year > 0 else f"{text} BCE"

    def words(self) -> str:
        """The date in words with its precision (see :func:`timeline_app.text.format_date`)."""
        return format_date(self.year, self.month, self.day)

    def words_with_precision(self) -> str:
        """'26 February 2014', 'February 2014 (month only)', '2017 (year only)'."""
        return format_date_with_precision(self.year, self.month, self.day)

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
