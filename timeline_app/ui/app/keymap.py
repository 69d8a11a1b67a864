"""Every key the viewer answers to, in one table.

The main window makes its actions (and so its menus' shortcuts) from this table, the ``?`` overlay
lists it, and ``docs/KEYS.md`` is generated from it (by :mod:`~timeline_app.ui.app.key_docs`; a test
checks that the file agrees). Keys are written as Qt's portable key-sequence text.

Most bindings run a plain function of the view state (``timeline_app.model.actions``) through the
window. A few rows only document keys that a widget handles itself (the search field, the detail
pane's links, the overlay); their ``run`` is None and ``where`` says where they apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtGui import QKeySequence

from timeline_app.model import actions
from timeline_app.model.view_state import ViewState
from timeline_app.text import QT_TRANSLATE_NOOP, translate


class NavCommands(Protocol):
    """Go to date, filters, the overview band, saved views and compare (ui/app/navigation.py)."""

    def go_to_date(self) -> None: ...
    def toggle_filter_bar(self) -> None: ...
    def toggle_overview(self) -> None: ...
    def open_saved_views(self) -> None: ...
    def compare_dialog(self) -> None: ...
    def compare_step(self, direction: int) -> None: ...
    def export_shown_dialog(self) -> None: ...


class AccessCommands(Protocol):
    """The data table and the high-contrast theme (ui/app/access_tools.py)."""

    def open_data_table(self) -> None: ...
    def toggle_high_contrast(self) -> None: ...
    def say_view(self) -> object: ...


class PrintCommands(Protocol):
    """File ▸ Export PDF… and File ▸ Print… (ui/app/printing.py)."""

    def export_pdf(self, name: str | None = None) -> object: ...
    def print_view(self) -> None: ...


class Commands(Protocol):
    """What the key table asks of the window: the view state and the commands that are more than a
    function of it. The main window provides them; a test may provide a stub."""

    state: ViewState

    def repeat_step(self, kind: str) -> float: ...
    def tour_step(self, kind: str) -> bool: ...
    @property
    def printing(self) -> PrintCommands: ...
    def escape(self) -> None: ...
    def reload(self) -> bool: ...
    def open_file_dialog(self) -> None: ...
    def open_folder_dialog(self) -> None: ...
    def export_image(self) -> None: ...
    def toggle_full_screen(self) -> None: ...
    def toggle_help(self) -> None: ...
    def open_search(self) -> None: ...
    @property
    def nav(self) -> NavCommands: ...
    def focus_detail(self) -> None: ...
    @property
    def access(self) -> AccessCommands: ...
    def cycle_pane(self, step: int) -> None: ...
    def close(self) -> bool: ...


Command = Callable[[Commands], Any]
StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True, order=True)
class MenuPlace:
    """Where a command sits in the menu bar: its menu, the section in it (sections are parted by
    separators) and its rank in the section."""

    menu: str
    section: int
    rank: int


@dataclass(frozen=True)
class Binding:
    name: str
    keys: tuple[str, ...]  # portable key sequences; the first is the one menus and docs show first
    description: str
    group: str
    run: Command | None = None  # None: a widget handles these keys itself (see ``where``)
    where: str = ""  # "" = anywhere in the window except while typing in a text field
    standard: StandardKey | None = None  # the platform's own keys for this command, added to ``keys``
    repeat: bool = False  # held down, the key speeds up (RepeatRamp)
    auto_repeat: bool = True  # held down, the key repeats at all
    label: str = ""  # menu text; defaults to the description
    doc_keys: str = ""  # how the docs write the keys when not one by one (e.g. "1 … 9")
    in_docs: bool = True
    menu: MenuPlace | None = None  # its place in the menu bar (None: in no menu)

    @property
    def menu_text(self) -> str:
        return self.label or self.description


def tr_key(text: str) -> str:
    """A text of the key table (a description, a menu label, a group, a place) in the user's
    language; the table itself stays in English, which is what docs/KEYS.md shows."""
    return translate("Keymap", text)


GROUPS = (
    QT_TRANSLATE_NOOP("Keymap", "Browse"),
    QT_TRANSLATE_NOOP("Keymap", "View"),
    QT_TRANSLATE_NOOP("Keymap", "Lanes"),
    QT_TRANSLATE_NOOP("Keymap", "History"),
    QT_TRANSLATE_NOOP("Keymap", "Search"),
    QT_TRANSLATE_NOOP("Keymap", "Tours"),
    QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
    QT_TRANSLATE_NOOP("Keymap", "File"),
    QT_TRANSLATE_NOOP("Keymap", "Help"),
)


# -- the commands ----------------------------------------------------------------------------------
def _state(f: Callable[..., Any], *args: Any) -> Command:
    return lambda w: f(w.state, *args)


def _zoom_in(w: Commands) -> object:
    return actions.zoom_in(w.state, actions.ZOOM_STEP ** w.repeat_step("zoom"))


def _zoom_out(w: Commands) -> object:
    return actions.zoom_out(w.state, actions.ZOOM_STEP ** w.repeat_step("zoom"))


def _pan(direction: int) -> Command:
    return lambda w: actions.pan(w.state, direction * actions.PAN_STEP * w.repeat_step("pan"))


def _tour_or(kind: str, f: Callable[[ViewState], object]) -> Command:
    """During a tour, its step ``kind``; otherwise ``f`` of the view state."""
    return lambda w: w.tour_step(kind) or f(w.state)


def _lane(n: int) -> Binding:
    return Binding(
        f"lane-{n}",
        (str(n),),
        f"Show or hide lane {n}",
        QT_TRANSLATE_NOOP("Keymap", "Lanes"),
        _state(actions.toggle_lane_number, n),
        auto_repeat=False,
        doc_keys="1 … 9",
        in_docs=n == 1,
    )


BINDINGS: tuple[Binding, ...] = (
    # Browse
    Binding(
        "next-event",
        ("Right",),
        QT_TRANSLATE_NOOP("Keymap", "Next event (in time, across the shown lanes)"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _state(actions.next_event),
        label=QT_TRANSLATE_NOOP("Keymap", "Next event"),
        menu=MenuPlace("Go", 0, 0),
    ),
    Binding(
        "prev-event",
        ("Left",),
        QT_TRANSLATE_NOOP("Keymap", "Previous event"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _state(actions.prev_event),
        menu=MenuPlace("Go", 0, 1),
    ),
    Binding(
        "next-in-lane",
        (".",),
        QT_TRANSLATE_NOOP("Keymap", "Next event in the same lane (or point of the same series)"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _state(actions.next_in_lane),
        menu=MenuPlace("Go", 0, 2),
    ),
    Binding(
        "prev-in-lane",
        (",",),
        QT_TRANSLATE_NOOP("Keymap", "Previous event in the same lane (or point of the same series)"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _state(actions.prev_in_lane),
        menu=MenuPlace("Go", 0, 3),
    ),
    Binding(
        "lane-above",
        ("Up",),
        QT_TRANSLATE_NOOP("Keymap", "Nearest event in the lane above"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _state(actions.lane_above),
        menu=MenuPlace("Go", 0, 4),
    ),
    Binding(
        "lane-below",
        ("Down",),
        QT_TRANSLATE_NOOP("Keymap", "Nearest event in the lane below"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _state(actions.lane_below),
        menu=MenuPlace("Go", 0, 5),
    ),
    Binding(
        "first-event",
        ("Home",),
        QT_TRANSLATE_NOOP("Keymap", "First event"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _tour_or("first", actions.first_event),
        menu=MenuPlace("Go", 0, 6),
    ),
    Binding(
        "last-event",
        ("End",),
        QT_TRANSLATE_NOOP("Keymap", "Last event"),
        QT_TRANSLATE_NOOP("Keymap", "Browse"),
        _tour_or("last", actions.last_event),
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
        _zoom_in,
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Zoom in"),
        menu=MenuPlace("View", 0, 0),
    ),
    Binding(
        "zoom-out",
        ("S", "-"),
        QT_TRANSLATE_NOOP("Keymap", "Zoom out (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        _zoom_out,
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Zoom out"),
        menu=MenuPlace("View", 0, 1),
    ),
    Binding(
        "pan-left",
        ("A",),
        QT_TRANSLATE_NOOP("Keymap", "Pan to earlier dates (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        _pan(-1),
        repeat=True,
        label=QT_TRANSLATE_NOOP("Keymap", "Pan earlier"),
        menu=MenuPlace("View", 0, 2),
    ),
    Binding(
        "pan-right",
        ("D",),
        QT_TRANSLATE_NOOP("Keymap", "Pan to later dates (hold to speed up)"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        _pan(+1),
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
        _state(actions.focus_selection),
        auto_repeat=False,
        menu=MenuPlace("View", 1, 0),
    ),
    Binding(
        "fit-all",
        ("0",),
        QT_TRANSLATE_NOOP("Keymap", "Show everything"),
        QT_TRANSLATE_NOOP("Keymap", "View"),
        _state(actions.fit_all),
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
    *(_lane(n) for n in range(1, 10)),
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
        _state(actions.back),
        label=QT_TRANSLATE_NOOP("Keymap", "Back"),
        menu=MenuPlace("Go", 1, 0),
    ),
    Binding(
        "forward",
        ("Alt+Right",),
        QT_TRANSLATE_NOOP("Keymap", "Forward again"),
        QT_TRANSLATE_NOOP("Keymap", "History"),
        _state(actions.forward),
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
    # Tours
    Binding(
        "tour-next",
        ("PgDown", "Space"),
        QT_TRANSLATE_NOOP("Keymap", "During a tour: the next stop (Go ▸ Tours starts one)"),
        QT_TRANSLATE_NOOP("Keymap", "Tours"),
        lambda w: w.tour_step("next"),
        label=QT_TRANSLATE_NOOP("Keymap", "Next stop"),
        menu=MenuPlace("Go", 5, 1),
    ),
    Binding(
        "tour-prev",
        ("PgUp",),
        QT_TRANSLATE_NOOP("Keymap", "During a tour: the previous stop"),
        QT_TRANSLATE_NOOP("Keymap", "Tours"),
        lambda w: w.tour_step("prev"),
        label=QT_TRANSLATE_NOOP("Keymap", "Previous stop"),
        menu=MenuPlace("Go", 5, 2),
    ),
    Binding(
        "tour-first",
        ("Home",),
        QT_TRANSLATE_NOOP("Keymap", "The first stop"),
        QT_TRANSLATE_NOOP("Keymap", "Tours"),
        where=QT_TRANSLATE_NOOP("Keymap", "during a tour"),
    ),
    Binding(
        "tour-last",
        ("End",),
        QT_TRANSLATE_NOOP("Keymap", "The last stop"),
        QT_TRANSLATE_NOOP("Keymap", "Tours"),
        where=QT_TRANSLATE_NOOP("Keymap", "during a tour"),
    ),
    Binding(
        "tour-leave",
        ("Esc",),
        QT_TRANSLATE_NOOP("Keymap", "Leave the tour and go back to the view you had"),
        QT_TRANSLATE_NOOP("Keymap", "Tours"),
        where=QT_TRANSLATE_NOOP("Keymap", "during a tour"),
    ),
    # Panes and links
    Binding(
        "focus-detail",
        ("Return", "Enter"),
        QT_TRANSLATE_NOOP("Keymap", "Move the focus into the detail pane"),
        QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
        lambda w: w.focus_detail(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Go to details"),
        menu=MenuPlace("Go", 3, 1),
    ),
    Binding(
        "next-pane",
        ("F6",),
        QT_TRANSLATE_NOOP("Keymap", "Next pane (timeline, details, search, overview band)"),
        QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
        lambda w: w.cycle_pane(+1),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Next pane"),
        menu=MenuPlace("Go", 3, 2),
    ),
    Binding(
        "prev-pane",
        ("Shift+F6",),
        QT_TRANSLATE_NOOP("Keymap", "Previous pane"),
        QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
        lambda w: w.cycle_pane(-1),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Previous pane"),
        menu=MenuPlace("Go", 3, 3),
    ),
    Binding(
        "tab",
        ("Tab", "Shift+Tab"),
        QT_TRANSLATE_NOOP("Keymap", "Next or previous pane, or link in the detail pane"),
        QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
    ),
    Binding(
        "follow-link",
        ("Return",),
        QT_TRANSLATE_NOOP("Keymap", "Follow the focused link"),
        QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the detail pane"),
    ),
    Binding(
        "detail-caret",
        ("Up", "Down", "Left", "Right"),
        QT_TRANSLATE_NOOP("Keymap", "Move the caret through the text (Shift: select; Ctrl+C copies)"),
        QT_TRANSLATE_NOOP("Keymap", "Panes and links"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the detail pane"),
    ),
    # File
    Binding(
        "open-file",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Keymap", "Open a chronology file"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.open_file_dialog(),
        standard=StandardKey.Open,
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Open file…"),
        menu=MenuPlace("File", 0, 0),
    ),
    Binding(
        "open-folder",
        ("Ctrl+Shift+O",),
        QT_TRANSLATE_NOOP("Keymap", "Open a chronology folder"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.open_folder_dialog(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Open folder…"),
        menu=MenuPlace("File", 0, 1),
    ),
    Binding(
        "reload",
        ("F5", "Ctrl+R"),
        QT_TRANSLATE_NOOP("Keymap", "Reload the files"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.reload(),
        standard=StandardKey.Refresh,
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Reload"),
        menu=MenuPlace("File", 1, 0),
    ),
    Binding(
        "export-image",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Keymap", "Save the view as an image"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.export_image(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Export view as image…"),
        menu=MenuPlace("File", 1, 2),
    ),
    Binding(
        "export-shown",
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP("Keymap", "Save the events shown (after filters and hidden lanes) as JSON or CSV"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.nav.export_shown_dialog(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Export shown events…"),
        menu=MenuPlace("File", 1, 3),
    ),
    Binding(
        "export-pdf",
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP(
            "Keymap", "Save the view as a PDF page (timeline, plots, legend, dates, title, sources)"
        ),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.printing.export_pdf(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Export view as PDF…"),
        menu=MenuPlace("File", 1, 5),
    ),
    Binding(
        "print",
        ("Ctrl+P",),
        QT_TRANSLATE_NOOP("Keymap", "Print the view, with a preview first"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.printing.print_view(),
        standard=StandardKey.Print,
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Print…"),
        menu=MenuPlace("File", 1, 6),
    ),
    Binding(
        "compare",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP(
            "Keymap", "Compare with another version of the chronology (added, removed, re-dated, re-worded)"
        ),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.nav.compare_dialog(),
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Compare with…"),
        menu=MenuPlace("File", 1, 4),
    ),
    Binding(
        "next-difference",
        ("N", "F8"),
        QT_TRANSLATE_NOOP("Keymap", "While comparing: the next difference"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.nav.compare_step(+1),
        label=QT_TRANSLATE_NOOP("Keymap", "Next difference"),
        menu=MenuPlace("Go", 2, 1),
    ),
    Binding(
        "prev-difference",
        ("Shift+N", "Shift+F8"),
        QT_TRANSLATE_NOOP("Keymap", "While comparing: the previous difference"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.nav.compare_step(-1),
        label=QT_TRANSLATE_NOOP("Keymap", "Previous difference"),
        menu=MenuPlace("Go", 2, 2),
    ),
    Binding(
        "quit",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Keymap", "Quit"),
        QT_TRANSLATE_NOOP("Keymap", "File"),
        lambda w: w.close(),
        standard=StandardKey.Quit,
        auto_repeat=False,
        menu=MenuPlace("File", 2, 0),
    ),
    # Help
    Binding(
        "help",
        ("?", "F1"),
        QT_TRANSLATE_NOOP("Keymap", "Show the keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Keymap", "Help"),
        lambda w: w.toggle_help(),
        standard=StandardKey.HelpContents,
        auto_repeat=False,
        label=QT_TRANSLATE_NOOP("Keymap", "Keyboard shortcuts"),
        menu=MenuPlace("Help", 0, 0),
    ),
    Binding(
        "help-close",
        ("Esc", "?"),
        QT_TRANSLATE_NOOP("Keymap", "Close the shortcuts overlay"),
        QT_TRANSLATE_NOOP("Keymap", "Help"),
        where=QT_TRANSLATE_NOOP("Keymap", "in the overlay"),
    ),
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
