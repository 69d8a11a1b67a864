"""The chronology shipped in ``events/``: schema line, JSON Schema validity, and the key facts.

No Qt here. The schema check reads the files the way a YAML 1.2 editor (yaml-language-server)
does — plain ``2014`` is an integer, plain ``2014-02-26`` stays a string, ``4376.07`` is a number,
only ``true``/``false`` are booleans — because that is what the schema is written for. The loader
checks (``timeline_app.io.load_chronology``) run once the loader exists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "events"
SCHEMA = ROOT / "resources" / "chronology.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=../resources/chronology.schema.json"
ARTICLE = "peoples-daily-2024-02-26"

FILES = sorted(p for p in EVENTS.rglob("*") if p.suffix in (".yaml", ".yml"))


# -- a YAML 1.2 (core schema) reading, as editors see the files -------------------------------------
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_STD = "tag:yaml.org,2002:"


class YamlProblem(Exception):
    pass


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style is not None:  # quoted or block scalar: always text
        return node.value
    v = node.value
    if _NULL.match(v):
        return None
    if _BOOL.match(v):
        return v.lower() == "true"
    if _INT.match(v):
        return int(v, 0) if v.startswith(("0o", "0x")) else int(v)
    if _FLOAT.match(v) or _SPECIAL_FLOAT.match(v):
        return float(v.lower().replace(".", "") if _SPECIAL_FLOAT.match(v) else v)
    return v


def _construct(node: yaml.Node, where: str) -> Any:
    if not node.tag.startswith(_STD):
        raise YamlProblem(f"{where}:{node.start_mark.line + 1}: tag {node.tag} is not allowed")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_construct(n, where) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for k, v in node.value:
            key = _construct(k, where)
            if key in out:
                raise YamlProblem(f"{where}:{k.start_mark.line + 1}: key {key!r} written twice")
            out[key] = _construct(v, where)
        return out
    raise YamlProblem(f"{where}: unexpected node {node!r}")


def read_as_editor(path: Path) -> Any:
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return None if node is None else _construct(node, path.name)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Any]:
    return {p.relative_to(EVENTS).as_posix(): read_as_editor(p) for p in FILES}


# -- files and schema -------------------------------------------------------------------------------
def test_there_are_shipped_files() -> None:
    names = {p.name for p in FILES}
    assert any(name.startswith("indicators") for name in names)
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_first_line_points_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE
    assert (path.parent / "../resources/chronology.schema.json").resolve() == SCHEMA.resolve()


def test_schema_is_a_valid_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _walk_properties(node: Any, path: str = "#"):
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict):
            for name, sub in props.items():
                yield f"{path}/properties/{name}", sub
        for key, sub in node.items():
            if key not in ("properties", "if"):  # `if` holds a condition, not properties to edit
                yield from _walk_properties(sub, f"{path}/{key}")
        if isinstance(props, dict):
            for name, sub in props.items():
                yield from _walk_properties(sub, f"{path}/properties/{name}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _walk_properties(sub, f"{path}/{i}")


def test_every_schema_property_has_help(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]
    missing = []
    for where, sub in _walk_properties(schema):
        target = sub
        if "$ref" in sub and ("title" not in sub or "description" not in sub):
            target = defs[sub["$ref"].rsplit("/", 1)[1]]
        if not (target.get("title") or sub.get("title")) or not (
            target.get("description") or sub.get("description")
        ):
            missing.append(where)
    assert not missing, missing


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_validates_against_schema(path: Path, schema: dict[str, Any]) -> None:
    data = read_as_editor(path)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.mark.parametrize(
    ("snippet", "ok"),
    [
        ("events: [{id: a, title: t, start: 2014, category: c}]", True),
        ("events: [{id: a, title: t, start: 2014-02-26, category: c}]", True),
        ("events: [{id: a, title: t, start: 44-03-15 BCE, category: c}]", True),
        ("events: [{id: a, title: t, start: 2014-13, category: c}]", False),
        ("events: [{id: a, title: t, start: -44, category: c}]", False),
        ("events: [{id: a, title: t, start: 0, category: c}]", False),
        ("events: [{id: a, title: t, start: 2014, category: c, colour: x}]", False),
        ("events: [{id: a, title: t, start: 2014, category: c, end: 2015, ongoing: true}]", False),
        ("events: [{id: -a, title: t, start: 2014, category: c}]", False),
        ("categories: [{id: a, name: A, color: '#4e79a7', order: 1}]", True),
        ("categories: [{id: a, name: A, color: blue, order: 1}]", False),
        ("indicators: [{id: i, name: n, unit: u, points: [{date: 2014, value: '3'}]}]", False),
        ("indicators: [{id: i, name: n, unit: u, points: [{date: 2014, value: 1.5e3}]}]", True),
        ("sources: [{id: s, title: T, date: 2024-02-26, page: '01'}]", True),
        ("events: [{id: a, title: t, start: 2014, category: c, sources: [s, {id: s, at: p1}]}]", True),
        ("events: [{id: a, title: t, start: 2014, category: c, sources: [{id: s, where: p1}]}]", False),
        ("unknown: 1", False),
        ("events: [{id: a, title: t, start: 2014, category: c, places: Beijing, sources: s}]", True),
        ("events:", True),
        ("categories: [{id: a, name: A, color: '#4e79a7'}]", True),
        ("sources: [{id: s, title: T, url: 'ftp://example.org/x'}]", False),
        ("events: [{id: a, title: 2015, start: 2014, category: c, description: }]", True),
    ],
)
def test_schema_accepts_and_rejects(snippet: str, ok: bool, schema: dict[str, Any]) -> None:
    node = yaml.compose(snippet, Loader=yaml.SafeLoader)
    data = _construct(node, "snippet")
    assert jsonschema.Draft202012Validator(schema).is_valid(data) is ok


_CATS = "categories: [{id: c, name: C, color: '#4e79a7', order: 1}]\n"
_SRC = "sources: [{id: s, title: S}]\n"


@pytest.mark.parametrize(
    "body",
    [
        _SRC + "events: [{id: a, title: No, start: 2014, category: c, sources: [s]}]",
        "events: [{id: a, title: 1968, start: 2014-02-26, category: c, places: Beijing}]",
        "events: [{id: a, title: t, start: 2014-02-30, category: c}]",
        "events: [{id: a, title: t, start: 2014, end: 2015, ongoing: true, category: c}]",
        "events: [{id: a, title: t, start: 2014, category: c, approximate: yes}]",
        "events: [{id: a, title: t, start: 44 BCE, category: c}]",
        "events: [{id: a, title: t, start: -44, category: c}]",
        "events: [{id: a, title: t, start: 2014, category: c, figures: [{label: l, value: '3', unit: u}]}]",
        "events: [{id: a, title: t, start: 2014, category: c, figures: [{label: l, value: 1.5e3, unit: u}]}]",
        "events: [{id: a, title: t, start: 2014, category: c, figures: [{label: l, value: .inf, unit: u}]}]",
        "events: [{id: a, title: t, start: 2014, category: c, figures: [{label: l, value: .nan, unit: u}]}]",
        _SRC + "events: [{id: a, title: t, start: 2014, category: c, sources: [{id: s, page: 3}]}]",
        "indicators: [{id: i, name: n, unit: u, points: [{date: 2014, value: 3, derived: x}]}]",
        "indicators: [{id: i, name: n, unit: u}]",
        "sources: [{id: t, title: T, url: 'mailto:x@example.org'}]",
        "sources: [{id: t, title: T, url: 'https://example.org/x', date: 2024-02}]",
    ],
    ids=lambda b: b.replace(_SRC, "")[:70],
)
def test_schema_agrees_with_the_loader(body: str, schema: dict[str, Any], tmp_path: Path) -> None:
    """Where a mistake is about one file's shape, the editor and the loader give the same verdict."""
    io = pytest.importorskip("timeline_app.io")
    if not hasattr(io, "load_chronology"):
        pytest.skip("timeline_app.io.load_chronology does not exist yet")
    text = _CATS + body + "\n"
    f = tmp_path / "c.yaml"
    f.write_text(text, encoding="utf-8")
    try:
        io.load_chronology(f)
        loader_ok = True
    except io.ChronologyError:
        loader_ok = False
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    schema_ok = jsonschema.Draft202012Validator(schema).is_valid(_construct(node, "c.yaml"))
    if "2014-02-30" in body or ".nan" in body:
        # a day that does not exist, or NaN (which compares false with any bound), is beyond what
        # a JSON Schema can say: only the loader can tell
        assert (schema_ok, loader_ok) == (True, False)
        return
    assert schema_ok == loader_ok


# -- content, read without the app's loader -------------------------------------------------------------
def _all(docs: dict[str, Any], key: str) -> list[dict[str, Any]]:
    return [item for doc in docs.values() if doc for item in doc.get(key, [])]


def test_ids_unique_and_references_resolve(docs: dict[str, Any]) -> None:
    events = _all(docs, "events")
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    cats = {c["id"] for c in _all(docs, "categories")}
    sources = {s["id"] for s in _all(docs, "sources")}
    inds = {i["id"] for i in _all(docs, "indicators")}
    assert len(inds) == len(_all(docs, "indicators"))

    def ref_id(ref: Any) -> str:
        return ref["id"] if isinstance(ref, dict) else ref

    for e in events:
        assert e["category"] in cats, e["id"]
        assert set(e.get("related", [])) <= set(ids), e["id"]
        assert set(e.get("indicators", [])) <= inds, e["id"]
        for ref in e.get("sources", []):
            assert ref_id(ref) in sources, e["id"]
        for f in e.get("figures", []):
            if "source" in f:
                assert ref_id(f["source"]) in sources, e["id"]
    for ind in _all(docs, "indicators"):
        for p in ind["points"]:
            ref = p.get("source", ind.get("source"))
            assert ref is not None and ref_id(ref) in sources, ind["id"]


def test_titles_are_short_and_descriptions_present(docs: dict[str, Any]) -> None:
    for e in _all(docs, "events"):
        title = e["title"]
        # a Chinese character is as wide as two Latin letters: 30 of them take the room of 60
        assert len(str(title["en"])) <= 60 and len(str(title["zh"])) <= 30, e["id"]
        assert e["description"]["en"] and e["description"]["zh"], e["id"]


def test_every_text_is_in_both_languages(docs: dict[str, Any]) -> None:
    """The shipped chronology is bilingual throughout: titles, descriptions, places and figure
    labels of every event, the lanes, eras and indicators (the loader would warn otherwise)."""

    def both(v: Any) -> bool:
        return isinstance(v, dict) and set(v) == {"en", "zh"} and all(str(t).strip() for t in v.values())

    for e in _all(docs, "events"):
        assert both(e["title"]) and both(e["description"]), e["id"]
        assert all(both(p) for p in e.get("places", [])), e["id"]
        assert all(both(f["label"]) for f in e.get("figures", [])), e["id"]
    for c in _all(docs, "categories"):
        assert both(c["name"]) and both(c["description"]), c["id"]
    for era in _all(docs, "eras"):
        assert both(era["title"]) and both(era["description"]), era["id"]
    for i in _all(docs, "indicators"):
        assert both(i["name"]) and both(i["description"]) and both(i["region"]), i["id"]


def test_no_acres(docs: dict[str, Any]) -> None:
    units = [f["unit"] for e in _all(docs, "events") for f in e.get("figures", [])]
    units += [i["unit"] for i in _all(docs, "indicators")]
    assert not [u for u in units if "acre" in str(u).lower()]  # a {en, zh} unit: both in its text


# -- through the app's loader ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chron():
    io = pytest.importorskip("timeline_app.io")
    if not hasattr(io, "load_chronology"):
        pytest.skip("timeline_app.io.load_chronology does not exist yet")
    try:
        return io.load_chronology(EVENTS)
    except io.ChronologyError as exc:  # pragma: no cover - shows every problem at once
        pytest.fail("\n".join(map(str, exc.problems)))


def _event(chron, event_id: str):
    ev = chron.event(event_id)
    assert ev is not None, f"missing event {event_id}"
    return ev


def test_loads_with_all_parts(chron) -> None:
    counts = chron.counts()
    assert counts["events"] >= 60
    assert counts["indicators"] >= 12
    assert counts["categories"] >= 8
    assert chron.source(ARTICLE) is not None
    assert chron.source(ARTICLE).page == "01"
    assert [e.id for e in chron.eras] == ["first-decade"]


def test_first_symposium(chron) -> None:
    ev = _event(chron, "symposium-2014")
    assert ev.start.iso() == "2014-02-26"
    assert ev.precision == "day"
    assert not ev.approximate
    assert ev.category == "planning"


@pytest.mark.parametrize(
    ("event_id", "date"),
    [("symposium-2019", "2019-01-18"), ("symposium-2023", "2023-05-12"), ("plan-outline-2015", "2015-04-30")],
)
def test_other_key_dates(chron, event_id: str, date: str) -> None:
    assert _event(chron, event_id).start.iso() == date


def test_xiongan_founded(chron) -> None:
    ev = _event(chron, "xiongan-founded")
    assert ev.start.iso() == "2017-04-01"
    assert ev.precision == "day"


def test_winter_olympics_span(chron) -> None:
    ev = _event(chron, "winter-olympics-2022")
    assert ev.start.iso() == "2022-02-04"
    assert ev.end is not None and ev.end.iso() == "2022-02-20"
    assert ev.is_span


def test_second_batch_of_municipal_agencies(chron) -> None:
    ev = _event(chron, "subcentre-second-batch-2024")
    assert ev.start.iso() == "2024-01"
    assert ev.precision == "month"
    by_unit = {f.unit: f for f in ev.figures}
    assert by_unit["departments"].value == 35
    assert by_unit["people"].value == 10000
    assert by_unit["people"].qualifier == "more than"


def test_month_and_year_precision_kept(chron) -> None:
    assert _event(chron, "beijing-master-plan-2017").precision == "month"
    assert _event(chron, "roaming-charges-abolished-2015").precision == "year"
    assert _event(chron, "vehicle-emission-rules-in-force").start.iso() == "2020-05-01"


def test_pm25_reported_where_reported_derived_only_where_not(chron) -> None:
    """Beijing's 2014 mean is reported (85.9), so it is not derived any more; Tianjin's and Hebei's
    2014 points stay computed from the article's percentages, marked with their formula."""
    for region in ("beijing", "tianjin", "hebei"):
        ind = chron.indicator(f"pm25-{region}")
        assert ind is not None and ind.unit == "µg/m³"
        by_year = {p.date.iso(): p for p in ind.points}
        assert by_year["2014"].is_derived == (region != "beijing")
        assert not by_year["2023"].is_derived
        assert by_year["2014"].value > by_year["2023"].value
    beijing = {p.date.iso(): p.value for p in chron.indicator("pm25-beijing").points}
    assert beijing["2014"] == 85.9 and beijing["2023"] == 32
    assert len(beijing) >= 10


def test_good_air_days_count_every_pollutant(chron) -> None:
    """The audit found '90% good-air days' counted PM2.5 alone; the series counts all pollutants."""
    ind = chron.indicator("good-air-days-beijing")
    assert ind.unit == "days"
    assert {p.date.iso(): p.value for p in ind.points}["2023"] == 271


def test_gdp_2023(chron) -> None:
    """The article's 2023 outputs, cited to it; the regional total is their sum, marked derived."""
    expected = {"beijing": 4376.07, "tianjin": 1673.73, "hebei": 4394.41}
    for region, value in expected.items():
        ind = chron.indicator(f"gdp-{region}")
        assert ind.unit == "billion yuan"
        [p] = [p for p in ind.points if p.date.iso() == "2023"]
        assert p.value == value
        assert p.source is not None and p.source.source == "peoples-daily-2024-02-26"
    [total] = [p for p in chron.indicator("gdp-region").points if p.date.iso() == "2023"]
    assert total.is_derived
    assert total.value == pytest.approx(sum(expected.values()))


def test_every_indicator_point_cites_its_source(chron) -> None:
    """Each point names where its figure comes from, and every public-record source has a URL."""
    for ind in chron.indicators:
        for p in ind.points:
            assert p.source is not None and chron.source(p.source.source) is not None, (ind.id, p.date)
            assert p.source.locator, (ind.id, p.date.iso())
    for src in chron.sources:
        if src.id != "peoples-daily-2024-02-26":
            assert src.url.startswith(("http://", "https://")), src.id


def test_at_least_six_series_are_worth_a_plot(chron) -> None:
    full = [i.id for i in chron.indicators if len(i.points) >= 5]
    assert len(full) >= 6, full
    assert chron.default_plot_keys(), "the default plots are lines, not dots"
    for key in chron.default_plot_keys()[:2]:
        assert any(len(i.points) >= 3 for _, inds in chron.plot_groups() if _ == key for i in inds)


def test_no_unit_says_acre(chron) -> None:
    units = [f.unit for e in chron.events for f in e.figures] + [i.unit for i in chron.indicators]
    assert not [u for u in units if "acre" in u.lower()]
    afforest = _event(chron, "afforestation-bashang")
    assert {f.unit for f in afforest.figures} == {"mu"}


def test_every_event_has_a_source(chron) -> None:
    assert not [e.id for e in chron.events if not e.sources]
    known = {s.id for s in chron.sources}
    assert all(ref.source in known for e in chron.events for ref in e.sources)


def test_every_indicator_point_cites_where(chron) -> None:
    for ind in chron.indicators:
        for p in ind.points:
            assert p.source is not None and p.source.locator, (ind.id, p.date.iso())


def test_loads_without_warnings_and_reads_in_chinese(chron) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.model.localize import localize

    assert chron.warnings == ()
    zh = localize(chron, "zh")
    assert zh.title == "京津冀协同发展十年（2014—2024）"
    assert zh.event("xiongan-founded").title == "设立雄安新区"
    assert not [k for k in zh.fallbacks if k[0] in ("event", "category", "era", "indicator")]
    # the figures are the same numbers in both languages: only their words are translated
    en = localize(chron, "en")
    assert [f.value for e in zh.events for f in e.figures] == [f.value for e in en.events for f in e.figures]
