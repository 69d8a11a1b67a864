"""localize(): a chronology in one language, with the fields that fell back to another named."""

from __future__ import annotations

import pytest

from timeline_app.model import Category, Chronology, Era, Event, Figure, Indicator, IndicatorPoint, Source
from timeline_app.model.localize import localize

from .helpers import d


def bilingual() -> Chronology:
    fig = Figure("staff", 10000, "people", "more than")
    events = [
        Event(
            "olympics", "Winter Olympics", d("2022-02-04"), "eco", end=d("2022-02-20"), places=("Beijing",)
        ),
        Event(
            "xiongan",
            "Xiong'an New Area established",
            d("2017-04-01"),
            "move",
            places=("Hebei", "Xiong'an"),
            description="A new area.",
            figures=(fig,),
        ),
        Event("plain", "Plain", d("2015"), "eco"),
    ]
    texts = {
        ("chronology", "", "title"): (("en", "Ten years"), ("zh", "十年")),
        ("category", "eco", "name"): (("en", "Ecology"), ("zh", "生态")),
        ("era", "dec", "title"): (("en", "Decade"),),
        ("source", "pd", "title"): (("en", "Ten years on"), ("zh", "十年观察")),
        ("indicator", "pm", "unit"): (("en", "micrograms"), ("zh", "微克")),
        ("event", "olympics", "title"): (("en", "Winter Olympics"), ("zh", "北京冬奥会")),
        ("event", "olympics", "places.0"): (("en", "Beijing"), ("zh", "北京")),
        ("event", "xiongan", "title"): (("zh", "设立雄安新区"),),
        ("event", "xiongan", "description"): (("en", "A new area."), ("zh", "新区。")),
        ("event", "xiongan", "places.1"): (("en", "Xiong'an"), ("zh", "雄安")),
        ("event", "xiongan", "figures.0.label"): (("en", "staff"), ("zh", "员工")),
        ("event", "xiongan", "figures.0.qualifier"): (("en", "more than"), ("zh", "超过")),
    }
    # the records hold the first language given, as the loader makes them
    events[1] = events[1]._replace(title="设立雄安新区")
    return Chronology.build(
        title="Ten years",
        events=events,
        categories=[Category("eco", "Ecology", "#59a14f", 1), Category("move", "Relocation", "#f28e2b", 2)],
        eras=[Era("dec", "Decade", d("2014"), d("2024"))],
        sources=[Source("pd", "Ten years on", "People's Daily")],
        indicators=[Indicator("pm", "PM2.5", "micrograms", (IndicatorPoint(d("2023"), 32.0),))],
        texts=texts,
    )


def test_chinese_everywhere_with_fallbacks_named() -> None:
    z = localize(bilingual(), "zh")
    assert z.language == "zh"
    assert z.title == "十年"
    assert z.categories[0].name == "生态" and z.categories[1].name == "Relocation"
    assert z.sources[0].title == "十年观察" and z.sources[0].publisher == "People's Daily"
    assert z.indicators[0].unit == "微克" and z.indicators[0].name == "PM2.5"
    assert z.eras[0].title == "Decade"
    ol = z.event("olympics")
    xa = z.event("xiongan")
    assert ol is not None and xa is not None
    assert ol.title == "北京冬奥会" and ol.places == ("北京",)
    assert xa.title == "设立雄安新区" and xa.description == "新区。"
    assert xa.places == ("Hebei", "雄安")
    assert xa.figures[0].label == "员工" and xa.figures[0].qualifier == "超过"
    assert xa.figures[0].unit == "people" and xa.figures[0].value == 10000
    assert z.fallbacks == {("era", "dec", "title")}
    assert z.is_fallback("era", "dec", "title")
    assert not z.is_fallback("event", "plain", "title")  # a plain string is every language's


def test_english_and_back_again() -> None:
    c = bilingual()
    e = localize(localize(c, "zh"), "en")
    assert e.title == "Ten years"
    xa = e.event("xiongan")
    assert xa is not None
    assert (
        xa.title == "设立雄安新区" and xa.places == ("Hebei", "Xiong'an") and xa.description == "A new area."
    )
    assert e.fallbacks == {("event", "xiongan", "title")}
    assert e.texts == c.texts  # every language is kept, to localize again
    assert localize(e, "zh").event("olympics").title == "北京冬奥会"  # type: ignore[union-attr]


def test_nothing_else_changes() -> None:
    c = bilingual()
    z = localize(c, "zh")
    assert [e.id for e in z.events] == [e.id for e in c.events]
    assert (z.starts == c.starts).all() and (z.ends == c.ends).all()
    assert z.event("olympics").end == d("2022-02-20")  # type: ignore[union-attr]
    assert z.origin_of("olympics") == c.origin_of("olympics")
    assert z.categories[0].color == "#59a14f"
    assert c.event("olympics").title == "Winter Olympics"  # type: ignore[union-attr]  # c is untouched


def test_a_plain_chronology_is_returned_as_it_is() -> None:
    c = Chronology.build(
        title="T", events=[Event("a", "A", d("2014"), "x")], categories=[Category("x", "X", "#000000", 1)]
    )
    z = localize(c, "zh")
    assert z.events is c.events and z.title == "T" and z.fallbacks == frozenset() and z.language == "zh"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        localize(bilingual(), "fr")
