"""The filter bar (Ctrl+Shift+F, View ▸ Filters): what is filtered, as removable chips, a field to
add a filter, and "N of M events pass the filters".

Filters live in the view state (:attr:`ViewState.event_filter`, an
:class:`~timeline_app.model.filters.EventFilter`; lanes hidden with 1 … 9 are chips too). The bar
only shows them and writes through the state. From the keyboard: type in the field ("sym", "Beijing",
"Transport", "month", "headline", or dates "2014..2017"): the values that contain it are listed
under the bar; ↓/↑ pick one and Enter adds it. Tab reaches the chips, and Delete, Backspace, Space or
Enter removes the focused one.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model import actions
from timeline_app.model.chronology import Chronology
from timeline_app.model.dates import DateError
from timeline_app.model.filters import EventFilter, facet_values
from timeline_app.model.goto import parse_period, period_words
from timeline_app.model.view_state import ViewState
from timeline_app.text import fill, format_count, label_value, translate

HIDDEN = "hidden"  # the chip of a lane hidden (1 … 9, or "Hide lane: …")
RANGE = "range"


def facet_label(facet: str) -> str:
    """The facet's name people read on a chip and in the field's list."""
    return {
        "tags": translate("FilterBar", "Tag"),
        "places": translate("FilterBar", "Place"),
        "sources": translate("FilterBar", "Source"),
        "categories": translate("FilterBar", "Lane"),
        "precisions": translate("FilterBar", "Precision"),
        "importance": translate("FilterBar", "Importance"),
        HIDDEN: translate("FilterBar", "Hidden lane"),
        RANGE: translate("FilterBar", "Dates"),
    }[facet]


def value_label(chron: Chronology, facet: str, value: str) -> str:
    """A facet's value as people read it: a lane's or a source's name rather than its id."""
    if facet in ("categories", HIDDEN):
        cat = chron.category_index.get(value)
        return cat.name if cat is not None else value
    if facet == "sources":
        src = chron.source_index.get(value)
        return (src.publisher or src.title or value) if src is not None else value
    if facet == "precisions":
        return {
            "year": translate("FilterBar", "year"),
            "month": translate("FilterBar", "month"),
            "day": translate("FilterBar", "day"),
        }.get(value, value)
    if facet == "importance":
        return {
            "headline": translate("FilterBar", "headline"),
            "major": translate("FilterBar", "major"),
            "minor": translate("FilterBar", "minor"),
        }.get(value, value)
    return value


@dataclass(frozen=True)
class Chip:
    facet: str
    value: str
    text: str  # "Tag: symposium"


def chips(state: ViewState) -> list[Chip]:
    """Every active filter of the state, one chip each: the filter's, then the hidden lanes."""
    c = state.chronology
    out: list[Chip] = []
    f = state.event_filter
    for facet, value in f.chips():
        if facet == RANGE:
            lo = f.start if f.start is not None else float("-inf")
            hi = f.end if f.end is not None else float("inf")
            words = period_words(lo, hi) if f.start is not None and f.end is not None else value
            out.append(Chip(RANGE, value, label_value(facet_label(RANGE), words)))
        else:
            out.append(Chip(facet, value, label_value(facet_label(facet), value_label(c, facet, value))))
    for cat in c.categories:
        if cat.id in state.hidden_lanes:
            out.append(Chip(HIDDEN, cat.id, label_value(facet_label(HIDDEN), cat.name)))
    return out


def remove_chip(state: ViewState, chip: Chip) -> bool:
    if chip.facet == HIDDEN:
        return state.set_hidden_lanes(state.hidden_lanes - {chip.value})
    return state.set_event_filter(state.event_filter.without(chip.facet, chip.value))


def offers(chron: Chronology) -> dict[str, tuple[str, str]]:
    """What the field offers: "Tag: symposium (2)" → ("tags", "symposium"); every lane is offered
    to show alone ("Lane: …") and to hide ("Hide lane: …")."""
    out: dict[str, tuple[str, str]] = {}
    for facet, values in facet_values(chron).items():
        for value, n in values:
            text = f"{label_value(facet_label(facet), value_label(chron, facet, value))} ({format_count(n)})"
            out[text] = (facet, value)
    for cat in chron.categories:
        hide = translate("FilterBar", "Hide lane")
        out[label_value(hide, cat.name)] = (HIDDEN, cat.id)
    return out


def add_offer(state: ViewState, facet: str, value: str) -> bool:
    if facet == HIDDEN:
        return state.set_hidden_lanes(state.hidden_lanes | {value})
    return state.set_event_filter(state.event_filter.with_value(facet, value))


class ChipButton(QToolButton):
    """One active filter; clicking it, or Delete / Backspace / Space / Enter on it, removes it."""

    remove_requested = Signal(object)  # the Chip

    def __init__(self, chip: Chip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chip = chip
        self.setText(f"{chip.text}  ✕")
        self.setObjectName("filterChip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(fill(translate("FilterBar", "Remove filter %1"), chip.text))
        self.setToolTip(translate("FilterBar", "Remove this filter (Delete)"))
        self.setAutoRaise(False)
        self.clicked.connect(lambda: self.remove_requested.emit(self.chip))

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.remove_requested.emit(self.chip)
        else:
            super().keyPressEvent(e)


class FilterField(QLineEdit):
    """The field that adds a filter; it keeps Enter, Esc, ↓ and ↑ while it has the focus."""

    escape_pressed = Signal()
    move_requested = Signal(int)

    _OWN = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) and e.key() in self._OWN:
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        elif e.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.move_requested.emit(1 if e.key() == Qt.Key.Key_Down else -1)
        else:
            super().keyPressEvent(e)


class FilterBar(QWidget):
    """Chips of the active filters, a field to add one, and how many events are shown."""

    leave_requested = Signal()  # Esc in the field: back to the timeline

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("filterBar")
        self._offers: dict[str, tuple[str, str]] = {}
        self._offers_of: object = None
        self.chip_buttons: list[ChipButton] = []
        self.title = QLabel()
        self.field = FilterField()
        self.field.setObjectName("filterField")
        self.field.setClearButtonEnabled(True)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("filterSuggestions")
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ↓/↑ in the field move in it
        self.suggestions.itemClicked.connect(lambda item: self._offer_chosen(item.text()))
        self.suggestions.hide()
        self.field.returnPressed.connect(self._add_typed)
        self.field.escape_pressed.connect(self._escape)
        self.field.move_requested.connect(self._move)
        self.field.textChanged.connect(self._suggest)
        self.message = QLabel()
        self.message.setObjectName("filterMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.count = QLabel()
        self.count.setObjectName("filterCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QToolButton()
        self.retranslate()
        self.clear_button.clicked.connect(self.clear_all)
        self._chips_box = QHBoxLayout()
        self._chips_box.setContentsMargins(0, 0, 0, 0)
        self._chips_box.setSpacing(4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        lay = QHBoxLayout()
        lay.setContentsMargins(4, 2, 4, 2)
        outer.addLayout(lay)
        outer.addWidget(self.suggestions)
        lay.addWidget(self.title)
        lay.addLayout(self._chips_box)
        lay.addWidget(self.field, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.clear_button)
        lay.addWidget(self.count)
        state.event_filter_changed.connect(lambda *_: self.refresh())
        state.filters_changed.connect(lambda *_: self.refresh())
        state.chronology_changed.connect(lambda *_: self.refresh())
        self.refresh()

    # -- showing the state ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The fixed texts in the current language (the chips follow with :meth:`refresh`)."""
        self.title.setText(translate("FilterBar", "Filters:"))
        self.field.setAccessibleName(translate("FilterBar", "Add a filter"))
        self.field.setPlaceholderText(
            translate("FilterBar", "Add a filter: tag, place, source, lane, precision, 2014..2017")
        )
        self.suggestions.setAccessibleName(translate("FilterBar", "Filters that match what is typed"))
        self.count.setAccessibleName(translate("FilterBar", "Events passing the filters"))
        self.clear_button.setText(translate("FilterBar", "Clear all"))

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def refresh(self) -> None:
        """Chips and count from the state; the focus stays on a chip's place when one goes."""
        focused = next((k for k, b in enumerate(self.chip_buttons) if b.hasFocus()), None)
        for b in self.chip_buttons:
            self._chips_box.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.chip_buttons = []
        for chip in chips(self.state):
            b = ChipButton(chip, self)
            b.remove_requested.connect(self._remove)
            self._chips_box.addWidget(b)
            b.show()
            self.chip_buttons.append(b)
        chain: list[QWidget] = [*self.chip_buttons, self.field, self.clear_button]
        for a, b2 in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b2)
        self.clear_button.setEnabled(bool(self.chip_buttons))
        shown, total = actions.shown_total(self.state)
        counted = translate("FilterBar", "%1 of %Ln event(s) pass the filters", None, total)
        self.count.setText(counted.replace("%1", format_count(shown)))
        if focused is not None:
            if self.chip_buttons:
                self.chip_buttons[min(focused, len(self.chip_buttons) - 1)].setFocus()
            else:
                self.field.setFocus()
        self._refresh_offers()

    def _refresh_offers(self) -> None:
        """What the field offers, made when the bar is shown (a pass over every event's tags,
        places and sources: not worth making for a million events nobody filters)."""
        chron = self.state.chronology
        if self._offers_of is not chron and self.isVisible():
            self._offers_of = chron
            self._offers = offers(chron)
            self._suggest(self.field.text())

    def chip_texts(self) -> list[str]:
        return [b.chip.text for b in self.chip_buttons]

    # -- commands ------------------------------------------------------------------------------------
    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        self._refresh_offers()

    def focus_field(self) -> None:
        self._refresh_offers()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear_all(self) -> None:
        self.state.set_event_filter(EventFilter())
        self.state.set_hidden_lanes(frozenset())
        self.field.setFocus()

    def _remove(self, chip: Chip) -> None:
        remove_chip(self.state, chip)

    def _offer_chosen(self, text: str) -> None:
        offer = self._offers.get(text)
        if offer is not None:
            add_offer(self.state, *offer)
            self.message.clear()
            self.field.clear()

    SUGGESTED = 50  # values listed at most
    SUGGEST_ROWS = 6  # rows of the list on screen

    def _suggest(self, text: str) -> None:
        """List the values offered that contain ``text`` (ignoring case), those that begin with it
        first."""
        want = text.strip().casefold()
        self.suggestions.clear()
        if want:
            hits = [label for label in self._offers if want in label.casefold()]
            # values that begin with what is typed first ("Tra": Transport before strategy)
            hits.sort(key=lambda label: not label.split(": ", 1)[-1].casefold().startswith(want))
            hits = hits[: self.SUGGESTED]
            self.suggestions.addItems(hits)
        n = self.suggestions.count()
        if n:
            row_h = self.suggestions.sizeHintForRow(0)
            rows = min(n, self.SUGGEST_ROWS)
            self.suggestions.setFixedHeight(rows * row_h + 2 * self.suggestions.frameWidth() + 2)
        self.suggestions.setVisible(bool(n))

    def suggested(self) -> list[str]:
        return [self.suggestions.item(k).text() for k in range(self.suggestions.count())]

    def _move(self, step: int) -> None:
        n = self.suggestions.count()
        if not n:
            return
        row = self.suggestions.currentRow()
        row = 0 if row < 0 and step > 0 else max(0, min(n - 1, row + step))
        self.suggestions.setCurrentRow(row)

    def _escape(self) -> None:
        if self.suggestions.isVisible():
            self.field.clear()  # Esc once: forget what was typed; twice: back to the timeline
        else:
            self.leave_requested.emit()

    def _add_typed(self) -> None:
        """Enter in the field: the value picked in the list, else one named as typed, else dates."""
        text = self.field.text().strip()
        if not text:
            return
        current = self.suggestions.currentItem()
        if self.suggestions.isVisible() and current is not None and current.isSelected():
            self._offer_chosen(current.text())
            return
        offer = self._offers.get(text) or self._match_name(text)
        if offer is not None:
            add_offer(self.state, *offer)
            self.message.clear()
            self.field.clear()
            return
        try:
            lo, hi = parse_period(text)
        except DateError as e:
            self.message.setText(fill(translate("FilterBar", "No such filter: %1"), e))
            return
        self.state.set_event_filter(self.state.event_filter.with_range(lo, hi))
        self.message.clear()
        self.field.clear()

    def _match_name(self, text: str) -> tuple[str, str] | None:
        """The one offer whose value is ``text`` (ignoring case), or its "facet: value" form."""
        want = text.casefold()
        hits = [
            o
            for label, o in self._offers.items()
            if label.rsplit(" (", 1)[0].split(": ", 1)[-1].casefold() == want
            or label.rsplit(" (", 1)[0].casefold() == want
        ]
        if len(hits) > 1:  # "Transport": the lane to show alone rather than to hide
            hits = [o for o in hits if o[0] != HIDDEN]
        return hits[0] if len(hits) == 1 else None
