"""Every key the viewer answers to, in one table.

The main window makes its actions (and so its menus' shortcuts) from this table, the ``?`` overlay
lists it, and ``docs/KEYS.md`` is generated from it (by :mod:`~timeline_app.ui.app.key_docs`; a test
checks that the file agrees). Keys are written as Qt's portable key-sequence text.

Most bindings run a plain function of the view state (``timeline_app.model.actions``) through the
window. A few rows only document keys that a widget handles itself (the search field, the detail
pane's links, the overlay); their ``run`` is None and ``where`` says where they apply.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from timeline_app.model import actions
from timeline_app.text import QT_TRANSLATE_NOOP
from timeline_app.ui.app.key_types import (
    GROUPS,
    Binding,
    Command,
    Commands,
    MenuPlace,
    StandardKey,
    lane_binding,
    pan,
    state_command,
    tour_or,
    tr_key,
    zoom_in,
    zoom_out,
)
from timeline_app.ui.app.keymap_window import WINDOW_BINDINGS

__all__ = [
    "BINDINGS",
    "BY_NAME",
    "GROUPS",
    "Binding",
    "Command",
    "Commands",
    "MenuPlace",
    "sequences",
    "tr_key",
    "window_bindings",
]

BINDINGS: tuple[Binding, ...] = (
    # Browse
    Binding(
        "next-event",
        ("Right",),
        QT_TRANSLATE_NOOP("Keymap", "Next event (in time, across the shown lanes)"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        state_command(actions.next_event),
        label=QT_TRANSLATE_NOOP("Keymap", "Next event"),
        menu=MenuPlace("Go", 0, 0),
    ),
    Binding(
        "prev-event",
        ("Left",),
        QT_TRANSLATE_NOOP("Keymap", "Previous event"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        state_command(actions.prev_event),
        menu=MenuPlace("Go", 0, 1),
    ),
    Binding(
        "next-in-lane",
        (".",),
        QT_TRANSLATE_NOOP("Keymap", "Next event in the same lane (or point of the same series)"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        state_command(actions.next_in_lane),
        menu=MenuPlace("Go", 0, 2),
    ),
    Binding(
        "prev-in-lane",
        (",",),
        QT_TRANSLATE_NOOP("Keymap", "Previous event in the same lane (or point of the same series)"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        state_command(actions.prev_in_lane),
        menu=MenuPlace("Go", 0, 3),
    ),
    Binding(
        "lane-above",
        ("Up",),
        QT_TRANSLATE_NOOP("Keymap", "Nearest event in the lane above"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        state_command(actions.lane_above),
        menu=MenuPlace("Go", 0, 4),
    ),
    Binding(
        "lane-below",
        ("Down",),
        QT_TRANSLATE_NOOP("Keymap", "Nearest event in the lane below"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        state_command(actions.lane_below),
        menu=MenuPlace("Go", 0, 5),
    ),
    Binding(
        "first-event",
        ("Home",),
        QT_TRANSLATE_NOOP("Keymap", "First event"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        tour_or("first", actions.first_event),
        menu=MenuPlace("Go", 0, 6),
    ),
    Binding(
        "last-event",
        ("End",),
        QT_TRANSLATE_NOOP("Keymap", "Last event"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        tour_or("last", actions.last_event),
        menu=MenuPlace("Go", 0, 7),
    ),
    Binding(
        "escape",
        ("Esc",),
        QT_TRANSLATE_NOOP("Keymap", "Clear the selection"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        lambda w: w.escape(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Clear selection"),
        menu=MenuPlace("Go", 2, 0),
    ),
    # View
    Binding(
        "zoom-in",
        ("W", "+", "="),
        QT_TRANSLATE_NOOP("Keymap", "Zoom in (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        zoom_in,
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Zoom in"),
        menu=MenuPlace("View", 0, 0),
    ),
    Binding(
        "zoom-out",
        ("S", "-"),
        QT_TRANSLATE_NOOP("Keymap", "Zoom out (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        zoom_out,
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Zoom out"),
        menu=MenuPlace("View", 0, 1),
    ),
    Binding(
        "pan-left",
        ("A",),
        QT_TRANSLATE_NOOP("Keymap", "Pan to earlier dates (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        pan(-1),
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Pan earlier"),
        menu=MenuPlace("View", 0, 2),
    ),
    Binding(
        "pan-right",
        ("D",),
        QT_TRANSLATE_NOOP("Keymap", "Pan to later dates (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        pan(+1),
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Pan later"),
        menu=MenuPlace("View", 0, 3),
    ),
    Binding(
        "data-table",
        ("Ctrl+T",),
        QT_TRANSLATE_NOOP(
            "Keymap", "The plotted series as tables: dates × regions, with sources (sort, copy)"
        ),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        lambda w: w.access.open_data_table(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Data table…"),
        menu=MenuPlace("View", 4, 0),
    ),
    Binding(
        "high-contrast",
        ("Ctrl+Shift+H",),
        QT_TRANSLATE_NOOP("Keymap", "High-contrast colours on or off (remembered)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        lambda w: w.access.toggle_high_contrast(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "High contrast"),
        menu=MenuPlace("View", 4, 1),
    ),
    Binding(
        "table-sort",
        ("S",),
        QT_TRANSLATE_NOOP("Keymap", "Sort by the current cell's column (again: descending)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the data table"),
    ),
    Binding(
        "table-copy",
        ("Ctrl+C",),
        QT_TRANSLATE_NOOP("Keymap", "Copy the selected cells as tab-separated text"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the data table"),
    ),
    Binding(
        "say-view",
        ("V",),
        QT_TRANSLATE_NOOP(
            "Keymap",
            "Say what the view shows: its dates, the events in it and the selection (screen readers)",
        ),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        lambda w: w.access.say_view(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Say the view"),
        menu=MenuPlace("View", 4, 2),
    ),
    Binding(
        "focus-selection",
        ("F",),
        QT_TRANSLATE_NOOP("Keymap", "Zoom to the selection"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        state_command(actions.focus_selection),
        auto_repeat=False,
        menu=MenuPlace("View", 1, 0),
    ),
    Binding(
        "fit-all",
        ("0",),
        QT_TRANSLATE_NOOP("Keymap", "Show everything"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        state_command(actions.fit_all),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Fit all"),
        menu=MenuPlace("View", 1, 1),
    ),
    Binding(
        "overview",
        ("O",),
        QT_TRANSLATE_NOOP(
            "Keymap", "Overview band under the timeline on or off (drag its window to pan, its edges to zoom)"
        ),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        lambda w: w.nav.toggle_overview(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Overview band"),
        menu=MenuPlace("View", 3, 1),
    ),
    Binding(
        "overview-keys",
        ("Left", "Right", "Shift+Left", "Shift+Right", "Home", "End"),
        QT_TRANSLATE_NOOP(
            "Keymap",
            "Move the window (Shift: its right edge, to zoom); Home, End: to the first, the last dates",
        ),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the overview band (F6 reaches it)"),
    ),
    Binding(
        "full-screen",
        ("F11",),
        QT_TRANSLATE_NOOP("Keymap", "Full screen on or off"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        lambda w: w.toggle_full_screen(),
        standard=StandardKey.FullScreen,
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Full screen"),
        menu=MenuPlace("View", 3, 0),
    ),
    # Lanes
    *(lane_binding(n) for n in range(1, 10)),
    Binding(
        "filter-bar",
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP(
            "Keymap",
            "Filters: show the filter bar and add a filter (tag, place, source, lane, precision, dates)",
        ),
        QT_TRANSLATE_NOOP("Keymap", "Lanes"),
        lambda w: w.nav.toggle_filter_bar(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Filters…"),
        menu=MenuPlace("View", 2, 2),
    ),
    Binding(
        "filter-chip-remove",
        ("Delete", "Backspace"),
        QT_TRANSLATE_NOOP("Keymap", "Remove the focused filter (Tab reaches the chips)"),
        QT_TRANSLATE_NOOP("Keymap", "Lanes"),
        where=QT_TRANSLATE_NOOP("Keymap", "on a filter chip"),
    ),
    # History
    Binding(
        "back",
        ("Alt+Left",),
        QT_TRANSLATE_NOOP("Keymap", "Back to the previous selection and view"),
        QT_TRANSLATE_NOOP("Keymap", "History"),
        state_command(actions.back),
        label=QT_TRANSLATE_NOOP("Keymap", "Back"),
        menu=MenuPlace("Go", 1, 0),
    ),
    Binding(
        "forward",
        ("Alt+Right",),
        QT_TRANSLATE_NOOP("Keymap", "Forward again"),
        QT_TRANSLATE_NOOP("Keymap", "History"),
        state_command(actions.forward),
        label=QT_TRANSLATE_NOOP("Keymap", "Forward"),
        menu=MenuPlace("Go", 1, 1),
    ),
    # Search
    Binding(
        "open-search",
        ("/", "Ctrl+F"),
        QT_TRANSLATE_NOOP("Keymap", "Search events"),
        QT_TRANSLATE_NOOP("Keymap", "Search"),
        lambda w: w.open_search(),
        standard=StandardKey.Find,
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Search…"),
        menu=MenuPlace("Go", 3, 0),
    ),
    Binding(
        "go-to-date",
        ("Ctrl+G",),
        QT_TRANSLATE_NOOP("Keymap", "Go to a date or a range (2017, 2017-04, 44 BCE, 2014..2017)"),
        QT_TRANSLATE_NOOP("Keymap", "Search"),
        lambda w: w.nav.go_to_date(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Go to date…"),
        menu=MenuPlace("Go", 3, 4),
    ),
    Binding(
        "saved-views",
        ("Ctrl+D",),
        QT_TRANSLATE_NOOP(
            "Keymap", "Saved views: name the view shown, or return to one (range, selection, filters, plots)"
        ),
        QT_TRANSLATE_NOOP("Keymap", "History"),
        lambda w: w.nav.open_saved_views(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Saved views…"),
        menu=MenuPlace("Go", 4, 0),
    ),
    Binding(
        "search-next",
        ("Return",),
        QT_TRANSLATE_NOOP(
            "Keymap", "Select the next match; on a date or range (2017-04, 2014..2017), go there"
        ),
        QT_TRANSLATE_NOOP("Keymap", "Search"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the search field"),
    ),
    Binding(
        "search-prev",
        ("Shift+Return",),
        QT_TRANSLATE_NOOP("Keymap", "Select the previous match"),
        QT_TRANSLATE_NOOP("Keymap", "Search"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the search field"),
    ),
    Binding(
        "search-move",
        ("Down", "Up"),
        QT_TRANSLATE_NOOP("Keymap", "Move through the results"),
        QT_TRANSLATE_NOOP("Keymap", "Search"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the search field or the results"),
    ),
    Binding(
        "search-close",
        ("Esc",),
        QT_TRANSLATE_NOOP("Keymap", "Close the search and go back to where you were"),
        QT_TRANSLATE_NOOP("Keymap", "Search"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the search field or the results"),
    ),
    *WINDOW_BINDINGS,
)

BY_NAME: dict[str, Binding] = {b.name: b for b in BINDINGS}


def window_bindings() -> list[Binding]:
    """The bindings that become window-wide actions (the others are handled by a widget)."""
    return [b for b in BINDINGS if b.run is not None]


def sequences(b: Binding) -> list[QKeySequence]:
    """Every key sequence that triggers ``b``: its own keys, then the platform's standard ones."""
    seqs = [QKeySequence(k) for k in b.keys]
    if b.standard is not None:
        for s in QKeySequence.keyBindings(b.standard):
            if not s.isEmpty() and s not in seqs:
                seqs.append(s)
    return seqs
