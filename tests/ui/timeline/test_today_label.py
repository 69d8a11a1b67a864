"""The "today" label stays whole when the view ends just after today (the full view of a chronology
running up to now): it goes before the line instead of being cut at the edge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6 import QtGui

from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate, days_from_civil
from timeline_app.ui.headless.render import render_chronology


def _today_pixels(tmp_path: Path, days_after: float) -> int:
    """Pixels of the today colour (#e15759, anti-aliased) in the header row above the lanes."""
    ev = Event("e", "An event", PartialDate.parse("2014"), "x")
    c = Chronology.build(title="t", events=[ev], categories=[Category("x", "Lane", "#4e79a7", 0)])
    t = dt.date.today()
    today = days_from_civil(t.year, t.month, t.day)
    out = render_chronology(
        c,
        tmp_path / f"t{days_after}.png",
        size=(800, 200),
        start=today - 3000,
        end=today + days_after,
        plots=0,
    )
    img = QtGui.QImage(str(out))
    n = 0
    for y in range(0, 24):
        for x in range(img.width()):
            col = img.pixelColor(x, y)
            if col.red() > 170 and col.green() < 140 and col.blue() < 140 and col.red() - col.green() > 60:
                n += 1
    return n


def test_the_today_label_is_whole_at_the_right_edge(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    room = _today_pixels(tmp_path, 400.0)  # the label beside the line, with room to spare
    edge = _today_pixels(tmp_path, 2.0)  # the view ends two days after today
    assert room > 20
    assert edge >= 0.8 * room
