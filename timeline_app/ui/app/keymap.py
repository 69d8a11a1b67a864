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
from timeline_app.text import translate


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


GROUPS = ("Browse", "View", "Lanes", "History", "Search", "Tours", "Panes and links", "File", "Help")


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
        "Lanes",
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
        "Next event (in time, across the shown lanes)",
        "Browse",
        _state(actions.next_event),
        label="Next event",
        menu=MenuPlace("Go", 0, 0),
    ),
    Binding(
        "prev-event",
        ("Left",),
        "Previous event",
        "Browse",
        _state(actions.prev_event),
        menu=MenuPlace("Go", 0, 1),
    ),
    Binding(
        "next-in-lane",
        (".",),
        "Next event in the same lane (or point of the same series)",
        "Browse",
        _state(actions.next_in_lane),
        menu=MenuPlace("Go", 0, 2),
    ),
    Binding(
        "prev-in-lane",
        (",",),
        "Previous event in the same lane (or point of the same series)",
        "Browse",
        _state(actions.prev_in_lane),
        menu=MenuPlace("Go", 0, 3),
    ),
    Binding(
        "lane-above",
        ("Up",),
        "Nearest event in the lane above",
        "Browse",
        _state(actions.lane_above),
        menu=MenuPlace("Go", 0, 4),
    ),
    Binding(
        "lane-below",
        ("Down",),
        "Nearest event in the lane below",
        "Browse",
        _state(actions.lane_below),
        menu=MenuPlace("Go", 0, 5),
    ),
    Binding(
        "first-event",
        ("Home",),
        "First event",
        "Browse",
        _tour_or("first", actions.first_event),
        menu=MenuPlace("Go", 0, 6),
    ),
    Binding(
        "last-event",
        ("End",),
        "Last event",
        "Browse",
        _tour_or("last", actions.last_event),
        menu=MenuPlace("Go", 0, 7),
    ),
    Binding(
        "escape",
        ("Esc",),
        "Clear the selection",
        "Browse",
        lambda w: w.escape(),
        auto_repeat=False,
        label="Clear selection",
        menu=MenuPlace("Go", 2, 0),
    ),
    # View
    Binding(
        "zoom-in",
        ("W", "+", "="),
        "Zoom in (hold to speed up)",
        "View",
        _zoom_in,
        repeat=True,
        label="Zoom in",
        menu=MenuPlace("View", 0, 0),
    ),
    Binding(
        "zoom-out",
        ("S", "-"),
        "Zoom out (hold to speed up)",
        "View",
        _zoom_out,
        repeat=True,
        label="Zoom out",
        menu=MenuPlace("View", 0, 1),
    ),
    Binding(
        "pan-left",
        ("A",),
        "Pan to earlier dates (hold to speed up)",
        "View",
        _pan(-1),
        repeat=True,
        label="Pan earlier",
        menu=MenuPlace("View", 0, 2),
    ),
    Binding(
        "pan-right",
        ("D",),
        "Pan to later dates (hold to speed up)",
        "View",
        _pan(+1),
        repeat=True,
        label="Pan later",
        menu=MenuPlace("View", 0, 3),
    ),
    Binding(
        "data-table",
        ("Ctrl+T",),
        "The plotted series as tables: dates × regions, with sources (sort, copy)",
        "View",
        lambda w: w.access.open_data_table(),
        auto_repeat=False,
        label="Data table…",
        menu=MenuPlace("View", 4, 0),
    ),
    Binding(
        "high-contrast",
        ("Ctrl+Shift+H",),
        "High-contrast colours on or off (remembered)",
        "View",
        lambda w: w.access.toggle_high_contrast(),
        auto_repeat=False,
        label="High contrast",
        menu=MenuPlace("View", 4, 1),
    ),
    Binding(
        "table-sort",
        ("S",),
        "Sort by the current cell's column (again: descending)",
        "View",
        where="in the data table",
    ),
    Binding(
        "table-copy",
        ("Ctrl+C",),
        "Copy the selected cells as tab-separated text",
        "View",
        where="in the data table",
    ),
    Binding(
        "say-view",
        ("V",),
        "Say what the view shows: its dates, the events in it and the selection (screen readers)",
        "View",
        lambda w: w.access.say_view(),
        auto_repeat=False,
        label="Say the view",
        menu=MenuPlace("View", 4, 2),
    ),
    Binding(
        "focus-selection",
        ("F",),
        "Zoom to the selection",
        "View",
        _state(actions.focus_selection),
        auto_repeat=False,
        menu=MenuPlace("View", 1, 0),
    ),
    Binding(
        "fit-all",
        ("0",),
        "Show everything",
        "View",
        _state(actions.fit_all),
        auto_repeat=False,
        label="Fit all",
        menu=MenuPlace("View", 1, 1),
    ),
    Binding(
        "overview",
        ("O",),
        "Overview band under the timeline on or off (drag its window to pan, its edges to zoom)",
        "View",
        lambda w: w.nav.toggle_overview(),
        auto_repeat=False,
        label="Overview band",
        menu=MenuPlace("View", 3, 1),
    ),
    Binding(
        "overview-keys",
        ("Left", "Right", "Shift+Left", "Shift+Right", "Home", "End"),
        "Move the window (Shift: its right edge, to zoom); Home, End: to the first, the last dates",
        "View",
        where="in the overview band (F6 reaches it)",
    ),
    Binding(
        "full-screen",
        ("F11",),
        "Full screen on or off",
        "View",
        lambda w: w.toggle_full_screen(),
        standard=StandardKey.FullScreen,
        auto_repeat=False,
        label="Full screen",
        menu=MenuPlace("View", 3, 0),
    ),
    # Lanes
    *(_lane(n) for n in range(1, 10)),
    Binding(
        "filter-bar",
        ("Ctrl+Shift+F",),
        "Filters: show the filter bar and add a filter (tag, place, source, lane, precision, dates)",
        "Lanes",
        lambda w: w.nav.toggle_filter_bar(),
        auto_repeat=False,
        label="Filters…",
        menu=MenuPlace("View", 2, 2),
    ),
    Binding(
        "filter-chip-remove",
        ("Delete", "Backspace"),
        "Remove the focused filter (Tab reaches the chips)",
        "Lanes",
        where="on a filter chip",
    ),
    # History
    Binding(
        "back",
        ("Alt+Left",),
        "Back to the previous selection and view",
        "History",
        _state(actions.back),
        label="Back",
        menu=MenuPlace("Go", 1, 0),
    ),
    Binding(
        "forward",
        ("Alt+Right",),
        "Forward again",
        "History",
        _state(actions.forward),
        label="Forward",
        menu=MenuPlace("Go", 1, 1),
    ),
    # Search
    Binding(
        "open-search",
        ("/", "Ctrl+F"),
        "Search events",
        "Search",
        lambda w: w.open_search(),
        standard=StandardKey.Find,
        auto_repeat=False,
        label="Search…",
        menu=MenuPlace("Go", 3, 0),
    ),
    Binding(
        "go-to-date",
        ("Ctrl+G",),
        "Go to a date or a range (2017, 2017-04, 44 BCE, 2014..2017)",
        "Search",
        lambda w: w.nav.go_to_date(),
        auto_repeat=False,
        label="Go to date…",
        menu=MenuPlace("Go", 3, 4),
    ),
    Binding(
        "saved-views",
        ("Ctrl+D",),
        "Saved views: name the view shown, or return to one (range, selection, filters, plots)",
        "History",
        lambda w: w.nav.open_saved_views(),
        auto_repeat=False,
        label="Saved views…",
        menu=MenuPlace("Go", 4, 0),
    ),
    Binding(
        "search-next",
        ("Return",),
        "Select the next match; on a date or range (2017-04, 2014..2017), go there",
        "Search",
        where="in the search field",
    ),
    Binding(
        "search-prev", ("Shift+Return",), "Select the previous match", "Search", where="in the search field"
    ),
    Binding(
        "search-move",
        ("Down", "Up"),
        "Move through the results",
        "Search",
        where="in the search field or the results",
    ),
    Binding(
        "search-close",
        ("Esc",),
        "Close the search and go back to where you were",
        "Search",
        where="in the search field or the results",
    ),
    # Tours
    Binding(
        "tour-next",
        ("PgDown", "Space"),
        "During a tour: the next stop (Go ▸ Tours starts one)",
        "Tours",
        lambda w: w.tour_step("next"),
        label="Next stop",
        menu=MenuPlace("Go", 5, 1),
    ),
    Binding(
        "tour-prev",
        ("PgUp",),
        "During a tour: the previous stop",
        "Tours",
        lambda w: w.tour_step("prev"),
        label="Previous stop",
        menu=MenuPlace("Go", 5, 2),
    ),
    Binding("tour-first", ("Home",), "The first stop", "Tours", where="during a tour"),
    Binding("tour-last", ("End",), "The last stop", "Tours", where="during a tour"),
    Binding(
        "tour-leave",
        ("Esc",),
        "Leave the tour and go back to the view you had",
        "Tours",
        where="during a tour",
    ),
    # Panes and links
    Binding(
        "focus-detail",
        ("Return", "Enter"),
        "Move the focus into the detail pane",
        "Panes and links",
        lambda w: w.focus_detail(),
        auto_repeat=False,
        label="Go to details",
        menu=MenuPlace("Go", 3, 1),
    ),
    Binding(
        "next-pane",
        ("F6",),
        "Next pane (timeline, details, search, overview band)",
        "Panes and links",
        lambda w: w.cycle_pane(+1),
        auto_repeat=False,
        label="Next pane",
        menu=MenuPlace("Go", 3, 2),
    ),
    Binding(
        "prev-pane",
        ("Shift+F6",),
        "Previous pane",
        "Panes and links",
        lambda w: w.cycle_pane(-1),
        auto_repeat=False,
        label="Previous pane",
        menu=MenuPlace("Go", 3, 3),
    ),
    Binding(
        "tab", ("Tab", "Shift+Tab"), "Next or previous pane, or link in the detail pane", "Panes and links"
    ),
    Binding(
        "follow-link", ("Return",), "Follow the focused link", "Panes and links", where="in the detail pane"
    ),
    Binding(
        "detail-caret",
        ("Up", "Down", "Left", "Right"),
        "Move the caret through the text (Shift: select; Ctrl+C copies)",
        "Panes and links",
        where="in the detail pane",
    ),
    # File
    Binding(
        "open-file",
        ("Ctrl+O",),
        "Open a chronology file",
        "File",
        lambda w: w.open_file_dialog(),
        standard=StandardKey.Open,
        auto_repeat=False,
        label="Open file…",
        menu=MenuPlace("File", 0, 0),
    ),
    Binding(
        "open-folder",
        ("Ctrl+Shift+O",),
        "Open a chronology folder",
        "File",
        lambda w: w.open_folder_dialog(),
        auto_repeat=False,
        label="Open folder…",
        menu=MenuPlace("File", 0, 1),
    ),
    Binding(
        "reload",
        ("F5", "Ctrl+R"),
        "Reload the files",
        "File",
        lambda w: w.reload(),
        standard=StandardKey.Refresh,
        auto_repeat=False,
        label="Reload",
        menu=MenuPlace("File", 1, 0),
    ),
    Binding(
        "export-image",
        ("Ctrl+E",),
        "Save the view as an image",
        "File",
        lambda w: w.export_image(),
        auto_repeat=False,
        label="Export view as image…",
        menu=MenuPlace("File", 1, 2),
    ),
    Binding(
        "export-shown",
        ("Ctrl+Shift+E",),
        "Save the events shown (after filters and hidden lanes) as JSON or CSV",
        "File",
        lambda w: w.nav.export_shown_dialog(),
        auto_repeat=False,
        label="Export shown events…",
        menu=MenuPlace("File", 1, 3),
    ),
    Binding(
        "export-pdf",
        ("Ctrl+Shift+P",),
        "Save the view as a PDF page (timeline, plots, legend, dates, title, sources)",
        "File",
        lambda w: w.printing.export_pdf(),
        auto_repeat=False,
        label="Export view as PDF…",
        menu=MenuPlace("File", 1, 5),
    ),
    Binding(
        "print",
        ("Ctrl+P",),
        "Print the view, with a preview first",
        "File",
        lambda w: w.printing.print_view(),
        standard=StandardKey.Print,
        auto_repeat=False,
        label="Print…",
        menu=MenuPlace("File", 1, 6),
    ),
    Binding(
        "compare",
        ("Ctrl+Shift+C",),
        "Compare with another version of the chronology (added, removed, re-dated, re-worded)",
        "File",
        lambda w: w.nav.compare_dialog(),
        auto_repeat=False,
        label="Compare with…",
        menu=MenuPlace("File", 1, 4),
    ),
    Binding(
        "next-difference",
        ("N", "F8"),
        "While comparing: the next difference",
        "File",
        lambda w: w.nav.compare_step(+1),
        label="Next difference",
        menu=MenuPlace("Go", 2, 1),
    ),
    Binding(
        "prev-difference",
        ("Shift+N", "Shift+F8"),
        "While comparing: the previous difference",
        "File",
        lambda w: w.nav.compare_step(-1),
        label="Previous difference",
        menu=MenuPlace("Go", 2, 2),
    ),
    Binding(
        "quit",
        ("Ctrl+Q",),
        "Quit",
        "File",
        lambda w: w.close(),
        standard=StandardKey.Quit,
        auto_repeat=False,
        menu=MenuPlace("File", 2, 0),
    ),
    # Help
    Binding(
        "help",
        ("?", "F1"),
        "Show the keyboard shortcuts",
        "Help",
        lambda w: w.toggle_help(),
        standard=StandardKey.HelpContents,
        auto_repeat=False,
        label="Keyboard shortcuts",
        menu=MenuPlace("Help", 0, 0),
    ),
    Binding("help-close", ("Esc", "?"), "Close the shortcuts overlay", "Help", where="in the overlay"),
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
