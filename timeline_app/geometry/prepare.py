"""Everything the view needs of a chronology, computed ahead: call :func:`prepare` on the loading
thread. No Qt here.

The canvas asks a chronology for its columns and event arrays (dates, lanes, span tracks and the
level-of-detail index: :class:`~timeline_app.geometry.event_arrays.EventArrays`), its id index (to
keep a selection across a reload), its ends (to fit the view) and its indicator series as arrays
(:class:`~timeline_app.geometry.series_lod.SeriesArrays`, with their blocks for many points). Each is
made on first use and kept with the chronology; made on the UI thread, a million events cost about
a second there. After :func:`prepare`, what the UI thread does when the chronology arrives does
not depend on the number of events: it lays out and paints the events in view only.
"""

from __future__ import annotations

from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.series_lod import SeriesArrays
from timeline_app.model.chronology import Chronology


def prepare(chron: Chronology) -> EventArrays:
    """Compute and keep with ``chron`` every per-event and per-point cache the view uses (pure
    numpy and Python: safe on a worker thread, as long as the UI thread does not use ``chron`` at
    the same time). Returns the event arrays. Cheap when already done."""
    chron.columns  # noqa: B018  (cached properties: touched to be made)
    arrays = EventArrays.for_chronology(chron)
    chron.ends  # noqa: B018
    chron.event_index  # noqa: B018
    for data in SeriesArrays.for_chronology(chron).values():
        data.prepare_blocks()
    return arrays


__all__ = ["prepare"]
