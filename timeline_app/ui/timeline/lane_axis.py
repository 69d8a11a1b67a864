"""The timeline's left column: each lane's colour and name, greyed and struck out when hidden.

A click on a name asks to toggle that lane. The column is painted into an item cache
(``DeviceCoordinateCache``): it changes when lanes or colours do, not when the view pans, so a pan
repaints only the events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.text import break_points, escape_html, translate
from timeline_app.ui.drawing.palette import mix
from timeline_app.ui.drawing.quiet_axis import QuietAxisItem

if TYPE_CHECKING:
    from timeline_app.ui.timeline.item import TimelineItem


def wrap_two_lines(text: str, fm: QtGui.QFontMetricsF, width: float) -> list[str]:
    """``text`` on one line if it fits, else on two (the second elided)."""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    first = ""
    for end in reversed(break_points(text)):  # between words, or between two Chinese characters
        cand = text[:end].rstrip()
        if cand and fm.horizontalAdvance(cand) <= width:
            first, rest = cand, text[end:].strip()
            break
    else:
        return [fm.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, width)]
    if not rest:
        return [first]
    return [first, fm.elidedText(rest, QtCore.Qt.TextElideMode.ElideRight, width)]


class LaneAxisItem(QuietAxisItem):
    """The timeline's left column: each lane's colour and name, greyed and struck out when the
    lane is hidden. A click on a name asks to toggle that lane (``sigLaneClicked``)."""

    sigLaneClicked = QtCore.Signal(str)

    def __init__(self, timeline: TimelineItem, width: int) -> None:
        super().__init__("left")
        self._timeline = timeline
        self.setWidth(width)
        self.setStyle(showValues=False, tickLength=0)
        self.set_cached(True)

    def set_cached(self, on: bool) -> None:
        """Keep the painted column as a pixmap between paints (off when rendering to a file, so an
        SVG gets text, not a picture of it)."""
        mode = QtWidgets.QGraphicsItem.CacheMode
        self.setCacheMode(mode.DeviceCoordinateCache if on else mode.NoCache)

    def lane_at(self, y: float) -> int:
        for g in self._timeline.lanes(self.geometry().height()):
            if g.top <= y < g.top + g.height:
                return g.index
        return -1

    def tooltip_at(self, y: float) -> str:
        i = self.lane_at(y)
        cats = self._timeline.chronology().categories
        if i < 0 or i >= len(cats):
            return ""
        cat = cats[i]
        hidden = self._timeline.lane_hidden(i)
        desc = f"<br>{escape_html(cat.description)}" if cat.description else ""
        if hidden:
            act = translate("LaneAxis", "Click to show this lane.")
        else:
            act = translate("LaneAxis", "Click to hide this lane.")
        return f"<b>{escape_html(cat.name)}</b>{desc}<br><i>{act}</i>"

    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        tl = self._timeline
        c = tl.colors()
        rect = self.boundingRect()
        p.save()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.fillRect(rect, c.background)
        font = QtGui.QFont(tl.fonts.font)
        fm = QtGui.QFontMetricsF(font)
        cats = tl.chronology().categories
        lanes = tl.lanes(rect.height())
        sw = 10.0
        for g in lanes:
            if g.index >= len(cats):
                continue
            cat = cats[g.index]
            y0 = rect.top() + g.top
            band = QtCore.QRectF(rect.left(), y0, rect.width(), g.height)
            if g.index % 2 == 1 or g.hidden:
                p.fillRect(band, c.lane_stripe if not g.hidden else mix(c.background, c.foreground, 0.07))
            col = tl.lane_qcolor(g.index)
            cy = y0 + (g.marker_y - g.top if not g.hidden else g.height / 2)
            sq = QtCore.QRectF(rect.left() + 6, cy - sw / 2, sw, sw)
            if g.hidden:
                p.setPen(QtGui.QPen(col, 1.5))
                p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            else:
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(col)
            p.drawRoundedRect(sq, 2, 2)
            tx0 = sq.right() + 6
            avail = rect.right() - tx0 - 6
            f = QtGui.QFont(font)
            f.setStrikeOut(g.hidden)
            f.setItalic(g.hidden)
            p.setFont(f)
            p.setPen(c.muted if g.hidden else c.foreground)
            ff = QtGui.QFontMetricsF(f)
            th = fm.height()
            flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
            lines = (
                wrap_two_lines(cat.name, ff, avail)
                if g.height >= 2 * th + 4
                else [ff.elidedText(cat.name, QtCore.Qt.TextElideMode.ElideRight, avail)]
            )
            y = cy - th * len(lines) / 2
            for line in lines:
                p.drawText(QtCore.QRectF(tx0, y, avail, th), flags, line)
                y += th
        # separators and the edge next to the view
        p.setPen(QtGui.QPen(c.separator, 1.0))
        for g in lanes[1:]:
            y = round(rect.top() + g.top) + 0.5
            p.drawLine(QtCore.QPointF(rect.left(), y), QtCore.QPointF(rect.right(), y))
        p.setPen(self.pen())
        p.drawLine(
            QtCore.QPointF(rect.right() - 0.5, rect.top()), QtCore.QPointF(rect.right() - 0.5, rect.bottom())
        )
        p.restore()

    def boundingRect(self) -> QtCore.QRectF:
        rect: QtCore.QRectF = self.mapRectFromParent(self.geometry())
        return rect

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        i = self.lane_at(ev.pos().y())
        cats = self._timeline.chronology().categories
        if 0 <= i < len(cats):
            ev.accept()
            self.sigLaneClicked.emit(cats[i].id)

    def mouseDragEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()

    def wheelEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()
