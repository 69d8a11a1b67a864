"""The whole window as a user drives it: key-press pan and zoom steps, and start-up to the first frame.

Called by ``benchmarks/run.py``; run on its own for a quick look::

    python benchmarks/bench_window.py keys FILE.yaml [--cache DIR]   # key-press steps on the main window
    python benchmarks/bench_window.py startup [--pairs 7]            # first paint: the app vs the floor

A *key step* is one key pressed on the real main window (``D``/``A`` pan by a step, ``W``/``S`` zoom
in and out, through the window's own shortcuts), then the events processed, so that everything the
key changed is drawn as the event loop draws it (the timeline, the plots, the axes, the status bar:
the whole window's repaint of one frame). Pans that follow each other are drawn from strips (see
:mod:`timeline_app.ui.drawing.pan_strip`): the alternating steps stay within one; a *run* of steps
one way leaves it every ten steps or so (*repeated* at 30 steps a second, as a held key is, the
next strip is made between two steps), and a *lone* pan (after a pause) is painted exactly, as is
the frame that ends every movement. Its floor is a bare pyqtgraph ``PlotWidget`` of the same
size, in the same process, panned by 1 % the same way: what any pyqtgraph window costs per frame.

*Start-up* is measured as a user sees it: from just before the process is started to the end of its
first painted frame (the child reports the time of ``time.monotonic()``, which is system-wide, when
its first paint of the top-level window has returned, and exits without tearing down). The app is
``timeline-app`` on the shipped chronology, as ``launch.run`` does it (the chronology shown in that
first frame); the floor is a bare ``PySide6`` + ``pyqtgraph`` ``PlotWidget`` shown and painted
once. They are taken in pairs, one after the other, and the medians of the pairs reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1600, 900


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _floor_step_ms(app: Any, repeats: int) -> float:
    """A pan step of a bare PlotWidget of the window's size (its range moved by 1 %, then the events
    processed, so it repaints as a window does): the floor of any pyqtgraph window."""
    import pyqtgraph as pg

    widget = pg.PlotWidget()
    widget.resize(WIDTH, HEIGHT)
    widget.setXRange(0.0, 100.0, padding=0)
    widget.show()
    for _ in range(20):
        app.processEvents()
    times = []
    for k in range(repeats):
        t0 = time.perf_counter()
        shift = 1.0 if k % 2 == 0 else 0.0
        widget.setXRange(shift, 100.0 + shift, padding=0)
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1e3)
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return statistics.median(times)


def measure_keys(
    path: Path, cache: Path, steps: int = 40, rounds: int = 5, timeout: float = 900.0
) -> dict[str, Any]:
    """Key-press pan and zoom steps on the main window showing ``path`` (loaded with the cache in
    ``cache``), at the full view and at one month; and the floor, in the same process."""
    os.environ["TIMELINE_APP_CACHE_DIR"] = str(cache)
    from PySide6.QtCore import QEvent, QObject, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import timeline_app.ui  # noqa: F401  (chooses the Qt binding before pyqtgraph is imported)
    from timeline_app.model import actions
    from timeline_app.ui.app.launch import create_application, create_main_window
    from timeline_app.ui.app.settings import Settings

    app = create_application(["bench"])
    settings_dir = tempfile.mkdtemp(prefix="bench-settings-")
    store = QSettings(str(Path(settings_dir) / "s.ini"), QSettings.Format.IniFormat)
    window = create_main_window(path, settings=Settings(store))
    window.resize(WIDTH, HEIGHT)
    window.show()
    deadline = time.perf_counter() + timeout
    while window.loader.busy():
        if time.perf_counter() > deadline:
            raise SystemExit("the chronology did not load in time")
        app.processEvents()
        time.sleep(0.005)
    window.activateWindow()
    window.canvas.setFocus()
    for _ in range(20):
        app.processEvents()
    state = window.state
    paints = [0]

    class Count(QObject):  # the timeline really is drawn at each step
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints[0] += 1
            return False

    counter = Count()
    window.canvas.viewport().installEventFilter(counter)
    keys = {"pan": (Qt.Key.Key_D, Qt.Key.Key_A), "zoom": (Qt.Key.Key_W, Qt.Key.Key_S)}

    def run(kind: str) -> tuple[list[float], list[float]]:
        there, back = keys[kind]
        every: list[float] = []
        medians: list[float] = []
        for _ in range(rounds):
            times = []
            for k in range(steps):
                target = QApplication.focusWidget() or window
                t0 = time.perf_counter()
                QTest.keyClick(target, there if k % 2 == 0 else back)
                app.processEvents()  # what the key changed is drawn, as the event loop draws it
                times.append((time.perf_counter() - t0) * 1e3)
            every += times
            medians.append(statistics.median(times))
        return every, medians

    out: dict[str, Any] = {"events": len(state.chronology.events), "steps": steps, "rounds": rounds}
    full = state.range
    before = (full.start, full.end)
    for view in ("full", "month"):
        if view == "month":
            mid = (full.start + full.end) / 2
            state.set_range(mid - 15, mid + 15)
        for _ in range(5):
            app.processEvents()
        paints[0] = 0 if view == "full" else paints[0]
        for kind in ("pan", "zoom"):
            every, medians = run(kind)
            out[f"{kind}_{view}_median_ms"] = statistics.median(every)
            out[f"{kind}_{view}_p95_ms"] = _p95(every)
            out[f"{kind}_{view}_rounds_ms"] = [round(m, 2) for m in medians]
    # a movement one way (a key held down): the view leaves the strip it pans from every ten steps
    # or so and a new one is painted; and a lone pan (after a pause), painted exactly, as is the
    # frame that follows every movement once it stops
    state.set_range(full.start, full.end)
    for _ in range(5):
        app.processEvents()
    timeline = window.canvas.timeline_item()
    paints_keys = paints[0]
    made = timeline.strips_made() if hasattr(timeline, "strips_made") else 0
    run_times: list[float] = []
    for k in range(steps * rounds):
        target = QApplication.focusWidget() or window
        t0 = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_D if (k // steps) % 2 == 0 else Qt.Key.Key_A)
        app.processEvents()
        run_times.append((time.perf_counter() - t0) * 1e3)
    out["pan_run_full_median_ms"] = statistics.median(run_times)
    out["pan_run_full_p95_ms"] = _p95(run_times)
    out["pan_run_full_max_ms"] = max(run_times)
    made_after = timeline.strips_made() if hasattr(timeline, "strips_made") else 0
    out["pan_run_strips_per_step"] = (made_after - made) / len(run_times)
    # the same held key as the system repeats it, 30 times a second: the event loop is idle between
    # two steps (where the next strip is made ahead)
    repeat: list[float] = []
    for k in range(4 * steps):
        due = time.perf_counter() + 1.0 / 30.0
        target = QApplication.focusWidget() or window
        t0 = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_D if (k // steps) % 2 == 0 else Qt.Key.Key_A)
        app.processEvents()
        repeat.append((time.perf_counter() - t0) * 1e3)
        while time.perf_counter() < due:
            app.processEvents()
            time.sleep(0.001)
    out["pan_repeat_full_median_ms"] = statistics.median(repeat)
    out["pan_repeat_full_p95_ms"] = _p95(repeat)
    out["pan_repeat_full_max_ms"] = max(repeat)
    lone: list[float] = []
    for k in range(12):
        pause = time.perf_counter() + 0.4  # longer than a movement's settle time
        while time.perf_counter() < pause:
            app.processEvents()
            time.sleep(0.01)
        target = QApplication.focusWidget() or window
        t0 = time.perf_counter()
        QTest.keyClick(target, Qt.Key.Key_D if k % 2 == 0 else Qt.Key.Key_A)
        app.processEvents()
        lone.append((time.perf_counter() - t0) * 1e3)
    out["pan_lone_full_median_ms"] = statistics.median(lone)
    moved = (state.range.start, state.range.end) != before
    out["keys_moved_the_view"] = bool(moved)
    out["pan_step_fraction"] = actions.PAN_STEP
    out["floor_step_ms"] = _floor_step_ms(app, steps * rounds)
    out["canvas_paints_per_step"] = paints_keys / max(1, 4 * steps * rounds)
    window.close()
    return out


# -- start-up ----------------------------------------------------------------------------------------------
def _child_app() -> None:
    """The app as ``launch.run`` starts it, on the shipped chronology; prints the first paint's time."""
    from PySide6.QtCore import QSettings

    import timeline_app.ui  # noqa: F401
    from timeline_app import runtime
    from timeline_app.ui.app.launch import create_application, create_main_window
    from timeline_app.ui.app.settings import Settings

    runtime.tune_for_app()
    app = create_application(["timeline-app"])
    store = QSettings(
        str(Path(tempfile.mkdtemp(prefix="bench-start-")) / "s.ini"), QSettings.Format.IniFormat
    )
    window = create_main_window(None, settings=Settings(store))
    window.resize(WIDTH, HEIGHT)
    _first_paint(app, window)


def _child_floor() -> None:
    """A bare PySide6 + pyqtgraph PlotWidget shown and painted once."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication(["floor"])
    widget = pg.PlotWidget()
    widget.resize(WIDTH, HEIGHT)
    _first_paint(app, widget)


def _first_paint(app: Any, top: Any) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    painted: list[bool] = []

    class Watch(QObject):  # a paint of the window or of any widget in it (a view paints its viewport)
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
                and (obj is top or top.isAncestorOf(obj))
            ):
                painted.append(True)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    top.show()
    deadline = time.monotonic() + 60.0
    while not painted and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()  # the frame whose first paint was seen has been drawn whole
    print(json.dumps({"first_paint_at": time.monotonic() if painted else None}), flush=True)
    os._exit(0 if painted else 1)  # what comes after the first frame is not start-up


def _start_once(kind: str, cache: str | None = None) -> float:
    """One process start to its first painted frame (ms). ``cache``: the app's cache folder (a new,
    empty one when None: the first start after the chronology was installed or changed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Compiled bytecode, as every user has it (pip and PyInstaller compile it; a checkout writes
    # __pycache__ on its first run): a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise make the
    # app compile its 200 modules from source at every start (about 250 ms) and the floor almost none.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["TIMELINE_APP_CACHE_DIR"] = cache or tempfile.mkdtemp(prefix="bench-start-cache-")
    env["TIMELINE_APP_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="bench-start-settings-")
    cmd = [sys.executable, __file__, "child", kind]
    t0 = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    return (got["first_paint_at"] - t0) * 1e3


def measure_startup(pairs: int = 7) -> dict[str, Any]:
    """Process start to first painted frame, the app against the floor, in ``pairs`` rounds (one
    start of each, one after the other; one of each first, not counted, so all start with warm
    files). The app starts twice a round: as at its **first start** (an empty cache folder: the
    shipped chronology is read from its file) and as at **every later start** (the chronology's
    cache written by an earlier start, until the file changes)."""
    usual_cache = tempfile.mkdtemp(prefix="bench-start-cache-")
    _start_once("floor")
    _start_once("app")
    _start_once("app", usual_cache)  # writes the cache the usual starts read
    first_ms: list[float] = []
    usual_ms: list[float] = []
    floor_ms: list[float] = []
    for _ in range(pairs):
        floor_ms.append(_start_once("floor"))
        first_ms.append(_start_once("app"))
        usual_ms.append(_start_once("app", usual_cache))
    first_ratios = [a / f for a, f in zip(first_ms, floor_ms, strict=True)]
    usual_ratios = [a / f for a, f in zip(usual_ms, floor_ms, strict=True)]
    return {
        "pairs": pairs,
        "floor_first_paint_ms": statistics.median(floor_ms),
        "app_first_paint_ms": statistics.median(first_ms),  # the first start (as before 2026-12-05)
        "ratio_median_of_pairs": statistics.median(first_ratios),
        "app_usual_first_paint_ms": statistics.median(usual_ms),
        "ratio_usual_median_of_pairs": statistics.median(usual_ratios),
        "app_ms": [round(x, 1) for x in first_ms],
        "app_usual_ms": [round(x, 1) for x in usual_ms],
        "floor_ms": [round(x, 1) for x in floor_ms],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    k = sub.add_parser("keys")
    k.add_argument("path", type=Path)
    k.add_argument("--cache", type=Path)
    k.add_argument("--steps", type=int, default=40)
    k.add_argument("--rounds", type=int, default=5)
    s = sub.add_parser("startup")
    s.add_argument("--pairs", type=int, default=7)
    c = sub.add_parser("child")
    c.add_argument("kind", choices=("app", "floor"))
    a = ap.parse_args()
    if a.what == "child":
        _child_app() if a.kind == "app" else _child_floor()
        return 0
    if a.what == "keys":
        from timeline_app import runtime

        runtime.tune_for_app()
        cache = a.cache or Path(tempfile.mkdtemp(prefix="bench-keys-cache-"))
        print(json.dumps(measure_keys(a.path, cache, a.steps, a.rounds)))
        return 0
    print(json.dumps(measure_startup(a.pairs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
