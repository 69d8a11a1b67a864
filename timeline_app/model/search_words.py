"""The pieces of a search: words folded and encoded, the matches of a query and its result, and
the scans that find a word in the index's bytes (see :mod:`.search`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from .chronology import Event

MAX_COMMON: Final = 128  # frequent tokens that get a bit of their own
DIRECT_LIMIT: Final = 4096  # mask() checks at most this many not-yet-indexed events one by one

SAMPLE: Final = 1024  # events sampled to choose the frequent tokens
END: Final = "\x00"  # written as a token after each event while building (checked, see _tokens)
TITLE_END: Final = "\x01"  # written as a token after each title
CODE_RESIDUAL: Final = -1
CODE_END: Final = -2
CODE_TITLE_END: Final = -3
BLOCK: Final = 65536  # events per block when mapping byte positions to events (cache-sized)
CHUNK_S: Final = 0.004  # aim of one unit of work inside a slice (index chunk, search chunk)
WORD_CACHE: Final = 16
RESULT_CACHE: Final = 8
HEAD: Final = 1024  # first matches of each rank kept ready while a search runs
MAX_ROWS: Final = 65536  # events per search chunk at most (keeps temporary arrays small)

EMPTY = np.empty(0, dtype=np.int64)
NONE = np.empty(0, dtype=np.int32)  # no event indices


def haystack(ev: Event) -> str:
    """The text a query is matched against: every searched field, case-folded (the reference rule)."""
    return "\n".join((ev.title, ev.description, *ev.places, *ev.tags, ev.id)).casefold()


def query_words(query: str) -> tuple[str, ...]:
    """The words that decide a query's matches: case-folded, without repeats, and without words that
    another word contains ("rel relocation" matches what "relocation" matches)."""
    words = set(query.casefold().split())
    return tuple(sorted(w for w in words if not any(w != v and w in v for v in words)))


def fold(text: str) -> str:
    return text.lower() if text.isascii() else text.casefold()  # the same for ASCII, much faster


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@dataclass(frozen=True)
class SearchResult:
    """The first matches of a query, best first. ``total`` counts every match found so far: exact
    when ``complete``, a lower bound while the search is still running."""

    ids: list[str]
    total: int
    complete: bool


class Matches:
    """All the matches of a query: event indices in time order, and which of them hold every word in
    their title. Ranked order: the title matches, then the others."""

    __slots__ = ("_others", "_ranked", "_titles", "events", "in_title")

    def __init__(self, events: np.ndarray, in_title: np.ndarray) -> None:
        self.events = events
        self.in_title = in_title
        self._titles: np.ndarray | None = None
        self._others: np.ndarray | None = None
        self._ranked: np.ndarray | None = None

    def __len__(self) -> int:
        return int(self.events.size)

    def titles(self) -> np.ndarray:
        if self._titles is None:
            self._titles = self.events[self.in_title]
        return self._titles

    def others(self) -> np.ndarray:
        if self._others is None:
            self._others = self.events[~self.in_title]
        return self._others

    def ranked(self, limit: int | None = None) -> np.ndarray:
        """Event indices, best first (all of them, or the first ``limit``)."""
        t = self.titles()
        if limit is not None and limit <= t.size:
            return t[:limit]
        if self._ranked is None:
            self._ranked = np.concatenate((t, self.others()))
        return self._ranked if limit is None else self._ranked[:limit]

    def rank_of(self, event: int) -> int | None:
        """Where an event stands in the ranked order, or None when it does not match."""
        i = int(np.searchsorted(self.events, event))
        if i >= self.events.size or int(self.events[i]) != event:
            return None
        if self.in_title[i]:
            return int(np.searchsorted(self.titles(), event))
        return self.titles().size + int(np.searchsorted(self.others(), event))

    def at(self, rank: int) -> int:
        """The event index at a rank (0 is the best match)."""
        t = self.titles()
        return int(t[rank]) if rank < t.size else int(self.others()[rank - t.size])

    def nbytes(self) -> int:
        kept = [a for a in (self._titles, self._others, self._ranked) if a is not None]
        return int(self.events.nbytes + self.in_title.nbytes + sum(a.nbytes for a in kept))


class Word:
    """One query word: which frequent tokens hold it, and where it occurs in the residual bytes of
    the first ``n`` events (``full``/``title``: per event, whether it occurs there / in the title)."""

    __slots__ = (
        "common",
        "full",
        "n",
        "parts",
        "raw",
        "src",
        "src_len",
        "src_n",
        "src_shift",
        "text",
        "title",
    )

    def __init__(self, text: str, common: np.ndarray, n_events: int) -> None:
        self.text = text
        self.raw = encode(text)
        self.common = common  # uint64 per bit word: the frequent tokens that contain the word
        self.n = 0
        self.full = np.zeros(n_events, dtype=bool)
        self.title = np.zeros(n_events, dtype=bool)
        self.parts: list[np.ndarray] = []  # byte positions of the word in events [0, n)
        # narrowing: a shorter word's positions (covering its first src_n events), the word is at
        # ``position - src_shift`` wherever the shorter word was found
        self.src: np.ndarray = EMPTY
        self.src_n = 0
        self.src_shift = 0
        self.src_len = 0

    def positions(self) -> np.ndarray:
        if len(self.parts) != 1:
            self.parts = [np.concatenate(self.parts) if self.parts else EMPTY]
        return self.parts[0]

    def nbytes(self) -> int:
        return int(self.full.nbytes + self.title.nbytes + sum(p.nbytes for p in self.parts))


def verify(r: np.ndarray, cand: np.ndarray, raw: bytes, skip: range) -> np.ndarray:
    """The candidate start positions where all of ``raw`` is found (bytes in ``skip`` are known)."""
    for i, byte in enumerate(raw):
        if i not in skip and cand.size:
            cand = cand[r[cand + i] == byte]
    return cand


def scan(r: np.ndarray, lo: int, hi: int, raw: bytes, freq: np.ndarray) -> np.ndarray:
    """Start positions of ``raw`` inside ``r[lo:hi]``, anchored on its rarest byte."""
    k = len(raw)
    if hi - lo < k:
        return EMPTY
    j = min(range(k), key=lambda i: int(freq[raw[i]]))
    cand = np.flatnonzero(r[lo + j : hi - k + j + 1] == raw[j]).astype(np.int64) + lo
    return verify(r, cand, raw, range(j, j + 1))
