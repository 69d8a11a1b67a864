"""The intermediate mapping every reader of another format makes, and what they share.

A reader turns its file into plain values in the shape of one of our chronology files (the
mapping docs/FORMAT.md describes: ``chronology``, ``categories``, ``eras``, ``events``,
``sources``; text, ``True``/``False``, numbers as :class:`~..values.Number` text) together with a
:class:`Positions` that says where in the foreign file each value came from. The YAML loader's own
walker (:func:`..loader.load_values`) reads and checks those values, so every message and bound is
the one implementation, and each problem is placed at ``file:line:column`` of the foreign file
(``file:row:column`` for a table).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...model.chronology import Chronology
from ...text import format_count
from .. import limits
from ..problems import QT_TRANSLATE_NOOP, ChronologyError, Message, Problem, said
from ..reading import load_values

Path_ = tuple[str | int, ...]

# the shipped chronology's palette: lanes of an imported file get these colours in turn
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


@dataclass
class Positions:
    """Where each value of the mapping was written: (line, column) by path, 1-based. A path not
    recorded is placed at its nearest recorded ancestor (the event, the row, the file)."""

    where: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def put(self, path: Path_, line: int, column: int) -> None:
        self.where[path] = (max(line, 1), max(column, 1))

    def locate(self, path: Sequence[str | int], key: bool = False) -> tuple[int, int]:
        p = tuple(path)
        while p:
            found = self.where.get(p)
            if found is not None:
                return found
            p = p[:-1]
        return self.where.get((), (1, 1))


@dataclass
class Mapped:
    """One foreign file read into the intermediate mapping (see the module's docstring)."""

    name: str  # the file as the user named it, for messages
    values: dict[str, Any]
    positions: Positions
    problems: list[Problem] = field(default_factory=list)  # the reader's own (syntax, bounds)


def build(mapped: Mapped) -> Chronology:
    """The chronology, or :class:`ChronologyError` with every problem, reader's and walker's."""
    if mapped.problems and not mapped.values:
        raise ChronologyError(mapped.problems)
    return load_values([(mapped.name, mapped.values, mapped.positions)], mapped.problems)


def check_size(path: Path, name: str) -> Problem | None:
    """The loader's bound on one file's size, as a problem (None when within it)."""
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        big = said(
            QT_TRANSLATE_NOOP("Problems", "the file is %1 bytes; the limit is %2"),
            format_count(size),
            format_count(limits.MAX_FILE_BYTES),
        )
        return Problem(name, 1, 1, big)
    return None


def fail(name: str, line: int, column: int, message: Message | str) -> ChronologyError:
    return ChronologyError([Problem(name, max(line, 1), max(column, 1), message)])


# -- ids ---------------------------------------------------------------------------------------------
def slug(text: str, fallback: str = "item") -> str:
    """An id made from a name: 'Ada Lovelace' -> 'ada-lovelace' (ASCII letters, digits and '-')."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()[:60].strip("-")
    return out or fallback


class Ids:
    """Unique ids of one kind: the wished one if it is a valid id and free, else a slug, numbered
    on a clash ('ada-lovelace', 'ada-lovelace-2')."""

    _VALID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, wished: str, name: str = "", fallback: str = "item") -> str:
        base = (
            wished
            if wished and self._VALID.match(wished) and len(wished) <= 200
            else slug(name or wished, fallback)
        )
        ident, n = base, 2
        while ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        self.taken.add(ident)
        return ident


class Lanes:
    """Categories made from the names a foreign file gives its groups, in the order met."""

    def __init__(self) -> None:
        self.by_name: dict[str, dict[str, Any]] = {}
        self._ids = Ids()

    def lane(self, name: str, color: str = "", description: str = "") -> str:
        found = self.by_name.get(name)
        if found is None:
            k = len(self.by_name)
            found = {
                "id": self._ids.make("", name, "lane"),
                "name": name,
                "color": color or PALETTE[k % len(PALETTE)],
                "order": str(k + 1),
            }
            if description:
                found["description"] = description
            self.by_name[name] = found
        return str(found["id"])

    def values(self) -> list[dict[str, Any]]:
        from ..values import Number

        out = []
        for c in self.by_name.values():
            c = dict(c)
            c["order"] = Number(c["order"])
            out.append(c)
        return out


# -- text ----------------------------------------------------------------------------------------------
_BLOCK = re.compile(r"</?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def plain_text(markup: Any) -> str:
    """HTML as TimelineJS and others write it, as plain text: tags dropped, paragraphs kept as
    blank lines, entities decoded. Never run, never fetched."""
    if markup is None:
        return ""
    text = str(markup)
    if "<" not in text and "&" not in text:
        return text.strip()
    text = re.sub(r"[\r\n\t]+", " ", text)  # in HTML a line break in the source is a space
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
        elif paragraphs and paragraphs[-1]:
            paragraphs.append("")
    return "\n".join(paragraphs).strip()


def http_url(url: str) -> str:
    """An address a source may hold (http or https), or '' (relative paths, javascript: ...)."""
    u = url.strip()
    if u.startswith("//"):
        u = "https:" + u
    return u if re.match(r"^https?://\S+$", u, re.I) else ""


def drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    """A mapping without the keys a reader left empty (the walker would call them empty)."""
    return {k: v for k, v in d.items() if v not in ("", None, [], ())}


def texts(items: Iterable[Any]) -> list[str]:
    return [str(x).strip() for x in items if str(x).strip()]
