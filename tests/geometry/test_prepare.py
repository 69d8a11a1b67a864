"""The view's caches made ahead (on a loading thread): ``timeline_app.geometry.prepare.prepare``."""

from __future__ import annotations

from tests.model.helpers import small_chronology
from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.geometry.prepare import prepare
from timeline_app.geometry.series_lod import SeriesArrays


def test_prepare_makes_and_keeps_every_cache() -> None:
    chron = small_chronology()
    arrays = prepare(chron)
    kept = vars(chron)
    for name in ("columns", "ends", "_event_arrays", "_series_arrays"):
        assert name in kept, name
    assert chron.events._index is not None  # the id index, kept by the event table
    assert EventArrays.for_chronology(chron) is arrays  # what the canvas asks for is already made
    series = SeriesArrays.for_chronology(chron)
    assert series is SeriesArrays.for_chronology(chron)
    assert series["pm25-beijing"].y.tolist() == [85.8, 32.0]
    assert prepare(chron) is arrays  # cheap when done
