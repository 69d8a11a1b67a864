"""The search field and its result list.

Typing filters the list at every keystroke (``actions.search``: title, description, places, tags
and id, ignoring case; title matches first). In the field, Enter and Shift+Enter select the next and
previous match, ↓/↑ move through the results, and Esc closes the search and gives the focus back.
Letters typed in the field never reach the window's one-key shortcuts: ``QLineEdit`` claims printable
keys through ``ShortcutOverride``, and the field claims Enter, Esc, ↑ and ↓ as well.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model import actions
from timeline_app.model.view_state import ViewState

_ID_ROLE = Qt.ItemDataRole.UserRole
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _is_shift_only(e: QKeyEvent) -> bool:
    mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.ShiftModifier


class SearchField(QLineEdit):
    """A line edit that also owns Enter, Shift+Enter, Esc, ↑ and ↓ while it has the focus."""

    next_requested = Signal()
    prev_requested = Signal()
    close_requested = Signal()
    move_requested = Signal(int)  # +1 down, -1 up

    _OWN = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down)

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in self._OWN
            and (e.modifiers() in _PLAIN or _is_shift_only(e))
        ):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        if key in _ENTER:
            (self.prev_requested if _is_shift_only(e) else self.next_requested).emit()
        elif key == Qt.Key.Key_Escape:
            self.close_requested.emit()
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(+1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        else:
            super().keyPressEvent(e)


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as its title over a quieter line with the date and the lane."""

    PAD = 4

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFontMetrics, QFontMetrics]:
        small = option.font
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 7.0))
        return QFontMetrics(option.font), QFontMetrics(small)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        big, small = self._fonts(option)
        return QSize(200, big.height() + small.height() + 2 * self.PAD + 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, _, sub = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal = opt.palette
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        muted = QColor.fromRgbF(
            text.redF() + (base.redF() - text.redF()) * 0.35,
            text.greenF() + (base.greenF() - text.greenF()) * 0.35,
            text.blueF() + (base.blueF() - text.blueF()) * 0.35,
        )
        big, small = self._fonts(opt)
        r = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        painter.setPen(text)
        painter.setFont(opt.font)
        painter.drawText(
            r.left(), r.top() + big.ascent(), big.elidedText(title, Qt.TextElideMode.ElideRight, r.width())
        )
        sfont = opt.font
        sfont.setPointSizeF(max(opt.font.pointSizeF() * 0.9, 7.0))
        painter.setFont(sfont)
        painter.setPen(muted)
        y = r.top() + big.height() + small.ascent()
        painter.drawText(r.left(), y, small.elidedText(sub, Qt.TextElideMode.ElideRight, r.width()))
        painter.restore()


class ResultList(QListWidget):
    """The matches. Keeps its list keys (arrows, Home/End, pages, Enter, Esc) while focused."""

    close_requested = Signal()

    _OWN = (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Escape,
    )

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in self._OWN
            and e.modifiers() in _PLAIN
        ):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        if e.key() in _ENTER and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(e)


class SearchPanel(QWidget):
    """Search field, match count and result list. ``closed`` tells the window to give focus back."""

    closed = Signal()

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("searchPanel")
        self._matches: list[str] = []

        self.field = SearchField()
        self.field.setPlaceholderText("Search events  ( / )")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search events")
        self.field.setToolTip("Enter: next match · Shift+Enter: previous · ↓/↑: results · Esc: close")
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName("Number of matches")
        self.results = ResultList()
        self.results.setAccessibleName("Search results")
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(self.field)
        lay.addWidget(self.count)
        lay.addWidget(self.results, 1)

        self.field.textChanged.connect(self._on_text)
        self.field.next_requested.connect(lambda: self.step(+1))
        self.field.prev_requested.connect(lambda: self.step(-1))
        self.field.move_requested.connect(self.move)
        self.field.close_requested.connect(self.close_search)
        self.results.close_requested.connect(self.close_search)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        state.query_changed.connect(self._on_query)
        state.chronology_changed.connect(lambda *_: self._refill())
        state.filters_changed.connect(lambda *_: self._refill())
        state.selection_changed.connect(lambda *_: self._follow_selection())
        self._show_results(False)

    # -- state -------------------------------------------------------------------------------------
    @property
    def matches(self) -> list[str]:
        return list(self._matches)

    def open_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_search(self) -> None:
        self.field.clear()  # clears the query, the result list and the highlight on the canvas
        self.closed.emit()

    def _on_text(self, text: str) -> None:
        self.state.set_query(text)
        self._refill()

    def _on_query(self, query: str) -> None:
        if self.field.text() != query:
            with QSignalBlocker(self.field):
                self.field.setText(query)
            self._refill()

    def _refill(self) -> None:
        query = self.state.query
        self._matches = actions.search(self.state, query) if query.strip() else []
        c = self.state.chronology
        with QSignalBlocker(self.results):
            self.results.clear()
            for eid in self._matches:
                ev = c.event(eid)
                if ev is None:
                    continue
                cat = c.category_index.get(ev.category)
                lane = cat.name if cat else ev.category
                hidden = " (hidden lane)" if ev.category in self.state.hidden_lanes else ""
                item = QListWidgetItem(f"{ev.title}\n{ev.start.words()} · {lane}{hidden}")
                item.setData(_ID_ROLE, eid)
                # a tooltip that looks like HTML is shown as HTML: escape, and say it is rich text
                tip = html.escape(f"{ev.title}\n{ev.start.words()} · {lane}{hidden}").replace("\n", "<br>")
                item.setToolTip(f"<qt>{tip}</qt>")
                self.results.addItem(item)
        n = len(self._matches)
        if not query.strip():
            self.count.clear()
        elif n == 0:
            self.count.setText(f"No event matches “{query.strip()}”")
        else:
            self.count.setText(f"{n} event{'s' if n != 1 else ''} match · Enter: next")
        self._show_results(bool(query.strip()))
        self._follow_selection()

    MAX_ROWS = 8

    def _show_results(self, shown: bool) -> None:
        if self._matches:
            rows = min(len(self._matches), self.MAX_ROWS)
            row_h = self.results.sizeHintForRow(0)
            self.results.setFixedHeight(rows * row_h + 2 * self.results.frameWidth() + 2)
        self.results.setVisible(shown and bool(self._matches))
        self.count.setVisible(shown)

    def _follow_selection(self) -> None:
        eid = self.state.selected_event_id
        row = self._matches.index(eid) if eid in self._matches else -1
        with QSignalBlocker(self.results):
            self.results.setCurrentRow(row)
        if row >= 0:
            self.results.scrollToItem(self.results.item(row))

    # -- choosing ----------------------------------------------------------------------------------
    def step(self, direction: int) -> None:
        if direction > 0:
            actions.next_match(self.state, self._matches)
        else:
            actions.prev_match(self.state, self._matches)

    def move(self, direction: int) -> None:
        """↓/↑ in the field: select the next/previous result without wrapping."""
        if not self._matches:
            return
        eid = self.state.selected_event_id
        if eid in self._matches:
            i = self._matches.index(eid) + direction
        else:
            i = 0 if direction > 0 else len(self._matches) - 1
        if 0 <= i < len(self._matches):
            actions.go_to_event(self.state, self._matches[i])

    def _choose(self, item: QListWidgetItem) -> None:
        eid = item.data(_ID_ROLE)
        if eid:
            actions.go_to_event(self.state, str(eid))
