"""Plain values for the loader to read, from either of two parsers.

The loader reads plain Python values (dicts, lists, strings) so that one builder serves both paths:

* the **exact path** composes the YAML with libyaml (``yaml_source``), which keeps the position of
  every value, and converts the nodes here: duplicate keys, tags and merge keys are reported on the
  way, quoted scalars become :class:`Quoted` strings (text, never a number), and a problem found later
  is placed by walking the nodes along its path (:func:`locate`);
* the **fast path** parses with the C++ rapidyaml library (or ``json`` for ``.json`` files) into
  JSON, then ``json.loads`` keeps unquoted numbers as :class:`Number` strings with their exact text.
  It is taken only when nothing in the text could mean something that JSON cannot carry (tags,
  anchors, aliases, merge keys, duplicate keys). Any problem on the fast path makes the loader start
  again on the exact path, so messages and positions are always those of the exact path.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from collections.abc import Iterator
from typing import Any

import yaml

from . import limits
from .problems import Problem
from .yaml_source import is_plain_tag, position, tag_text

try:  # rapidyaml is optional: without it every file takes the exact path
    import ryml as _ryml
except ImportError:  # pragma: no cover - depends on the installation
    _ryml = None


class Quoted(str):
    """A scalar the author quoted or wrote as a block: always text."""

    __slots__ = ()


class Number(str):
    """An unquoted scalar that JSON reads as a number, kept as the exact text the author wrote."""

    __slots__ = ()


Path = tuple[str | int, ...]


# -- the exact path: composed nodes -> plain values ------------------------------------------------------
class NodeConverter:
    """Converts composed YAML nodes into plain values, reporting what plain values cannot say.

    Aliases become shared references to one converted value (never copies), so an alias bomb
    costs no more than the text it is written in.
    """

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self._memo: dict[int, Any] = {}
        # duplicate keys by the id of the dict they were left out of: (key, where, first written);
        # the loader reports them when it reads that mapping and knows what it is (an event, a point...)
        self.duplicates: dict[int, list[tuple[str, tuple[int, int], tuple[int, int]]]] = {}

    def _add(self, node: yaml.Node, message: str) -> None:
        line, col = position(node)
        self.problems.append(Problem(self.file, line, col, message))

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        memo = self._memo.get(id(node))
        if memo is not None:
            return memo
        if depth > limits.MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
            self._add(node, f"nested too deeply: more than {limits.MAX_DEPTH} levels of lists and mappings")
            return _Rejected()
        if not is_plain_tag(node):
            self._add(node, _tag_message(node))
            value: Any = _Rejected()
        elif isinstance(node, yaml.ScalarNode):
            value = Quoted(node.value) if node.style in ("'", '"', "|", ">") else node.value
        elif isinstance(node, yaml.SequenceNode):
            value = []
            self._memo[id(node)] = value
            value.extend(self.convert(item, depth + 1) for item in node.value)
        else:
            value = {}
            self._memo[id(node)] = value
            first: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not is_plain_tag(key_node):
                    self._add(key_node, _tag_message(key_node))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self._add(key_node, "a key must be a word, not a list or a mapping")
                    continue
                key = key_node.value
                if key == "<<" and key_node.style not in ("'", '"'):
                    self._add(key_node, "merge keys ('<<') are not supported: write the keys out")
                    continue
                if key in first:
                    dup = (key, position(key_node), position(first[key]))
                    self.duplicates.setdefault(id(value), []).append(dup)
                    continue
                first[key] = key_node
                value[key] = self.convert(value_node, depth + 1)
        if isinstance(value, (str, _Rejected)):
            self._memo[id(node)] = value
        return value


def _tag_message(node: yaml.Node) -> str:
    return f"the tag {tag_text(node.tag)} is not allowed: write plain values (nothing is ever run)"


class _Rejected:
    """Stands where a value was refused (a tag); the builder skips it without a second message."""

    __slots__ = ()


REJECTED_TYPE = _Rejected


def locate(root: yaml.Node, path: Path, key: bool = False) -> tuple[int, int]:
    """Line and column of the value at ``path`` (or of its key, with ``key``) in a composed tree.

    Walks as the converter did: the first of duplicate keys, items by index. A path that leaves the
    tree ends at the last node reached (the best place there is to point at).
    """
    node = root
    key_node: yaml.Node | None = None
    for step in path:
        key_node = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == step:
                    key_node, node = k, v
                    break
            else:
                return position(node)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return position(node)
    if key and key_node is not None:
        return position(key_node)
    return position(node)


# -- the fast path -----------------------------------------------------------------------------------------
# Anything that JSON cannot carry sends the file to the exact path: a tag (!), an anchor (&) or an alias
# (*) where a YAML token may start, a merge key, a directive or a second document. The test is on the
# raw text and is deliberately cautious: a description that merely *looks* like one costs a slower load.
_INDICATOR = re.compile(r"[!&*]")
_TOKEN_START = frozenset(" \t\r\n[]{},:-?")
_LINE_START = re.compile(r"\n(?:%|---|\.\.\.)")  # a directive or document marker (after the first line)


_ODD_BREAKS = ("\u2028", "\u2029", "\x85")  # line breaks to YAML 1.1 (libyaml), not to rapidyaml


def _json_safe(text: str) -> bool:
    if "<<" in text or text.startswith(("%", "---", "...")) or _LINE_START.search(text):
        return False
    if any(b in text for b in _ODD_BREAKS):
        return False
    n = len(text)
    for m in _INDICATOR.finditer(text):
        i = m.start()
        if i == 0 or text[i - 1] in _TOKEN_START:
            # an anchor or alias needs a name right after it: "R & D" and "a * b" are plain text
            if m.group() != "!" and (i + 1 >= n or text[i + 1] in " \t\r\n"):
                continue
            return False
    return True


class _Duplicate(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def _loads(text: str | bytes | bytearray) -> Any:
    return json.loads(
        text, object_pairs_hook=_pairs, parse_int=Number, parse_float=Number, parse_constant=_reject
    )


def _reject(_: str) -> Any:
    raise ValueError("NaN and Infinity are not values")


_stderr_lock = threading.Lock()


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send what C code writes to the process's standard error to the null device meanwhile."""
    with _stderr_lock:
        try:
            saved = os.dup(2)
        except OSError:  # no standard error at all (a windowed app): nothing to silence
            yield
            return
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, 2)
            finally:
                os.close(null)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def fast_values(text: str, *, json_file: bool) -> Any | None:
    """Plain values of a file read on the fast path, or None when it must take the exact path."""
    try:
        if json_file:
            return _loads(text)
        if _ryml is None or not _json_safe(text):
            return None
        with _quiet_stderr():  # rapidyaml prints its own message before raising; ours come later
            tree = _ryml.parse_in_arena(text.encode("utf-8"))
            # emitted into a buffer of ours: emit_json_malloc never frees its own (a leak per load)
            buf = bytearray(_ryml.compute_json_length(tree, tree.root_id()))
            _ryml.emit_json_in_place(tree, buf, tree.root_id())
        return _loads(buf)
    except Exception:
        return None


def fast_path_available() -> bool:
    return _ryml is not None


_TOP_KEY_END = re.compile(r"\n[^\s#\-]")  # the next top-level key ends a section


def item_positions(text: str, key: str, count: int) -> list[tuple[int, int]] | None:
    """Line and column of each item of the top-level block sequence ``key``, found in the text.

    The fast path has no positions, so this finds where ``key:``'s items start (``- `` at the
    indentation of the first item). It is trusted only when it finds exactly ``count`` items;
    otherwise (flow style, unusual layout) it returns None and the items keep no line number.
    """
    head = re.compile(rf"(?:^|\n){re.escape(key)}:[ \t]*(?:#[^\n]*)?\n").search(text)
    if head is None:
        return None
    start = head.end() - 1  # at the newline that ends the key's line
    nxt = _TOP_KEY_END.search(text, start)
    end = nxt.start() if nxt else len(text)
    first = re.compile(r"\n( *)- ").search(text, start, end)
    if first is None:
        return None
    indent = first.group(1)
    starts = [m.start() + 1 for m in re.compile(rf"\n{indent}- ").finditer(text, start, end)]
    if len(starts) != count:
        return None
    out: list[tuple[int, int]] = []
    line, prev = 1, 0
    col = len(indent) + 3
    for pos in starts:
        line += text.count("\n", prev, pos)
        prev = pos
        out.append((line, col))
    return out
