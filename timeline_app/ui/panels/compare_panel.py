"""Compare (File ▸ Compare with…): the differences between the chronology shown and another version
of it, on the timeline's own time axis and as a list to step through.

Under the timeline, while comparing: a line that says what was compared and how many differ, a
strip of two rows on the same dates as the timeline above it (the other version on top, the one
shown below; ``+`` added, ``−`` removed, a line from the old date to the new for a re-dated event,
``≠`` re-worded, ``✎`` otherwise edited, each in its own colour), and the list of differences with
the fields before → after. n / F8 go to the next difference, Shift+N / Shift+F8 to the previous
(the event is selected on the timeline when it is in the version shown, and brought into view);
Esc leaves the comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from timeline_app.model import actions
from timeline_app.model.view_state import ViewState
from timeline_app.text import escape_html, fill, translate
from timeline_app.ui.drawing.palette import CanvasColors

if TYPE_CHECKING:  # a comparison's model is imported when one is made (3.6 ms of a start)
    from timeline_app.model.compare import Comparison, Placed

KIND_COLORS = {
    "added": "#2e9e44",
    "removed": "#d1342f",
    "redated": "#e08a00",
    "reworded": "#3b6fd6",
    "edited": "#8a5ac8",
}
ROW = 16  # pixels per row of the strip


def kind_words(kind: str) -> str:
    return {
        "added": translate("Compare", "added"),
        "removed": translate("Compare", "removed"),
        "redated": translate("Compare", "re-dated"),
        "reworded": translate("Compare", "re-worded"),
        "edited": translate("Compare", "edited"),
    }[kind]


def describe(p: Placed) -> str:
    """One line of the list: marks, kinds, title, date, and what changed."""
    from timeline_app.model.compare import MARKS

    c = p.change
    marks = "".join(MARKS[k] for k in c.kinds)
    kinds = ", ".join(kind_words(k) for k in c.kinds)
    fields = "; ".join(
        f"{f.field}: {f.before or '—'} → {f.after or '—'}"
        for f in c.fields
        if not f.field.startswith("description")  # (too long for a line)
    )
    head = f"{marks} {c.title} ({c.date.words()}) — {kinds}"
    return f"{head}\n{fields}" if fields else head


class CompareStrip(QWidget):
    """Two rows on the timeline's dates: the other version, then the one shown."""

    def __init__(
        self, state: ViewState, axis: Callable[[], tuple[float, float]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.state = state
        self.axis = axis  # the timeline's left and right, in this widget's x
        self.comparison: Comparison | None = None
        self.current = -1
        self.setFixedHeight(2 * ROW + 4)
        self.setAccessibleName(translate("Compare", "Differences on the time axis"))
        state.range_changed.connect(lambda *_: self.update())

    def x_of(self, day: float) -> float:
        left, right = self.axis()
        r = self.state.range
        return left + (day - r.start) / r.span * (right - left)

    def paintEvent(self, e: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        colors = CanvasColors.from_application()
        p.fillRect(self.rect(), colors.background)
        left, right = self.axis()
        p.setPen(colors.muted)
        small = p.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6.0))
        p.setFont(small)
        cmp_ = self.comparison
        if cmp_ is None:
            return
        from timeline_app.model.compare import MARKS  # imported by the comparison shown

        labels = (fill(translate("Compare", "other: %1"), cmp_.other_name), translate("Compare", "shown"))
        for row, text in enumerate(labels):
            p.drawText(QRectF(2, 2 + row * ROW, max(left - 4, 0), ROW), Qt.AlignmentFlag.AlignVCenter, text)
            p.drawLine(QPointF(left, 2 + row * ROW + ROW / 2), QPointF(right, 2 + row * ROW + ROW / 2))
        p.setClipRect(QRectF(left, 0, right - left, self.height()))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        y_old, y_new = 2 + ROW / 2, 2 + ROW + ROW / 2
        for k, pl in enumerate(cmp_.placed):
            color = QColor(KIND_COLORS[pl.kind])
            width = 3.0 if k == self.current else 1.5
            p.setPen(QPen(color, width))
            if pl.old_day is not None and pl.new_day is not None and pl.kind == "redated":
                p.drawLine(QPointF(self.x_of(pl.old_day), y_old), QPointF(self.x_of(pl.new_day), y_new))
            for day, y in ((pl.old_day, y_old), (pl.new_day, y_new)):
                if day is None:
                    continue
                x = self.x_of(day)
                p.drawText(QRectF(x - 6, y - ROW / 2, 12, ROW), Qt.AlignmentFlag.AlignCenter, MARKS[pl.kind])
            if k == self.current:
                x = self.x_of(pl.day)
                p.drawRect(QRectF(x - 7, 1, 14, self.height() - 2))


class ComparePanel(QWidget):
    """The comparison under the timeline; hidden while not comparing."""

    left = Signal()  # Esc, or the comparison ended

    def __init__(
        self, state: ViewState, axis: Callable[[], tuple[float, float]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("comparePanel")
        self.comparison: Comparison | None = None
        self.current = -1
        self.header = QLabel()
        self.header.setObjectName("compareHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.strip = CompareStrip(state, axis)
        self.list = QListWidget()
        self.list.setObjectName("compareList")
        self.list.setAccessibleName(translate("Compare", "Differences"))
        self.list.setFixedHeight(110)
        self.list.currentRowChanged.connect(self._row_chosen)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.header)
        lay.addWidget(self.strip)
        lay.addWidget(self.list)
        self.hide()

    @property
    def active(self) -> bool:
        return self.comparison is not None

    def start(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.strip.comparison = comparison
        self.current = -1
        n = comparison.counts()
        parts = [
            f"{n[k]} {kind_words(k)}" for k in ("added", "removed", "redated", "reworded", "edited") if n[k]
        ]
        total = len(comparison.placed)
        self.header.setText(
            fill(
                translate("Compare", "Compared with %1: %2"),
                comparison.other_name,
                " · ".join(parts) or translate("Compare", "no differences"),
            )
            + "  "
            + (
                translate("Compare", "(n / F8: next difference · Shift+N: previous · Esc: leave)")
                if total
                else ""
            )
        )
        self.list.blockSignals(True)
        self.list.clear()
        for pl in comparison.placed:
            item = QListWidgetItem(describe(pl))
            every = "\n".join(f"{f.field}: {f.before or '—'} → {f.after or '—'}" for f in pl.change.fields)
            item.setToolTip("<qt>" + escape_html(every).replace("\n", "<br>") + "</qt>" if every else "")
            item.setForeground(QColor(KIND_COLORS[pl.kind]))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.show()
        self.strip.update()

    def stop(self) -> None:
        if self.comparison is None:
            return
        self.comparison = None
        self.strip.comparison = None
        self.current = -1
        self.list.clear()
        self.hide()
        self.left.emit()

    def lines(self) -> list[str]:
        """The list of differences as it reads (first lines)."""
        return [self.list.item(k).text().split("\n", 1)[0] for k in range(self.list.count())]

    def step(self, direction: int) -> bool:
        """n / Shift+N: the next or previous difference, shown on the timeline."""
        if self.comparison is None:
            return False
        k = self.comparison.step(self.current, direction)
        if k < 0:
            return False
        self.list.setCurrentRow(k)  # → _row_chosen
        return True

    def _row_chosen(self, k: int) -> None:
        if self.comparison is None or not 0 <= k < len(self.comparison.placed):
            return
        self.current = k
        self.strip.current = k
        pl = self.comparison.placed[k]
        if pl.new_day is not None and pl.change.new_id:
            actions.go_to_event(self.state, pl.change.new_id)
        else:  # removed: not in the version shown; its old date is brought into view
            self.state.set_selection(None, record=False)
            actions.reveal(self.state, pl.day)
        self.strip.update()
