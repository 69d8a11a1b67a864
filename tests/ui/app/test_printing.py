"""File ▸ Print… and File ▸ Export PDF… from the window, by their keys: the preview opens on the
view, and the PDF holds the view as the window shows it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog

from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def previews() -> list[QPrintPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog) and w.isVisible()]


def test_ctrl_p_opens_the_print_preview_and_esc_closes_it(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    w.canvas.setFocus()
    assert not previews()
    press(qtbot, w, K.Key_P, CTRL)
    qtbot.waitUntil(lambda: len(previews()) == 1, timeout=10000)
    (dialog,) = previews()
    assert dialog.windowTitle() == "Print preview"
    dialog.close()
    qtbot.waitUntil(lambda: not previews())


def test_ctrl_shift_p_saves_the_view_shown_as_pdf(
    qtbot, shipped_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = shipped_window
    target = tmp_path / "view"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    w.state.set_hidden_lanes(frozenset(c.id for c in w.state.chronology.categories if c.id != "ecology"))
    w.state.select_event("pm25-2023")
    press(qtbot, w, K.Key_P, CTRL | SHIFT)
    out = tmp_path / "view.pdf"
    assert out.exists()
    text = " ".join(unicodedata.normalize("NFKC", PdfReader(str(out)).pages[0].extract_text()).split())
    assert "PM2.5 down by half or more since 2014" in text  # the selected event, in its lane
    assert "Ecology & environment" in text
    assert "Winter Olympics" not in text  # its lane is hidden in the window, so on the page
    assert "Sources:" in text
    assert str(out) in w.statusBar().currentMessage()
