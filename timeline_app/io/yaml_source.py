"""Reading one chronology file into YAML nodes that remember where they were written.

Only the *composer* of PyYAML runs: it builds a tree of nodes with positions and never constructs a
Python object from a tag, so nothing in a file can run code. Implicit typing is switched off (every
plain scalar is text), which keeps ``No`` a title and ``2014-02-26`` the date the author wrote; the
loader converts text to numbers, booleans and dates only where the format expects them.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..text import format_count
from . import limits
from .problems import QT_TRANSLATE_NOOP, Problem, said, too_deep
from .yaml_words import yaml_words

if TYPE_CHECKING:
    import yaml

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
_PLAIN_TAGS = {STR_TAG, SEQ_TAG, MAP_TAG}


@functools.cache
def _text_loader() -> type:
    """A safe loader that resolves no implicit types: every untagged scalar is a string. PyYAML is
    imported here, when a file is first composed (the exact path): a chronology read on the fast
    path or from the cache never needs it, and importing it costs a start-up some 25 ms."""
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _TextLoader(base):  # type: ignore[misc]
        yaml_implicit_resolvers: ClassVar[dict[str, list[object]]] = {}

    return _TextLoader


class Document:
    """One file: its display name, its text (None when it could not be read or decoded), and, once
    composed, its root node and what went wrong. Composing is deferred: the fast path never needs
    it. Decoding is deferred too (``raw`` holds the bytes until :attr:`text` is first asked for): a
    chronology that comes from the cache is never decoded, and decoding 200 MB is a tenth of a
    second that holds the interpreter lock."""

    def __init__(
        self,
        name: str,
        text: str | None = None,
        problems: list[Problem] | None = None,
        *,
        json_file: bool = False,
        digest: str = "",
        raw: bytes | None = None,
    ) -> None:
        self.name = name
        self.problems: list[Problem] = problems if problems is not None else []
        self.json_file = json_file
        self.digest = digest  # sha256 of the bytes read: the cache's key is made of these
        self.size = len(raw) if raw is not None else len(text or "")  # bytes read (characters if given text)
        self._text = text
        self._raw = raw
        self._root: yaml.Node | None = None
        self._composed = False

    @property
    def readable(self) -> bool:
        """Whether the file could be read (its bytes, not yet whether they are text)."""
        return self._raw is not None or self._text is not None

    def raw_utf8(self) -> bytes | None:
        """The bytes read, undecoded, unless the file is UTF-16/32 (its byte order mark says) or was
        decoded already; None then. For the fast path, which reads UTF-8 YAML without decoding it
        whole (bytes that are not UTF-8 send it to the exact path, whose :attr:`text` says where)."""
        raw = self._raw
        if raw is None or raw.startswith(_WIDE_BOMS):
            return None
        return raw

    def let_go(self) -> None:
        """Forget what was read (bytes, text, nodes): the loader's fast path, once it has read the
        document for good, so that the file's contents (200 MB at a million events) are not held
        while the chronology is built. The document reads as unreadable afterwards."""
        self._raw = self._text = self._root = None

    @property
    def text(self) -> str | None:
        if self._raw is not None:
            raw, self._raw = self._raw, None
            self._text, problems = _decode(self.name, raw)
            self.problems.extend(problems)
        return self._text

    def compose(self) -> yaml.Node | None:
        """The root node (None for an empty file); syntax errors go into ``problems``."""
        if not self._composed and self.text is not None:
            import yaml

            self._composed = True
            try:
                self._root = yaml.compose(self.text, Loader=_text_loader())
            except yaml.YAMLError as exc:
                self.problems.append(_yaml_error(self.name, self.text, exc))
            except RecursionError:
                self.problems.append(
                    Problem(self.name, 1, 1, said(QT_TRANSLATE_NOOP("Problems", "nested too deeply")))
                )
        return self._root


_WIDE_ENCODINGS = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE_BOMS = tuple(bom for bom, _ in _WIDE_ENCODINGS)


def _decode(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (a BOM is allowed), or UTF-16/32 when the file starts with their BOM."""
    for bom, enc in _WIDE_ENCODINGS:
        if data.startswith(bom):
            try:
                return data.decode(enc), []
            except UnicodeDecodeError:
                wide = QT_TRANSLATE_NOOP("Problems", "the file starts like %1 but is not valid %1")
                return None, [Problem(name, 1, 1, said(wide, enc.upper()))]
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        return None, [
            Problem(
                name,
                line,
                col,
                said(
                    QT_TRANSLATE_NOOP("Problems", "the file contains a NUL character: is it a binary file?")
                ),
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{data[exc.start]:02x}"
        return None, [
            Problem(
                name,
                line,
                col,
                said(QT_TRANSLATE_NOOP("Problems", "not UTF-8 text (byte %1): save the file as UTF-8"), byte),
            )
        ]
    return text, []


def _yaml_error(name: str, text: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    if "exceeded maximum nesting depth" in problem:
        return Problem(name, line, col, too_deep())
    if "expected a single document" in str(context):
        one = QT_TRANSLATE_NOOP(
            "Problems", "a chronology file holds one YAML document; remove this '---' or split the file"
        )
        return Problem(name, line, col, said(one))
    lines = text.splitlines()
    here = lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""
    if here == "\t":
        tab = QT_TRANSLATE_NOOP(
            "Problems",
            "YAML syntax: found a tab character where indentation was expected; "
            "YAML indents with spaces, not tabs",
        )
        return Problem(name, line, col, said(tab))
    if context:  # libyaml's own words, said in the language shown where we know them
        syntax = QT_TRANSLATE_NOOP("Problems", "YAML syntax: %1 (%2)")
        return Problem(name, line, col, said(syntax, yaml_words(problem), yaml_words(str(context))))
    return Problem(
        name, line, col, said(QT_TRANSLATE_NOOP("Problems", "YAML syntax: %1"), yaml_words(problem))
    )


def parse_text(name: str, text: str) -> Document:
    """A document from text (composed at once, so syntax errors are in ``problems``)."""
    doc = Document(name, text)
    doc.compose()
    return doc


def read_file(path: Path, name: str) -> Document:
    """Read one file as text; every failure (missing, unreadable, too large, binary) is a problem."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            mb = limits.MAX_FILE_BYTES // (1024 * 1024)
            big = said(
                QT_TRANSLATE_NOOP("Problems", "the file is %1 bytes; the limit is %2 MB"),
                format_count(size),
                mb,
            )
            return Document(name, None, [Problem(name, 1, 1, big)])
        data = path.read_bytes()
    except FileNotFoundError:
        gone = said(QT_TRANSLATE_NOOP("Problems", "the file does not exist (was it moved or deleted?)"))
        return Document(name, None, [Problem(name, 1, 1, gone)])
    except PermissionError:
        return Document(
            name,
            None,
            [
                Problem(
                    name,
                    1,
                    1,
                    said(QT_TRANSLATE_NOOP("Problems", "the file cannot be read: permission denied")),
                )
            ],
        )
    except IsADirectoryError:
        return Document(
            name,
            None,
            [Problem(name, 1, 1, said(QT_TRANSLATE_NOOP("Problems", "expected a file, found a folder")))],
        )
    except OSError as exc:
        unread = said(QT_TRANSLATE_NOOP("Problems", "the file cannot be read: %1"), exc.strerror or exc)
        return Document(name, None, [Problem(name, 1, 1, unread)])
    digest = hashlib.sha256(data).hexdigest()
    return Document(name, json_file=path.suffix.lower() == ".json", digest=digest, raw=data)


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def is_plain_tag(node: yaml.Node) -> bool:
    return node.tag in _PLAIN_TAGS


def tag_text(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
