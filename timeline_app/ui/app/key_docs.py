"""The key table as people read it: keys written with arrows and words, the rows of the ``?``
overlay grouped as the menus are, and the generated tables in docs/KEYS.md and the README
(``python -m timeline_app.ui.app.key_docs`` rewrites them; a test fails when they are stale).

Reads :data:`~timeline_app.ui.app.keymap.BINDINGS`; imports no widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from timeline_app.text import QT_TRANSLATE_NOOP
from timeline_app.ui.app.keymap import BINDINGS, GROUPS, Binding

# -- how keys are written for people ---------------------------------------------------------------
_KEY_WORDS = {
    "Left": "←",
    "Right": "→",
    "Up": "↑",
    "Down": "↓",
    "Return": "Enter",
    "Enter": "Enter (keypad)",
    "Esc": "Esc",
    "Escape": "Esc",
    "PgUp": "Page Up",
    "PgDown": "Page Down",
}


def key_text(portable: str) -> str:
    """A portable key sequence as the docs and the overlay write it: ``Alt+Left`` → ``Alt+←``."""
    if portable in ("+", "-"):
        return portable
    parts = portable.split("+")
    if portable.endswith("++"):  # "Ctrl++"
        parts = [*portable[:-2].split("+"), "+"]
    return "+".join(_KEY_WORDS.get(p, p) for p in parts)


def key_texts(b: Binding) -> tuple[str, ...]:
    """The keys of ``b`` as people write them, one by one."""
    if b.doc_keys:
        return (b.doc_keys,)
    return tuple(key_text(k) for k in b.keys if k != "Enter")  # the keypad Enter goes without saying


@dataclass(frozen=True)
class Row:
    group: str
    keys: tuple[str, ...]
    description: str
    where: str


def rows(bindings: Iterable[Binding] = BINDINGS) -> list[Row]:
    """The table people read, grouped in :data:`GROUPS` order."""
    out = [Row(b.group, key_texts(b), _doc_description(b), b.where) for b in bindings if b.in_docs]
    order = {g: i for i, g in enumerate(GROUPS)}
    return sorted(out, key=lambda r: order.get(r.group, len(order)))  # stable: table order within a group


def _doc_description(b: Binding) -> str:
    if b.name == "lane-1":
        return QT_TRANSLATE_NOOP("Keymap", "Show or hide lane 1 … 9 (counted from the top)")
    if b.name == "escape":
        return QT_TRANSLATE_NOOP("Keymap", "Clear the selection")
    return b.description


# -- docs/KEYS.md ----------------------------------------------------------------------------------
KEYS_MD_BEGIN = "<!-- keymap:begin (generated from timeline_app/ui/app/keymap.py; do not edit by hand) -->"
KEYS_MD_END = "<!-- keymap:end -->"


def _md_code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def markdown_table() -> str:
    lines = [KEYS_MD_BEGIN, ""]
    group = None
    for r in rows():
        if r.group != group:
            if group is not None:
                lines.append("")
            group = r.group
            lines += [f"### {group}", "", "| keys | what they do | where |", "|---|---|---|"]
        keys = " ".join(_md_code(k) for k in r.keys)
        lines.append(f"| {keys} | {r.description} | {r.where or 'anywhere'} |")
    lines += ["", KEYS_MD_END]
    return "\n".join(lines) + "\n"


def update_keys_md(text: str) -> str:
    """``text`` (the content of docs/KEYS.md) with its generated table replaced by the current one;
    the table is appended when the file has none yet."""
    table = markdown_table()
    if KEYS_MD_BEGIN in text and KEYS_MD_END in text:
        head, rest = text.split(KEYS_MD_BEGIN, 1)
        _, tail = rest.split(KEYS_MD_END, 1)
        return head + table.rstrip("\n") + tail
    sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    return text + sep + table


def documents_with_keys() -> list[Path]:
    """The documents that carry the generated key table: docs/KEYS.md and the README."""
    root = Path(__file__).resolve().parents[3]
    return [root / "docs" / "KEYS.md", root / "README.md"]


def main() -> int:  # python -m timeline_app.ui.app.key_docs: rewrite the tables in docs/KEYS.md and README.md
    for path in documents_with_keys():
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = update_keys_md(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path}")
        else:
            print(f"{path} is up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
