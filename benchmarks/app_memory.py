"""Resident memory of the whole app with a chronology on screen, as a user gets it.

Runs the real main window (offscreen) in a process of its own: opens the file through the window
(a large one loads on the background thread, with the cache), waits for it, lets the search index
finish, selects an event, pans, draws, and reports the process's resident memory then (and its
peak). Run it twice with the same cache folder to see a first open and a second one::

    .venv/bin/python benchmarks/app_memory.py events-1000000.yaml --cache /tmp/c   # first open
    .venv/bin/python benchmarks/app_memory.py events-1000000.yaml --cache /tmp/c   # from the cache
    .venv/bin/python benchmarks/app_memory.py events-1000000.yaml --cache /tmp/c --then reload  # or window

Prints one line of JSON: ``{"rss_mb": ..., "peak_rss_mb": ..., "open_s": ..., "events": ...}``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def measure(path: Path, cache: Path, timeout: float = 600.0, then: str = "") -> dict[str, float]:
    os.environ["TIMELINE_APP_CACHE_DIR"] = str(cache)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    import timeline_app.ui  # noqa: F401  (chooses the Qt binding before pyqtgraph is imported)
    from timeline_app.ui.app.launch import create_main_window
    from timeline_app.ui.app.settings import Settings

    app = QApplication.instance() or QApplication([])
    settings_dir = tempfile.mkdtemp(prefix="bench-settings-")
    store = QSettings(str(Path(settings_dir) / "s.ini"), QSettings.Format.IniFormat)
    t0 = time.perf_counter()
    window = create_main_window(path, settings=Settings(store))
    open_s = _shown(app, window, t0 + timeout) - t0
    chron = window.state.chronology
    n = len(chron.events)
    out = {
        "events": n,
        "open_s": open_s,
        "rss_mb": rss_mb(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }
    del chron
    if then == "reload":  # the same file read again (F5): the first chronology must not stay
        for k in range(2):
            window.reload()
            _shown(app, window, time.perf_counter() + timeout)
            out[f"rss_after_reload_{k + 1}_mb"] = rss_mb()
    elif then == "window":  # a second window on the same file, then the first one closed
        second = create_main_window(path, settings=Settings(store))
        _shown(app, second, time.perf_counter() + timeout)
        out["rss_two_windows_mb"] = rss_mb()
        window.close()
        window.deleteLater()
        del window
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater, as the event loop does it
        for _ in range(5):
            app.processEvents()
        out["rss_after_closing_the_first_mb"] = rss_mb()
        gc.collect()
        out["rss_after_closing_the_first_and_collecting_mb"] = rss_mb()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return out


def _shown(app: Any, window: Any, deadline: float) -> float:
    """Show ``window``, wait for its load, use it as a user would (search, select, pan, draw);
    returns when the load ended."""
    from timeline_app.model.search import SearchIndex

    window.resize(1600, 900)
    window.show()
    app.processEvents()
    while window.loader.busy():
        if time.perf_counter() > deadline:
            raise SystemExit("the chronology did not load in time")
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    loaded = time.perf_counter()
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
    return loaded


def main(argv: list[str] | None = None) -> int:
    from timeline_app import runtime

    runtime.tune_for_app()  # measured as the app runs (timeline_app.runtime)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--cache", type=Path, required=True, help="the loader's cache folder")
    ap.add_argument(
        "--then",
        choices=("reload", "window"),
        help="then reload it twice, or open it in a second window and close the first (RSS after each)",
    )
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.path, args.cache, then=args.then or "")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
