"""Watching a chronology's files, so that an edit shows up in the viewer by itself.

:class:`ChronologyWatcher` watches every file of the chronology and every folder holding them (a
folder change is how a new file, or a file saved by replacement, shows up). Three quirks of
``QFileSystemWatcher`` are handled here:

* many editors save by writing a new file and renaming it over the old one; the watcher then
  drops the path (inotify watches the old inode). Paths are re-added after every change.
* one save makes several notifications (truncate, write, close, rename). They are collapsed with
  a debounce timer (300 ms after the last one), so a half-written file never reaches the loader.
* folder notifications also come for unrelated files (editor swap and backup files). ``changed``
  is emitted only when the files' sizes or modification times differ from the last emission.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from timeline_app.io import chronology_files

DEBOUNCE_MS = 300
MAX_WAITS_FOR_MISSING = 10  # while a watched file is missing (mid-replace), wait up to this many periods

Signature = tuple[tuple[str, int, int], ...]


def _stat(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_mtime_ns, st.st_size)


class ChronologyWatcher(QObject):
    """Emits ``changed`` once the files of the watched chronology have changed and settled."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._settle)
        self._root: Path | None = None
        self._signature: Signature = ()
        self._waits = 0

    # -- what is watched ---------------------------------------------------------------------------
    @property
    def root(self) -> Path | None:
        return self._root

    def watch(self, root: str | os.PathLike[str] | None) -> None:
        """Watch the chronology at ``root`` (a file or a folder), or nothing."""
        self._timer.stop()
        self._root = Path(root) if root is not None else None
        self._sync_paths()
        self._signature = self.signature()

    def stop(self) -> None:
        self.watch(None)

    def watched_paths(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def _wanted(self) -> tuple[set[str], set[str]]:
        """(files, folders) to watch for the current root."""
        root = self._root
        if root is None:
            return set(), set()
        files: set[str] = set()
        dirs: set[str] = set()
        if root.is_dir():
            dirs.add(str(root))
            for dirpath, dirnames, _ in os.walk(root, followlinks=False):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                dirs.update(str(Path(dirpath) / d) for d in dirnames)
            files.update(str(f) for f in chronology_files(root))
        else:
            files.add(str(root))
            parent = root.parent if str(root.parent) else Path(".")
            dirs.add(str(parent))
        return {f for f in files if os.path.isfile(f)}, {d for d in dirs if os.path.isdir(d)}

    def _sync_paths(self) -> None:
        files, dirs = self._wanted()
        have_files, have_dirs = set(self._watcher.files()), set(self._watcher.directories())
        stale = sorted((have_files - files) | (have_dirs - dirs))
        if stale:
            self._watcher.removePaths(stale)
        new = sorted((files - have_files) | (dirs - have_dirs))
        if new:
            self._watcher.addPaths(new)  # paths that vanished meanwhile are just not added

    def signature(self) -> Signature:
        """Sizes and modification times of the chronology's files (what a reload would read)."""
        root = self._root
        if root is None:
            return ()
        paths = chronology_files(root) if root.is_dir() else [root]
        return tuple(_stat(p) for p in paths)

    # -- notifications -----------------------------------------------------------------------------
    def _on_change(self, _path: str) -> None:
        self._timer.start()  # (re)start: wait until the notifications stop

    def _settle(self) -> None:
        self._sync_paths()  # re-add files replaced by rename, pick up new files and folders
        sig = self.signature()
        missing = any(size < 0 for _, _, size in sig) or (self._root is not None and not self._root.exists())
        if missing and self._waits < MAX_WAITS_FOR_MISSING:
            self._waits += 1  # a file is being replaced: give the editor time to put it back
            self._timer.start()
            return
        self._waits = 0
        if sig != self._signature:
            self._signature = sig
            self.changed.emit()

    def check_now(self) -> None:
        """Settle at once (used by Reload, so a pending notification does not reload twice)."""
        self._timer.stop()
        self._waits = 0
        self._sync_paths()
        self._signature = self.signature()
