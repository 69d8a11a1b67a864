"""Going to a typed date, and filtering events by what they are: pure model, no Qt."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.model import Category, Chronology, Event, PartialDate
from timeline_app.model.chronology import SourceRef
from timeline_app.model.dates import DateError
from timeline_app.model.filters import EventFilter, facet_values
from timeline_app.model.goto import MARGIN, looks_like_a_date, parse_goto


def day(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2017", "2017-01-01", "2018-01-01"),
        ("2017-04", "2017-04-01", "2017-05-01"),
        ("2017-04-01", "2017-04-01", "2017-04-02"),
        ("44 BCE", "44-01-01 BCE", "43-01-01 BCE"),
        ("2014..2017", "2014-01-01", "2018-01-01"),
        (" 2014-02 .. 2014-03 ", "2014-02-01", "2014-04-01"),
        ("2014 to 2016-06", "2014-01-01", "2016-07-01"),
    ],
)
def test_a_typed_date_shows_its_interval_with_a_margin(typed: str, first: str, last: str) -> None:
    r = parse_goto(typed)
    lo, hi = day(first), day(last)
    pad = (hi - lo) * MARGIN
    assert r.start == pytest.approx(lo - pad)
    assert r.end == pytest.approx(hi + pad)
    assert looks_like_a_date(typed)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("olympics", "'olympics' is not a date"),
        ("2017..2014", "the range 2017..2014 ends before it begins"),
        ("2014..2015..2016", "is not a date or a range"),
        ("2017-13", "month 13 does not exist"),
        ("", "type a date"),
    ],
)
def test_what_is_not_a_date_says_why(typed: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_goto(typed)
    assert not looks_like_a_date(typed)


def chronology() -> Chronology:
    cats = [Category("plan", "Planning", "#4e79a7", 1), Category("eco", "Ecology", "#59a14f", 2)]
    P = PartialDate.parse
    events = [
        Event(
            "a", "A", P("2014-02-26"), "plan", tags=("symposium",), places=("Beijing",), importance="headline"
        ),
        Event("b", "B", P("2015"), "plan", tags=("plan",), sources=(SourceRef("pd", "Lead"),)),
        Event("c", "C", P("2017-04"), "eco", places=("Hebei", "Beijing"), importance="major"),
        Event("d", "D", P("2019-01-18"), "eco", end=P("2020"), tags=("symposium", "water")),
    ]
    return Chronology.build(title="t", events=events, categories=cats)


def ids(chron: Chronology, mask: np.ndarray) -> list[str]:
    return [chron.events[int(i)].id for i in np.flatnonzero(mask)]


def test_each_facet_and_their_combination() -> None:
    c = chronology()
    assert not EventFilter().active
    assert ids(c, EventFilter().mask(c)) == ["a", "b", "c", "d"]
    f = EventFilter(tags=frozenset({"symposium"}))
    assert ids(c, f.mask(c)) == ["a", "d"]
    assert ids(c, f.with_value("tags", "plan").mask(c)) == ["a", "b", "d"]  # alternatives in a facet
    assert ids(c, f.with_value("places", "Beijing").mask(c)) == ["a"]  # facets combined
    assert ids(c, EventFilter(sources=frozenset({"pd"})).mask(c)) == ["b"]
    assert ids(c, EventFilter(categories=frozenset({"eco"})).mask(c)) == ["c", "d"]
    assert ids(c, EventFilter(precisions=frozenset({"day"})).mask(c)) == ["a", "d"]
    assert ids(c, EventFilter(importance=frozenset({"headline", "major"})).mask(c)) == ["a", "c"]
    # a date range keeps what overlaps it: d runs from 2019 into 2020
    r = EventFilter().with_range(day("2019-06"), day("2021"))
    assert ids(c, r.mask(c)) == ["d"]
    assert ids(c, EventFilter().with_range(None, day("2015-01")).mask(c)) == ["a"]


def test_chips_list_what_is_active_and_remove_one_at_a_time() -> None:
    f = EventFilter(tags=frozenset({"water", "plan"}), importance=frozenset({"headline"})).with_range(
        1.0, 2.0
    )
    assert f.chips() == [
        ("tags", "plan"),
        ("tags", "water"),
        ("importance", "headline"),
        ("range", "1.0..2.0"),
    ]
    g = f.without("tags", "plan").without("range", "")
    assert g.chips() == [("tags", "water"), ("importance", "headline")]
    assert not g.without("tags", "water").without("importance", "headline").active
    assert f == EventFilter(  # a value: equal filters compare equal (the state emits on real change)
        tags=frozenset({"plan", "water"}), importance=frozenset({"headline"}), start=1.0, end=2.0
    )


def test_facet_values_count_the_events() -> None:
    v = facet_values(chronology())
    assert v["tags"] == [("symposium", 2), ("plan", 1), ("water", 1)]
    assert v["places"] == [("Beijing", 2), ("Hebei", 1)]
    assert v["sources"] == [("pd", 1)]
    assert v["categories"] == [("eco", 2), ("plan", 2)]
    assert v["precisions"] == [("day", 2), ("month", 1), ("year", 1)]
    assert v["importance"] == [("minor", 2), ("headline", 1), ("major", 1)]
