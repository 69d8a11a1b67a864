"""The fast path to plain values: rapidyaml (or ``json``) into JSON text, read by ``json.loads``
with unquoted numbers kept as :class:`~.values.Number` text; a large text in pieces, so that no
step holds the interpreter lock for long (see :mod:`.values` for the two paths)."""

from __future__ import annotations

import bisect
import codecs
import json
import operator
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain, compress, repeat
from typing import Any

from .. import runtime

try:  # rapidyaml is optional: without it every file takes the exact path
    import ryml as _ryml
except ImportError:  # pragma: no cover - depends on the installation
    _ryml = None


from .item_positions import (
    Positions,
    Section,
    find_items,
    find_positions,
    item_positions,
    item_starts,
    sections,
)
from .values import Number

# -- the fast path -----------------------------------------------------------------------------------------
# A YAML file is read from its bytes (UTF-8), never decoded whole: one str of a 200 MB file is a tenth
# of a second that holds the interpreter lock. Every regex, offset and count below is on those bytes.
# Lines and item columns come out as the text's: a line break is the byte "\n" (never part of another
# character in UTF-8), and an item's node is found after its line's ASCII indentation and "- ".
#
# Anything that JSON cannot carry sends the file to the exact path: a tag (!), an anchor (&) or an alias
# (*) where a YAML token may start, a merge key, a directive or a second document. The test is on the
# raw text and is deliberately cautious: a description that merely *looks* like one costs a slower load.
_TOKEN_START = frozenset(b" \t\r\n[]{},:-?")  # byte values: what indexing bytes gives
_LINE_START = re.compile(rb"\n(?:%|---|\.\.\.)")  # a directive or document marker (after the first line)


# line breaks to YAML 1.1 (libyaml), not to rapidyaml: U+2028, U+2029, U+0085 in UTF-8
_ODD_BREAKS = (b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xc2\x85")


def _json_safe(text: bytes, ascii_text: bool = False) -> bool:
    """Whether JSON can carry the piece (see above). Each indicator byte is looked for with
    ``bytes.find`` (memchr: gigabytes a second), not a regex over every byte (160 MB/s here: two
    seconds of a million-event file); the odd line breaks are not looked for in ASCII text."""
    if b"<<" in text or text.startswith((b"%", b"---", b"...")) or _LINE_START.search(text):
        return False
    if not ascii_text and any(b in text for b in _ODD_BREAKS):
        return False
    n = len(text)
    for c in b"!&*":
        i = text.find(c)
        while i >= 0:
            # an anchor or alias needs a name right after it: "R & D" and "a * b" are plain text
            named = c == 0x21 or (i + 1 < n and text[i + 1] not in b" \t\r\n")
            if named and (i == 0 or text[i - 1] in _TOKEN_START):
                return False
            i = text.find(c, i + 1)
    return True


def _utf8_text(piece: bytes) -> bool:
    """Whether a piece is UTF-8 without a NUL: what the exact path reports (with its position) is
    left to it. Checked a piece at a time, each short; an ASCII piece is not even decoded."""
    if b"\0" in piece:
        return False
    if piece.isascii():
        return True
    try:
        piece.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _Duplicate(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


_decoders = threading.local()


def _values_below(value: Any) -> int:
    """How many values ``value`` holds at every depth (the items of its lists, the values of its
    mappings), counted a level at a time in C-level passes."""
    total = 0
    level = [value]
    while level:
        inner = list(compress(level, map(isinstance, level, repeat(_CONTAINERS))))
        if not inner:
            break
        maps = list(map(isinstance, inner, repeat(dict)))
        level = [
            *chain.from_iterable(map(dict.values, compress(inner, maps))),
            *chain.from_iterable(compress(inner, map(operator.not_, maps))),
        ]
        total += len(level)
    return total


_CONTAINERS = (list, dict)


def _loads(text: str | bytes | bytearray, *, pairs: bool = True) -> Any:
    """``json.loads`` with the fast path's hooks, through one decoder per thread: ``json.loads``
    with hooks makes a decoder per call, and each left a few small blocks alive (measured with
    tracemalloc: ~2 per call, 60 bytes each), which, made all through a load, kept pymalloc arenas
    of a megabyte each from going back to the system. With ``pairs`` a duplicate key raises (JSON
    files); without, mappings are plain dicts (YAML: its duplicates are counted, see _parse_yaml)."""
    name = "decoder" if pairs else "plain"
    decoder = getattr(_decoders, name, None)
    if decoder is None:
        hook = _pairs if pairs else None
        decoder = json.JSONDecoder(
            object_pairs_hook=hook, parse_int=Number, parse_float=Number, parse_constant=_reject
        )
        setattr(_decoders, name, decoder)
    if isinstance(text, (bytes, bytearray)):
        text = text.decode(json.detect_encoding(text), "surrogatepass")  # as json.loads does
    elif text.startswith("\ufeff"):
        return json.loads(text)  # the error json.loads gives
    return decoder.decode(text)


def _reject(_: str) -> Any:
    raise ValueError("NaN and Infinity are not values")


def fast_path_available() -> bool:
    return _ryml is not None


# -- the fast path in pieces --------------------------------------------------------------------------------
# A long call into C (rapidyaml, json, a regex over the whole text) holds the GIL throughout, and the
# window, whose thread needs it too, freezes meanwhile. So a large text is read in pieces of about
# CHUNK_CHARS (bytes of UTF-8 for YAML, characters for JSON), each parsed, emitted and decoded on its
# own, and the pieces joined: the top-level keys of the file apart, and a long block sequence
# (``events:`` and its ``- `` items) cut between items.
# Every piece must read back as exactly what it was cut to hold (its keys, in order; as many items as
# were cut); anything else means a cut may have changed the meaning, and the file takes the exact path.
CHUNK_CHARS = 256 * 1024
_POSITION_KEYS = ("events", "indicators", "tours")  # the sections whose items get a line and column

ProgressFn = Callable[[float], None]


class _Unsure(Exception):
    """A piece did not read back as what it was cut to hold."""


def _parse_yaml(piece: bytes) -> Any:
    if not _utf8_text(piece) or not _json_safe(piece, piece.isascii()):
        raise _Unsure
    assert _ryml is not None
    with runtime.quiet_stderr():  # rapidyaml prints its own message before raising; ours come later
        tree = _ryml.parse_in_arena(piece)
        # emitted into a buffer of ours (emit_json_malloc never frees its own: a leak per load)
        # in one pass: the JSON of a block-style piece is about as long as its YAML (1.00 to 1.09
        # times, pieces of the shipped chronology and of a generated million events), so a buffer
        # a quarter longer takes it; rapidyaml says how long a JSON that did not fit is (escapes),
        # and it is emitted again at that length. Asking the length first was a second pass.
        root = tree.root_id()
        buf = bytearray(len(piece) + len(piece) // 4 + 4096)
        failed, size = _ryml.emit_json_to_substr(tree, root, buf)
        if failed:
            buf = bytearray(size)
            failed, size = _ryml.emit_json_to_substr(tree, root, buf)
            assert not failed
        nodes = tree.size()
    del tree
    # decoded into plain dicts (a Python hook per mapping to find duplicate keys took 2.7 s of a
    # million events); a duplicate key is one value fewer than the nodes rapidyaml read
    with memoryview(buf) as view:
        json_text = str(view[:size], "utf-8", "surrogatepass")
    value = _loads(json_text, pairs=False)
    if _values_below(value) != nodes - 1:
        raise _Unsure
    return value


@dataclass
class Piece:
    start: int
    end: int
    keys: tuple[str, ...]  # the top-level keys it holds, in order
    head: bytes = b""  # the key's line, put before the items of a sequence cut after its first piece
    items: int = -1  # for a piece of a sequence: how many items were cut into it


def _pieces(text: bytes, lo: int = 0) -> tuple[list[Piece], dict[str, list[int]]] | None:
    """The text (from ``lo``: after a byte order mark) cut into pieces of about CHUNK_CHARS, and the
    item starts of each block sequence found on the way; None when it cannot be cut (it is then read
    in one piece). The pieces cover the text from ``lo`` to its end, each cut at the start of a line."""
    secs = sections(text, lo)
    if not secs:
        return None
    secs[0].start = lo  # blank lines and comments before the first key go with it
    pieces: list[Piece] = []
    starts_of: dict[str, list[int]] = {}
    group: list[Section] = []
    for sec in [*secs, None]:
        if sec is not None and (sec.end - sec.start <= CHUNK_CHARS or not find_items(text, sec)):
            if sec.key in _POSITION_KEYS and sec.key not in starts_of and find_items(text, sec):
                starts_of[sec.key] = item_starts(text, sec)
            if group and sec.end - group[0].start > CHUNK_CHARS:
                pieces.append(Piece(group[0].start, group[-1].end, tuple(s.key for s in group)))
                group = []
            group.append(sec)
            continue
        if group:
            pieces.append(Piece(group[0].start, group[-1].end, tuple(s.key for s in group)))
            group = []
        if sec is None:
            break
        starts = starts_of[sec.key] = item_starts(text, sec)
        head = text[sec.at : text.index(b"\n", sec.at) + 1]
        k = 0
        while k < len(starts):
            j = bisect.bisect_left(starts, starts[k] + CHUNK_CHARS, k + 1)
            b = starts[j] if j < len(starts) else sec.end
            if k == 0:
                pieces.append(Piece(sec.start, b, (sec.key,), items=j))
            else:
                pieces.append(Piece(starts[k], b, (sec.key,), head=head, items=j - k))
            k = j
    return pieces, starts_of


Delegate = Callable[[bytes, str, list[Piece], list[int]], "LazyItems"]


class FastPathFailed(Exception):
    """A piece read lazily (see :class:`LazyItems`) did not read back as it was cut to: the file
    must take the exact path. The loader catches it around its walk."""


class LazyItems(list):  # type: ignore[type-arg]
    """The items of a long block sequence, parsed one piece at a time as they are iterated, each
    piece's values let go before the next is parsed: a million events are never a million parsed
    mappings at once (that took two gigabytes at the peak, and freeing them froze the window).

    It is a ``list`` for the loader's checks and reports its length, but holds nothing itself:
    iterate it once. A piece that does not read back as cut raises :class:`FastPathFailed`."""

    elsewhere = False  # read by worker processes (see .parallel): its positions are found there

    def __init__(self, text: bytes, key: str, pieces: list[Piece], progress: ProgressFn | None) -> None:
        super().__init__()
        self._text: bytes | None = text
        self._key = key
        self._pieces = pieces
        self._progress = progress
        self._n = sum(p.items for p in pieces)

    def read_into(self, w: Any, rows: Any) -> None:
        """Read the items into ``rows`` (an :class:`~.event_rows.EventRows`) for the walk ``w``
        by other means than iterating them: what a sequence read ``elsewhere`` does (see
        :class:`.parallel.Delegated`); this one is iterated."""
        raise NotImplementedError("iterate the items: they are read in this process")

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0

    def __iter__(self) -> Iterator[Any]:
        for items in self.batches():
            yield from items

    def batches(self) -> Iterator[list[Any]]:
        """The items, a piece's list at a time (iterate once, as the items)."""
        text = self._text
        if text is None:
            raise FastPathFailed("the items were read already")
        self._text = None  # once: what was read is let go piece by piece
        for piece in self._pieces:
            try:
                items = _piece_items(text, piece, self._key)
            except Exception as exc:
                raise FastPathFailed(str(exc)) from None
            yield items
            del items
            if self._progress is not None:
                self._progress(piece.end / len(text))

    def __eq__(self, other: object) -> bool:
        return self is other


def _piece_items(text: bytes, piece: Piece, key: str) -> list[Any]:
    value = _parse_yaml(piece.head + text[piece.start : piece.end])
    if not isinstance(value, dict) or list(value) != [key]:
        raise _Unsure
    items = value[key]
    if not isinstance(items, list) or len(items) != piece.items:
        raise _Unsure
    return items


def _read_pieces(
    text: bytes,
    pieces: list[Piece],
    progress: ProgressFn | None,
    *,
    lazy: bool = False,
    delegate: Delegate | None = None,
    starts_of: dict[str, list[int]] | None = None,
) -> dict[str, Any] | None:
    root: dict[str, Any] = {}
    if lazy:  # the pieces of a cut sequence are read when its items are
        cut: dict[str, list[Piece]] = {}
        for piece in pieces:
            if piece.items >= 0:
                cut.setdefault(piece.keys[0], []).append(piece)
        for key, parts in cut.items():
            starts = (starts_of or {}).get(key)
            if delegate is not None and starts is not None:
                root[key] = delegate(text, key, parts, starts)
            else:
                root[key] = LazyItems(text, key, parts, None)  # the walk reports (and cancels)
        pieces = [p for p in pieces if p.items < 0]
    for piece in pieces:
        try:
            value = _parse_yaml(piece.head + text[piece.start : piece.end])
            if not isinstance(value, dict) or list(value) != list(piece.keys):
                return None
            if piece.items >= 0:
                [key] = piece.keys
                items = value[key]
                if not isinstance(items, list) or len(items) != piece.items:
                    return None
                if piece.head:
                    root[key].extend(items)
                    continue
            for key in piece.keys:
                if key in root:
                    return None  # a second "key:" of the same name
                root[key] = value[key]
        except Exception:
            return None
        if progress is not None:
            progress(piece.end / len(text))  # outside the try: a cancelled load stops here
    return root


def _read_json(text: str, progress: ProgressFn | None) -> Any:
    """``json.loads`` with the fast path's hooks, an item at a time for the lists of the top-level
    object: the same values, the same errors, and no one call decoding much of the text."""
    decoder = json.JSONDecoder(
        object_pairs_hook=_pairs, parse_int=Number, parse_float=Number, parse_constant=_reject
    )
    scan, ws = decoder.raw_decode, _JSON_WS.match
    if text.startswith("\ufeff"):
        return json.loads(text)  # the error json.loads gives
    i = ws(text, 0).end()  # type: ignore[union-attr]
    if text[i : i + 1] != "{":
        return _loads(text)
    pairs: list[tuple[str, Any]] = []
    i = ws(text, i + 1).end()  # type: ignore[union-attr]
    last = 0
    if text[i] != "}":
        while True:
            if text[i] != '"':
                raise ValueError("expected a key")
            key, i = scan(text, i)
            i = ws(text, i).end()  # type: ignore[union-attr]
            if text[i] != ":":
                raise ValueError("expected ':'")
            i = ws(text, i + 1).end()  # type: ignore[union-attr]
            if text[i] == "[":
                value: Any = []
                i = ws(text, i + 1).end()  # type: ignore[union-attr]
                if text[i] == "]":
                    i += 1
                else:
                    while True:
                        item, i = scan(text, i)
                        value.append(item)
                        i = ws(text, i).end()  # type: ignore[union-attr]
                        c, i = text[i], i + 1
                        if c == "]":
                            break
                        if c != ",":
                            raise ValueError("expected ',' or ']'")
                        i = ws(text, i).end()  # type: ignore[union-attr]
                        if progress is not None and i - last > CHUNK_CHARS:
                            last = i
                            try:
                                progress(i / len(text))
                            except Exception as exc:
                                raise _Raised from exc
            else:
                value, i = scan(text, i)
            pairs.append((key, value))
            i = ws(text, i).end()  # type: ignore[union-attr]
            if text[i] == "}":
                break
            if text[i] != ",":
                raise ValueError("expected ',' or '}'")
            i = ws(text, i + 1).end()  # type: ignore[union-attr]
    if ws(text, i + 1).end() != len(text):  # type: ignore[union-attr]
        raise ValueError("extra data")
    return _pairs(pairs)


_JSON_WS = re.compile(r"[ \t\n\r]*")


class _Raised(Exception):
    """What the progress callback raised (a cancelled load), carried past "any error: exact path"."""


def fast_read(
    text: str | bytes,
    *,
    json_file: bool,
    progress: ProgressFn | None = None,
    lazy: bool = False,
    delegate: Delegate | None = None,
) -> tuple[Any, dict[str, Positions | None]] | None:
    """The plain values of a file on the fast path, with where the items of its ``events`` and
    ``indicators`` were written (see :func:`item_positions`; none for JSON files); None when the
    file must take the exact path.

    A YAML file is best given as its bytes (UTF-8, a byte order mark allowed): it is read from them
    and never decoded whole; bytes that are not UTF-8 text (or hold a NUL) send it to the exact path,
    which says where. Text is encoded first (a copy: for files that were not UTF-8, or for tests).
    JSON is read from text (bytes are decoded).

    A large text is read in pieces (see :data:`CHUNK_CHARS`), so that no step holds the GIL for more
    than a few milliseconds; ``progress`` is told the fraction read after each piece, and what it
    raises (a cancelled load) comes out of here. With ``lazy``, the long sequences cut in pieces are
    :class:`LazyItems`, parsed as they are iterated (the loader's way: see that class), or what
    ``delegate`` makes of them (given the text, the key, its pieces and item starts: the loader's
    worker processes, see :mod:`.parallel`)."""
    if json_file:
        try:
            if isinstance(text, bytes):
                text = text.decode("utf-8-sig")
            return (_read_json(text, progress) if len(text) > CHUNK_CHARS else _loads(text)), {}
        except _Raised as exc:
            assert exc.__cause__ is not None
            raise exc.__cause__ from None
        except Exception:
            return None
    if _ryml is None:
        return None
    if isinstance(text, str):
        try:
            text = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not text a file can hold
            return None
    lo = len(codecs.BOM_UTF8) if text.startswith(codecs.BOM_UTF8) else 0
    cut = _pieces(text, lo) if len(text) - lo > CHUNK_CHARS else None
    if cut is None:
        if lo:
            text, lo = text[lo:], 0  # a copy, but of a file read in one piece anyway
        try:
            values = _parse_yaml(text)
        except Exception:
            return None
        positions: dict[str, Positions | None] = {}
        for key in _POSITION_KEYS:
            items = values.get(key) if isinstance(values, dict) else None
            if isinstance(items, list) and items:
                positions[key] = item_positions(text, key, len(items))
        return values, positions
    pieces, starts_of = cut
    root = _read_pieces(text, pieces, progress, lazy=lazy, delegate=delegate, starts_of=starts_of)
    if root is None:
        return None
    positions = {}
    for key in _POSITION_KEYS:
        items = root.get(key)
        if isinstance(items, LazyItems) and items.elsewhere:
            continue
        if isinstance(items, list) and items:
            starts = starts_of.get(key)
            positions[key] = (
                find_positions(text, starts)
                if starts is not None and len(starts) == len(items)
                else item_positions(text, key, len(items), lo)
            )
    return root, positions
