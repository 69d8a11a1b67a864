"""Go to a date: what a reader types ("2017", "2017-04", "2017-04-01", "44 BCE", "2014..2017") and
the range that shows it at its precision. No Qt here.

A date stands for an interval (a year, a month, a day: see :class:`~.dates.PartialDate`); the view
shows that interval with a margin of :data:`MARGIN` of its length either side, so its first and last
days are not on the edges. A range ``A..B`` shows from the first day of ``A`` to the last of ``B``.
"""

from __future__ import annotations

import math
import re

from ..text import QT_TRANSLATE_NOOP, Message
from .dates import DateError, PartialDate, civil_from_days
from .view_state import MIN_SPAN_DAYS, TimeRange

MARGIN = 0.08  # of the shown interval, either side
_RANGE = re.compile(r"\s*(?:\.\.|…|–|—|\bto\b)\s*")


def looks_like_a_date(text: str) -> bool:
    """Whether ``text`` reads as a date or range to go to (rather than words to search for)."""
    try:
        parse_goto(text)
    except DateError:
        return False
    return True


def parse_goto(text: str) -> TimeRange:
    """The range that shows ``text``: a date in the chronology's own form, or two joined by
    ``..`` (also ``–``, ``—`` or ``to``). Raises :class:`DateError` with a message for the reader."""
    lo, hi = parse_period(text)
    pad = (hi - lo) * MARGIN
    span = hi - lo + 2 * pad
    if span < MIN_SPAN_DAYS:  # a day is shown a little wider than the closest zoom allows
        pad += (MIN_SPAN_DAYS - span) / 2
    return TimeRange(lo - pad, hi + pad)


def parse_period(text: str) -> tuple[float, float]:
    """The days ``[first, end)`` that ``text`` (a date or a range, as for :func:`parse_goto`)
    stands for, with no margin: a date-range filter. Raises :class:`DateError`."""
    s = text.strip()
    if not s:
        raise DateError(
            Message(
                "DateErrors",
                QT_TRANSLATE_NOOP(
                    "DateErrors", "type a date: 2017, 2017-04, 2017-04-01, 44 BCE, or a range 2014..2017"
                ),
            )
        )
    parts = [p for p in _RANGE.split(s) if p]
    if len(parts) > 2 or (len(parts) == 2 and not _RANGE.search(s)):
        raise DateError(
            Message(
                "DateErrors",
                QT_TRANSLATE_NOOP("DateErrors", "%1 is not a date or a range: write e.g. 2014..2017"),
                f"'{text}'",
            )
        )
    first = PartialDate.parse(parts[0])
    last = PartialDate.parse(parts[-1]) if len(parts) == 2 else first
    lo, hi = float(first.first_day()), float(last.end_day())
    if hi <= lo:
        raise DateError(
            Message(
                "DateErrors",
                QT_TRANSLATE_NOOP("DateErrors", "the range %1..%2 ends before it begins"),
                first.iso(),
                last.iso(),
            )
        )
    return lo, hi


def goto_words(text: str) -> str:
    """What ``text`` stands for, in words ("April 2017", "2014 – 2017"), to show before going there.
    Raises :class:`DateError` like :func:`parse_goto`."""
    parse_goto(text)
    parts = [p for p in _RANGE.split(text.strip()) if p]
    words = [PartialDate.parse(p).words() for p in parts]
    return " – ".join(words)


def period_words(lo: float, hi: float) -> str:
    """The days ``[lo, hi)`` in words, at the coarsest precision that says them exactly:
    "2014 – 2017", "April 2017", "3 March 2014 – 9 May 2015"."""
    y0, m0, d0 = civil_from_days(math.floor(lo))
    y1, m1, d1 = civil_from_days(math.ceil(hi) - 1)
    _, nm, nd = civil_from_days(math.ceil(hi))  # the day after the last
    if (m0, d0) == (1, 1) and (nm, nd) == (1, 1):
        a, b = PartialDate(y0), PartialDate(y1)
    elif d0 == 1 and nd == 1:
        a, b = PartialDate(y0, m0), PartialDate(y1, m1)
    else:
        a, b = PartialDate(y0, m0, d0), PartialDate(y1, m1, d1)
    return a.words() if a == b else f"{a.words()} – {b.words()}"
