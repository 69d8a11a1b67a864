"""One frame of the lane timeline: what is drawn where, in view-port pixels.

A :class:`Frame` is made by :meth:`TimelineItem.frame` (layout), painted by
:mod:`timeline_app.ui.timeline.paint` and used for hit-testing; bars are kept as numpy arrays
(hundreds of them at a zoomed-out view), the rest as small Python objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from PySide6 import QtCore

from timeline_app.geometry.event_arrays import EventArrays, MatchWindow
from timeline_app.geometry.layout import LaneGeom
from timeline_app.geometry.lod import LaneIndex, MatchTables
from timeline_app.model.chronology import Event
from timeline_app.text import escape_html, fill, translate
from timeline_app.ui.timeline.style import TimelineFonts


@dataclass
class PlacedLabel:
    event: int
    rect: QtCore.QRectF
    text: str
    bold: bool
    match: bool
    leader: QtCore.QLineF | None = None


@dataclass
class ClusterGlyph:
    lane: int
    rect: QtCore.QRectF
    count: int
    day_lo: float
    day_hi: float
    match: int


@dataclass
class ClusterSet:
    """The clusters of a frame as arrays (what painting needs); :attr:`Frame.clusters` makes the
    :class:`ClusterGlyph` objects of them when asked (hit-tests, tooltips)."""

    lane: np.ndarray
    box: np.ndarray  # (n, 4): x, y, width, height of each pill
    count: np.ndarray
    day_lo: np.ndarray
    day_hi: np.ndarray
    match: np.ndarray

    @classmethod
    def empty(cls) -> ClusterSet:
        zi = np.empty(0, dtype=np.int64)
        z = np.empty(0)
        return cls(zi, np.empty((0, 4)), zi, z, z, zi)

    def __len__(self) -> int:
        return len(self.lane)


def _boxes_to_rects(boxes: np.ndarray) -> list[QtCore.QRectF]:
    return [QtCore.QRectF(*row) for row in boxes.tolist()]


@dataclass
class Frame:
    """Everything one paint needs, in view-port pixels; also used for hit-testing."""

    rect: QtCore.QRectF
    sx: float
    tx: float
    lanes: list[LaneGeom]
    markers: list[tuple[int, float, float]]  # (event, x, y)
    cluster_set: ClusterSet
    span_event: np.ndarray  # events drawn as bars, in drawing order
    span_box: np.ndarray  # (k, 4): x, y, width, height of each bar
    strip_lane: np.ndarray  # crowded tracks: runs of pixel columns covered by spans, per lane
    strip_box: np.ndarray  # (m, 4)
    labels: list[PlacedLabel]
    selected: tuple[int, float, float] | None  # (event, x, y) of the selected point/span anchor

    @classmethod
    def bare(cls, rect: QtCore.QRectF, sx: float, tx: float, lanes: list[LaneGeom]) -> Frame:
        """A frame of the view and its lanes alone, nothing laid out in it (what the background
        needs)."""
        zi = np.empty(0, dtype=np.int64)
        return cls(
            rect, sx, tx, lanes, [], ClusterSet.empty(), zi, np.empty((0, 4)), zi, np.empty((0, 4)), [], None
        )

    def shifted(
        self, dx: float, rect: QtCore.QRectF, keep_label: Callable[[PlacedLabel], bool] | None = None
    ) -> Frame:
        """This frame moved ``dx`` pixels sideways, keeping what lies in ``rect`` (the view, when
        this frame was laid out for a strip wider than it: see :mod:`timeline_app.ui.timeline.strip`)
        and the titles ``keep_label`` keeps (once moved)."""
        lo, hi = rect.left(), rect.right()
        slack = 16.0  # a marker's glyph reaches this far beyond its centre

        def boxes(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            moved = b.copy()
            moved[:, 0] += dx
            keep = (moved[:, 0] <= hi) & (moved[:, 0] + moved[:, 2] >= lo)
            return keep, moved[keep]

        cs = self.cluster_set
        c_keep, c_box = boxes(cs.box)
        s_keep, s_box = boxes(self.span_box)
        t_keep, t_box = boxes(self.strip_box)
        labels = []
        for lab in self.labels:
            moved_rect = lab.rect.translated(dx, 0.0)
            if moved_rect.right() >= lo and moved_rect.left() <= hi:
                leader = lab.leader.translated(dx, 0.0) if lab.leader is not None else None
                moved = PlacedLabel(lab.event, moved_rect, lab.text, lab.bold, lab.match, leader)
                if keep_label is None or keep_label(moved):
                    labels.append(moved)
        sel = self.selected
        return Frame(
            QtCore.QRectF(rect),
            self.sx,
            self.tx + dx,
            self.lanes,
            [(i, x + dx, y) for i, x, y in self.markers if lo - slack <= x + dx <= hi + slack],
            ClusterSet(
                cs.lane[c_keep],
                c_box,
                cs.count[c_keep],
                cs.day_lo[c_keep],
                cs.day_hi[c_keep],
                cs.match[c_keep],
            ),
            self.span_event[s_keep],
            s_box,
            self.strip_lane[t_keep],
            t_box,
            labels,
            None if sel is None else (sel[0], sel[1] + dx, sel[2]),
        )

    def day_to_x(self, day: float) -> float:
        return day * self.sx + self.tx

    def x_to_day(self, x: float) -> float:
        return (x - self.tx) / self.sx

    @cached_property
    def clusters(self) -> list[ClusterGlyph]:
        """The clusters as objects (made on first use: a zoomed-out frame has hundreds)."""
        cs = self.cluster_set
        return [
            ClusterGlyph(ln, QtCore.QRectF(*box), count, lo, hi, m)
            for ln, box, count, lo, hi, m in zip(
                cs.lane.tolist(),
                cs.box.tolist(),
                cs.count.tolist(),
                cs.day_lo.tolist(),
                cs.day_hi.tolist(),
                cs.match.tolist(),
                strict=True,
            )
        ]

    @cached_property
    def spans(self) -> list[tuple[int, QtCore.QRectF]]:
        """(event, bar rect) of every bar."""
        return list(zip(self.span_event.tolist(), _boxes_to_rects(self.span_box), strict=True))

    def span_rect(self, event: int) -> QtCore.QRectF | None:
        rows = np.flatnonzero(self.span_event == event)
        return QtCore.QRectF(*self.span_box[rows[-1]].tolist()) if len(rows) else None

    def span_at(self, x: float, y: float) -> int:
        """The bar under (x, y) (the last drawn, on top), with a pixel of slack above and below."""
        b = self.span_box
        if not len(b):
            return -1
        inside = (b[:, 0] <= x) & (x <= b[:, 0] + b[:, 2]) & (b[:, 1] - 1 <= y) & (y <= b[:, 1] + b[:, 3] + 1)
        rows = np.flatnonzero(inside)
        return int(self.span_event[rows[-1]]) if len(rows) else -1


@dataclass(frozen=True)
class Hit:
    kind: str  # "event" | "cluster"
    event: int = -1
    cluster: ClusterGlyph | None = None


def event_tooltip(ev: Event, lane_name: str) -> str:
    """Title, date in words with its precision, category."""
    if ev.ongoing:
        when = fill(translate("Timeline", "%1 – ongoing"), ev.start.words_with_precision())
    elif ev.end is not None:
        when = f"{ev.start.words_with_precision()} – {ev.end.words_with_precision()}"
    else:
        when = ev.start.words_with_precision()
    if ev.approximate:
        when += " " + translate("Timeline", "(approximate)")
    return f"<b>{escape_html(ev.title)}</b><br>{escape_html(when)}<br><i>{escape_html(lane_name)}</i>"


@dataclass(frozen=True, eq=False)
class LayoutInputs:
    """What laying out a frame reads of the timeline, handed over by the item
    (:meth:`~timeline_app.ui.timeline.item.TimelineItem.layout_inputs`)."""

    arrays: EventArrays
    lane_count: int
    hidden: np.ndarray  # by lane
    selected: int  # event index, or -1
    match: MatchWindow
    fonts: TimelineFonts
    lanes: Callable[[float], list[LaneGeom]]  # lane rows for a view height
    label: Callable[[int, bool], tuple[str, float]]  # (elided title, width) of an event, bold or not
    count_width: Callable[[int], float]  # a cluster pill's width for a count
    shown: np.ndarray | None = None  # by event: let through by the filters (None: no filter)
    shown_lod: LaneIndex | None = None  # the LaneIndex of those events (a big chronology only)

    @property
    def lane_index(self) -> LaneIndex:
        """The LaneIndex of the events drawn: the filtered one when there is one."""
        return self.shown_lod if self.shown_lod is not None else self.arrays.lod

    def match_tables(self) -> MatchTables | None:
        """The search's counts for the LaneIndex; none for a filtered one (the zoomed-out view
        of a filtered big chronology does not count matches per column)."""
        return self.match.lod_tables() if self.match.active and self.shown_lod is None else None
