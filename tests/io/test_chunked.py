"""The fast path reads a large file in pieces (``fast_path.CHUNK_CHARS``): the pieces must give exactly
what one piece gives, and what the exact path gives, item positions included; and where a cut could
change the meaning, the file must take the exact path."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.io import ChronologyError, LoadCancelled, fast_path, load_chronology, loader
from timeline_app.io.fast_path import fast_path_available, fast_read
from timeline_app.model import Chronology

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchmarks.generate import build, to_yaml

pytestmark = pytest.mark.skipif(not fast_path_available(), reason="rapidyaml is not installed")

WHOLE = 10**12  # a chunk size no text reaches: one piece


def read(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch, json_file: bool = False) -> Any:
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", chunk)
    return fast_read(text, json_file=json_file)


def pieces_of(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", chunk)
    cut = fast_path._pieces(text.encode("utf-8"))
    return 0 if cut is None else len(cut[0])


def fast_and_exact(path: Path) -> tuple[Chronology | None, Chronology | ChronologyError]:
    docs, problems = loader.load_documents([path])
    assert not problems
    fast = loader._fast(docs)
    docs, _ = loader.load_documents([path])
    try:
        exact: Chronology | ChronologyError = loader._exact(docs, [])
    except ChronologyError as exc:
        exact = exc
    return fast, exact


def assert_same(fast: Chronology, exact: Chronology, *, positions: bool) -> None:
    assert fast == exact
    pairs = [(fast.origin_of(e.id), exact.origin_of(e.id)) for e in exact.events]
    pairs += [(f.origin, e.origin) for f, e in zip(fast.indicators, exact.indicators, strict=True)]
    for f, e in pairs:
        assert f is not None and e is not None
        assert f == e or (not positions and f.line == 0 and f.file == e.file)


def mixed_yaml(n: int, seed: int = 1, *, crlf: bool = False, compact: bool = False) -> str:
    """A chronology written the ways people write them: events in flow style and block style,
    block scalars (with lines that look like items), multi-line quoted and plain strings, comments
    and blank lines between items; several long sections (sources, categories, events, indicators)."""
    data = build(n, seed=seed, lanes=40, series=6, points=60)
    ind = "" if compact else "  "
    out = ["# a chronology", "", f"chronology: {json.dumps(data['chronology'])}", "sources:"]
    for i in range(300):
        out.append(f"{ind}- id: s{i}\n{ind}  title: 'Source {i}, with ''quotes'''")
        if i % 7 == 0:
            out.append(f"{ind}  note: >\n{ind}    folded text\n{ind}    - not an item\n")
    out.append("categories:  # lanes")
    out += [f"{ind}- {json.dumps(c)}" for c in data["categories"]]
    out.append("events:")
    for k, e in enumerate(data["events"]):
        style = k % 6
        if k % 11 == 0:
            out.append(f"{ind}# a comment between items\n\n# and one at column 0")
        if style in (0, 1):
            out.append(f"{ind}- {json.dumps(e, ensure_ascii=False)}")
            continue
        lines = [f"id: {e['id']}", f"title: {json.dumps(e['title'])}", f"start: '{e['start']}'"]
        lines.append(f"category: {e['category']}")
        if "end" in e:
            lines.append(f"end: {e['end']}")
        if "places" in e:
            lines.append("places:\n" + "\n".join(f"  - {json.dumps(p)}" for p in e["places"]))
        desc = e.get("description", "plain words")
        if style == 2:
            lines.append(f"description: |\n  {desc}\n\n  - not an item\n  events:\n    - nor this")
        elif style == 3:
            lines.append(f'description: "{desc[:20]}\n  {desc[20:]} \\"quoted\\""')
        elif style == 4:
            lines.append(f"description: {desc}\n  continued on a second line")
        else:
            lines.append(f"sources: [{{id: s{k % 300}, at: 'p. {k}'}}]")
        body = "\n".join(lines).replace("\n", f"\n{ind}  ")
        out.append(f"{ind}- {body}")
    out.append("indicators:")
    for i in data["indicators"]:
        head = {k: v for k, v in i.items() if k != "points"}
        out.append(f"{ind}- {json.dumps(head)[:-1]}, " + '"points": [')
        out += [f"{ind}    {json.dumps(p)}," for p in i["points"]]
        out.append(f"{ind}  ]}}")
    text = "\n".join(out) + "\n"
    return text.replace("\n", "\r\n") if crlf else text


@pytest.mark.parametrize(
    ("crlf", "compact", "chunk"),
    [(False, False, 4096), (True, False, 4096), (False, True, 4096), (False, False, 1), (True, True, 1)],
)
def test_pieces_agree_with_one_piece_and_the_exact_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crlf: bool, compact: bool, chunk: int
) -> None:
    text = mixed_yaml(600, crlf=crlf, compact=compact)
    assert pieces_of(text, chunk, monkeypatch) > 20
    whole = read(text, WHOLE, monkeypatch)
    pieces = read(text, chunk, monkeypatch)
    assert whole is not None and pieces is not None
    assert pieces == whole
    assert pieces[1]["events"] is not None and len(pieces[1]["events"]) == 600
    assert pieces[1]["indicators"] is not None
    p = tmp_path / "m.yaml"
    p.write_bytes(text.encode("utf-8"))
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", chunk)
    fast, exact = fast_and_exact(p)
    assert fast is not None and isinstance(exact, Chronology)
    assert_same(fast, exact, positions=True)


def test_a_large_generated_file_at_the_real_chunk_size(tmp_path: Path) -> None:
    text = to_yaml(build(6000, seed=5))
    assert len(text) > 2 * fast_path.CHUNK_CHARS
    p = tmp_path / "g.yaml"
    p.write_text(text, encoding="utf-8")
    cut = fast_path._pieces(text.encode("utf-8"))
    assert cut is not None and len(cut[0]) >= 3
    fast, exact = fast_and_exact(p)
    assert fast is not None and isinstance(exact, Chronology)
    assert_same(fast, exact, positions=True)


def test_an_item_on_the_line_after_its_dash_leaves_positions_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "categories:\n  - {id: p, name: P, color: '#000000'}\nevents:\n"
    text += "".join(f"  - {{id: e{i}, title: T, start: 2014, category: p}}\n" for i in range(50))
    text += "  -\n    id: last\n    title: T\n    start: 2014\n    category: p\n"
    whole, pieces = read(text, WHOLE, monkeypatch), read(text, 64, monkeypatch)
    assert whole is not None and pieces == whole
    assert pieces[1] == {"events": None}


@pytest.mark.parametrize(
    "item",
    [
        '  - {id: x, title: "a quoted string\n  - that looks like an item", start: 2014, category: p}\n',
        "  - {id: x, title: a plain one in flow\n  - that looks like an item, start: 2014, category: p}\n",
        "  - [a flow sequence,\n  - b]\n",
    ],
)
def test_a_wrong_cut_takes_the_exact_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, item: str) -> None:
    text = "categories:\n  - {id: p, name: P, color: '#000000'}\nevents:\n"
    text += "".join(f"  - {{id: e{i}, title: T, start: 2014, category: p}}\n" for i in range(20))
    text += item + "  - {id: y, title: Y, start: 2015, category: p}\n"
    assert read(text, 1, monkeypatch) is None  # cut at every "  - ": one piece cannot be read
    p = tmp_path / "w.yaml"
    p.write_text(text, encoding="utf-8")
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", 1)
    fast, exact = fast_and_exact(p)
    assert fast is None
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", WHOLE)
    whole_fast, _ = fast_and_exact(p)
    if isinstance(exact, Chronology) and whole_fast is not None:
        assert whole_fast == exact


def test_a_key_written_twice_in_two_pieces_takes_the_exact_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = "".join(f"  - {{id: e{i}, title: T, start: 2014, category: p}}\n" for i in range(30))
    text = "categories:\n  - {id: p, name: P, color: '#000000'}\nevents:\n" + events
    text += "categories:\n  - {id: q, name: Q, color: '#000000'}\n"
    assert read(text, 200, monkeypatch) is None
    p = tmp_path / "d.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ChronologyError) as info:
        load_chronology(p)
    assert "duplicate" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        'events:\n  - {id: a}\n"quoted": 1\n',  # a top-level key that is not a plain word
        "events: [\n  {id: a},\n  {id: b}\n]\n",  # a flow sequence closed at column 0
        "- a\n- b\n",  # not a mapping
        "events:\n  - {id: a}\n---\nevents: []\n",
    ],
)
def test_texts_that_cannot_be_cut_read_as_one_piece(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert read(text, 1, monkeypatch) == read(text, WHOLE, monkeypatch)


def test_cancelling_while_reading_the_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    text = mixed_yaml(200)
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", 2048)
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if len(seen) == 3:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        fast_read(text, json_file=False, progress=progress)
    data = json.dumps(build(200, seed=2), indent=1)
    seen.clear()
    with pytest.raises(LoadCancelled):
        fast_read(data, json_file=True, progress=progress)


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(build(300, seed=4), indent=1),
        json.dumps(build(300, seed=4), separators=(",", ":")),
        ' \n{"events": [], "categories" : [ {"id": "p"} , {"id": 1.50e3} ] , "x": {"a": [1, 2]}}\r\n',
        '{"events": [1, 2,]}',
        '{"events": [1, 2]} x',
        '{"events": [1, 2], }',
        '{"events": [NaN]}',
        '{"events": [{"a": 1, "a": 2}]}',
        '{"events": [1], "events": [2]}',
        '{"events": [1, 2',
        "{events: [1]}",
        "\ufeff{}",
        "{}",
        "[1, 2]",
        '{"a": "\\ud800", "b": [-0, 1E400, "\\u00e9"]}',
    ],
)
def test_json_in_pieces_is_json_loads(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert read(text, 1, monkeypatch, json_file=True) == read(text, WHOLE, monkeypatch, json_file=True)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["id", "title", "start", "category", "description", "places"]),
            st.one_of(
                st.text(max_size=30),
                st.lists(st.text(max_size=8), max_size=3),
                st.integers(),
                st.sampled_from(["- x", "a\n- b", "|", "events:", "\n  - y", "#", "x: y"]),
            ),
            max_size=5,
        ),
        max_size=8,
    ),
    st.sampled_from(["block", "flow", "block-indented"]),
)
def test_any_events_read_in_pieces_as_in_one(
    monkeypatch: pytest.MonkeyPatch, events: list[dict[str, object]], style: str
) -> None:
    doc = {"categories": [{"id": "p", "name": "P", "color": "#000000"}], "events": events, "eras": []}

    class Indented(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    dumper = Indented if style == "block-indented" else yaml.SafeDumper
    text = yaml.dump(
        doc, Dumper=dumper, allow_unicode=True, default_flow_style=(style == "flow"), sort_keys=False
    )
    pieces = read(text, 1, monkeypatch)
    if pieces is not None:
        assert pieces == read(text, WHOLE, monkeypatch), text
