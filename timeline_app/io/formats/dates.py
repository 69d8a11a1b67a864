"""Dates as other formats write them, into the text our loader reads (and back)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...model.dates import OPEN_SIDES, QUALIFIERS, DateError, PartialDate

_INT = re.compile(r"^\s*[-+]?\d+(\.0+)?\s*$")


def _int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and _INT.match(v):
        return int(float(v))
    return None


def ymd_text(year: Any, month: Any = None, day: Any = None) -> str | None:
    """A date from the parts TimelineJS and spreadsheets give: 1963, 8, 9 -> '1963-08-09';
    negative years are BCE (-44 -> '44 BCE'). Parts that are not whole numbers are passed on as
    written, so that the loader says what is wrong with them, where they were written. None when
    no year is given."""
    if year is None or str(year).strip() == "":
        return None
    if isinstance(year, (dt.date, dt.datetime)):
        return date_text(year)
    y = _int(year)
    m = None if month is None or str(month).strip() == "" else month
    d = None if day is None or str(day).strip() == "" else day
    if y is None:
        text = str(year).strip()  # perhaps EDTF written in the year cell ("2014~", "201X")
        if m is not None:
            text += f"-{m}"
            if d is not None:
                text += f"-{d}"
        return text
    parts = [f"{abs(y):04d}" if y > 0 else str(abs(y))]
    for part in (m, d):
        if part is None:
            break
        n = _int(part)
        parts.append(f"{n:02d}" if n is not None and n >= 0 else str(part).strip())
    text = "-".join(parts)
    return f"{text} BCE" if y < 0 else text


def date_text(value: dt.date | dt.datetime) -> str:
    d = value.date() if isinstance(value, dt.datetime) else value
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def with_words(text: str | None, display: Any) -> str | None:
    """The EDTF form of ``text`` that a display text names: '1950' shown as 'around 1950' is
    '1950~' (our TimelineJS and calendar exports write these words; this reads them back)."""
    if not text or not isinstance(display, str) or not display.strip():
        return text
    try:
        d = PartialDate.parse(text)
    except DateError:
        return text
    wanted = " ".join(display.split())
    digits = [0]
    if d.month is None and d.year > 0:
        digits += [k for k in (1, 2, 3) if d.year % 10**k == 0]
    for k in digits:
        for q in QUALIFIERS:
            for side in OPEN_SIDES:
                try:
                    c = PartialDate(d.year, d.month, d.day, k, 0, q, side)
                except DateError:
                    continue
                if c.words() == wanted:
                    return c.iso()
    return _phrase(d, wanted) or text


_PHRASES = (
    (re.compile(r"^(?:circa|c\.|ca\.?|about|around|approximately|approx\.?)\s+(.+)$", re.I), "~", ""),
    (re.compile(r"^(?:before|until|by|up to)\s+(.+)$", re.I), "", "before"),
    (re.compile(r"^(?:after|since|from)\s+(.+)$", re.I), "", "after"),
    (re.compile(r"^(.+?)\s*\?$"), "?", ""),
)


def _names(d: PartialDate, rest: str) -> bool:
    """Whether ``rest`` names the date itself: its words, its ISO text, or its year."""
    r = " ".join(rest.split()).rstrip(".")
    return r in (d.words(), d.plain_iso(), d.plain_iso().lstrip("0"), str(d.year))


def _phrase(d: PartialDate, wanted: str) -> str | None:
    """What people write in a display date: 'circa 1950', 'c. 1950', 'before 2014', 'after
    March 2015', '1943?', 'the 1950s' / '1950s', as the EDTF form of the date given beside it
    (only when the phrase names that same date)."""
    if not d.is_plain:
        return None
    decade = re.fullmatch(r"(?:the\s+)?(\d{3}0)'?s", wanted, re.I)
    if decade and d.month is None and int(decade[1]) == d.year and d.year % 10 == 0:
        return PartialDate(d.year, unknown_digits=1).iso()
    for pattern, qualifier, side in _PHRASES:
        m = pattern.match(wanted)
        if m and _names(d, m[1]):
            return PartialDate(d.year, d.month, d.day, qualifier=qualifier, open=side).iso()
    return None
