"""The menu bar: File, View, Go, Help, built from the key table's menu places
(:class:`~timeline_app.ui.app.keymap.MenuPlace`), with File ▸ Open Recent and View ▸ Lanes, which
change with the settings and the chronology."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from timeline_app.model.view_state import ViewState
from timeline_app.text import QT_TRANSLATE_NOOP, translate
from timeline_app.ui.app import keymap, language
from timeline_app.ui.app.keymap import MenuPlace
from timeline_app.ui.app.settings import Settings

MENU_TITLES = {
    "File": QT_TRANSLATE_NOOP("Menus", "&File"),
    "View": QT_TRANSLATE_NOOP("Menus", "&View"),
    "Go": QT_TRANSLATE_NOOP("Menus", "&Go"),
    "Help": QT_TRANSLATE_NOOP("Menus", "&Help"),
}

# what sits in the menus besides the key table's commands
OTHER_PLACES = {
    "open-recent": MenuPlace("File", 0, 2),
    "cancel-load": MenuPlace("File", 1, 1),
    "lanes": MenuPlace("View", 2, 0),
    "problems": MenuPlace("View", 2, 1),
    "about": MenuPlace("Help", 1, 0),
    "views": MenuPlace("Go", 4, 1),
    "language": MenuPlace("View", 4, 0),
    "tours": MenuPlace("Go", 5, 0),
    "reduce-motion": MenuPlace("View", 4, 2),
}


def menu_layout() -> dict[str, list[str | None]]:
    """Each menu's entries by name, in order, with None for a separator between sections."""
    places = {b.name: b.menu for b in keymap.BINDINGS if b.menu is not None}
    places.update(OTHER_PLACES)
    out: dict[str, list[str | None]] = {}
    for menu in MENU_TITLES:
        entries = sorted((p.section, p.rank, name) for name, p in places.items() if p.menu == menu)
        names: list[str | None] = []
        for k, (section, _, name) in enumerate(entries):
            if k and section != entries[k - 1][0]:
                names.append(None)
            names.append(name)
        out[menu] = names
    return out


class WindowMenus(QObject):
    """The window's menus; ``actions`` by name (the key table's and the window's own)."""

    open_requested = Signal(object)  # a Path chosen in File ▸ Open Recent
    language_requested = Signal(str)  # a language chosen in View ▸ Language

    def __init__(
        self, window: QMainWindow, state: ViewState, settings: Settings, actions: dict[str, QAction]
    ) -> None:
        super().__init__(window)
        self.state = state
        self.settings = settings
        bar = window.menuBar()
        self.menus: dict[str, QMenu] = {}
        for menu_name, names in menu_layout().items():
            menu = bar.addMenu("")
            self.menus[menu_name] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "lanes":
                    self.lanes_menu = menu.addMenu("")
                elif name == "views":
                    self.views_menu = menu.addMenu(translate("Menus", "Sa&ved views"))
                    self.views_menu.menuAction().setObjectName("views-menu")
                elif name == "language":
                    self.language_menu = menu.addMenu("")
                    self.language_menu.menuAction().setObjectName("language")
                    self._build_language_menu()
                elif name == "tours":
                    self.tours_menu = menu.addMenu(translate("Menus", "&Tours"))
                    self.tours_menu.menuAction().setObjectName("tours-menu")
                elif name == "open-recent":
                    self.recent_menu = menu.addMenu("")
                    self.recent_menu.menuAction().setObjectName("open-recent")
                    self.recent_menu.aboutToShow.connect(self.rebuild_recent)
                else:
                    menu.addAction(actions[name])
        self.retranslate()

    def retranslate(self) -> None:
        """Menu titles and the menus built here in the current language (again after a change)."""
        for menu_name, menu in self.menus.items():
            menu.setTitle(translate("Menus", MENU_TITLES[menu_name]))
        self.lanes_menu.setTitle(translate("Menus", "&Lanes"))
        self.views_menu.setTitle(translate("Menus", "Sa&ved views"))
        self.tours_menu.setTitle(translate("Menus", "&Tours"))
        self.language_menu.setTitle(translate("Menus", "L&anguage"))
        self.recent_menu.setTitle(translate("Menus", "Open &Recent"))
        self.rebuild_lanes()
        self.rebuild_recent()

    # -- View ▸ Language ----------------------------------------------------------------------------
    def _build_language_menu(self) -> None:
        """English and 简体中文, each written in itself; choosing one switches at once."""
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for k, (lang, name) in enumerate(language.LANGUAGES.items(), start=1):
            act = self.language_menu.addAction(f"&{k}  {name}")
            act.setObjectName(f"language-{lang}")
            act.setCheckable(True)
            act.setData(lang)
            group.addAction(act)
            act.triggered.connect(lambda _=False, lang=lang: self.language_requested.emit(lang))
            self.language_actions[lang] = act
        self.sync_language()

    def sync_language(self) -> None:
        for lang, act in self.language_actions.items():
            act.setChecked(lang == language.current())

    # -- File ▸ Open Recent --------------------------------------------------------------------------
    def rebuild_recent(self) -> None:
        """File ▸ Open Recent: the chronologies opened last (numbered, for the keyboard), the most
        recent first; one that is no longer there is listed, but greyed out."""
        m = self.recent_menu
        m.clear()
        paths = self.settings.recent_paths()
        for k, p in enumerate(paths, start=1):
            path = Path(p)
            number = f"&{k}" if k < 10 else f"1&{k - 10}"
            name = (path.name or p).replace("&", "&&")
            act = m.addAction(f"{number}  {name}  —  {str(path.parent).replace('&', '&&')}")
            act.setData(p)
            act.setStatusTip(p)
            act.setToolTip(p)
            if path.exists():
                act.triggered.connect(lambda _=False, path=path: self.open_requested.emit(path))
            else:
                act.setEnabled(False)
                act.setText(act.text() + "  " + translate("Menus", "(missing)"))
        if not paths:
            m.addAction(translate("Menus", "No chronologies opened yet")).setEnabled(False)
        m.addSeparator()
        clear = m.addAction(translate("Menus", "&Clear the list"), self._clear_recent)
        clear.setObjectName("clear-recent")
        clear.setEnabled(bool(paths))
        m.menuAction().setEnabled(True)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_paths()
        self.rebuild_recent()

    # -- View ▸ Lanes --------------------------------------------------------------------------------
    def rebuild_lanes(self) -> None:
        menu = self.lanes_menu
        menu.clear()
        cats = self.state.chronology.categories
        if not cats:
            menu.addAction(translate("Menus", "No lanes")).setEnabled(False)
            return
        for i, cat in enumerate(cats):
            key = f"\t{i + 1}" if i < 9 else ""
            act = menu.addAction(f"{cat.name.replace('&', '&&')}{key}")  # "&" is no mnemonic
            act.setCheckable(True)
            act.setChecked(cat.id not in self.state.hidden_lanes)
            act.setData(cat.id)
            act.toggled.connect(lambda on, cid=cat.id: self._lane_toggled(cid, on))
        menu.addSeparator()
        menu.addAction(translate("Menus", "Show all lanes"), lambda: self.state.set_hidden_lanes(frozenset()))

    def _lane_toggled(self, cat_id: str, shown: bool) -> None:
        if shown == (cat_id in self.state.hidden_lanes):
            self.state.toggle_lane(cat_id)

    def sync_lanes(self) -> None:
        for act in self.lanes_menu.actions():
            cid = act.data()
            if act.isCheckable() and cid:
                act.blockSignals(True)
                act.setChecked(cid not in self.state.hidden_lanes)
                act.blockSignals(False)
