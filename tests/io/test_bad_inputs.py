"""Hostile and broken input: every file in tests/data/bad gives exactly the problems listed for it in
tests/data/bad/EXPECTED.txt (message and position), and the generated cases below do the same.
Nothing is executed, nothing crashes, and nothing is written."""

from __future__ import annotations

import os
import time
from collections import defaultdict
from pathlib import Path

import pytest

from timeline_app.io import ChronologyError, limits, load_chronology
from timeline_app.io import loader as loader_module

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


def expected_by_file() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for line in (BAD / "EXPECTED.txt").read_text(encoding="utf-8").splitlines():
        out[line.split(":", 1)[0]].append(line)
    return out


EXPECTED = expected_by_file()


def problems_of(*paths: str | Path) -> list[str]:
    with pytest.raises(ChronologyError) as info:
        load_chronology(*paths)
    return info.value.lines()


def test_the_corpus_is_large_and_fully_described() -> None:
    files = sorted(p.name for p in BAD.glob("*.yaml"))
    assert len(files) >= 40
    assert sorted(EXPECTED) == files


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    assert problems_of(name) == EXPECTED[name]


def test_python_payload_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    payload = tmp_path / "payload.yaml"
    payload.write_text(
        f'events: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'sources: !!python/object/new:pathlib.Path ["{marker}"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert problems_of("payload.yaml") == [
        "payload.yaml:1:9: the tag !!python/object/apply:os.system is not allowed: write plain values (nothing is ever run)",
        "payload.yaml:2:10: the tag !!python/object/new:pathlib.Path is not allowed: write plain values (nothing is ever run)",
    ]
    assert not marker.exists()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_binary_garbage(here: Path) -> None:
    Path("g.yaml").write_bytes(bytes(range(256)) * 4)
    assert problems_of("g.yaml") == ["g.yaml:1:1: the file contains a NUL character: is it a binary file?"]


def test_non_utf8_text(here: Path) -> None:
    Path("latin1.yaml").write_bytes("events:\n  - title: Zürich\n".encode("latin-1"))
    assert problems_of("latin1.yaml") == [
        "latin1.yaml:2:13: not UTF-8 text (byte 0xfc): save the file as UTF-8"
    ]


def test_utf16_and_utf8_boms_are_read(here: Path) -> None:
    text = 'categories:\n  - {id: plan, name: "Plan ü", color: "#4e79a7"}\n'
    Path("a.yaml").write_bytes(text.encode("utf-16"))
    Path("b.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("plan", "p2").encode("utf-8"))
    c = load_chronology("a.yaml", "b.yaml")
    assert [k.name for k in c.categories] == ["Plan ü", "Plan ü"]


def test_broken_utf16(here: Path) -> None:
    Path("u.yaml").write_bytes(b"\xff\xfe" + b"a\x00\x00\xd8")
    assert problems_of("u.yaml") == ["u.yaml:1:1: the file starts like UTF-16 but is not valid UTF-16"]


def test_nul_byte_inside_text(here: Path) -> None:
    Path("n.yaml").write_bytes(b"events:\n  - id: a\x00b\n")
    assert problems_of("n.yaml") == ["n.yaml:2:10: the file contains a NUL character: is it a binary file?"]


def test_empty_and_whitespace_files(here: Path) -> None:
    Path("e.yaml").write_bytes(b"")
    Path("w.yaml").write_bytes(b"\n   \n# only a comment\n")
    msg = "the file is empty: expected 'events:', 'categories:', 'indicators:' ..."
    assert problems_of("e.yaml", "w.yaml") == [f"e.yaml:1:1: {msg}", f"w.yaml:1:1: {msg}"]


def test_folder_without_yaml(here: Path) -> None:
    Path("notes").mkdir()
    Path("notes/readme.txt").write_text("hello", encoding="utf-8")
    assert problems_of("notes") == ["notes:1:1: the folder holds no .yaml, .yml or .json files"]


def test_symlink_loop_inside_a_folder(here: Path) -> None:
    Path("c/sub").mkdir(parents=True)
    Path("c/a.yaml").write_text('categories:\n  - {id: p, name: P, color: "#000000"}\n', encoding="utf-8")
    os.symlink(here / "c", here / "c/sub/loop")
    os.symlink("self.yaml", here / "c/self.yaml")  # a file link pointing at itself
    found = problems_of("c")
    assert found == ["c/self.yaml:1:1: the file cannot be read: Too many levels of symbolic links"]


def test_unreadable_file(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("locked.yaml").write_text("events: []\n", encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)  # root reads anything, so simulate the refusal
    assert problems_of("locked.yaml") == ["locked.yaml:1:1: the file cannot be read: permission denied"]


def test_file_that_disappears_while_loading(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("c").mkdir()
    Path("c/a.yaml").write_text('categories:\n  - {id: p, name: P, color: "#000000"}\n', encoding="utf-8")
    Path("c/b.yaml").write_text("events: []\n", encoding="utf-8")
    listed = loader_module.chronology_files

    def list_then_delete(path: str | os.PathLike[str]) -> list[Path]:
        files = listed(path)
        Path("c/b.yaml").unlink()  # an editor replaced or removed it between listing and reading
        return files

    monkeypatch.setattr(loader_module, "chronology_files", list_then_delete)
    assert problems_of("c") == ["c/b.yaml:1:1: the file does not exist (was it moved or deleted?)"]


def test_huge_scalar(here: Path) -> None:
    big = "x" * (limits.MAX_SCALAR_CHARS + 1)
    Path("h.yaml").write_text(f"chronology:\n  title: {big}\n", encoding="utf-8")
    assert problems_of("h.yaml") == [
        f"h.yaml:2:10: 'title' is {limits.MAX_SCALAR_CHARS + 1:,} characters long; the limit is {limits.MAX_SCALAR_CHARS:,}"
    ]


def test_file_over_the_size_limit(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1024 * 1024)
    Path("big.yaml").write_bytes(b"# padding\n" * 110_000)
    assert problems_of("big.yaml") == ["big.yaml:1:1: the file is 1,100,000 bytes; the limit is 1 MB"]


def test_event_count_limit(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_EVENTS", 3)
    rows = "".join(f"  - {{id: e{i}, title: E, start: 2014, category: p}}\n" for i in range(5))
    Path("many.yaml").write_text(
        'categories:\n  - {id: p, name: P, color: "#000000"}\nevents:\n' + rows, encoding="utf-8"
    )
    assert problems_of("many.yaml") == ["many.yaml:7:5: more than 3 events: the limit of one chronology"]


def test_billion_laughs_is_bounded(here: Path) -> None:
    lines = ['categories: &c0 [{id: p, name: P, color: "#000000"}]']
    lines += ["events:", "  - &e {id: e, title: E, start: 2014, category: p}"]
    Path("lol.yaml").write_text(
        "\n".join(lines)
        + "\nindicators:\n  - id: i\n    name: I\n    unit: u\n    points: &p0 [{date: 2014, value: 1}]\n"
        + "".join(
            f"  - {{id: i{k}, name: I, unit: u, points: [{', '.join(['*p0'] * 9)}]}}\n" for k in range(3)
        ),
        encoding="utf-8",
    )
    t0 = time.perf_counter()
    found = problems_of("lol.yaml")
    assert time.perf_counter() - t0 < 2
    # an alias is reported where its anchor was written
    assert found[0] == "lol.yaml:8:13: expected a mapping for the point (key: value lines), found a list"


def test_alias_expansion_bound(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_NODES_PER_FILE", 500)
    lines = ['categories: [{id: p, name: P, color: "#000000"}]', "events:"]
    lines.append("  - &e {id: e0, title: E, start: 2014, category: p, places: &pl [a, b, c, d, e, f, g, h]}")
    lines += [
        f"  - {{id: e{i}, title: E, start: 2014, category: p, places: *pl, tags: *pl}}" for i in range(1, 40)
    ]
    Path("alias.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems_of("alias.yaml")
    assert len(found) == 1 and found[0].endswith("the file expands to more than 500 values (aliases?)")


@pytest.mark.parametrize("levels", [70, 500, 999, 3000])
def test_deep_nesting(here: Path, levels: int) -> None:
    Path("deep.yaml").write_text(
        "events:\n" + "".join(" " * i + "- \n" for i in range(1, levels)), encoding="utf-8"
    )
    nested = f"nested too deeply: more than {limits.MAX_DEPTH} levels of lists and mappings"
    found = problems_of("deep.yaml")
    assert len(found) <= 2 and any(m.startswith("deep.yaml:") and m.endswith(nested) for m in found)
    Path("flow.yaml").write_text("events: " + "[" * levels + "]" * levels + "\n", encoding="utf-8")
    found = problems_of("flow.yaml")
    assert len(found) <= 2 and any(m.startswith("flow.yaml:1:") and m.endswith(nested) for m in found)


def test_too_many_files(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILES", 3)
    Path("f").mkdir()
    for i in range(4):
        Path(f"f/{i}.yaml").write_text("events: []\n", encoding="utf-8")
    assert problems_of("f") == ["f:1:1: the folder holds 4 files; the limit is 3"]


def test_problem_count_is_capped(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PROBLEMS", 10)
    rows = "".join(f"  - {{id: e{i}, title: E, start: 2014-13, category: p}}\n" for i in range(30))
    Path("m.yaml").write_text(
        'categories: [{id: p, name: P, color: "#000000"}]\nevents:\n' + rows, encoding="utf-8"
    )
    found = problems_of("m.yaml")
    assert len(found) == 11 and found[-1] == "... and 20 more problems"


def test_loading_never_writes(here: Path) -> None:
    files = sorted(BAD.glob("*"))
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in files}
    for p in files:
        if p.suffix == ".yaml":
            with pytest.raises(ChronologyError):
                load_chronology(p)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in files} == before
    assert sorted(BAD.glob("*")) == files
