"""One query being searched, a slice at a time (:class:`Search`), against a :class:`WordIndex`
(the :class:`~.search.SearchIndex`)."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .event_table import EventTable
from .search_words import (
    CHUNK_S,
    HEAD,
    MAX_ROWS,
    NONE,
    Matches,
    SearchResult,
    Word,
)


class WordIndex(Protocol):
    """What a search asks of its index (:class:`~.search.SearchIndex`)."""

    n: int

    @property
    def built_upto(self) -> int: ...
    @property
    def events(self) -> EventTable: ...
    def build_step(self, budget_s: float) -> bool: ...
    def extend(self, w: Word, b: int) -> None: ...
    def evaluate(self, words: Sequence[Word], rows: slice | np.ndarray) -> tuple[np.ndarray, np.ndarray]: ...
    def remember(self, words: tuple[str, ...], matches: Matches) -> None: ...


class Search:
    """One query being searched, a slice at a time, in time order.

    ``step(budget_s)`` works for about that long and says whether the search is complete;
    ``result(limit)`` gives the best matches found so far. A search made from a completed one's
    matches (narrowing) looks only at those events.
    """

    def __init__(
        self,
        index: WordIndex,
        words: tuple[str, ...],
        entries: list[Word],
        candidates: np.ndarray | None,
        done: Matches | None,
    ) -> None:
        self.index = index
        self.words = words
        self._entries = entries
        self._candidates = candidates
        self._next = 0
        self._chunk = 8192
        self._events: list[np.ndarray] = []
        self._in_title: list[np.ndarray] = []
        self._n_title = 0
        self._n_total = 0
        self._head_title = NONE
        self._head_other = NONE
        self.matches: Matches | None = done  # set when complete

    @property
    def done(self) -> bool:
        return self.matches is not None

    @property
    def progress(self) -> float:
        """The share of the events (or of the narrowed candidates) searched so far."""
        if self.matches is not None:
            return 1.0
        if self._candidates is not None:
            return self._next / max(self._candidates.size, 1)
        return self._next / max(self.index.n, 1)

    @property
    def total(self) -> int:
        """Matches found so far (all of them once done)."""
        return len(self.matches) if self.matches is not None else self._n_total

    def step(self, budget_s: float, until: int | None = None) -> bool:
        """Search for about ``budget_s`` seconds (at least one chunk); True when complete. With
        ``until``, stop as soon as the first ``until`` results are final (that many title matches)."""
        if self.matches is not None:
            return True
        ix = self.index
        deadline = time.perf_counter() + budget_s
        while True:
            c0 = time.perf_counter()
            if self._candidates is not None:
                cands = self._candidates
                j = self._next
                if j >= cands.size:
                    return self._finish()
                k = min(cands.size, j + self._chunk)
                rows = cands[j:k]
                for w in self._entries:
                    ix.extend(w, int(rows[-1]) + 1)
                full, title = ix.evaluate(self._entries, rows)
                found, in_title = rows[full], title[full]
                self._next, size, end = k, k - j, cands.size
            else:
                a = self._next
                if a >= ix.n:
                    return self._finish()
                if a >= ix.built_upto:  # index some more events first, then search them
                    ix.build_step(max(deadline - c0, 0.0) * 0.7)
                    c0 = time.perf_counter()
                b = min(ix.built_upto, a + self._chunk)
                full, title = ix.evaluate(self._entries, slice(a, b))
                hit = np.flatnonzero(full)
                found, in_title = hit + a, title[hit]
                self._next, size, end = b, b - a, ix.n
            self._record(found, in_title)
            now = time.perf_counter()
            spent = now - c0
            if size:
                self._chunk = int(min(max(CHUNK_S * size / max(spent, 1e-6), 1024), MAX_ROWS))
            if self._next >= end:
                return self._finish()
            if (until is not None and self._n_title >= until) or now + spent > deadline:
                return False

    def run(self) -> Matches:
        """Search to the end."""
        self.step(math.inf)
        assert self.matches is not None
        return self.matches

    def _record(self, found: np.ndarray, in_title: np.ndarray) -> None:
        if not found.size:
            return
        found = found.astype(np.int32, copy=False)
        self._events.append(found)
        self._in_title.append(in_title)
        nt = int(np.count_nonzero(in_title))
        self._n_title += nt
        self._n_total += int(found.size)
        if self._head_title.size < HEAD and nt:
            self._head_title = np.concatenate(
                (self._head_title, found[in_title][: HEAD - self._head_title.size])
            )
        if self._head_other.size < HEAD and nt < found.size:
            more = found[~in_title][: HEAD - self._head_other.size]
            self._head_other = np.concatenate((self._head_other, more))

    def _finish(self) -> bool:
        if self._events:
            events = np.concatenate(self._events)
            in_title = np.concatenate(self._in_title)
        else:
            events, in_title = NONE, np.zeros(0, dtype=bool)
        self.matches = Matches(events, in_title)
        self._events, self._in_title = [], []
        self.index.remember(self.words, self.matches)
        return True

    def ranked(self, limit: int | None = 200) -> np.ndarray:
        """Event indices of the best matches found so far (title matches first, then time order)."""
        if self.matches is not None and (limit is None or limit > HEAD or self._n_total != len(self.matches)):
            return self.matches.ranked(limit)
        if limit is None or limit > HEAD:
            if not self._events:
                return NONE
            ev = np.concatenate(self._events)
            ti = np.concatenate(self._in_title)
            both = np.concatenate((ev[ti], ev[~ti]))
            return both if limit is None else both[:limit]
        t = self._head_title[:limit]
        return np.concatenate((t, self._head_other[: limit - t.size]))

    def result(self, limit: int | None = 200) -> SearchResult:
        ids = [self.index.events.ids[i] for i in self.ranked(limit).tolist()]
        return SearchResult(ids=ids, total=self.total, complete=self.done)
