"""The search field and its result list.

Every keystroke starts a search of the chronology's index (``timeline_app.model.search``: title,
description, places, tags and id, ignoring case; title matches first). The first results are shown
after one short slice of searching in the keystroke handler; the rest of the search (the complete
count, and the index itself the first time) runs in slices on a timer, so the field never stops
answering, and the count says "N+ events match…" until it is complete. The list shows the first
RESULT_LIMIT results; Enter and Shift+Enter go through all of them. In the field, ↓/↑ move through the
list, and Esc closes the search and gives the focus back.
Letters typed in the field never reach the window's one-key shortcuts: ``QLineEdit`` claims printable
keys through ``ShortcutOverride``, and the field claims Enter, Esc, ↑ and ↓ as well.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
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
from timeline_app.model.dates import DateError
from timeline_app.model.goto import goto_words
from timeline_app.model.search import Search, SearchIndex
from timeline_app.model.search_languages import shown_title
from timeline_app.model.view_state import ViewState
from timeline_app.text import escape_html, fill, format_count, translate
from timeline_app.ui.drawing.speech import CaptionedLabel
from timeline_app.ui.panels.search_speech import SearchSpeech

_ID_ROLE = Qt.ItemDataRole.UserRole
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

FIRST_BUDGET_S = 0.020  # searching inside the keystroke handler, before the first results are shown
SLICE_S = 0.008  # each later slice of searching or indexing, on a timer (plus updating the list)
RESULT_LIMIT = 200  # results listed; Enter and Shift+Enter go through all the matches


def _is_shift_only(e: QKeyEvent) -> bool:
    mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.ShiftModifier


class SearchField(QLineEdit):
    """A line edit that also owns Enter, Shift+Enter, Esc, ↑ and ↓ while it has the focus."""

    next_requested = Signal()
    prev_requested = Signal()
    close_requested = Signal()
    move_requested = Signal(int)  # +1 down, -1 up
    focused = Signal()

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

    def focusInEvent(self, e: QFocusEvent) -> None:
        super().focusInEvent(e)
        self.focused.emit()

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
        self._shown: list[str] = []  # ids listed, best first
        self._listed: tuple[tuple[str, ...], frozenset[str], str] | None = None  # what the list shows
        self._listed_from: object = None  # ... of which events
        self._search: Search | None = None
        self._indexing = False  # build the index in the background while the search is open

        self.field = SearchField()
        self.field.setClearButtonEnabled(True)
        self.count = CaptionedLabel("")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.results = ResultList()
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._timer = QTimer(self)  # the rest of a search, and the index, a slice at a time
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(self.field)
        lay.addWidget(self.count)
        lay.addWidget(self.results, 1)

        self.field.textChanged.connect(self._on_text)
        self.field.focused.connect(self._start_indexing)
        self.field.next_requested.connect(lambda: self.step(+1))
        self.field.prev_requested.connect(lambda: self.step(-1))
        self.field.move_requested.connect(self.move_selection)
        self.field.close_requested.connect(self.close_search)
        self.results.close_requested.connect(self.close_search)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        state.query_changed.connect(self._on_query)
        state.chronology_changed.connect(lambda *_: self._restart())
        state.filters_changed.connect(lambda *_: self._show())  # "(hidden lane)" in the list
        state.event_filter_changed.connect(lambda *_: self._show())
        state.selection_changed.connect(lambda *_: self._follow_selection())
        self._show_results(False)
        self.speech = SearchSpeech(self, self.field, self.count, state)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the panel in the current language (again after a language change)."""
        self.field.setPlaceholderText(translate("SearchPanel", "Search events  ( / )"))
        self.field.setAccessibleName(translate("SearchPanel", "Search events"))
        self.field.setToolTip(
            translate("SearchPanel", "Enter: next match · Shift+Enter: previous · ↓/↑: results · Esc: close")
        )
        self.count.set_caption(translate("SearchPanel", "Number of matches"))
        self.results.setAccessibleName(translate("SearchPanel", "Search results"))
        self._listed = None  # the list's "(hidden lane)" and dates in the new language
        self._show()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # -- state -------------------------------------------------------------------------------------
    @property
    def matches(self) -> list[str]:
        """The ids listed, best first (the first RESULT_LIMIT matches)."""
        return list(self._shown)

    @property
    def searching(self) -> bool:
        """Whether a search is still running (its count is not final yet)."""
        return self._search is not None and not self._search.done

    def _index(self) -> SearchIndex:
        return SearchIndex.for_chronology(self.state.chronology)

    def open_search(self) -> None:
        # focus first, then the selection: a focus reason of "shortcut" would have the field select
        # its text inside the focus change, and the caret event then reaches screen readers before
        # the focus event (Orca says nothing of the field)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        before = self.field.text()
        QTimer.singleShot(0, lambda: self._select_all_if(before))
        self._start_indexing()

    def _select_all_if(self, text: str) -> None:
        """Select the query (to type over it) unless the user already typed on."""
        if text and self.field.text() == text and self.field.hasFocus():
            self.field.selectAll()

    def close_search(self) -> None:
        self.field.clear()  # clears the query, the result list and the highlight on the canvas
        self._indexing = False
        self._schedule()
        self.closed.emit()

    def _start_indexing(self) -> None:
        """Build the index in slices from now on (a search soon follows)."""
        self._indexing = True
        self._schedule()

    def _on_text(self, text: str) -> None:
        self.state.set_query(text)
        self._restart()

    def _on_query(self, query: str) -> None:
        if self.field.text() != query:
            with QSignalBlocker(self.field):
                self.field.setText(query)
            self._restart()

    def _restart(self) -> None:
        """Search for the state's query: one short slice now, the rest on the timer."""
        query = self.state.query
        if query.strip():
            self._search = self._index().start(query)
            self._search.step(FIRST_BUDGET_S, until=RESULT_LIMIT)
        else:
            self._search = None
        self._show()
        self._schedule()

    def _schedule(self) -> None:
        more = self.searching or (self._indexing and not self._index().built)
        if more and not self._timer.isActive():
            self._timer.start()
        elif not more:
            self._timer.stop()

    def _tick(self) -> None:
        if self._search is not None and not self._search.done:
            self._search.step(SLICE_S)
            self._show()
        elif self._indexing:
            self._index().build_step(SLICE_S)
        self._schedule()

    def _show(self) -> None:
        """The count, and the list when the best results changed."""
        query = self.state.query.strip()
        s = self._search
        events = self.state.chronology.events
        filtered_out = 0
        if s is not None:
            total, complete = s.total, s.done
            if self.state.event_filter.active:  # the results follow the filters
                # all the matches once the search is complete; while it runs, enough to list
                ranked = s.ranked(None if complete else 8 * RESULT_LIMIT)
                keep = ranked[self.state.filter_mask()[ranked]]
                if complete:  # (while it runs, the count is of every match so far)
                    filtered_out = len(ranked) - len(keep)
                    total -= filtered_out
                rows = keep[:RESULT_LIMIT].tolist()
            else:
                rows = s.ranked(RESULT_LIMIT).tolist()
        else:
            rows, total, complete = [], 0, True
        ids = [events[i].id for i in rows]
        self._shown = ids
        # in a chronology of several languages the titles shown follow the query's language
        language_of = query if self.state.chronology.texts else ""
        listed = (tuple(ids), self.state.hidden_lanes, language_of)
        hidden_note = (
            translate("SearchPanel", " · %Ln more filtered out", None, filtered_out) if filtered_out else ""
        )
        if listed != self._listed or self._listed_from is not events:
            self._listed, self._listed_from = listed, events
            self._fill_list(rows)
        date = self.date_words()
        if not query:
            self.count.clear()
        elif date is not None and (complete or not total):
            self.count.setText(
                translate("SearchPanel", "Enter: go to %1 · ↓: %Ln matching event(s)", None, total).replace(
                    "%1", date
                )
            )
        elif not complete:
            done = ""
            if s is not None:
                done = " " + fill(
                    translate("SearchPanel", "(%1% searched)"), format_count(round(s.progress * 100))
                )
            if total:
                self.count.setText(translate("SearchPanel", "%Ln+ event(s) match…", None, total) + done)
            else:
                self.count.setText(translate("SearchPanel", "Searching…") + done)
        elif total == 0:
            self.count.setText(fill(translate("SearchPanel", "No event matches “%1”"), query) + hidden_note)
        else:
            listed_note = ""
            if total > len(ids):
                listed_note = " · " + fill(
                    translate("SearchPanel", "first %1 listed"), format_count(len(ids))
                )
            self.count.setText(
                translate("SearchPanel", "%Ln event(s) match · Enter: next", None, total)
                + listed_note
                + hidden_note
            )
        self._show_results(bool(query))
        self._follow_selection()
        self.speech.count_changed(not complete)

    def _fill_list(self, rows: list[int]) -> None:
        c = self.state.chronology
        with QSignalBlocker(self.results):
            self.results.clear()
            for i in rows:
                ev = c.events[i]
                eid = ev.id
                cat = c.category_index.get(ev.category)
                lane = cat.name if cat else ev.category
                hidden = (
                    " " + translate("SearchPanel", "(hidden lane)")
                    if ev.category in self.state.hidden_lanes
                    else ""
                )
                title = shown_title(c, ev, self.state.query)  # in the language that matched
                item = QListWidgetItem(f"{title}\n{ev.start.words()} · {lane}{hidden}")
                item.setData(_ID_ROLE, eid)
                # a tooltip that looks like HTML is shown as HTML: escape, and say it is rich text
                tip = escape_html(f"{title}\n{ev.start.words()} · {lane}{hidden}").replace("\n", "<br>")
                item.setToolTip(f"<qt>{tip}</qt>")
                self.results.addItem(item)

    MAX_ROWS = 8

    def _show_results(self, shown: bool) -> None:
        if self._shown:
            rows = min(len(self._shown), self.MAX_ROWS)
            row_h = self.results.sizeHintForRow(0)
            self.results.setFixedHeight(rows * row_h + 2 * self.results.frameWidth() + 2)
        self.results.setVisible(shown and bool(self._shown))
        self.count.setVisible(shown)

    def _follow_selection(self) -> None:
        eid = self.state.selected_event_id
        row = self._shown.index(eid) if eid in self._shown else -1
        with QSignalBlocker(self.results):
            self.results.setCurrentRow(row)
        if row >= 0:
            self.results.scrollToItem(self.results.item(row))

    def date_words(self) -> str | None:
        """What the query stands for when it reads as a date or a range ("April 2017"), else None."""
        try:
            return goto_words(self.state.query)
        except DateError:
            return None

    # -- choosing ----------------------------------------------------------------------------------
    def step(self, direction: int) -> None:
        """Enter / Shift+Enter: the next / previous match among all of them (wrapping). While the
        index is still being built, among the ones listed so far. Enter on a date or a range
        ("2017-04", "2014..2017") goes to it instead (as Ctrl+G does)."""
        if direction > 0 and self.date_words() is not None:
            actions.go_to_date(self.state, self.state.query)
            return
        s = self._search
        if s is None:
            return
        if not s.done and self._index().built:
            s.run()  # tens of milliseconds at most once the index is built
            self._show()
            self._schedule()
        if s.done:
            (actions.next_match if direction > 0 else actions.prev_match)(self.state)
        else:
            (actions.next_match if direction > 0 else actions.prev_match)(self.state, self._shown)

    def move_selection(self, direction: int) -> None:
        """↓/↑ in the field: select the next/previous result without wrapping."""
        if not self._shown:
            return
        eid = self.state.selected_event_id
        if eid in self._shown:
            i = self._shown.index(eid) + direction
        else:
            i = 0 if direction > 0 else len(self._shown) - 1
        if 0 <= i < len(self._shown):
            actions.go_to_event(self.state, self._shown[i])

    def _choose(self, item: QListWidgetItem) -> None:
        eid = item.data(_ID_ROLE)
        if eid:
            actions.go_to_event(self.state, str(eid))
