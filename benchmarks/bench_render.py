"""Rendering benchmarks: build, first frame, pan and zoom steps of the canvas, and a naive baseline.

Called by ``benchmarks/run.py``; each function returns a dict of floats (milliseconds unless the
key says otherwise) and prints nothing. Run on its own for a quick look::

    python benchmarks/bench_render.py 100000 [--plots 4] [--naive]
    python benchmarks/bench_render.py --file big.yaml --plots 4   # a file (generate.py), read with the cache

A *step* is ``state.set_range(...)`` followed by a synchronous repaint of the whole canvas
(``viewport().repaint()`` on the GraphicsLayoutWidget), so a step's time includes the layout of the
visible events, the date axis and the paint, offscreen. Pans move the view by 1 % of its span, to
and fro; zooms scale it by 3 %, in and out, about its centre. "full" is the whole chronology,
"month" a 30-day view in the middle of it.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from benchmarks.generate import COLORS, WORDS
from timeline_app.model.chronology import Category, Chronology, Event, Indicator, IndicatorPoint
from timeline_app.model.dates import PartialDate, civil_from_days, days_from_civil
from timeline_app.model.view_state import ViewState, padded_range

MONTH_DAYS = 30.0


# -- test chronologies -------------------------------------------------------------------------------------


def synthetic(
    n: int,
    *,
    years: int = 30,
    lanes: int = 8,
    groups: int = 4,
    regions: int = 2,
    series_points: int = 100,
    seed: int = 1,
    shared_dates: bool = True,
) -> Chronology:
    """A chronology like ``benchmarks.generate.build(n)`` made in memory, without YAML: N events over
    ``years`` years in ``lanes`` lanes (one in five a span; day, month and year precision 7:2:1), and
    ``groups`` plot groups of ``regions`` series of ``series_points`` daily points each (every
    tenth point missing its neighbours, so the plots have dotted gaps; every seventh derived).

    Dates are shared between events (a ``PartialDate`` is immutable), which is what makes a million
    events take seconds rather than minutes to make; ``shared_dates=False`` gives every event dates
    of its own, as a loader does (more memory, and more of it to visit when the view is built)."""
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    first = days_from_civil(2024 - years, 1, 1)
    last = days_from_civil(2024, 1, 1)
    cats = tuple(Category(f"lane{i}", f"Lane {i + 1}", COLORS[i % len(COLORS)], i) for i in range(lanes))
    cache: dict[tuple[int, int], PartialDate] = {}

    def date(day: int, precision: int) -> PartialDate:
        if not shared_dates:
            y, m, dd = civil_from_days(day)
            return PartialDate(y, m if precision >= 1 else None, dd if precision >= 2 else None)
        d = cache.get((day, precision))
        if d is None:
            y, m, dd = civil_from_days(day)
            d = cache[(day, precision)] = PartialDate(
                y, m if precision >= 1 else None, dd if precision >= 2 else None
            )
        return d

    days = rng.integers(first, last, n).tolist()
    prec = rng.choice(np.array([2, 1, 0]), n, p=[0.7, 0.2, 0.1]).tolist()
    lane = rng.integers(0, lanes, n).tolist()
    is_span = (rng.random(n) < 0.2).tolist()
    dur = (rng.choice(np.array([3, 30, 200, 800]), n) + 400).tolist()
    words = [rnd.choice(WORDS) for _ in range(4096)]
    titles = [
        " ".join(words[(i * 7 + k * 13) % 4096] for k in range(2 + i % 4)).capitalize() for i in range(n)
    ]
    places = ("Beijing", "Tianjin", "Hebei", "Xiong'an", "Tongzhou")
    events = []
    for i in range(n):
        d0 = days[i]
        start = date(d0, prec[i])
        end = date(min(d0 + dur[i], last + 3000), 2) if is_span[i] else None
        if end is not None and end.first_day() < start.end_day():
            end = date(start.end_day(), 2)
        events.append(
            Event(
                f"e{i}",
                titles[i],
                start,
                cats[lane[i]].id,
                end,
                places=(places[i % 5],) if i % 3 == 0 else (),
                description="",
            )
        )
    inds = []
    for g in range(groups):
        for r in range(regions):
            step = max((last - first) / max(series_points, 1), 1e-9)
            pts = []
            value = 50.0
            for k in range(series_points):
                if k % 10 == 5:
                    continue  # a gap: the line across it is dotted
                value += rng.normal() if series_points > 1000 else rnd.random() - 0.5
                pts.append(
                    IndicatorPoint(
                        date(first + int(k * step), 2), round(value, 3), derived="x / 2" if k % 7 == 3 else ""
                    )
                )
            inds.append(Indicator(f"s{g}-{r}", f"Measure {g + 1}", "index", tuple(pts), region=f"Region {r}"))
    return Chronology.build(title=f"Synthetic, {n:,} events", events=events, categories=cats, indicators=inds)


def load_generated(n: int, path: Path, **kw: int) -> Chronology:
    """The same kind of chronology through the real format: written as YAML, read by the loader."""
    from benchmarks.generate import write
    from timeline_app.io import load_chronology

    write(n, path, **kw)
    return load_chronology(path)  # type: ignore[no-any-return]


# -- helpers -----------------------------------------------------------------------------------------------


def _app() -> Any:
    from PySide6 import QtWidgets

    import timeline_app.ui  # noqa: F401  (chooses the binding)

    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(["bench-render"])
    return app


def _settle(app: Any) -> None:
    from PySide6 import QtCore

    for _ in range(2):
        app.processEvents()
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


def _pan_ranges(lo: float, hi: float, steps: int) -> Iterator[tuple[float, float]]:
    span = hi - lo
    for k in range(1, steps + 1):
        tri = k % 20 if (k // 20) % 2 == 0 else 20 - k % 20  # 0..20..0: to and fro
        off = 0.01 * span * (tri - 10 + 0.5)
        yield lo + off, hi + off


def _zoom_ranges(lo: float, hi: float, steps: int) -> Iterator[tuple[float, float]]:
    mid, half = (lo + hi) / 2, (hi - lo) / 2
    for k in range(1, steps + 1):
        tri = k % 20 if (k // 20) % 2 == 0 else 20 - k % 20
        h = half * 0.97 ** (tri - 10 + 0.5)
        yield mid - h, mid + h


def _stats(prefix: str, times: list[float], out: dict[str, float]) -> None:
    arr = np.array(times) * 1000.0
    out[f"{prefix}_median_ms"] = float(statistics.median(arr))
    out[f"{prefix}_p95_ms"] = float(np.percentile(arr, 95))


def _steps(
    apply: Callable[[float, float], object], repaint: Callable[[], None], ranges: Iterator
) -> list[float]:  # type: ignore[type-arg]
    times = []
    for a, b in ranges:
        t0 = time.perf_counter()
        apply(a, b)
        repaint()
        times.append(time.perf_counter() - t0)
    return times


def _views(chron: Chronology) -> dict[str, tuple[float, float]]:
    full = padded_range(*chron.full_range())
    starts = chron.starts
    mid = float(np.median(starts)) if len(starts) else full.center
    return {"full": (full.start, full.end), "month": (mid - MONTH_DAYS / 2, mid + MONTH_DAYS / 2)}


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


# -- the canvas --------------------------------------------------------------------------------------------


def measure_view(
    chron: Chronology,
    *,
    size: tuple[int, int] = (1600, 900),
    plots: int = 0,
    steps: int = 40,
    rounds: int = 1,
) -> dict[str, Any]:
    """Build the canvas for ``chron`` at ``size`` with ``plots`` indicator plots, paint it, then pan
    and zoom at the full view and at a month (see the module docstring). Keys: ``build_ms``,
    ``first_frame_ms``, ``pan_full_median_ms`` ... ``zoom_month_p95_ms``, ``rss_mb`` (resident
    memory after the run).

    With ``rounds``, the four series of ``steps`` (pan and zoom, full and month) are taken that
    many times one after another, and the median and p95 are of all their steps; each round's
    median is kept too (``pan_full_rounds_ms`` ...), which shows how much the machine's own speed
    moved meanwhile (on a shared virtual machine, the same code measures up to 1.5x apart from one
    second to the next)."""
    app = _app()
    from timeline_app.ui.app.canvas import ChronologyCanvas

    out: dict[str, float] = {}
    views = _views(chron)
    gc.collect()
    t0 = time.perf_counter()
    state = ViewState(chron)
    canvas = ChronologyCanvas(state)
    canvas.set_shown_plots(canvas.plot_keys()[:plots])
    canvas.resize(*size)
    glw = canvas.graphics_view()
    vp = glw.viewport()
    vp.setUpdatesEnabled(False)  # shown and laid out, but the first paint is the one timed below
    canvas.show()
    app.processEvents()
    state.set_range(*views["full"])
    canvas.timeline_item().frame()
    out["build_ms"] = (time.perf_counter() - t0) * 1000.0
    try:
        vp.setUpdatesEnabled(True)
        t0 = time.perf_counter()
        vp.repaint()
        out["first_frame_ms"] = (time.perf_counter() - t0) * 1000.0
        _settle(app)  # anything the first paint queued (layouts of the plots) happens now
        taken: dict[str, list[list[float]]] = {}
        for _ in range(max(rounds, 1)):
            for name, (lo, hi) in views.items():
                for kind, ranges in (("pan", _pan_ranges), ("zoom", _zoom_ranges)):
                    state.set_range(lo, hi)
                    vp.repaint()
                    times = _steps(state.set_range, vp.repaint, ranges(lo, hi, steps))
                    taken.setdefault(f"{kind}_{name}", []).append(times)
        for prefix, runs in taken.items():
            _stats(prefix, [t for run in runs for t in run], out)
            if len(runs) > 1:
                out[f"{prefix}_rounds_ms"] = [round(statistics.median(run) * 1000.0, 2) for run in runs]
        out["rss_mb"] = rss_mb()
    finally:
        canvas.close()
        canvas.deleteLater()
        _settle(app)
    return out


# -- the naive baseline ------------------------------------------------------------------------------------


def measure_naive(
    chron: Chronology, *, size: tuple[int, int] = (1600, 900), steps: int = 20, limit: int = 20000
) -> dict[str, float] | None:
    """The way the issue's baseline draws a chronology: one rectangle item and one text item per
    event in a plain ``pg.PlotWidget`` with a ``pg.DateAxisItem``; the same steps as
    :func:`measure_view`. ``None`` (skipped) above ``limit`` events: it would take minutes."""
    n = len(chron.events)
    if n > limit:
        return None
    app = _app()
    import pyqtgraph as pg
    from PySide6 import QtGui, QtWidgets

    out: dict[str, float] = {}
    views = _views(chron)
    unix0 = 0.0  # epoch days -> seconds for the DateAxisItem
    gc.collect()
    t0 = time.perf_counter()
    w = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    w.resize(*size)
    w.getViewBox().disableAutoRange()
    w.viewport().setUpdatesEnabled(False)
    w.show()
    lane_of = chron.lane_of
    starts, ends = chron.starts, chron.ends
    brushes = [QtGui.QBrush(QtGui.QColor(c.color)) for c in chron.categories]
    for i, ev in enumerate(chron.events):
        ln = lane_of.get(ev.category, 0)
        x0 = unix0 + starts[i] * 86400.0
        x1 = unix0 + ends[i] * 86400.0
        rect = QtWidgets.QGraphicsRectItem(x0, ln + 0.1, max(x1 - x0, 86400.0), 0.3)
        rect.setBrush(brushes[ln % len(brushes)])
        rect.setPen(pg.mkPen(None))
        w.addItem(rect)
        label = pg.TextItem(ev.title, anchor=(0, 1))
        label.setPos(x0, ln + 0.45)
        w.addItem(label)
    w.setYRange(0, len(chron.categories), padding=0.02)
    w.setXRange(views["full"][0] * 86400.0, views["full"][1] * 86400.0, padding=0)
    app.processEvents()
    out["build_ms"] = (time.perf_counter() - t0) * 1000.0
    try:
        vp = w.viewport()
        vp.setUpdatesEnabled(True)
        t0 = time.perf_counter()
        vp.repaint()
        out["first_frame_ms"] = (time.perf_counter() - t0) * 1000.0

        def set_range(a: float, b: float) -> None:
            w.setXRange(a * 86400.0, b * 86400.0, padding=0)

        for name, (lo, hi) in views.items():
            set_range(lo, hi)
            vp.repaint()
            _stats(f"pan_{name}", _steps(set_range, vp.repaint, _pan_ranges(lo, hi, steps)), out)
            set_range(lo, hi)
            vp.repaint()
            _stats(f"zoom_{name}", _steps(set_range, vp.repaint, _zoom_ranges(lo, hi, steps)), out)
    finally:
        w.close()
        w.deleteLater()
        _settle(app)
    return out


def main() -> None:
    import argparse

    from timeline_app import runtime

    runtime.tune_for_app()  # measured as the app runs (timeline_app.runtime)

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="*", help="synthetic chronologies of N events")
    ap.add_argument(
        "--file",
        type=Path,
        help="a chronology file instead (read with the cache: set TIMELINE_APP_CACHE_DIR); its "
        "indicators are replaced by --groups synthetic plot groups when it has fewer",
    )
    ap.add_argument("--groups", type=int, default=4, help="plot groups of a --file with too few")
    ap.add_argument("--plots", type=int, default=0)
    ap.add_argument("--points", type=int, default=100, help="points per indicator series")
    ap.add_argument("--regions", type=int, default=2, help="series per plot group")
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--naive", action="store_true")
    a = ap.parse_args()
    if a.file is not None:
        import dataclasses

        from timeline_app.geometry.prepare import prepare
        from timeline_app.io import load_chronology

        t0 = time.perf_counter()
        chron = load_chronology(a.file, cache=True)
        if len(chron.plot_groups()) < a.groups:
            fill = synthetic(0, groups=a.groups, regions=a.regions, series_points=a.points)
            chron = dataclasses.replace(chron, indicators=fill.indicators)
        prepare(chron)
        made = time.perf_counter() - t0
        res = measure_view(chron, plots=a.plots, steps=a.steps)
        print(f"{a.file} ({len(chron.events):,} events, read in {made:.1f} s) plots={a.plots}")
        for k, v in res.items():
            print(f"  {k:24s} {v:9.1f}")
    for n in a.n:
        t0 = time.perf_counter()
        chron = synthetic(n, series_points=a.points, regions=a.regions)
        made = time.perf_counter() - t0
        res = measure_view(chron, plots=a.plots, steps=a.steps)
        print(f"N={n:,} (made in {made:.1f} s) plots={a.plots} points={a.points}")
        for k, v in res.items():
            print(f"  {k:24s} {v:9.1f}")
        if a.naive:
            nv = measure_naive(chron)
            if nv is not None:
                print("  naive:")
                for k, v in nv.items():
                    print(f"  {k:24s} {v:9.1f}")


if __name__ == "__main__":
    main()
