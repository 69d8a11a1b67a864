"""Large chronologies load on a worker thread: progress shows, the window keeps answering, Cancel
keeps what is shown, and a newer request wins over an older one."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import timeline_app.ui.app.document as document_module
from timeline_app.io import LoadCancelled, loader
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import press

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from benchmarks.generate import build, to_yaml


@pytest.fixture
def big(tmp_path: Path) -> Path:
    p = tmp_path / "big.yaml"
    p.write_text(to_yaml(build(3000, seed=5)), encoding="utf-8")
    return p


def test_a_large_chronology_loads_in_the_background(
    qtbot, window: MainWindow, big: Path, monkeypatch
) -> None:
    monkeypatch.setattr(document_module, "BACKGROUND_BYTES", 1000)
    seen: list[float] = []
    window.loader.progress.connect(lambda _what, f: seen.append(f))
    with qtbot.waitSignal(window.chronology_loaded, timeout=20000):
        assert window.open_path(big)
        assert window.load_bar.isVisible() and window.cancel_load_button.isVisible()
        assert window.cancel_load_action.isEnabled()
        # the window keeps answering while it loads: keys still browse the chronology shown
        press(qtbot, window, Qt.Key.Key_Right)
        assert window.state.selected_event_id is not None
    assert len(window.state.chronology.events) == 3000
    assert not window.load_bar.isVisible() and not window.cancel_load_action.isEnabled()
    assert seen and seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


def test_cancel_keeps_the_chronology_shown(qtbot, window: MainWindow, big: Path, monkeypatch) -> None:
    monkeypatch.setattr(document_module, "BACKGROUND_BYTES", 1000)
    before = window.state.chronology
    real = loader._fast

    def slow_fast(docs, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        for _ in range(400):  # the worker reports progress (and so notices Cancel) while it works
            if progress is not None:
                progress(0.0)
            time.sleep(0.005)
        return real(docs, progress, **kwargs)

    monkeypatch.setattr(loader, "_fast", slow_fast)
    with qtbot.waitSignal(window.loader.cancelled, timeout=5000):
        window.open_path(big)
        qtbot.wait(50)
        window.cancel_load_action.trigger()
    window.loader.wait(10)
    qtbot.wait(100)
    assert window.state.chronology is before
    assert not window.load_bar.isVisible()
    assert not window.errors.isVisible()


def test_a_newer_request_wins(
    qtbot, window: MainWindow, big: Path, small_chronology: Path, monkeypatch
) -> None:
    monkeypatch.setattr(document_module, "BACKGROUND_BYTES", 1000)
    with qtbot.waitSignal(window.chronology_loaded, timeout=20000) as blocker:
        window.open_path(big)
        window.open_path(small_chronology)  # small: loads at once, and the big one is dropped
    assert blocker.args == [str(small_chronology)]
    window.loader.wait(20)
    qtbot.wait(200)
    assert window.path == small_chronology and len(window.state.chronology.events) == 7


def test_problems_found_in_the_background_are_shown(
    qtbot, window: MainWindow, big: Path, monkeypatch
) -> None:
    monkeypatch.setattr(document_module, "BACKGROUND_BYTES", 1000)
    big.write_text(big.read_text(encoding="utf-8").replace('"start": "', '"start": "x', 1), encoding="utf-8")
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        window.open_path(big)
    assert window.errors.isVisible()
    assert any("is not a date" in line for line in window.errors.lines())
    assert len(window.state.chronology.events) == 7  # the chronology shown stays


def test_load_cancelled_is_raised_out_of_the_loader(big: Path) -> None:
    def stop(_what: str, fraction: float) -> None:
        if fraction > 0.3:
            raise LoadCancelled

    with pytest.raises(LoadCancelled):
        loader.load_chronology(big, progress=stop)


def _hold_the_worker(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Make the worker stop in its preparation of the view: (started, release) events."""
    from timeline_app.ui.app import loading

    started, release = threading.Event(), threading.Event()

    class Slow:
        @staticmethod
        def for_chronology(_chron: object) -> None:
            started.set()
            release.wait(10)

    monkeypatch.setattr(loading, "EventArrays", Slow)
    return started, release


def test_the_worker_prepares_the_view_and_cancel_stops_it_there(qtbot, big: Path, monkeypatch) -> None:

    from timeline_app.ui.app import loading

    bl = loading.BackgroundLoader()
    got: list[object] = []
    bl.loaded.connect(lambda _job, _path, chron: got.append(chron))
    with qtbot.waitSignal(bl.loaded, timeout=20000):
        bl.start(big)
    bl.wait(10)
    [chron] = got
    assert "columns" in vars(chron) and "_event_arrays" in vars(chron)  # made on the worker thread

    started, release = _hold_the_worker(monkeypatch)
    with qtbot.waitSignal(bl.cancelled, timeout=5000):
        bl.start(big)
        assert started.wait(20)
        bl.cancel()
    release.set()
    bl.wait(10)
    qtbot.wait(50)
    assert len(got) == 1  # the cancelled load was not delivered


def test_the_interpreter_switches_briskly_only_while_loading(qtbot, big: Path, monkeypatch) -> None:
    """While a load runs the UI thread gets the interpreter's lock within a millisecond; after it
    (delivered or cancelled, overlapping or not) the interval the app had is back."""

    from timeline_app import runtime
    from timeline_app.ui.app import loading

    before = sys.getswitchinterval()
    seen: list[float] = []

    class Spy:
        @staticmethod
        def for_chronology(_chron: object) -> None:
            seen.append(sys.getswitchinterval())

    monkeypatch.setattr(loading, "EventArrays", Spy)
    bl = loading.BackgroundLoader()
    with qtbot.waitSignal(bl.loaded, timeout=20000):
        bl.start(big)
    bl.wait(10)
    assert seen == [runtime.LOADING_SWITCH_INTERVAL_S] and sys.getswitchinterval() == before

    started, release = _hold_the_worker(monkeypatch)
    bl.start(big)
    assert started.wait(20)
    bl.start(big)  # a newer request while the first winds down: both count
    assert sys.getswitchinterval() == runtime.LOADING_SWITCH_INTERVAL_S
    release.set()
    with qtbot.waitSignal(bl.loaded, timeout=20000):
        pass
    bl.wait(10)
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before, timeout=5000)


def test_a_fresh_load_is_stored_beside_the_preparing_and_before_it_is_delivered(
    qtbot, big: Path, tmp_path: Path, monkeypatch
) -> None:
    """The cache entry of a file read afresh is written on a thread of its own while the view's
    caches are made (its hashing and writing let go of the interpreter lock), and is there when
    the chronology is delivered: a start right after a first open reads it."""
    from timeline_app.io import cache
    from timeline_app.ui.app import loading

    folder = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(folder))
    assert big.stat().st_size >= cache.MIN_BYTES
    times: dict[str, float] = {}
    threads: list[str] = []
    real_store, real_arrays = cache.store, loading.EventArrays

    def slow_store(key: str, chron: object) -> None:  # a slow disk
        threads.append(threading.current_thread().name)
        time.sleep(0.4)
        real_store(key, chron)  # type: ignore[arg-type]
        times["stored"] = time.perf_counter()

    class Spy:
        @staticmethod
        def for_chronology(chron: object) -> object:
            times["preparing"] = time.perf_counter()
            return real_arrays.for_chronology(chron)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "store", slow_store)
    monkeypatch.setattr(loading, "EventArrays", Spy)
    bl = loading.BackgroundLoader()
    seen: list[str] = []
    bl.progress.connect(lambda what, _f: seen.append(what))
    entries_when_delivered: list[int] = []
    bl.loaded.connect(lambda *_: entries_when_delivered.append(len(list(folder.glob("*.json")))))
    with qtbot.waitSignal(bl.loaded, timeout=20000):
        bl.start(big)
    bl.wait(10)
    assert threads and threads[0].startswith("store-") and threads[0] != "MainThread"
    assert times["preparing"] < times["stored"]  # side by side
    assert entries_when_delivered == [1]
    assert "Saving to the cache" in seen  # said while the view's caches were made and it still wrote

    # a file read afresh without the window (the command line) is stored before the load returns
    monkeypatch.setattr(cache, "store", real_store)
    for entry in folder.glob("*.json"):
        entry.unlink()
    loader.load_chronology(big, cache=True)
    assert len(list(folder.glob("*.json"))) == 1
