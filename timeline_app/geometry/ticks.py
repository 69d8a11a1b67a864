"""Calendar ticks for a time axis measured in epoch days. Pure maths: no Qt.

A date axis is readable when its ticks fall on calendar boundaries (years, months, days, hours)
and its labels never collide. :func:`compute_ticks` chooses the finest calendar step whose labels
fit the pixel width, and returns two rows of labels:

* the *minor* row names each step: ``2014`` / ``44 BCE`` (year steps), ``Feb`` (months), ``26``
  (days), ``06:00`` (hours);
* the *major* row names the coarser unit that gives the minor labels their context: the year above
  months (``2014``), the month above days (``Feb 2014``), the day above hours (``26 Feb 2014``).
  Year steps have no major labels (their major ticks, e.g. decades, only get longer tick marks).
  The major unit containing the left edge is repeated there (``sticky``) so the context is never
  off-screen.

Labels are left-aligned just after their tick (a label names the interval that starts there).
A final greedy pass drops any label that would still touch its neighbour, so labels never
overlap whatever ``measure`` says.

Years follow the reader's calendar: there is no year 0. BCE ticks fall on multiples of the step
in *written* years (``200 BCE``, ``100 BCE``, then ``100``, ``200``), so no tick reads ``0`` and
the gap across the era boundary is ``2 * step - 1`` years, never less than a step.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from timeline_app.model.dates import civil_from_days, days_from_civil, days_in_month
from timeline_app.text import MONTH_ABBR, day_label, format_short_date, month_abbr, year_label

YEAR, MONTH, DAY, HOUR = "year", "month", "day", "hour"


LABEL_GAP_PX = 3.0  # from a tick to the start of its label
LABEL_PAD_PX = 8.0  # at least this much free space between two labels of a row
MAX_TICKS = 2000  # safety bound on any single row (a caller asking for absurd ranges)

Measure = Callable[[str], float]


def approx_width(text: str) -> float:
    """A font-free width estimate in pixels (about a 9 pt sans-serif), for tests and fallbacks."""
    return 7.0 * len(text)


@dataclass(frozen=True, slots=True)
class TickStep:
    """A calendar step: ``count`` years, months, days or hours."""

    unit: str
    count: int

    @property
    def min_gap_days(self) -> float:
        """The smallest distance between two neighbouring ticks of this step, in days."""
        if self.unit == YEAR:
            return 365.0 * self.count
        if self.unit == MONTH:
            return {1: 28.0, 3: 89.0, 6: 181.0}.get(self.count, 28.0 * self.count)
        if self.unit == DAY:
            return float(self.count)
        return self.count / 24.0

    @property
    def major_min_gap_days(self) -> float:
        """The smallest distance between two major ticks (the unit that gives context)."""
        if self.unit == YEAR:
            return 365.0 * major_year_step(self.count)
        if self.unit == MONTH:
            return 365.0
        if self.unit == DAY:
            return 28.0
        return 1.0

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'s' if self.count != 1 else ''}"


def _year_steps() -> list[TickStep]:
    steps = []
    for exp in range(9, -1, -1):
        for m in (5, 2, 1):
            steps.append(TickStep(YEAR, m * 10**exp))
    return steps


# coarse to fine
STEPS: tuple[TickStep, ...] = (
    *_year_steps(),
    TickStep(MONTH, 3),
    TickStep(MONTH, 1),
    TickStep(DAY, 14),
    TickStep(DAY, 7),
    TickStep(DAY, 2),
    TickStep(DAY, 1),
    TickStep(HOUR, 12),
    TickStep(HOUR, 6),
    TickStep(HOUR, 3),
    TickStep(HOUR, 1),
)


def major_year_step(count: int) -> int:
    """Major ticks for a year step: the next power of ten above it (1, 2, 5 -> 10; 10 -> 100...)."""
    p = 10
    while p <= count:
        p *= 10
    return p


@dataclass(frozen=True, slots=True)
class Tick:
    """A tick at ``day`` (epoch days), ``x`` pixels from the axis start; ``label`` may be empty
    when the label was dropped to avoid a collision (the tick mark is still drawn)."""

    day: float
    x: float
    label: str
    label_x: float = 0.0  # where the label's left edge goes (pixels)
    label_width: float = 0.0


@dataclass(frozen=True, slots=True)
class AxisTicks:
    step: TickStep
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]  # tick marks at the coarser unit; labels only below month/day/hour steps
    sticky: Tick | None = None  # the major label repeated at the left edge, when it fits

    def labelled(self, row: str = "minor") -> list[Tick]:
        ticks = list(self.minor if row == "minor" else self.major)
        if row == "major" and self.sticky is not None:
            ticks.insert(0, self.sticky)
        return [t for t in ticks if t.label]


# -- labels ---------------------------------------------------------------------------------------------


def minor_label(step: TickStep, day: float) -> str:
    if step.unit == HOUR:
        frac = day - math.floor(day)
        hour = round(frac * 24) % 24
        return f"{hour:02d}:00"
    y, m, d = civil_from_days(math.floor(day))
    if step.unit == YEAR:
        return year_label(y)
    if step.unit == MONTH:
        return month_abbr(m)
    return day_label(d)


def major_label(step: TickStep, day: float) -> str:
    y, m, d = civil_from_days(math.floor(day))
    if step.unit == YEAR:
        return ""
    if step.unit == MONTH:
        return year_label(y)
    if step.unit == DAY:
        return format_short_date(y, m)
    return format_short_date(y, m, d)


def _widest_minor(step: TickStep, lo: float, hi: float, measure: Measure) -> float:
    if step.unit == YEAR:
        samples = {year_label(civil_from_days(math.floor(v))[0]) for v in (lo, hi)}
        y0 = civil_from_days(math.floor(lo))[0]
        if y0 <= 0:  # BCE labels are longer: measure a BCE sample of the same magnitude
            samples.add(year_label(min(y0, 0)))
        return max(measure(s) for s in samples)
    if step.unit == MONTH:
        return max(measure(month_abbr(k + 1)) for k in range(len(MONTH_ABBR)))
    if step.unit == DAY:
        return measure(day_label(28))
    return measure("00:00")


def _widest_major(step: TickStep, lo: float, hi: float, measure: Measure) -> float:
    if step.unit == YEAR:
        return 0.0
    samples = [major_label(step, v) for v in (lo, hi)]
    if step.unit == DAY:  # "Mar 2017" / "2017年3月": the widest month of those years, in any language
        years = {civil_from_days(math.floor(v))[0] for v in (lo, hi)}
        samples = [format_short_date(y, m) for y in years for m in range(1, 13)]
    return max(measure(s) for s in samples)


def choose_step(lo: float, hi: float, width_px: float, measure: Measure = approx_width) -> TickStep:
    """The finest calendar step whose minor and major labels both fit without touching."""
    if width_px <= 0 or not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return STEPS[0]
    ppd = width_px / (hi - lo)
    chosen = STEPS[0]
    # the widest labels depend on the unit, not the count: measured once per unit (a full view
    # tries some thirty year steps, and this ran at every pan of the view)
    needs: dict[str, tuple[float, float]] = {}
    for step in STEPS:
        need = needs.get(step.unit)
        if need is None:
            need = needs[step.unit] = (
                _widest_minor(step, lo, hi, measure) + LABEL_GAP_PX + LABEL_PAD_PX,
                _widest_major(step, lo, hi, measure) + LABEL_GAP_PX + LABEL_PAD_PX,
            )
        minor_need, major_need = need
        if step.min_gap_days * ppd < minor_need or step.major_min_gap_days * ppd < major_need:
            break
        chosen = step
    return chosen


# -- tick positions ---------------------------------------------------------------------------------------


def year_ticks(lo: float, hi: float, count: int) -> list[float]:
    """First days of the years that are multiples of ``count`` in written years (BCE and CE)."""
    y_lo = civil_from_days(math.floor(lo))[0]
    y_hi = civil_from_days(math.floor(hi))[0] + 1
    out: list[float] = []
    # BCE: written year w = 1 - y, ticks where w % count == 0 (w >= 1 means y <= 0)
    if y_lo <= 0:
        w_hi = 1 - y_lo  # the largest written BCE year in range
        w_lo = max(1, 1 - y_hi)
        w = (w_hi // count) * count
        while w >= w_lo and w >= 1 and len(out) < MAX_TICKS:
            out.append(float(days_from_civil(1 - w, 1, 1)))
            w -= count
    if y_hi >= 1:
        y = max(1, math.ceil(max(y_lo, 1) / count) * count)
        while y <= y_hi and len(out) < 2 * MAX_TICKS:
            out.append(float(days_from_civil(y, 1, 1)))
            y += count
    return [d for d in out if lo <= d <= hi]


def _month_iter(lo: float, hi: float) -> Iterator[tuple[int, int, int]]:
    y, m, _ = civil_from_days(math.floor(lo))
    n = 0
    while n < 12 * MAX_TICKS:
        first = days_from_civil(y, m, 1)
        if first > hi:
            return
        yield y, m, first
        m += 1
        if m == 13:
            y, m = y + 1, 1
        n += 1


def month_ticks(lo: float, hi: float, count: int) -> list[float]:
    return [float(first) for y, m, first in _month_iter(lo, hi) if (m - 1) % count == 0 and first >= lo]


def day_ticks(lo: float, hi: float, count: int) -> list[float]:
    """Days 1, 1+count, ... of each month, skipping a last one that would crowd the next 1st."""
    out: list[float] = []
    for y, m, first in _month_iter(lo, hi):
        dim = days_in_month(y, m)
        d = 1
        while d <= dim and (d == 1 or d + count <= dim + 1):
            day = first + d - 1
            if lo <= day <= hi:
                out.append(float(day))
            d += count
        if len(out) > MAX_TICKS:
            break
    return out


def hour_ticks(lo: float, hi: float, count: int) -> list[float]:
    out: list[float] = []
    day = math.floor(lo)
    while day <= hi and len(out) < MAX_TICKS:
        for h in range(0, 24, count):
            t = day + h / 24.0
            if lo <= t <= hi:
                out.append(t)
        day += 1
    return out


def step_ticks(step: TickStep, lo: float, hi: float) -> list[float]:
    if step.unit == YEAR:
        return year_ticks(lo, hi, step.count)
    if step.unit == MONTH:
        return month_ticks(lo, hi, step.count)
    if step.unit == DAY:
        return day_ticks(lo, hi, step.count)
    return hour_ticks(lo, hi, step.count)


def major_ticks(step: TickStep, lo: float, hi: float) -> list[float]:
    if step.unit == YEAR:
        return year_ticks(lo, hi, major_year_step(step.count))
    if step.unit == MONTH:
        return year_ticks(lo, hi, 1)
    if step.unit == DAY:
        return month_ticks(lo, hi, 1)
    return hour_ticks(lo, hi, 24)


def _major_start(step: TickStep, day: float) -> float:
    """The start of the major unit containing ``day`` (for the sticky context label)."""
    y, m, _ = civil_from_days(math.floor(day))
    if step.unit == MONTH:
        return float(days_from_civil(y, 1, 1))
    if step.unit == DAY:
        return float(days_from_civil(y, m, 1))
    return float(math.floor(day))


# -- the whole axis -----------------------------------------------------------------------------------------


def _place(
    ticks: list[tuple[float, float, str]], measure: Measure, width_px: float, min_left: float = -math.inf
) -> list[Tick]:
    """Greedy: keep a label only if it starts after the previous kept label's end (+ padding)."""
    out: list[Tick] = []
    last_end = min_left
    for day, x, text in ticks:
        if not text:
            out.append(Tick(day, x, ""))
            continue
        w = measure(text)
        lx = x + LABEL_GAP_PX
        if lx < last_end + LABEL_PAD_PX or lx + w > width_px:
            out.append(Tick(day, x, ""))
            continue
        out.append(Tick(day, x, text, lx, w))
        last_end = lx + w
    return out


def compute_ticks(lo: float, hi: float, width_px: float, measure: Measure = approx_width) -> AxisTicks:
    """Ticks and labels for the visible days ``lo..hi`` drawn over ``width_px`` pixels."""
    step = choose_step(lo, hi, width_px, measure)
    if width_px <= 0 or not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return AxisTicks(step, (), ())
    scale = width_px / (hi - lo)

    def px(d: float) -> float:
        return (d - lo) * scale

    minor_days = step_ticks(step, lo, hi)
    minor = _place([(d, px(d), minor_label(step, d)) for d in minor_days], measure, width_px)
    major_days = major_ticks(step, lo, hi)
    major_raw = [(d, px(d), major_label(step, d)) for d in major_days]
    sticky: Tick | None = None
    if step.unit != YEAR:
        start = _major_start(step, lo)
        text = major_label(step, start)
        w = measure(text)
        first_x = major_raw[0][1] if major_raw else math.inf
        if LABEL_GAP_PX + w + LABEL_PAD_PX <= first_x and w + LABEL_GAP_PX <= width_px:
            sticky = Tick(start, 0.0, text, LABEL_GAP_PX, w)
    major = _place(
        major_raw, measure, width_px, min_left=(sticky.label_x + sticky.label_width) if sticky else -math.inf
    )
    return AxisTicks(step, tuple(minor), tuple(major), sticky)
