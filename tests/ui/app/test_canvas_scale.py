"""A chronology of 200,000 events on the canvas: what is drawn is right at every zoom (no timings here:
those are the benchmark's, ``benchmarks/bench_render.py``)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPointF

import timeline_app.ui  # noqa: F401  (binding first)
from timeline_app.geometry.layout import column_count
from timeline_app.model import Category, Chronology, Event, PartialDate, ViewState
from timeline_app.model.dates import civil_from_days, days_from_civil
from timeline_app.model.search import SearchIndex
from timeline_app.model.view_state import padded_range
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.timeline.layout import CLUSTER_MARGIN_PX, LOD_EVENTS

N = 200_000
LANES = 6
PLACES = ("Beijing", "Tianjin", "Hebei")


def big_chronology(n: int = N, seed: int = 7) -> Chronology:
    """n events over thirty years: day, month and year precision, one in five a span."""
    rnd = random.Random(seed)
    cats = [Category(f"lane{i}", f"Lane {i + 1}", "#4e79a7", i) for i in range(LANES)]
    first, last = days_from_civil(1994, 1, 1), days_from_civil(2024, 1, 1)
    cache: dict[tuple[int, int], PartialDate] = {}

    def date(day: int, prec: int) -> PartialDate:
        d = cache.get((day, prec))
        if d is None:
            y, m, dd = civil_from_days(day)
            d = cache[(day, prec)] = PartialDate(y, m if prec > 0 else None, dd if prec > 1 else None)
        return d

    events = []
    for i in range(n):
        day = rnd.randrange(first, last)
        prec = rnd.choice((2, 2, 2, 2, 2, 2, 2, 1, 1, 0))
        start = date(day, prec)
        end = date(start.end_day() + rnd.choice((3, 30, 300)), 2) if rnd.random() < 0.2 else None
        events.append(
            Event(f"e{i}", f"Event number {i}", start, f"lane{i % LANES}", end, places=(PLACES[i % 3],))
        )
    return Chronology.build(title="big", events=events, categories=cats)


@pytest.fixture(scope="module")
def chron() -> Chronology:
    return big_chronology()


@pytest.fixture
def canvas(qtbot, chron: Chronology) -> Iterator[tuple[ChronologyCanvas, ViewState]]:  # type: ignore[no-untyped-def]
    state = ViewState(chron)
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.set_shown_plots([])
    c.resize(1400, 800)
    c.show()
    qtbot.waitExposed(c)
    yield c, state


def settle(qtbot, c: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(10)
    c.graphics_view().viewport().repaint()


def point_events_in_columns(c: ChronologyCanvas, exclude: int = -1) -> int:
    """Point events whose marker falls in the frame's pixel columns (what clusters and markers count)."""
    tl = c.timeline_item()
    fr = tl.frame()
    assert fr is not None
    a = tl.arrays()
    ncol = column_count(fr.rect.width(), CLUSTER_MARGIN_PX)
    x = a.anchor * fr.sx + fr.tx - fr.rect.left()
    inside = ~a.is_span & (x >= -CLUSTER_MARGIN_PX) & (x < ncol - CLUSTER_MARGIN_PX)
    if exclude >= 0:
        inside[exclude] = False
    return int(inside.sum())


def drawn_count(c: ChronologyCanvas) -> int:
    fr = c.timeline_item().frame()
    assert fr is not None
    return sum(cl.count for cl in fr.clusters) + len(fr.markers)


def test_full_view_shows_clusters_with_exact_counts(qtbot, canvas, chron: Chronology) -> None:  # type: ignore[no-untyped-def]
    c, state = canvas
    state.set_time_range(padded_range(*chron.full_range()))
    settle(qtbot, c)
    tl = c.timeline_item()
    fr = tl.frame()
    assert fr is not None
    a = tl.arrays()
    i0, i1 = a.visible_range(fr.x_to_day(fr.rect.left()), fr.x_to_day(fr.rect.right()))
    assert i1 - i0 > LOD_EVENTS  # drawn from the level-of-detail index, not event by event
    assert len(fr.clusters) > 10 * LANES and all(cl.count > 1 for cl in fr.clusters)
    assert {cl.lane for cl in fr.clusters} == set(range(LANES))
    assert drawn_count(c) == point_events_in_columns(c)  # every marker counted once
    assert len(fr.span_event) + len(fr.strip_box) > 0  # spans drawn (bars, or runs where crowded)
    # a cluster's tooltip names its count, and its members are the events it counts
    cl = max(fr.clusters, key=lambda g: g.rect.center().x() if g.lane == 1 else -1)
    vp = c.viewport_to_canvas(cl.rect.center())
    tip = c.tooltip_at(vp)
    assert f"{cl.count:,} events" in tip
    assert len(tl.cluster_members(cl)) >= cl.count - 1
    assert cl.count > 8 and f"and {cl.count - 8:,} more" in tip  # eight named, the rest counted as the pill


def test_pan_and_zoom_keep_labels_apart_and_hover_exact(qtbot, canvas, chron: Chronology) -> None:  # type: ignore[no-untyped-def]
    c, state = canvas
    tl = c.timeline_item()
    a = tl.arrays()
    # an event alone on its day, in the middle of the chronology: zoomed in, it is drawn on its own
    mid = float(np.median(a.start_lo))
    target = next(
        i
        for i in np.flatnonzero(~a.is_span & a.exact_start & (a.start_lo > mid)).tolist()
        if ((a.start_lo == a.start_lo[i]) & (a.lane == a.lane[i])).sum() == 1
    )
    eid = a.ids[target]
    day = float(a.anchor[target])
    for span in (20000.0, 3000.0, 365.0, 30.0, 3.0, 0.25):
        state.set_range(day - span / 2, day + span / 2)
        for step in (0.01, -0.02):  # pan a little either way
            state.set_range(state.range.start + step * span, state.range.end + step * span)
            settle(qtbot, c)
            labels = c.placed_labels()
            rects = [r for _, r in labels]
            for i in range(len(rects)):
                for j in range(i + 1, len(rects)):
                    assert not rects[i].intersects(rects[j]), (span, labels[i][0], labels[j][0])
        assert drawn_count(c) == point_events_in_columns(c)
    # zoomed in to a few hours: the event is drawn on its own, hovering it tells exactly it
    pos = c.event_scene_pos(eid)
    assert pos is not None
    assert c.event_at(pos) == eid
    assert chron.events[target].title in c.tooltip_at(pos)
    assert c.event_at(pos - QPointF(200, 0)) is None  # nothing else on that day in its lane
    assert eid in [i for i, _ in c.placed_labels()]  # labelled, at this zoom


def test_selection_is_highlighted_at_every_zoom(qtbot, canvas, chron: Chronology) -> None:  # type: ignore[no-untyped-def]
    c, state = canvas
    tl = c.timeline_item()
    a = tl.arrays()
    mid = float(np.median(a.start_lo))
    target = next(
        i
        for i in np.flatnonzero(~a.is_span & a.exact_start & (a.start_lo > mid)).tolist()
        if ((np.abs(a.anchor - a.anchor[i]) < 1.5) & (a.lane == a.lane[i]) & ~a.is_span).sum() == 1
    )  # alone in its lane for a day either side
    eid = a.ids[target]
    state.select_event(eid)
    day = float(a.anchor[target])
    for rng in (
        padded_range(*chron.full_range()),
        padded_range(day - 200, day + 200),
        padded_range(day - 1, day + 1),
    ):
        state.set_time_range(rng)
        settle(qtbot, c)
        fr = tl.frame()
        assert fr is not None and fr.selected is not None and fr.selected[0] == target
        assert [lab.event for lab in fr.labels if lab.bold] == [target]
        # the selected event is drawn on its own, and no longer counted in a cluster
        assert drawn_count(c) == point_events_in_columns(c, exclude=target)
        at = c.viewport_to_canvas(QPointF(fr.selected[1], fr.selected[2]))
        hit = tl.hit(c.canvas_to_viewport(at))
        # on its own it is hovered; over a cluster of its date, the cluster is (to reach the others)
        assert hit is not None and (hit.event == target or hit.kind == "cluster")
    assert c.event_at(at) == eid


def test_search_highlight_counts_matches_in_clusters(qtbot, canvas, chron: Chronology) -> None:  # type: ignore[no-untyped-def]
    c, state = canvas
    state.set_time_range(padded_range(*chron.full_range()))
    state.set_query("tianjin")
    # the window builds the search index in slices; when it is done the highlight catches up
    SearchIndex.for_chronology(chron).ensure_built()
    settle(qtbot, c)
    tl = c.timeline_item()
    fr = tl.frame()
    assert fr is not None
    total = sum(cl.count for cl in fr.clusters)
    matched = sum(cl.match for cl in fr.clusters)
    assert 0.3 * total < matched < 0.37 * total  # one event in three is in Tianjin
    assert len(tl.matching_ids()) == sum(1 for e in chron.events if "Tianjin" in e.places)
