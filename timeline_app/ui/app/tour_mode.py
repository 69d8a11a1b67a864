"""Go ▸ Tours: play one of the chronology's tours (docs/FORMAT.md, "tours") in the window.

Starting a tour remembers the view (range, selection, hidden lanes, plots); each stop then sets the
lanes and plots it names, selects its event and eases the range there over a short transition
(instant when reduced motion is asked for: View ▸ Reduce motion, or ``TIMELINE_APP_REDUCED_MOTION=1``);
the caption under the timeline says the tour's title, "3 / 12" and the stop's text. Leaving (Esc)
puts the remembered view back. Everything goes through the shared :class:`ViewState` and the
canvas's public methods.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from timeline_app.model.chronology import Chronology
from timeline_app.model.filters import EventFilter
from timeline_app.model.records import Tour
from timeline_app.model.tours import TourPosition, between, stop_view
from timeline_app.model.view_state import Selection, TimeRange, ViewState
from timeline_app.text import fill, translate
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.settings import Settings
from timeline_app.ui.panels.detail_pane import event_when
from timeline_app.ui.panels.tour_caption import TourCaption

TRANSITION_MS = 450  # long enough to follow, short enough not to wait for
PlotKey = tuple[str, str]


def reduced_motion_from_env() -> bool:
    return os.environ.get("TIMELINE_APP_REDUCED_MOTION", "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class SavedView:
    """The view before the tour, put back when it ends."""

    range: TimeRange
    selection: Selection | None
    hidden: frozenset[str]
    plots: tuple[PlotKey, ...]
    event_filter: EventFilter


class TourMode(QObject):
    """The window's tour: its caption, starting, stepping and leaving."""

    changed = Signal()  # a tour started, moved to another stop, or ended

    def __init__(self, state: ViewState, canvas: ChronologyCanvas, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.canvas = canvas
        self.caption = TourCaption()
        self.reduced_motion = reduced_motion_from_env()
        self.position: TourPosition | None = None
        self._before: SavedView | None = None
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.Linear)  # the easing is the model's (tours.between)
        self._from = self._to = state.range
        self._anim.valueChanged.connect(self._on_frame)
        state.chronology_changed.connect(self._on_chronology)

    @property
    def active(self) -> bool:
        return self.position is not None

    @property
    def animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def tours(self) -> tuple[Tour, ...]:
        return self.state.chronology.tours

    # -- starting, moving, leaving ----------------------------------------------------------------
    def start(self, tour_id: str, index: int = 0) -> bool:
        tour = self.state.chronology.tour(tour_id)
        if tour is None:
            return False
        s = self.state
        if self._before is None:
            plots = tuple(self.canvas.shown_plots())
            self._before = SavedView(s.range, s.selection, s.hidden_lanes, plots, s.event_filter)
        self.position = TourPosition(tour, index)
        self._show_stop()
        return True

    def step(self, kind: str) -> bool:
        """``next``, ``prev``, ``first`` or ``last``; False when no tour runs."""
        pos = self.position
        if pos is None:
            return False
        moved = {"next": pos.next, "prev": pos.prev, "first": pos.first, "last": pos.last}[kind]()
        if moved:
            self._show_stop()
        return True

    def leave(self) -> bool:
        """End the tour and put back the view it started from."""
        if self.position is None:
            return False
        self._anim.stop()
        self.position = None
        self.caption.hide()
        before, self._before = self._before, None
        if before is not None:
            s = self.state
            s.set_hidden_lanes(before.hidden)
            s.set_event_filter(before.event_filter)
            self.canvas.set_shown_plots(list(before.plots))
            s.set_selection(before.selection, record=False)
            s.set_time_range(before.range)
        self.changed.emit()
        return True

    def _show_stop(self) -> None:
        pos = self.position
        if pos is None:
            return
        c = self.state.chronology
        view = stop_view(c, pos.stop)
        s = self.state
        s.set_hidden_lanes(view.hidden_lanes)  # first: hiding a lane unselects its events
        if view.event_id and not s.passes_filter(view.event_id):  # the tour shows what it is about
            s.set_event_filter(EventFilter())
        keys = view.plot_keys if view.plot_keys is not None else tuple(c.default_plot_keys())
        self.canvas.set_shown_plots(list(keys))
        s.set_selection(Selection.event(view.event_id) if view.event_id else None, record=False)
        self._move_to(view.range)
        ev = c.event(view.event_id) if view.event_id else None
        self.caption.show_stop(
            pos.tour.title, pos.index, pos.count, view.heading, event_when(ev) if ev else "", pos.stop.text
        )
        self.changed.emit()

    def _move_to(self, target: TimeRange) -> None:
        self._anim.stop()
        if self.reduced_motion:
            self.state.set_time_range(target)
            return
        self._from, self._to = self.state.range, target
        self._anim.setDuration(TRANSITION_MS)
        self._anim.start()

    def _on_frame(self, value: object) -> None:
        t = float(value) if isinstance(value, (int, float)) else 0.0
        self.state.set_time_range(between(self._from, self._to, t))

    def _on_chronology(self, chronology: Chronology) -> None:
        """A reload keeps the tour where it is if it is still there; another chronology ends it."""
        pos = self.position
        if pos is None:
            return
        tour = chronology.tour(pos.tour.id)
        if tour is None:
            self.leave()
            return
        self.position = TourPosition(tour, pos.index)
        self._show_stop()

    def retranslate(self) -> None:
        """View ▸ Reduce motion in the current language (the tours menu is filled when it opens)."""
        if hasattr(self, "motion"):
            self.motion.setText(translate("Tours", "Reduce motion"))
            self.motion.setStatusTip(
                translate("Tours", "Move between tour stops at once, without an animated transition")
            )

    # -- the window's menus ------------------------------------------------------------------------------
    def motion_action(self, settings: Settings) -> QAction:
        """View ▸ Reduce motion: tour stops change at once rather than over a transition (kept in
        the settings; ``TIMELINE_APP_REDUCED_MOTION=1`` turns it on as well)."""
        act = self.motion = QAction(self)
        act.setObjectName("reduce-motion")
        act.setCheckable(True)
        self.retranslate()
        self.reduced_motion = self.reduced_motion or settings.reduced_motion()
        act.setChecked(self.reduced_motion)

        def toggled(on: bool) -> None:
            self.reduced_motion = on
            settings.set_reduced_motion(on)

        act.toggled.connect(toggled)
        return act

    def attach_menu(self, menu: QMenu) -> None:
        """Go ▸ Tours lists the chronology's tours, numbered for the keyboard."""
        menu.aboutToShow.connect(lambda: self.fill_menu(menu))
        self.fill_menu(menu)

    # -- Go ▸ Tours ------------------------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        menu.clear()
        tours = self.tours()
        for k, tour in enumerate(tours, start=1):
            number = f"&{k}  " if k < 10 else ""
            stops = len(tour.stops)
            label = fill(translate("Tours", "%1 (%Ln stop(s))", None, stops), tour.title)
            act = menu.addAction(number + label.replace("&", "&&"))
            act.setObjectName(f"tour-{tour.id}")
            act.setStatusTip(tour.description or tour.title)
            act.triggered.connect(lambda _=False, t=tour.id: self.start(t))
        if not tours:
            menu.addAction(translate("Tours", "This chronology has no tours")).setEnabled(False)
