"""The timeline as assistive technology sees it, through Qt's own accessibility interfaces.

Keys are pressed on the window as a user would; the tests then ask
``QAccessible.queryAccessibleInterface`` what a screen reader would be told, and record the
accessibility events the app sends (``QAccessible.updateAccessibility``) after each key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press
from .conftest import Sent

K = Qt.Key
Name = QAccessible.Text.Name
Description = QAccessible.Text.Description


def children(iface: QAccessible) -> list:  # type: ignore[type-arg]
    return [iface.child(i) for i in range(iface.childCount())]


def test_the_timeline_is_a_list_of_the_events_in_view(qtbot, window: MainWindow) -> None:
    iface = QAccessible.queryAccessibleInterface(window.canvas)
    assert iface.role() == QAccessible.Role.List
    assert iface.text(Name) == "Timeline"
    assert iface.text(Description).startswith("Showing ")
    items = [c for c in children(iface) if c.role() == QAccessible.Role.ListItem]
    names = [c.text(Name) for c in items]
    # every event of the small chronology is drawn at the full view, in time order
    assert names[:2] == ["Clean air action plan", "First symposium on coordinated development"]
    assert "Winter Games" in names
    sym = items[names.index("First symposium on coordinated development")]
    assert sym.text(Description) == "26 February 2014, Planning"
    assert sym.parent() is iface
    assert iface.indexOfChild(sym) == names.index("First symposium on coordinated development")
    assert not sym.state().selected
    # the plots button is still reachable after the events
    buttons = [c for c in children(iface) if c.role() != QAccessible.Role.ListItem]
    assert buttons, "the canvas's own widgets are still its children"


def test_arrow_keys_focus_the_selected_event(qtbot, window: MainWindow, sent: Sent) -> None:
    iface = QAccessible.queryAccessibleInterface(window.canvas)
    press(qtbot, window, K.Key_Home)
    qtbot.waitUntil(lambda: "Clean air action plan" in sent.of(QAccessible.Event.Focus))
    focus = iface.focusChild()
    assert focus is not None and focus.text(Name) == "Clean air action plan"
    assert focus.state().focused and focus.state().selected
    assert "Ecology" in focus.text(Description)
    press(qtbot, window, K.Key_Right)
    qtbot.waitUntil(
        lambda: sent.of(QAccessible.Event.Focus)[-1:] == ["First symposium on coordinated development"]
    )
    # the list's active descendant is the event (an event on the list, about its child)
    assert (
        sent.of(QAccessible.Event.ActiveDescendantChanged)[-1] == "First symposium on coordinated development"
    )
    assert window.timeline_announcer.last_announcement == (
        "First symposium on coordinated development, 26 February 2014, Planning"
    )


def test_a_range_change_by_key_is_announced_once(qtbot, window: MainWindow, sent: Sent) -> None:
    press(qtbot, window, K.Key_Plus)
    press(qtbot, window, K.Key_Plus)
    qtbot.waitUntil(lambda: bool(sent.announcements()), timeout=3000)
    qtbot.wait(600)
    said = sent.announcements()
    assert len(said) == 1
    assert said[0].startswith("Showing ") and " of 7 events" in said[0]


def test_no_focus_event_while_the_canvas_has_no_focus(qtbot, window: MainWindow, sent: Sent) -> None:
    window.detail.setFocus()
    window.state.select_event("wetland")
    qtbot.wait(50)
    assert sent.of(QAccessible.Event.Focus) == []
    assert window.timeline_announcer.last_announcement.startswith("Wetland restoration, ")


def test_each_plot_shown_is_a_chart_described_by_its_numbers(qtbot, window: MainWindow) -> None:
    iface = QAccessible.queryAccessibleInterface(window.canvas)
    charts = [c for c in children(iface) if c.role() == QAccessible.Role.Chart]
    assert [c.text(Name) for c in charts] == ["PM2.5 annual mean concentration (µg/m³)"]
    assert charts[0].text(Description) == (
        "PM2.5 annual mean concentration (µg/m³): Beijing; 2013 – 2023; latest Beijing 32 (2023)"
    )
    assert charts[0].rect().height() > 40
    window.canvas.set_shown_plots([])
    assert not [c for c in children(iface) if c.role() == QAccessible.Role.Chart]


def test_moving_along_a_series_announces_each_point(qtbot, window: MainWindow, sent: Sent) -> None:
    from timeline_app.model import actions

    actions.go_to_point(window.state, "pm25-beijing", 0)
    qtbot.waitUntil(lambda: bool(sent.announcements()))
    assert sent.announcements()[-1] == "PM2.5 annual mean concentration — Beijing, 2013: 89.5 µg/m³"
    press(qtbot, window, ".")  # the next point of the same series
    qtbot.waitUntil(lambda: len(sent.announcements()) == 2)
    assert sent.announcements()[-1] == "PM2.5 annual mean concentration — Beijing, 2014: 85.8 µg/m³, derived"
