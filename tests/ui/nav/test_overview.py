"""The overview band, as a user meets it: the whole chronology under the timeline, the window
rectangle following the view, dragged and resized with the mouse, and O to hide it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from timeline_app.geometry.overview import compute_density, dragged
from timeline_app.model.dates import PartialDate
from timeline_app.model.view_state import TimeRange
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

LEFT = Qt.MouseButton.LeftButton


def day(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


def test_density_counts_every_event_in_its_lane(window: MainWindow) -> None:
    chron = window.state.chronology
    d = compute_density(chron)
    assert d.counts.sum() == len(chron.events)
    per_lane = np.bincount(chron.lanes, minlength=len(chron.categories))
    assert d.counts.sum(axis=1).tolist() == per_lane.tolist()
    r = TimeRange(10.0, 20.0)
    assert dragged(r, "window", 5.0) == TimeRange(15.0, 25.0)
    assert dragged(r, "end", -20.0).end > r.start, "an edge never passes the other"


def test_the_window_follows_the_view_and_o_hides_the_band(qtbot, window: MainWindow) -> None:
    band = window.overview
    assert band.isVisible()
    full = band.window_rect()
    assert full.width() > band.width() * 0.8, "everything is in view at first"
    window.state.jump_to(TimeRange(day("2017"), day("2018")))
    w = band.window_rect()
    assert w.width() < full.width() / 5
    assert abs(w.center().x() - band.point_of(day("2017-07-02")).x()) < 2
    press(qtbot, window, "o")
    assert not band.isVisible()
    assert not window.key_actions["overview"].isChecked()
    press(qtbot, window, "o")
    assert band.isVisible()


def test_drag_pans_an_edge_zooms_a_click_centres(qtbot, window: MainWindow) -> None:
    band = window.overview
    window.state.jump_to(TimeRange(day("2016"), day("2018")))
    span = window.state.range.span
    w = band.window_rect()
    start = QPoint(int(w.center().x()), int(w.center().y()))
    # drag the window 60 pixels later: the view pans by as many days, the same width
    qtbot.mousePress(band, LEFT, pos=start)
    qtbot.mouseMove(band, start + QPoint(30, 0))
    qtbot.mouseMove(band, start + QPoint(60, 0))
    qtbot.mouseRelease(band, LEFT, pos=start + QPoint(60, 0))
    sc = band.scale()
    moved = sc.day(60) - sc.day(0)
    r = window.state.range
    assert abs(r.span - span) < 1e-6
    assert abs(r.start - (day("2016") + moved)) < (sc.day(1) - sc.day(0)) * 1.5
    # drag its right edge 40 pixels further: the view widens (zooms out), its start stays
    w = band.window_rect()
    edge = QPoint(round(w.right()) - 1, int(w.center().y()))
    before = window.state.range
    qtbot.mousePress(band, LEFT, pos=edge)
    qtbot.mouseMove(band, edge + QPoint(40, 0))
    qtbot.mouseRelease(band, LEFT, pos=edge + QPoint(40, 0))
    after = window.state.range
    assert after.start == before.start and after.span > before.span * 1.2
    # a click beside the window centres the view there, a step Back can undo
    target = band.point_of(day("2022"))
    qtbot.mouseClick(band, LEFT, pos=target.toPoint())
    assert abs(window.state.range.center - day("2022")) < (sc.day(1) - sc.day(0)) * 1.5
    assert abs(window.state.range.span - after.span) < 1e-6
    assert window.state.can_go_back()


def test_the_band_from_the_keyboard(qtbot, window: MainWindow) -> None:
    band = window.overview
    window.state.jump_to(TimeRange(day("2016"), day("2018")))
    # F6 reaches the band (after the timeline, the details and the search field)
    for _ in range(6):
        if band.hasFocus():
            break
        press(qtbot, window, Qt.Key.Key_F6)
    assert band.hasFocus()
    r = window.state.range
    press(qtbot, window, Qt.Key.Key_Right)
    moved = window.state.range
    assert abs(moved.start - (r.start + 0.1 * r.span)) < 1e-6 and abs(moved.span - r.span) < 1e-6
    assert window.state.selection is None, "→ moves the window here, not the selection"
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.state.range.start == moved.start and window.state.range.span > moved.span
    press(qtbot, window, Qt.Key.Key_Home)
    d = band.density()
    assert abs(window.state.range.start - d.lo) < 1e-6
    press(qtbot, window, Qt.Key.Key_End)
    assert abs(window.state.range.end - d.hi) < 1e-6


def test_the_band_repaints_from_its_cache_what_a_fresh_band_paints(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """What does not move with the view is painted once and copied: after pans, and after another
    chronology, the band shows what a band made afresh shows."""
    from timeline_app.model.chronology import Category, Chronology, Event
    from timeline_app.model.view_state import ViewState
    from timeline_app.ui.timeline.overview_band import OverviewBand

    band = window.overview
    st = window.state

    def fresh() -> np.ndarray:
        other = OverviewBand(ViewState(st.chronology))
        qtbot.addWidget(other)
        other.resize(band.size())
        other.state.set_range(st.range.start, st.range.end)
        return _pixels(other)

    st.jump_to(TimeRange(day("2016"), day("2019")))
    band.grab()
    st.jump_to(TimeRange(day("2017"), day("2021")))
    assert (_pixels(band) == fresh()).all()
    cats = [Category("x", "Only lane", "#e15759", 0)]
    evs = [Event(f"e{k}", f"Event {k}", PartialDate.parse(str(1990 + k)), "x") for k in range(5)]
    st.set_chronology(Chronology.build(title="other", events=evs, categories=cats))
    qtbot.wait(20)
    assert (_pixels(band) == fresh()).all()


def _pixels(w) -> np.ndarray:  # type: ignore[no-untyped-def]
    img = w.grab().toImage()
    from PySide6.QtGui import QImage

    img = img.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return rows[:, : img.width()].copy()
