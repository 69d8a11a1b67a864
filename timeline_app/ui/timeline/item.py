"""The lane timeline: ONE graphics item that paints every event of every lane.

Following pyqtgraph's ``examples/customGraphicsItem.py``, a single :class:`TimelineItem` draws all
events instead of one item per event. Each frame is laid out by
:func:`~timeline_app.ui.timeline.layout.layout_frame` (the visible events found by binary search,
close markers merged into clusters with their count, titles placed without overlapping; a
zoomed-out view of a big chronology is summarised per pixel column from its level-of-detail index
instead of visiting the events), painted by :class:`~timeline_app.ui.timeline.paint.TimelinePainter`
in device pixels (text and markers keep their size at every zoom), and kept as a
:class:`~timeline_app.ui.timeline.frame.Frame` until the view or the data change: the same frame
answers hit-tests, so tooltips and clicks are exact at every zoom.

Search matches are asked of the chronology's search index for the events in view only
(:class:`~timeline_app.geometry.event_arrays.MatchWindow`); when the index is still being built, the
highlight catches up once it is done.

:class:`~timeline_app.ui.timeline.lane_axis.LaneAxisItem` is the timeline's left column.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shiboken6
from PySide6 import QtCore, QtGui

from timeline_app.geometry.event_arrays import EventArrays, MatchWindow
from timeline_app.geometry.filtered_lod import filtered_lane_index
from timeline_app.geometry.layout import LaneGeom, count_text, lane_geometry
from timeline_app.geometry.lod import LaneIndex
from timeline_app.geometry.ticks import AxisTicks
from timeline_app.model.chronology import Chronology
from timeline_app.model.view_state import MIN_SPAN_DAYS, padded_range
from timeline_app.text import escape_html, translate
from timeline_app.ui.drawing.palette import CanvasColors, lane_color
from timeline_app.ui.drawing.view_item import ViewSizedItem
from timeline_app.ui.timeline.frame import ClusterGlyph, Frame, Hit, LayoutInputs, PlacedLabel, event_tooltip
from timeline_app.ui.timeline.layout import LOD_EVENTS, anchor_columns, layout_frame
from timeline_app.ui.timeline.paint import TimelinePainter
from timeline_app.ui.timeline.strip import TimelineStrip
from timeline_app.ui.timeline.style import TimelineFonts

LABEL_MAX_CHARS = 48  # titles are elided beyond this many average characters


class TimelineItem(ViewSizedItem):
    """All events of all lanes, eras in the background. Add it to the timeline's ViewBox with
    ``ignoreBounds=True``; the ViewBox's Y range is irrelevant (lanes are laid out in pixels)."""

    sigEventClicked = QtCore.Signal(str)
    sigZoomRequested = QtCore.Signal(float, float)
    sigBackgroundClicked = QtCore.Signal()

    def __init__(self) -> None:
        super().__init__()
        self._chron = Chronology.build(title="", events=(), categories=())
        self._arrays = EventArrays.empty()
        self._colors = CanvasColors.from_application()
        self._lane_colors: list[QtGui.QColor] = []
        self._hidden = np.zeros(0, dtype=bool)
        self._shown: np.ndarray | None = None  # by event, the filters' mask (None: no filter)
        self._shown_lod: LaneIndex | None = None  # its LaneIndex, for a big chronology
        self._selected = -1
        self._match = MatchWindow(self._arrays, "")
        self._waiting_for_search = False
        self._version = 0
        self._frame: Frame | None = None
        self._frame_key: tuple[float, ...] | None = None
        self._label_cache: dict[tuple[int, bool], tuple[str, float]] = {}
        self._lanes_cache: tuple[tuple[float, ...], list[LaneGeom]] | None = None
        self._painter = TimelinePainter(self)
        self._strip = TimelineStrip(
            self._layout,
            self._painter.body,
            self._painter.labels,
            self._painter.header,
            self._label_in_view,
            self._strip_settled,
            self._alive,
        )
        self._ticks_source: Callable[[float, float, float], AxisTicks] | None = None
        self._shared: dict[str, dict[str, object]] = {}
        self._anchor_cache: tuple[tuple[float, ...], tuple[list[int], np.ndarray, np.ndarray]] | None = None
        self.set_font(QtGui.QGuiApplication.font())

    # -- inputs ---------------------------------------------------------------------------------------
    def set_chronology(self, chron: Chronology, arrays: EventArrays | None = None) -> None:
        self._chron = chron
        self._arrays = arrays if arrays is not None else EventArrays.for_chronology(chron)
        self._hidden = np.zeros(len(chron.categories), dtype=bool)
        self._shown = None
        self._shown_lod = None
        self._selected = -1
        self._match = MatchWindow(self._arrays, "")
        self._waiting_for_search = False
        self._label_cache.clear()
        self._refresh_lane_colors()
        self._painter.reset()
        self._strip.drop()
        self._changed()

    def arrays(self) -> EventArrays:
        return self._arrays

    def chronology(self) -> Chronology:
        return self._chron

    def set_colors(self, colors: CanvasColors) -> None:
        self._colors = colors
        self._refresh_lane_colors()
        self._painter.reset()
        self._strip.drop()
        self.update()

    def colors(self) -> CanvasColors:
        return self._colors

    def lane_qcolor(self, lane: int) -> QtGui.QColor:
        return self._lane_colors[lane] if 0 <= lane < len(self._lane_colors) else self._colors.foreground

    def _refresh_lane_colors(self) -> None:
        self._lane_colors = [lane_color(c.color, self._colors) for c in self._chron.categories]

    def set_font(self, font: QtGui.QFont) -> None:
        self.fonts = f = TimelineFonts.for_font(font)
        self._font, self._bold, self._small, self._small_bold, self._italic = (
            f.font,
            f.bold,
            f.small,
            f.small_bold,
            f.italic,
        )
        self._fm, self._fmb, self._fms = f.fm, f.fmb, f.fms
        self._th, self._r, self._gap = f.th, f.r, f.gap
        self._label_cache.clear()
        self._count_widths: dict[int, float] = {}  # by count (a frame asks for hundreds)
        self._painter.reset()
        self._strip.drop()
        self._changed()

    def header_height(self) -> float:
        return self._th + 4.0

    def set_hidden_lanes(self, hidden_ids: frozenset[str]) -> None:
        self._hidden = np.array([c.id in hidden_ids for c in self._chron.categories], dtype=bool)
        self._changed()

    def set_event_mask(self, shown: np.ndarray | None) -> None:
        """Draw only the events ``shown`` lets through (by event, in the chronology's order): the
        view state's filters. None draws every event."""
        if shown is not None and len(shown) != self._arrays.n:
            shown = None
        if shown is self._shown:
            return
        self._shown = shown
        big = shown is not None and self._arrays.n > LOD_EVENTS
        self._shown_lod = filtered_lane_index(self._arrays, shown) if big and shown is not None else None
        self._changed()

    def event_mask(self) -> np.ndarray | None:
        """By event: whether the filters let it through (None: no filter)."""
        return self._shown

    def event_shown(self, i: int) -> bool:
        """Whether event ``i`` is drawn: its lane is shown and the filters let it through."""
        if not 0 <= i < self._arrays.n:
            return False
        if self.lane_hidden(int(self._arrays.lane[i])):
            return False
        return self._shown is None or bool(self._shown[i])

    def lane_hidden(self, lane: int) -> bool:
        """Whether lane ``lane`` is hidden (False for a lane it does not know)."""
        return bool(self._hidden[lane]) if 0 <= lane < len(self._hidden) else False

    def set_selected(self, event_id: str | None) -> None:
        self._selected = self._arrays.index.get(event_id, -1) if event_id else -1
        self._changed()

    def selected_index(self) -> int:
        return self._selected

    def set_query(self, query: str) -> None:
        """Highlight the events matching ``query``; the search index is asked, lazily, about the
        events in view only (:class:`~timeline_app.geometry.event_arrays.MatchWindow`)."""
        self._match = MatchWindow(self._arrays, query)
        if self._match.active and not self._waiting_for_search:
            # an index still being built answers for the events it has seen: ask again when done
            self._waiting_for_search = self._arrays.when_search_ready(self._search_ready)
        self._changed()

    def _search_ready(self) -> None:
        self._waiting_for_search = False
        if shiboken6.isValid(self):
            self.set_query(self._match.query)

    def query(self) -> str:
        return self._match.query

    def is_match(self, i: int) -> bool:
        return self._match.at(i)

    def matching_ids(self) -> list[str]:
        if not self._match.active:
            return []
        ids = self._arrays.ids
        return [ids[i] for i in np.flatnonzero(self._match.full()).tolist()]

    def version(self) -> int:
        """Changes whenever what is drawn may change (data, lanes, selection, search, font)."""
        return self._version

    def lane_colors(self) -> list[QtGui.QColor]:
        return self._lane_colors

    def shared_cache(self, name: str) -> dict[str, object]:
        """A dictionary kept with this item, for what several views of it compute once per frame
        (the plots' event lines)."""
        return self._shared.setdefault(name, {})

    def hidden_lanes_mask(self) -> np.ndarray:
        """Per lane: hidden."""
        return self._hidden

    def _changed(self) -> None:
        self._version += 1
        self._frame_key = None
        self._lanes_cache = None
        self.update()

    # -- pyqtgraph / Qt hooks -----------------------------------------------------------------------------
    def view_changed(self) -> None:
        self._frame_key = None

    def lanes(self, height: float | None = None) -> list[LaneGeom]:
        """Lane rows, in pixels from the top of the view box."""
        if height is None:
            vb = self.getViewBox()
            height = vb.height() if vb is not None else 0.0
        key = (float(height), float(self._version))
        if self._lanes_cache is not None and self._lanes_cache[0] == key:
            return self._lanes_cache[1]
        cats = self._chron.categories
        hidden = [bool(self._hidden[i]) if i < len(self._hidden) else False for i in range(len(cats))]
        tracks = [
            int(self._arrays.n_tracks[i]) if i < len(self._arrays.n_tracks) else 0 for i in range(len(cats))
        ]
        # a lane holding a headline event keeps a label row above its markers, however squeezed
        a = self._arrays
        headline_lanes = set(a.lane[a.pinned[a.importance[a.pinned] >= 2]].tolist())
        min_rows = [1 if i in headline_lanes else 0 for i in range(len(cats))]
        lanes = lane_geometry(
            float(height), self.header_height(), hidden, tracks, self._th, self._r, min_rows
        )
        self._lanes_cache = (key, lanes)
        return lanes

    def frame(self) -> Frame | None:
        """The current layout (cached until the view, the size or the data change)."""
        dt = self._device_transform()
        vr = self.viewRect()
        if dt is None or vr is None:
            return None
        rect = dt.mapRect(vr)
        if rect.width() <= 1 or rect.height() <= 1:
            return None
        shown = self._strip.frame_for(rect, dt.m31(), self._version)
        if shown is not None:  # the last paint came from the pan strip: answer from what it shows
            return shown
        key = (dt.m11(), dt.m31(), rect.x(), rect.y(), rect.width(), rect.height(), float(self._version))
        if self._frame is not None and self._frame_key == key:
            return self._frame
        self._frame = self._layout(rect, dt.m11(), dt.m31())
        self._frame_key = key
        return self._frame

    def _label(self, i: int, bold: bool) -> tuple[str, float]:
        k = (i, bold)
        hit = self._label_cache.get(k)
        if hit is None:
            fm = self._fmb if bold else self._fm
            title = self._arrays.titles[i]
            if self._arrays.importance[i] >= 2:  # a headline's title is drawn whole
                text = title
            else:
                limit = fm.averageCharWidth() * LABEL_MAX_CHARS
                text = fm.elidedText(title, QtCore.Qt.TextElideMode.ElideRight, limit)
            hit = (text, fm.horizontalAdvance(text))
            self._label_cache[k] = hit
        return hit

    def end_title_room(self, width: float) -> tuple[float, float]:
        """Pixels wanted beyond the plain full view (:func:`padded_range` of the chronology) at
        ``width`` pixels, so that the titles of the first and the last event fit there (see
        :meth:`ViewState.set_fit_room`): the first event's title goes on its right, inside the
        view; the last one's needs its width past the last event, less what the view already
        shows beyond it (a chronology whose indicators run on past its events has room)."""
        a = self._arrays
        if a.n == 0 or width <= 1:
            return (0.0, 0.0)
        base = padded_range(*self._chron.full_range())
        sx = width / base.span
        first, last = int(np.argmin(a.anchor)), int(np.argmax(a.anchor))
        r = float(self._r)
        want_right = r + 2.0 if a.is_span[last] else self._label(last, False)[1] + 2 * r + 8.0
        slack_left = (float(a.anchor[first]) - base.start) * sx
        slack_right = (base.end - float(a.anchor[last])) * sx
        return (max(r + 2.0 - slack_left, 0.0), max(want_right - slack_right, 0.0))

    def layout_inputs(self) -> LayoutInputs:
        """What the layout reads (see :class:`LayoutInputs`), as of now."""
        return LayoutInputs(
            arrays=self._arrays,
            lane_count=len(self._chron.categories),
            hidden=self._hidden,
            selected=self._selected,
            match=self._match,
            fonts=self.fonts,
            lanes=self.lanes,
            label=self._label,
            count_width=self._count_width,
            shown=self._shown,
            shown_lod=self._shown_lod,
        )

    def _layout(self, rect: QtCore.QRectF, sx: float, tx: float) -> Frame:
        return layout_frame(self.layout_inputs(), rect, sx, tx)

    def anchor_columns(
        self, left: float, width: float, sx: float, tx: float, margin: int = 4
    ) -> tuple[list[int], np.ndarray, np.ndarray]:
        """Every shown event counted by lane and pixel column of its anchor (see
        :func:`timeline_app.ui.timeline.layout.anchor_columns`); kept for the frame: every plot
        under the timeline asks the same."""
        key = (left, width, sx, tx, margin, self._version)
        if self._anchor_cache is not None and self._anchor_cache[0] == key:
            return self._anchor_cache[1]
        out = anchor_columns(self.layout_inputs(), left, width, sx, tx, margin)
        self._anchor_cache = (key, out)
        return out

    def _count_width(self, count: int) -> float:
        """Width of a cluster's pill for ``count`` members (at least the text and its padding)."""
        w = self._count_widths.get(count)
        if w is None:
            if len(self._count_widths) > 4096:
                self._count_widths.clear()
            text = count_text(count)
            w = self._count_widths[count] = self._fms.horizontalAdvance(text) + 8
        return w

    # -- painting --------------------------------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt: object, widget: object) -> None:
        if self._paint_from_strip(p):
            return
        fr = self.frame()
        dt = self._device_transform()
        if fr is None or dt is None:
            return
        inv, ok = dt.inverted()
        if not ok:
            return
        # draw in view-port pixels: keep whatever the painter maps those to (screen, image, SVG)
        p.save()
        try:
            p.setTransform(inv * p.transform())
            p.setClipRect(fr.rect)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
            self._painter.paint(p, fr)
        finally:
            p.restore()

    def _paint_from_strip(self, p: QtGui.QPainter) -> bool:
        """Paint from the pan strip if this frame continues a pan (see :mod:`.strip`)."""
        dt = self._device_transform()
        vr = self.viewRect()
        if dt is None or vr is None:
            return False
        rect = dt.mapRect(vr)
        inv, ok = dt.inverted()
        if rect.width() <= 1 or rect.height() <= 1 or not ok:
            return False
        c = self._colors.background
        device = p.device()
        dpr = float(device.devicePixelRatioF()) if device is not None else 1.0
        p.save()
        try:
            p.setTransform(inv * p.transform())
            lanes = self.lanes(rect.height())
            return self._strip.draw(
                p,
                rect,
                dt.m11(),
                dt.m31(),
                self._version,
                dpr,
                c if self.backdrop_is(c) else None,
                lanes[0].top if lanes else 0.0,
            )
        finally:
            p.restore()

    def _label_in_view(self, lab: PlacedLabel, view: Frame) -> bool:
        """Whether the view's own layout could show title ``lab`` where it now is: whole in the
        view (the layout places none across its edges), and a point event's only while its marker
        is in view (it labels no marker off-screen)."""
        rect = view.rect
        if lab.rect.left() < rect.left() - 1 or lab.rect.right() > rect.right() + 1:
            return False
        if bool(self._arrays.is_span[lab.event]):
            return True
        x = view.day_to_x(float(self._arrays.anchor[lab.event]))
        return rect.left() - 1 <= x <= rect.right() + 1

    def _strip_settled(self) -> None:
        """A movement drawn from the pan strip has stopped: the exact frame."""
        self.update()

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and self.getViewBox() is not None

    def strips_made(self) -> int:
        """How many pan strips were laid out and painted (for tests and benchmarks)."""
        return self._strip.strips_made

    def backdrop_is(self, color: QtGui.QColor) -> bool:
        """The view behind the item is already filled with ``color`` (opaque) when it paints: its
        background brush (the canvas sets it to the palette's background), so filling the whole
        timeline with it again (0.3 ms a frame) can be skipped."""
        view = self.getViewWidget()
        if view is None:
            return False
        brush = view.backgroundBrush()
        return bool(
            brush.style() == QtCore.Qt.BrushStyle.SolidPattern
            and brush.color().alpha() == 255
            and brush.color().rgba() == color.rgba()
            and brush.transform().isIdentity()
        )

    def set_ticks_source(self, source: Callable[[float, float, float], AxisTicks] | None) -> None:
        """Where the grid's calendar ticks come from: the time axis's ``ticks_for``, so the grid
        lines fall on the axis's ticks (and are computed once per frame for both)."""
        self._ticks_source = source
        self._painter.reset()
        self.update()

    def ticks_source(self) -> Callable[[float, float, float], AxisTicks] | None:
        return self._ticks_source

    def match_window(self) -> MatchWindow:
        return self._match

    def is_dim(self, i: int) -> bool:
        """Drawn faded: a search is on and ``i`` neither matches nor is selected."""
        return self._match.active and not self._match.at(i) and i != self._selected

    # -- hit-testing -----------------------------------------------------------------------------------------
    def hit(self, pos: QtCore.QPointF) -> Hit | None:
        """What is under ``pos`` (view-port pixels): the selected event first, then markers,
        clusters, labels and bars."""
        fr = self.frame()
        if fr is None or not fr.rect.contains(pos):
            return None
        tol = float(self._r) + 3.0
        x, y = pos.x(), pos.y()
        if fr.selected is not None:
            i, sx_, sy_ = fr.selected
            if not self._arrays.is_span[i] and abs(x - sx_) <= tol and abs(y - sy_) <= tol:
                # on top of a cluster (events of the same date): the cluster, to reach the others
                for cl in fr.clusters:
                    if cl.rect.contains(pos):
                        return Hit("cluster", cluster=cl)
                return Hit("event", i)
        best: tuple[float, int] | None = None
        for i, mx, my in fr.markers:
            if abs(x - mx) <= tol and abs(y - my) <= tol:
                d = (x - mx) ** 2 + (y - my) ** 2
                if best is None or d < best[0]:
                    best = (d, i)
        if best is not None:
            return Hit("event", best[1])
        for cl in fr.clusters:
            if cl.rect.adjusted(-2, -2, 2, 2).contains(pos):
                return Hit("cluster", cluster=cl)
        for lab in fr.labels:
            if lab.rect.contains(pos):
                return Hit("event", lab.event)
        i = fr.span_at(x, y)
        return Hit("event", i) if i >= 0 else None

    def tooltip(self, hit: Hit) -> str:
        chron = self._chron
        if hit.kind == "event":
            ev = chron.events[hit.event]
            cat = chron.category_index.get(ev.category)
            return event_tooltip(ev, cat.name if cat else ev.category)
        cl = hit.cluster
        assert cl is not None
        members = self.cluster_members(cl)
        names = "".join(f"<br>• {escape_html(self._arrays.titles[i])}" for i in members[:8])
        rest = max(cl.count - min(len(members), 8), 0)  # as many as the pill says
        more = "<br>" + translate("Timeline", "… and %Ln more", None, rest) if rest > 0 else ""
        lane = chron.categories[cl.lane].name if cl.lane < len(chron.categories) else ""
        if self._separable(cl):
            action = translate("Timeline", "Click to zoom in.")
        else:
            action = translate("Timeline", "Click to select the next one.")
        n = cl.count
        count = translate("Timeline", "%Ln event(s)", None, n)
        return f"<b>{count}</b> <i>({escape_html(lane)})</i>{names}{more}<br>{action}"

    def cluster_members(self, cl: ClusterGlyph) -> list[int]:
        a = self._arrays
        fr = self._frame
        tol = 1.0 / fr.sx if fr is not None else 0.0
        idx = a.visible(cl.day_lo - tol, cl.day_hi + tol)
        # as the layout counts them: the lane's point events that are drawn, neither selected nor
        # major or headline (those are drawn alone)
        keep = (a.lane[idx] == cl.lane) & ~a.is_span[idx] & (idx != self._selected) & (a.importance[idx] == 0)
        if self._shown is not None:
            keep &= self._shown[idx]
        sel = idx[keep]
        anch = a.anchor[sel]
        out: list[int] = sel[(anch >= cl.day_lo - tol) & (anch <= cl.day_hi + tol)].tolist()
        return out

    def _separable(self, cl: ClusterGlyph) -> bool:
        fr = self._frame
        width = fr.rect.width() if fr is not None else 1000.0
        members = self.cluster_members(cl)
        if not members:
            return False
        anch = self._arrays.anchor[members]
        return float(anch.max() - anch.min()) * width / MIN_SPAN_DAYS >= self._gap

    def zoom_range_for(self, cl: ClusterGlyph) -> tuple[float, float]:
        """A range that spreads a cluster's members over most of the view."""
        members = self.cluster_members(cl)
        lo, hi = cl.day_lo, cl.day_hi
        if members:
            anch = self._arrays.anchor[members]
            lo, hi = float(anch.min()), float(anch.max())
        span = hi - lo
        mid = (hi + lo) / 2
        half = max(span * 0.8, 1.0 / 48.0)
        return (mid - half, mid + half)

    def activate(self, hit: Hit | None) -> None:
        """What a click does: select an event, zoom into a cluster (or, when its members share a
        date and zooming cannot separate them, select them one after another)."""
        if hit is None:
            self.sigBackgroundClicked.emit()
        elif hit.kind == "event":
            self.sigEventClicked.emit(self._arrays.ids[hit.event])
        elif hit.cluster is not None:
            cl = hit.cluster
            if self._separable(cl):
                self.sigZoomRequested.emit(*self.zoom_range_for(cl))
            else:
                members = self.cluster_members(cl)
                after = [m for m in members if m > self._selected]
                pick = (after or members or [-1])[0]
                if pick >= 0:
                    self.sigEventClicked.emit(self._arrays.ids[pick])

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        view = self.getViewWidget()
        if view is None:
            return
        pos = view.mapFromScene(ev.scenePos())
        ev.accept()
        self.activate(self.hit(QtCore.QPointF(pos)))

    # -- for tests and for the canvas -----------------------------------------------------------------------
    def placed_labels(self) -> list[tuple[str, QtCore.QRectF]]:
        fr = self.frame()
        return (
            []
            if fr is None
            else [(self._arrays.ids[lab.event], QtCore.QRectF(lab.rect)) for lab in fr.labels]
        )

    def clusters(self) -> list[ClusterGlyph]:
        fr = self.frame()
        return [] if fr is None else list(fr.clusters)

    def drawn_event_ids(self) -> set[str]:
        """Events drawn individually (markers and bars, the selected one included)."""
        fr = self.frame()
        if fr is None:
            return set()
        ids = {self._arrays.ids[i] for i, _, _ in fr.markers}
        ids |= {self._arrays.ids[i] for i in fr.span_event.tolist()}
        if fr.selected is not None:
            ids.add(self._arrays.ids[fr.selected[0]])
        return ids

    def event_position(self, event_id: str) -> QtCore.QPointF | None:
        """Where to click to hit ``event_id`` (view-port pixels), if it is drawn on its own."""
        fr = self.frame()
        i = self._arrays.index.get(event_id, -1)
        if fr is None or i < 0:
            return None
        if fr.selected is not None and fr.selected[0] == i and not self._arrays.is_span[i]:
            return QtCore.QPointF(fr.selected[1], fr.selected[2])
        for j, x, y in fr.markers:
            if j == i:
                return QtCore.QPointF(x, y)
        rc = fr.span_rect(i)
        if rc is not None:
            vis = rc.intersected(fr.rect)
            if vis.width() > 0:
                return QtCore.QPointF(vis.left() + min(vis.width() / 2, 6.0), vis.center().y())
        return None
