"""Incremental full-text search over a chronology's events. No Qt here.

A query matches an event when every word of it, ignoring case, appears in the event's title,
description, places, tags or id (in every language the chronology is written in: see
:mod:`.search_languages`); words match inside other words ("rel" finds "relocation"). Events
whose title holds every word come first, then the others, each in time order.

How it stays fast at a million events. Each event's text is split at white space into tokens: a
query word holds no white space, so it appears in the text exactly when it appears inside one token.
The most frequent tokens (up to 128, chosen from a sample of events) each get a bit in two bit sets
per event, one for the whole text and one for the title; a query word is looked up in those few
tokens, and the events that hold one of the tokens that contain it are found with a couple of
vectorised ANDs. Every other token (ids, names, rarer words) is kept as UTF-8 bytes in one buffer,
an event's tokens together and its title's first, so a word is found there by a vectorised byte scan
whose hits map to events through per-event offsets.

Everything runs a slice at a time so that a UI can stay within its frame budget: the index is built
by :meth:`SearchIndex.build_step`, a search advances by :meth:`Search.step`, both in time order, so
the first results come from the first slice. Each word's scan is kept: typing "relo" after "rel"
checks only where "rel" was found. Complete results are kept too: a query whose words each contain a
word of a completed query is searched only among that query's matches (backspacing over a query
finds it complete).
"""

from __future__ import annotations

import math
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from itertools import repeat

import numpy as np

from .chronology import Chronology, Event
from .event_table import EventTable
from .search_job import (
    Search,
)
from .search_languages import searchable_events
from .search_words import (
    BLOCK,
    CHUNK_S,
    CODE_END,
    CODE_RESIDUAL,
    CODE_TITLE_END,
    DIRECT_LIMIT,
    EMPTY,
    END,
    MAX_COMMON,
    NONE,
    RESULT_CACHE,
    SAMPLE,
    TITLE_END,
    WORD_CACHE,
    Matches,
    SearchResult,
    Word,
    encode,
    fold,
    haystack,
    query_words,
    scan,
    verify,
)


class SearchIndex:
    """What a search needs to know about a chronology's events, built a slice at a time.

    Get the one for a chronology with :meth:`for_chronology`. Searching works at any time: a search
    advances the build as it goes, in time order. ``mask`` is exact for the events already indexed.
    """

    def __init__(self, events: Sequence[Event], *, max_common: int = MAX_COMMON) -> None:
        self._events = EventTable.of(events)
        self.n = len(events)
        self._max_common = max(0, min(max_common, 64 * 8))
        self._common: list[str] | None = None  # the frequent tokens, by bit
        self._codes: dict[str, int] = {}  # token -> bit, plus the two sentinels
        self._n_words = 0  # uint64 words per bit set
        self._bits: list[np.ndarray] = []
        self._tbits: list[np.ndarray] = []
        self._roff = np.zeros(self.n + 1, dtype=np.int64)  # event i's residual bytes: roff[i]:roff[i+1]
        self._rtend = np.zeros(self.n, dtype=np.int64)  # ... of which its title's end at rtend[i]
        self._rbuf = np.zeros(0, dtype=np.uint8)
        self._rsize = 0
        self._freq = np.zeros(256, dtype=np.int64)  # byte frequencies of the residual bytes
        self._built_n = 0
        self._chunk = 1024  # events per build chunk, adapted to CHUNK_S
        self.build_seconds = 0.0  # time spent building so far
        self._words: OrderedDict[str, Word] = OrderedDict()
        self._results: OrderedDict[tuple[str, ...], Matches] = OrderedDict()
        self._when_built: list[Callable[[], None]] = []

    @classmethod
    def for_chronology(cls, chronology: Chronology) -> SearchIndex:
        """The index of a chronology, made (not built) on first use and kept with the chronology."""
        cache = vars(chronology)  # like functools.cached_property, which the chronology uses too
        index = cache.get("_search_index")
        if not isinstance(index, SearchIndex):
            # every language's text is searched (see .search_languages)
            index = cache["_search_index"] = cls(searchable_events(chronology))
        return index

    # -- building ------------------------------------------------------------------------------------
    @property
    def built_upto(self) -> int:
        """Events indexed so far (the first ``built_upto`` in time order)."""
        return self._built_n

    @property
    def built(self) -> bool:
        return self._built_n >= self.n and self._common is not None

    @property
    def progress(self) -> float:
        return 1.0 if self.n == 0 else self._built_n / self.n

    def when_built(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the index is complete (at once if it is)."""
        if self.built:
            callback()
        else:
            self._when_built.append(callback)

    def build_step(self, budget_s: float) -> bool:
        """Index the next events for about ``budget_s`` seconds; True when done. Each call indexes
        at least one chunk, except the first, which may only choose the frequent tokens."""
        if self.built:
            return True
        t0 = time.perf_counter()
        deadline = t0 + budget_s
        if self._common is None:
            self._ensure_common()
            if time.perf_counter() >= deadline:
                self.build_seconds += time.perf_counter() - t0
                return False
        while self._built_n < self.n:
            a = self._built_n
            b = min(self.n, a + self._chunk)
            c0 = time.perf_counter()
            self._index_chunk(a, b)
            self._built_n = b
            now = time.perf_counter()
            last = now - c0
            self._chunk = int(min(max(CHUNK_S * (b - a) / max(last, 1e-6), 64), 1 << 16))
            if now + last > deadline:
                break
        self.build_seconds += time.perf_counter() - t0
        if self._built_n >= self.n:
            self._finish_build()
            return True
        return False

    def ensure_built(self) -> None:
        self.build_step(math.inf)

    def _finish_build(self) -> None:
        if self._rbuf.size != self._rsize:
            self._rbuf = self._rbuf[: self._rsize].copy()
        callbacks, self._when_built = self._when_built, []
        for cb in callbacks:
            cb()

    def _ensure_common(self) -> None:
        """Choose the frequent tokens from a sample spread over the chronology."""
        if self._common is not None:
            return
        step = max(1, self.n // SAMPLE)
        sample = [haystack(ev).split() for ev in self._events[::step][:SAMPLE]]
        df: Counter[str] = Counter()
        for toks in sample:
            df.update(set(toks))
        ranked = [t for t, c in df.most_common() if c >= 2 and t not in (END, TITLE_END)]
        common = ranked[: self._max_common]
        self._common = common
        self._n_words = (len(common) + 63) // 64
        self._bits = [np.zeros(self.n, dtype=np.uint64) for _ in range(self._n_words)]
        self._tbits = [np.zeros(self.n, dtype=np.uint64) for _ in range(self._n_words)]
        self._codes = {t: i for i, t in enumerate(common)}
        # room for the residual bytes, estimated from the sample (characters for bytes)
        chosen = set(common)
        rest = sum(len(t) + 1 for toks in sample for t in toks if t not in chosen)
        self._rbuf = np.zeros(int(rest / max(len(sample), 1) * self.n * 1.1) + 4096, dtype=np.uint8)

    def _tokens(self, a: int, b: int) -> tuple[list[str], np.ndarray]:
        """The tokens of events a..b-1 and their codes: a bit number for a frequent token, or
        CODE_RESIDUAL; each title is followed by CODE_TITLE_END and each event by CODE_END."""
        m = b - a
        parts: list[str] = []
        put, put_all = parts.append, parts.extend
        for ident, title, description, extras in self._events.rows(a, b):
            put(title)
            put(TITLE_END)
            put(description)
            if extras is not None:
                put_all(extras[0])  # places
                put_all(extras[1])  # tags
            put(ident)
            put(END)
        toks = fold("\n".join(parts)).split()
        codes = dict(self._codes)
        codes[END], codes[TITLE_END] = CODE_END, CODE_TITLE_END
        arr = np.fromiter(map(codes.get, toks, repeat(CODE_RESIDUAL)), dtype=np.int16, count=len(toks))
        ends = np.flatnonzero(arr == CODE_END)
        tends = np.flatnonzero(arr == CODE_TITLE_END)
        if (
            ends.size == m
            and tends.size == m
            and bool(np.all(tends < ends))
            and bool(np.all(tends[1:] > ends[:-1]))
        ):
            return toks, arr
        # a text holds a sentinel token of its own: mark the boundaries one event at a time
        get = self._codes.get
        toks, out = [], []
        for ev in self._events[a:b]:
            words = fold(ev.title).split()
            rest = fold("\n".join((ev.description, *ev.places, *ev.tags, ev.id))).split()
            toks += [*words, "", *rest, ""]
            out += [get(t, CODE_RESIDUAL) for t in words]
            out.append(CODE_TITLE_END)
            out += [get(t, CODE_RESIDUAL) for t in rest]
            out.append(CODE_END)
        return toks, np.array(out, dtype=np.int16)

    def _index_chunk(self, a: int, b: int) -> None:
        m = b - a
        toks, codes = self._tokens(a, b)
        nt = codes.size
        ends = np.flatnonzero(codes == CODE_END)
        tends = np.flatnonzero(codes == CODE_TITLE_END)
        starts = np.zeros(m, dtype=np.int64)
        starts[1:] = ends[:-1] + 1
        seg = ends - starts + 1
        event_of = np.repeat(np.arange(m), seg)
        in_title = np.arange(nt) < np.repeat(tends, seg)
        # bits of the frequent tokens (every segment holds at least the two sentinels: never empty)
        if self._n_words:
            c = codes.astype(np.int64)
            frequent = c >= 0
            vals = np.zeros(nt, dtype=np.uint64)
            vals[frequent] = np.left_shift(np.uint64(1), (c[frequent] & 63).astype(np.uint64))
            word_of = c >> 6
            for k in range(self._n_words):
                v = np.where(word_of == k, vals, np.uint64(0))
                self._bits[k][a:b] = np.bitwise_or.reduceat(v, starts)
                v[~in_title] = 0
                self._tbits[k][a:b] = np.bitwise_or.reduceat(v, starts)
        # the other tokens, as bytes, each followed by a newline
        rp = np.flatnonzero(codes == CODE_RESIDUAL)
        base = int(self._roff[a])
        if rp.size == 0:
            self._roff[a + 1 : b + 1] = base
            self._rtend[a:b] = base
            return
        rt = [toks[i] for i in rp.tolist()]
        text = "\n".join(rt) + "\n"
        enc = encode(text)
        if len(enc) == len(text):
            blen = np.fromiter(map(len, rt), dtype=np.int64, count=len(rt)) + 1
        else:
            blen = np.fromiter((len(encode(t)) for t in rt), dtype=np.int64, count=len(rt)) + 1
        rev = event_of[rp]
        rtit = in_title[rp]
        per = np.bincount(rev, weights=blen, minlength=m).astype(np.int64)
        per_title = np.bincount(rev[rtit], weights=blen[rtit], minlength=m).astype(np.int64)
        self._roff[a + 1 : b + 1] = base + np.cumsum(per)
        self._rtend[a:b] = self._roff[a:b] + per_title
        self._append(np.frombuffer(enc, dtype=np.uint8))

    def _append(self, data: np.ndarray) -> None:
        need = self._rsize + data.size
        if need > self._rbuf.size:
            grown = np.zeros(max(need, int(self._rbuf.size * 1.5) + 4096), dtype=np.uint8)
            grown[: self._rsize] = self._rbuf[: self._rsize]
            self._rbuf = grown
        self._rbuf[self._rsize : need] = data
        self._freq += np.bincount(data, minlength=256)
        self._rsize = need

    # -- words ---------------------------------------------------------------------------------------
    def _word(self, text: str) -> Word:
        w = self._words.get(text)
        if w is not None:
            self._words.move_to_end(text)
            return w
        assert self._common is not None
        bits = [0] * self._n_words
        for i, tok in enumerate(self._common):
            if text in tok:
                bits[i >> 6] |= 1 << (i & 63)
        w = Word(text, np.array(bits, dtype=np.uint64), self.n)
        # a shorter word already scanned narrows the scan: the new word occurs only where it did
        best: Word | None = None
        for u in self._words.values():
            if u.n and u.text in text and (best is None or u.positions().size < best.positions().size):
                best = u
        if best is not None:
            w.src, w.src_n = best.positions(), best.n
            w.src_shift, w.src_len = w.raw.find(best.raw), len(best.raw)
        self._words[text] = w
        while len(self._words) > WORD_CACHE:
            self._words.popitem(last=False)
        return w

    @property
    def events(self) -> EventTable:
        """The events searched."""
        return self._events

    def extend(self, w: Word, b: int) -> None:
        """Find the word in the residual bytes of events [w.n, b) (b ≤ built_upto)."""
        r, roff = self._rbuf, self._roff
        k = len(w.raw)
        while w.n < b:
            a = w.n
            e = min(b, a + BLOCK)
            narrowed = a < w.src_n
            if narrowed:
                e = min(e, w.src_n)
            lo, hi = int(roff[a]), int(roff[e])
            if narrowed:
                j = w.src_shift
                i0 = int(np.searchsorted(w.src, lo + j))
                i1 = int(np.searchsorted(w.src, hi - k + j, side="right"))
                cand = verify(r, w.src[i0:i1] - j, w.raw, range(j, j + w.src_len))
            else:
                cand = scan(r, lo, hi, w.raw, self._freq)
            if cand.size:
                ev = np.searchsorted(roff[a + 1 : e + 1], cand, side="right") + a
                w.full[ev] = True
                w.title[ev[cand < self._rtend[ev]]] = True
                w.parts.append(cand)
            w.n = e
        if w.n >= w.src_n and w.src.size:
            w.src = EMPTY

    def _residual(self, w: Word, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Per event in [a, b): whether the word occurs in its residual bytes / in its title's."""
        if w.n < b and (b - a) * 4 < b - w.n:  # a small window far ahead: scan just that
            lo, hi = int(self._roff[a]), int(self._roff[b])
            cand = scan(self._rbuf, lo, hi, w.raw, self._freq)
            f = np.zeros(b - a, dtype=bool)
            t = np.zeros(b - a, dtype=bool)
            if cand.size:
                ev = np.searchsorted(self._roff[a + 1 : b + 1], cand, side="right")
                f[ev] = True
                t[ev[cand < self._rtend[ev + a]]] = True
            return f, t
        self.extend(w, b)
        return w.full[a:b], w.title[a:b]

    def evaluate(self, words: Sequence[Word], rows: slice | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For the given events: whether each holds every word, and whether its title does."""
        full: np.ndarray | None = None
        title: np.ndarray | None = None
        for w in words:
            if isinstance(rows, slice):
                f, t = self._residual(w, rows.start, rows.stop)
            else:
                f, t = w.full[rows], w.title[rows]
            for k in range(self._n_words):
                mk = w.common[k]
                if mk:
                    f = f | ((self._bits[k][rows] & mk) != 0)
                    t = t | ((self._tbits[k][rows] & mk) != 0)
            full = f if full is None else full & f
            title = t if title is None else title & t
        assert full is not None and title is not None
        return full, title

    # -- searching -----------------------------------------------------------------------------------
    def start(self, query: str) -> Search:
        """A search for ``query``, to be advanced with :meth:`Search.step`."""
        words = query_words(query)
        if not words or self.n == 0:
            return Search(self, words, [], None, Matches(NONE, np.zeros(0, dtype=bool)))
        done = self._results.get(words)
        if done is not None:
            self._results.move_to_end(words)
            return Search(self, words, [], None, done)
        self._ensure_common()
        base: Matches | None = None  # a completed query whose matches hold all of this one's
        for key, m in self._results.items():
            if all(any(u in w for w in words) for u in key) and (base is None or len(m) < len(base)):
                base = m
        if base is not None and len(base) == 0:
            return Search(self, words, [], None, base)
        entries = sorted((self._word(w) for w in words), key=lambda w: -len(w.raw))
        candidates = base.events if base is not None and len(base) * 4 < self.n else None
        return Search(self, words, entries, candidates, None)

    def find(self, query: str, limit: int | None = 200, budget_s: float | None = None) -> SearchResult:
        """The first ``limit`` matches (all with None), after searching for at most ``budget_s``
        seconds (to the end with None)."""
        s = self.start(query)
        s.step(math.inf if budget_s is None else budget_s)
        return s.result(limit)

    def matches(self, query: str) -> Matches:
        """All the matches of ``query`` (searching to the end, building the index if need be)."""
        s = self.start(query)
        s.step(math.inf)
        assert s.matches is not None
        return s.matches

    def mask(self, query: str, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """Whether each of events lo..hi-1 matches ``query`` (all False for an empty query).

        Exact for the events indexed so far (all once :attr:`built`); fast for a window of a few
        thousand events, tens of milliseconds for a million. Events past :attr:`built_upto` are
        checked one by one when there are at most DIRECT_LIMIT of them, else reported as not
        matching until the build finishes (see :meth:`when_built`).
        """
        lo = max(0, lo)
        hi = self.n if hi is None else min(hi, self.n)
        out = np.zeros(max(hi - lo, 0), dtype=bool)
        words = query_words(query)
        if not words or hi <= lo:
            return out
        done = self._results.get(words)
        if done is not None:  # a completed search: its matches, unless there are many (ANDs are faster)
            ev = done.events
            i0, i1 = int(np.searchsorted(ev, lo)), int(np.searchsorted(ev, hi))
            if (i1 - i0) * 16 <= hi - lo or not self.built:
                out[ev[i0:i1] - lo] = True
                return out
        b = min(hi, self._built_n)
        if lo < b:
            entries = [self._word(w) for w in words]
            out[: b - lo], _ = self.evaluate(entries, slice(lo, b))
        rest = range(max(lo, b), hi)
        if 0 < len(rest) <= DIRECT_LIMIT:
            for i in rest:
                hay = haystack(self._events[i])
                out[i - lo] = all(w in hay for w in words)
        return out

    def remember(self, words: tuple[str, ...], matches: Matches) -> None:
        self._results[words] = matches
        self._results.move_to_end(words)
        while len(self._results) > RESULT_CACHE:
            self._results.popitem(last=False)

    def nbytes(self) -> int:
        """Memory held by the index's arrays and caches (not counting the events themselves)."""
        arrays: list[np.ndarray] = [
            self._roff,
            self._rtend,
            self._rbuf,
            self._freq,
            *self._bits,
            *self._tbits,
        ]
        total = sum(a.nbytes for a in arrays)
        total += sum(w.nbytes() for w in self._words.values())
        total += sum(m.nbytes() for m in self._results.values())
        return int(total)


__all__ = ["Matches", "Search", "SearchIndex", "SearchResult", "haystack", "query_words"]
