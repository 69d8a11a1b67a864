"""Layout maths of the timeline without a window: the chronology as arrays, the level-of-detail index
(every per-pixel summary equals counting the events one by one), span tracks, series reduction."""

from __future__ import annotations

import heapq
import itertools
import random

import numpy as np
import pytest

from timeline_app.geometry import lod as lod_module
from timeline_app.geometry.event_arrays import EventArrays, MatchWindow, assign_tracks
from timeline_app.geometry.layout import (
    MAX_TRACKS,
    column_count,
    count_text,
    coverage_runs,
    group_columns,
    marker_columns,
    merge_pixel_runs,
    merge_pixel_runs_keyed,
)
from timeline_app.geometry.series_lod import (
    SeriesArrays,
    adjacent_periods,
    clip_x,
    column_spans,
    line_vertices,
)
from timeline_app.model import Category, Chronology, Event, IndicatorPoint, PartialDate
from timeline_app.model.columns import event_columns
from timeline_app.model.dates import civil_from_days, days_from_civil

TODAY = float(days_from_civil(2024, 6, 1))


def random_chronology(n: int, lanes: int = 5, seed: int = 3) -> Chronology:
    """Events of every kind: day, month and year precision, spans (some sharing a day, some of
    zero length, some approximate, some ongoing), over a few decades."""
    rnd = random.Random(seed)
    cats = [Category(f"c{i}", f"Lane {i}", "#4e79a7", i) for i in range(lanes)]
    first, last = days_from_civil(1990, 1, 1), days_from_civil(2020, 1, 1)
    events = []
    for i in range(n):
        day = rnd.randrange(first, last)
        y, m, dd = civil_from_days(day)
        prec = rnd.choice(["day", "day", "day", "month", "year"])
        start = PartialDate(y, m if prec != "year" else None, dd if prec == "day" else None)
        kind = rnd.random()
        end = None
        ongoing = False
        if kind < 0.25:
            e = civil_from_days(start.end_day() + rnd.choice([0, 3, 40, 400, 2000]))
            end = PartialDate(*e)
        elif kind < 0.28:
            ongoing = True
        events.append(
            Event(
                f"e{i}",
                f"Event {i}",
                start,
                f"c{rnd.randrange(lanes)}",
                end,
                ongoing=ongoing,
                approximate=rnd.random() < 0.1,
                places=("Tianjin",) if i % 7 == 0 else (),
            )
        )
    return Chronology.build(title="t", events=events, categories=cats)


@pytest.fixture(scope="module")
def chron() -> Chronology:
    return random_chronology(3000)


@pytest.fixture(scope="module")
def arrays(chron: Chronology) -> EventArrays:
    return EventArrays.from_chronology(chron, today=TODAY)


# -- the chronology as arrays -------------------------------------------------------------------------------


def test_columns_match_the_events(chron: Chronology) -> None:
    c = event_columns(chron.events, chron.lane_of)
    for i, e in enumerate(chron.events):
        assert c.start_first[i] == e.start.first_day() and c.start_end[i] == e.start.end_day()
        assert c.has_end[i] == (e.end is not None) and c.ongoing[i] == e.ongoing
        assert c.approximate[i] == e.approximate and c.lane[i] == chron.lane_of[e.category]
        if e.end is not None:
            assert c.end_first[i] == e.end.first_day() and c.end_end[i] == e.end.end_day()
    today = chron.ends[[e.ongoing for e in chron.events].index(True)]
    assert chron.starts.tolist() == [e.start_day() for e in chron.events]
    assert chron.ends.tolist() == [e.end_day(int(today)) for e in chron.events]


def test_columns_of_events_in_any_order_equal_the_table(chron: Chronology) -> None:
    whole = event_columns(chron.events, chron.lane_of)
    shuffled = list(chron.events)[::-1]
    again = event_columns(shuffled, chron.lane_of)  # made into a table, so sorted the same way
    for a, b in zip(whole, again, strict=True):
        assert np.array_equal(a, b)
    empty = event_columns((), {})
    assert empty.n == 0 and empty.lane.dtype == np.int32


def test_arrays_are_kept_with_the_chronology(chron: Chronology) -> None:
    a = EventArrays.for_chronology(chron)
    assert EventArrays.for_chronology(chron) is a
    assert a.ids[5] == chron.events[5].id and a.titles[-1] == chron.events[-1].title
    assert len(a.ids) == len(chron.events) and a.ids[2:4] == (chron.events[2].id, chron.events[3].id)
    assert a.index[chron.events[7].id] == 7


def reference_tracks(
    lane: np.ndarray, start: np.ndarray, end: np.ndarray, is_span: np.ndarray, n: int
) -> np.ndarray:
    """The unbounded algorithm: each span takes the lowest track free at its start."""
    track = np.full(len(lane), -1)
    busy: list[list[tuple[float, int]]] = [[] for _ in range(n)]
    free: list[list[int]] = [[] for _ in range(n)]
    count = [0] * n
    for i in np.flatnonzero(is_span).tolist():
        ln, s, e = int(lane[i]), float(start[i]), float(end[i])
        while busy[ln] and busy[ln][0][0] <= s:
            heapq.heappush(free[ln], heapq.heappop(busy[ln])[1])
        k = heapq.heappop(free[ln]) if free[ln] else count[ln]
        if k == count[ln]:
            count[ln] += 1
        track[i] = k
        heapq.heappush(busy[ln], (e, k))
    return track


def test_bounded_tracks_draw_what_unbounded_tracks_would(arrays: EventArrays) -> None:
    """Only MAX_TRACKS tracks are drawn (the last shared by deeper spans): tracks counted only that
    far put every span on the same drawn track as the full algorithm."""
    a = arrays
    rng = np.random.default_rng(5)
    n = 4000
    lane = rng.integers(0, 3, n)
    start = np.sort(rng.integers(0, 3000, n)).astype(np.float64)
    end = start + rng.choice([0, 5, 50, 500], n)
    is_span = rng.random(n) < 0.7
    ref = reference_tracks(lane, start, end, is_span, 3)
    got, counts = assign_tracks(lane, start, end, is_span, 3)
    shown = is_span
    assert np.array_equal(np.minimum(got[shown], MAX_TRACKS - 1), np.minimum(ref[shown], MAX_TRACKS - 1))
    assert (got[~is_span] == -1).all()
    assert counts.max() == MAX_TRACKS + 1  # crowded: more than can be drawn
    ref_a = reference_tracks(a.lane, a.start_lo, a.end_hi, a.is_span, len(a.n_tracks))
    assert np.array_equal(np.minimum(a.track, MAX_TRACKS - 1), np.minimum(ref_a, MAX_TRACKS - 1))


# -- level of detail: per-pixel summaries equal counting event by event ------------------------------------


def direct_columns(
    a: EventArrays,
    lanes: list[int],
    left: float,
    width: float,
    sx: float,
    tx: float,
    margin: float,
    match: np.ndarray | None = None,
    exclude: int = -1,
):  # type: ignore[no-untyped-def]
    ncol = column_count(width, margin)
    x = a.anchor * sx + tx - left
    inside = ~a.is_span & np.isin(a.lane, lanes) & (x >= -margin) & (x < ncol - margin)
    if exclude >= 0:
        inside[exclude] = False
    idx = np.flatnonzero(inside)
    return marker_columns(
        a.lane[idx],
        x[idx],
        idx,
        a.lod.n_lanes,
        width,
        match=None if match is None else match[idx],
        margin=margin,
    )


@pytest.mark.parametrize("use_table", [True, False])
@pytest.mark.parametrize("span_days", [40.0, 400.0, 4000.0, 12000.0])
def test_point_columns_equal_counting_each_marker(
    arrays: EventArrays, use_table: bool, span_days: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = arrays
    if not use_table:
        monkeypatch.setattr(a.lod, "pt_table", None)
    width, margin = 1200.0, 32.0
    lo = float(days_from_civil(2003, 5, 17)) + 0.3
    sx = width / span_days
    tx = 200.0 - lo * sx
    left = 200.0
    ncol = column_count(width, margin)
    edges = (np.arange(ncol + 1, dtype=np.float64) - margin + left - tx) / sx
    match = (np.arange(a.n) % 3) == 0
    tables = a.lod.match_tables(match, a.anchor, a.lane)
    lanes = [0, 2, 3, 4]
    mid = lo + span_days / 2
    sel = int(np.argmin(np.where(~a.is_span & (a.lane == 2), np.abs(a.anchor - mid), np.inf)))
    for exclude in (-1, sel):
        got = a.lod.point_columns(lanes, edges, sx, tx - left, exclude=exclude, match_csum=tables.pt)
        want = direct_columns(a, lanes, left, width, sx, tx, margin, match, exclude)
        assert got.lane.tolist() == want.lane.tolist()
        assert got.count.tolist() == want.count.tolist()
        assert got.matches.tolist() == want.matches.tolist()
        single = want.count == 1
        assert got.event[single].tolist() == want.event[single].tolist()
        assert np.allclose(got.x, want.x, atol=1e-6)
        g1, g2 = group_columns(got, 20.0), group_columns(want, 20.0)
        assert g1.count.tolist() == g2.count.tolist() and g1.event.tolist() == g2.event.tolist()


def test_span_queries_equal_a_scan(arrays: EventArrays) -> None:
    a = arrays
    lod = a.lod
    keys = np.arange(lod.n_lanes * MAX_TRACKS)
    key_of = a.lane.astype(np.int64) * MAX_TRACKS + np.minimum(a.track, MAX_TRACKS - 1)
    for lo, hi in ((5000.0, 5030.0), (7000.5, 9000.25), (-1e6, 1e6), (40000.0, 40010.0)):
        overlap = a.is_span & (a.start_lo <= hi) & (a.end_hi >= lo)
        counts = lod.span_counts(keys, lo, hi)
        assert counts.tolist() == [int((overlap & (key_of == k)).sum()) for k in keys]
        some = keys[counts > 0][::2]
        got = lod.spans_on(some, lo, hi, a.end_hi)
        want = [i for k in some.tolist() for i in np.flatnonzero(overlap & (key_of == k)).tolist()]
        assert sorted(got.tolist()) == sorted(want)
        uk, u0, u1 = lod.union_on(some, lo, hi)
        for k in some.tolist():
            spans = np.flatnonzero(a.is_span & (key_of == k))
            covered = sorted(zip(a.start_lo[spans].tolist(), a.end_hi[spans].tolist(), strict=True))
            # every span of the key lies inside one interval of the union, and the intervals are disjoint
            rows = uk == k
            iv = list(zip(u0[rows].tolist(), u1[rows].tolist(), strict=True))
            assert all(b0 < a1 for (_, b0), (a1, _) in itertools.pairwise(iv))
            for s, e in covered:
                if s <= hi and e >= lo:
                    assert any(x0 <= s and e <= x1 for x0, x1 in iv), (k, s, e)


@pytest.mark.parametrize("use_table", [True, False])
def test_anchor_columns_count_every_event(
    arrays: EventArrays, use_table: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = arrays
    if not use_table:
        monkeypatch.setattr(a.lod, "all_table", None)
    match = (np.arange(a.n) % 4) == 1
    tables = a.lod.match_tables(match, a.anchor, a.lane)
    edges = np.linspace(6000.0, 12000.0, 801)
    lanes = [1, 3]
    cnt, mcnt = a.lod.anchor_columns(lanes, edges, tables)
    for r, ln in enumerate(lanes):
        sel = a.lane == ln
        want, _ = np.histogram(a.anchor[sel], bins=edges)
        mwant, _ = np.histogram(a.anchor[sel & match], bins=edges)
        assert cnt[r].tolist() == want.tolist()
        assert mcnt[r].tolist() == mwant.tolist()


def test_match_window_covers_the_view(chron: Chronology, arrays: EventArrays) -> None:
    w = MatchWindow(arrays, "tianjin")
    full = w.full()
    assert full.tolist() == ["Tianjin" in e.places for e in chron.events]
    w2 = MatchWindow(arrays, "tianjin")
    idx = np.arange(100, 140)
    assert w2.of(idx).tolist() == full[100:140].tolist()
    assert w2.at(2999) == full[2999]
    assert not MatchWindow(arrays, "  ").active


def test_pixel_runs() -> None:
    c0, c1 = merge_pixel_runs(np.array([0.2, 3.7, 4.1, 30.0]), np.array([1.1, 4.0, 9.5, 30.2]), 100.0)
    assert c0.tolist() == [0.0, 3.0, 30.0] and c1.tolist() == [2.0, 10.0, 31.0]
    k, r0, r1 = coverage_runs(np.array([1, 1, 2]), np.array([0.0, 5.0, 0.0]), np.array([2.0, 7.0, 3.0]), 50.0)
    assert list(zip(k.tolist(), r0.tolist(), r1.tolist(), strict=True)) == [
        (1, 0.0, 2.0),
        (1, 5.0, 7.0),
        (2, 0.0, 3.0),
    ]


def test_pixel_runs_of_many_keys_at_once() -> None:
    rng = np.random.default_rng(7)
    keys, x0, x1 = [], [], []
    for k in (0, 3, 4, 17, 40):
        starts = np.sort(rng.uniform(-50, 1300, 60))
        ends = np.minimum(starts + rng.uniform(0, 30, 60), np.r_[starts[1:], 1e9])  # disjoint, sorted
        keys.append(np.full(60, k))
        x0.append(starts)
        x1.append(ends)
    key, a, b = np.concatenate(keys), np.concatenate(x0), np.concatenate(x1)
    got = merge_pixel_runs_keyed(key, a, b, 1200.0)
    want_k, want_0, want_1 = [], [], []
    for k in np.unique(key).tolist():
        rows = key == k
        c0, c1 = merge_pixel_runs(a[rows], b[rows], 1200.0)
        want_k += [k] * len(c0)
        want_0 += c0.tolist()
        want_1 += c1.tolist()
    assert got[0].tolist() == want_k and got[1].tolist() == want_0 and got[2].tolist() == want_1
    assert all(
        len(v) == 0
        for v in merge_pixel_runs_keyed(np.empty(0, dtype=np.int64), np.empty(0), np.empty(0), 10.0)
    )


def test_count_text() -> None:
    assert [count_text(n) for n in (7, 999, 1000, 1999, 9999, 12_345, 999_999, 1_250_000)] == [
        "7", "999", "1.0k", "1.9k", "9.9k", "12k", "999k", "1.2M",
    ]  # fmt: skip


# -- indicator series ----------------------------------------------------------------------------------------


def test_series_arrays_and_gaps() -> None:
    pts = [
        IndicatorPoint(PartialDate.parse(y), v)
        for y, v in (("2015", 2.0), ("2013", 1.0), ("2014", 5.0), ("2019", 3.0))
    ]
    s = SeriesArrays.from_points(pts)
    assert s.order.tolist() == [1, 2, 0, 3] and s.y.tolist() == [1.0, 5.0, 2.0, 3.0]
    assert s.adjacent.tolist() == [True, True, False, False] and s.has_gaps()
    assert adjacent_periods([pts[1], pts[2], pts[0], pts[3]]).tolist() == [True, True, False, False]
    assert s.nearest(s.x[2] + 1) == 2 and s.nearest(-1e9) == 0 and s.nearest(1e9) == 3


def test_reduction_keeps_every_peak() -> None:
    """Four vertices per pixel column draw the same column extents as every point: exactly when the
    points are reduced themselves, within a column when their blocks are (many points per pixel)."""
    rng = np.random.default_rng(2)
    n = 200_000
    first = np.arange(n, dtype=np.float64)
    s = SeriesArrays(
        x=first + 0.5,
        y=np.cumsum(rng.normal(size=n)),
        derived=np.zeros(n, dtype=bool),
        adjacent=np.r_[rng.random(n - 1) > 0.01, False],
        order=np.arange(n),
    )
    py = s.y * -2.0 + 500.0
    for width, exact in ((20_000.0, True), (1000.0, False)):
        sx = width / n
        v = line_vertices(s, 0, n, sx, 0.0, -2.0, 500.0, width_px=width)
        assert v.reduced and len(v.px) <= 4 * (width + 1)
        assert v.py.min() == pytest.approx(py.min()) and v.py.max() == pytest.approx(py.max())
        assert not (v.solid & v.dotted).any()
        col_raw = np.floor(s.x * sx)
        col_v = np.floor(v.px)
        for c in np.unique(col_raw)[1:-1][::37]:
            near = np.abs(col_v - c) <= (0 if exact else 1)
            lo, hi = py[col_raw == c].min(), py[col_raw == c].max()
            if exact:
                assert v.py[near].min() == pytest.approx(lo) and v.py[near].max() == pytest.approx(hi)
            else:
                assert v.py[near].min() <= lo + 1e-9 and v.py[near].max() >= hi - 1e-9
    # a gap of a pixel or more is dotted, joining the columns on either side of it
    sparse = SeriesArrays(
        x=np.array([0.5, 1.5, 500.5, 501.5]), y=np.zeros(4), derived=np.zeros(4, dtype=bool),
        adjacent=np.array([True, False, True, False]), order=np.arange(4),
    )  # fmt: skip
    v = line_vertices(sparse, 0, 4, 1.0, 0.0, 1.0, 0.0, width_px=1.0, raw_per_px=1.0)
    joins = [(bool(sol), bool(dot)) for sol, dot in zip(v.solid, v.dotted, strict=True)]
    assert (False, True) in joins and joins[-1] == (False, False)


def test_a_dense_line_as_one_box_per_column() -> None:
    """Every pixel a reduced line's vertices reach, and its solid joins, is inside its column's box
    (two pixels thick, as the pen was); a dotted join (a gap) does not stretch the next column."""
    rng = np.random.default_rng(5)
    n = 100_000
    s = SeriesArrays(
        x=np.arange(n, dtype=np.float64) + 0.5,
        y=np.cumsum(rng.normal(size=n)),
        derived=np.zeros(n, dtype=bool),
        adjacent=np.r_[rng.random(n - 1) > 0.001, False],
        order=np.arange(n),
    )
    v = line_vertices(s, 0, n, 800.0 / n, 0.0, -2.0, 500.0, width_px=800.0)
    boxes = column_spans(v)
    assert v.reduced and len(boxes) == len(v.px) // 4
    assert (np.diff(boxes[:, 0]) > 0).all() and (boxes[:, 2] == 1.0).all()
    vy, solid = v.py.reshape(-1, 4), v.solid.reshape(-1, 4)
    top, bottom = boxes[:, 1], boxes[:, 1] + boxes[:, 3]
    assert (top <= np.floor(vy.min(axis=1))).all() and (bottom >= np.floor(vy.max(axis=1)) + 2).all()
    joined = solid[:-1, 3]
    prev = vy[:-1, 3]
    assert joined.any() and (~joined).any()
    assert ((top[1:] <= np.floor(prev)) | ~joined).all()
    # the boxes are no taller than what the column and its solid join reach
    reach_lo = np.where(joined, np.minimum(vy[1:].min(axis=1), prev), vy[1:].min(axis=1))
    assert (top[1:] == np.floor(reach_lo)).all()
    assert len(column_spans(line_vertices(s, 0, 50, 1.0, 0.0, 1.0, 0.0, width_px=800.0))) == 0  # raw
    assert len(column_spans(clip_x(v, 100.3, 700.0))) == 0  # cut: no longer four vertices a column
    # where the points are sparser, a solid join crosses empty columns: not folded into a box
    x = np.r_[np.arange(100) * 365.25 + 182.6, 100 * 365.25 + np.arange(7300) + 0.5]
    uneven = SeriesArrays(
        x=x, y=np.cumsum(rng.normal(size=len(x))), derived=np.zeros(len(x), dtype=bool),
        adjacent=np.r_[np.ones(len(x) - 1, dtype=bool), False], order=np.arange(len(x)),
    )  # fmt: skip
    u = line_vertices(uneven, 0, len(x), 800.0 / (x[-1] - x[0]), 0.0, -2.0, 500.0, width_px=800.0)
    ub = column_spans(u)
    uy = u.py.reshape(-1, 4)
    apart = np.floor(u.px.reshape(-1, 4)[1:, 0]) - np.floor(u.px.reshape(-1, 4)[:-1, 3]) > 1
    assert u.reduced and apart.any()
    assert (ub[1:, 1][apart] == np.floor(uy[1:].min(axis=1)[apart])).all()


def test_lines_are_cut_at_the_view() -> None:
    s = SeriesArrays(
        x=np.array([-100.0, 50.0, 3000.0]), y=np.array([0.0, 10.0, 20.0]), derived=np.zeros(3, dtype=bool),
        adjacent=np.array([False, False, False]), order=np.arange(3),
    )  # fmt: skip
    v = clip_x(line_vertices(s, 0, 3, 1.0, 0.0, 1.0, 0.0, width_px=100.0), 0.0, 100.0)
    assert v.px.tolist() == [0.0, 50.0, 100.0]
    assert v.py[0] == pytest.approx(10 * 100 / 150) and v.py[2] == pytest.approx(10 + 10 * 50 / 2950)
    assert v.dotted.tolist() == [True, True, False]


def test_table_limit_falls_back_to_binary_search(chron: Chronology, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lod_module, "MAX_TABLE_CELLS", 10)
    a = EventArrays.from_chronology(chron, today=TODAY)
    assert a.lod.pt_table is None and a.lod.all_table is None
    edges = np.linspace(6000.0, 12000.0, 301)
    cnt, _ = a.lod.anchor_columns([0], edges)
    want, _ = np.histogram(a.anchor[a.lane == 0], bins=edges)
    assert cnt[0].tolist() == want.tolist()
