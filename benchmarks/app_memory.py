"""Resident memory of the whole app with a chronology on screen, as a user gets it.

Runs the real main window (offscreen) in a process of its own: opens the file through the window
(a large one loads on the background thread, with the cache), waits for it, lets the search index
finish, selects an event, pans, draws, and reports the process's resident memory then (and its
peak). Run it twice with the same cache folder to see a first open and a second one::

    .venv/bin/python benchmarks/app_memory.py events-1000000.yaml --cache /tmp/c   # first open
    .venv/bin/python benchmarks/app_memory.py events-1000000.yaml --cache /tmp/c   # from the cache

Prints one line of JSON: ``{"rss_mb": ..., "peak_rss_mb": ..., "open_s": ..., "events": ...}``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def measure(path: Path, cache: Path, timeout: float = 600.0) -> dict[str, float]:
    os.environ["TIMELINE_APP_CACHE_DIR"] = str(cache)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import timeline_app.ui  # noqa: F401  (chooses the Qt binding before pyqtgraph is imported)
    from timeline_app.model.search import SearchIndex
    from timeline_app.ui.app.launch import create_main_window
    from timeline_app.ui.app.settings import Settings

    app = QApplication.instance() or QApplication([])
    settings_dir = tempfile.mkdtemp(prefix="bench-settings-")
    store = QSettings(str(Path(settings_dir) / "s.ini"), QSettings.Format.IniFormat)
    t0 = time.perf_counter()
    window = create_main_window(path, settings=Settings(store))
    window.resize(1600, 900)
    window.show()
    deadline = t0 + timeout
    while window.loader.busy():
        if time.perf_counter() > deadline:
            raise SystemExit("the chronology did not load in time")
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    open_s = time.perf_counter() - t0
    state = window.state
    chron = state.chronology
    SearchIndex.for_chronology(chron).ensure_built()
    n = len(chron.events)
    state.select_event(chron.events[n // 2].id)
    lo, hi = state.range.start, state.range.end
    for k in range(10):
        shift = (hi - lo) * 0.05 * (1 if k % 2 else -1)
        state.set_range(lo + shift, hi + shift)
        window.repaint()
        app.processEvents()
    window.grab()
    return {
        "events": n,
        "open_s": open_s,
        "rss_mb": rss_mb(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }


def main(argv: list[str] | None = None) -> int:
    from timeline_app import runtime

    runtime.tune_for_app()  # measured as the app runs (timeline_app.runtime)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--cache", type=Path, required=True, help="the loader's cache folder")
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.path, args.cache)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
