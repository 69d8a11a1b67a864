"""Property-based tests: whatever the input, the loader returns a chronology or positioned problems,
never another exception, and in bounded time."""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.io import ChronologyError, load_chronology
from timeline_app.io.loader import build_chronology
from timeline_app.io.yaml_source import parse_text
from timeline_app.model import Chronology

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_text(text: str) -> Chronology | ChronologyError:
    doc = parse_text("f.yaml", text)
    try:
        return build_chronology([doc])
    except ChronologyError as exc:
        for p in exc.problems:
            assert p.file == "f.yaml" and p.line >= 1 and p.column >= 1 and p.message
        return exc


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("b") / "f.yaml"
    path.write_bytes(data)
    t0 = time.perf_counter()
    try:
        load_chronology(path)
    except ChronologyError as exc:
        assert exc.problems
    assert time.perf_counter() - t0 < 5


@SETTINGS
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    t0 = time.perf_counter()
    load_text(text)
    assert time.perf_counter() - t0 < 5


KEYS = st.sampled_from(
    ["events", "categories", "sources", "indicators", "eras", "chronology", "id", "title", "start", "end",
     "category", "places", "tags", "figures", "value", "unit", "label", "points", "date", "derived",
     "ongoing", "approximate", "related", "name", "color", "order", "at", "x"]
)  # fmt: skip
SCALARS = st.one_of(
    st.sampled_from(
        ["2014", "2014-02-26", "0", "44 BCE", "true", "no", "#4e79a7", "e1", "plan", "", "nan", "1e999"]
    ),
    st.text(max_size=20),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=6)),
    max_leaves=40,
)


@SETTINGS
@given(st.dictionaries(KEYS, TREES, max_size=6))
def test_any_yaml_shaped_structure(tree: dict[str, object]) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True)
    t0 = time.perf_counter()
    load_text(text)
    assert time.perf_counter() - t0 < 5


EVENT = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["a", "b", "c", "a b"]),
        "title": SCALARS,
        "start": SCALARS,
        "category": st.sampled_from(["plan", "nope"]),
    },
    optional={
        "end": SCALARS,
        "ongoing": SCALARS,
        "related": st.lists(st.sampled_from(["a", "b", "zz"])),
        "figures": TREES,
    },
)


@SETTINGS
@given(st.lists(EVENT, max_size=6))
def test_event_shaped_structures(events: list[dict[str, object]]) -> None:
    doc = {"categories": [{"id": "plan", "name": "P", "color": "#000000"}], "events": events}
    result = load_text(yaml.safe_dump(doc, allow_unicode=True))
    if isinstance(result, Chronology):
        assert len(result.events) == len(events)


@SETTINGS
@given(st.lists(EVENT, max_size=6))
def test_the_default_load_fast_path_included_never_raises_anything_else(
    tmp_path_factory: pytest.TempPathFactory, events: list[dict[str, object]]
) -> None:
    doc = {"categories": [{"id": "plan", "name": "P", "color": "#000000"}], "events": events}
    path = tmp_path_factory.mktemp("d") / "f.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    try:
        load_chronology(path)
    except ChronologyError as exc:
        assert exc.problems
