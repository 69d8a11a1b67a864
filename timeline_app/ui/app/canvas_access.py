"""The canvas as screen readers see it: a list of the events in view, and what it says when they move.

The lane timeline is painted, so Qt's accessibility bridge knows nothing of its events by itself.
:func:`install` registers a factory (``QAccessible.installFactory``) that gives every
:class:`ChronologyCanvas` a :class:`TimelineAccessible`: a ``List`` whose children are the events
and cluster pills drawn in the current frame (:func:`timeline_app.ui.timeline.access_items.accessible_items`),
each a ``ListItem`` named by its title and described by its date, lane and importance, with the
selected one *selected* and, while the canvas has the focus, *focused*.

:class:`TimelineAnnouncer` follows the :class:`ViewState`: when the selection moves it sends a
``Focus`` event for the newly selected child (AT-SPI turns it into ``focus:`` and
``object:state-changed:focused``, which Orca, like NVDA's and VoiceOver's bridges, speaks as
"title, list item") and an ``ActiveDescendantChanged`` for clients that follow that; when the
visible range changes by key it announces "Showing 2014 – 2016, 12 events" (an
``Announcement`` event) after a short pause, once, however long the key is held.

PySide6 (6.8 to 6.11 tested) accepts Python subclasses of ``QAccessibleInterface`` from a factory
and from ``child()``: each child is registered with ``QAccessible.registerAccessibleInterface``
and kept alive here, keyed by event id, so the id a client holds stays valid while the view moves.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject, QRect, QRectF, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from timeline_app.model import actions
from timeline_app.model.view_state import Selection, ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.input_watch import input_watch
from timeline_app.ui.timeline.access_items import (
    AccessItem,
    accessible_items,
    event_speech,
    item_words,
    point_speech,
    range_words,
)


def visible_range_text(state: ViewState) -> str:
    """ "Showing 2014 – 2016, 12 of 120 events": what the view shows, said briefly."""
    shown, total = actions.shown_event_count(state)
    r = state.range
    return fill(
        translate("TimelineAccess", "Showing %1, %2 of %n events", None, total),
        range_words(r.start, r.end),
        shown,
    )


class EventAccessible(QAccessibleInterface):
    """One event or cluster pill of the timeline, known by its key (event id) while it is in view."""

    def __init__(self, owner: TimelineAccessible, key: str) -> None:
        super().__init__()
        self._owner = owner
        self.key = key

    def _item(self) -> AccessItem | None:
        return self._owner.item_for(self.key)

    def isValid(self) -> bool:
        return self._owner.isValid()

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self):  # type: ignore[no-untyped-def]
        return self._owner.window()

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def parent(self) -> QAccessibleInterface:
        return self._owner

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def text(self, t: QAccessible.Text) -> str:
        it = self._item()
        if it is None or t not in (QAccessible.Text.Name, QAccessible.Text.Description):
            return ""
        name, description = self._owner.words(it)
        return name if t == QAccessible.Text.Name else description

    def setText(self, t: QAccessible.Text, text: str) -> None:
        pass

    def rect(self) -> QRect:
        it = self._item()
        if it is None:
            return QRect()
        return self._owner.global_rect(it)

    def role(self) -> QAccessible.Role:
        it = self._item()
        return QAccessible.Role.Chart if it is not None and it.kind == "plot" else QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        s = QAccessible.State()
        it = self._item()
        s.focusable = it is None or it.kind != "plot"
        s.selectable = s.focusable
        if it is None:
            s.invisible = True
            return s
        s.selected = it.selected
        s.focused = it.selected and self._owner.canvas_has_focus()
        s.active = it.selected
        return s


class TimelineAccessible(QAccessibleWidget):
    """The canvas: a list of the events in view, then the plots shown (charts described by their
    numbers), then its own widgets (the plots button)."""

    def __init__(self, canvas: ChronologyCanvas) -> None:
        super().__init__(canvas, QAccessible.Role.List, translate("TimelineAccess", "Timeline"))
        self._canvas_ref = weakref.ref(canvas)
        self._children: dict[str, EventAccessible] = {}
        self._items: list[AccessItem] = []
        self._items_key: tuple[object, ...] | None = None
        self._by_key: dict[str, int] | None = None

    def _canvas(self) -> ChronologyCanvas | None:
        c = self._canvas_ref()
        return c if c is not None and shiboken6.isValid(c) else None

    def canvas_has_focus(self) -> bool:
        c = self._canvas()
        return c is not None and c.hasFocus()

    def items(self) -> list[AccessItem]:
        c = self._canvas()
        if c is None:
            return []
        item = c.timeline_item()
        fr = item.frame()
        shown = c.shown_plots()
        key = (id(fr), item.version(), item.selected_index(), tuple(shown), id(c.state().chronology))
        if key != self._items_key:
            self._items = accessible_items(item) + self._plot_items(c, shown)
            self._items_key = key
            self._by_key = None
        return self._items

    def _plot_items(self, c: ChronologyCanvas, shown: list[tuple[str, str]]) -> list[AccessItem]:
        """The shown plots, after the events: each a chart described by its numbers."""
        from timeline_app.ui.panels.data_table import plot_description, series_table  # on first ask

        chron = c.state().chronology
        groups = dict(chron.plot_groups())
        out = []
        for key, plot in zip(shown, c.indicator_plots(), strict=False):
            inds = groups.get(key)
            if not inds:
                continue
            table = series_table(chron, key, inds)
            rect = plot.view_rect_px() or QRectF()
            out.append(
                AccessItem(
                    f"plot:{key[0]}|{key[1]}",
                    "plot",
                    rect,
                    float("inf"),
                    name=table.title,
                    description=plot_description(table),
                )
            )
        return out

    def item_for(self, key: str) -> AccessItem | None:
        items = self.items()
        if self._by_key is None:
            self._by_key = {it.key: n for n, it in enumerate(items)}
        n = self._by_key.get(key)
        return items[n] if n is not None else None

    def index_of_key(self, key: str) -> int:
        self.item_for(key)
        return -1 if self._by_key is None else self._by_key.get(key, -1)

    def words(self, it: AccessItem) -> tuple[str, str]:
        c = self._canvas()
        return item_words(c.state().chronology, it) if c is not None else ("", "")

    def global_rect(self, it: AccessItem) -> QRect:
        c = self._canvas()
        if c is None:
            return QRect()
        vp = c.viewport()
        r = it.rect.toAlignedRect()
        return QRect(vp.mapToGlobal(r.topLeft()), r.size())

    def child_for(self, key: str) -> EventAccessible:
        ch = self._children.get(key)
        if ch is None:
            ch = EventAccessible(self, key)
            QAccessible.registerAccessibleInterface(ch)
            self._children[key] = ch
        return ch

    # -- QAccessibleInterface --------------------------------------------------------------------------
    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            return self.widget().accessibleName() or translate("TimelineAccess", "Timeline")
        if t == QAccessible.Text.Description:
            c = self._canvas()
            return visible_range_text(c.state()) if c is not None else ""
        return str(super().text(t))

    def childCount(self) -> int:
        return len(self.items()) + super().childCount()

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        items = self.items()
        if 0 <= index < len(items):
            return self.child_for(items[index].key)
        return super().child(index - len(items)) if index >= 0 else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, EventAccessible):
            return self.index_of_key(child.key)
        k = super().indexOfChild(child)
        return k + len(self.items()) if k >= 0 else -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        if not self.canvas_has_focus():
            return None
        for it in self.items():
            if it.selected:
                return self.child_for(it.key)
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        for it in self.items():
            if self.global_rect(it).contains(x, y):
                return self.child_for(it.key)
        return super().childAt(x, y)

    def state(self) -> QAccessible.State:
        s = super().state()
        s.multiSelectable = False
        return s


_made: dict[int, QAccessibleWidget] = {}


def _factory(classname: str, obj: QObject) -> QAccessibleInterface | None:
    iface: QAccessibleWidget
    # the keys overlay by its class's name: its module is imported when `?` is first pressed
    if classname == "HelpOverlay" and isinstance(obj, QWidget):  # a painted veil to Qt; a dialog to the user
        iface = QAccessibleWidget(obj, QAccessible.Role.Dialog, obj.accessibleName())
    elif isinstance(obj, ChronologyCanvas):
        iface = TimelineAccessible(obj)
    else:
        return None
    key = id(obj)
    _made[key] = iface  # Qt's cache holds the C++ side; this keeps the Python side alive
    obj.destroyed.connect(lambda *_: _made.pop(key, None))
    return iface


_installed = False


def install() -> None:
    """Register the factory once per process (before the first canvas is asked for)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


class TimelineAnnouncer(QObject):
    """Tells assistive technology what the keys did on the timeline (see the module docstring)."""

    RANGE_PAUSE_MS = 450

    def __init__(self, canvas: ChronologyCanvas) -> None:
        super().__init__(canvas)
        install()
        self._canvas = canvas
        self._state = canvas.state()
        self._watch = input_watch()
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(self.RANGE_PAUSE_MS)
        self._range_timer.timeout.connect(self._announce_range)
        self._selection_pending = False
        self.last_announcement = ""
        self._state.selection_changed.connect(self._on_selection)
        self._state.range_changed.connect(self._on_range)

    def _iface(self) -> TimelineAccessible | None:
        iface = QAccessible.queryAccessibleInterface(self._canvas)
        return iface if isinstance(iface, TimelineAccessible) else None

    def _on_selection(self, sel: Selection | None) -> None:
        if not self._selection_pending:
            self._selection_pending = True
            # after this turn of the loop: the view has moved to the selection and laid it out
            QTimer.singleShot(0, self._announce_selection)

    def _announce_selection(self) -> None:
        self._selection_pending = False
        if not shiboken6.isValid(self._canvas):
            return
        sel = self._state.selection
        chron = self._state.chronology
        if sel is not None and sel.indicator_id is not None and sel.point_index is not None:
            # a point of a plot (".", "," along a series; a link in the detail pane)
            self.last_announcement = point_speech(chron, sel.indicator_id, sel.point_index)
            if self._canvas.hasFocus():
                QAccessible.updateAccessibility(
                    QAccessibleAnnouncementEvent(self._canvas, self.last_announcement)
                )
            return
        if sel is None or sel.event_id is None:
            return
        ev = chron.event(sel.event_id)
        if ev is None:
            return
        self.last_announcement = event_speech(chron, ev)
        if not QAccessible.isActive():  # no assistive technology listens: nothing to lay out
            return
        iface = self._iface()
        if iface is None or not self._canvas.hasFocus():
            return
        iface.items()
        child = iface.child_for(sel.event_id)
        if iface.item_for(sel.event_id) is None:
            return
        QAccessible.updateAccessibility(QAccessibleEvent(child, QAccessible.Event.Focus))
        QAccessible.updateAccessibility(QAccessibleEvent(child, QAccessible.Event.Selection))
        ev_ad = QAccessibleEvent(iface, QAccessible.Event.ActiveDescendantChanged)
        ev_ad.setChild(iface.indexOfChild(child))
        QAccessible.updateAccessibility(ev_ad)

    def _on_range(self, *_: object) -> None:
        if self._watch.last_key > self._watch.last_mouse and self._canvas.hasFocus():
            self._range_timer.start()

    def _announce_range(self) -> None:
        if not shiboken6.isValid(self._canvas) or not self._canvas.hasFocus():
            return
        text = visible_range_text(self._state)
        self.last_announcement = text
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._canvas, text))


__all__ = ["EventAccessible", "TimelineAccessible", "TimelineAnnouncer", "install", "visible_range_text"]
