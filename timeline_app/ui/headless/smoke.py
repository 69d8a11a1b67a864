"""``timeline-app --smoke``: does this build start, load the shipped chronology and draw?

Made for packaged builds (the PyInstaller bundle, the .deb) and for CI: it opens the main window on the
chronology shipped with the app, draws one frame without needing a display (Qt's ``offscreen`` platform
is chosen when there is no display and no platform was asked for), checks that the frame is not blank,
prints one line and exits::

    smoke ok: 73 events, 1 frame 1280x800 in 0.42 s (main window, offscreen)

Any failure prints ``smoke failed: ...`` with the details on standard error and returns 1. It never
touches the user's settings or cache (the window gets settings and a loader cache of its own in a
temporary folder).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1280, 800
MIN_INK = 0.005  # at least this share of the frame differs from the background colour
MIN_COLOURS = 4  # ... in at least this many colours (text, lanes, events, axis)
LOAD_TIMEOUT = 60.0  # seconds to wait for a background load
SAVE_ENV = "TIMELINE_APP_SMOKE_PNG"  # if set, the frame is also saved there (for a look, or a CI artifact)
# Qt's offscreen platform says this when a window is shown; it is not a problem of the app.
QUIET = ("This plugin does not support propagateSizeHints()",)


class SmokeError(RuntimeError):
    """A check failed; the message says which."""


def _choose_platform() -> str:
    """Draw offscreen unless there is a display (or the caller chose a platform)."""
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return os.environ.get("QT_QPA_PLATFORM") or "default"


def ink(image: Any) -> tuple[float, int]:
    """(share of pixels that differ from the most common colour, number of distinct colours) of a
    QImage."""
    import numpy as np
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    if w == 0 or h == 0:
        return 0.0, 0
    row = img.bytesPerLine() // 4
    pixels = np.frombuffer(img.constBits(), dtype=np.uint32, count=row * h).reshape(h, row)[:, :w]
    colours, counts = np.unique(pixels & 0x00FFFFFF, return_counts=True)
    background = int(counts.max())
    return 1.0 - background / float(w * h), int(colours.size)


def _check(name: str, image: Any) -> None:
    share, colours = ink(image)
    if share < MIN_INK or colours < MIN_COLOURS:
        raise SmokeError(
            f"the {name} is blank: {share:.2%} of its pixels differ from the background, "
            f"in {colours} colours (want at least {MIN_INK:.1%} in {MIN_COLOURS})"
        )


def _quiet_offscreen_notes() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: Any, context: Any, message: str) -> None:
        if message not in QUIET:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _settle(app: Any, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait_for_background_load(window: Any, timeout: float = LOAD_TIMEOUT) -> None:
    """A large chronology loads on a worker thread: wait for it (the shipped one is small enough to
    load at once, but a build must not report a blank frame while it loads)."""
    from PySide6.QtWidgets import QApplication

    loader = getattr(window, "loader", None)
    deadline = time.perf_counter() + timeout
    while loader is not None and loader.busy():
        if time.perf_counter() > deadline:
            raise SmokeError(f"the chronology did not load within {timeout:.0f} s")
        QApplication.processEvents()
        time.sleep(0.01)


def _main_window(path: Path, settings_dir: str) -> tuple[Any, Any, int]:
    """(window to grab, canvas inside it, number of events) through the app's own window."""
    from PySide6.QtCore import QSettings

    from timeline_app.ui.app.launch import create_main_window
    from timeline_app.ui.app.settings import Settings

    store = QSettings(str(Path(settings_dir) / "smoke.ini"), QSettings.Format.IniFormat)
    window = create_main_window(path, settings=Settings(store))
    _wait_for_background_load(window)
    if not getattr(window, "loaded", True):
        errors = getattr(window, "errors", None)
        lines = errors.lines() if errors is not None and hasattr(errors, "lines") else []
        raise SmokeError("the chronology did not load: " + "; ".join(lines[:5]))
    chron = window.state.chronology
    return window, getattr(window, "canvas", None), len(chron.events)


def _canvas_only(path: Path) -> tuple[Any, Any, int]:
    """The timeline canvas on its own, for builds whose window cannot be made."""
    from timeline_app.io import load_chronology
    from timeline_app.model.view_state import ViewState
    from timeline_app.ui.app.canvas import ChronologyCanvas

    chron = load_chronology(path)
    state = ViewState()
    state.set_chronology(chron, fit=True)
    canvas = ChronologyCanvas(state)
    return canvas, canvas, len(chron.events)


def run_smoke(chronology: str | os.PathLike[str] | None = None) -> str:
    """Do the checks on ``chronology`` (default: the shipped one); return the line to print, raise
    on failure. A large file loads as the app loads it: in the background, its events read by
    worker processes, which a frozen build must be able to start."""
    start = time.perf_counter()
    platform = _choose_platform()

    from PySide6.QtWidgets import QApplication

    import timeline_app.ui  # noqa: F401  (chooses the Qt binding before pyqtgraph is imported)
    from timeline_app.paths import shipped_chronology

    try:
        from timeline_app.ui.app.launch import create_application

        app = create_application(["timeline-app", "--smoke"])
    except ImportError:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(["timeline-app", "--smoke"])

    if platform == "offscreen":
        _quiet_offscreen_notes()
    path = Path(chronology) if chronology is not None else shipped_chronology()
    with tempfile.TemporaryDirectory(prefix="timeline-app-smoke-") as settings_dir:
        # the loader's cache goes there too (unless the caller chose a folder): smoke leaves nothing behind
        os.environ.setdefault("TIMELINE_APP_CACHE_DIR", str(Path(settings_dir) / "cache"))
        try:
            view, canvas, n_events = _main_window(path, settings_dir)
            kind = "main window"
        except (ImportError, AttributeError) as exc:  # a build without the full window: try the canvas
            print(
                f"smoke: main window unavailable ({type(exc).__name__}: {exc}); using the canvas",
                file=sys.stderr,
            )
            view, canvas, n_events = _canvas_only(path)
            kind = "canvas"
        if n_events == 0:
            raise SmokeError(f"the chronology at {path} has no events")
        view.resize(WIDTH, HEIGHT)
        view.show()
        _settle(app)
        frame = view.grab().toImage()
        _settle(app, 1)
        _check(kind, frame)
        if canvas is not None and canvas is not view:
            _check("timeline canvas", canvas.grab().toImage())
        w, h = frame.width(), frame.height()
        if os.environ.get(SAVE_ENV):
            frame.save(os.environ[SAVE_ENV])
        view.close()
        view.deleteLater()
        _settle(app, 2)
    elapsed = time.perf_counter() - start
    return f"smoke ok: {n_events} events, 1 frame {w}x{h} in {elapsed:.2f} s ({kind}, {platform})"


def smoke(chronology: str | os.PathLike[str] | None = None) -> int:
    """Run the smoke test; print one line; 0 if the app starts, loads and draws, else 1."""
    try:
        line = run_smoke(chronology)
    except Exception as exc:  # any failure is the answer, not a crash
        print(f"smoke failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(smoke())
