"""A view of the chronology drawn on a page (PDF or printer): File ▸ Export PDF…, File ▸ Print…,
``render --out x.pdf`` and every page of ``timeline-app report``.

The page is drawn with QPainter on the paged device, in vector form: the timeline, the plots with
their legends and the date axis come from an offscreen :class:`ChronologyCanvas` made exactly as
the window's (pyqtgraph's export mode draws its symbols as shapes, not cached pixmaps), and every
word is text a reader can select and search. Devices are set to the screen's 96 dots per inch so
that one pixel of the canvas is one unit of the page and fonts keep their sizes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.model.chronology import Chronology, Source
from timeline_app.model.dates import epoch_day_to_text
from timeline_app.model.filters import EventFilter
from timeline_app.model.printed import events_in_view, sources_shown
from timeline_app.model.view_state import Selection, TimeRange, ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas

DPI = 96  # page units per inch: one canvas pixel per unit
MARGIN = 40  # units (about 10.6 mm)
PlotKey = tuple[str, str]
PAGE_SIZES = {"A4": QtGui.QPageSize.PageSizeId.A4, "Letter": QtGui.QPageSize.PageSizeId.Letter}


@dataclass(frozen=True)
class ViewSpec:
    """What a printed view shows: the same things the window's view state holds."""

    range: TimeRange
    hidden: frozenset[str] = frozenset()
    plots: tuple[PlotKey, ...] = ()
    selected: str | None = None
    event_filter: EventFilter | None = None

    @classmethod
    def of_window(cls, state: ViewState, plots: Sequence[PlotKey]) -> ViewSpec:
        f = state.event_filter
        return cls(
            state.range, state.hidden_lanes, tuple(plots), state.selected_event_id, f if f.active else None
        )


def application() -> QtWidgets.QApplication:
    app = QtWidgets.QApplication.instance()
    if app is None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QtWidgets.QApplication(["timeline-app"])
    assert isinstance(app, QtWidgets.QApplication)
    return app


class CanvasPool:
    """Offscreen canvases, one per size, each with a view state of its own, set to each spec in
    turn: a report of many pages makes two canvases, not one per page (each costs a layout)."""

    def __init__(self, chronology: Chronology) -> None:
        self.chronology = chronology
        self._canvases: dict[tuple[int, int], tuple[ChronologyCanvas, ViewState]] = {}

    def canvas(self, spec: ViewSpec, width: int, height: int) -> ChronologyCanvas:
        app = application()
        made = self._canvases.get((width, height))
        if made is None:
            state = ViewState(self.chronology)
            canvas = ChronologyCanvas(state)
            canvas.set_render_mode(True)
            canvas.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            canvas.resize(width, height)
            canvas.ensurePolished()
            made = self._canvases[(width, height)] = (canvas, state)
        canvas, state = made
        state.set_hidden_lanes(spec.hidden)
        state.set_event_filter(spec.event_filter or EventFilter())
        state.set_selection(Selection.event(spec.selected) if spec.selected else None, record=False)
        canvas.set_shown_plots(list(spec.plots))
        layout = canvas.layout()
        if layout is not None:
            layout.activate()
        for _ in range(2):  # lay the scene out at its final size before the range is set
            app.processEvents()
            canvas.graphics_view().resize(width, height)
            canvas.graphics_view().ci.setGeometry(QtCore.QRectF(0, 0, width, height))
            app.processEvents()
        state.set_time_range(spec.range)
        canvas.apply_range(state.range)
        app.processEvents()
        return canvas

    def close(self) -> None:
        app = application()
        for canvas, _ in self._canvases.values():
            canvas.close()
            canvas.deleteLater()
        self._canvases.clear()
        app.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


@contextmanager
def offscreen_canvas(
    chronology: Chronology, spec: ViewSpec, width: int, height: int
) -> Iterator[ChronologyCanvas]:
    """A canvas of ``width`` × ``height`` pixels showing ``spec``, never on screen."""
    pool = CanvasPool(chronology)
    try:
        yield pool.canvas(spec, width, height)
    finally:
        pool.close()


def paint_canvas(p: QtGui.QPainter, canvas: ChronologyCanvas, at: QtCore.QPointF) -> None:
    """The canvas drawn at ``at``, as vectors."""
    items = canvas.graphics_view().scene().items()
    p.save()
    p.translate(at)
    try:
        for item in items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(True, {"antialias": True, "painter": p, "resolutionScale": 1.0})
        canvas.render(p, QtCore.QPoint(), QtGui.QRegion(), QtWidgets.QWidget.RenderFlag.DrawChildren)
    finally:
        for item in items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(False)
        p.restore()


def draw_text(p: QtGui.QPainter, rect: QtCore.QRectF, text: str, size: float, *, bold: bool = False) -> float:
    """``text`` word-wrapped at the top of ``rect`` in a ``size``-point font; the height it took."""
    font = QtGui.QFont(p.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    p.setFont(font)
    flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop) | int(
        QtCore.Qt.TextFlag.TextWordWrap
    )
    needed = p.boundingRect(rect, flags, text)
    p.drawText(rect, flags, text)
    return float(min(needed.height(), rect.height()))


def text_height(p: QtGui.QPainter, width: float, text: str, size: float, *, bold: bool = False) -> float:
    font = QtGui.QFont(p.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    p.setFont(font)
    flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.TextFlag.TextWordWrap)
    return float(p.boundingRect(QtCore.QRectF(0, 0, width, 1e6), flags, text).height())


def sources_line(sources: Sequence[Source], more: int = 0) -> str:
    if not sources:
        return translate("Print", "Sources: none cited by what is shown.")
    text = fill(translate("Print", "Sources: %1"), "; ".join(s.citation() for s in sources))
    return text + (fill(translate("Print", "; and %Ln more", None, more)) if more else "")


def fitted_sources_line(
    p: QtGui.QPainter, width: float, room: float, sources: Sequence[Source], size: float
) -> str:
    """The sources line, cut to as many sources as fit in ``room`` units of height, saying how many
    more there are: a page of the whole decade cites some eighty."""
    n = len(sources)
    line = sources_line(sources)
    while n > 1 and text_height(p, width, line, size) > room:
        n = max(1, int(n * 0.8))
        line = sources_line(sources[:n], len(sources) - n)
    return line


def view_sources(chronology: Chronology, spec: ViewSpec) -> list[Source]:
    mask = None
    if spec.event_filter is not None:
        mask = spec.event_filter.mask(chronology)
    events = events_in_view(chronology, spec.range, spec.hidden, mask)
    return sources_shown(chronology, events, spec.plots, spec.range)


def page_rect(device: QtGui.QPagedPaintDevice) -> QtCore.QRectF:
    """The printable area of ``device`` in its own units (its margins already set)."""
    r = device.pageLayout().paintRectPixels(device.logicalDpiX())
    return QtCore.QRectF(0, 0, r.width(), r.height())


def paint_view_page(
    p: QtGui.QPainter,
    area: QtCore.QRectF,
    chronology: Chronology,
    spec: ViewSpec,
    title: str,
    subtitle: str = "",
) -> None:
    """One page: the title, the view (timeline, plots, legends, date axis) and a footer with the
    sources the shown events and plots cite."""
    y = area.top()
    y += draw_text(p, QtCore.QRectF(area.left(), y, area.width(), 60), title, 14, bold=True) + 4
    if subtitle:
        y += draw_text(p, QtCore.QRectF(area.left(), y, area.width(), 40), subtitle, 9) + 4
    footer = fitted_sources_line(p, area.width(), area.height() * 0.2, view_sources(chronology, spec), 7.5)
    foot_h = min(text_height(p, area.width(), footer, 7.5), area.height() * 0.2)
    h = int(area.bottom() - foot_h - 8 - y)
    with offscreen_canvas(chronology, spec, int(area.width()), h) as canvas:
        paint_canvas(p, canvas, QtCore.QPointF(area.left(), y))
    draw_text(p, QtCore.QRectF(area.left(), area.bottom() - foot_h, area.width(), foot_h), footer, 7.5)


def setup_device(device: QtGui.QPagedPaintDevice, page_size: str = "A4", landscape: bool = True) -> None:
    size = QtGui.QPageSize(PAGE_SIZES[page_size])
    orientation = (
        QtGui.QPageLayout.Orientation.Landscape if landscape else QtGui.QPageLayout.Orientation.Portrait
    )
    margins = QtCore.QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN)
    device.setPageLayout(QtGui.QPageLayout(size, orientation, margins, QtGui.QPageLayout.Unit.Point))


def pdf_writer(path: str, title: str, page_size: str = "A4", landscape: bool = True) -> QtGui.QPdfWriter:
    w = QtGui.QPdfWriter(path)
    w.setResolution(DPI)
    w.setTitle(title)
    w.setCreator("timeline-app")
    setup_device(w, page_size, landscape)
    return w


def write_view_pdf(path: str, chronology: Chronology, spec: ViewSpec, page_size: str = "A4") -> None:
    """The view on one landscape page of a new PDF at ``path``."""
    application()
    writer = pdf_writer(path, chronology.title or "Chronology", page_size)
    p = QtGui.QPainter()
    if not p.begin(writer):
        raise OSError(f"could not write {path}")
    try:
        paint_view_page(p, page_rect(writer), chronology, spec, chronology.title, view_subtitle(spec))
    finally:
        p.end()


def view_subtitle(spec: ViewSpec) -> str:
    a, b = epoch_day_to_text(spec.range.start), epoch_day_to_text(spec.range.end)
    return fill(translate("Print", "From %1 to %2"), a, b)
