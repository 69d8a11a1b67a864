"""Starting the viewer: the application object, the first chronology, and errors that must not vanish.

``run(path)`` is what ``timeline-app [PATH]`` calls. It opens ``path``, else the chronology opened
last time, else the one shipped with the app. If that first load fails, the window still opens,
with the problems listed. An exception raised inside a slot is logged and shown in a dialog with
its details (:mod:`timeline_app.ui.app.startup_errors`), instead of killing the app or disappearing on
a windowed build with no console.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from timeline_app import __version__, runtime
from timeline_app.paths import shipped_chronology
from timeline_app.ui.app import language, startup_errors
from timeline_app.ui.app.main_window import MainWindow
from timeline_app.ui.app.settings import APPLICATION, ORGANIZATION, Settings


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once), named for QSettings and following the system palette."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Timeline")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("timeline-app")
    return app


def initial_path(path: str | os.PathLike[str] | None, settings: Settings) -> Path:
    """What to open first: the path given, else the last one opened (if it still exists), else the
    shipped chronology."""
    if path is not None:
        return Path(path)
    last = settings.last_path()
    if last and os.path.exists(last):
        return Path(last)
    return shipped_chronology()


def create_main_window(
    path: str | os.PathLike[str] | None = None, settings: Settings | None = None
) -> MainWindow:
    """A window showing ``path`` (or the last/shipped chronology). Needs a QApplication."""
    s = settings if settings is not None else Settings()
    window = MainWindow(settings=s)
    window.open_path(initial_path(path, s), initial=True)
    return window


# -- running ----------------------------------------------------------------------------------------
class _FileOpenFilter(QObject):
    """macOS delivers "Open With → Timeline" and files dropped on the Dock icon as a FileOpen event
    to the application, not as an argument: open them in the window."""

    def __init__(self, window: MainWindow, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self._window.open_path(event.file())
            return True
        return False


def run(path: str | None, argv: list[str] | None = None, lang: str | None = None) -> int:
    """Open the viewer on ``path`` (or the last/shipped chronology) and run until it is closed.

    Uncaught errors, including those raised inside Qt slots, go through
    :mod:`timeline_app.ui.app.startup_errors`: logged to a file, printed when there is a console, and
    shown in a dialog with the details while the app keeps running. ``lang`` (``--lang``) chooses the
    interface language for this run; else the one chosen in View ▸ Language, else the system's."""
    runtime.tune_for_app()  # the app's process settings (GC, allocator, stderr): see runtime
    startup_errors.install()
    try:
        try:
            app = create_application(argv)
            settings = Settings()
            language.apply_language(lang or settings.language() or language.system_language())
            window = create_main_window(path, settings)
        except Exception:  # the window could not even be built: say so, then give up
            startup_errors.report(*sys.exc_info())
            return 1
        if sys.platform == "darwin":  # the only system that sends FileOpen; a filter sees every event
            app.installEventFilter(_FileOpenFilter(window, app))
        window.show()
        return int(app.exec())
    finally:
        startup_errors.uninstall()
