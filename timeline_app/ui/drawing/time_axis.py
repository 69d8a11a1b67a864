"""A date axis in epoch days, readable from millennia down to hours, BCE included.

:class:`TimeAxisItem` draws the ticks chosen by :func:`timeline_app.geometry.ticks.compute_ticks` (pure,
tested without a window): calendar steps whose labels never collide at the current pixel width,
in two rows (the step, then its context: ``Feb`` over ``2014``, ``26`` over ``Feb 2014``). It
replaces pyqtgraph's number ticks by overriding :meth:`paint`: what to draw is planned once per
range and size, as arrays, and drawn straight onto the painter.

``pg.DateAxisItem`` is not used: it cannot do BCE and costs several milliseconds a frame.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6 import QtCore, QtGui

from timeline_app.geometry.ticks import AxisTicks, compute_ticks
from timeline_app.ui.drawing.batch_draw import RuleBatch, vertical_rules
from timeline_app.ui.drawing.quiet_axis import QuietAxisItem

TICK_MAJOR_PX = 7
TICK_MINOR_PX = 4

# Every axis of a canvas (the timeline's, each plot's) and the timeline's grid ask for the same ticks
# in a frame: they are computed once and shared, by font and range.
_TICKS: OrderedDict[tuple[object, ...], AxisTicks] = OrderedDict()
_TICKS_KEPT = 32
_AXES: weakref.WeakSet[TimeAxisItem] = weakref.WeakSet()


def retranslate_time_axes() -> None:
    """After a language change: forget the labels made in the old language and draw them again."""
    _TICKS.clear()
    for axis in list(_AXES):
        if shiboken6.isValid(axis):
            axis.forget_labels()


class _Measure:
    """Label widths in a font (and its bold), remembered: the same few labels are measured again
    at every frame."""

    def __init__(self, font: QtGui.QFont, bold: QtGui.QFont) -> None:
        self._fm = QtGui.QFontMetricsF(font)
        self._fmb = QtGui.QFontMetricsF(bold)
        self._widths: dict[str, float] = {}
        self.key = (font.key(), bold.key())

    def __call__(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            w = max(
                self._fm.horizontalAdvance(text), self._fmb.horizontalAdvance(text) if len(text) > 5 else 0.0
            )
            if len(self._widths) < 4096:
                self._widths[text] = w
        return w


class TimeAxisItem(QuietAxisItem):
    """A horizontal axis of epoch days with calendar ticks.

    ``show_labels=False`` keeps only the tick marks (and the grid): the axes of the plots in the
    middle of a stack, whose dates are read on the axes above and below.
    """

    def __init__(self, orientation: str = "bottom", *, show_labels: bool = True, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        if orientation not in ("bottom", "top"):
            raise ValueError("TimeAxisItem is horizontal: orientation 'bottom' or 'top'")
        self.enableAutoSIPrefix(False)
        self.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False)
        self._show_labels = show_labels
        self._font = QtGui.QFont(QtGui.QGuiApplication.font())
        self._bold = QtGui.QFont(self._font)
        self._bold.setBold(True)
        self._last: AxisTicks | None = None
        self._measure = _Measure(self._font, self._bold)
        self._texts: dict[tuple[str, bool], QtGui.QStaticText] = {}
        self._rules = RuleBatch()
        self._grid_pens: tuple[QtGui.QPen, QtGui.QPen] | None = None
        self._update_height()
        _AXES.add(self)

    # -- appearance -----------------------------------------------------------------------------------
    def set_font(self, font: QtGui.QFont) -> None:
        self._font = QtGui.QFont(font)
        self._bold = QtGui.QFont(font)
        self._bold.setBold(True)
        self._measure = _Measure(self._font, self._bold)
        self._texts.clear()
        self.setTickFont(self._font)
        self._update_height()
        self.picture: QtGui.QPicture | None = None
        self.update()

    def forget_labels(self) -> None:
        """Lay the labels out again (after a language change)."""
        self._texts.clear()
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

    @staticmethod
    def unlabelled_height() -> int:
        return TICK_MAJOR_PX + 1

    def labelled_height(self) -> int:
        """The height with the two rows of date labels, in this axis's font."""
        fm = QtGui.QFontMetricsF(self._font)
        return round(TICK_MAJOR_PX + 2 + 2 * fm.height() + 3)

    def _update_height(self) -> None:
        self.setHeight(self.labelled_height() if self._show_labels else self.unlabelled_height())

    def _static(self, text: str, bold: bool) -> QtGui.QStaticText:
        """``text`` laid out in the axis's font (or its bold), kept (dates recur from frame to frame)."""
        key = (text, bold)
        st = self._texts.get(key)
        if st is None:
            st = QtGui.QStaticText(text)
            st.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            st.prepare(QtGui.QTransform(), self._bold if bold else self._font)
            if len(self._texts) >= 2048:
                self._texts.clear()
            self._texts[key] = st
        return st

    def last_ticks(self) -> AxisTicks | None:
        """The ticks drawn last (for tests and for the timeline's own grid)."""
        return self._last

    def ticks_for(self, lo: float, hi: float, width_px: float) -> AxisTicks:
        """Ticks for the days ``lo..hi`` over ``width_px`` pixels in this axis's font (shared
        between the axes and the grids of one frame)."""
        q = (hi - lo) * 1e-9 or 1e-9
        key = (self._measure.key, round(lo / q), round(hi / q), round(width_px, 2))
        ticks = _TICKS.get(key)
        if ticks is None:
            ticks = _TICKS[key] = compute_ticks(lo, hi, width_px, self._measure)
            if len(_TICKS) > _TICKS_KEPT:
                _TICKS.popitem(last=False)
        return ticks

    # -- pyqtgraph hooks ------------------------------------------------------------------------------
    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        t = self.ticks_for(min(minVal, maxVal), max(minVal, maxVal), size)
        return [
            (t.step.major_min_gap_days, [k.day for k in t.major]),
            (t.step.min_gap_days, [k.day for k in t.minor]),
        ]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return ["" for _ in values]  # labels are placed by _plan

    def _plan(self) -> _AxisPlan | None:
        """What :meth:`paint` draws, ready to draw: made once per range or size."""
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
        x0 = bounds.left()
        major_days = {k.day for k in ticks.major}
        major = x0 + np.array([k.x for k in ticks.major], dtype=np.float64)
        minor = x0 + np.array([k.x for k in ticks.minor if k.day not in major_days], dtype=np.float64)
        grid_from = edge
        view = self.linkedView()
        if self._grid_pens is not None and view is not None:
            vr = view.mapRectToItem(self, view.boundingRect())
            grid_from = vr.bottom() if top else vr.top()
        # the axis line and the tick marks: one-pixel rectangles (see RuleBatch), by colour
        tick = self.tickPen().color()
        minor_color = QtGui.QColor(tick)
        minor_color.setAlphaF(tick.alphaF() * 0.6)
        y = np.floor(edge) + 0.5
        rules: list[tuple[QtGui.QColor, np.ndarray]] = [
            (self.pen().color(), np.array([[bounds.left(), y, bounds.right(), y]]))
        ]
        for xs, color, length in ((major, tick, TICK_MAJOR_PX), (minor, minor_color, TICK_MINOR_PX)):
            if len(xs):
                xs = np.floor(xs) + 0.5
                lines = np.empty((len(xs), 4))
                lines[:, 0] = xs
                lines[:, 1] = edge
                lines[:, 2] = xs
                lines[:, 3] = edge + direction * length
                rules.append((color, lines))
        texts: list[tuple[QtCore.QPointF, QtGui.QStaticText, bool]] = []
        if self._show_labels:
            th = QtGui.QFontMetricsF(self._font).height()
            if top:
                row1 = edge - TICK_MAJOR_PX - 1 - th
                row2 = row1 - th
            else:
                row1 = edge + TICK_MAJOR_PX - 2
                row2 = row1 + th
            # laid out once (a drawText lays its text out at every call: ~10 µs a label)
            for k in ticks.labelled("minor"):
                texts.append((QtCore.QPointF(x0 + k.label_x, row1), self._static(k.label, False), False))
            for k in ticks.labelled("major"):
                texts.append((QtCore.QPointF(x0 + k.label_x, row2), self._static(k.label, True), True))
        return _AxisPlan(bounds, edge, direction, grid_from, major, minor, rules, texts)

    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        """Draw straight onto the painter, from arrays: the ticks change with every pan, so
        recording them into a ``QPicture`` (what pyqtgraph's axes do) and replaying it would cost
        twice. Lines are thin rectangles, grid lines one stretched row of pixels (the pens are
        translucent; see :mod:`timeline_app.ui.drawing.batch_draw`)."""
        if self.picture is None:  # pyqtgraph's "out of date" mark
            self._plan_cache = self._plan()
            self.picture = QtGui.QPicture()
        plan = getattr(self, "_plan_cache", None)
        if plan is None:
            return
        p.save()
        try:
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            b, edge = plan.bounds, plan.edge
            if self._grid_pens is not None and plan.grid_from != edge:
                x0 = float(np.floor(b.left()))
                g0, g1 = min(plan.grid_from, edge), max(plan.grid_from, edge)
                vertical_rules(
                    p,
                    x0,
                    g0,
                    int(np.ceil(b.right() - x0)),
                    g1 - g0,
                    [(plan.minor, self._grid_pens[0].color()), (plan.major, self._grid_pens[1].color())],
                )
            for color, lines in plan.rules:
                self._rules.draw(p, lines, color, 1.0)
            if plan.texts:
                p.setPen(self.textPen())
                bold = None
                for pos, st, b_ in plan.texts:
                    if b_ is not bold:
                        bold = b_
                        p.setFont(self._bold if b_ else self._font)
                    p.drawStaticText(pos, st)
        finally:
            p.restore()


@dataclass
class _AxisPlan:
    bounds: QtCore.QRectF
    edge: float
    direction: float
    grid_from: float
    major: np.ndarray  # x of major ticks
    minor: np.ndarray  # x of minor ticks (not also major)
    rules: list[tuple[QtGui.QColor, np.ndarray]]  # colour, lines (x1, y1, x2, y2): axis line, ticks
    texts: list[tuple[QtCore.QPointF, QtGui.QStaticText, bool]]  # where, text, bold
