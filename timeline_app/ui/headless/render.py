"""Render a chronology to a PNG or SVG file without a display, through the window's own canvas.

``render_chronology`` builds a :class:`~timeline_app.model.view_state.ViewState` and a
:class:`~timeline_app.ui.app.canvas.ChronologyCanvas` exactly as the window does, shows every plot
group (heights scaled to fit the requested size: nothing is scrolled away), and paints the widget
into a ``QImage`` of exactly the requested pixel size, or into a ``QSvgGenerator`` (vector: text
stays text). With no QApplication running it creates one on the ``offscreen`` platform, so it
works on servers and in CI.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.model.chronology import Chronology
from timeline_app.model.filters import EventFilter
from timeline_app.model.localize import localize
from timeline_app.model.view_state import TimeRange, ViewState, padded_range
from timeline_app.text import fill, translate

if TYPE_CHECKING:
    from timeline_app.ui.app.canvas import ChronologyCanvas

SUFFIXES = (".png", ".svg", ".pdf")


READABLE_PLOT_HEIGHT = 90  # px: below this a plot's axis and legend crowd each other
PLOT_SHARE = 0.35  # at most this part of the image goes to the plots when they are chosen by room


def choose_plots(
    keys: list[tuple[str, str]],
    plots: int | Sequence[str] | None,
    height: int,
    defaults: list[tuple[str, str]] | None = None,
) -> list[tuple[str, str]]:
    """The plot groups an image shows (see :func:`render_chronology`'s ``plots``): by default
    (``plots`` None or a number) taken from ``defaults`` first, the groups worth a plot
    (:meth:`Chronology.default_plot_keys`), then from the others."""
    ordered = keys if defaults is None else [*defaults, *(k for k in keys if k not in defaults)]
    if plots is None:
        room = max(1, int(height * PLOT_SHARE // READABLE_PLOT_HEIGHT))
        return (ordered if defaults is None else defaults)[:room]
    if isinstance(plots, int):
        if plots < 0:
            raise ValueError(translate("CommandLine", "the number of plots cannot be negative"))
        return ordered[:plots]
    names = list(plots)
    unknown = [n for n in names if n not in {k[0] for k in keys}]
    if unknown:
        known = "; ".join(k[0] for k in keys)
        named = ", ".join(repr(u) for u in unknown)
        raise ValueError(fill(translate("CommandLine", "no plot named %1 (the plots are: %2)"), named, known))
    return [k for k in keys if k[0] in names]


def _application() -> QtWidgets.QApplication:
    app = QtWidgets.QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QtWidgets.QApplication(["timeline-app-render"])
    assert isinstance(app, QtWidgets.QApplication)
    return app


def render_chronology(
    chronology: Chronology,
    out: Path,
    *,
    size: tuple[int, int] = (1600, 900),
    start: float | None = None,
    end: float | None = None,
    select: str | None = None,
    hidden: frozenset[str] = frozenset(),
    query: str = "",
    plots: int | Sequence[str] | None = None,
    event_filter: EventFilter | None = None,
    language: str | None = None,
) -> Path:
    """Draw the timeline and the indicator plots of ``chronology`` to ``out`` (.png or .svg).

    ``start``/``end`` are epoch days (default: the whole chronology); ``select`` an event id to
    highlight; ``hidden`` category ids whose lanes are collapsed. ``plots`` chooses the plots: the
    names of the measures, a number (the first so many), or None for as many as the image has room
    for at a readable height (every one, when it is tall enough). ``event_filter`` draws only the
    events it lets through (a saved view's filters). ``language`` (``en``, ``zh_CN``) writes the axis's
    dates in that language; None follows the system's locale. Returns ``out``.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(
            fill(
                translate("CommandLine", "cannot render to '%1': use a .png, .svg or .pdf file name"),
                out.name,
            )
        )
    w, h = int(size[0]), int(size[1])
    if w < 200 or h < 150:
        raise ValueError(
            fill(translate("CommandLine", "image size %1x%2 is too small (at least 200x150)"), w, h)
        )
    if select is not None and chronology.event(select) is None:
        raise ValueError(fill(translate("CommandLine", "no event with id '%1'"), select))
    unknown = sorted(set(hidden) - set(chronology.category_index))
    if unknown:
        raise ValueError(
            fill(translate("CommandLine", "no category with id %1"), ", ".join(repr(u) for u in unknown))
        )

    app = _application()
    from timeline_app.ui.app import language as ui_language  # after the QApplication exists
    from timeline_app.ui.app.canvas import ChronologyCanvas

    ui_language.apply_language(language or ui_language.system_language())
    chronology = localize(chronology, ui_language.data_language())

    if suffix == ".pdf":
        return _render_pdf(chronology, out, start, end, select, hidden, plots, event_filter)

    state = ViewState(chronology)
    lo, hi = chronology.full_range()
    full = padded_range(lo, hi)
    r0 = full.start if start is None else float(start)
    r1 = full.end if end is None else float(end)
    if r1 <= r0:
        raise ValueError(translate("CommandLine", "the end of the range must come after its start"))
    state.set_hidden_lanes(frozenset(hidden))
    if event_filter is not None:
        state.set_event_filter(event_filter)
    if select is not None:
        state.select_event(select)
    if query:
        state.set_query(query)

    canvas = ChronologyCanvas(state)
    try:
        canvas.set_render_mode(True)
        defaults = chronology.default_plot_keys()
        canvas.set_shown_plots(choose_plots(canvas.plot_keys(), plots, h, defaults))
        canvas.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        canvas.resize(w, h)
        canvas.ensurePolished()
        layout = canvas.layout()
        if layout is not None:
            layout.activate()
        # lay out the graphics scene at the final size, then set the range (so the linked plots
        # line up with the timeline at this geometry)
        for _ in range(3):
            app.processEvents()
            canvas.graphics_view().resize(w, h)
            canvas.graphics_view().ci.setGeometry(QtCore.QRectF(0, 0, w, h))
            app.processEvents()
        if start is None and end is None:  # everything, with the room its end titles need here
            fitted = state.fit_range()
            r0, r1 = fitted.start, fitted.end
        state.set_range(r0, r1)
        canvas.apply_range(state.range)
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".png":
            _render_png(canvas, out, w, h)
        else:
            _render_svg(canvas, out, w, h, chronology.title)
    finally:
        canvas.close()
        canvas.deleteLater()
        app.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        app.processEvents()
    return out


def _render_png(canvas: QtWidgets.QWidget, out: Path, w: int, h: int) -> None:
    img = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(1.0)
    img.fill(canvas.palette().color(QtGui.QPalette.ColorRole.Base))
    p = QtGui.QPainter(img)
    try:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        canvas.render(p, QtCore.QPoint())
    finally:
        p.end()
    if not img.save(str(out), "PNG"):  # type: ignore[call-overload]  # the stub wants bytes; str is fine
        raise OSError(f"could not write {out}")


def _render_svg(canvas: ChronologyCanvas, out: Path, w: int, h: int, title: str) -> None:
    from PySide6 import QtSvg

    gen = QtSvg.QSvgGenerator()
    gen.setFileName(str(out))
    gen.setSize(QtCore.QSize(w, h))
    gen.setViewBox(QtCore.QRect(0, 0, w, h))
    # the screen's resolution, so fonts given in points get the same pixel size as in the PNG
    gen.setResolution(round(canvas.logicalDpiY()) or 96)
    gen.setTitle(title or "Chronology")
    gen.setDescription("Rendered by timeline-app")
    p = QtGui.QPainter(gen)
    scene_items = canvas.graphics_view().scene().items()
    try:
        # pyqtgraph's export mode: scatter symbols drawn as vector shapes, not cached pixmaps
        for item in scene_items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(True, {"antialias": True, "painter": p, "resolutionScale": 1.0})
        canvas.render(p, QtCore.QPoint())
    finally:
        p.end()
        for item in scene_items:
            if hasattr(item, "setExportMode"):
                item.setExportMode(False)
    if not out.exists():
        raise OSError(f"could not write {out}")
    # QSvgGenerator states the size in millimetres at its resolution; say pixels, as asked
    text = out.read_text(encoding="utf-8")
    text = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{w}" height="{h}"', text, count=1)
    out.write_text(text, encoding="utf-8")


def _render_pdf(
    chronology: Chronology,
    out: Path,
    start: float | None,
    end: float | None,
    select: str | None,
    hidden: frozenset[str],
    plots: int | Sequence[str] | None,
    event_filter: EventFilter | None,
) -> Path:
    """The view on an A4 landscape page, as vectors and text (see ui/app/page_view.py)."""
    from timeline_app.ui.app.page_view import ViewSpec, write_view_pdf

    full = padded_range(*chronology.full_range())
    r0 = full.start if start is None else float(start)
    r1 = full.end if end is None else float(end)
    if r1 <= r0:
        raise ValueError(translate("CommandLine", "the end of the range must come after its start"))
    keys = [k for k, _ in chronology.plot_groups()]
    chosen = choose_plots(keys, 3 if plots is None else plots, 800, chronology.default_plot_keys())
    spec = ViewSpec(TimeRange(r0, r1), frozenset(hidden), tuple(chosen), select, event_filter)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_view_pdf(str(out), chronology, spec)
    return out
