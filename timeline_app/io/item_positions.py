"""Where each item of a long block sequence (``events:``, ``indicators:``, ``tours:``) starts, as
line and column, found on the raw UTF-8 bytes of a YAML file without parsing it: the fast path
(:mod:`.fast_path`) gives every item the position the exact parser would, so its problems are
placed as precisely. Items that look alike (the usual case) are found with numpy over the whole
text; anything unusual is checked one by one, and anything unsure gives ``None`` (the exact path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat

import numpy as np

_WINDOW = 1 << 20  # the longest stretch of text one regex call scans
_COL0 = re.compile(rb"\n[^ \t\r\n#\-]")  # a line that starts at column 0 (not a comment, not an item)
_KEY_LINE = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*):(?=[ \t\r\n]|\Z)")
_SEQ_HEAD = re.compile(rb"[ \t]*(?:#[^\r\n]*)?\r?\n")  # the rest of a "key:" line that opens a block
_BLANKS = re.compile(rb"(?:[ \t]*(?:#[^\r\n]*)?\r?\n)*")  # blank and comment lines
_ITEM = re.compile(rb"( *)-(?=[ \t\r\n])")
_NODE_START = re.compile(rb"[ \t]*")  # ASCII only: the node's byte column is its character column

Positions = list[tuple[int, int]]


def _search(
    pattern: re.Pattern[bytes], text: bytes, pos: int, end: int, overlap: int
) -> re.Match[bytes] | None:
    """``pattern.search(text, pos, end)``, a window at a time (so no one call scans much), for a
    pattern that matches at most ``overlap`` characters."""
    while True:
        stop = min(pos + _WINDOW, end)
        m = pattern.search(text, pos, stop)
        if m is not None or stop >= end:
            return m
        pos = stop - overlap


@dataclass
class Section:
    """A top-level key's text: from its line to the next line at column 0 (or the end)."""

    key: str
    at: int  # where the key's line starts
    end: int
    start: int = -1  # where its piece starts: the key's line, or the start of the text for the first
    first: int = -1  # for a block sequence: where the line of its first item starts
    item: re.Pattern[bytes] | None = None  # a line break, the items' indentation, "-"
    overlap: int = 0


def sections(text: bytes, lo: int = 0) -> list[Section] | None:
    """The top-level keys of the text from ``lo`` on, or None unless every line there that starts at
    column 0 (other than comments and sequence items) is a plain ``key:``."""
    n = len(text)
    starts = [] if text[lo : lo + 1] in (b"", b" ", b"\t", b"\r", b"\n", b"#", b"-") else [lo]
    pos = lo
    while (m := _search(_COL0, text, pos, n, 2)) is not None:
        starts.append(m.start() + 1)
        pos = m.end()
    out: list[Section] = []
    for k, s in enumerate(starts):
        m = _KEY_LINE.match(text, s)
        if m is None:
            return None
        key = m.group(1).decode("ascii")
        out.append(Section(key, s, starts[k + 1] if k + 1 < len(starts) else n, s))
    return out


def find_items(text: bytes, sec: Section) -> bool:
    """Whether the section's value is a block sequence (the key's line holds nothing else; blank
    and comment lines, then a ``-``), noting where its items are."""
    head = _SEQ_HEAD.match(text, sec.at + len(sec.key) + 1, sec.end)
    if head is None:
        return False
    blank = _BLANKS.match(text, head.end(), min(sec.end, head.end() + _WINDOW))
    first = _ITEM.match(text, blank.end(), sec.end) if blank is not None else None
    if first is None:
        return False
    indent = first.group(1)
    sec.first = first.start()
    sec.item = re.compile(rb"\n" + indent + rb"-(?=[ \t\r\n])")
    sec.overlap = len(indent) + 3
    return True


def item_starts(text: bytes, sec: Section) -> list[int]:
    """Where each line that starts an item of the section starts (what ``sec.item`` finds: a line
    break, the items' indentation, ``-`` and a space or line break), in numpy a window at a time:
    the dashes first, then the bytes around them (the regex made a match object per item, most of
    a second at a million items)."""
    assert sec.item is not None
    indent = sec.overlap - 3
    raw = np.frombuffer(text, dtype=np.uint8)
    out = [sec.first]
    lo, end = sec.first + indent + 1, sec.end - 1  # where the dash of a later item can be
    for a in range(lo, end, _WINDOW):
        dashes = np.flatnonzero(raw[a : min(a + _WINDOW, end)] == _DASH) + a
        keep = (raw[dashes - (indent + 1)] == _BREAK) & _AFTER_DASH[raw[dashes + 1]]
        for k in range(1, indent + 1):
            keep &= raw[dashes - k] == _SPACE
        out += (dashes[keep] - indent).tolist()
    return out


def find_positions(text: bytes, starts: list[int]) -> Positions | None:
    """Line and column of the node of each item whose line starts at ``starts`` (lines counted a
    piece at a time); None when one of them is not on the line of its ``-``."""
    if len(starts) >= _MANY:
        found = _positions_alike(text, starts)
        if found is not None:
            return found
    return _positions_one_by_one(text, starts)


_MANY = 256  # items: below this, one by one is as quick
_SPACE, _DASH = ord(" "), ord("-")
_BREAK = ord("\n")
_AFTER_DASH = np.zeros(256, dtype=bool)
_AFTER_DASH[[ord(c) for c in " \t\r\n"]] = True
_NOT_A_NODE = np.zeros(256, dtype=bool)
_NOT_A_NODE[[ord(c) for c in " \t\r\n#"]] = True


def _positions_alike(text: bytes, starts: list[int]) -> Positions | None:
    """:func:`positions` for items that are all written alike (``<indent>- <node>``, the indent
    and one space the same for each, as a generator or an editor writes a long list), in numpy
    passes over 16k items (a few MB of text) at a time, so that no call holds the interpreter lock
    for long; None when they are not (then one by one)."""
    raw = np.frombuffer(text, dtype=np.uint8)
    indent = text.index(b"-", starts[0]) - starts[0]
    if starts[-1] + indent + 2 >= len(raw):
        return None
    out: Positions = []
    line, prev = 1, 0  # the line at ``prev``
    for k in range(0, len(starts), _SLICE):
        at = np.asarray(starts[k : k + _SLICE], dtype=np.int64)
        if (
            not bool(np.all(raw[at + indent] == _DASH))
            or not bool(np.all(raw[at + (indent + 1)] == _SPACE))
            or bool(np.any(_NOT_A_NODE[raw[at + (indent + 2)]]))
        ):
            return None
        end = int(at[-1])
        breaks = np.flatnonzero(raw[prev:end] == 10)
        lines = np.searchsorted(breaks, at - prev) + line
        line += len(breaks)
        prev = end
        out += zip(lines.tolist(), repeat(indent + 3, len(at)), strict=True)
    return out


_SLICE = 16384


def _positions_one_by_one(text: bytes, starts: list[int]) -> Positions | None:
    out: Positions = []
    line, prev = 1, 0
    count, index = text.count, text.index
    node = _NODE_START.match
    for p in starts:
        while p - prev > _WINDOW:  # a long way to the next item (the first, say): a window at a time
            line += count(b"\n", prev, prev + _WINDOW)
            prev += _WINDOW
        line += count(b"\n", prev, p)
        prev = p
        q = node(text, index(b"-", p) + 1).end()  # type: ignore[union-attr]
        if text[q : q + 1] in (b"", b"\r", b"\n", b"#"):
            return None
        out.append((line, q - p + 1))  # p to q is ASCII (spaces, "-", spaces and tabs): bytes = characters
    return out


def item_positions(text: bytes, key: str, count: int, lo: int = 0) -> Positions | None:
    """Line and column of each item of the top-level block sequence ``key``, found in the text
    (its bytes, from ``lo``: after a byte order mark).

    The fast path has no positions, so this finds where ``key:``'s items start (``-`` at the
    indentation of the first item). It is trusted only when it finds exactly ``count`` items, each
    on the line of its ``-``; otherwise (flow style, unusual layout) it returns None and the items
    keep no line number. No regular expression here scans much of the text in one call."""
    word = key.encode("ascii")
    if text.startswith(word + b":", lo):
        start = lo
    else:
        head = _search(re.compile(rb"\n" + re.escape(word) + rb":"), text, lo, len(text), len(word) + 2)
        if head is None:
            return None
        start = head.start() + 1
    end_at = _search(_COL0, text, start + 1, len(text), 2)
    sec = Section(key, start, end_at.start() + 1 if end_at else len(text), start)
    if not find_items(text, sec):
        return None
    starts = item_starts(text, sec)
    return find_positions(text, starts) if len(starts) == count else None
