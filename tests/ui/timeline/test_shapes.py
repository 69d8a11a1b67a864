"""The timeline's marker shapes: a few diamonds made point by point are the path pyqtgraph makes."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.ui.timeline import shapes


@pytest.mark.parametrize("n", [0, 1, 7, shapes._FEW_DIAMONDS, shapes._FEW_DIAMONDS + 1, 300])
def test_few_diamonds_are_the_same_path(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(n)
    x, y = rng.uniform(-50, 1650, n), rng.uniform(0, 900, n)
    made = shapes.diamond_path(x, y, 4.5)
    monkeypatch.setattr(shapes, "_FEW_DIAMONDS", -1)  # every size through pyqtgraph's arrays
    reference = shapes.diamond_path(x, y, 4.5)
    assert made == reference and made.fillRule() == reference.fillRule()
    if n:  # five elements a diamond: top, right, bottom, left, top again
        assert made.elementCount() == 5 * n
        e = [made.elementAt(k) for k in range(5)]
        cx, cy = float(x[0]), float(y[0])
        corners = [(cx, cy - 4.5), (cx + 4.5, cy), (cx, cy + 4.5), (cx - 4.5, cy), (cx, cy - 4.5)]
        assert [c for p in e for c in (p.x, p.y)] == pytest.approx([c for xy in corners for c in xy])
        assert e[0].isMoveTo() and all(p.isLineTo() for p in e[1:])
