"""The level-of-detail index of the events a filter lets through, so that a zoomed-out view of a
big chronology keeps counting per pixel column from an index (not event by event) while filtered.
No Qt here.

:func:`filtered_lane_index` builds a :class:`~timeline_app.geometry.lod.LaneIndex` of the subset,
once per filter, and gives it the chronology's own event numbers, so everything that reads a
LaneIndex (the timeline's columns and spans, the plots' event lines) reads it unchanged.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.lod import LaneIndex


def filtered_lane_index(a: EventArrays, shown: np.ndarray) -> LaneIndex:
    """The LaneIndex of the events of ``a`` that ``shown`` (by event) lets through."""
    idx = np.flatnonzero(shown)
    sub = LaneIndex.build(
        a.lane[idx],
        a.anchor[idx],
        a.is_span[idx],
        a.start_lo[idx],
        a.end_hi[idx],
        a.track[idx],
        a.lod.n_lanes,
    )
    pt_pos = np.full(a.n, -1, dtype=np.int32)
    pt_pos[idx] = sub.pt_pos
    return replace(
        sub,
        pt_event=idx[sub.pt_event].astype(np.int32),
        sp_event=idx[sub.sp_event].astype(np.int32),
        pt_pos=pt_pos,
    )
