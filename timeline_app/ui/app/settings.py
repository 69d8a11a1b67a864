"""What the viewer remembers between runs: window geometry, splitter sizes, the last chronology
opened and, per chronology, the lanes the user hid.

Settings live in an INI file: in the folder named by ``TIMELINE_APP_SETTINGS_DIR`` when it is set
(the tests set it, so they never touch a real user's settings), else in the platform's per-user
configuration folder. The viewer writes only here, never to the chronology's own files.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from timeline_app.model import saved_views
from timeline_app.model.filters import EventFilter
from timeline_app.model.saved_views import SavedView

ORGANIZATION = "timeline-app"
APPLICATION = "timeline-app"
SETTINGS_DIR_ENV = "TIMELINE_APP_SETTINGS_DIR"
FILE_NAME = "timeline-app.ini"
RECENT_KEPT = 10  # chronologies listed under File ▸ Open Recent


def open_qsettings() -> QSettings:
    """The settings store: ``$TIMELINE_APP_SETTINGS_DIR/timeline-app.ini`` or the platform's place."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / FILE_NAME), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def path_key(path: str | os.PathLike[str]) -> str:
    """A settings key for a chronology path (absolute, so the same folder is the same key)."""
    absolute = os.path.abspath(os.fspath(path))
    return hashlib.sha1(absolute.encode("utf-8")).hexdigest()[:16]


class Settings:
    """Typed access to the settings store."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_qsettings()
        # written through a temporary file renamed over the old one: a crash never leaves half a file
        self.store.setAtomicSyncRequired(True)

    def file_name(self) -> str:
        return self.store.fileName()

    def sync(self) -> None:
        self.store.sync()

    # -- the last chronology -----------------------------------------------------------------------
    def last_path(self) -> str | None:
        value = self.store.value("files/last_path", None)
        return str(value) if value else None

    def set_last_path(self, path: str | os.PathLike[str]) -> None:
        self.store.setValue("files/last_path", os.path.abspath(os.fspath(path)))

    # -- the chronologies opened recently ----------------------------------------------------------
    def recent_paths(self) -> list[str]:
        """Absolute paths of the chronologies opened last, the most recent first (at most
        :data:`RECENT_KEPT`); before any list was kept, the last one opened."""
        raw = self.store.value("files/recent", "")
        try:
            data = json.loads(str(raw)) if raw else None
        except ValueError:
            data = None
        if not isinstance(data, list):
            last = self.last_path()
            return [last] if last else []
        return [p for p in data if isinstance(p, str) and p][:RECENT_KEPT]

    def add_recent_path(self, path: str | os.PathLike[str]) -> None:
        absolute = os.path.abspath(os.fspath(path))
        same = os.path.normcase(absolute)  # C:\Data and c:\data are one folder on Windows
        paths = [absolute, *(p for p in self.recent_paths() if os.path.normcase(p) != same)]
        self.store.setValue("files/recent", json.dumps(paths[:RECENT_KEPT], ensure_ascii=False))

    def clear_recent_paths(self) -> None:
        self.store.setValue("files/recent", "[]")

    # -- lanes hidden, per chronology --------------------------------------------------------------
    def hidden_lanes(self, path: str | os.PathLike[str]) -> frozenset[str]:
        raw = self.store.value(f"hidden_lanes/{path_key(path)}", "")
        try:
            data = json.loads(str(raw)) if raw else {}
        except ValueError:
            return frozenset()
        lanes = data.get("lanes", []) if isinstance(data, dict) else []
        return frozenset(x for x in lanes if isinstance(x, str))

    def set_hidden_lanes(self, path: str | os.PathLike[str], lanes: frozenset[str] | set[str]) -> None:
        key = f"hidden_lanes/{path_key(path)}"
        if not lanes:
            self.store.remove(key)
            return
        data = {"path": os.path.abspath(os.fspath(path)), "lanes": sorted(lanes)}
        self.store.setValue(key, json.dumps(data, ensure_ascii=False))

    # -- what the window shows ---------------------------------------------------------------------
    def language(self) -> str | None:
        """The interface language the user chose (View ▸ Language), or None: follow the system."""
        v = self.store.value("ui/language")
        return str(v) if v else None

    def set_language(self, lang: str) -> None:
        self.store.setValue("ui/language", lang)

    def overview_shown(self) -> bool:
        """Whether the overview band is shown under the timeline (yes until the user hides it)."""
        return str(self.store.value("view/overview", "true")).lower() != "false"

    def set_overview_shown(self, shown: bool) -> None:
        self.store.setValue("view/overview", "true" if shown else "false")

    def reduced_motion(self) -> bool:
        """Whether moves between tour stops are instant rather than eased (View ▸ Reduce motion)."""
        return str(self.store.value("view/reduced_motion", "false")).lower() == "true"

    def set_reduced_motion(self, on: bool) -> None:
        self.store.setValue("view/reduced_motion", "true" if on else "false")

    def high_contrast(self) -> bool:
        """Whether the high-contrast colours are on (off until the user turns them on)."""
        return str(self.store.value("view/high_contrast", "false")).lower() == "true"

    def set_high_contrast(self, on: bool) -> None:
        self.store.setValue("view/high_contrast", "true" if on else "false")

    # -- filters, per chronology ---------------------------------------------------------------------
    def event_filter(self, path: str | os.PathLike[str]) -> EventFilter:
        raw = self.store.value(f"filters/{path_key(path)}", "")
        try:
            data = json.loads(str(raw)) if raw else {}
        except ValueError:
            return EventFilter()
        return EventFilter.from_data(data.get("filter") if isinstance(data, dict) else None)

    def set_event_filter(self, path: str | os.PathLike[str], f: EventFilter) -> None:
        key = f"filters/{path_key(path)}"
        if not f.active:
            self.store.remove(key)
            return
        data = {"path": os.path.abspath(os.fspath(path)), "filter": f.to_data()}
        self.store.setValue(key, json.dumps(data, ensure_ascii=False))

    # -- saved views, per chronology -----------------------------------------------------------------
    def saved_views(self, path: str | os.PathLike[str]) -> list[SavedView]:
        raw = self.store.value(f"views/{path_key(path)}", "")
        try:
            return saved_views.loads(str(raw)) if raw else []
        except saved_views.ViewFileError:
            return []

    def set_saved_views(self, path: str | os.PathLike[str], views: list[SavedView]) -> None:
        key = f"views/{path_key(path)}"
        if not views:
            self.store.remove(key)
            return
        self.store.setValue(key, saved_views.dumps(views))

    # -- the window --------------------------------------------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        self.store.setValue("window/geometry", window.saveGeometry())
        self.store.setValue("window/state", window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        geometry = self.store.value("window/geometry")
        ok = isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(QByteArray(geometry))
        state = self.store.value("window/state")
        if isinstance(state, QByteArray | bytes):
            window.restoreState(QByteArray(state))
        return bool(ok)

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self.store.setValue(f"splitters/{name}", json.dumps(splitter.sizes()))

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        raw = self.store.value(f"splitters/{name}", "")
        try:
            sizes = json.loads(str(raw)) if raw else None
        except ValueError:
            return False
        if (
            not isinstance(sizes, list)
            or len(sizes) != splitter.count()
            or not all(isinstance(s, int) and s >= 0 for s in sizes)
            or not any(sizes)
        ):
            return False
        splitter.setSizes(sizes)
        return True
