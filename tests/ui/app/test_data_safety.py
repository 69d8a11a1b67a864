"""The app never writes to the user's data files, and writes its own settings atomically."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from timeline_app.cli import main as cli_main
from timeline_app.paths import shipped_chronology
from timeline_app.ui.app.main_window import MainWindow
from timeline_app.ui.app.settings import Settings

from ..conftest import press


def fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Content hash, modification time and inode of every file below ``folder``."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                st.st_mtime_ns,
                st.st_ino,
            )
    return out


@pytest.fixture
def chronology_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(shipped_chronology(), tmp_path / "events"))


def test_browsing_reloading_and_exporting_leave_the_files_untouched(
    qtbot, make_window, chronology_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fingerprint(chronology_copy)
    w: MainWindow = make_window(chronology_copy)
    assert w.loaded
    w.canvas.setFocus()
    for key in [
        Qt.Key.Key_Home,
        *[Qt.Key.Key_Right] * 15,
        Qt.Key.Key_Period,
        Qt.Key.Key_Down,
        Qt.Key.Key_W,
        Qt.Key.Key_S,
        Qt.Key.Key_A,
        Qt.Key.Key_D,
        Qt.Key.Key_F,
        Qt.Key.Key_0,
        Qt.Key.Key_1,
        Qt.Key.Key_1,
    ]:
        press(qtbot, w, key)
    press(qtbot, w, Qt.Key.Key_Slash)
    qtbot.keyClicks(w.search.field, "olymp")
    press(qtbot, w, Qt.Key.Key_Return)
    press(qtbot, w, Qt.Key.Key_Escape)
    press(qtbot, w, Qt.Key.Key_F5)  # reload
    qtbot.wait(400)

    # export the view as an image (the dialog answered with a file beside the chronology)
    target = tmp_path / "view.png"
    monkeypatch.setattr(
        "timeline_app.ui.app.file_commands.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    w.export_image()
    assert target.stat().st_size > 0
    # a name typed over one of the chronology's own files becomes a new image beside it
    monkeypatch.setattr(
        "timeline_app.ui.app.file_commands.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(chronology_copy / "planning.yaml"), ""),
    )
    w.export_image()

    assert cli_main(["export", str(chronology_copy), "-o", str(tmp_path / "out.json")]) == 0
    w.close()
    after = fingerprint(chronology_copy)
    assert after.pop("planning.yaml.png")[0]
    assert after == before


def test_settings_are_replaced_atomically(isolated_settings: Path) -> None:
    s = Settings()
    s.set_last_path("/somewhere/a")
    s.sync()
    ini = Path(s.file_name())
    first_inode = ini.stat().st_ino
    s.set_last_path("/somewhere/b")
    s.sync()
    # a new file was renamed over the old one, rather than the old one rewritten in place
    assert ini.stat().st_ino != first_inode
    assert Settings().last_path() == os.path.abspath("/somewhere/b")
    assert not [p for p in ini.parent.iterdir() if p != ini and not p.name.endswith(".lock")]
