"""The LaneIndex of a filter's events answers as the full one does, for those events only, with the
chronology's own event numbers."""

from __future__ import annotations

import numpy as np

from tests.geometry.test_layout import TODAY, random_chronology
from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.filtered_lod import filtered_lane_index
from timeline_app.geometry.lod import MAX_TRACKS


def test_filtered_index_counts_and_lists_only_the_events_let_through() -> None:
    a = EventArrays.from_chronology(random_chronology(3000), today=TODAY)
    shown = (np.arange(a.n) % 3) != 0
    sub = filtered_lane_index(a, shown)
    edges = np.linspace(6000.0, 12000.0, 401)
    lanes = [0, 1, 2]
    cnt, _ = sub.anchor_columns(lanes, edges)
    for r, ln in enumerate(lanes):
        want, _ = np.histogram(a.anchor[(a.lane == ln) & shown], bins=edges)
        assert cnt[r].tolist() == want.tolist()
    keys = np.array([ln * MAX_TRACKS + t for ln in lanes for t in range(MAX_TRACKS)], dtype=np.int64)
    lo, hi = 7000.0, 9000.0
    got = set(sub.spans_on(keys, lo, hi, a.end_hi).tolist())
    every = set(a.lod.spans_on(keys, lo, hi, a.end_hi).tolist())
    assert got == {i for i in every if shown[i]}
    assert got, "the test chronology has spans in view"
    points = sub.pt_event[sub.pt_pos[sub.pt_event]]
    assert np.array_equal(points, sub.pt_event), "positions by the chronology's event numbers"
    assert (sub.pt_pos[~shown] == -1).all()
