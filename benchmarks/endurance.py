"""Endurance: open, close and reopen a large chronology many times and press thousands of navigation
keys in the window; memory must come back to within 10% of where it started.

    python benchmarks/endurance.py [--events 100000] [--cycles 20] [--keys 10000]

"Where it started" is the resident memory after the first open-and-close cycle: the first cycle
fills Python's and Qt's caches (fonts, glyphs, code) once, and what matters is that the cycles after
it do not keep growing. Prints a table and exits 1 if memory grew by more than 10%.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TIMELINE_APP_SETTINGS_DIR", tempfile.mkdtemp(prefix="endurance-settings-"))
os.environ.setdefault("TIMELINE_APP_CACHE_DIR", tempfile.mkdtemp(prefix="endurance-cache-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import write


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def settle(app) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return rss_mb()


def main() -> int:
    from timeline_app import runtime

    runtime.tune_for_app()  # measured as the app runs (timeline_app.runtime)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--keys", type=int, default=10_000)
    ap.add_argument("--limit", type=float, default=0.10, help="allowed growth (default 0.10 = 10%%)")
    ap.add_argument("--verbose", action="store_true", help="print the memory after every cycle")
    a = ap.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from timeline_app.paths import shipped_chronology
    from timeline_app.ui.app.launch import create_application, create_main_window

    t_start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="endurance-"))
    big = write(a.events, work / "big.yaml")
    small = shipped_chronology()

    app = create_application([])
    w = create_main_window(small)
    w.resize(1400, 900)
    w.show()
    rows: list[tuple[str, float]] = [("start (shipped chronology open)", settle(app))]

    cycle_times: list[float] = []
    for cycle in range(1, a.cycles + 1):
        t0 = time.perf_counter()
        assert w.open_path(big, background=False), "the large chronology did not load"
        app.processEvents()
        cycle_times.append(time.perf_counter() - t0)
        assert w.open_path(small, background=False)  # closes the large one
        mb = settle(app)
        if cycle == 1:
            rows.append(("after cycle 1 (baseline)", mb))
        elif cycle == a.cycles or a.verbose:
            rows.append((f"after cycle {cycle}", mb))
    baseline = rows[1][1]

    assert w.open_path(big, background=False)
    rows.append((f"large chronology open ({a.events:,} events)", settle(app)))
    keys = [Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Period, Qt.Key.Key_W,
            Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Comma, Qt.Key.Key_S, Qt.Key.Key_D, Qt.Key.Key_A,
            Qt.Key.Key_End, Qt.Key.Key_Home, Qt.Key.Key_F, Qt.Key.Key_0]  # fmt: skip
    t0 = time.perf_counter()
    w.canvas.setFocus()
    for i in range(a.keys):
        QTest.keyClick(w.canvas, keys[i % len(keys)])
        if i % 50 == 0:
            app.processEvents()
    key_time = time.perf_counter() - t0
    rows.append((f"after {a.keys:,} navigation keys", settle(app)))
    assert w.open_path(small, background=False)
    final = settle(app)
    rows.append(("large chronology closed again", final))

    growth = (final - baseline) / baseline
    print(f"{'when':<44} {'resident MB':>12}")
    for label, mb in rows:
        print(f"{label:<44} {mb:>12.1f}")
    median = sorted(cycle_times)[len(cycle_times) // 2]
    print(f"open of the large chronology: median {median:.2f} s over {a.cycles}")
    print(f"{a.keys:,} keys in {key_time:.1f} s ({1000 * key_time / max(a.keys, 1):.2f} ms per key, drawn)")
    print(f"growth from the baseline: {100 * growth:+.1f}% (limit {100 * a.limit:.0f}%)")
    print(f"total time {time.perf_counter() - t_start:.0f} s")
    w.close()
    return 0 if growth <= a.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
