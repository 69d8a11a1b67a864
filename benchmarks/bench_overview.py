"""The overview band's cost: a pan step of the canvas with the band shown against the same step
without it, in the same run, interleaved (so the machine's own drift falls on both alike), and the
one-off density of the chronology.

    python benchmarks/bench_overview.py N     # a synthetic chronology of N events (generate.py)
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_render import _app, _pan_ranges, _settle, _views  # noqa: E402
from timeline_app.model.chronology import Chronology  # noqa: E402
from timeline_app.model.view_state import ViewState  # noqa: E402


def measure_overview(chron: Chronology, *, steps: int = 40, rounds: int = 3) -> dict[str, Any]:
    """Keys: ``density_ms`` (made once per chronology), ``pan_full_band_median_ms`` and
    ``pan_full_no_band_median_ms`` (a pan step at the full view: the state moved, the canvas and the
    band repainted), the same at a month, and ``band_paint_median_ms`` (the band alone)."""
    app = _app()
    from PySide6 import QtWidgets

    from timeline_app.geometry.overview import compute_density
    from timeline_app.ui.app.canvas import ChronologyCanvas
    from timeline_app.ui.timeline.overview_band import OverviewBand

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    compute_density(chron)
    out["density_ms"] = (time.perf_counter() - t0) * 1000.0
    state = ViewState(chron)
    box = QtWidgets.QWidget()
    lay = QtWidgets.QVBoxLayout(box)
    canvas = ChronologyCanvas(state)
    band = OverviewBand(state)
    lay.addWidget(canvas, 1)
    lay.addWidget(band, 0)
    box.resize(1600, 960)
    box.show()
    _settle(app)
    vp = canvas.graphics_view().viewport()
    taken: dict[str, list[float]] = {}
    band_paint: list[float] = []
    try:
        for _ in range(rounds):
            for name, (lo, hi) in _views(chron).items():
                for shown in (True, False):
                    band.setVisible(shown)
                    _settle(app)
                    state.set_range(lo, hi)
                    vp.repaint()
                    key = f"pan_{name}_{'band' if shown else 'no_band'}"
                    for a, b in _pan_ranges(lo, hi, steps):
                        t0 = time.perf_counter()
                        state.set_range(a, b)
                        vp.repaint()
                        if shown:
                            t1 = time.perf_counter()
                            band.repaint()
                            band_paint.append(time.perf_counter() - t1)
                        taken.setdefault(key, []).append(time.perf_counter() - t0)
        for key, times in taken.items():
            out[f"{key}_median_ms"] = statistics.median(times) * 1000.0
        out["band_paint_median_ms"] = statistics.median(band_paint) * 1000.0
    finally:
        box.close()
        box.deleteLater()
        _settle(app)
        gc.collect()
    return out


def main() -> int:
    import json

    from benchmarks.generate import write
    from timeline_app.io import load_chronology

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    import tempfile

    with tempfile.TemporaryDirectory(prefix="timeline-overview-") as tmp:
        chron = load_chronology(write(n, Path(tmp) / f"events-{n}.yaml"))
    print(json.dumps({"events": n, **measure_overview(chron)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
