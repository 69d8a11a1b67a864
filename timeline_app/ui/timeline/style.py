"""The timeline's fonts and the sizes that follow from them, made once per font change and handed to
the layout and the painter as one frozen object."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6 import QtGui

from timeline_app.geometry.event_arrays import EventArrays, MatchWindow
from timeline_app.geometry.ticks import AxisTicks
from timeline_app.model.chronology import Chronology
from timeline_app.ui.drawing.palette import CanvasColors


@dataclass(frozen=True, eq=False)
class TimelineFonts:
    font: QtGui.QFont  # titles
    bold: QtGui.QFont  # the selected event's and headline titles
    small: QtGui.QFont  # era names, "today"
    small_bold: QtGui.QFont  # cluster counts
    italic: QtGui.QFont  # era names
    fm: QtGui.QFontMetricsF
    fmb: QtGui.QFontMetricsF
    fms: QtGui.QFontMetricsF  # of small_bold
    th: int  # text height, pixels
    r: float  # a point marker's radius
    gap: float  # the narrowest cluster column

    @classmethod
    def for_font(cls, font: QtGui.QFont) -> TimelineFonts:
        base = QtGui.QFont(font)
        bold = QtGui.QFont(font)
        bold.setBold(True)
        small = QtGui.QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        small_bold = QtGui.QFont(small)
        small_bold.setBold(True)
        italic = QtGui.QFont(small)
        italic.setItalic(True)
        fm = QtGui.QFontMetricsF(base)
        fms = QtGui.QFontMetricsF(small_bold)
        th = math.ceil(fm.height())
        r = max(4.0, round(th * 0.36))
        gap = max(2 * r + 4, fms.horizontalAdvance("99") + 8)
        return cls(base, bold, small, small_bold, italic, fm, QtGui.QFontMetricsF(bold), fms, th, r, gap)


class PaintSource(Protocol):
    """What the painter reads of the timeline item: its public accessors, nothing private."""

    fonts: TimelineFonts

    def arrays(self) -> EventArrays: ...
    def chronology(self) -> Chronology: ...
    def colors(self) -> CanvasColors: ...
    def lane_qcolor(self, lane: int) -> QtGui.QColor: ...
    def header_height(self) -> float: ...
    def selected_index(self) -> int: ...
    def backdrop_is(self, color: QtGui.QColor) -> bool: ...
    def ticks_source(self) -> Callable[[float, float, float], AxisTicks] | None: ...
    def match_window(self) -> MatchWindow: ...
    def is_dim(self, i: int) -> bool: ...
