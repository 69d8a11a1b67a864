"""Level of detail for views of many events: per-pixel summaries without visiting the events. No Qt.

A view of a million events has about a million events on screen when zoomed out, but only
``lanes × pixel columns`` places to draw them. :class:`LaneIndex` keeps, once per chronology,

* the point events of each lane sorted by where their marker goes (``anchor``), with running sums,
  so that a binary search of the pixel columns' edges counts the markers of every column of every
  lane, finds the one marker of a column that holds one, and gives each column's mean position
  (:meth:`LaneIndex.point_columns`): the input of :func:`timeline_app.geometry.layout.group_columns`,
  as if the markers had been counted one by one;
* the spans of each (lane, drawn track) sorted by start and by end, so a frame counts the spans it
  shows on each track (:meth:`LaneIndex.span_counts`), lists them where they are few
  (:meth:`LaneIndex.spans_on`), and otherwise draws the union of the track's spans
  (:meth:`LaneIndex.union_on`), also made once.

Every lane's (or track's) sorted values are laid end to end in one array, lane ``l`` shifted by
``l * stride`` days, so one ``numpy.searchsorted`` call answers for every lane at once. For the
per-column counts there is a faster way still: markers sit on half days (the middle of a day, a
month or a year; a span's first day), so a table of running counts per lane and half day answers
"how many markers before this column edge" exactly with one look-up, where a binary search over a
million values would wander through megabytes of memory for each of the thousands of edges. The
tables are made when they are small (a chronology of a few centuries); otherwise the binary search
does the same work. The cost of a frame is then a handful of array calls over lanes × pixels,
whatever the number of events: the same at a million events as at a thousand. Perfetto draws its
tracks the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.geometry.layout import MAX_TRACKS, Columns

MAX_TABLE_CELLS = 4_000_000  # lanes × half days in a running-count table (else binary searches)


def _gather(i0: np.ndarray, i1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The concatenated ranges ``i0[k]:i1[k]``, and for each element the ``k`` it came from."""
    n = np.maximum(i1 - i0, 0)
    total = int(n.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    which = np.repeat(np.arange(len(n)), n)
    starts = np.cumsum(n) - n
    idx = np.arange(total) - starts[which] + i0[which]
    return idx, which


@dataclass(eq=False)
class LaneIndex:
    """Sorted per-lane and per-track positions of a chronology's events (see the module docstring)."""

    n_lanes: int
    limit: int  # span tracks drawn per lane
    base: float  # days are stored as ``group * stride + (day - base)``, in (0, stride)
    stride: float
    # point events: lane-major, sorted by anchor within a lane; lane l is pt_*[pt_bounds[l]:pt_bounds[l+1]]
    pt_event: np.ndarray  # int32
    pt_anchor: np.ndarray
    pt_csum: np.ndarray  # running sums of pt_anchor, with a leading 0 (len + 1)
    pt_bounds: np.ndarray
    pt_pos: np.ndarray  # int32: event -> its position in pt_* (-1 for a span)
    # spans: key-major (key = lane * limit + drawn track), sorted by start within a key
    sp_event: np.ndarray  # int32
    sp_start: np.ndarray  # shifted by key
    sp_end_sorted: np.ndarray  # the ends of each key's spans, sorted, shifted
    sp_max_end: np.ndarray  # running maximum of the ends within a key (in start order), shifted
    sp_bounds: np.ndarray
    # the union of each key's spans: disjoint intervals, sorted (days, not shifted), per key
    un_start: np.ndarray
    un_end: np.ndarray
    un_key_start: np.ndarray  # shifted
    un_key_end: np.ndarray  # shifted
    # running-count tables by lane and half day (None when too big; see the module docstring)
    half0: float  # day of half-day 0
    pt_table: np.ndarray | None  # [lane, j]: position in pt_* of the lane's first marker at half day >= j
    all_table: np.ndarray | None  # [lane, j]: events of the lane (points and spans) anchored before j

    @classmethod
    def build(
        cls,
        lane: np.ndarray,
        anchor: np.ndarray,
        is_span: np.ndarray,
        start: np.ndarray,
        end: np.ndarray,
        track: np.ndarray,
        n_lanes: int,
        limit: int = MAX_TRACKS,
    ) -> LaneIndex:
        n = len(lane)
        lane64 = lane.astype(np.int64)
        if n:
            base = float(min(anchor.min(), start.min(), end.min())) - 1.0
            stride = float(max(anchor.max(), start.max(), end.max())) - base + 2.0
        else:
            base, stride = 0.0, 2.0

        pts = np.flatnonzero(~is_span)
        order = np.lexsort((anchor[pts], lane64[pts]))
        pt_event = pts[order]
        pt_lane = lane64[pt_event]
        pt_anchor = anchor[pt_event]
        pt_csum = np.zeros(len(pt_event) + 1)
        np.cumsum(pt_anchor, out=pt_csum[1:])
        pt_bounds = np.searchsorted(pt_lane, np.arange(n_lanes + 1), side="left")
        pt_pos = np.full(n, -1, dtype=np.int32)
        pt_pos[pt_event] = np.arange(len(pt_event))

        spans = np.flatnonzero(is_span)
        n_keys = n_lanes * limit
        key = lane64[spans] * limit + np.minimum(track[spans].astype(np.int64), limit - 1)
        order = np.lexsort((start[spans], key))  # stable: chronology order for equal starts
        sp_event = spans[order]
        sp_key = key[order]
        sp_start = start[sp_event]
        sp_end = end[sp_event]
        sp_bounds = np.searchsorted(sp_key, np.arange(n_keys + 1), side="left")
        sp_end_sorted = sp_end[np.lexsort((sp_end, sp_key))]
        # running maximum of the ends within each key: shifted by key, one accumulate does them all
        shift = sp_key * stride - base
        sp_max_end = np.maximum.accumulate(sp_end + shift) if len(sp_end) else sp_end
        # the union of each key's spans: a new interval where a span starts after every earlier end
        brk = np.ones(len(sp_event), dtype=bool)
        if len(sp_event) > 1:
            brk[1:] = (sp_start[1:] + shift[1:] > sp_max_end[:-1]) | (sp_key[1:] != sp_key[:-1])
        first = np.flatnonzero(brk)
        last = np.append(first[1:], len(sp_event)) - 1 if len(first) else first
        un_key_start = sp_start[first] + shift[first]
        un_key_end = sp_max_end[last]

        # running counts per lane and half day, when the table is small enough
        half0 = float(np.floor(base))
        n_half = int(2 * (stride + base - half0)) + 2
        pt_table = all_table = None
        if n_lanes * (n_half + 1) <= MAX_TABLE_CELLS and np.all(anchor * 2 == np.floor(anchor * 2)):
            hd = (2 * (anchor - half0)).astype(np.int64)

            def table(rows: np.ndarray, offset: np.ndarray) -> np.ndarray:
                counts = np.bincount(lane64[rows] * n_half + hd[rows], minlength=n_lanes * n_half)
                t = np.zeros((n_lanes, n_half + 1), dtype=np.int64)
                np.cumsum(counts.reshape(n_lanes, n_half), axis=1, out=t[:, 1:])
                t += offset[:, None]
                return t

            pt_table = table(pts, pt_bounds[:-1])
            all_table = table(np.arange(n), np.zeros(n_lanes, dtype=np.int64))
        return cls(
            n_lanes=n_lanes,
            limit=limit,
            base=base,
            stride=stride,
            pt_event=pt_event.astype(np.int32),
            pt_anchor=pt_anchor,
            pt_csum=pt_csum,
            pt_bounds=pt_bounds,
            pt_pos=pt_pos,
            sp_event=sp_event.astype(np.int32),
            sp_start=sp_start + shift,
            sp_end_sorted=sp_end_sorted + shift,
            sp_max_end=sp_max_end,
            sp_bounds=sp_bounds,
            un_start=sp_start[first],
            un_end=sp_max_end[last] - shift[last],
            un_key_start=un_key_start,
            un_key_end=un_key_end,
            half0=half0,
            pt_table=pt_table,
            all_table=all_table,
        )

    @property
    def pt_key(self) -> np.ndarray:
        """pt_anchor shifted by lane (see base/stride), for binary searches: made when first
        needed (the running-count tables usually answer instead)."""
        key = self.__dict__.get("_pt_key")
        if key is None:
            lane = np.repeat(np.arange(self.n_lanes), np.diff(self.pt_bounds))
            key = self.__dict__["_pt_key"] = self.pt_anchor + (lane * self.stride - self.base)
        return key  # type: ignore[no-any-return]

    def _q(self, groups: np.ndarray, days: np.ndarray | float) -> np.ndarray:
        """Search values for ``days`` within ``groups`` (lanes or keys), clipped into the group."""
        d = np.clip(np.asarray(days, dtype=np.float64) - self.base, 0.0, self.stride - 0.5)
        out: np.ndarray = groups.astype(np.float64) * self.stride + d
        return out

    def _j(self, table: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Table columns for "before ``days``": the first half day at or after each."""
        j: np.ndarray = np.clip(np.ceil(2.0 * (days - self.half0)), 0, table.shape[1] - 1).astype(np.int64)
        return j

    def _pt_positions(self, ln: np.ndarray, edges: np.ndarray) -> np.ndarray:
        """For each lane of ``ln`` and each edge: the position in pt_* of the lane's first marker at
        or after the edge (a table look-up, or a binary search)."""
        if self.pt_table is not None:
            out: np.ndarray = self.pt_table[ln[:, None], self._j(self.pt_table, edges)[None, :]]
            return out
        found: np.ndarray = np.searchsorted(self.pt_key, self._q(ln[:, None], edges[None, :]), side="left")
        return found

    # -- point markers -----------------------------------------------------------------------------------
    def point_columns(
        self,
        lanes: list[int],
        edges: np.ndarray,
        sx: float,
        x0: float,
        *,
        exclude: int = -1,
        match_csum: np.ndarray | None = None,
    ) -> Columns:
        """The point markers of ``lanes`` counted per pixel column, columns being the intervals
        between consecutive ``edges`` (days, increasing); a marker at day ``d`` is at pixel
        ``d * sx + x0``. ``exclude`` (an event) is left out (the selected one, drawn on its own);
        ``match_csum`` (running count of matching events in ``pt_event`` order: ``pt`` of
        :meth:`match_tables`) gives each column's number of search matches."""
        ln = np.asarray(lanes, dtype=np.int64)
        ncol = len(edges) - 1
        if len(ln) == 0 or ncol <= 0:
            z = np.empty(0)
            zi = np.empty(0, dtype=np.int64)
            return Columns(zi, z, zi, zi, zi)
        pos = self._pt_positions(ln, edges)
        cnt = np.diff(pos, axis=1)
        ex_pos = int(self.pt_pos[exclude]) if exclude >= 0 else -1
        ex_cell = -1
        if ex_pos >= 0:
            rows = np.flatnonzero((pos[:, 0] <= ex_pos) & (ex_pos < pos[:, -1]))
            if len(rows):
                r = int(rows[0])
                c = int(np.searchsorted(pos[r], ex_pos, side="right")) - 1
                cnt[r, c] -= 1
                ex_cell = r * ncol + c
        # the occupied cells only, by flat index (lane-major: sorted by lane then column)
        flat = np.flatnonzero(cnt)
        p0 = pos[:, :-1].ravel()[flat]  # position of each cell's first marker
        p1 = pos[:, 1:].ravel()[flat]  # and past its last
        c_cnt = cnt.ravel()[flat]
        ssum = self.pt_csum[p1] - self.pt_csum[p0]
        mcnt = match_csum[p1] - match_csum[p0] if match_csum is not None else None
        if ex_cell >= 0:
            j = int(np.searchsorted(flat, ex_cell))
            if j < len(flat) and flat[j] == ex_cell:  # the cell still holds other markers
                ssum[j] -= self.pt_anchor[ex_pos]
                if mcnt is not None and match_csum is not None:
                    mcnt[j] -= match_csum[ex_pos + 1] - match_csum[ex_pos]
                if p0[j] == ex_pos:
                    p0[j] += 1
        rr = flat // ncol
        single = c_cnt == 1
        event = np.full(len(c_cnt), -1, dtype=np.int64)
        event[single] = self.pt_event[p0[single]]
        x = ssum / np.maximum(c_cnt, 1) * sx + x0
        # a single marker's position is its own (not a difference of running sums)
        x[single] = self.pt_anchor[p0[single]] * sx + x0
        matches = mcnt.astype(np.int64) if mcnt is not None else np.zeros(len(c_cnt), dtype=np.int64)
        return Columns(ln[rr], x, c_cnt.astype(np.int64), event, matches)

    # -- spans ----------------------------------------------------------------------------------------------
    def span_counts(self, keys: np.ndarray, lo: float, hi: float) -> np.ndarray:
        """How many spans of each key overlap ``[lo, hi]`` (start ≤ hi and end ≥ lo): exact."""
        started = np.searchsorted(self.sp_start, self._q(keys, hi), side="right")
        ended = np.searchsorted(self.sp_end_sorted, self._q(keys, lo), side="left")
        out: np.ndarray = np.maximum(started - ended, 0)
        return out

    def spans_on(self, keys: np.ndarray, lo: float, hi: float, end: np.ndarray) -> np.ndarray:
        """The spans of ``keys`` that overlap ``[lo, hi]``, by key then start (``end``: every event's
        end)."""
        i0 = np.searchsorted(self.sp_max_end, self._q(keys, lo), side="left")
        i1 = np.searchsorted(self.sp_start, self._q(keys, hi), side="right")
        idx, _ = _gather(i0, i1)
        ev: np.ndarray = self.sp_event[idx]
        shown: np.ndarray = ev[end[ev] >= lo]
        return shown

    def union_on(self, keys: np.ndarray, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The intervals of the union of each key's spans that overlap ``[lo, hi]``: (key, start,
        end) by key then start."""
        i0 = np.searchsorted(self.un_key_end, self._q(keys, lo), side="left")
        i1 = np.searchsorted(self.un_key_start, self._q(keys, hi), side="right")
        idx, which = _gather(i0, i1)
        return keys[which], self.un_start[idx], self.un_end[idx]

    def anchor_columns(
        self,
        lanes: list[int],
        edges: np.ndarray,
        match: MatchTables | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Events of ``lanes`` (points and spans) whose anchor falls in each column between
        ``edges``: (count, matching count), each of shape (lanes, columns). ``match`` comes from
        :meth:`match_tables`."""
        ln = np.asarray(lanes, dtype=np.int64)
        ncol = len(edges) - 1
        if self.all_table is not None:
            j = self._j(self.all_table, edges)[None, :]
            cnt = np.diff(self.all_table[ln[:, None], j], axis=1)
            if match is None or match.all_table is None:
                return cnt, np.zeros_like(cnt)
            return cnt, np.diff(match.all_table[ln[:, None], j], axis=1)
        pos = np.searchsorted(self.pt_key, self._q(ln[:, None], edges[None, :]), side="left")
        cnt = np.diff(pos, axis=1)
        mcnt = np.diff(match.pt[pos], axis=1) if match is not None else np.zeros_like(cnt)
        keys = (ln[:, None] * self.limit + np.arange(self.limit)[None, :]).ravel()
        spos = np.searchsorted(self.sp_start, self._q(keys[:, None], edges[None, :]), side="left")
        scnt = np.diff(spos, axis=1).reshape(len(ln), self.limit, ncol).sum(axis=1)
        cnt = cnt + scnt
        if match is not None:
            smc = np.diff(match.sp[spos], axis=1).reshape(len(ln), self.limit, ncol).sum(axis=1)
            mcnt = mcnt + smc
        return cnt, mcnt

    def match_tables(self, match: np.ndarray, anchor: np.ndarray, lane: np.ndarray) -> MatchTables:
        """What the per-column match counts need for one search: running counts of matching
        events in point order and in span order, and the matching events' table by half day."""
        pt = np.zeros(len(self.pt_event) + 1, dtype=np.int64)
        np.cumsum(match[self.pt_event], out=pt[1:])
        sp = np.zeros(len(self.sp_event) + 1, dtype=np.int64)
        np.cumsum(match[self.sp_event], out=sp[1:])
        table = None
        if self.all_table is not None:
            n_half = self.all_table.shape[1] - 1
            rows = np.flatnonzero(match)
            hd = (2 * (anchor[rows] - self.half0)).astype(np.int64)
            counts = np.bincount(lane[rows].astype(np.int64) * n_half + hd, minlength=self.n_lanes * n_half)
            table = np.zeros_like(self.all_table)
            np.cumsum(counts.reshape(self.n_lanes, n_half), axis=1, out=table[:, 1:])
        return MatchTables(pt, sp, table)


@dataclass(eq=False)
class MatchTables:
    """Running counts of a search's matches, in the orders of a :class:`LaneIndex`."""

    pt: np.ndarray  # in point order, with a leading 0
    sp: np.ndarray  # in span order, with a leading 0
    all_table: np.ndarray | None  # by lane and half day, like LaneIndex.all_table
