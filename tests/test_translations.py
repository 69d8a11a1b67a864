"""The translation sources agree with the code, and every entry is translated.

Reads the code the way pyside6-lupdate does (``translate("Context", "literal", ...)`` and
``QT_TRANSLATE_NOOP("Context", "literal")``) with Python's own parser, so it needs no Qt, and it
also catches what lupdate silently skips: a call whose count is an expression (``len(x)``) is left
out of the ``.ts`` by lupdate, so the count must be a plain name or number.
Run ``bash scripts/update-translations.sh`` after changing a user-visible text.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "timeline_app"
TS_FILES = sorted((ROOT / "resources" / "translations").glob("timeline_app_*.ts"))
PLACEHOLDER = re.compile(r"%L?n|%\d")

Key = tuple[str, str, str]  # context, source, disambiguation ("" for none)


def strings_in_code() -> tuple[dict[Key, str], list[str]]:
    """Every text marked for translation, with where it is; and the calls lupdate cannot read."""
    found: dict[Key, str] = {}
    unreadable: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in ("translate", "QT_TRANSLATE_NOOP") or len(node.args) < 2:
                continue
            ctx, src = node.args[0], node.args[1]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if not (isinstance(ctx, ast.Constant) and isinstance(src, ast.Constant)):
                continue  # translate(context, variable): the text was marked where it was written
            if id(node) in in_fstrings:
                unreadable.append(f"{where}: inside an f-string (lupdate does not look there)")
            if node.keywords:
                unreadable.append(f"{where}: keyword arguments (lupdate reads positional ones only)")
            for extra in node.args[2:]:
                if not isinstance(extra, ast.Name | ast.Constant):
                    unreadable.append(f"{where}: {ast.unparse(extra)} (lupdate skips such a call)")
            dis = node.args[2] if len(node.args) > 2 else None
            dis_text = dis.value if isinstance(dis, ast.Constant) and isinstance(dis.value, str) else ""
            found.setdefault((str(ctx.value), str(src.value), dis_text), where)
    return found, unreadable


def entries(ts: Path) -> dict[Key, list[str]]:
    out: dict[Key, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        ctx = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            key = (ctx, m.findtext("source") or "", m.findtext("comment") or "")
            kind = tr.get("type")
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            out[key] = [] if kind in ("unfinished", "vanished", "obsolete") else forms
    return out


def test_there_is_a_chinese_translation() -> None:
    assert [p.name for p in TS_FILES] == ["timeline_app_zh_CN.ts"]


def test_lupdate_can_read_every_call() -> None:
    _, unreadable = strings_in_code()
    assert unreadable == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_file_is_up_to_date_with_the_code(ts: Path) -> None:
    code, _ = strings_in_code()
    in_file = entries(ts)
    missing = sorted(f"{where}: {key[0]}: {key[1]!r}" for key, where in code.items() if key not in in_file)
    stale = sorted(f"{key[0]}: {key[1]!r}" for key in in_file if key not in code)
    assert missing == [], "run scripts/update-translations.sh, then translate"
    assert stale == [], "run scripts/update-translations.sh"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_entry_is_translated_and_keeps_its_placeholders(ts: Path) -> None:
    problems = []
    for (ctx, src, _), forms in entries(ts).items():
        if not forms or any(not f.strip() for f in forms):
            problems.append(f"{ctx}: {src!r} is not translated")
            continue
        wanted = set(PLACEHOLDER.findall(src))
        if ctx == "Dates":  # a date pattern may write the month as a number (%4) instead of a name (%2)
            wanted -= {"%2"}
        for f in forms:
            lost = wanted - set(PLACEHOLDER.findall(f))
            if lost:
                problems.append(f"{ctx}: {src!r} -> {f!r} loses {sorted(lost)}")
        accelerators = re.findall(r"&(\w)", src)
        if accelerators and not all(f"&{a.upper()}" in f.upper() for a in accelerators for f in forms):
            problems.append(f"{ctx}: {src!r} -> {forms!r} has another accelerator")
    assert problems == []
