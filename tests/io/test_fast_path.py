"""The loader's fast path (rapidyaml / json) must give exactly what the exact path (libyaml) gives,
and must step aside whenever it could differ."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.io import ChronologyError, fast_events, load_chronology, loader
from timeline_app.io.fast_path import fast_path_available, fast_read
from timeline_app.model import Chronology
from timeline_app.paths import shipped_chronology

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import build, to_yaml

_read_batch = fast_events._read_batch
pytestmark = pytest.mark.skipif(not fast_path_available(), reason="rapidyaml is not installed")


def both(*paths: str | Path) -> tuple[Chronology | None, Chronology | ChronologyError]:
    docs, problems = loader.load_documents(paths)
    assert not problems
    fast = loader._fast(docs)
    docs, _ = loader.load_documents(paths)
    try:
        exact: Chronology | ChronologyError = loader._exact(docs, [])
    except ChronologyError as exc:
        exact = exc
    return fast, exact


def same(fast: Chronology, exact: Chronology, *, positions: bool = False) -> None:
    """Equal chronologies; the fast path's positions are those of the exact path, or unknown
    (line 0) where the layout was too unusual to find them in the text. With ``positions``,
    every one must be known."""
    assert fast == exact
    origins = [(fast.origin_of(ev.id), exact.origin_of(ev.id)) for ev in exact.events]
    origins += [(f.origin, e.origin) for f, e in zip(fast.indicators, exact.indicators, strict=True)]
    for f, e in origins:
        assert f is not None and e is not None
        assert f == e or (f.line == 0 and not positions and f.file == e.file)


def test_shipped_chronology_takes_the_fast_path_and_agrees() -> None:
    fast, exact = both(shipped_chronology())
    assert isinstance(exact, Chronology)
    assert fast is not None, "the shipped chronology should load on the fast path"
    same(fast, exact, positions=True)


@pytest.mark.parametrize("n", [1, 50, 400])
def test_generated_chronologies_agree(tmp_path: Path, n: int) -> None:
    p = tmp_path / "g.yaml"
    p.write_text(to_yaml(build(n, seed=n)), encoding="utf-8")
    fast, exact = both(p)
    assert fast is not None and isinstance(exact, Chronology)
    same(fast, exact, positions=True)


def test_json_chronology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = build(30, seed=3)
    Path("c.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    fast, exact = both("c.json")
    assert fast is not None and isinstance(exact, Chronology)
    assert fast == exact
    data["events"][2]["start"] = "2014-02-30"
    Path("c.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(ChronologyError) as info:
        load_chronology("c.json")
    [problem] = info.value.problems
    assert (problem.file, problem.message) == (
        "c.json",
        "start 2014-02-30: day 30 does not exist in February 2014",
    )
    assert problem.line > 1


@pytest.mark.parametrize(
    "text",
    [
        'categories: [{id: p, name: P, color: "#000000"}]\nevents:\n  - &a {id: x, title: X, start: 2014, category: p}\n',
        'categories: [{id: p, name: P, color: "#000000"}]\nevents:\n  - {id: x, title: !!str X, start: 2014, category: p}\n',
        'categories: [{id: p, name: P, color: "#000000"}]\nevents: []\nevents: []\n',
        'categories: [{id: p, name: P, color: "#000000", name: Q}]\n',
        'categories: [{id: p, name: P, color: "#000000"}]\n---\nevents: []\n',
        'categories: [{id: p, name: P, color: "#000000", order: "1"}]\n',
        'categories: [{id: p, name: P, color: "#000000", order: 1.0e1}]\n',
        "categories: [{id: p, name: 1.50, color: '#000000'}]\n",
        'categories: [{id: p, name: null, color: "#000000"}]\n',
        'categories: [{id: p, name: true, color: "#000000"}]\n',
        "categories:\n",
    ],
)
def test_fast_path_steps_aside_when_it_could_differ(tmp_path: Path, text: str) -> None:
    p = tmp_path / "c.yaml"
    p.write_text(text, encoding="utf-8")
    fast, exact = both(p)
    if fast is not None:  # where it does answer, it must agree exactly
        assert isinstance(exact, Chronology)
        same(fast, exact)


@pytest.mark.parametrize(
    ("twice", "once"),
    [
        ("a: x\na: y\n", "a: x\nb: y\n"),
        ("events:\n  - {id: x, title: X, title: Y}\n", "events:\n  - {id: x, title: X, more: Y}\n"),
        (
            "events:\n  - {id: x, figures: [{label: a, label: b}]}\n",
            "events:\n  - {id: x, figures: [{label: a, unit: b}]}\n",
        ),
        (
            "events:\n  - id: x\n    places: [a, b]\n    tags: {t: a, t: b}\n",
            "events:\n  - id: x\n    places: [a, b]\n    tags: {t: a, u: b}\n",
        ),
    ],
)
def test_fast_read_refuses_a_duplicate_key_at_any_depth(twice: str, once: str) -> None:
    """Mappings are decoded as plain dicts, so a duplicate key is found by counting: the values
    decoded must be as many as the nodes rapidyaml read."""
    assert fast_read(twice.encode(), json_file=False) is None
    got = fast_read(once.encode(), json_file=False)
    assert got is not None and got[0] == yaml.safe_load(once)


@pytest.mark.parametrize("items", [3, 3000])
def test_fast_read_takes_json_longer_than_its_yaml(items: int) -> None:
    """The JSON is emitted into a buffer a quarter longer than the YAML (see ``_parse_yaml``); one
    that needs more (short flow-style items: 1.4 times) is emitted again, whole."""
    text = "events:\n" + "".join(f"- [a, b, c, d, x{k}]\n" for k in range(items))
    got = fast_read(text.encode(), json_file=False)
    assert got is not None and got[0] == yaml.safe_load(text)
    import ryml

    tree = ryml.parse_in_arena(text.encode())
    first_buffer = len(text) + len(text) // 4 + 4096
    assert (ryml.compute_json_length(tree, tree.root_id()) > first_buffer) == (items > 1000)


SCALARS = st.one_of(
    st.sampled_from(
        ["2014", "2014-02-26", "2014-02", "44 BCE", "No", "yes", "true", "1.50", "007", "-0", "~", "", " x "]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12),
    st.integers(-5, 3000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
EVENTS = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["a", "b", "c"]),
            "title": SCALARS,
            "start": SCALARS,
            "category": st.just("p"),
        },
        optional={
            "end": SCALARS,
            "places": st.one_of(SCALARS, st.lists(SCALARS, max_size=3)),
            "description": SCALARS,
            "approximate": SCALARS,
            "ongoing": SCALARS,
            "importance": st.one_of(st.sampled_from(["headline", "major", "minor", "Major"]), SCALARS),
            "tags": st.one_of(SCALARS, st.lists(SCALARS, max_size=2)),
            "figures": st.lists(
                st.fixed_dictionaries({"label": SCALARS, "value": SCALARS, "unit": SCALARS}), max_size=2
            ),
        },
    ),
    max_size=4,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(EVENTS, st.sampled_from(["block", "flow"]), st.booleans())
def test_fast_and_exact_agree_on_anything(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    events: list[dict[str, object]],
    style: str,
    by_batch: bool,
) -> None:
    # the fast path reads events a batch at a time, or one by one when a batch is of another shape:
    # both ways must agree with the exact path
    monkeypatch.setattr(fast_events, "_read_batch", _read_batch if by_batch else lambda *a: False)
    doc = {"categories": [{"id": "p", "name": "P", "color": "#000000"}], "events": events}
    text = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=(style == "flow"), sort_keys=False)
    p = tmp_path / "h.yaml"
    p.write_text(text, encoding="utf-8")
    fast, exact = both(p)
    if fast is not None:
        assert isinstance(exact, Chronology), text
        same(fast, exact)


def test_events_of_the_common_shape_are_read_a_batch_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A generated chronology (every event of the common shape) never goes one event at a time,
    and gives what the exact path gives, positions included."""
    p = tmp_path / "g.yaml"
    p.write_text(to_yaml(build(3000, seed=7)), encoding="utf-8")
    batches: list[int] = []

    def counted(w, batch, *args):  # type: ignore[no-untyped-def]
        done = _read_batch(w, batch, *args)
        batches.append(len(batch) if done else -len(batch))
        return done

    monkeypatch.setattr(fast_events, "_read_batch", counted)
    fast, exact = both(p)
    assert isinstance(exact, Chronology) and fast is not None
    same(fast, exact, positions=True)
    assert batches and all(b > 0 for b in batches) and sum(batches) == 3000
