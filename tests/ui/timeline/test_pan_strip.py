"""Pans that follow each other are drawn from strips wider than the view (issue 18): the timeline's,
and each plot's (its event lines and its series); they look as the exact frame does, and the exact
frame follows once the panning stops."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

import timeline_app.ui  # noqa: F401  (binding first)
from timeline_app.model import Chronology, Era, Event, ViewState
from timeline_app.model.chronology import Category, Indicator, IndicatorPoint
from timeline_app.model.dates import PartialDate, days_from_civil
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.drawing.pan_strip import SETTLE_MS


def _chronology() -> Chronology:
    """A few events in the middle of the view, an era running past both its edges."""
    cats = [Category("a", "Planning", "#4e79a7", 0), Category("b", "Transport", "#f28e2b", 1)]
    events = [
        Event("one", "First meeting", PartialDate.parse("2015-03-10"), "a"),
        Event("two", "Second meeting", PartialDate.parse("2015-09-01"), "a"),
        Event("line", "A railway line", PartialDate.parse("2015-05"), "b", end=PartialDate.parse("2016-02")),
        Event("edge", "Long before", PartialDate.parse("2001-01-01"), "b"),
        Event("later", "Long after", PartialDate.parse("2030-01-01"), "b"),
    ]
    eras = [Era("era", "A long era of planning", PartialDate.parse("2005"), PartialDate.parse("2025"))]
    years = range(2012, 2020)
    inds = [
        Indicator(
            f"gdp-{region}",
            "GDP",
            "bn yuan",
            tuple(IndicatorPoint(PartialDate.parse(str(y)), base + 7.5 * k) for k, y in enumerate(years)),
            region=region,
        )
        for region, base in (("Beijing", 100.0), ("Tianjin", 60.0))
    ] + [
        Indicator(
            "share",
            "Share of services",
            "%",
            tuple(IndicatorPoint(PartialDate.parse(str(y)), 50.0 + (k % 3)) for k, y in enumerate(years)),
        )
    ]
    return Chronology.build(title="t", events=events, categories=cats, eras=eras, indicators=inds)


@pytest.fixture
def canvas(qtbot) -> Iterator[ChronologyCanvas]:  # type: ignore[no-untyped-def]
    state = ViewState(_chronology())
    c = ChronologyCanvas(state)
    qtbot.addWidget(c)
    c.resize(1100, 520)
    c.show()
    qtbot.waitExposed(c)
    state.set_range(days_from_civil(2013, 1, 1), days_from_civil(2018, 1, 1))
    qtbot.wait(SETTLE_MS + 100)
    yield c


def _pixels_per_day(c: ChronologyCanvas) -> float:
    fr = c.timeline_item().frame()
    assert fr is not None
    return fr.sx


def _pan_px(c: ChronologyCanvas, px: float) -> None:
    st = c.state()
    d = px / _pixels_per_day(c)
    st.set_range(st.range.start + d, st.range.end + d)


def _needs_strips(c: ChronologyCanvas) -> float:
    """The device pixel ratio; skips the test on a screen that gets exact frames (1.5 device pixels
    to a pixel: see test_a_screen_of_fractional_device_pixels_gets_exact_frames)."""
    dpr = c.viewport().devicePixelRatioF()
    if dpr != round(dpr):
        pytest.skip("a fractional device pixel ratio: exact frames, no strips")
    return dpr


def _pixels(img: QtGui.QImage) -> np.ndarray:
    img = img.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return rows[:, : img.width()].copy()


def _grab(c: ChronologyCanvas) -> QtGui.QImage:
    """The canvas as painted now (a paint of its own, with the state as it is)."""
    return c.viewport().grab().toImage()


def test_panning_draws_from_the_strip_the_same_pixels_as_the_exact_frame(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    dpr = _needs_strips(canvas)
    item = canvas.timeline_item()
    made = item.strips_made()
    _grab(canvas)
    for px in (40, 40, 40):  # whole pixels, one paint after each: a movement
        _pan_px(canvas, px)
        moving = _grab(canvas)
    assert item.strips_made() == made + 1  # laid out and painted once, then shifted
    plots = canvas.indicator_plots()
    assert len(plots) == 2
    assert all(pl.markers.strips_made() >= 1 for pl in plots)  # the plots' lines and series too
    qtbot.wait(SETTLE_MS + 100)  # the panning stopped: the exact frame
    QtWidgets.QApplication.processEvents()
    exact = _grab(canvas)
    assert item.strips_made() == made + 1
    assert moving.size() == exact.size()
    # the timeline: the same pixels (the era's name kept to the left edge; events, labels, grid)
    differ = np.argwhere((_pixels(moving) != _pixels(exact)).any(axis=2))
    top_of_plots = dpr * min(pl.view_rect_px().top() for pl in plots)  # type: ignore[union-attr]
    assert not len(differ) or differ[:, 0].min() >= top_of_plots
    # the plots: the same but for a few pixels where a sloped line meets the view's edge (the
    # line is cut there, and stepped from another point), and the column beside each edge
    assert len(differ) <= 30
    strip_moved = _pixels(moving)[int(top_of_plots) :]
    assert (strip_moved != 255).any(axis=2).sum() > 2000  # lines, points and grid are all there


def test_a_screen_of_fractional_device_pixels_gets_exact_frames(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    """At 1.5 device pixels to a pixel, an image shifted by whole device pixels does not show what
    the exact frame shows (the view port's pixels fall on the device grid differently): no strips."""
    from timeline_app.ui.drawing.pan_strip import PanStrip

    made: list[object] = []
    strip = PanStrip(lambda p, rect, sx, tx: made.append(rect), lambda: None)
    image = QtGui.QImage(400, 200, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    white = QtGui.QColor("white")
    for dpr, expect in ((1.5, False), (2.0, True)):
        image.setDevicePixelRatio(dpr)
        painter = QtGui.QPainter(image)
        try:
            rect = QtCore.QRectF(10, 10, 200, 100)
            drawn = [strip.draw(painter, rect, 1.0, float(tx), 0, dpr, white) for tx in (0, 5, 10)]
        finally:
            painter.end()
        assert drawn[-1] is expect, dpr
        strip.drop()
    assert len(made) == 1  # the one strip, at 2 device pixels to a pixel


def test_a_lone_pan_is_painted_exactly(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    item = canvas.timeline_item()
    made = item.strips_made()
    _pan_px(canvas, 30)
    _grab(canvas)
    assert item.strips_made() == made


def test_hit_testing_answers_from_what_the_strip_shows(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    _needs_strips(canvas)
    item = canvas.timeline_item()
    st = canvas.state()
    for _ in range(3):  # key-sized steps: a tenth of the view, not whole pixels
        d = st.range.span * 0.1
        st.set_range(st.range.start + d, st.range.end + d)
        _grab(canvas)
    assert item.strips_made() >= 1
    pos = item.event_position("two")
    assert pos is not None
    hit = item.hit(pos)
    assert hit is not None and hit.kind == "event"
    assert item.arrays().ids[hit.event] == "two"
    qtbot.wait(SETTLE_MS + 100)
    QtWidgets.QApplication.processEvents()
    _grab(canvas)
    exact = item.event_position("two")
    assert exact is not None
    assert abs(exact.x() - pos.x()) <= 0.5  # drawn at whole pixels while moving
    assert exact.y() == pos.y()


def test_a_change_other_than_a_pan_is_painted_exactly(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    item = canvas.timeline_item()
    for px in (25, 25):
        _pan_px(canvas, px)
        _grab(canvas)
    canvas.state().select_event("one")
    _grab(canvas)
    fr = item.frame()
    assert fr is not None and fr.selected is not None  # laid out for the view, with the selection
    assert item.arrays().ids[fr.selected[0]] == "one"


def test_a_pan_is_painted_once(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    """pyqtgraph applies a new range while painting; a transform changed in a paint made the scene
    paint the whole view again after it. The canvas applies it before."""
    from PySide6.QtCore import QEvent, QObject

    paints = [0]

    class Count(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints[0] += 1
            return False

    counter = Count()
    canvas.viewport().installEventFilter(counter)
    for _ in range(3):
        paints[0] = 0
        _pan_px(canvas, 30)
        qtbot.wait(60)  # idle, as between two repeats of a held key (shorter than the settle time)
        assert paints[0] == 1


def test_the_next_strip_is_made_between_steps(qtbot, canvas, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Past half its strip's margin, the view's next strip is made in the time between two steps
    of the movement (a held key repeats every 30 ms or so), not in a step's paint."""
    _needs_strips(canvas)
    from timeline_app.ui.drawing import pan_strip

    item = canvas.timeline_item()
    width = item.frame().rect.width()  # type: ignore[union-attr]
    in_paint: list[int] = []
    draw = pan_strip.PanStrip.draw

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        before = self.strips_made
        out = draw(self, *args, **kwargs)
        in_paint.append(self.strips_made - before)
        return out

    monkeypatch.setattr(pan_strip.PanStrip, "draw", counted)

    def step(px: float) -> int:
        """A pan, painted as the event loop paints it; the strips its paints made."""
        in_paint.clear()
        _pan_px(canvas, px)
        QtWidgets.QApplication.processEvents()
        return sum(in_paint)

    step(10)
    assert step(10) >= 1  # the movement's first strips (the timeline's, each plot's)
    assert step(width * 0.3) == 0
    made = item.strips_made()
    assert step(width * 0.3) == 0  # past half the strip's margin: drawn from the strip it has
    qtbot.wait(20)
    assert item.strips_made() == made + 1  # the next one made around the view meanwhile
    assert step(width * 0.6) == 0  # beyond the first strip's reach: drawn from the new one


def test_a_canvas_closed_in_a_movement_leaves_nothing_to_fire(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The strips' timers (the next strip, the exact frame) may be due after the canvas is gone:
    they do nothing then (no strip made for a canvas no one sees, no error)."""
    import shiboken6

    state = ViewState(_chronology())
    c = ChronologyCanvas(state)
    c.resize(900, 500)
    c.show()
    qtbot.waitExposed(c)
    state.set_range(days_from_civil(2013, 1, 1), days_from_civil(2018, 1, 1))
    qtbot.wait(SETTLE_MS + 50)
    width = c.timeline_item().frame().rect.width()  # type: ignore[union-attr]
    for px in (10, 10):  # a movement
        _pan_px(c, px)
        QtWidgets.QApplication.processEvents()
    _pan_px(c, width * 0.6)  # past half its strip's margin: the next strip is due
    _grab(c)
    item = c.timeline_item()
    made = item.strips_made()
    c.close()
    shiboken6.delete(c)
    assert not shiboken6.isValid(item)
    qtbot.wait(SETTLE_MS + 100)  # the timers fire into nothing (an exception would fail the test)
    assert item.strips_made() == made


def test_moving_titles_keep_to_the_rules_of_the_exact_frame(qtbot, canvas) -> None:  # type: ignore[no-untyped-def]
    """While a movement is drawn from the strip, no title runs across the view's edges and none
    stays for a marker that has left the view (the strip is laid out wider than the view, so its
    layout has such titles; they are not drawn)."""
    _needs_strips(canvas)
    item = canvas.timeline_item()
    st = canvas.state()
    arrays = item.arrays()
    seen = 0
    for _ in range(24):  # a movement to later dates across all the events
        d = st.range.span * 0.07
        st.set_range(st.range.start + d, st.range.end + d)
        _grab(canvas)
        fr = item.frame()
        assert fr is not None
        for event_id, rect in item.placed_labels():
            seen += 1
            assert fr.rect.left() - 1 <= rect.left() and rect.right() <= fr.rect.right() + 1, event_id
            i = arrays.index[event_id]
            if not arrays.is_span[i]:
                assert fr.rect.left() - 1 <= fr.day_to_x(float(arrays.anchor[i])) <= fr.rect.right() + 1
    assert item.strips_made() >= 1
    assert seen > 10
