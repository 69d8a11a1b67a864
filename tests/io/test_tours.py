"""The ``tours`` section: read across files, through the cache, and every problem placed."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import load_chronology
from timeline_app.paths import shipped_chronology

from .yaml_files import problems, write

EVENTS = """\
categories:
  - {id: plan, name: Planning, color: "#4e79a7"}
  - {id: eco, name: Ecology, color: "#59a14f"}
events:
  - {id: symposium, title: Symposium, start: 2014-02-26, category: plan}
  - {id: clean-air, title: Cleaner air, start: 2023, category: eco, indicators: [pm25]}
indicators:
  - id: pm25
    name: PM2.5
    unit: µg/m³
    points: [{date: 2014, value: 85}, {date: 2023, value: 32}]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_tour_in_its_own_file_names_events_of_another() -> None:
    write("c/events.yaml", EVENTS)
    write(
        "c/tours.yaml",
        """\
        tours:
          - id: decade
            title: The decade
            description: Two stops.
            stops:
              - event: symposium
                text: Where it starts.
              - event: clean-air
                title: The air
                start: 2013
                end: 2024-02
                lanes: [eco]
                plots: [pm25]
                text: "The air gets cleaner:  32 µg/m³."
        """,
    )
    c = load_chronology("c")
    (tour,) = c.tours
    assert (tour.id, tour.title, tour.description) == ("decade", "The decade", "Two stops.")
    first, second = tour.stops
    assert (first.event, first.start, first.lanes, first.plots, first.title) == (
        "symposium",
        None,
        (),
        None,
        "",
    )
    assert second.start is not None and second.start.iso() == "2013"
    assert second.end is not None and second.end.iso() == "2024-02"
    assert (second.lanes, second.plots, second.title) == (("eco",), ("pm25",), "The air")
    assert str(tour.origin) == "c/tours.yaml:2:5"
    assert c.tour("decade") is tour and c.tour("nope") is None


def test_every_problem_of_a_tour_is_placed() -> None:
    write("c/events.yaml", EVENTS)
    write(
        "c/tours.yaml",
        """\
        tours:
          - id: decade
            title: The decade
            stops:
              - event: symposum
                text: Typo in the event.
              - start: 2020
                end: 2014
                text: Backwards.
              - end: 2014
                text: An end alone.
              - lanes: [plan, ecology]
                plots: [pm2.5]
                event: symposium
                text: Unknown lane and plot.
              - event: symposium
          - id: empty
            title: Nothing
            stops:
          - id: decade
            title: Twice
            stops: [{event: symposium, text: Again.}]
          - id: no-title
            stops: [{start: 2014, text: No title.}]
        """,
    )
    assert problems("c") == [
        "c/tours.yaml:5:16: unknown event 'symposum' (did you mean 'symposium'?)",
        "c/tours.yaml:8:14: end 2014 is before start 2020",
        "c/tours.yaml:10:14: a stop with an 'end' needs a 'start' too",
        "c/tours.yaml:12:23: unknown category 'ecology' (did you mean 'eco'?)",
        "c/tours.yaml:13:17: unknown indicator 'pm2.5' (did you mean 'pm25'?)",
        "c/tours.yaml:16:9: the stop is missing 'text'",
        "c/tours.yaml:19:11: the tour 'empty' has no stops: give it at least one",
        "c/tours.yaml:20:9: duplicate tour id 'decade' (first defined at c/tours.yaml:2:9)",
        "c/tours.yaml:23:5: the tour is missing 'title'",
    ]


def test_unknown_keys_in_a_stop_are_named() -> None:
    write("c/events.yaml", EVENTS)
    write("c/tours.yaml", "tours:\n  - {id: t, title: T, stops: [{event: symposium, txt: Hello}]}\n")
    assert problems("c") == [
        "c/tours.yaml:2:31: the stop is missing 'text'",
        "c/tours.yaml:2:50: unknown key 'txt' in the stop (did you mean 'text'?)",
    ]


def test_tours_come_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache"))
    write("c/events.yaml", EVENTS)
    write(
        "c/tours.yaml", "tours:\n  - {id: t, title: T, stops: [{event: clean-air, plots: [], text: Air.}]}\n"
    )
    fresh = load_chronology("c", cache=True)
    cached = load_chronology("c", cache=True)
    assert cached.tours == fresh.tours
    assert cached.tours[0].stops[0].plots == ()


def test_the_shipped_tour_follows_the_articles_five_sections() -> None:
    c = load_chronology(shipped_chronology())
    tour = c.tour("ten-years")
    assert tour is not None
    sections = ["Lead", "Refactor", "Breakthrough", "Fusion", "Shared"]
    seen = [next((s for s in sections if stop.title.startswith(s + ":")), None) for stop in tour.stops]
    named = [s for s in seen if s is not None]
    assert sorted(set(named), key=sections.index) == sections
    assert named == sorted(named, key=sections.index)  # in the article's order
    headlines = {e.id for e in c.events if e.importance == "headline"}
    assert headlines <= {s.event for s in tour.stops}  # every headline moment is a stop
    for stop in tour.stops:
        assert stop.event is not None and c.event(stop.event) is not None
        assert 80 <= len(stop.text) <= 400  # a few sentences, not a title, not an essay


def test_a_tour_written_in_two_languages_is_shown_in_each() -> None:
    from timeline_app.model.localize import localize

    write("c/events.yaml", EVENTS)
    write(
        "c/tours.yaml",
        """\
        tours:
          - id: t
            title: {en: The decade, zh: 十年}
            stops:
              - event: symposium
                title: {en: Start, zh: 开端}
                text: {en: Where it starts., zh: 从这里开始。}
        """,
    )
    c = load_chronology("c")
    assert (c.tours[0].title, c.tours[0].stops[0].text) == ("The decade", "Where it starts.")
    zh = localize(c, "zh")
    assert (zh.tours[0].title, zh.tours[0].stops[0].title, zh.tours[0].stops[0].text) == (
        "十年",
        "开端",
        "从这里开始。",
    )


def test_the_json_export_carries_the_tours() -> None:
    import json

    from timeline_app.io.export import to_json

    write("c/events.yaml", EVENTS)
    write(
        "c/tours.yaml",
        """\
        tours:
          - id: t
            title: {en: The decade, zh: 十年}
            stops:
              - {event: symposium, text: Where it starts.}
              - {start: 2013, end: 2024, lanes: [eco], plots: [pm25], text: The air.}
        """,
    )
    (tour,) = json.loads(to_json(load_chronology("c")))["tours"]
    assert (tour["id"], tour["title"], tour["texts"]) == (
        "t",
        "The decade",
        {"title": {"en": "The decade", "zh": "十年"}},
    )
    assert tour["stops"] == [
        {"text": "Where it starts.", "title": "", "event": "symposium", "start": None, "end": None,
         "lanes": [], "plots": None},
        {"text": "The air.", "title": "", "event": None, "start": "2013", "end": "2024",
         "lanes": ["eco"], "plots": ["pm25"]},
    ]  # fmt: skip


def test_convert_to_yaml_keeps_the_tours_and_their_languages() -> None:
    from timeline_app.io.export import to_dict
    from timeline_app.io.formats.yaml_out import write_yaml

    write("c/events.yaml", EVENTS)
    write(
        "c/tours.yaml",
        """\
        tours:
          - id: t
            title: {en: The decade, zh: 十年}
            description: Two stops.
            stops:
              - {event: symposium, title: {en: Start, zh: 开端}, text: {en: Where it starts., zh: 从这里开始。}}
              - {start: 2013, end: 2024, lanes: [eco], plots: [], text: The air.}
        """,
    )
    c = load_chronology("c")
    Path("one.yaml").write_text(write_yaml(c), encoding="utf-8")
    again = load_chronology("one.yaml")
    assert to_dict(again)["tours"] == to_dict(c)["tours"]
    assert again.tours == c.tours
