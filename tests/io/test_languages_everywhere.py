"""The free texts beyond titles and descriptions may be written in languages too: tags, where in a
source a fact stands (``at``, for events, figures, indicators and points), a source's page, and a
point's note and formula. They load, localize, warn when one language is missing, survive the cache
and are written back by ``convert --to yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import cache as cache_mod
from timeline_app.io import load_chronology, loader
from timeline_app.io.formats.yaml_out import write_yaml
from timeline_app.model.localize import localize

from .yaml_files import write

DOC = """\
chronology: {title: T}
sources:
  - {id: pd, title: PD, page: {en: "1", zh: "一"}}
categories:
  - {id: a, name: A, color: "#4e79a7"}
events:
  - id: e
    title: E
    start: 2017
    category: a
    tags: [{en: two wings, zh: 两翼}, PM2.5]
    sources: [{id: pd, at: {en: "section 'Lead'", zh: “引领”部分}}, pd]
    figures:
      - {label: L, value: 1, unit: u, source: {id: pd, at: {en: first paragraph, zh: 第一段}}}
indicators:
  - id: i
    name: N
    unit: u
    source: {id: pd, at: {en: table 1, zh: 表1}}
    points:
      - {date: 2015, value: 2, source: {id: pd, at: {en: table 2, zh: 表2}}}
      - {date: 2014, value: 1, derived: {en: 2 / 2, zh: 2 ÷ 2}, note: {en: rounded, zh: 已取整}}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def texts_of(c):  # type: ignore[no-untyped-def]
    e = c.events[0]
    ind = c.indicators[0]
    first, second = ind.points  # in date order: 2014 (the indicator's source), 2015 (its own)
    return {
        "tags": e.tags,
        "at": [r.locator for r in e.sources],
        "figure at": e.figures[0].source.locator,
        "page": c.sources[0].page,
        "point at": (first.source.locator, second.source.locator),
        "note": first.note,
        "derived": first.derived,
    }


def test_english_in_the_records_and_chinese_after_localize() -> None:
    c = load_chronology(write("c.yaml", DOC))
    assert c.warnings == ()
    assert texts_of(c) == {
        "tags": ("two wings", "PM2.5"),
        "at": ["section 'Lead'", ""],
        "figure at": "first paragraph",
        "page": "1",
        "point at": ("table 1", "table 2"),
        "note": "rounded",
        "derived": "2 / 2",
    }
    zh = localize(c, "zh")
    assert texts_of(zh) == {
        "tags": ("两翼", "PM2.5"),
        "at": ["“引领”部分", ""],
        "figure at": "第一段",
        "page": "一",
        "point at": ("表1", "表2"),
        "note": "已取整",
        "derived": "2 ÷ 2",
    }
    assert zh.fallbacks == frozenset()
    assert texts_of(localize(zh, "en")) == texts_of(c)


def test_one_language_only_is_a_placed_warning() -> None:
    c = load_chronology(write("c.yaml", DOC.replace("{en: table 2, zh: 表2}", "{en: table 2}")))
    ((origin, message),) = c.warnings
    assert str(origin) == "c.yaml:21:53"  # the {en: table 2} of the 2015 point
    assert str(message).startswith("'at' is written in en only: add zh")
    zh = localize(c, "zh")
    assert texts_of(zh)["point at"] == ("表1", "table 2")
    assert ("indicator", "i", "points.2015.source.at") in zh.fallbacks


def test_the_cache_and_the_yaml_writer_keep_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache_mod, "MIN_BYTES", 0)
    first = load_chronology(write("c.yaml", DOC), cache=True)
    with monkeypatch.context() as m:
        m.setattr(loader, "_fast", None)  # a second load that parsed would fail
        m.setattr(loader, "_exact", None)
        cached = load_chronology("c.yaml", cache=True)
    assert cached.texts == first.texts and texts_of(localize(cached, "zh"))["tags"] == ("两翼", "PM2.5")
    Path("out").mkdir()
    again = load_chronology(write("out/again.yaml", write_yaml(first)))
    # the writer gives each point its source, the indicator's where it had none of its own: its
    # `at` in languages is kept under each point that took it, both times
    assert ("indicator", "i", "points.2014.source.at") in first.texts
    assert again.texts == first.texts
    assert texts_of(localize(again, "zh")) == texts_of(localize(first, "zh"))


def test_a_tag_or_place_filter_holds_in_every_language() -> None:
    from timeline_app.model.filters import EventFilter

    c = load_chronology(
        write("c.yaml", DOC.replace("    tags:", "    places: [{en: Hebei, zh: 河北}]\n    tags:"))
    )
    zh = localize(c, "zh")
    for f in (
        EventFilter().with_value("tags", "two wings"),
        EventFilter().with_value("tags", "两翼"),
        EventFilter().with_value("places", "Hebei"),
        EventFilter().with_value("places", "河北"),
    ):
        assert f.mask(c).tolist() == [True] and f.mask(zh).tolist() == [True], f
    assert EventFilter().with_value("tags", "三翼").mask(zh).tolist() == [False]
