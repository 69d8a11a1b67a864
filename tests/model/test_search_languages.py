"""Search in every language a chronology is written in; results titled in the language that matched."""

from __future__ import annotations

from timeline_app.model import Category, Chronology, Event
from timeline_app.model.localize import localize
from timeline_app.model.search import SearchIndex
from timeline_app.model.search_languages import searchable_events, shown_title

from .helpers import d


def games() -> Chronology:
    events = [
        Event(
            "olympics",
            "Beijing and Zhangjiakou host the Winter Olympics",
            d("2022-02-04"),
            "x",
            places=("Beijing", "Zhangjiakou"),
            tags=("sport",),
            description="The Games.",
        ),
        Event("xiongan", "Xiong'an New Area announced", d("2017-04-01"), "x"),
        Event("plain", "Plain event about Olympic rings", d("2015"), "x"),
    ]
    texts = {
        ("event", "olympics", "title"): (
            ("en", "Beijing and Zhangjiakou host the Winter Olympics"),
            ("zh", "北京、张家口联合举办冬奥会"),
        ),
        ("event", "olympics", "description"): (("en", "The Games."), ("zh", "北京冬奥会。")),
        ("event", "olympics", "places.1"): (("en", "Zhangjiakou"), ("zh", "张家口")),
        ("event", "xiongan", "title"): (("en", "Xiong'an New Area announced"), ("zh", "设立雄安新区")),
    }
    return Chronology.build(
        title="T", events=events, categories=[Category("x", "X", "#000000", 1)], texts=texts
    )


def found(c: Chronology, query: str) -> list[str]:
    return SearchIndex.for_chronology(c).find(query).ids


def test_both_languages_find_the_games() -> None:
    c = games()
    assert found(c, "冬奥") == ["olympics"]
    assert found(c, "olymp") == ["plain", "olympics"]  # both in the title: time order
    assert found(c, "OLYMPICS") == ["olympics"]


def test_chinese_is_found_as_a_run_of_characters() -> None:
    c = games()
    assert found(c, "张家口联合") == ["olympics"]  # inside the title, no spaces around it
    assert found(c, "雄安") == ["xiongan"]
    assert found(c, "张家口") == ["olympics"]  # a place in Chinese
    assert found(c, "冬奥会。") == ["olympics"]  # the description in Chinese
    assert found(c, "雄安 冬奥") == []  # every word in one event
    assert found(c, "冬奥会 sport") == ["olympics"]  # a Chinese word and a tag


def test_the_same_in_the_chinese_view() -> None:
    z = localize(games(), "zh")
    assert found(z, "冬奥") == ["olympics"]
    assert found(z, "olymp") == ["plain", "olympics"]
    assert found(z, "announced") == ["xiongan"]


def test_results_show_the_language_that_matched() -> None:
    c = games()
    ol = c.event("olympics")
    assert ol is not None
    assert shown_title(c, ol, "冬奥") == "北京、张家口联合举办冬奥会"
    assert shown_title(c, ol, "olymp") == "Beijing and Zhangjiakou host the Winter Olympics"
    assert shown_title(c, ol, "sport") == ol.title  # a tag is every language's: the current title
    z = localize(c, "zh")
    zol = z.event("olympics")
    assert zol is not None
    assert shown_title(z, zol, "olymp") == "Beijing and Zhangjiakou host the Winter Olympics"
    assert shown_title(z, zol, "冬奥") == "北京、张家口联合举办冬奥会"
    assert shown_title(z, zol, "") == "北京、张家口联合举办冬奥会"


def test_a_plain_chronology_is_searched_as_it_is() -> None:
    c = Chronology.build(
        title="T", events=[Event("a", "A", d("2014"), "x")], categories=[Category("x", "X", "#000000", 1)]
    )
    assert searchable_events(c) is c.events
    assert shown_title(c, c.events[0], "a") == "A"


def test_the_shipped_chronology_finds_the_games_both_ways() -> None:
    from timeline_app.io import load_chronology
    from timeline_app.paths import shipped_chronology

    c = load_chronology(shipped_chronology())
    assert found(c, "冬奥") == found(c, "olymp") == ["winter-olympics-2022"]
