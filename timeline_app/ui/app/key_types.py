"""The shape of the key table: what a binding is (:class:`Binding`), where it sits in the menus
(:class:`MenuPlace`), what it may ask of the window (:class:`Commands` and the protocols of the
window's parts), the groups the ``?`` overlay and docs/KEYS.md show, and the small command makers
the rows use. The rows themselves are in :mod:`~timeline_app.ui.app.keymap`.
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
def state_command(f: Callable[..., Any], *args: Any) -> Command:
    return lambda w: f(w.state, *args)


def zoom_in(w: Commands) -> object:
    return actions.zoom_in(w.state, actions.ZOOM_STEP ** w.repeat_step("zoom"))


def zoom_out(w: Commands) -> object:
    return actions.zoom_out(w.state, actions.ZOOM_STEP ** w.repeat_step("zoom"))


def pan(direction: int) -> Command:
    return lambda w: actions.pan(w.state, direction * actions.PAN_STEP * w.repeat_step("pan"))


def tour_or(kind: str, f: Callable[[ViewState], object]) -> Command:
    """During a tour, its step ``kind``; otherwise ``f`` of the view state."""
    return lambda w: w.tour_step(kind) or f(w.state)


def lane_binding(n: int) -> Binding:
    return Binding(
        f"lane-{n}",
        (str(n),),
        f"Show or hide lane {n}",
        QT_TRANSLATE_NOOP("Keymap", "Lanes"),
        state_command(actions.toggle_lane_number, n),
        auto_repeat=False,
        doc_keys="1 … 9",
        in_docs=n == 1,
    )
