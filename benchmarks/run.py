"""The benchmark runner: one command, a table on the terminal and the figures in JSON.

    python benchmarks/run.py                      # N = 1k, 10k, 100k, 1M (several minutes)
    python benchmarks/run.py --sizes 1000,10000   # chosen sizes
    python benchmarks/run.py --quick              # a small smoke (CI runs it through the test suite)

For each size a synthetic chronology (``benchmarks/generate.py``) is written as YAML and measured in
a process of its own (so the peak memory is that size's alone):

* open: parse + validate + index, cold (no cache; worker processes, as the app opens it) and warm
  (from the content-keyed cache), and the longest stall of the UI thread while the same file loads
  in the background;
* the view: building it, the first frame, pan and zoom steps (median and p95) at the full range and
  at one month, alone and with four linked indicator plots (``bench_render.measure_view``);
* search: latency to the first results per keystroke (``bench_search.measure_search``);
* peak resident memory.

and, in the same run, the naive baselines: PyYAML's ``yaml.load`` with the C loader for opening, one
pyqtgraph item per event for drawing (``bench_render.measure_naive``, up to 20,000 events) and a
scan of every event per keystroke for search, with the ratios. Timings are wall-clock medians on
an otherwise idle machine; run it with nothing else busy.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
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

NAIVE_OPEN_LIMIT = 100_000  # PyYAML on a million events takes minutes
NAIVE_SEARCH_LIMIT = 1_000_000
ROUNDS = 5  # of the pan and zoom steps, one after another (see bench_render.measure_view)
# what a run measures (--parts): per size, opening (cold, cached, stalls), the whole window's
# memory, the window's key-press steps, the canvas view, search; once, start-up to the first frame
# against the empty-window floor, the long series and the noise floor
PARTS = frozenset({"open", "memory", "window", "view", "search", "startup", "series", "noise"})


def _naive_search_ms(chron: Any, words: list[str]) -> float:
    """A scan of every event per keystroke: what a list filter does."""
    times = []
    for word in words:
        for k in range(1, len(word) + 1):
            q = word[:k].casefold()
            t0 = time.perf_counter()
            hits = [
                e.id
                for e in chron.events
                if q in "\n".join((e.title, e.description, *e.places, *e.tags, e.id)).casefold()
            ]
            times.append((time.perf_counter() - t0) * 1e3)
            del hits
    return statistics.median(times)


def _load_stall_ms(path: Path, cache: str = "cold", after_s: float = 0.0) -> dict[str, Any]:
    """Load ``path`` with the window's background loader while a 5 ms timer ticks on the UI thread;
    the longest gap between ticks is the worst frame while loading.

    ``cache``: "cold" (an empty cache: the load stores its entry), "warm" (the entry is stored
    first: the load reads it) or "off" (the loader is told not to use the cache). Each gap is put
    down to the phase the loader last reported before the gap ended (the phases are recorded on
    the worker thread as they are reported), so the figures say *what* holds the UI thread.
    With ``after_s``, the timer keeps ticking that long after the load is delivered, and the gaps
    there (a garbage collection of what the load allocated, say) are reported apart; every
    collection of the cyclic garbage collector meanwhile is timed, with the thread it ran on."""
    import itertools
    import threading

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    import timeline_app.ui.app.loading as loading
    from timeline_app.io import load_chronology
    from timeline_app.ui.app.loading import BackgroundLoader

    app = QApplication.instance() or QApplication([])
    os.environ["TIMELINE_APP_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-cache-")
    if cache == "warm":
        load_chronology(path, cache=True)
        gc.collect()
    clock = time.perf_counter
    phases: list[tuple[float, str]] = []  # (when, what) as reported, on the worker thread
    collections: list[tuple[float, float, int, str]] = []  # (start, ms, generation, thread)
    gc_start: dict[int, float] = {}

    def on_gc(event: str, info: dict[str, int]) -> None:
        ident = threading.get_ident()
        if event == "start":
            gc_start[ident] = clock()
        elif ident in gc_start:
            t = gc_start.pop(ident)
            collections.append((t, (clock() - t) * 1e3, info["generation"], threading.current_thread().name))

    def load(*args: Any, **kwargs: Any) -> Any:
        if cache == "off":
            kwargs["cache"] = False
        return load_chronology(*args, **kwargs)

    loader = BackgroundLoader()
    done: list[float] = []
    ticks: list[float] = []

    timer = QTimer()
    timer.setInterval(5)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(clock()))
    direct = Qt.ConnectionType.DirectConnection  # the slot runs on the worker thread, as it reports
    loader.progress.connect(lambda what, _f: phases.append((clock(), what)), direct)
    loader.loaded.connect(lambda *_: done.append(clock()))
    loader.failed.connect(lambda *_: done.append(clock()))
    saved = loading.load_chronology
    loading.load_chronology = load  # type: ignore[assignment]
    gc.callbacks.append(on_gc)
    try:
        t0 = clock()
        ticks.append(t0)
        timer.start()
        loader.start(path)
        while not done:
            app.processEvents()
            time.sleep(0.001)
        end = clock() + after_s
        while clock() < end:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        loader.wait()
    finally:
        loading.load_chronology = saved  # type: ignore[assignment]
        gc.callbacks.remove(on_gc)

    def phase_at(t: float) -> str:
        last = "(starting)"
        for when, what in phases:
            if when > t:
                break
            last = what
        return last

    loading_gaps: list[tuple[float, str]] = []
    after_gaps: list[float] = []
    for a, b in itertools.pairwise(ticks):
        if b <= done[0]:
            loading_gaps.append(((b - a) * 1e3, phase_at(b)))
        else:
            after_gaps.append((b - max(a, done[0])) * 1e3)
    by_phase: dict[str, float] = {}
    for ms, what in loading_gaps:
        by_phase[what] = max(by_phase.get(what, 0.0), ms)
    worst = max(loading_gaps, default=(0.0, ""))
    return {
        "background_load_s": done[0] - t0,
        "load_max_stall_ms": worst[0],
        "load_max_stall_phase": worst[1],
        "load_max_stall_by_phase_ms": {k: round(v, 1) for k, v in by_phase.items()},
        "after_load_max_stall_ms": max(after_gaps, default=0.0),
        "gc_collections": [
            {"at_s": round(t - t0, 3), "ms": round(ms, 1), "generation": g, "thread": name}
            for t, ms, g, name in collections
            if ms >= 5
        ],
    }


def noise_floor_ms(seconds: float) -> float:
    """The longest gap of a 5 ms ticking thread while another thread runs plain Python code for
    ``seconds``, with the switch interval the app uses while loading: what the machine and the
    interpreter's lock hand-over add to any "longest UI stall" figure by themselves.

    The worker only makes and drops small objects, a few at a time, with the garbage collector
    off: freeing a large list at once, or a collection of many objects, holds the interpreter lock
    for tens of milliseconds, and that is the loader's own stall to find, not the machine's (an
    earlier version of this function dropped 200,000 dicts at a time and reported 70-80 ms)."""
    import threading

    from timeline_app.runtime import brisk_switching

    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    def work() -> None:
        end = time.perf_counter() + seconds
        made: list[dict[str, Any]] = []
        while time.perf_counter() < end:
            made.append({"id": str(len(made)), "days": [1, 2, 3]})
            if len(made) > 1000:
                made = []

    ticker = threading.Thread(target=tick)
    enabled = gc.isenabled()
    gc.disable()
    try:
        with brisk_switching():
            ticker.start()
            worker = threading.Thread(target=work)
            worker.start()
            worker.join()
    finally:
        done.set()
        ticker.join()
        if enabled:
            gc.enable()
    return max(gaps, default=0.0) * 1e3


def measure_series(points: int, quick: bool) -> dict[str, Any]:
    """Four linked plots, each of a series of ``points`` daily points, over 10,000 events: indicator
    series up to a million points must stay within the frame budget (peak-keeping downsampling)."""
    from benchmarks.bench_render import measure_view, synthetic

    n = 2000 if quick else 10_000
    chron = synthetic(n, series_points=points, regions=1, years=max(30, points // 365 + 1))
    out: dict[str, Any] = {"events": n, "points": points}
    out.update(measure_view(chron, plots=4, steps=10 if quick else 40, rounds=1 if quick else ROUNDS))
    return out


def _app_memory(path: Path, cache: Path) -> dict[str, float]:
    """Resident memory of the whole app with the chronology on screen (benchmarks/app_memory.py, a
    process of its own each time): first open (an empty cache), then again (from the cache)."""
    out: dict[str, float] = {}
    for label in ("first", "cached"):
        cmd = [sys.executable, str(ROOT / "benchmarks" / "app_memory.py"), str(path), "--cache", str(cache)]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
        got = json.loads(done.stdout.strip().splitlines()[-1])
        out[f"app_rss_{label}_mb"] = got["rss_mb"]
        out[f"app_open_{label}_s"] = got["open_s"]
    return out


def _window_keys(path: Path, cache: Path, quick: bool) -> dict[str, Any]:
    """Key-press pan and zoom steps of the whole main window (benchmarks/bench_window.py, in a
    process of its own: a fresh window, as a user opens it, with the cache of ``cache``)."""
    steps, rounds = ("10", "1") if quick else ("40", str(ROUNDS))
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "bench_window.py"),
        "keys",
        str(path),
        "--cache",
        str(cache),
    ]
    cmd += ["--steps", steps, "--rounds", rounds]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_one(n: int, work: Path, quick: bool, parts: frozenset[str] = PARTS) -> dict[str, Any]:
    from benchmarks.bench_overview import measure_overview
    from benchmarks.bench_render import measure_naive, measure_view
    from benchmarks.bench_search import measure_search
    from benchmarks.generate import write
    from timeline_app.io import load_chronology

    out: dict[str, Any] = {"events": n}
    path = work / f"events-{n}.yaml"
    if not path.exists():  # one file per size for the whole run
        write(n, path)
    out["file_mb"] = path.stat().st_size / 1e6
    if "memory" in parts and (not quick or n == 2000):
        out.update(_app_memory(path, work / f"app-cache-{n}"))
    if "window" in parts:
        out["window"] = _window_keys(path, work / f"app-cache-{n}", quick)  # from the cache, if stored
    if not parts & {"open", "view", "search"}:
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        return out

    os.environ["TIMELINE_APP_CACHE_DIR"] = str(work / f"cache-{n}")
    gc.collect()
    t0 = time.perf_counter()
    chron = load_chronology(path, workers=True)  # as the app opens it (worker processes)
    out["open_cold_s"] = time.perf_counter() - t0
    load_chronology(path, cache=True, workers=True)  # stores the cache entry
    t0 = time.perf_counter()
    warm = load_chronology(path, cache=True)
    out["open_warm_s"] = time.perf_counter() - t0
    assert warm == chron
    del warm
    if n <= NAIVE_OPEN_LIMIT and "open" in parts:
        import yaml

        t0 = time.perf_counter()
        with path.open("rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
        out["naive_open_s"] = time.perf_counter() - t0
    if "open" in parts:
        out.update(_load_stall_ms(path, cache="cold"))
        out["load_max_stall_warm_ms"] = _load_stall_ms(path, cache="warm")["load_max_stall_ms"]

    steps = 10 if quick else 40
    rounds = 1 if quick else ROUNDS
    if "view" in parts:
        out["view"] = measure_view(chron, plots=0, steps=steps, rounds=rounds)
        out["view_4_plots"] = measure_view(chron, plots=4, steps=steps, rounds=rounds)
        out["naive_view"] = measure_naive(chron, steps=max(steps // 2, 5))
        out["overview"] = measure_overview(chron, steps=steps, rounds=max(rounds // 2, 1))
    if "search" not in parts:
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        return out

    words = ["relocation", "air qual"] if not quick else ["park"]
    search = measure_search(chron, more_words=words)
    search.pop("per_keystroke", None)
    out["search"] = search
    if n <= NAIVE_SEARCH_LIMIT:
        out["naive_search_median_ms"] = _naive_search_ms(chron, ["relocation"] if not quick else ["park"])
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return out


def _machine() -> dict[str, Any]:
    import numpy
    import pyqtgraph
    import PySide6

    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "pyqtgraph": pyqtgraph.__version__,
        "numpy": numpy.__version__,
        "date": time.strftime("%Y-%m-%d"),
    }


def _fmt(v: Any, unit: str = "", digits: int = 1) -> str:
    if v is None:
        return "—"
    return f"{v:,.{digits}f}{unit}"


def _ratio(naive: Any, ours: Any) -> str:
    if naive is None or ours is None or ours <= 0:
        return "—"
    return f"×{naive / ours:,.0f}" if naive / ours >= 10 else f"×{naive / ours:.1f}"


def _pair(a: Any, b: Any) -> str:
    return f"{_fmt(a, digits=0)} / {_fmt(b, digits=0)}"


def _nv(r: dict[str, Any], key: str) -> Any:
    return (r.get("naive_view") or {}).get(key)


def _versus(naive: Any, ours: Any) -> str:
    return f"{_fmt(naive)} {_ratio(naive, ours)}"


def _spread(values: list[float] | None) -> str:
    return "—" if not values else f"{min(values):.1f}-{max(values):.1f}"


def _pair1(a: Any, b: Any) -> str:
    return f"{_fmt(a)} / {_fmt(b)}"


def _med_p95(r: dict[str, Any], key: str) -> str:
    return f"{_fmt(r[key + '_median_ms'])} / {_fmt(r[key + '_p95_ms'])}"


def table(results: list[dict[str, Any]]) -> str:
    rows = [
        ("events", lambda r: f"{r['events']:,}"),
        ("file (MB)", lambda r: _fmt(r["file_mb"])),
        ("open cold (s)", lambda r: _fmt(r["open_cold_s"], digits=2)),
        ("open warm, cached (s)", lambda r: _fmt(r["open_warm_s"], digits=2)),
        ("  naive yaml.load (s), ratio to cold", lambda r: f"{_fmt(r.get('naive_open_s'), digits=2)} "
         f"{_ratio(r.get('naive_open_s'), r['open_cold_s'])}"),
        ("longest UI stall while loading: first / cached (ms)",
         lambda r: _pair(r.get("load_max_stall_ms"), r.get("load_max_stall_warm_ms"))),
        ("window, key pan, full view: median / p95 (ms)", lambda r: _med_p95(r["window"], "pan_full")),
        ("window, key pan held one way, full view: median / p95 (ms)",
         lambda r: _med_p95(r["window"], "pan_run_full")),
        ("window, key pan held, 30 a second, full view: median / p95 (ms)",
         lambda r: _med_p95(r["window"], "pan_repeat_full")),
        ("window, a lone key pan (exact frame), full view: median (ms)",
         lambda r: _fmt(r["window"].get("pan_lone_full_median_ms"))),
        ("window, key zoom, full view: median / p95 (ms)", lambda r: _med_p95(r["window"], "zoom_full")),
        ("window, key pan / zoom, one month: median (ms)",
         lambda r: _pair1(r["window"]["pan_month_median_ms"], r["window"]["zoom_month_median_ms"])),
        ("  floor: bare PlotWidget pan step, median (ms)", lambda r: _fmt(r["window"]["floor_step_ms"])),
        ("the app: open, first / from the cache (s)",
         lambda r: f"{_fmt(r['app_open_first_s'], digits=2)} / {_fmt(r['app_open_cached_s'], digits=2)}"),
        ("build the view (ms)", lambda r: _fmt(r["view"]["build_ms"])),
        ("first frame (ms)", lambda r: _fmt(r["view"]["first_frame_ms"])),
        ("pan, full view: median / p95 (ms)", lambda r: f"{_fmt(r['view']['pan_full_median_ms'])} / "
         f"{_fmt(r['view']['pan_full_p95_ms'])}"),
        ("zoom, full view: median / p95 (ms)", lambda r: f"{_fmt(r['view']['zoom_full_median_ms'])} / "
         f"{_fmt(r['view']['zoom_full_p95_ms'])}"),
        ("pan, one month: median / p95 (ms)", lambda r: f"{_fmt(r['view']['pan_month_median_ms'])} / "
         f"{_fmt(r['view']['pan_month_p95_ms'])}"),
        ("zoom, one month: median / p95 (ms)", lambda r: f"{_fmt(r['view']['zoom_month_median_ms'])} / "
         f"{_fmt(r['view']['zoom_month_p95_ms'])}"),
        ("  pan, full view: the rounds' medians, lowest-highest (ms)",
         lambda r: _spread(r["view"].get("pan_full_rounds_ms"))),
        ("pan, full view, overview band shown / not: median (ms)",
         lambda r: f"{_fmt(r['overview']['pan_full_band_median_ms'])} / "
         f"{_fmt(r['overview']['pan_full_no_band_median_ms'])}"),
        ("pan with 4 plots, full: median (ms)", lambda r: _fmt(r["view_4_plots"]["pan_full_median_ms"])),
        ("pan with 4 plots, month: median (ms)", lambda r: _fmt(r["view_4_plots"]["pan_month_median_ms"])),
        ("  naive: build (ms), ratio", lambda r: _versus(_nv(r, "build_ms"), r["view"]["build_ms"])),
        ("  naive: pan full median (ms), ratio",
         lambda r: _versus(_nv(r, "pan_full_median_ms"), r["view"]["pan_full_median_ms"])),
        ("search, first results per key: median / max (ms)",
         lambda r: f"{_fmt(r['search'].get('first_median_ms'))} / {_fmt(r['search'].get('first_max_ms'))}"),
        ("  naive scan per key: median (ms), ratio", lambda r: f"{_fmt(r.get('naive_search_median_ms'))} "
         f"{_ratio(r.get('naive_search_median_ms'), r['search'].get('first_median_ms'))}"),
        ("the app on screen, resident: first / cached (MB)",
         lambda r: _pair(r.get("app_rss_first_mb"), r.get("app_rss_cached_mb"))),
        ("peak resident memory of the run (MB)", lambda r: _fmt(r["peak_rss_mb"], digits=0)),
    ]  # fmt: skip
    width = max(len(name) for name, _ in rows)
    lines = []
    for name, get in rows:
        cells = []
        for r in results:
            try:
                cells.append(get(r))
            except (KeyError, TypeError):
                cells.append("—")
        lines.append(f"{name:<{width}}  " + "  ".join(f"{c:>18}" for c in cells))
    return "\n".join(lines)


def main() -> int:
    from timeline_app import runtime

    runtime.tune_for_app()  # measured as the app runs (timeline_app.runtime)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000,1000000", help="comma-separated event counts")
    ap.add_argument("--quick", action="store_true", help="a small, fast smoke (300 and 2,000 events)")
    ap.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results.json", help="where the JSON goes"
    )
    ap.add_argument(
        "--series-points",
        type=int,
        default=1_000_000,
        help="points per indicator series for the long-series measurement (0: skip it)",
    )
    ap.add_argument(
        "--parts",
        default=",".join(sorted(PARTS)),
        help="what to measure, comma-separated, of: " + ", ".join(sorted(PARTS)) + " (default: all). "
        "The window's figures of issue 18 alone, in a few minutes: "
        "--sizes 100,1000,10000,1000000 --parts window,open,memory,startup",
    )
    ap.add_argument("--pairs", type=int, default=7, help="start-up: pairs of (floor, app) starts")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size, print JSON
    ap.add_argument("--series", type=int, help=argparse.SUPPRESS)  # internal: the long series, print JSON
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    parts = frozenset(p.strip() for p in a.parts.split(",") if p.strip())
    if not parts <= PARTS:
        ap.error(f"unknown parts: {', '.join(sorted(parts - PARTS))}")

    if a.one is not None:
        print(json.dumps(measure_one(a.one, a.work, a.quick, parts)))
        return 0
    if a.series is not None:
        print(json.dumps(measure_series(a.series, a.quick)))
        return 0

    sizes = [300, 2000] if a.quick else [int(s) for s in a.sizes.split(",") if s.strip()]
    results = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        for n in sizes:
            t0 = time.perf_counter()
            cmd = [sys.executable, __file__, "--one", str(n), "--work", tmp, "--parts", a.parts] + (
                ["--quick"] if a.quick else []
            )
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(done.stderr[-3000:], file=sys.stderr)
                print(f"benchmark for {n:,} events failed", file=sys.stderr)
                return 1
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"measured {n:,} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        series = None
        points = 20_000 if a.quick else a.series_points
        if points and "series" in parts:
            cmd = [sys.executable, __file__, "--series", str(points)] + (["--quick"] if a.quick else [])
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:  # reported, and the sizes measured are still written
                print(done.stderr[-3000:], file=sys.stderr)
                print("the long-series benchmark failed", file=sys.stderr)
            else:
                series = json.loads(done.stdout.strip().splitlines()[-1])
    startup = None
    if "startup" in parts:
        from benchmarks.bench_window import measure_startup

        startup = measure_startup(2 if a.quick else a.pairs)
    floor = noise_floor_ms(2.0 if a.quick else 20.0) if "noise" in parts else None
    report = {
        "machine": _machine(),
        "command": " ".join(sys.argv),
        "results": results,
        "series": series,
        "startup": startup,
        "noise_floor_ms": floor,
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    m = report["machine"]
    print(f"{m['platform']}, {m['cpus']} cpus, Python {m['python']}, PySide6 {m['pyside6']}, "
          f"pyqtgraph {m['pyqtgraph']}, {m['date']}")  # fmt: skip
    print(table(results))
    if series is not None:
        print(
            f"4 plots of {series['points']:,}-point series (and {series['events']:,} events): build "
            f"{series['build_ms']:.0f} ms; pan full / month median {series['pan_full_median_ms']:.1f} / "
            f"{series['pan_month_median_ms']:.1f} ms; zoom full / month median "
            f"{series['zoom_full_median_ms']:.1f} / {series['zoom_month_median_ms']:.1f} ms"
        )
    if startup is not None:
        print(
            f"start-up to the first painted frame, median of {startup['pairs']} rounds: a bare "
            f"PySide6 + pyqtgraph PlotWidget {startup['floor_first_paint_ms']:.0f} ms; the app at its "
            f"first start {startup['app_first_paint_ms']:.0f} ms (x{startup['ratio_median_of_pairs']:.2f}), "
            f"at a later start (the chronology from the cache) {startup['app_usual_first_paint_ms']:.0f} ms "
            f"(x{startup['ratio_usual_median_of_pairs']:.2f})"
        )
    if floor is not None:
        print(
            f"noise floor: the longest gap of a ticking thread beside a plain-Python worker: {floor:.0f} ms"
        )
    print(f"JSON: {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
