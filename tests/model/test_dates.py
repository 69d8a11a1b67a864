import pytest

from timeline_app.model.dates import (
    DateError,
    PartialDate,
    Precision,
    civil_from_days,
    days_from_civil,
    epoch_day_to_text,
)


@pytest.mark.parametrize(
    ("text", "precision", "words"),
    [
        ("2014", Precision.YEAR, "2014"),
        ("2014-02", Precision.MONTH, "February 2014"),
        ("2014-02-26", Precision.DAY, "26 February 2014"),
        ("44-03-15 BCE", Precision.DAY, "15 March 44 BCE"),
        ("753 BCE", Precision.YEAR, "753 BCE"),
        ("1 BCE", Precision.YEAR, "1 BCE"),
    ],
)
def test_parse_keeps_precision_and_round_trips(text: str, precision: Precision, words: str) -> None:
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert d.words() == words
    assert PartialDate.parse(d.iso()) == d


def test_words_with_precision() -> None:
    assert PartialDate.parse("2017").words_with_precision() == "2017 (year only)"
    assert PartialDate.parse("2024-01").words_with_precision() == "January 2024 (month only)"
    assert PartialDate.parse("2014-02-26").words_with_precision() == "26 February 2014"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-30", "day 30 does not exist in February 2023"),
        ("2014-13", "month 13 does not exist"),
        ("0", "there is no year 0"),
        ("0 BCE", "there is no year 0"),
        ("-44", "write years before the common era as '44 BCE'"),
        ("February 2014", "is not a date"),
        ("2014/02/26", "is not a date"),
        ("", "is not a date"),
    ],
)
def test_impossible_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        PartialDate.parse(text)


def test_leap_years() -> None:
    PartialDate.parse("2024-02-29")
    PartialDate.parse("2000-02-29")
    with pytest.raises(DateError):
        PartialDate.parse("1900-02-29")


def test_no_year_zero_between_bce_and_ce() -> None:
    one_bce = PartialDate.parse("1 BCE")
    one_ce = PartialDate.parse("1")
    assert one_bce.end_day() == one_ce.first_day()
    assert one_ce.first_day() - one_bce.first_day() == 366  # 1 BCE is a leap year (astronomical 0)


def test_interval_of_each_precision() -> None:
    assert PartialDate.parse("2014").uncertainty_days() == 365
    assert PartialDate.parse("2024").uncertainty_days() == 366
    assert PartialDate.parse("2014-02").uncertainty_days() == 28
    assert PartialDate.parse("2014-12").end_day() == PartialDate.parse("2015-01-01").first_day()
    assert PartialDate.parse("2014-02-26").uncertainty_days() == 1


def test_epoch_days_match_unix_epoch() -> None:
    assert days_from_civil(1970, 1, 1) == 0
    assert days_from_civil(2014, 2, 26) == 16127
    for day in (-1_000_000, -719_468, -1, 0, 16127, 2_000_000):
        assert days_from_civil(*civil_from_days(day)) == day


def test_ordering_puts_coarse_dates_first() -> None:
    dates = [PartialDate.parse(t) for t in ("2014-01", "2014", "2013-12-31", "2014-01-01", "5 BCE")]
    assert [d.iso() for d in sorted(dates)] == ["5 BCE", "2013-12-31", "2014", "2014-01", "2014-01-01"]


def test_epoch_day_to_text() -> None:
    d = PartialDate.parse("2014-02-26").first_day()
    assert epoch_day_to_text(d) == "2014-02-26"
    assert epoch_day_to_text(d + 0.5, Precision.MONTH) == "2014-02"
    assert epoch_day_to_text(PartialDate.parse("44-03-15 BCE").first_day()) == "44-03-15 BCE"


@pytest.mark.parametrize(
    ("value", "text"),
    [(4376.07, "4,376.07"), (10444.21, "10,444.21"), (185000.0, "185,000"), (0.0428, "0.0428"),
     (-1234.5, "-1,234.5"), (3, "3"), (1e-7, "1e-07")],
)  # fmt: skip
def test_numbers_are_written_exactly_with_separators(value: float, text: str) -> None:
    from timeline_app.text import format_number

    assert format_number(value) == text


def test_epoch_days_are_continuous_and_invertible_far_before_the_common_era() -> None:
    """Walk the calendar a day at a time from 1 January 1 CE back to 3000 BCE: every date is the day
    before the next, and reads back. (The C algorithm's correction for negative years, copied into
    Python whose // already floors, once put most BCE dates a day off and made invalid ones.)"""
    from timeline_app.model.dates import civil_from_days, days_from_civil, days_in_month

    day = days_from_civil(1, 1, 1)
    assert day == -719162  # datetime.date(1, 1, 1).toordinal() - datetime.date(1970, 1, 1).toordinal()
    for y in range(0, -3000, -1):
        for m in range(12, 0, -1):
            for d in range(days_in_month(y, m), 0, -1):
                day -= 1
                assert days_from_civil(y, m, d) == day
                if d in (1, 28) or (m == 2 and d == 29):
                    assert civil_from_days(day) == (y, m, d)


def test_vectorised_epoch_days_agree_with_the_scalar_ones() -> None:
    import numpy as np

    from timeline_app.geometry.event_arrays import civil_days
    from timeline_app.model.dates import days_from_civil

    ys = np.arange(-2500, 2500, 7)
    for m, d in ((1, 1), (2, 28), (3, 1), (12, 31)):
        got = civil_days(ys, np.full_like(ys, m), np.full_like(ys, d))
        assert got.tolist() == [days_from_civil(int(y), m, d) for y in ys]
