"""Every constraint docs/FORMAT.md states, broken once: each gives its positioned message (the
ones the bad corpus, test_bad_inputs.py and test_importance.py already break are not repeated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.io import ChronologyError, load_chronology

HEAD = """\
sources:
  - {id: src, title: A source}
categories:
  - {id: plan, name: Planning, color: "#4e79a7"}
indicators:
  - {id: ind, name: GDP, unit: yuan, points: [{date: 2014, value: 1}]}
"""
EVENT = "events:\n  - id: a\n    title: A\n    start: 2014\n    category: plan\n"

BROKEN = {
    # `chronology`: title required and not empty
    "chronology: {description: Only a description}\n": "1-case.yaml:1:13: the chronology is missing 'title'",
    "chronology: {title: ''}\n": "1-case.yaml:1:21: 'title' is empty",
    # source: id and title required; date a date
    "sources:\n  - {id: s2}\n": "1-case.yaml:2:5: the source is missing 'title'",
    "sources:\n  - {id: s2, title: T, date: soon}\n": "1-case.yaml:2:30: date 'soon' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014, 2014-02, 2014-02-26)",
    "sources:\n  - {id: src, title: Again}\n": "1-case.yaml:2:10: duplicate source id 'src' (first defined at 0-head.yaml:2:10)",
    # category: name and color required; order a whole number
    "categories:\n  - {id: c2, color: '#4e79a7'}\n": "1-case.yaml:2:5: the category is missing 'name'",
    "categories:\n  - {id: c2, name: C}\n": "1-case.yaml:2:5: the category is missing 'color'",
    "categories:\n  - {id: c2, name: C, color: '#4e79a7', order: 1.5}\n": "1-case.yaml:2:48: 'order' must be a whole number, not 1.5",
    "categories:\n  - {id: c2, name: C, color: '#4e79a7', order: first}\n": "1-case.yaml:2:48: 'order' must be a number, not 'first'",
    # era: id, title, start, end; end not before start; color #rrggbb; unique ids
    "eras:\n  - {id: e, title: E, start: 2014}\n": "1-case.yaml:2:5: the era is missing 'end'",
    "eras:\n  - {id: e, title: E, start: 2014, end: 2013}\n": "1-case.yaml:2:41: end 2013 is before start 2014",
    "eras:\n  - {id: e, title: E, start: 2014, end: 2015, color: red}\n": "1-case.yaml:2:54: the color must be written #rrggbb (e.g. #f2e8cf), not 'red'",
    "eras:\n  - {id: e, title: E, start: 2014, end: 2015}\n  - {id: e, title: F, start: 2016, end: 2017}\n": "1-case.yaml:3:10: duplicate era id 'e' (first defined at 1-case.yaml:2:10)",
    # event: only the description may be empty; ongoing a boolean; ids unique
    "events:\n  - {id: a, title: '', start: 2014, category: plan}\n": "1-case.yaml:2:20: 'title' is empty",
    "events:\n  - {id: a, title: A, start: 2014, category: plan, places: ['  ']}\n": "1-case.yaml:2:61: each of 'places' is empty",
    "events:\n  - {id: a, title: A, start: 2014, category: plan, ongoing: maybe}\n": "1-case.yaml:2:61: 'ongoing' must be true or false, not 'maybe'",
    "events:\n  - {id: a, title: A, start: 2014, category: plan}\n  - {id: a, title: B, start: 2015, category: plan}\n": "1-case.yaml:3:10: duplicate event id 'a' (first defined at 1-case.yaml:2:10)",
    # figure: label, value (a number), unit; its source must exist
    EVENT
    + "    figures: [{label: L, value: lots, unit: u}]\n": "1-case.yaml:6:33: 'value' must be a number, not 'lots'",
    EVENT + "    figures: [{value: 1, unit: u}]\n": "1-case.yaml:6:15: the figure is missing 'label'",
    EVENT
    + "    figures: [{label: L, value: 1, unit: u, source: nosuch}]\n": "1-case.yaml:6:53: unknown source 'nosuch'",
    # source reference: id required, at optional, nothing else
    EVENT
    + "    sources: [{id: src, page: 3}]\n": "1-case.yaml:6:25: unknown key 'page' in the source reference (expected one of: at, id)",
    EVENT + "    sources: [{at: somewhere}]\n": "1-case.yaml:6:15: the source reference is missing 'id'",
    # indicator: id, name, unit, points; unique ids
    "indicators:\n  - {id: i2, name: N, unit: u}\n": "1-case.yaml:2:5: the indicator is missing 'points'",
    "indicators:\n  - {id: i2, unit: u, points: []}\n": "1-case.yaml:2:5: the indicator is missing 'name'",
    "indicators:\n  - {id: ind, name: N, unit: u, points: []}\n": "1-case.yaml:2:10: duplicate indicator id 'ind' (first defined at 0-head.yaml:6:10)",
    # point: date and value; approximate a boolean; source must exist
    "indicators:\n  - {id: i2, name: N, unit: u, points: [{date: 2014}]}\n": "1-case.yaml:2:41: the point is missing 'value'",
    "indicators:\n  - {id: i2, name: N, unit: u, points: [{date: 2014-13, value: 1}]}\n": "1-case.yaml:2:48: date 2014-13: month 13 does not exist",
    "indicators:\n  - {id: i2, name: N, unit: u, points: [{date: 2014, value: 1, approximate: yes}]}\n": "1-case.yaml:2:77: 'approximate' must be true or false, not 'yes'",
    "indicators:\n  - {id: i2, name: N, unit: u, points: [{date: 2014, value: 1, source: nosuch}]}\n": "1-case.yaml:2:72: unknown source 'nosuch'",
}

ACCEPTED = [
    "sources:\n  - {id: s2, title: T, page: '01'}\n",  # a page is text
    "events:\n",  # a section may be empty
    EVENT + "    places: Beijing\n",  # one value for a list of one
    EVENT + "    description: ''\n",  # only the description may be empty
    "categories:\n  - {id: c2, name: C, color: '#4e79a7', order: 2.0}\n",  # a whole number
]


def _load(tmp_path: Path, text: str) -> object:
    (tmp_path / "0-head.yaml").write_text(HEAD, encoding="utf-8")
    (tmp_path / "1-case.yaml").write_text(text, encoding="utf-8")
    return load_chronology(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"), list(BROKEN.items()), ids=[m.split(": ", 1)[1][:40] for m in BROKEN.values()]
)
def test_each_broken_constraint_is_a_positioned_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ChronologyError) as info:
        _load(Path("."), text)
    assert expected in info.value.lines()


@pytest.mark.parametrize("text", ACCEPTED)
def test_what_the_format_allows_loads(tmp_path: Path, text: str) -> None:
    _load(tmp_path, text)
