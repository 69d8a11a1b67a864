"""The overview band under the timeline: the whole chronology at once, one row per lane shaded by
how many events fall in each column, the eras behind, and the visible window as a rectangle.

Drag the rectangle to pan, drag one of its edges to zoom, click elsewhere on the band to centre the
view there. With the focus on the band (F6, or a click), ← and → move the window by a tenth of its
width, Shift+← and Shift+→ move its right edge (zoom), Home and End take it to the first and the last
dates. Every move is written through the view state, which the band follows (a change of range
repaints it, nothing more). The density is computed once per chronology
(:func:`timeline_app.geometry.overview.density`) and turned into an image once per width and
palette, so a frame costs one image and one rectangle.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeline_app.geometry.overview import BandScale, Density, density, dragged
from timeline_app.model.dates import PartialDate, civil_from_days
from timeline_app.model.view_state import TimeRange, ViewState
from timeline_app.text import fill, translate, year_label
from timeline_app.ui.drawing.palette import CanvasColors, lane_color

BAND_HEIGHT = 58  # pixels, eras and lanes together
ERA_STRIP = 12  # pixels at the top for the eras' names
MARGIN = 6  # pixels either side


class OverviewBand(QWidget):
    """The whole chronology, and where the view is in it."""

    def retranslate(self) -> None:
        self.setAccessibleName(translate("OverviewBand", "Overview of the whole chronology"))
        self.setToolTip(
            translate(
                "OverviewBand", "Drag the window to pan, its edges to zoom; click to centre the view there"
            )
        )
        self.update()  # its year labels

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            self._language += 1
            self.retranslate()

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("overviewBand")
        self.retranslate()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(BAND_HEIGHT)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._image: QImage | None = None
        self._image_key: tuple[object, ...] | None = None
        self._static: QImage | None = None
        self._static_key: tuple[object, ...] | None = None
        self._language = 0  # counts language changes (the year labels' words)
        self._grip = ""
        self._press_day = 0.0
        self._press_range: TimeRange | None = None
        state.range_changed.connect(lambda *_: self._range_changed())
        state.chronology_changed.connect(lambda *_: self._chronology_changed())
        self._range_changed()

    def sizeHint(self) -> QSize:
        return QSize(600, BAND_HEIGHT)

    # -- following the state -------------------------------------------------------------------------
    def _chronology_changed(self) -> None:
        self._image_key = None
        self._static_key = None
        self.update()

    def _range_changed(self) -> None:
        r = self.state.range
        self.setAccessibleDescription(
            fill(translate("OverviewBand", "Showing %1 – %2"), day_words(r.start), day_words(r.end))
        )
        if self.isVisible():
            self.update()

    # -- geometry ----------------------------------------------------------------------------------------
    def density(self) -> Density:
        return density(self.state.chronology)

    def scale(self) -> BandScale:
        d = self.density()
        return BandScale(d.lo, d.hi, float(MARGIN), float(max(self.width() - 2 * MARGIN, 1)))

    def window_rect(self) -> QRectF:
        """Where the visible window is drawn on the band (widget pixels)."""
        a, b = self.scale().window(self.state.range)
        return QRectF(a, 1.0, b - a, self.height() - 2.0)

    def _lanes_rect(self) -> QRectF:
        return QRectF(MARGIN, ERA_STRIP, max(self.width() - 2 * MARGIN, 1), self.height() - ERA_STRIP - 2)

    # -- painting ----------------------------------------------------------------------------------------
    def _density_image(self, colors: CanvasColors) -> QImage:
        """One pixel per column and one row per lane, coloured by lane, opaque as it is dense."""
        chron = self.state.chronology
        width = int(self._lanes_rect().width())
        key = (id(chron), width, colors.background.rgba(), colors.foreground.rgba())
        if self._image is not None and self._image_key == key:
            return self._image
        d = self.density()
        counts = d.counts
        lanes = counts.shape[0]
        # columns of the density summed into the band's pixel columns
        edges = np.linspace(0, counts.shape[1], width + 1).astype(np.int64)
        starts = np.minimum(edges[:-1], counts.shape[1] - 1)
        per_px = np.add.reduceat(counts, starts, axis=1) if counts.shape[1] else counts
        per_px[:, edges[1:] == edges[:-1]] = 0
        peak = float(per_px.max()) if per_px.size else 0.0
        level = (
            np.where(per_px > 0, 0.3 + 0.7 * np.log1p(per_px) / np.log1p(peak), 0.0)
            if peak > 0
            else np.zeros(per_px.shape)
        )
        rgba = np.zeros((lanes, width, 4), dtype=np.uint8)
        for k, cat in enumerate(chron.categories[:lanes]):
            c = lane_color(cat.color, colors)
            rgba[k, :, 0], rgba[k, :, 1], rgba[k, :, 2] = c.blue(), c.green(), c.red()
        rgba[:, :, 3] = (level * 255).astype(np.uint8)
        buf = np.ascontiguousarray(rgba)
        img = QImage(buf.data, width, lanes, width * 4, QImage.Format.Format_ARGB32).copy()
        self._image, self._image_key = img, key
        return img

    def paintEvent(self, e: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        colors = CanvasColors.from_application()
        pal = self.palette()
        # what does not move with the view, painted once per size, chronology, colours, font and
        # language, then copied (a pan repaints the band: 0.45 -> 0.1 ms)
        dpr = self.devicePixelRatioF()
        key = (
            self.width(),
            self.height(),
            dpr,
            id(self.state.chronology),
            colors.background.rgba(),
            colors.foreground.rgba(),
            colors.muted.rgba(),
            p.font().key(),
            self._language,
        )
        if self._static is None or self._static_key != key:
            img = QImage(
                max(1, round(self.width() * dpr)),
                max(1, round(self.height() * dpr)),
                QImage.Format.Format_RGB32,  # opaque, as the widget: text drawn the same
            )
            img.setDevicePixelRatio(dpr)
            q = QPainter(img)
            try:
                q.setFont(p.font())
                self._paint_static(q, colors)
            finally:
                q.end()
            self._static, self._static_key = img, key
        p.drawImage(QPointF(0.0, 0.0), self._static)
        self._paint_window(p, colors, pal)

    def _paint_static(self, p: QPainter, colors: CanvasColors) -> None:
        """The eras, the density of every lane and the first and the last year."""
        p.fillRect(self.rect(), colors.background)
        sc = self.scale()
        chron = self.state.chronology
        small = p.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6.0))
        p.setFont(small)
        # eras behind everything, their names in the strip on top
        for k, era in enumerate(chron.eras):
            a, b = sc.x(era.start.first_day()), sc.x(era.end.end_day())
            tint = QColor(era.color) if era.color else colors.foreground
            tint.setAlphaF(0.08 if k % 2 == 0 else 0.13)
            p.fillRect(QRectF(a, 0, b - a, self.height()), tint)
            p.setPen(colors.muted)
            p.drawText(
                QRectF(a + 2, 0, max(b - a - 4, 0), ERA_STRIP),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                p.fontMetrics().elidedText(era.title, Qt.TextElideMode.ElideRight, int(max(b - a - 4, 0))),
            )
        lanes = self._lanes_rect()
        p.drawImage(lanes, self._density_image(colors))
        # the first and the last year, at the ends of the strip
        d = self.density()
        p.setPen(colors.muted)
        for day, align in ((d.lo, Qt.AlignmentFlag.AlignLeft), (d.hi, Qt.AlignmentFlag.AlignRight)):
            p.drawText(
                QRectF(MARGIN, 0, lanes.width(), ERA_STRIP),
                align | Qt.AlignmentFlag.AlignVCenter,
                year_label(_year_of(day)),
            )

    def _paint_window(self, p: QPainter, colors: CanvasColors, pal: QPalette) -> None:
        """Where the view is: the rest of the band dimmed, the window outlined."""
        w = self.window_rect()
        dim = QColor(colors.foreground)
        dim.setAlphaF(0.10)
        p.fillRect(QRectF(0, 0, max(w.left(), 0), self.height()), dim)
        p.fillRect(QRectF(w.right(), 0, max(self.width() - w.right(), 0), self.height()), dim)
        hl = pal.color(QPalette.ColorRole.Highlight)
        p.setPen(QPen(hl, 3.0 if self.hasFocus() else 2.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(w.adjusted(1, 1, -1, -1))
        if self.hasFocus():  # the band has the keyboard: a ring around it
            p.setPen(QPen(hl, 1.0, Qt.PenStyle.DashLine))
            p.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))

    # -- the keyboard --------------------------------------------------------------------------------
    _KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)

    def event(self, e: QEvent) -> bool:
        # the arrows, Home and End move the window here, not the selection (window shortcuts)
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and e.key() in self._KEYS:
            mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                e.accept()
                return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        r = self.state.range
        d = self.density()
        step = 0.1 * r.span
        key, shift = e.key(), bool(e.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = 1.0 if key == Qt.Key.Key_Right else -1.0
            self.state.set_time_range(dragged(r, "end" if shift else "window", sign * step))
        elif key == Qt.Key.Key_Home:
            self.state.jump_to(TimeRange(d.lo, d.lo + r.span))
        elif key == Qt.Key.Key_End:
            self.state.jump_to(TimeRange(d.hi - r.span, d.hi))
        else:
            super().keyPressEvent(e)
            return
        e.accept()

    def focusInEvent(self, e: QFocusEvent) -> None:
        super().focusInEvent(e)
        self.update()

    def focusOutEvent(self, e: QFocusEvent) -> None:
        super().focusOutEvent(e)
        self.update()

    # -- the mouse -----------------------------------------------------------------------------------
    def _cursor_for(self, grip: str) -> Qt.CursorShape:
        if grip in ("start", "end"):
            return Qt.CursorShape.SizeHorCursor
        if grip == "window":
            return Qt.CursorShape.OpenHandCursor
        return Qt.CursorShape.PointingHandCursor

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(e)
            return
        sc = self.scale()
        x = e.position().x()
        grip = sc.grip(self.state.range, x)
        if not grip:  # a click beside the window: centre the view there, then drag it on
            self.state.jump_to(self.state.range.centered_on(sc.day(x)))
            grip = "window"
        self._grip = grip
        self._press_day = sc.day(x)
        self._press_range = self.state.range
        self.setCursor(Qt.CursorShape.ClosedHandCursor if grip == "window" else Qt.CursorShape.SizeHorCursor)
        e.accept()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        x = e.position().x()
        sc = self.scale()
        if self._grip and self._press_range is not None:
            r = dragged(self._press_range, self._grip, sc.day(x) - self._press_day)
            self.state.set_time_range(r)
            e.accept()
            return
        self.setCursor(self._cursor_for(sc.grip(self.state.range, x)))

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self._grip:
            self._grip = ""
            self._press_range = None
            self.setCursor(self._cursor_for(self.scale().grip(self.state.range, e.position().x())))
            e.accept()
            return
        super().mouseReleaseEvent(e)

    def point_of(self, day: float) -> QPointF:
        """Where ``day`` is on the band, mid-height (for tests and for the accessibility layer)."""
        return QPointF(self.scale().x(day), self.height() / 2.0)


def _year_of(day: float) -> int:
    return civil_from_days(int(np.floor(day)))[0]


def day_words(day: float) -> str:
    return PartialDate(*civil_from_days(int(np.floor(day)))).words()
