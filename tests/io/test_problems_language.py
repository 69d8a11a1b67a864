"""The loader's problems said in the language of the moment they are shown (no Qt here: the
translation is read from the .ts by timeline_app.catalog, as the command line does)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline_app import catalog, text
from timeline_app.io import ChronologyError, load_chronology
from timeline_app.io.formats import load_foreign
from timeline_app.model.dates import DateError, PartialDate
from timeline_app.text import QT_TRANSLATE_NOOP, Later, Message, format_date

from .yaml_files import write

BROKEN = """\
categories:
  - {id: plan, name: Planning, colour: "#4e79a7"}
events:
  - id: a
    title: First
    start: 2014-02-30
    category: plan
  - id: a
    title: [not, text]
    start: 2015
    category: plann
  - id: c
    start: 2016
    category: plan
    figures:
      - {label: GDP, value: "12", unit: bn}
indicators:
  - id: gdp
    name: GDP
    unit: bn
    points:
      - {date: 2014, value: 1}
      - {date: 2014, value: 2}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    yield
    text.install(None)


def _chinese() -> None:
    tr = catalog.load("zh_CN")
    assert tr is not None
    text.install(tr)


def _broken() -> ChronologyError:
    write("c.yaml", BROKEN)
    with pytest.raises(ChronologyError) as info:
        load_chronology("c.yaml")
    return info.value


def _positions(lines: list[str]) -> list[str]:
    return [line.split(": ", 1)[0] for line in lines]


def test_a_broken_file_in_chinese_has_the_english_positions() -> None:
    exc = _broken()
    english = exc.lines()
    assert english == [
        "c.yaml:2:5: the category is missing 'color'",
        "c.yaml:2:32: unknown key 'colour' in the category (did you mean 'color'?)",
        "c.yaml:6:12: start 2014-02-30: day 30 does not exist in February 2014",
        "c.yaml:8:9: duplicate event id 'a' (first defined at c.yaml:4:9)",
        "c.yaml:9:12: 'title' must be text, found a list",
        "c.yaml:11:15: unknown category 'plann' (did you mean 'plan'?)",
        "c.yaml:12:5: the event is missing 'title'",
        "c.yaml:16:29: 'value' must be a number, not quoted text: write 12 without quotes",
        "c.yaml:23:9: a second point for 2014 (the first is at line 22, column 9)",
    ]
    _chinese()
    chinese = exc.lines()  # the same problems, said again: nothing is read again
    assert _positions(chinese) == _positions(english)
    assert chinese == [
        "c.yaml:2:5: 类别缺少 'color'",
        "c.yaml:2:32: 类别中有未知的键 'colour'（是不是想写 'color'？）",
        "c.yaml:6:12: start 2014-02-30：2014年2月没有 30 日",
        "c.yaml:8:9: 事件 id 'a' 重复（第一次定义于 c.yaml:4:9）",
        "c.yaml:9:12: 'title'必须是文字，这里却是一个列表",
        "c.yaml:11:15: 未知的类别 'plann'（是不是想写 'plan'？）",
        "c.yaml:12:5: 事件缺少 'title'",
        "c.yaml:16:29: 'value'必须是数字，不能是带引号的文字：请去掉引号，写作 12",
        "c.yaml:23:9: 2014 有第二个数据点（第一个在第 22 行第 9 列）",
    ]
    assert [p.message for p in exc.problems] == [line.split(": ", 1)[1] for line in chinese]
    text.install(None)
    assert exc.lines() == english  # and back, byte for byte


def test_a_problem_found_in_chinese_is_placed_where_it_is_in_english() -> None:
    english = _broken().lines()
    _chinese()
    again = _broken().lines()  # loaded with Chinese installed
    assert _positions(again) == _positions(english)
    assert not any("missing" in line or "unknown" in line for line in again)
    assert str(_broken()).splitlines() == again


def test_warnings_are_said_in_the_language_shown() -> None:
    write("c.yaml", "categories: [{id: p, name: {zh: 规划}, color: '#4e79a7'}]\n")
    ((origin, message),) = load_chronology("c.yaml").warnings
    assert str(origin) == "c.yaml:1:28"
    english = "'name' is written in zh only: add en (English), or every language shows the zh"
    assert str(message) == english
    _chinese()
    assert str(message) == "'name'只写了 zh：请补上 en（英文），否则所有语言都显示 zh 的文字"


def test_the_count_of_problems_left_out_is_said_too() -> None:
    exc = ChronologyError([], more=1200)
    assert exc.lines() == ["... and 1,200 more problems"]
    _chinese()
    assert exc.lines() == ["……另有1,200个问题"]


def test_date_errors_follow_the_language() -> None:
    with pytest.raises(DateError) as info:
        PartialDate.parse("2014/2017")
    assert str(info.value) == "'2014/2017' is an interval: write 'start: 2014' and 'end: 2017'"
    _chinese()
    assert str(info.value) == "'2014/2017' 是一个区间：请分别写作 'start: 2014' 和 'end: 2017'"


def test_a_message_fills_its_placeholders_once() -> None:
    m = Message("Problems", QT_TRANSLATE_NOOP("Problems", "%1 is empty"), "'%1 and %2'")
    assert str(m) == "'%1 and %2' is empty"  # an argument's own %1 is not filled again
    later = Message(
        "DateErrors",
        QT_TRANSLATE_NOOP("DateErrors", "day %1 does not exist in %2"),
        31,
        Later(format_date, -43, 2),
    )
    assert str(later) == "day 31 does not exist in February 44 BCE"
    _chinese()
    assert str(later) == "公元前44年2月没有 31 日"
    assert Message.from_data(m.to_data()) == m


def test_the_catalog_reads_every_entry_the_ts_file_has() -> None:
    entries = catalog.read_ts(catalog.ts_file("zh_CN"))
    assert entries[("Problems", "event", "")] == ["事件"]
    assert catalog.load("en") is None and catalog.load("fr") is None
    assert catalog.system_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert catalog.system_language({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert catalog.system_language({"LANGUAGE": "fr:zh_CN", "LANG": "en_US"}) == "zh_CN"


FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in FOREIGN.glob("*/broken/*") if p.name != "EXPECTED.txt"),
    ids=lambda p: f"{p.parent.parent.name}/{p.name}",
)
def test_the_readers_of_other_formats_speak_chinese_at_the_same_places(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)
    with pytest.raises(ChronologyError) as info:
        load_foreign(path.name)
    english = info.value.lines()
    _chinese()
    chinese = info.value.lines()
    assert _positions(chinese) == _positions(english)
    said = [line.split(": ", 1)[1] for line in chinese]
    assert all(re.search("[\u4e00-\u9fff]", s) for s in said), chinese


def test_the_yaml_parsers_own_words_are_said_too() -> None:
    write("c.yaml", 'events:\n  - title: "unclosed\n')
    with pytest.raises(ChronologyError) as info:
        load_chronology("c.yaml")
    assert info.value.lines() == [
        "c.yaml:3:1: YAML syntax: found unexpected end of stream (while scanning a quoted scalar)"
    ]
    _chinese()
    assert info.value.lines() == ["c.yaml:3:1: YAML 语法：文件意外结束（扫描带引号的标量时）"]


def test_problems_pickle_with_their_templates() -> None:
    import pickle

    exc = _broken()
    again = pickle.loads(pickle.dumps(ChronologyError(exc.problems, more=2)))
    assert again.problems == exc.problems and again.more == 2
    _chinese()
    assert again.lines()[:-1] == exc.lines() and again.lines()[-1] == "……另有2个问题"
