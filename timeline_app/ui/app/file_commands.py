"""The window's file commands that ask the user something: the open dialogs and their filter, the
image export (never over one of the chronology's own files), the About box, and the path a drag
brings. Each takes the parent widget and what it needs; the window calls them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from timeline_app import __version__
from timeline_app.model.chronology import Chronology
from timeline_app.text import escape_html, fill, translate
from timeline_app.ui.app.document import same_path


def file_filter() -> str:
    """The file dialog's filter, in the user's language."""
    return ";;".join(
        (
            translate("MainWindow", "Chronologies (*.yaml *.yml *.json *.csv *.xlsx *.ics *.timeline)"),
            "timeline-app (*.yaml *.yml *.json)",
            "TimelineJS (*.json *.csv *.xlsx)",
            "Timeline (*.timeline)",
            "iCalendar (*.ics)",
            translate("MainWindow", "Spreadsheets (*.csv *.xlsx)"),
            translate("MainWindow", "All files (*)"),
        )
    )


def ask_open_file(parent: QWidget, start_dir: str) -> str:
    """A chronology file the user picks ("" for none)."""
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("MainWindow", "Open chronology file"), start_dir, file_filter()
    )
    return name


def ask_open_folder(parent: QWidget, start_dir: str) -> str:
    """A chronology folder the user picks ("" for none)."""
    return QFileDialog.getExistingDirectory(
        parent, translate("MainWindow", "Open chronology folder"), start_dir
    )


def export_image(parent: QWidget, view: QWidget, own_files: Sequence[str]) -> str:
    """Ask for a PNG name and save ``view`` there; never over one of ``own_files`` (the
    chronology's). Returns the status message to show ("" when nothing was saved)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("MainWindow", "Export view as image"),
        str(Path.home() / "timeline.png"),
        translate("MainWindow", "PNG image (*.png)"),
    )
    if not name:
        return ""
    target = Path(name if name.lower().endswith(".png") else name + ".png")
    title = translate("MainWindow", "Export")
    if any(same_path(target, Path(f)) for f in own_files):
        text = translate("MainWindow", "That is one of the chronology's own files; choose another name.")
        QMessageBox.warning(parent, title, text)
        return ""
    if not view.grab().save(str(target), "PNG"):
        QMessageBox.warning(parent, title, fill(translate("MainWindow", "Could not write %1."), target))
        return ""
    return fill(translate("MainWindow", "Saved %1"), target)


def show_about(parent: QWidget, c: Chronology, settings_file: str) -> None:
    """Help ▸ About: the version, the chronology shown with its counts, where the settings live."""
    n = c.counts()
    events, indicators, sources = n["events"], n["indicators"], n["sources"]
    counts = " · ".join(
        (
            translate("MainWindow", "%Ln event(s)", None, events),
            translate("MainWindow", "%Ln indicator(s)", None, indicators),
            translate("MainWindow", "%Ln source(s)", None, sources),
        )
    )
    about = translate("MainWindow", "A desktop viewer for chronologies.")
    showing = fill(translate("MainWindow", "Showing: %1"), c.title or "—")
    where = fill(translate("MainWindow", "Settings: %1"), settings_file)
    text = (
        f"<h3>Timeline {__version__}</h3><p>{escape_html(about)}</p>"
        f"<p>{escape_html(showing)}<br>{counts}</p><p>{escape_html(where)}</p>"
    )
    QMessageBox.about(parent, translate("MainWindow", "About Timeline"), text)


def dropped_path(e: QDragEnterEvent | QDropEvent) -> str | None:
    """The first existing local file or folder a drag carries."""
    md = e.mimeData()
    if md is None or not md.hasUrls():
        return None
    for url in md.urls():
        if url.isLocalFile():
            local = url.toLocalFile()
            if os.path.exists(local):
                return local
    return None
