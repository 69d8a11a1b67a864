"""A date axis in epoch days, readable from millennia down to hours, BCE included.

:class:`TimeAxisItem` draws the ticks chosen by :func:`timeline_app.model.ticks.compute_ticks` (pure,
tested without a window): calendar steps whose labels never collide at the current pixel width,
in two rows (the step, then its context: ``Feb`` over ``2014``, ``26`` over ``Feb 2014``). It
replaces pyqtgraph's number ticks by overriding :meth:`generateDrawSpecs` / :meth:`drawPicture`;
pyqtgraph still caches the result as a picture and redraws only when the range changes.

``pg.DateAxisItem`` is not used: it cannot do BCE and costs several milliseconds a frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from ..model.ticks import AxisTicks, compute_ticks

TICK_MAJOR_PX = 7
TICK_MINOR_PX = 4


class TimeAxisItem(pg.AxisItem):
    """A horizontal axis of epoch days with calendar ticks.

    ``show_labels=False`` keeps only the tick marks (and the grid): the axes of the plots in the
    middle of a stack, whose dates are read on the axes above and below.
    """

    def __init__(self, orientation: str = "bottom", *, show_labels: bool = True, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)  # type: ignore[arg-type]
        if orientation not in ("bottom", "top"):
            raise ValueError("TimeAxisItem is horizontal: orientation 'bottom' or 'top'")
        self.enableAutoSIPrefix(False)
        self.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False)
        self._show_labels = show_labels
        self._font = QtGui.QFont(QtGui.QGuiApplication.font())
        self._bold = QtGui.QFont(self._font)
        self._bold.setBold(True)
        self._last: AxisTicks | None = None
        self._grid_pens: tuple[QtGui.QPen, QtGui.QPen] | None = None
        self._update_height()

    # -- appearance -----------------------------------------------------------------------------------
    def set_font(self, font: QtGui.QFont) -> None:
        self._font = QtGui.QFont(font)
        self._bold = QtGui.QFont(font)
        self._bold.setBold(True)
        self.setTickFont(self._font)
        self._update_height()
        self.picture = None
        self.update()

    def set_show_labels(self, show: bool) -> None:
        if show != self._show_labels:
            self._show_labels = show
            self._update_height()
            self.picture = None
            self.update()

    def show_labels(self) -> bool:
        return self._show_labels

    def set_grid_pens(self, minor: QtGui.QPen | None, major: QtGui.QPen | None = None) -> None:
        """Grid lines across the linked view (``None``: no grid)."""
        if minor is None:
            self._grid_pens = None
            self.setGrid(False)
        else:
            self._grid_pens = (minor, major or minor)
            self.setGrid(255)
        self.picture = None
        self.update()

    @staticmethod
    def unlabelled_height() -> int:
        return TICK_MAJOR_PX + 1

    def _update_height(self) -> None:
        if self._show_labels:
            fm = QtGui.QFontMetricsF(self._font)
            h = TICK_MAJOR_PX + 2 + 2 * fm.height() + 3
        else:
            h = self.unlabelled_height()
        self.setHeight(round(h))

    def last_ticks(self) -> AxisTicks | None:
        """The ticks drawn last (for tests and for the timeline's own grid)."""
        return self._last

    def ticks_for(self, lo: float, hi: float, width_px: float) -> AxisTicks:
        fm = QtGui.QFontMetricsF(self._font)
        fmb = QtGui.QFontMetricsF(self._bold)

        def measure(text: str) -> float:
            return max(fm.horizontalAdvance(text), fmb.horizontalAdvance(text) if len(text) > 5 else 0.0)

        return compute_ticks(lo, hi, width_px, measure)

    # -- pyqtgraph hooks ------------------------------------------------------------------------------
    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        t = self.ticks_for(min(minVal, maxVal), max(minVal, maxVal), size)
        return [
            (t.step.major_min_gap_days, [k.day for k in t.major]),
            (t.step.min_gap_days, [k.day for k in t.minor]),
        ]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return ["" for _ in values]  # labels are placed by generateDrawSpecs

    def generateDrawSpecs(self, p: QtGui.QPainter):  # type: ignore[no-untyped-def]
        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = float(self.range[0]), float(self.range[1])
        width = bounds.width()
        if width <= 0 or hi <= lo:
            return None
        ticks = self.ticks_for(lo, hi, width)
        self._last = ticks
        top = self.orientation == "top"
        edge = bounds.bottom() if top else bounds.top()
        direction = -1.0 if top else 1.0
        grid_from = edge
        view = self.linkedView()
        if self._grid_pens is not None and view is not None:
            vr = view.mapRectToItem(self, view.boundingRect())
            grid_from = vr.bottom() if top else vr.top()

        axis_spec = (self.pen(), QtCore.QPointF(bounds.left(), edge), QtCore.QPointF(bounds.right(), edge))
        tick_specs: list[tuple[QtGui.QPen, QtCore.QPointF, QtCore.QPointF]] = []
        pen = self.tickPen()
        minor_pen = QtGui.QPen(pen)
        c = QtGui.QColor(minor_pen.color())
        c.setAlphaF(c.alphaF() * 0.6)
        minor_pen.setColor(c)
        major_days = {k.day for k in ticks.major}
        x0 = bounds.left()
        grid = self._grid_pens
        for k in ticks.major:
            x = x0 + k.x
            if grid is not None:
                tick_specs.append((grid[1], QtCore.QPointF(x, grid_from), QtCore.QPointF(x, edge)))
            tick_specs.append(
                (pen, QtCore.QPointF(x, edge), QtCore.QPointF(x, edge + direction * TICK_MAJOR_PX))
            )
        for k in ticks.minor:
            if k.day in major_days:
                continue
            x = x0 + k.x
            if grid is not None:
                tick_specs.append((grid[0], QtCore.QPointF(x, grid_from), QtCore.QPointF(x, edge)))
            tick_specs.append(
                (minor_pen, QtCore.QPointF(x, edge), QtCore.QPointF(x, edge + direction * TICK_MINOR_PX))
            )

        text_specs: list[tuple[QtCore.QRectF, int, str, bool]] = []
        if self._show_labels:
            fm = QtGui.QFontMetricsF(self._font)
            th = fm.height()
            flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
            flags |= int(QtCore.Qt.TextFlag.TextDontClip)
            if top:
                row1 = edge - TICK_MAJOR_PX - 1 - th
                row2 = row1 - th
            else:
                row1 = edge + TICK_MAJOR_PX - 2
                row2 = row1 + th
            for k in ticks.labelled("minor"):
                r = QtCore.QRectF(x0 + k.label_x, row1, k.label_width + 2, th)
                text_specs.append((r, flags, k.label, False))
            for k in ticks.labelled("major"):
                r = QtCore.QRectF(x0 + k.label_x, row2, k.label_width + 2, th)
                text_specs.append((r, flags, k.label, True))
        return axis_spec, tick_specs, text_specs

    def drawPicture(self, p: QtGui.QPainter, axisSpec, tickSpecs, textSpecs) -> None:  # type: ignore[no-untyped-def]
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        pen, p1, p2 = axisSpec
        p.setPen(pen)
        p.drawLine(p1, p2)
        for tpen, a, b in tickSpecs:
            p.setPen(tpen)
            p.drawLine(a, b)
        p.setPen(self.textPen())
        for rect, flags, text, bold in textSpecs:
            p.setFont(self._bold if bold else self._font)
            p.drawText(rect, flags, text)
