"""The pure view maths the canvas uses: tracks, visible events, clusters, occupancy, lane geometry."""

from __future__ import annotations

import numpy as np
import pytest

from tests.geometry.chronologies import P, day, small_chronology
from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.layout import Occupancy, cluster_markers, lane_geometry
from timeline_app.geometry.series_lod import adjacent_periods
from timeline_app.model import IndicatorPoint


def test_adjacent_periods() -> None:
    pts = [IndicatorPoint(P(y), 1.0) for y in ("2013", "2014", "2015", "2019", "2019-06")]
    assert adjacent_periods(pts).tolist() == [True, True, False, True, False]


def test_vectorised_dates_match_partial_date() -> None:
    from timeline_app.geometry.event_arrays import date_bounds

    dates = [
        P(t)
        for t in (
            "2014",
            "2014-02",
            "2014-12",
            "2014-02-28",
            "2016-02-29",
            "44-03-15 BCE",
            "1 BCE",
            "753 BCE",
        )
    ]
    y = np.array([p.year for p in dates])
    m = np.array([p.month or 0 for p in dates])
    dd = np.array([p.day or 0 for p in dates])
    lo, hi = date_bounds(y, m, dd)
    assert lo.tolist() == [p.first_day() for p in dates]
    assert hi.tolist() == [p.end_day() for p in dates]


def test_span_tracks_take_the_lowest_free_track() -> None:
    from timeline_app.geometry.event_arrays import assign_tracks

    lane = np.array([0, 0, 0, 0, 1])
    start = np.array([0.0, 1.0, 5.0, 6.0, 0.0])
    end = np.array([4.0, 8.0, 7.0, 9.0, 3.0])
    track, n = assign_tracks(lane, start, end, np.ones(5, dtype=bool), 2)
    assert track.tolist() == [0, 1, 0, 2, 0]
    assert n.tolist() == [3, 1]


def test_visible_events_use_the_running_maximum_of_ends() -> None:
    chron = small_chronology()
    a = EventArrays.from_chronology(chron, today=day("2024-06-01"))
    vis = {a.ids[i] for i in a.visible(day("2020"), day("2021"))}
    assert vis == {"wetland"}  # an ongoing span that began in 2016
    vis = {a.ids[i] for i in a.visible(day("2017-06"), day("2017-07"))}
    assert vis == {"rail", "clean-air", "wetland"}


def test_cluster_markers_merges_close_markers_only() -> None:
    x = np.array([10.0, 12.0, 14.0, 100.0, 300.0, 301.0])
    lane = np.array([0, 0, 0, 0, 0, 1])
    g = cluster_markers(lane, x, np.arange(6), 2, 400.0, 16.0)
    assert g.count.tolist() == [3, 1, 1, 1]
    assert g.event.tolist() == [-1, 3, 4, 5]


def test_cluster_markers_scales_to_a_million() -> None:
    import time

    rng = np.random.default_rng(1)
    n = 1_000_000
    x = rng.uniform(0, 1500, n)
    lane = rng.integers(0, 10, n)
    t = time.perf_counter()
    g = cluster_markers(lane, x, np.arange(n), 10, 1500.0, 16.0)
    elapsed = time.perf_counter() - t
    assert int(g.count.sum()) == n
    assert elapsed < 1.0  # a few array passes; far less on a normal machine


def test_occupancy() -> None:
    o = Occupancy()
    o.take(10, 20)
    o.take(40, 50)
    assert o.free(20, 40) and o.free(0, 10) and o.free(50, 60)
    assert not o.free(15, 25) and not o.free(5, 11) and not o.free(30, 45) and not o.free(0, 100)


def test_lane_geometry_collapses_hidden_lanes_and_fits() -> None:
    lanes = lane_geometry(400.0, 20.0, [False, True, False], [2, 0, 0], 15.0, 5.0)
    assert lanes[1].hidden and lanes[1].height < 25
    assert lanes[0].n_tracks == 2 and lanes[2].n_tracks == 0
    bottom = lanes[-1].top + lanes[-1].height
    assert bottom == pytest.approx(400.0)
    tiny = lane_geometry(60.0, 20.0, [False] * 6, [3] * 6, 15.0, 5.0)
    assert all(g.rows_above == 0 for g in tiny)
    assert tiny[-1].top + tiny[-1].height <= 60.0 + 1e-6
