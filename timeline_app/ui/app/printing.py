"""File ▸ Export PDF… and File ▸ Print…: the view as the window shows it (range, lanes, filters,
selection, plots) on a landscape page, with its title, date range and the sources it cites
(:mod:`.page_view`). Print opens Qt's print preview, from which the printer is chosen.

Qt's print support and the page's drawing are imported on the first export or print, not with the
window: a start never needs them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.document import same_path

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from timeline_app.ui.app.page_view import ViewSpec


class Printing(QObject):
    def __init__(self, state: ViewState, canvas: ChronologyCanvas, window: QMainWindow) -> None:
        super().__init__(window)
        self.state = state
        self.canvas = canvas
        self.window = window
        self.preview: QPrintPreviewDialog | None = None

    def spec(self) -> ViewSpec:
        from timeline_app.ui.app.page_view import ViewSpec

        return ViewSpec.of_window(self.state, self.canvas.shown_plots())

    def export_pdf(self, name: str | None = None) -> Path | None:
        """Ctrl+Shift+P: save the view as a one-page PDF (asks where, unless ``name`` is given)."""
        if name is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                translate("Print", "Export view as PDF"),
                str(Path.home() / "timeline.pdf"),
                translate("Print", "PDF (*.pdf)"),
            )
        if not name:
            return None
        target = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        if any(same_path(target, Path(f)) for f in self.state.chronology.files):
            QMessageBox.warning(
                self.window,
                translate("Print", "Export"),
                translate("Print", "That is one of the chronology's own files."),
            )
            return None
        from timeline_app.ui.app.page_view import write_view_pdf

        try:
            write_view_pdf(str(target), self.state.chronology, self.spec())
        except OSError:
            QMessageBox.warning(
                self.window,
                translate("Print", "Export"),
                fill(translate("Print", "Could not write %1."), target),
            )
            return None
        self.window.statusBar().showMessage(fill(translate("Print", "Saved %1"), target), 4000)
        return target

    def print_view(self) -> None:
        """Ctrl+P: the print preview of the view; Print there chooses the printer."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from timeline_app.ui.app.page_view import DPI, MARGIN

        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setResolution(DPI)
        printer.setDocName(self.state.chronology.title or "Chronology")
        # the printer's own paper (Letter or A4, as the system is set), turned landscape
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setPageMargins(QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN), QPageLayout.Unit.Point)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(translate("Print", "Print preview"))
        dialog.paintRequested.connect(self._paint)
        self.preview = dialog
        dialog.finished.connect(lambda _r: setattr(self, "preview", None))
        dialog.open()

    def _paint(self, printer: QPrinter) -> None:
        from timeline_app.ui.app.page_view import page_rect, paint_view_page, view_subtitle

        p = QPainter()
        if not p.begin(printer):
            return
        try:
            c = self.state.chronology
            spec = self.spec()
            paint_view_page(p, page_rect(printer), c, spec, c.title, view_subtitle(spec))
        finally:
            p.end()
