"""The moments a chronology is known for are readable at its first view: the label layout places
the title of every headline event in view, in the window and in a rendered image."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, Qt

import timeline_app.ui  # noqa: F401  (binding first)
from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.io import load_chronology
from timeline_app.model import Chronology
from timeline_app.paths import shipped_chronology
from timeline_app.ui.app.canvas import ChronologyCanvas
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

SHIPPED_HEADLINES = {
    "symposium-2014",
    "xiongan-founded",
    "winter-olympics-2022",
    "subcentre-second-batch-2024",
}


def headline_ids(chron: Chronology) -> set[str]:
    return {e.id for e in chron.events if e.importance == "headline"}


def check_headlines_labelled(canvas: ChronologyCanvas, chron: Chronology) -> None:
    """Every headline event is labelled with its whole title, inside the timeline, and no label
    overlaps another."""
    labels = canvas.placed_labels()
    placed = {eid for eid, _ in labels}
    assert headline_ids(chron) <= placed, headline_ids(chron) - placed
    view = QRectF(canvas.rect())
    rects = [rc for _, rc in labels]
    for eid, rc in labels:
        if eid in headline_ids(chron):
            assert view.contains(rc), (eid, rc, view)
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            assert not rects[i].intersects(rects[j]), (labels[i][0], labels[j][0])


def test_shipped_headlines_are_the_four_moments() -> None:
    assert headline_ids(load_chronology(shipped_chronology())) == SHIPPED_HEADLINES


def test_headline_titles_are_readable_in_the_window_at_the_first_view(
    qtbot, shipped_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    w = shipped_window  # 1280×800
    chron = w.state.chronology
    qtbot.waitUntil(lambda: bool(w.canvas.placed_labels()))
    check_headlines_labelled(w.canvas, chron)
    # zoomed in and back with the keys ("0" shows everything again): still all there
    w.canvas.setFocus()
    for _ in range(3):
        press(qtbot, w, Qt.Key.Key_W)
    press(qtbot, w, Qt.Key.Key_0)
    qtbot.waitUntil(lambda: bool(w.canvas.placed_labels()))
    check_headlines_labelled(w.canvas, chron)


def test_headline_titles_are_readable_in_a_render(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.ui.headless import render

    seen: dict[str, object] = {}
    real = render._render_png

    def spy(canvas, out, w, h):  # type: ignore[no-untyped-def]
        real(canvas, out, w, h)  # the labels are laid out as the image is drawn
        seen["labels"] = canvas.placed_labels()
        seen["view"] = QRectF(canvas.rect())

    chron = load_chronology(shipped_chronology())
    try:
        render._render_png = spy
        render.render_chronology(chron, tmp_path / "full.png", size=(1600, 900))
    finally:
        render._render_png = real
    labels = seen["labels"]
    view = seen["view"]
    assert isinstance(labels, list) and isinstance(view, QRectF)
    assert headline_ids(chron) <= {eid for eid, _ in labels}
    assert all(view.contains(rc) for eid, rc in labels if eid in SHIPPED_HEADLINES)


def test_a_headline_is_never_folded_into_a_cluster(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Thirty events on the days around a headline one: zoomed out they make a cluster pill, and
    the headline stands beside it, with its title."""
    from timeline_app.model import Category, Event, PartialDate, ViewState

    cat = Category("c", "Lane", "#4e79a7", 1)
    events = [Event(f"e{k}", f"Minor {k}", PartialDate(2014, 2, 1 + k), "c") for k in range(28)]
    events.append(
        Event("big", "The moment that matters", PartialDate(2014, 2, 14), "c", importance="headline")
    )
    events.append(Event("late", "Ten years on", PartialDate(2024, 2, 26), "c"))
    chron = Chronology.build(title="t", events=events, categories=[cat])
    state = ViewState(chron)
    canvas = ChronologyCanvas(state)
    qtbot.addWidget(canvas)
    canvas.resize(1000, 500)
    canvas.show()
    qtbot.waitExposed(canvas)
    qtbot.waitUntil(lambda: bool(canvas.placed_labels()))
    a = EventArrays.for_chronology(chron)
    big = int(np.flatnonzero(np.array([a.ids[i] == "big" for i in range(a.n)]))[0])
    tl = canvas.timeline_item()
    clusters = tl.clusters()
    assert clusters, "the minor events around it are clustered at this zoom"
    assert sum(cl.count for cl in clusters) == 28  # ... all of them, and not the headline
    assert "big" in tl.drawn_event_ids()
    assert "big" in {eid for eid, _ in canvas.placed_labels()}
    pos = tl.event_position("big")
    assert pos is not None
    for cl in clusters:  # no pill covers its marker
        assert not cl.rect.contains(pos), (big, cl.rect, pos)
