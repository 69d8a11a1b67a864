"""Text drawn in pixels over a plot's view: the title and read-out (:class:`OverlayText`) and the
legend (:class:`LegendOverlay`)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from timeline_app.ui.plots.series_item import DOT_PATTERN, draw_marker

Segment = tuple[str, QtGui.QColor, bool]  # text, colour, bold


class OverlayText(QtWidgets.QGraphicsItem):
    """Text in pixels on top of a view (a title, a read-out), optionally on a soft panel.

    Each line is a segment ``(text, colour, bold)`` or a list of segments drawn one after another.
    """

    def __init__(self, parent: QtWidgets.QGraphicsItem | None = None, *, panel: bool = False) -> None:
        super().__init__(parent)
        self._lines: list[list[Segment]] = []
        self._font = QtGui.QFont(QtGui.QGuiApplication.font())
        self._bold = QtGui.QFont(self._font)
        self._bold.setBold(True)
        self._panel = panel
        self._panel_color = QtGui.QColor(255, 255, 255, 220)
        self._border = QtGui.QColor(0, 0, 0, 60)
        self._size = QtCore.QSizeF(0, 0)
        self.setZValue(1000)
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)

    def text_font(self) -> QtGui.QFont:
        return self._font

    def set_font(self, font: QtGui.QFont) -> None:
        self._font = QtGui.QFont(font)
        self._bold = QtGui.QFont(font)
        self._bold.setBold(True)
        self._measure()

    def set_panel_colors(self, fill: QtGui.QColor, border: QtGui.QColor) -> None:
        self._panel_color, self._border = fill, border
        self.update()

    def set_lines(self, lines: list[Segment | list[Segment]]) -> None:
        self._lines = [ln if isinstance(ln, list) else [ln] for ln in lines]
        self._measure()

    def lines(self) -> list[str]:
        return ["".join(t for t, _, _ in ln) for ln in self._lines]

    def _width(self, seg: Segment) -> float:
        return QtGui.QFontMetricsF(self._bold if seg[2] else self._font).horizontalAdvance(seg[0])

    def _measure(self) -> None:
        self.prepareGeometryChange()
        fm = QtGui.QFontMetricsF(self._font)
        w = max((sum(self._width(sg) for sg in ln) for ln in self._lines), default=0.0)
        pad = 8 if self._panel else 0
        self._size = QtCore.QSizeF(w + pad, fm.height() * len(self._lines) + (4 if self._panel else 0))
        self.update()

    def size(self) -> QtCore.QSizeF:
        return self._size

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(QtCore.QPointF(0, 0), self._size).adjusted(-1, -1, 1, 1)

    def paint(self, p: QtGui.QPainter, opt: object, widget: object = None) -> None:
        if not self._lines:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        if self._panel:
            p.setPen(QtGui.QPen(self._border, 1.0))
            p.setBrush(self._panel_color)
            p.drawRoundedRect(QtCore.QRectF(QtCore.QPointF(0, 0), self._size), 3, 3)
        fm = QtGui.QFontMetricsF(self._font)
        y = 2.0 if self._panel else 0.0
        flags = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter)
        for ln in self._lines:
            x = 4.0 if self._panel else 0.0
            for seg in ln:
                text, color, bold = seg
                p.setFont(self._bold if bold else self._font)
                p.setPen(color)
                w = self._width(seg)
                p.drawText(QtCore.QRectF(x, y, w + 2, fm.height()), flags, text)
                x += w
            y += fm.height()


class LegendOverlay(QtWidgets.QGraphicsItem):
    """A compact one-line legend in the top-right corner of a plot (wrapping when narrow).

    Entries are ``(kind, colour, label)`` with kind ``"series/<shape>"`` (line and filled marker,
    see ``SHAPES``), ``"derived"`` (hollow diamond) or ``"gap"`` (dotted line).
    """

    SAMPLE_W = 22.0

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self._entries: list[tuple[str, QtGui.QColor, str]] = []
        self._font = QtGui.QFont(QtGui.QGuiApplication.font())
        self._fill = QtGui.QColor(255, 255, 255, 220)
        self._border = QtGui.QColor(0, 0, 0, 60)
        self._text = QtGui.QColor(0, 0, 0)
        self._bg = QtGui.QColor(255, 255, 255)
        self._max_width = 10000.0
        self._rows: list[list[tuple[float, int]]] = []
        self._size = QtCore.QSizeF(0, 0)
        self.setZValue(1000)
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)

    def set_style(
        self,
        font: QtGui.QFont,
        fill: QtGui.QColor,
        border: QtGui.QColor,
        text: QtGui.QColor,
        background: QtGui.QColor,
    ) -> None:
        self._font = QtGui.QFont(font)
        self._fill, self._border, self._text, self._bg = fill, border, text, background
        self._measure()

    def set_entries(self, entries: list[tuple[str, QtGui.QColor, str]]) -> None:
        self._entries = entries
        self._measure()

    def labels(self) -> list[str]:
        return [lab for _, _, lab in self._entries]

    def set_max_width(self, w: float) -> None:
        if abs(w - self._max_width) > 0.5:
            self._max_width = w
            self._measure()

    def _measure(self) -> None:
        self.prepareGeometryChange()
        fm = QtGui.QFontMetricsF(self._font)
        rows: list[list[tuple[float, int]]] = [[]]
        x = 4.0
        width = 0.0
        for k, (_, _, label) in enumerate(self._entries):
            w = self.SAMPLE_W + 4 + fm.horizontalAdvance(label) + 10
            if rows[-1] and x + w > self._max_width:
                rows.append([])
                x = 4.0
            rows[-1].append((x, k))
            x += w
            width = max(width, x)
        self._rows = rows
        self._size = QtCore.QSizeF(width - 6 if self._entries else 0, (fm.height() + 2) * len(rows) + 2)
        self.update()

    def size(self) -> QtCore.QSizeF:
        return self._size

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(QtCore.QPointF(0, 0), self._size).adjusted(-1, -1, 1, 1)

    def paint(self, p: QtGui.QPainter, opt: object, widget: object = None) -> None:
        if not self._entries:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        p.setPen(QtGui.QPen(self._border, 1.0))
        p.setBrush(self._fill)
        p.drawRoundedRect(QtCore.QRectF(QtCore.QPointF(0, 0), self._size), 3, 3)
        fm = QtGui.QFontMetricsF(self._font)
        lh = fm.height() + 2
        p.setFont(self._font)
        for r, row in enumerate(self._rows):
            cy = 1 + lh * r + lh / 2
            for x, k in row:
                kind, color, label = self._entries[k]
                sw = self.SAMPLE_W
                if kind.startswith("series"):  # "series/<shape>": its line and marker
                    p.setPen(QtGui.QPen(color, 2.0))
                    p.drawLine(QtCore.QPointF(x, cy), QtCore.QPointF(x + sw, cy))
                    p.setPen(QtGui.QPen(self._bg, 1.0))
                    p.setBrush(color)
                    draw_marker(p, kind.partition("/")[2] or "o", x + sw / 2, cy, 7.0)
                elif kind == "derived":
                    p.setPen(QtGui.QPen(color, 1.5))
                    p.setBrush(self._bg)
                    d = 4.5
                    c = QtCore.QPointF(x + sw / 2, cy)
                    p.drawPolygon(
                        QtGui.QPolygonF(
                            [
                                c + QtCore.QPointF(0, -d),
                                c + QtCore.QPointF(d, 0),
                                c + QtCore.QPointF(0, d),
                                c + QtCore.QPointF(-d, 0),
                            ]
                        )
                    )
                else:
                    pen = QtGui.QPen(color, 1.0)  # as the plots draw a dotted join (SeriesLayer)
                    pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
                    pen.setDashPattern(list(DOT_PATTERN))
                    p.setPen(pen)
                    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
                    p.drawLine(QtCore.QPointF(x, cy + 0.5), QtCore.QPointF(x + sw, cy + 0.5))
                    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
                p.setPen(self._text)
                p.drawText(
                    QtCore.QRectF(x + sw + 4, cy - lh / 2, 1000, lh),
                    int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter),
                    label,
                )
