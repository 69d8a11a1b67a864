"""``timeline-app --smoke`` and the start-up error reporting that a packaged build relies on.

The smoke test runs in a subprocess, as a packaged build runs it (packaging/ci.sh runs the same check on
the PyInstaller bundle and on the installed .deb; the build itself stays out of this suite: it takes half
a minute). The start-up error tests run their failures in subprocesses too, since they end the process.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

import timeline_app.cli
from timeline_app.ui.app import startup_errors
from timeline_app.ui.headless import smoke

SMOKE_LINE = re.compile(
    r"^smoke ok: (\d+) events, 1 frame (\d+)x(\d+) in [\d.]+ s \((main window|canvas), \w+\)$"
)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        TIMELINE_APP_SETTINGS_DIR=str(tmp_path / "settings"),
    )
    env.update(extra)
    return env


def _smoke_command() -> list[str]:
    """``python -m timeline_app --smoke`` once the command line knows the flag; the function until then."""
    if "--smoke" in inspect.getsource(timeline_app.cli):
        return [sys.executable, "-m", "timeline_app", "--smoke"]
    return [
        sys.executable,
        "-c",
        "import sys; from timeline_app.ui.headless.smoke import smoke; sys.exit(smoke())",
    ]


def test_smoke_starts_loads_and_draws_the_shipped_chronology(tmp_path: Path) -> None:
    frame = tmp_path / "frame.png"
    result = subprocess.run(
        _smoke_command(),
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path, TIMELINE_APP_SMOKE_PNG=str(frame)),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = result.stdout.strip()
    m = SMOKE_LINE.match(line)
    assert m, line
    assert int(m[1]) >= 50  # the shipped chronology has 73 events
    assert (int(m[2]), int(m[3])) == (smoke.WIDTH, smoke.HEIGHT)
    assert m[4] == "main window"
    assert QImage(str(frame)).size().width() == smoke.WIDTH
    assert not (tmp_path / "settings").exists() or not any((tmp_path / "settings").iterdir())


def test_smoke_reports_a_failure_with_exit_1(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import timeline_app.paths as paths\n"
        "def missing():\n"
        "    raise FileNotFoundError('no shipped chronology here')\n"
        "paths.shipped_chronology = missing\n"
        "from timeline_app.ui.headless.smoke import smoke\n"
        "sys.exit(smoke())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_env(tmp_path)
    )
    assert result.returncode == 1
    assert "smoke failed: FileNotFoundError: no shipped chronology here" in result.stderr
    assert result.stdout == ""


def test_ink_tells_a_blank_frame_from_a_drawn_one(qapp) -> None:  # type: ignore[no-untyped-def]
    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert smoke.ink(blank) == (0.0, 1)

    drawn = QImage(blank)
    p = QPainter(drawn)
    for i, colour in enumerate(("red", "green", "blue", "black")):
        p.fillRect(10 + 40 * i, 10, 30, 60, QColor(colour))
    p.end()
    share, colours = smoke.ink(drawn)
    assert share == pytest.approx(4 * 30 * 60 / (200 * 100))
    assert colours == 5


# -- start-up errors --------------------------------------------------------------------------------------
def test_log_dir_follows_the_platform_and_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    expected = {
        "win32": tmp_path / "local" / "timeline-app" / "logs",
        "darwin": Path.home() / "Library" / "Logs" / "timeline-app",
    }.get(sys.platform, tmp_path / "state" / "timeline-app" / "logs")
    assert startup_errors.log_dir("timeline-app") == expected


def _run(tmp_path: Path, code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_env(tmp_path, **env)
    )


def _log(tmp_path: Path) -> str:
    path = tmp_path / "state" / "timeline-app" / "logs" / "timeline-app.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_an_error_before_the_window_is_logged_and_printed(tmp_path: Path) -> None:
    code = (
        "from timeline_app.ui.app import startup_errors\n"
        "startup_errors.install('timeline-app')\n"
        "raise RuntimeError('cannot open the chronology')\n"
    )
    result = _run(tmp_path, code)
    assert result.returncode == 1
    assert "RuntimeError: cannot open the chronology" in result.stderr
    log = _log(tmp_path)
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: cannot open the chronology" in log


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_without_a_console_print_and_logging_do_not_crash(tmp_path: Path) -> None:
    # what a windowed frozen build has: no standard streams at all
    code = (
        "import sys, logging, threading\n"
        "sys.stdout = None; sys.stderr = None\n"
        "from timeline_app.ui.app import startup_errors\n"
        "startup_errors.install('timeline-app')\n"
        "print('ignored'); sys.stdout.write('ignored too')\n"
        "logging.basicConfig(); logging.getLogger('t').error('a logged problem')\n"
        "t = threading.Thread(target=lambda: 1 / 0, name='loader'); t.start(); t.join()\n"
        "raise ValueError('windowed failure')\n"
    )
    result = _run(tmp_path, code)
    assert result.returncode == 1
    assert result.stdout == "" and result.stderr == ""
    log = _log(tmp_path)
    assert "a logged problem" in log
    assert "Unhandled exception in thread 'loader'" in log and "ZeroDivisionError" in log
    assert "ValueError: windowed failure" in log


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform is Linux's")
def test_a_qapplication_that_cannot_start_still_leaves_a_log(tmp_path: Path) -> None:
    # xcb with no display: Qt aborts in QApplication(), before Python could catch anything
    code = (
        "from timeline_app.ui.app import startup_errors\n"
        "startup_errors.install('timeline-app')\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['timeline-app'])\n"
    )
    result = _run(tmp_path, code, QT_QPA_PLATFORM="xcb")
    assert result.returncode != 0
    log = _log(tmp_path)
    assert "Qt fatal error (the application could not start)" in log
    assert "no Qt platform plugin could be initialized" in log


def test_an_error_with_a_running_app_shows_a_dialog_with_the_details(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from timeline_app.ui.app import startup_errors\n"
        "startup_errors.install('timeline-app')\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['timeline-app']); app.setApplicationDisplayName('Timeline')\n"
        "seen = []\n"
        "def close():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    seen.append((box.windowTitle(), box.informativeText(), 'Traceback' in box.detailedText()))\n"
        "    box.close()\n"
        "QTimer.singleShot(200, close)\n"
        "try:\n"
        "    raise KeyError('no such lane')\n"
        "except KeyError:\n"
        "    sys.excepthook(*sys.exc_info())\n"
        "title, info, traceback_shown = seen[0]\n"
        "print(title); print(info.splitlines()[0]); print(traceback_shown)\n"
    )
    result = _run(tmp_path, code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.splitlines() == ["Timeline could not start", "KeyError: 'no such lane'", "True"]


def test_an_error_in_another_thread_is_shown_by_the_gui_thread(tmp_path: Path) -> None:
    code = (
        "import threading\n"
        "from timeline_app.ui.app import startup_errors\n"
        "startup_errors.install('timeline-app')\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication(['timeline-app']); app.setApplicationDisplayName('Timeline')\n"
        "w = QWidget(); w.show()\n"
        "seen = []\n"
        "def poll():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    if box is not None:\n"
        "        seen.append((box.windowTitle(), box.informativeText().splitlines()[0]))\n"
        "        box.close(); app.quit()\n"
        "timer = QTimer(); timer.timeout.connect(poll); timer.start(20)\n"
        "QTimer.singleShot(50, lambda: threading.Thread(target=lambda: 1 / 0, name='loader').start())\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "app.exec()\n"
        "print(seen)\n"
    )
    result = _run(tmp_path, code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "[('Timeline: unexpected error', 'ZeroDivisionError: division by zero')]"
    assert "Unhandled exception in thread 'loader'" in result.stderr


def test_smoke_of_a_large_file_loads_it_by_worker_processes(tmp_path: Path) -> None:
    """``timeline-app PATH --smoke`` loads PATH as the window does: a file large enough is read by
    worker processes (a frozen build must be able to start them), and the frame shows its events."""
    from timeline_app.io import parallel

    big = tmp_path / "big.yaml"
    lines = ["categories:", "  - {id: a, name: A, color: '#4e79a7'}", "events:"]
    n = size = 0
    while size < parallel.MIN_PIECES * 256 * 1024 + 65536:
        day = f"{1950 + n % 70}-0{1 + n % 9}-1{n % 9}"
        lines.append(f"  - {{id: e{n}, title: Event number {n} of a large file, start: {day}, category: a}}")
        size += len(lines[-1]) + 1
        n += 1
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert parallel.worth_it(big.stat().st_size)
    done = subprocess.run(
        [sys.executable, "-m", "timeline_app", str(big), "--smoke"],
        capture_output=True,
        text=True,
        timeout=240,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"smoke ok: {n:,} events") or done.stdout.startswith(
        f"smoke ok: {n} events"
    )
