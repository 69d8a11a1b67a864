"""EDTF dates (levels 0 and 1): what they mean, how they read, sort and write back."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.model.dates import DateError, PartialDate, Precision, days_from_civil


@pytest.mark.parametrize(
    ("text", "words", "first", "end"),
    [
        ("2014~", "around 2014", (2014, 1, 1), (2015, 1, 1)),
        ("2014?", "2014, uncertain", (2014, 1, 1), (2015, 1, 1)),
        ("2014%", "around 2014, uncertain", (2014, 1, 1), (2015, 1, 1)),
        ("201X", "the 2010s", (2010, 1, 1), (2020, 1, 1)),
        ("20XX", "2000–2099", (2000, 1, 1), (2100, 1, 1)),
        ("2014-XX", "2014", (2014, 1, 1), (2015, 1, 1)),
        ("2014-02-XX", "February 2014", (2014, 2, 1), (2014, 3, 1)),
        ("../2014", "before 2014", (2014, 1, 1), (2015, 1, 1)),
        ("2014/..", "2014 or after", (2014, 1, 1), (2015, 1, 1)),
        ("2014-02-26~", "around 26 February 2014", (2014, 2, 26), (2014, 2, 27)),
        ("44 BCE~", "around 44 BCE", (-43, 1, 1), (-42, 1, 1)),
        ("../2014-02?", "before February 2014, uncertain", (2014, 2, 1), (2014, 3, 1)),
    ],
)
def test_edtf_forms_read_and_round_trip(text: str, words: str, first: tuple, end: tuple) -> None:
    d = PartialDate.parse(text)
    assert d.words() == words
    assert d.first_day() == days_from_civil(*first)
    assert d.end_day() == days_from_civil(*end)
    assert d.iso() == text
    assert PartialDate.parse(d.iso()) == d
    assert not d.is_plain


def test_qualifier_flags_and_plain_forms() -> None:
    assert PartialDate.parse("2014~").approximate and not PartialDate.parse("2014~").uncertain
    assert PartialDate.parse("2014?").uncertain and not PartialDate.parse("2014?").approximate
    both = PartialDate.parse("2014%")
    assert both.approximate and both.uncertain
    for plain in ("2014", "2014-02", "2014-02-26", "44 BCE"):
        assert PartialDate.parse(plain).is_plain
    assert PartialDate.parse("201X").plain() == PartialDate(2010)
    assert PartialDate.parse("2014-XX").precision is Precision.YEAR
    assert PartialDate.parse("2014-XX").words_with_precision() == "2014 (month not given)"


def test_sorting_is_by_first_day_then_what_is_open() -> None:
    texts = ["2014/..", "2014", "../2014", "201X", "2010", "2014-02", "2013~"]
    got = [d.iso() for d in sorted(PartialDate.parse(t) for t in texts)]
    assert got == ["201X", "2010", "2013~", "../2014", "2014", "2014/..", "2014-02"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2014/2016", "is an interval: write 'start: 2014' and 'end: 2016'"),
        ("2014-XX-03", "after an unspecified part, every part is XX"),
        ("20X4", "unspecified digits are written X at the end"),
        ("/2014", "write an open side as ../2014 or 2014/.."),
        ("2014/", "write an open side as ../2014 or 2014/.."),
        ("-0043", "write years before the common era"),
        ("2014-13~", "month 13 does not exist"),
        ("2014-02-30?", "day 30 does not exist"),
        ("2014~~", "is not a date"),
        ("~2014", "is not a date"),
        ("../2014/..", "is not a date"),
    ],
)
def test_broken_edtf_says_why(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message.replace("?", r"\?").replace(".", r"\.")):
        PartialDate.parse(text)


_plain = st.builds(
    lambda y, m, d: f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else ""),
    st.integers(1, 9999),
    st.integers(0, 12),
    st.integers(0, 28),
)


@given(_plain, st.sampled_from(["", "~", "?", "%"]), st.sampled_from(["", "../", "/.."]))
def test_any_qualified_date_round_trips(base: str, qualifier: str, side: str) -> None:
    text = (side if side == "../" else "") + base + qualifier + (side if side == "/.." else "")
    d = PartialDate.parse(text)
    assert d.iso() == text
    assert PartialDate.parse(d.iso()) == d
    assert d.plain() == PartialDate.parse(base)
    assert d.first_day() == d.plain().first_day() and d.end_day() == d.plain().end_day()
