"""The date axis: calendar ticks that never collide, from millennia to hours, BCE included.

The tick maths is pure (``timeline_app.geometry.ticks``) and tested without a window; the last tests
check that the pyqtgraph axis item draws what the maths chose.
"""

from __future__ import annotations

import itertools

import pytest

from timeline_app.geometry.ticks import (
    DAY,
    HOUR,
    MONTH,
    YEAR,
    AxisTicks,
    approx_width,
    choose_step,
    compute_ticks,
    day_ticks,
    year_ticks,
)
from timeline_app.model.dates import PartialDate, days_from_civil


def d(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


def labels(t: AxisTicks, row: str = "minor") -> list[str]:
    return [k.label for k in t.labelled(row)]


def assert_no_collisions(t: AxisTicks) -> None:
    for row in ("minor", "major"):
        ks = t.labelled(row)
        for a, b in itertools.pairwise(ks):
            assert a.label_x + a.label_width < b.label_x, (row, a, b)


@pytest.mark.parametrize(
    ("lo", "hi", "width", "unit", "expect_minor", "expect_major"),
    [
        # centuries
        ("1000", "2000", 1200, YEAR, ["1100", "1200", "1300"], []),
        # a few decades
        ("1950", "2020", 1200, YEAR, ["1960", "1970", "1980"], []),
        # one decade: every year
        ("2014", "2024", 1200, YEAR, ["2014", "2015", "2016", "2017"], []),
        # one year: months, with the year as context
        ("2014-01-01", "2015-01-01", 600, MONTH, ["Jan", "Feb", "Mar"], ["2014"]),
        # one year on a wide axis: fortnights, with the months as context
        ("2014-01-01", "2015-01-01", 1600, DAY, ["1", "15"], ["Jan 2014", "Feb 2014"]),
        # one month: days, with the month as context
        ("2014-02-01", "2014-03-01", 1200, DAY, ["1", "2", "3"], ["Feb 2014"]),
        # one day: hours, with the day as context
        ("2014-02-26", "2014-02-27", 1200, HOUR, ["00:00"], ["26 Feb 2014"]),
    ],
)
def test_labels_at_each_zoom(
    lo: str, hi: str, width: int, unit: str, expect_minor: list[str], expect_major: list[str]
) -> None:
    t = compute_ticks(d(lo), d(hi), width)
    assert t.step.unit == unit
    got = labels(t)
    for want in expect_minor:
        assert want in got
    assert labels(t, "major")[: len(expect_major)] == expect_major
    assert_no_collisions(t)


def test_bce_years_have_no_year_zero() -> None:
    t = compute_ticks(d("60 BCE"), d("40"), 1600)
    got = labels(t)
    assert "0" not in got and "0 BCE" not in got
    assert any(s.endswith("BCE") for s in got)
    assert got.index("5 BCE") < got.index("5")  # written years: ... 10 BCE, 5 BCE, 5, 10 ...
    assert_no_collisions(t)


def test_bce_tick_positions_are_written_years() -> None:
    ticks = year_ticks(d("44 BCE"), d("10"), 10)
    astro = [PartialDate.parse(y).first_day() for y in ("40 BCE", "30 BCE", "20 BCE", "10 BCE", "10")]
    assert ticks == [float(a) for a in astro]


def test_one_bce_is_followed_by_one() -> None:
    t = compute_ticks(d("3 BCE"), d("3"), 400)
    assert labels(t) == ["3 BCE", "2 BCE", "1 BCE", "1", "2"]
    t = compute_ticks(d("3 BCE"), d("3"), 1600)  # quarters, with the years as context
    assert t.step.unit == MONTH
    assert labels(t, "major") == ["3 BCE", "2 BCE", "1 BCE", "1", "2"]


def test_millennia_bce() -> None:
    t = compute_ticks(d("3000 BCE"), d("2000"), 1000)
    assert "2000 BCE" in labels(t) or "1000 BCE" in labels(t)
    assert_no_collisions(t)


@pytest.mark.parametrize("width", [120, 300, 700, 1500, 3000])
@pytest.mark.parametrize(
    ("lo", "hi"),
    [
        ("2000 BCE", "2020"),
        ("1900", "2030"),
        ("2013-06", "2024-06"),
        ("2014", "2014-07"),
        ("2014-02-20", "2014-03-05"),
    ],
)
def test_labels_never_collide(width: int, lo: str, hi: str) -> None:
    assert_no_collisions(compute_ticks(d(lo), d(hi), width))


def test_wider_axis_never_chooses_a_coarser_step() -> None:
    lo, hi = d("2010"), d("2020")
    spans = [choose_step(lo, hi, w).min_gap_days for w in (200, 400, 800, 1600, 3200)]
    assert spans == sorted(spans, reverse=True)


def test_labels_fit_the_measure() -> None:
    def wide(text: str) -> float:
        return 20.0 * len(text)

    narrow = choose_step(d("2014"), d("2015"), 1000, approx_width)
    wider = choose_step(d("2014"), d("2015"), 1000, wide)
    assert wider.min_gap_days >= narrow.min_gap_days


def test_sticky_context_when_no_major_tick_is_visible() -> None:
    t = compute_ticks(d("2014-03-03"), d("2014-03-20"), 1200)
    assert t.step.unit == DAY
    assert labels(t, "major") == ["Mar 2014"]
    assert t.sticky is not None and t.sticky.label == "Mar 2014"


def test_day_ticks_do_not_crowd_month_ends() -> None:
    days = day_ticks(d("2014-01-01"), d("2014-03-01"), 7)
    firsts = [d("2014-01-01"), d("2014-02-01"), d("2014-03-01")]
    for f in firsts:
        assert f in days
    gaps = [b - a for a, b in itertools.pairwise(days)]
    assert min(gaps) >= 7


def test_hours_zoom() -> None:
    lo = float(days_from_civil(2014, 2, 26)) + 0.25
    t = compute_ticks(lo, lo + 0.25, 1200)
    assert t.step.unit == HOUR
    assert "06:00" in labels(t)
    assert labels(t, "major") == ["26 Feb 2014"]


def test_degenerate_inputs() -> None:
    assert compute_ticks(10.0, 10.0, 500).minor == ()
    assert compute_ticks(0.0, 10.0, 0).minor == ()
    assert compute_ticks(0.0, float("inf"), 500).minor == ()


# -- the axis item ------------------------------------------------------------------------------------------


def test_axis_item_draws_the_chosen_ticks(qtbot) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    import timeline_app.ui  # noqa: F401
    from timeline_app.ui.drawing.time_axis import TimeAxisItem

    w = pg.GraphicsLayoutWidget()
    qtbot.addWidget(w)
    axis = TimeAxisItem("bottom")
    plot = w.addPlot(axisItems={"bottom": axis})
    w.resize(900, 300)
    w.show()
    qtbot.waitExposed(w)
    plot.setXRange(d("2014-01-01"), d("2015-01-01"), padding=0)
    qtbot.waitUntil(lambda: axis.last_ticks() is not None and axis.last_ticks().step.unit == MONTH)
    t = axis.last_ticks()
    assert t is not None
    assert "Feb" in labels(t) and "2014" in labels(t, "major")
    plot.setXRange(d("1900"), d("2000"), padding=0)
    w.grab()
    t = axis.last_ticks()
    assert t is not None and t.step.unit == YEAR and "1950" in labels(t)
    assert axis.tickStrings([1.0, 2.0], 1.0, 1.0) == ["", ""]
