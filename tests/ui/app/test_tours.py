"""Tours in the window, driven by the keys a presenter uses: Go ▸ Tours starts one, Page Down /
Space / Page Up / Home / End move, Esc leaves and the view comes back. Asserts on what is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from timeline_app.model.tours import stop_view
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

K = Qt.Key


def tours_menu(w: MainWindow) -> QMenu:
    act = w.findChild(QAction, "tours-menu")
    assert act is not None
    menu = act.menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    return menu


def start_shipped_tour(qtbot, w: MainWindow) -> None:  # type: ignore[no-untyped-def]
    entries = [a for a in tours_menu(w).actions() if a.objectName() == "tour-ten-years"]
    assert len(entries) == 1
    assert "Ten years in five parts" in entries[0].text() and "12 stops" in entries[0].text()
    entries[0].trigger()
    qtbot.waitUntil(lambda: w.tours.caption.isVisible())


def reduce_motion(w: MainWindow) -> None:
    act = w.findChild(QAction, "reduce-motion")
    assert act is not None and act.isCheckable()
    if not act.isChecked():
        act.trigger()


def shown(w: MainWindow) -> tuple[str, str, str, str]:
    c = w.tours.caption
    return (c.position.text(), c.heading.text(), c.text.text(), c.tour_title.text())


def test_the_shipped_tour_runs_from_first_to_last_stop_by_keys(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    reduce_motion(w)
    w.canvas.setFocus()
    before = (w.state.range, w.state.selection, w.state.hidden_lanes, w.canvas.shown_plots())
    start_shipped_tour(qtbot, w)
    c = w.state.chronology
    tour = c.tour("ten-years")
    assert tour is not None
    n = len(tour.stops)
    for k, stop in enumerate(tour.stops):
        if k:
            press(qtbot, w, K.Key_PageDown if k % 2 else K.Key_Space)
        position, heading, text, title = shown(w)
        assert position == f"{k + 1} / {n}"
        assert title == tour.title and text == stop.text
        assert w.tours.caption.last_announcement.startswith(f"Stop {k + 1} of {n}. ")  # for screen readers
        view = stop_view(c, stop)
        assert heading.startswith(view.heading)
        assert w.state.selected_event_id == stop.event
        assert w.state.hidden_lanes == view.hidden_lanes
        expected_plots = view.plot_keys if view.plot_keys is not None else tuple(c.default_plot_keys())
        assert tuple(w.canvas.shown_plots()) == expected_plots
        assert w.state.range.close_to(view.range)
        assert (
            stop.event in w.detail.toPlainText() or c.event(stop.event or "").title in w.detail.toPlainText()
        )
    press(qtbot, w, K.Key_PageDown)  # past the end: stays
    assert shown(w)[0] == f"{n} / {n}"
    press(qtbot, w, K.Key_PageUp)
    assert shown(w)[0] == f"{n - 1} / {n}"
    press(qtbot, w, K.Key_Home)
    assert shown(w)[0] == f"1 / {n}" and w.state.selected_event_id == tour.stops[0].event
    press(qtbot, w, K.Key_End)
    assert shown(w)[0] == f"{n} / {n}"
    press(qtbot, w, K.Key_Escape)
    assert not w.tours.caption.isVisible() and not w.tours.active
    assert (w.state.range, w.state.selection, w.state.hidden_lanes, w.canvas.shown_plots()) == before


def test_moving_to_a_stop_eases_the_range_there(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    start_shipped_tour(qtbot, w)
    qtbot.waitUntil(lambda: not w.tours.animating, timeout=3000)
    first = w.state.range
    spans: list[float] = []
    w.state.range_changed.connect(lambda r: spans.append(r.start))
    press(qtbot, w, K.Key_PageDown)
    assert w.tours.animating
    qtbot.waitUntil(lambda: not w.tours.animating, timeout=3000)
    target = stop_view(w.state.chronology, w.tours.position.stop).range  # type: ignore[union-attr]
    assert w.state.range.close_to(target) and not first.close_to(target)
    assert len(spans) >= 5  # frames in between, not one jump
    assert spans == sorted(spans)  # steadily later, no overshoot


def test_reduced_motion_moves_at_once_and_is_remembered(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    reduce_motion(w)
    assert w.settings.reduced_motion()
    start_shipped_tour(qtbot, w)
    press(qtbot, w, K.Key_PageDown)
    assert not w.tours.animating
    assert w.state.range.close_to(stop_view(w.state.chronology, w.tours.position.stop).range)  # type: ignore[union-attr]


def test_without_a_tour_page_down_says_how_to_start_one_and_home_is_the_first_event(
    qtbot, shipped_window: MainWindow
) -> None:
    w = shipped_window
    w.canvas.setFocus()
    press(qtbot, w, K.Key_PageDown)
    assert "Go ▸ Tours" in w.statusBar().currentMessage()
    press(qtbot, w, K.Key_Home)
    assert w.state.selected_event_id == w.state.chronology.events[0].id


def test_a_chronology_without_tours_says_so(qtbot, window: MainWindow) -> None:
    (entry,) = tours_menu(window).actions()
    assert not entry.isEnabled() and "no tours" in entry.text()


def test_full_screen_keeps_the_tour_keys(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    reduce_motion(w)
    start_shipped_tour(qtbot, w)
    press(qtbot, w, K.Key_F11)
    qtbot.waitUntil(lambda: w.isFullScreen())
    press(qtbot, w, K.Key_PageDown)
    assert w.tours.caption.position.text().startswith("2 /")
    press(qtbot, w, K.Key_F11)
    qtbot.waitUntil(lambda: not w.isFullScreen())
    press(qtbot, w, K.Key_Escape)
    assert not w.tours.active
    assert QApplication.activeWindow() is w


def test_a_filter_hiding_a_stops_event_is_lifted_for_the_tour_and_comes_back(
    qtbot, shipped_window: MainWindow
) -> None:
    from timeline_app.model.filters import EventFilter

    w = shipped_window
    reduce_motion(w)
    only_ecology = EventFilter(categories=frozenset({"ecology"}))
    w.state.set_event_filter(only_ecology)
    start_shipped_tour(qtbot, w)
    assert w.state.selected_event_id == "symposium-2014"  # in Planning, which the filter hid
    assert not w.state.event_filter.active
    press(qtbot, w, K.Key_Escape)
    assert w.state.event_filter == only_ecology


def test_closing_during_a_tour_keeps_the_users_lanes(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    reduce_motion(w)
    start_shipped_tour(qtbot, w)
    assert w.state.hidden_lanes  # the first stop shows three lanes
    path = w.path
    assert path is not None
    w.close()
    assert w.settings.hidden_lanes(path) == frozenset()
