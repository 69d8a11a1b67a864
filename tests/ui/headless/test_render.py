"""Rendering a chronology to a file, through the same canvas as the window, without a display."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtGui

import timeline_app.ui  # noqa: F401  (binding first)
from tests.geometry.chronologies import small_chronology
from timeline_app.model import PartialDate
from timeline_app.ui.headless.render import render_chronology


def day(text: str) -> float:
    return float(PartialDate.parse(text).first_day())


@pytest.mark.parametrize("size", [(1600, 900), (801, 457)])
def test_png_has_exactly_the_requested_size(qtbot, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    out = render_chronology(small_chronology(), tmp_path / "c.png", size=size)
    img = QtGui.QImage(str(out))
    assert (img.width(), img.height()) == size
    # something was drawn: more than a handful of colours
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 20


def test_png_of_a_range_with_a_selection(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = render_chronology(
        small_chronology(),
        tmp_path / "sub" / "year.png",
        size=(1200, 700),
        start=day("2015"),
        end=day("2016"),
        select="outline",
        hidden=frozenset({"ecology"}),
    )
    assert QtGui.QImage(str(out)).size().toTuple() == (1200, 700)


def _diff_box(a: Path, b: Path) -> tuple[int, int, int, int] | None:
    """Bounding box (x0, y0, x1, y1) of the pixels that differ between two images of one size."""
    ia, ib = QtGui.QImage(str(a)), QtGui.QImage(str(b))
    xs, ys = [], []
    for y in range(0, ia.height(), 2):
        for x in range(0, ia.width(), 2):
            if ia.pixel(x, y) != ib.pixel(x, y):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def test_the_selection_and_the_range_show_where_they_should(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What a reader of the image sees: selecting an event changes the picture around that event
    (the ring and bold label on the timeline, the marker on the plots), and nowhere far from it."""
    kw = {"size": (1200, 700), "start": day("2015"), "end": day("2016")}
    plain = render_chronology(small_chronology(), tmp_path / "plain.png", **kw)
    chosen = render_chronology(small_chronology(), tmp_path / "chosen.png", select="outline", **kw)
    box = _diff_box(plain, chosen)
    assert box is not None, "selecting an event changed nothing in the image"
    # 'outline' is on 2015-04-30: a third of the way through the year shown, right of the lane column
    from timeline_app.ui.app.canvas import ChronologyCanvas

    left = ChronologyCanvas.LANE_COLUMN_WIDTH
    x = left + (day("2015-04-30") - day("2015")) / (day("2016") - day("2015")) * (1200 - left)
    assert box[0] - 40 <= x <= box[2] + 40
    assert box[2] - box[0] < 700  # the change is local, not the whole picture


def test_a_hidden_lane_is_collapsed_in_the_image(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kw = {"size": (1200, 700)}
    shown = render_chronology(small_chronology(), tmp_path / "shown.png", **kw)
    hidden = render_chronology(
        small_chronology(), tmp_path / "hidden.png", hidden=frozenset({"ecology"}), **kw
    )
    assert _diff_box(shown, hidden) is not None


def test_svg_is_written(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = render_chronology(small_chronology(), tmp_path / "c.svg", size=(1400, 800))
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = out.read_text(encoding="utf-8")
    assert "First symposium" in text  # text stays text
    assert 'viewBox="0 0 1400 800"' in text


def test_render_shows_every_plot(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.ui.app import canvas as canvas_module

    seen: list[int] = []
    original = canvas_module.ChronologyCanvas.set_render_mode

    def spy(self, on: bool) -> None:  # type: ignore[no-untyped-def]
        original(self, on)
        seen.append(len(self.indicator_plot_items()))
        heights = [p.geometry().height() for p in self.all_plot_items()]
        assert all(h > 0 for h in heights)

    monkeypatch.setattr(canvas_module.ChronologyCanvas, "set_render_mode", spy)
    render_chronology(small_chronology(), tmp_path / "c.png", size=(1000, 600))
    assert seen == [3]


def test_bad_requests(tmp_path: Path) -> None:
    chron = small_chronology()
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        render_chronology(chron, tmp_path / "c.jpg")
    with pytest.raises(ValueError, match="no event"):
        render_chronology(chron, tmp_path / "c.png", select="nope")
    with pytest.raises(ValueError, match="no category"):
        render_chronology(chron, tmp_path / "c.png", hidden=frozenset({"nope"}))
    with pytest.raises(ValueError, match="after its start"):
        render_chronology(chron, tmp_path / "c.png", start=10.0, end=5.0)


def test_plots_chosen_by_room_number_or_name() -> None:
    from timeline_app.ui.headless.render import PLOT_SHARE, READABLE_PLOT_HEIGHT, choose_plots

    keys = [("GDP", "yuan"), ("PM2.5", "µg/m³"), ("R&D", "%"), ("Jobs", "people")]
    assert choose_plots(keys, None, 900) == keys[: int(900 * PLOT_SHARE // READABLE_PLOT_HEIGHT)]
    assert choose_plots(keys, None, 2400) == keys
    assert choose_plots(keys, None, 150) == keys[:1]
    assert choose_plots(keys, 0, 900) == []
    assert choose_plots(keys, 10**6, 300) == keys
    assert choose_plots(keys, ["R&D", "GDP"], 300) == [keys[0], keys[2]]
    with pytest.raises(ValueError, match="no plot named 'Nope'"):
        choose_plots(keys, ["Nope"], 300)
