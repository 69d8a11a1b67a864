"""Errors at start-up, and later, that must not vanish.

A frozen, windowed build (Windows, macOS) has no console: a traceback printed to standard error goes
nowhere, and ``sys.stdout``/``sys.stderr`` are ``None``, so a plain ``sys.stdout.write`` (argparse's
``--help``) or a logging handler can itself crash. :func:`install` makes such failures visible:

* uncaught exceptions, in the main thread (``sys.excepthook``) or any other (``threading.excepthook``),
  are written to a log file, printed to standard error when there is one, and shown in an error dialog
  (the traceback under "Show Details...") when a QApplication is running;
* Qt's own fatal errors ("no Qt platform plugin could be initialized") abort the process before Python
  sees them: the Qt message handler writes them to the log first, with the Qt messages that led to them,
  so a QApplication that cannot even be created still leaves a trace (there is no dialog then);
* when ``sys.stdout``/``sys.stderr`` are ``None`` they become safe streams: standard output is discarded,
  standard error is appended to the log file (created only if something is written).

The log file is ``timeline-app.log`` in the user's log folder (:func:`log_dir`):
``$XDG_STATE_HOME/timeline-app/logs`` (default ``~/.local/state/...``) on Linux, falling back to
``$XDG_CACHE_HOME``; ``%LOCALAPPDATA%\\timeline-app\\logs`` on Windows; ``~/Library/Logs/timeline-app``
on macOS. It is appended to, and rotated at 1 MB (one old file kept as ``.1``).

Nothing here imports Qt at import time, beyond the binding's package that ``timeline_app.ui`` loads.
"""

from __future__ import annotations

import datetime
import io
import os
import sys
import tempfile
import threading
import traceback
from collections import deque
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

LOG_NAME = "timeline-app.log"
MAX_BYTES = 1_000_000
QT_MESSAGES_KEPT = 40  # recent Qt messages written with a fatal error or an exception


class _State:
    def __init__(self) -> None:
        self.app_name = "timeline-app"
        self.log_file: Path | None = None
        self.real_stderr: Any = None
        self.showing = False
        self.installed = False
        self.previous_excepthook: Callable[..., Any] | None = None
        self.previous_threading_hook: Callable[..., Any] | None = None
        self.previous_qt_handler: Any = None
        self.qt_messages: deque[str] = deque(maxlen=QT_MESSAGES_KEPT)
        self.lock = threading.Lock()


_state = _State()


# -- where the log goes -----------------------------------------------------------------------------------
def log_dir(app_name: str = "timeline-app") -> Path:
    """The user's log folder for ``app_name`` (not created here)."""
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / app_name / "logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / app_name
    state = os.environ.get("XDG_STATE_HOME") or str(home / ".local" / "state")
    return Path(state) / app_name / "logs"


def _candidate_dirs(app_name: str) -> list[Path]:
    dirs = [log_dir(app_name)]
    if not sys.platform.startswith(("win", "darwin")):
        cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        dirs.append(Path(cache) / app_name / "logs")
    dirs.append(Path(tempfile.gettempdir()) / f"{app_name}-logs")
    return dirs


def log_file() -> Path:
    """The log file this process writes to (chosen at the first write; may not exist yet)."""
    if _state.log_file is not None:
        return _state.log_file
    return log_dir(_state.app_name) / LOG_NAME


def write_log(text: str) -> Path | None:
    """Append ``text`` to the log, with a time stamp; the file written, or None if none could be.
    Never raises."""
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    entry = f"--- {stamp} {_state.app_name} pid {os.getpid()}\n{text.rstrip()}\n"
    with _state.lock:
        dirs = [_state.log_file.parent] if _state.log_file else []
        for folder in dirs + _candidate_dirs(_state.app_name):
            path = folder / LOG_NAME
            try:
                folder.mkdir(parents=True, exist_ok=True)
                if path.exists() and path.stat().st_size > MAX_BYTES:
                    path.replace(path.with_name(LOG_NAME + ".1"))
                with open(path, "a", encoding="utf-8", errors="replace") as f:
                    f.write(entry)
            except OSError:
                continue
            _state.log_file = path
            return path
    return None


class _LogStream(io.TextIOBase):
    """Stands in for a missing ``sys.stderr``: what is written goes to the log file, a line at a time."""

    def __init__(self) -> None:
        self._buffer = ""

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        self._buffer += s
        if "\n" in self._buffer:
            done, _, self._buffer = self._buffer.rpartition("\n")
            if done.strip():
                write_log(done)
        return len(s)

    def flush(self) -> None:
        if self._buffer.strip():
            write_log(self._buffer)
        self._buffer = ""


def ensure_streams() -> None:
    """Make ``print``, ``sys.stdout.write`` and logging safe in a build without a console."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  (lives as long as the process)
    if sys.stderr is None:
        sys.stderr = _LogStream()


def _print_stderr(text: str) -> None:
    stream = _state.real_stderr
    if stream is None:
        return
    try:
        stream.write(text if text.endswith("\n") else text + "\n")
        stream.flush()
    except (OSError, ValueError, AttributeError):
        pass


# -- reporting --------------------------------------------------------------------------------------------
def _details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str) -> str:
    lines = [f"Unhandled exception{where}:", *traceback.format_exception(exc_type, exc, tb)]
    if _state.qt_messages:
        lines.append("Recent Qt messages:\n" + "\n".join(_state.qt_messages))
    lines.append(
        f"Python {sys.version.split()[0]} on {sys.platform}; frozen: {bool(getattr(sys, 'frozen', False))}"
    )
    return "\n".join(line.rstrip("\n") for line in lines)


def report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str = ""
) -> None:
    """Log an exception, print it to standard error if there is one, and show it if Qt can."""
    details = _details(exc_type, exc, tb, where)
    path = write_log(details)
    _print_stderr(details)
    if path is not None:
        _print_stderr(f"(written to {path})")
    _show_dialog(f"{exc_type.__name__}: {exc}", details, path)


def _application() -> Any:
    """The running QApplication, without importing Qt's widgets if the app never did."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:
        return None
    app = widgets.QApplication.instance()
    return app if isinstance(app, widgets.QApplication) else None


def _show_dialog(summary: str, details: str, path: Path | None) -> None:
    app = _application()
    if app is None:
        return
    if threading.current_thread() is not threading.main_thread():
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app, lambda: _show_dialog(summary, details, path))
        return
    if _state.showing:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    started = any(w.isVisible() for w in QApplication.topLevelWidgets())
    name = QApplication.applicationDisplayName() or "Timeline"
    title = f"{name}: unexpected error" if started else f"{name} could not start"
    _state.showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, title, title + ".")
        where = f"\n\nThe details were written to {path}" if path is not None else ""
        box.setInformativeText(summary + where)
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
    except Exception:  # a broken Qt must not hide the original error, which is already logged
        write_log("could not show the error dialog:\n" + traceback.format_exc())
    finally:
        _state.showing = False


# -- hooks ------------------------------------------------------------------------------------------------
def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _threading_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    report(args.exc_type, args.exc_value, args.exc_traceback, where=f" in thread {name!r}")


def _install_qt_handler() -> None:
    """Keep recent Qt messages, and write a fatal one to the log before Qt aborts the process."""
    try:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    except Exception:  # Qt itself cannot load: the caller's exception will say why
        return

    def handler(mode: Any, context: Any, message: str) -> None:
        category = getattr(context, "category", None)
        if category and category != "default":
            message = f"{category}: {message}"
        _state.qt_messages.append(message)
        if mode == QtMsgType.QtFatalMsg:
            history = "\n".join(_state.qt_messages)
            path = write_log(f"Qt fatal error (the application could not start):\n{history}")
            if path is not None:
                _print_stderr(f"(written to {path})")
        previous = _state.previous_qt_handler
        if previous is not None:
            previous(mode, context, message)
        else:
            _print_stderr(message)

    _state.previous_qt_handler = qInstallMessageHandler(handler)


def install(app_name: str = "timeline-app") -> Path:
    """Route every uncaught error to the log, standard error and (when Qt runs) a dialog. Call it first
    thing, before the QApplication is made. Returns the log file's path (created at the first error)."""
    _state.app_name = app_name
    _state.real_stderr = sys.stderr if not isinstance(sys.stderr, _LogStream) else None
    ensure_streams()
    if not _state.installed:
        _state.previous_excepthook = sys.excepthook
        _state.previous_threading_hook = threading.excepthook
        sys.excepthook = _excepthook
        threading.excepthook = _threading_hook
        _install_qt_handler()
        _state.installed = True
    return log_file()


def uninstall() -> None:
    """Put back the hooks :func:`install` replaced (for tests)."""
    if not _state.installed:
        return
    if _state.previous_excepthook is not None:
        sys.excepthook = _state.previous_excepthook
    if _state.previous_threading_hook is not None:
        threading.excepthook = _state.previous_threading_hook
    try:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(_state.previous_qt_handler)
    except Exception:
        pass
    _state.installed = False
    _state.qt_messages.clear()
