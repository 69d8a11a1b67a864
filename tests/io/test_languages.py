"""Text fields written in languages: both forms read, every problem placed, one-language warnings,
and the fast path, the exact path and the cache agreeing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.io import ChronologyError, load_chronology, loader
from timeline_app.io import cache as cache_mod
from timeline_app.io.fast_path import fast_path_available

from .yaml_files import problems, write

BILINGUAL = """\
chronology:
  title: {en: Ten years, zh: 十年}
  description: Plain, the same in every language
sources:
  - id: pd
    title: {en: Ten years of coordination, zh: 协同发展十年}
    publisher: {en: People's Daily, zh: 人民日报}
categories:
  - {id: plan, name: {en: Planning, zh: 规划}, color: "#4e79a7", description: {en: Plans, zh: 规划纲要}}
eras:
  - {id: dec, title: {en: First decade, zh: 第一个十年}, start: 2014, end: 2024}
events:
  - id: xiongan
    title: {en: Xiong'an New Area established, zh: 设立雄安新区}
    start: 2017-04-01
    category: plan
    places: [{en: Hebei, zh: 河北}, Xiong'an]
    description:
      en: |
        A new area south-west of Beijing.
      zh: |
        在北京西南设立新区。
    figures:
      - {label: {en: planned area, zh: 规划面积}, value: 1770, unit: {en: km², zh: 平方公里}, qualifier: {en: about, zh: 约}}
  - {id: plain, title: Plain title, start: 2018, category: plan}
indicators:
  - id: gdp
    name: {en: Regional GDP, zh: 地区生产总值}
    unit: {en: trillion yuan, zh: 万亿元}
    region: {en: Beijing, zh: 北京}
    points: [{date: 2023, value: 4.4}]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_both_forms_read_with_english_in_the_records() -> None:
    c = load_chronology(write("c.yaml", BILINGUAL))
    assert c.title == "Ten years"
    assert c.description == "Plain, the same in every language"
    ev = c.event("xiongan")
    assert ev is not None
    assert ev.title == "Xiong'an New Area established"
    assert ev.places == ("Hebei", "Xiong'an")
    assert ev.description == "A new area south-west of Beijing."
    assert ev.figures[0].label == "planned area" and ev.figures[0].qualifier == "about"
    assert c.translations("event", "xiongan", "title") == (
        ("en", "Xiong'an New Area established"),
        ("zh", "设立雄安新区"),
    )
    assert c.translations("event", "xiongan", "description")[1] == ("zh", "在北京西南设立新区。")
    assert c.translations("event", "xiongan", "places.0") == (("en", "Hebei"), ("zh", "河北"))
    assert c.translations("event", "xiongan", "places.1") == ()
    assert c.translations("event", "xiongan", "figures.0.unit") == (("en", "km²"), ("zh", "平方公里"))
    assert c.translations("source", "pd", "publisher")[1] == ("zh", "人民日报")
    assert c.translations("indicator", "gdp", "region")[1] == ("zh", "北京")
    assert c.translations("era", "dec", "title")[1] == ("zh", "第一个十年")
    assert c.translations("category", "plan", "description")[1] == ("zh", "规划纲要")
    assert c.translations("chronology", "", "title")[1] == ("zh", "十年")
    assert c.translations("chronology", "", "description") == ()
    assert c.warnings == ()


def test_a_misspelt_language_is_placed_with_a_hint() -> None:
    p = write(
        "c.yaml",
        """\
        categories: [{id: plan, name: Planning, color: "#4e79a7"}]
        events:
          - id: a
            title: {en: Games, cn: 冬奥会}
            start: 2022
            category: plan
        """,
    )
    (line,) = problems(p)
    assert line.startswith("c.yaml:4:24: unknown language 'cn' in 'title'")
    assert "did you mean 'zh'?" in line


def test_empty_text_and_empty_mapping_are_placed() -> None:
    p = write(
        "c.yaml",
        """\
        categories: [{id: plan, name: {en: Planning, zh: ""}, color: "#4e79a7"}]
        events:
          - {id: a, title: {}, start: 2022, category: plan}
          - {id: b, title: B, start: 2022, category: plan, description: {en: " ", zh: 说明}}
        """,
    )
    lines = problems(p)
    assert lines[0] == "c.yaml:1:50: 'name' in Simplified Chinese (zh) is empty"
    assert lines[1].startswith("c.yaml:3:20: 'title' gives no text")
    assert lines[2] == "c.yaml:4:70: 'description' in English (en) is empty"
    assert len(lines) == 3


def test_text_of_another_type_is_placed() -> None:
    p = write(
        "c.yaml",
        """\
        categories: [{id: plan, name: Planning, color: "#4e79a7"}]
        events:
          - {id: a, title: {en: [x], zh: 冬奥会}, start: 2022, category: plan}
        """,
    )
    assert problems(p) == ["c.yaml:3:25: 'title' in English (en) must be text, found a list"]


def test_one_language_only_is_a_placed_warning_not_an_error() -> None:
    p = write(
        "c.yaml",
        """\
        categories: [{id: plan, name: Planning, color: "#4e79a7"}]
        events:
          - id: a
            title: {zh: 北京冬奥会}
            start: 2022
            category: plan
        """,
    )
    c = load_chronology(p)
    assert c.event("a") is not None and c.event("a").title == "北京冬奥会"  # type: ignore[union-attr]
    ((origin, message),) = c.warnings
    assert str(origin) == "c.yaml:4:12"
    assert str(message).startswith("'title' is written in zh only: add en (English)")


@pytest.mark.skipif(not fast_path_available(), reason="rapidyaml not installed")
def test_fast_and_exact_paths_agree() -> None:
    write("c.yaml", BILINGUAL)
    docs, _ = loader.load_documents(["c.yaml"])
    fast = loader._fast(docs)
    assert fast is not None  # bilingual text does not push a file off the fast path
    docs, _ = loader.load_documents(["c.yaml"])
    exact = loader._exact(docs, [])
    assert fast == exact
    assert fast.texts == exact.texts and fast.texts


def test_the_cache_keeps_every_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache_mod, "MIN_BYTES", 0)
    write("c.yaml", BILINGUAL.replace("{en: First decade, zh: 第一个十年}", "{zh: 第一个十年}"))
    first = load_chronology("c.yaml", cache=True)
    assert list((tmp_path / "cache").glob("*.json"))

    def not_parsed(*_: object) -> None:
        raise AssertionError("read from the files, not from the cache")

    monkeypatch.setattr(loader, "_fast", not_parsed)
    monkeypatch.setattr(loader, "_exact", not_parsed)
    again = load_chronology("c.yaml", cache=True)
    assert again.texts == first.texts and again.texts
    assert again == first
    assert again.warnings == first.warnings and len(first.warnings) == 1  # the warning is kept too


def test_the_schema_takes_both_forms_and_refuses_a_misspelt_language() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    path = Path(__file__).resolve().parents[2] / "resources" / "chronology.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    check = jsonschema.Draft202012Validator(schema)
    good = yaml.safe_load(BILINGUAL)
    good["events"][0]["start"] = "2017-04-01"  # as a YAML 1.2 editor reads it, not a timestamp
    assert not list(check.iter_errors(good))
    bad = good
    bad["events"][0]["title"] = {"en": "Games", "cn": "冬奥会"}
    assert list(check.iter_errors(bad))
    bad["events"][0]["title"] = {"en": "Games", "zh": ""}
    assert list(check.iter_errors(bad))


def test_validate_prints_the_warning_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    from timeline_app.cli import main

    write("c.yaml", BILINGUAL.replace("{en: First decade, zh: 第一个十年}", "{en: First decade}"))
    assert main(["validate", "c.yaml"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: 1 files, 2 events")
    assert err == (
        "c.yaml:11:22: warning: 'title' is written in en only: add zh (Simplified Chinese), "
        "or every language shows the en\n"
    )


def test_json_export_keeps_both_languages() -> None:
    from timeline_app.io.export import to_dict

    c = load_chronology(write("c.yaml", BILINGUAL))
    out = to_dict(c)
    assert out["title"] == "Ten years"
    assert out["texts"] == {"title": {"en": "Ten years", "zh": "十年"}}
    xa = next(e for e in out["events"] if e["id"] == "xiongan")
    assert xa["title"] == "Xiong'an New Area established"
    assert xa["texts"]["title"] == {"en": "Xiong'an New Area established", "zh": "设立雄安新区"}
    assert xa["texts"]["places.0"] == {"en": "Hebei", "zh": "河北"}
    assert xa["texts"]["figures.0.unit"] == {"en": "km²", "zh": "平方公里"}
    plain = next(e for e in out["events"] if e["id"] == "plain")
    assert plain["texts"] == {}
    assert out["categories"][0]["texts"]["name"] == {"en": "Planning", "zh": "规划"}
    assert out["indicators"][0]["texts"]["unit"] == {"en": "trillion yuan", "zh": "万亿元"}
    assert out["sources"][0]["texts"]["publisher"]["zh"] == "人民日报"
    json.dumps(out, ensure_ascii=False)  # stays JSON


def test_csv_export_has_a_column_per_language() -> None:
    import csv
    import io

    from timeline_app.io.export import events_csv

    rows = list(csv.DictReader(io.StringIO(events_csv(load_chronology(write("c.yaml", BILINGUAL))))))
    xa = next(r for r in rows if r["id"] == "xiongan")
    assert (xa["title"], xa["title_en"], xa["title_zh"]) == (
        "Xiong'an New Area established",
        "Xiong'an New Area established",
        "设立雄安新区",
    )
    assert xa["description_zh"] == "在北京西南设立新区。"
    plain = next(r for r in rows if r["id"] == "plain")
    assert (plain["title"], plain["title_en"], plain["title_zh"]) == ("Plain title", "", "")


def test_yaml_written_back_reads_the_same_in_both_languages() -> None:
    from timeline_app.io.formats.yaml_out import write_yaml

    first = load_chronology(write("c.yaml", BILINGUAL))
    Path("out").mkdir()
    again = load_chronology(write("out/again.yaml", write_yaml(first)))
    assert again.texts == first.texts
    assert list(again.events) == list(first.events)
    assert again.warnings == ()


def test_the_shipped_chronology_round_trips_through_yaml() -> None:
    from timeline_app.io.formats.yaml_out import write_yaml
    from timeline_app.paths import shipped_chronology

    first = load_chronology(shipped_chronology())
    Path("out").mkdir()
    again = load_chronology(write("out/again.yaml", write_yaml(first)))
    assert again.texts == first.texts and len(first.texts) > 700
    assert list(again.events) == list(first.events)
    assert again.tours == first.tours and first.tours  # tours are written too, in both languages


TEXT = st.one_of(
    st.sampled_from(["Games", "冬奥会", "", " x ", "No", "2014", "a: b", "#c", "北京，张家口"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=8),
)
IN_LANGUAGES = st.one_of(
    TEXT,
    st.dictionaries(st.sampled_from(["en", "zh", "cn", "EN", "zh-CN"]), TEXT, max_size=3),
)
BILINGUAL_EVENTS = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["a", "b", "c"]),
            "title": IN_LANGUAGES,
            "start": st.just("2014"),
            "category": st.just("p"),
        },
        optional={
            "description": IN_LANGUAGES,
            "places": st.lists(IN_LANGUAGES, max_size=2),
            "figures": st.lists(
                st.fixed_dictionaries({"label": IN_LANGUAGES, "value": st.just(1), "unit": IN_LANGUAGES}),
                max_size=2,
            ),
        },
    ),
    max_size=4,
)


@pytest.mark.skipif(not fast_path_available(), reason="rapidyaml not installed")
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(BILINGUAL_EVENTS, st.sampled_from(["block", "flow"]))
def test_fast_and_exact_paths_agree_on_texts_in_languages(
    tmp_path: Path, events: list[dict[str, object]], style: str
) -> None:
    doc = {
        "categories": [{"id": "p", "name": {"en": "P", "zh": "规划"}, "color": "#000000"}],
        "events": events,
    }
    p = tmp_path / "h.yaml"
    p.write_text(
        yaml.safe_dump(doc, allow_unicode=True, default_flow_style=(style == "flow")), encoding="utf-8"
    )
    docs, _ = loader.load_documents([p])
    fast = loader._fast(docs)
    docs, _ = loader.load_documents([p])
    try:
        exact = loader._exact(docs, [])
    except ChronologyError:
        assert fast is None  # a problem sends the load to the exact path, which reports it
        return
    if fast is not None:  # a warning sends it there too; otherwise both read the same
        assert fast == exact and fast.texts == exact.texts and not exact.warnings
