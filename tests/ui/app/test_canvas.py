"""The chronology canvas: change the state, check what a user sees; act as a user, check the state."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QPoint, QPointF, Qt

import timeline_app.ui  # noqa: F401  (binding first)
from tests.geometry.chronologies import CATS, P, crowded_chronology, day, small_chronology
from timeline_app.model import (
    Chronology,
    Era,
    Event,
    ViewState,
)
from timeline_app.model.dates import days_from_civil
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.canvas_hover import cursor_date_text
from timeline_app.ui.drawing.palette import CanvasColors, contrast_ratio, lane_color


@pytest.fixture
def state() -> ViewState:
    return ViewState(small_chronology())


@pytest.fixture
def canvas(qtbot, state: ViewState) -> Iterator[ChronologyCanvas]:  # type: ignore[no-untyped-def]
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1280, 800)
    c.show()
    qtbot.waitExposed(c)
    yield c


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(20)
    QtWidgets.QApplication.processEvents()


def click(qtbot, canvas: ChronologyCanvas, pos: QPointF) -> None:  # type: ignore[no-untyped-def]
    vp = canvas.canvas_to_viewport(pos).toPoint()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=vp)


def wheel(canvas: ChronologyCanvas, pos: QPointF, steps: int) -> None:
    vp = canvas.canvas_to_viewport(pos)
    w = canvas.viewport()
    ev = QtGui.QWheelEvent(
        vp,
        QtCore.QPointF(w.mapToGlobal(vp.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(w, ev)


def drag(canvas: ChronologyCanvas, start: QPointF, end: QPointF, steps: int = 6) -> None:
    w = canvas.viewport()

    def send(kind: QtCore.QEvent.Type, p: QPointF, buttons: Qt.MouseButton) -> None:
        vp = canvas.canvas_to_viewport(p)
        ev = QtGui.QMouseEvent(
            kind,
            vp,
            QtCore.QPointF(w.mapToGlobal(vp.toPoint())),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QtWidgets.QApplication.sendEvent(w, ev)

    send(QtCore.QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for k in range(1, steps + 1):
        t = k / steps
        send(QtCore.QEvent.Type.MouseMove, start + (end - start) * t, Qt.MouseButton.LeftButton)
    send(QtCore.QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def plot_center(canvas: ChronologyCanvas, k: int) -> QPointF:
    rect = canvas.indicator_plots()[k].view_rect_px()
    assert rect is not None
    return canvas.viewport_to_canvas(rect.center())


def timeline_center(canvas: ChronologyCanvas) -> QPointF:
    vb = canvas.timeline_plot().getViewBox()
    vp = canvas.graphics_view().mapFromScene(vb.sceneBoundingRect().center())
    return canvas.viewport_to_canvas(QPointF(vp))


def assert_ranges_follow(canvas: ChronologyCanvas, state: ViewState) -> None:
    r = state.range
    for lo, hi in canvas.view_x_ranges():
        assert lo == pytest.approx(r.start, abs=r.span * 1e-6)
        assert hi == pytest.approx(r.end, abs=r.span * 1e-6)


# -- range ------------------------------------------------------------------------------------------------------


def test_state_range_moves_timeline_and_every_plot(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    canvas.set_shown_plots(canvas.plot_keys())
    settle(qtbot)
    assert len(canvas.indicator_plot_items()) == 3
    state.set_range(day("2015"), day("2016"))
    settle(qtbot)
    assert_ranges_follow(canvas, state)
    state.set_range(day("2014-02-01"), day("2014-03-01"))
    settle(qtbot)
    assert_ranges_follow(canvas, state)


def test_wheel_on_a_plot_zooms_everything(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    before = state.range
    wheel(canvas, plot_center(canvas, 0), +2)
    settle(qtbot)
    assert state.range.span < before.span * 0.95
    assert_ranges_follow(canvas, state)
    wheel(canvas, timeline_center(canvas), -3)
    settle(qtbot)
    assert state.range.span > before.span
    assert_ranges_follow(canvas, state)


def test_drag_on_the_timeline_pans_everything(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    before = state.range
    c = timeline_center(canvas)
    drag(canvas, c, c + QPointF(-200, 0))
    settle(qtbot)
    assert state.range.start > before.start
    assert state.range.span == pytest.approx(before.span, rel=1e-6)
    assert_ranges_follow(canvas, state)
    # and dragging a plot moves the timeline too
    before = state.range
    c = plot_center(canvas, 1)
    drag(canvas, c, c + QPointF(150, 0))
    settle(qtbot)
    assert state.range.start < before.start
    assert_ranges_follow(canvas, state)


def test_vertical_zoom_is_off_on_the_timeline(qtbot, canvas: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    vb = canvas.timeline_plot().getViewBox()
    y0 = vb.viewRange()[1]
    wheel(canvas, timeline_center(canvas), 3)
    settle(qtbot)
    assert vb.viewRange()[1] == pytest.approx(y0)
    assert vb.state["mouseEnabled"][1] is False


def test_plots_are_pixel_aligned(qtbot, canvas: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    canvas.set_shown_plots(canvas.plot_keys())
    canvas.resize(1100, 900)
    settle(qtbot)
    items = canvas.all_plot_items()
    assert len(items) == 4
    widths = {round(p.getAxis("left").width(), 3) for p in items}
    assert widths == {float(ChronologyCanvas.LANE_COLUMN_WIDTH)}
    lefts = [p.getViewBox().sceneBoundingRect().left() for p in items]
    rights = [p.getViewBox().sceneBoundingRect().right() for p in items]
    assert max(lefts) - min(lefts) < 0.5
    assert max(rights) - min(rights) < 0.5
    # the same day is at the same pixel column on every plot
    d0 = day("2016-06-01")
    xs = [p.getViewBox().mapViewToScene(QPointF(d0, 0)).x() for p in items]
    assert max(xs) - min(xs) < 0.5


# -- clicks -----------------------------------------------------------------------------------------------------------


def test_click_on_an_event_selects_it(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    for eid in ("outline", "games", "clean-air"):
        pos = canvas.event_scene_pos(eid)
        assert pos is not None, eid
        assert canvas.event_at(pos) == eid
        click(qtbot, canvas, pos)
        assert state.selected_event_id == eid


def test_click_on_empty_timeline_clears_the_selection(
    qtbot, canvas: ChronologyCanvas, state: ViewState
) -> None:  # type: ignore[no-untyped-def]
    state.select_event("rail")
    settle(qtbot)
    vb = canvas.timeline_plot().getViewBox()
    empty = vb.mapToScene(QPointF(4, vb.height() - 3))
    pos = canvas.viewport_to_canvas(QPointF(canvas.graphics_view().mapFromScene(empty)))
    assert canvas.event_at(pos) is None
    click(qtbot, canvas, pos)
    assert state.selection is None


def test_click_on_an_event_line_in_a_plot_selects_it(
    qtbot, canvas: ChronologyCanvas, state: ViewState
) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    pos = canvas.event_marker_pos("airport", 0)
    assert pos is not None
    click(qtbot, canvas, pos + QPointF(2, 0))  # a couple of pixels off still hits
    assert state.selected_event_id == "airport"


def test_click_on_a_data_point_selects_it(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    pos = canvas.point_pos("pm25-beijing", 1)
    assert pos is not None
    click(qtbot, canvas, pos)
    sel = state.selection
    assert sel is not None and sel.indicator_id == "pm25-beijing" and sel.point_index == 1


def test_selecting_a_point_shows_its_plot(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    canvas.set_shown_plots([])
    assert canvas.indicator_plot_items() == []
    state.select_point("rail-km", 3)
    settle(qtbot)
    assert [p.key for p in canvas.indicator_plots()] == [("High-speed rail length", "km")]
    assert canvas.point_pos("rail-km", 3) is not None


def test_click_on_a_lane_name_toggles_the_lane(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    axis = canvas.lane_axis()
    lane = canvas.timeline_item().lanes()[1]
    scene = axis.mapToScene(QPointF(40, lane.top + lane.height / 2))
    pos = canvas.viewport_to_canvas(QPointF(canvas.graphics_view().mapFromScene(scene)))
    assert "Transport" in canvas.tooltip_at(pos)
    click(qtbot, canvas, pos)
    assert state.hidden_lanes == frozenset({"transport"})


# -- what is drawn ------------------------------------------------------------------------------------------------


def test_selected_event_is_highlighted_and_labelled(
    qtbot, canvas: ChronologyCanvas, state: ViewState
) -> None:  # type: ignore[no-untyped-def]
    state.select_event("outline")
    settle(qtbot)
    fr = canvas.timeline_item().frame()
    assert fr is not None and fr.selected is not None
    assert canvas.timeline_item().arrays().ids[fr.selected[0]] == "outline"
    bold = [lab for lab in fr.labels if lab.bold]
    assert [canvas.timeline_item().arrays().ids[lab.event] for lab in bold] == ["outline"]
    for pl in canvas.indicator_plots():
        assert (
            pl.markers.event_near(pl.markers.event_x("outline") or 0)
            == canvas.timeline_item().arrays().index["outline"]
        )


def test_hidden_lane_is_not_drawn(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    assert {"rail", "games", "airport"} <= canvas.timeline_item().drawn_event_ids()
    state.toggle_lane("transport")
    settle(qtbot)
    drawn = canvas.timeline_item().drawn_event_ids()
    assert not ({"rail", "games", "airport"} & drawn)
    assert {"outline", "clean-air"} <= drawn
    lanes = canvas.timeline_item().lanes()
    assert lanes[1].hidden and lanes[1].height < lanes[0].height  # collapsed, name still shown
    assert canvas.event_scene_pos("airport") is None
    assert (
        canvas.indicator_plots()[0].markers.event_near(
            canvas.indicator_plots()[0].markers.event_x("airport") or 0
        )
        < 0
    )


def test_labels_never_overlap(qtbot, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    state.set_chronology(crowded_chronology(), fit=True)
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1200, 700)
    c.show()
    qtbot.waitExposed(c)
    tl = c.timeline_item()
    ranges = [
        state.range,
        (day("2015"), day("2016")),
        (day("2015-03"), day("2015-04")),
        (day("2016"), day("2019")),
    ]
    for k, r in enumerate(ranges):
        if k:
            state.set_range(*r)
        if k == 2:
            state.select_event(state.chronology.events[len(state.chronology.events) // 2].id)
        settle(qtbot)
        labels = c.placed_labels()
        assert labels, r
        rects = [rc for _, rc in labels]
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                assert not rects[i].intersects(rects[j]), (labels[i], labels[j])
        # and no label covers another event's marker
        fr = tl.frame()
        assert fr is not None
        off = c.viewport_to_canvas(QPointF(0, 0))
        for eid, rc in labels:
            for i, x, y in fr.markers:
                if tl.arrays().ids[i] != eid:
                    assert not rc.contains(QPointF(x, y) + off), (eid, tl.arrays().ids[i])


def test_close_events_merge_into_a_cluster_that_zooms_in(qtbot, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    base = small_chronology()
    extra = [Event(f"p{k}", f"Park phase {k}", P(f"2018-07-{k + 1:02d}"), "planning") for k in range(5)]
    state.set_chronology(
        Chronology.build(title="t", events=[*base.events, *extra], categories=CATS), fit=True
    )
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1200, 700)
    c.show()
    qtbot.waitExposed(c)
    settle(qtbot)
    clusters = c.timeline_item().clusters()
    assert [cl.count for cl in clusters] == [5]
    cl = clusters[0]
    assert cl.day_lo >= day("2018-07-01") and cl.day_hi <= day("2018-07-06")
    pos = c.viewport_to_canvas(cl.rect.center())
    assert "5 events" in c.tooltip_at(pos)
    assert c.event_at(pos) is None
    before = state.range.span
    click(qtbot, c, pos)
    settle(qtbot)
    assert state.range.span < before / 50
    assert state.range.contains(day("2018-07-01")) and state.range.contains(day("2018-07-05"))
    assert c.timeline_item().clusters() == []
    assert {f"p{k}" for k in range(5)} <= c.timeline_item().drawn_event_ids()


def test_a_cluster_of_one_date_selects_its_events_in_turn(qtbot, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    extra = [Event(f"same{k}", f"Same day {k}", P("2018-05-05"), "ecology") for k in range(3)]
    state.set_chronology(Chronology.build(title="t", events=extra, categories=CATS), fit=True)
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1000, 600)
    c.show()
    qtbot.waitExposed(c)
    state.set_range(day("2018-05-05"), day("2018-05-05") + 1.0)
    settle(qtbot)
    (cl,) = c.timeline_item().clusters()
    click(qtbot, c, c.viewport_to_canvas(cl.rect.center()))
    assert state.selected_event_id == "same0"
    settle(qtbot)
    (cl,) = c.timeline_item().clusters()
    assert cl.count == 2
    click(qtbot, c, c.viewport_to_canvas(cl.rect.center()))
    assert state.selected_event_id == "same1"
    settle(qtbot)
    (cl,) = c.timeline_item().clusters()
    click(qtbot, c, c.viewport_to_canvas(cl.rect.center()))
    assert state.selected_event_id == "same2"
    settle(qtbot)
    (cl,) = c.timeline_item().clusters()
    click(qtbot, c, c.viewport_to_canvas(cl.rect.center()))
    assert state.selected_event_id == "same0"


def test_query_highlights_matches(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    state.set_query("BEIJING")  # in the places of one event
    settle(qtbot)
    assert canvas.timeline_item().matching_ids() == ["symposium"]
    state.set_query("trains")  # in a description
    settle(qtbot)
    assert canvas.timeline_item().matching_ids() == ["rail"]
    labels = canvas.timeline_item().frame().labels  # type: ignore[union-attr]
    assert [canvas.timeline_item().arrays().ids[lab.event] for lab in labels if lab.match] == ["rail"]
    state.set_query("")
    assert canvas.timeline_item().matching_ids() == []
    # the same rule as the search panel's (every word, any order)
    from timeline_app.model.actions import search

    for q in ("opens railway", "clean", "AIR plan", "games"):
        state.set_query(q)
        assert sorted(canvas.timeline_item().matching_ids()) == sorted(search(state, q)), q


def test_hover_tooltip_says_the_precision(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    pos = canvas.event_scene_pos("rail")
    assert pos is not None
    tip = canvas.tooltip_at(pos)
    assert "Intercity railway opens" in tip and "2017 (year only)" in tip and "Transport" in tip
    tip = canvas.tooltip_at(canvas.event_scene_pos("wetland"))  # type: ignore[arg-type]
    assert "ongoing" in tip and "approximate" in tip and "March 2016 (month only)" in tip
    # exact at a close zoom too
    state.set_range(day("2019-09-24"), day("2019-09-27"))
    settle(qtbot)
    pos = canvas.event_scene_pos("airport")
    assert pos is not None
    assert "25 September 2019" in canvas.tooltip_at(pos)
    assert canvas.tooltip_at(pos - QPointF(40, 0)) == ""
    # a data point
    state.fit_all()
    settle(qtbot)
    tip = canvas.tooltip_at(canvas.point_pos("pm25-beijing", 1))  # type: ignore[arg-type]
    assert "derived" in tip and "85.8" in tip


def test_hover_moves_the_crosshair_and_reads_values(qtbot, canvas: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    settle(qtbot)
    pos = canvas.point_pos("pm25-beijing", 2)
    assert pos is not None
    canvas.update_hover(canvas.canvas_to_viewport(pos))
    pl = canvas.indicator_plots()[0]
    assert pl.crosshair.isVisible()
    text = "\n".join(pl.readout.lines())
    assert "Beijing: 80.6 (2015)" in text and "nearest" in text
    canvas.update_hover(None)
    assert not pl.crosshair.isVisible()


def test_precision_whisker_versus_duration(qtbot, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    """'Known only to the year' is a point with a whisker; 'lasted a year' is a bar."""
    events = [
        Event("known-year", "Known to the year", P("2016"), "planning"),
        Event("lasted-year", "Lasted a year", P("2016-01-01"), "transport", end=P("2016-12-31")),
    ]
    state.set_chronology(Chronology.build(title="t", events=events, categories=CATS))
    state.set_range(day("2015-06"), day("2017-06"))
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1000, 600)
    c.show()
    qtbot.waitExposed(c)
    settle(qtbot)
    fr = c.timeline_item().frame()
    assert fr is not None
    ids = c.timeline_item().arrays().ids
    assert [ids[i] for i, _, _ in fr.markers] == ["known-year"]
    assert [ids[i] for i, _ in fr.spans] == ["lasted-year"]
    ((_i, x, _),) = fr.markers
    mid = fr.day_to_x((day("2016") + day("2017")) / 2)
    assert x == pytest.approx(mid, abs=1.0)  # the marker sits mid-interval, between the whisker's caps


def test_follows_the_palette(qtbot, canvas: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    light = canvas.colors()
    pal = QtGui.QPalette()
    pal.setColor(QtGui.QPalette.ColorRole.Base, QtGui.QColor("#1e1e1e"))
    pal.setColor(QtGui.QPalette.ColorRole.Text, QtGui.QColor("#e8e8e8"))
    pal.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor("#2b2b2b"))
    canvas.setPalette(pal)
    settle(qtbot)
    dark = canvas.colors()
    assert dark.is_dark and dark.background != light.background
    assert canvas.timeline_item().colors() is dark
    for cat in CATS:
        assert contrast_ratio(lane_color(cat.color, dark), dark.background) >= 3.0
    assert contrast_ratio(dark.foreground, dark.background) >= 4.5


def test_palette_derivation_in_light_and_dark() -> None:
    for base, text in (("#ffffff", "#000000"), ("#202124", "#e8eaed")):
        pal = QtGui.QPalette()
        pal.setColor(QtGui.QPalette.ColorRole.Base, QtGui.QColor(base))
        pal.setColor(QtGui.QPalette.ColorRole.Text, QtGui.QColor(text))
        c = CanvasColors.from_palette(pal)
        assert contrast_ratio(c.foreground, c.background) >= 4.5
        assert contrast_ratio(c.selection, c.background) >= 2.5
        for hexc in ("#ffff00", "#000080", "#edc948", "#4e79a7"):
            assert contrast_ratio(lane_color(hexc, c), c.background) >= 3.0


def test_shown_plots_and_chooser(qtbot, canvas: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    keys = canvas.plot_keys()
    assert keys == [
        ("PM2.5 annual mean concentration", "µg/m³"),
        ("Regional GDP", "trillion yuan"),
        ("High-speed rail length", "km"),
    ]
    # at first, the plots with a line to show: Regional GDP has two points, a figure's worth
    assert canvas.shown_plots() == [keys[0], keys[2]]
    assert (
        canvas.shown_plots()
        == canvas.state().chronology.default_plot_keys()[: ChronologyCanvas.DEFAULT_SHOWN_PLOTS]
    )
    canvas.set_shown_plots([])
    with qtbot.waitSignal(canvas.shown_plots_changed):
        canvas.set_shown_plots([keys[2], keys[0]])
    assert canvas.shown_plots() == [keys[0], keys[2]]  # in the chronology's order
    assert len(canvas.indicator_plot_items()) == 2
    # only the bottom plot carries date labels; the others have no time axis at all (their grid
    # and a baseline are drawn with their event lines)
    assert [p.time_axis.show_labels() for p in canvas.indicator_plots()] == [False, True]
    assert [p.date_axis_shown() for p in canvas.indicator_plots()] == [False, True]
    assert [p.time_axis.isVisible() for p in canvas.indicator_plots()] == [False, True]
    # one row of dates for the whole stack: the timeline's own axis keeps only its tick marks
    # above the plots, and takes its labels back when no plot is shown
    tl_axis = canvas.time_axis()
    qtbot.waitUntil(lambda: tl_axis.height() == tl_axis.unlabelled_height())
    assert not tl_axis.show_labels()
    canvas.set_shown_plots([])
    qtbot.waitUntil(lambda: tl_axis.height() == tl_axis.labelled_height())
    assert tl_axis.show_labels()
    canvas.set_shown_plots([keys[0], keys[2]])
    # the menu under the canvas follows, and drives
    acts = [a for a in canvas.plots_chooser().menu().actions() if a.isCheckable()]
    assert [a.isChecked() for a in acts] == [True, False, True]
    acts[1].trigger()
    assert canvas.shown_plots() == keys


def test_derived_points_are_drawn_differently(qtbot, canvas: ChronologyCanvas) -> None:  # type: ignore[no-untyped-def]
    pl = canvas.indicator_plots()[0]
    s = next(s for s in pl.series if s.indicator.id == "pm25-beijing")
    symbols = s.symbols()
    assert symbols == ["o", "d", "o", "o"]
    assert "derived (computed)" in pl.legend.labels()
    assert "no data between" in pl.legend.labels()


def test_survives_a_new_chronology(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    state.select_event("rail")
    state.set_chronology(crowded_chronology(50), fit=True)
    settle(qtbot)
    assert canvas.plot_keys() == []
    assert canvas.indicator_plot_items() == []
    assert state.selection is None
    state.set_chronology(small_chronology(), fit=True)
    settle(qtbot)
    assert len(canvas.plot_keys()) == 3
    assert_ranges_follow(canvas, state)


def test_cursor_date_text() -> None:
    assert cursor_date_text(day("2014-02-26") + 0.5, 20) == "26 Feb 2014"
    assert cursor_date_text(day("2014-02-26") + 0.5, 2) == "26 Feb 2014 12:00"
    assert cursor_date_text(day("44 BCE"), 366 * 100) == "44 BCE"


# -- pure helpers ---------------------------------------------------------------------------------------------------


def test_a_new_chronology_reuses_the_plots(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    canvas.set_shown_plots(canvas.plot_keys())
    settle(qtbot)
    before = canvas.indicator_plot_items()
    other = small_chronology()
    state.set_chronology(other, fit=True)
    settle(qtbot)
    after = canvas.indicator_plot_items()
    assert [id(p) for p in after] == [id(p) for p in before]  # no pg.PlotItem made again
    assert len(canvas.plot_keys()) == len(other.plot_groups())
    pl = canvas.indicator_plots()[0]
    assert [s.indicator.id for s in pl.series] == [i.id for i in other.plot_groups()[0][1]]
    assert_ranges_follow(canvas, state)


def test_plot_grid_is_the_timeline_grid(qtbot, canvas: ChronologyCanvas, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    """Each plot draws its grid with its event lines, on the pixel columns of the timeline's grid
    (the ticks of the one labelled axis), and a plot without a date axis gets a baseline."""
    canvas.set_shown_plots(canvas.plot_keys())
    state.set_range(day("2013-01-01"), day("2024-01-01"))
    settle(qtbot)
    canvas.graphics_view().viewport().repaint()
    tl = canvas.timeline_item()
    fr = tl.frame()
    assert fr is not None
    minor, major = tl._painter._background._grid(fr)
    plots = canvas.indicator_plots()
    for pl in plots:
        mk = pl.markers
        dt = mk._device_transform()
        rect = dt.mapRect(mk.viewRect())
        cols_minor, cols_major = mk.grid_columns(rect.left(), rect.width(), dt.m11(), dt.m31())
        px_major = np.floor(rect.left()) + cols_major - mk.MARGIN
        assert len(px_major) == len(major) > 0
        assert np.allclose(px_major, np.floor(major * fr.sx + fr.tx))
        assert len(cols_minor) == len(minor)
    assert [pl.markers._baseline for pl in plots] == [True] * (len(plots) - 1) + [False]
    # the row (grid + event lines) is made once per frame, for every plot
    shared = tl.shared_cache("marker-row")
    img = shared["image"]
    for pl in plots:
        mk = pl.markers
        dt = mk._device_transform()
        rect = dt.mapRect(mk.viewRect())
        assert mk.row_image(rect.left(), rect.width(), dt.m11(), dt.m31()) is img


def test_one_paint_per_item_per_step(qtbot, monkeypatch, state: ViewState) -> None:  # type: ignore[no-untyped-def]
    """A pan or zoom step repaints each item of the canvas once (no cascade of linked-view
    updates paints anything twice), and the plots' hidden time axes not at all."""
    from timeline_app.ui.drawing.time_axis import TimeAxisItem
    from timeline_app.ui.plots.event_markers import EventMarkersItem
    from timeline_app.ui.plots.series_item import SeriesLayer
    from timeline_app.ui.timeline.item import TimelineItem

    counts: dict[int, int] = {}
    # patched before the items are made: the binding looks a Python override up once
    for cls in (TimelineItem, SeriesLayer, EventMarkersItem, TimeAxisItem):

        def counted(self, p, opt, widget, orig=cls.paint):  # type: ignore[no-untyped-def]
            counts[id(self)] = counts.get(id(self), 0) + 1
            orig(self, p, opt, widget)

        monkeypatch.setattr(cls, "paint", counted)
    canvas = ChronologyCanvas(state)
    qtbot.addWidget(canvas)
    canvas.resize(1280, 800)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_shown_plots(canvas.plot_keys())
    state.set_range(day("2013-01-01"), day("2024-01-01"))
    settle(qtbot)
    vp = canvas.graphics_view().viewport()
    vp.repaint()
    for lo, hi in (("2013-02-01", "2024-02-01"), ("2014-01-01", "2020-01-01")):
        counts.clear()
        state.set_range(day(lo), day(hi))
        vp.repaint()
        plots = canvas.indicator_plots()
        assert len(plots) == 3
        expected = [canvas.timeline_item(), canvas.time_axis(), plots[-1].time_axis]
        expected += [pl.layer for pl in plots] + [pl.markers for pl in plots]
        assert [counts.get(id(it), 0) for it in expected] == [1] * len(expected)
        assert all(counts.get(id(pl.time_axis), 0) == 0 for pl in plots[:-1])
        assert sum(counts.values()) == len(expected)


def _pixels(widget: QtWidgets.QWidget) -> np.ndarray:
    img = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)
    raw = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine())
    return raw[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[..., :3].astype(int)


def test_era_bands_look_the_same_drawn_opaque(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Era bands are drawn as opaque rectangles in the colours they make over the lanes (a
    translucent band is blended pixel by pixel, ~1 ms a frame): overlapping eras, with edges
    inside pixels, look as the translucent bands do, to a unit of rounding."""
    from timeline_app.ui.timeline.background import BackgroundPainter

    chron = small_chronology()
    eras = (
        Era("a", "First", P("2014-02-26"), P("2019-07-13"), color="#3366cc"),
        Era("b", "Second", P("2017-05-03"), P("2024-02-26"), color="#cc6633"),
    )
    state = ViewState(Chronology.build(title="Eras", events=chron.events, categories=CATS, eras=eras))
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1280, 700)
    c.set_shown_plots([])
    c.show()
    qtbot.waitExposed(c)
    state.set_range(float(days_from_civil(2012, 1, 1)), float(days_from_civil(2026, 1, 1)) + 0.37)
    settle(qtbot)
    opaque = _pixels(c)
    calls: list[bool] = []
    real = BackgroundPainter._opaque_eras

    def spy(self, *args):  # type: ignore[no-untyped-def]
        calls.append(real(self, *args))
        return calls[-1]

    monkeypatch.setattr(BackgroundPainter, "_opaque_eras", spy)
    c.timeline_item().update()
    settle(qtbot)
    assert calls and all(calls)  # the opaque path was the one taken
    monkeypatch.setattr(BackgroundPainter, "_opaque_eras", lambda self, *args: False)
    c.timeline_item().update()
    settle(qtbot)
    translucent = _pixels(c)
    # Qt rounds to 8 bits after each blend, this path once: a unit or two, three where bands overlap
    diff = np.abs(opaque - translucent).max(axis=2)
    assert diff.max() <= 3 and (diff >= 2).mean() < 0.01
    # and the bands are there: inside an era, a lane's background is tinted
    fr = c.timeline_item().frame()
    assert fr is not None
    y = int(fr.rect.top() + fr.lanes[0].top + fr.lanes[0].height - 3)
    x_out = int(fr.day_to_x(days_from_civil(2012, 6, 1)))
    x_in = int(fr.day_to_x(days_from_civil(2018, 6, 1)))
    assert np.abs(opaque[y, x_in] - opaque[y, x_out]).sum() > 20


def test_a_reduced_line_filled_by_columns_looks_as_stroked(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A line with more points than pixels is filled as one box per pixel column; where its points
    are sparser (yearly values before daily ones), the joins across empty columns are still drawn:
    every column of the line has its pixels, as when the whole line was stroked."""
    import pyqtgraph as pg

    from timeline_app.geometry.series_lod import SeriesArrays
    from timeline_app.ui.plots import series_item

    x = np.r_[np.arange(100) * 365.25 + 182.6, 100 * 365.25 + np.arange(7300) + 0.5]
    rng = np.random.default_rng(1)
    s = SeriesArrays(
        x=x, y=np.cumsum(rng.normal(size=len(x))), derived=np.zeros(len(x), dtype=bool),
        adjacent=np.r_[np.ones(len(x) - 1, dtype=bool), False], order=np.arange(len(x)),
    )  # fmt: skip

    def line_pixels() -> np.ndarray:
        w = pg.PlotWidget()
        qtbot.addWidget(w)
        w.resize(900, 400)
        w.setBackground("w")
        layer = series_item.SeriesLayer()
        layer.add(s, QtGui.QColor("#cc0000"))
        w.addItem(layer)
        w.setXRange(x[0], x[-1], padding=0)
        w.setYRange(float(s.y.min()), float(s.y.max()))
        w.show()
        qtbot.waitExposed(w)
        px = _pixels(w)
        vb = w.getViewBox().sceneBoundingRect()
        red = (px[..., 2] > 150) & (px[..., 1] < 100)  # B, G, R in memory
        return red[:, int(vb.left()) + 2 : int(vb.right()) - 2]

    boxes = line_pixels()
    monkeypatch.setattr(series_item, "column_spans", lambda v: np.empty((0, 4)))
    stroked = line_pixels()
    assert boxes.any(axis=0).all() and stroked.any(axis=0).all()  # no column without its line
    assert abs(int(boxes.sum()) - int(stroked.sum())) < 0.03 * stroked.sum()
