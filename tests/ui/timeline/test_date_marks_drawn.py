"""Each EDTF kind is drawn so that a reader tells it from a plain date: the image changes beside
the marker (question mark, open end), and approximate dates are outlined differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui

from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate
from timeline_app.ui.headless.render import render_chronology

D = PartialDate.parse


def _image(tmp_path: Path, start: str, end: str | None = None) -> QtGui.QImage:
    ev = Event("e", "An event", D(start), "x", end=D(end) if end else None)
    c = Chronology.build(title="t", events=[ev], categories=[Category("x", "Lane", "#4e79a7", 0)])
    lo, hi = D("2008").first_day(), D("2022").end_day()
    name = f"{start}-{end}".replace("/", "_").replace("?", "q").replace("%", "p")
    out = render_chronology(c, tmp_path / f"{name}.png", size=(800, 300), start=lo, end=hi, plots=0)
    return QtGui.QImage(str(out))


@pytest.mark.parametrize(
    ("plain", "marked"),
    [
        ("2014", "2014?"),
        ("2014", "2014~"),
        ("2014", "../2014"),
        ("2014", "2014/.."),
        ("2014", "201X"),
        ("2014-03", "2014-03%"),
    ],
)
def test_a_marked_point_looks_different(qtbot, tmp_path: Path, plain: str, marked: str) -> None:  # type: ignore[no-untyped-def]
    assert _image(tmp_path, plain) != _image(tmp_path, marked)


def test_a_span_open_at_the_end_looks_different(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert _image(tmp_path, "2012", "2016") != _image(tmp_path, "2012", "2016/..")
    assert _image(tmp_path, "2012", "2016") != _image(tmp_path, "2012", "2016?")
