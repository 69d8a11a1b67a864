"""Saved views: a named place in a chronology to come back to (the range, the selection, the
filters, the hidden lanes and the plots shown). No Qt here.

A view is a small frozen value. The window keeps a chronology's views in the user's settings
(never in the chronology's files), exports them as a small JSON file and imports them again;
``timeline-app render --view`` draws one. The file::

    {"timeline_app_views": 1,
     "views": [{"name": "Xiong'an", "start": 17000.0, "end": 17400.0, "selected": "xiongan-founded",
                "filter": {"tags": ["symposium"]}, "hidden_lanes": ["ecology"],
                "plots": [["PM2.5 annual mean concentration", "µg/m³"]]}]}
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from ..text import QT_TRANSLATE_NOOP, Message
from .filters import EventFilter
from .view_state import Selection, TimeRange, ViewState

FORMAT_KEY = "timeline_app_views"
FORMAT_VERSION = 1


class ViewFileError(ValueError):
    """A views file that cannot be read; the message is for the reader, said in the language of the
    moment it is shown."""

    def __init__(self, template: str, *args: object) -> None:
        self.said = Message("ViewFiles", template, *args)
        super().__init__(self.said)

    def __str__(self) -> str:
        return str(self.said)


@dataclass(frozen=True)
class SavedView:
    name: str
    start: float
    end: float
    selected: str | None = None  # an event id
    filter: EventFilter = field(default_factory=EventFilter)
    hidden_lanes: frozenset[str] = frozenset()
    plots: tuple[tuple[str, str], ...] | None = None  # (measure, unit) shown; None: leave as is

    @property
    def range(self) -> TimeRange:
        return TimeRange(self.start, self.end)

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "start": self.start, "end": self.end}
        if self.selected:
            out["selected"] = self.selected
        if self.filter.active:
            out["filter"] = self.filter.to_data()
        if self.hidden_lanes:
            out["hidden_lanes"] = sorted(self.hidden_lanes)
        if self.plots is not None:
            out["plots"] = [list(k) for k in self.plots]
        return out

    @classmethod
    def from_data(cls, data: object) -> SavedView:
        """Raises :class:`ViewFileError` when ``data`` is not a view."""
        if not isinstance(data, dict):
            raise ViewFileError(
                QT_TRANSLATE_NOOP("ViewFiles", "a view is an object with a name, a start and an end")
            )
        name, start, end = data.get("name"), data.get("start"), data.get("end")
        if not isinstance(name, str) or not name.strip():
            raise ViewFileError(QT_TRANSLATE_NOOP("ViewFiles", "a view needs a name"))
        if not all(_number(v) for v in (start, end)) or not float(end) > float(start):  # type: ignore[arg-type]
            raise ViewFileError(
                QT_TRANSLATE_NOOP("ViewFiles", "view '%1': start and end are epoch days, start before end"),
                name,
            )
        sel = data.get("selected")
        lanes = data.get("hidden_lanes")
        plots = data.get("plots")
        return cls(
            name=name.strip(),
            start=float(start),  # type: ignore[arg-type]
            end=float(end),  # type: ignore[arg-type]
            selected=sel if isinstance(sel, str) and sel else None,
            filter=EventFilter.from_data(data.get("filter")),
            hidden_lanes=frozenset(x for x in lanes if isinstance(x, str))
            if isinstance(lanes, list)
            else frozenset(),
            plots=(
                tuple((str(k[0]), str(k[1])) for k in plots if isinstance(k, list) and len(k) == 2)
                if isinstance(plots, list)
                else None
            ),
        )


def _number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def capture(state: ViewState, name: str, plots: list[tuple[str, str]] | None = None) -> SavedView:
    """The view the state shows now, named ``name``."""
    r = state.range
    return SavedView(
        name=name.strip(),
        start=r.start,
        end=r.end,
        selected=state.selected_event_id,
        filter=state.event_filter,
        hidden_lanes=state.hidden_lanes,
        plots=None if plots is None else tuple(plots),
    )


def apply(state: ViewState, view: SavedView) -> bool:
    """Show ``view`` (as one step in the history: Back returns to the view left). Lanes, sources and
    events the chronology no longer has are left out. Returns whether anything changed."""
    chron = state.chronology
    changed = state.set_event_filter(view.filter.restricted_to(chron))
    changed |= state.set_hidden_lanes(frozenset(h for h in view.hidden_lanes if h in chron.category_index))
    sel = Selection.event(view.selected) if view.selected and chron.event(view.selected) else None
    changed |= state.set_selection(sel, record=False) if sel != state.selection else False
    changed |= state.jump_to(view.range)
    return changed


def with_view(views: list[SavedView], view: SavedView) -> list[SavedView]:
    """``views`` with ``view`` added, replacing one of the same name (ignoring case) in its place."""
    key = view.name.casefold()
    for k, v in enumerate(views):
        if v.name.casefold() == key:
            return [*views[:k], view, *views[k + 1 :]]
    return [*views, view]


def find(views: list[SavedView], name: str) -> SavedView | None:
    key = name.strip().casefold()
    return next((v for v in views if v.name.casefold() == key), None)


def dumps(views: list[SavedView]) -> str:
    """The views file's text."""
    data = {FORMAT_KEY: FORMAT_VERSION, "views": [v.to_data() for v in views]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def loads(text: str) -> list[SavedView]:
    """The views of a views file (or of one view written alone). Raises :class:`ViewFileError`."""
    try:
        data = json.loads(text)
    except ValueError as e:
        raise ViewFileError(QT_TRANSLATE_NOOP("ViewFiles", "not JSON: %1"), e) from None
    if isinstance(data, dict) and "views" in data:
        items = data["views"]
        if not isinstance(items, list):
            raise ViewFileError(QT_TRANSLATE_NOOP("ViewFiles", "'views' is a list of views"))
    elif isinstance(data, dict):
        items = [data]
    else:
        raise ViewFileError(
            QT_TRANSLATE_NOOP("ViewFiles", "a views file is an object with a list of 'views'")
        )
    return [SavedView.from_data(x) for x in items]
