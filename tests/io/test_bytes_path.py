"""The fast path reads a YAML file from its bytes and never decodes it whole (decoding 200 MB into
one str held the interpreter lock a tenth of a second): from the bytes it must give exactly what it
gives from the text, and what the exact path gives, item positions included, whatever characters the
file holds and wherever they are; bytes that are not UTF-8 text (or hold a NUL) must take the exact
path, which reports them with their position."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from timeline_app.io import ChronologyError, fast_path, load_chronology, loader, yaml_source
from timeline_app.io.fast_path import fast_path_available, fast_read
from timeline_app.model import Chronology

pytestmark = pytest.mark.skipif(not fast_path_available(), reason="rapidyaml is not installed")

WHOLE = 10**12  # a chunk size no text reaches: one piece


def intl_yaml(n: int, *, crlf: bool = False) -> str:
    """A chronology with non-ASCII text (accents, CJK, emoji) everywhere: in comments and values
    before the items, in the items' first and later lines, in block scalars and flow mappings."""
    out = [
        "# Chronologie — 年表 🗓️ (naïve, Zürich)",
        'chronology: {title: "Années 東京 🚄", description: "Ünïcödé — 中文 — ελληνικά"}',
        "categories:  # lanes — 分类",
        '  - {id: p, name: "Périphérie 北京", color: "#4e79a7"}',
        "  - id: q",
        "    name: Québec 🍁",
        '    color: "#f28e2b"',
        "events:",
    ]
    for i in range(n):
        if i % 7 == 0:
            out.append(f"  # 注释 {i} — café 🎉\n\n# à la colonne 0 ✓")
        style = i % 5
        if style == 0:
            out.append(f'  - {{id: e{i}, title: "事件 {i} 🎉", start: 2014-{1 + i % 12:02d}, category: p}}')
        elif style == 1:
            out.append(
                f"  - id: e{i}\n    title: Événement {i} — naïve\n    start: 2014-0{1 + i % 9}\n"
                "    category: q\n    description: |\n      第一行 😀\n      - not an item ü\n"
            )
        elif style == 2:
            out.append(
                f"  - {{id: e{i}, title: Ωμέγα {i}, start: 2015, category: p, places: [Zürich, 天津]}}"
            )
        elif style == 3:
            out.append(f'  - title: "🚀 rocket {i}"\n    id: e{i}\n    start: 1999-12-31\n    category: p')
        else:
            out.append(f"  - id: e{i}\n    title: 'ÿ ß Ł 𝄞 {i}'\n    start: 2001\n    category: q")
    out.append("indicators:")
    for s in range(2):
        out.append(f"  - id: s{s}\n    name: Indice ü {s} — 指数\n    unit: ‰\n    points:")
        out += [f"      - {{date: 2010-01-{1 + k:02d}, value: {k}.5}}" for k in range(20)]
    text = "\n".join(out) + "\n"
    return text.replace("\n", "\r\n") if crlf else text


def _never(*_: object) -> None:
    raise AssertionError("a UTF-8 file was decoded")


def fast_and_exact(path: Path, *, utf8: bool = True) -> tuple[Chronology | None, Chronology]:
    docs, problems = loader.load_documents([path])
    assert not problems
    assert (docs[0].raw_utf8() is not None) == utf8
    with pytest.MonkeyPatch.context() as m:
        if utf8:  # read from its bytes, never decoded
            m.setattr(yaml_source, "_decode", _never)
        fast = loader._fast(docs)
    assert fast is None or not docs[0].readable  # read for good: the bytes were let go
    docs, _ = loader.load_documents([path])
    return fast, loader._exact(docs, [])


def assert_same_with_positions(fast: Chronology, exact: Chronology) -> None:
    assert fast == exact
    for e in exact.events:
        origin = fast.origin_of(e.id)
        assert origin is not None and origin.line > 0 and origin == exact.origin_of(e.id), e.id
    assert [i.origin for i in fast.indicators] == [i.origin for i in exact.indicators]


@pytest.mark.parametrize("chunk", [WHOLE, 600, 1])
@pytest.mark.parametrize(("crlf", "bom"), [(False, False), (True, False), (False, True), (True, True)])
def test_bytes_read_as_the_text_and_as_the_exact_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, crlf: bool, bom: bool
) -> None:
    text = intl_yaml(120, crlf=crlf)
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", chunk)
    if chunk != WHOLE:
        cut = fast_path._pieces(data, len(codecs.BOM_UTF8) if bom else 0)
        assert cut is not None and len(cut[0]) > 10
    from_bytes = fast_read(data, json_file=False)
    assert from_bytes is not None and from_bytes == fast_read(text, json_file=False)
    assert from_bytes[1]["events"] is not None and from_bytes[1]["indicators"] is not None
    p = tmp_path / "intl.yaml"
    p.write_bytes(data)
    fast, exact = fast_and_exact(p)
    assert fast is not None
    assert_same_with_positions(fast, exact)
    assert exact.title == "Années 東京 🚄"


def test_the_real_chunk_size_with_non_ascii_text(tmp_path: Path) -> None:
    text = intl_yaml(6000)
    data = text.encode("utf-8")
    assert len(data) > 2 * fast_path.CHUNK_CHARS
    cut = fast_path._pieces(data)
    assert cut is not None and len(cut[0]) >= 3
    p = tmp_path / "big.yaml"
    p.write_bytes(codecs.BOM_UTF8 + data)
    fast, exact = fast_and_exact(p)
    assert fast is not None
    assert_same_with_positions(fast, exact)


def test_a_utf16_file_takes_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", 600)
    text = intl_yaml(60)
    for enc in ("utf-16", "utf-32"):
        p = tmp_path / f"{enc}.yaml"
        p.write_bytes(text.encode(enc))
        fast, exact = fast_and_exact(p, utf8=False)  # the fast path reads the decoded text
        assert fast is not None
        assert_same_with_positions(fast, exact)
        assert load_chronology(p) == exact


def _problems(path: Path) -> list[str]:
    with pytest.raises(ChronologyError) as info:
        load_chronology(path)
    return [f"{p.line}:{p.column}: {p.message}" for p in info.value.problems]


def _where(data: bytes, at: int) -> str:
    """Line and column of a byte as the exact path reports a bad byte (its column counts bytes)."""
    line, col = data.count(b"\n", 0, at) + 1, at - (data.rfind(b"\n", 0, at) + 1) + 1
    return f"{line}:{col}"


@pytest.mark.parametrize("chunk", [WHOLE, 600])
@pytest.mark.parametrize(
    ("where", "bad", "expected"),
    [
        ("comment", b"\xe9", "not UTF-8 text (byte 0xe9): save the file as UTF-8"),
        ("value", b"\xff", "not UTF-8 text (byte 0xff): save the file as UTF-8"),
        ("value", b"\xed\xa0\x80", "not UTF-8 text (byte 0xed): save the file as UTF-8"),  # a surrogate
        ("value", b"\xe6\x9d", "not UTF-8 text (byte 0xe6): save the file as UTF-8"),  # a cut character
        ("comment", b"\0", "the file contains a NUL character: is it a binary file?"),
        ("value", b"\0", "the file contains a NUL character: is it a binary file?"),
    ],
)
def test_bytes_that_are_not_text_take_the_exact_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, where: str, bad: bytes, expected: str
) -> None:
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", chunk)
    lines = intl_yaml(300).encode("utf-8").split(b"\n")
    # in the middle of the file, after non-ASCII text on the same line (columns count characters)
    k = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith(b"    title: \xc3\x89v"))
    if where == "comment":
        k += 1
        lines.insert(k, b"    # \xc3\xa9t\xc3\xa9 " + bad + b" end")
        col = len(b"    # \xc3\xa9t\xc3\xa9 ")
    else:
        col = len(lines[k])
        lines[k] += bad + b" end"
    data = b"\n".join(lines)
    at = sum(len(line) + 1 for line in lines[:k]) + col
    assert fast_read(data, json_file=False) is None
    p = tmp_path / "bad.yaml"
    p.write_bytes(data)
    docs, _ = loader.load_documents([p])
    assert loader._fast(docs) is None
    assert _problems(p) == [f"{_where(data, at)}: {expected}"]


def test_a_nul_deep_in_a_large_file(tmp_path: Path) -> None:
    data = bytearray(intl_yaml(6000).encode("utf-8"))
    assert len(data) > 2 * fast_path.CHUNK_CHARS
    at = data.index(b"\n    title: \xc3\x89v", 3 * len(data) // 4) + len("\n    title: \xc3\x89v")
    data[at:at] = b"\0"
    p = tmp_path / "nul.yaml"
    p.write_bytes(bytes(data))
    assert fast_read(bytes(data), json_file=False) is None
    expected = f"{_where(bytes(data), at)}: the file contains a NUL character: is it a binary file?"
    assert _problems(p) == [expected]


def test_lazy_items_stop_at_a_piece_that_is_not_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pieces of a long sequence are parsed as the walk reaches them: one that is not UTF-8
    makes the walk give up, and the exact path reports it."""
    monkeypatch.setattr(fast_path, "CHUNK_CHARS", 600)
    data = intl_yaml(300).encode("utf-8")
    at = data.index(b"\n    title: ", 3 * len(data) // 4) + 1
    data = data[:at] + b"    # \xff\n" + data[at:]
    got = fast_read(data, json_file=False, lazy=True)
    assert got is not None  # the events are cut in pieces, not yet read
    with pytest.raises(fast_path.FastPathFailed):
        list(got[0]["events"])
    p = tmp_path / "late.yaml"
    p.write_bytes(data)
    assert _problems(p) == [f"{_where(data, at + 6)}: not UTF-8 text (byte 0xff): save the file as UTF-8"]
