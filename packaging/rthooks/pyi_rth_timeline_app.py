"""PyInstaller runtime hook: runs in the frozen app before timeline_app is imported.

The bundle carries PySide6 only. pyqtgraph tries PyQt6 before PySide6 unless told, so name the binding
here too (timeline_app.ui does the same, this makes it true before anything else imports pyqtgraph).
"""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
os.environ.setdefault("QT_API", "pyside6")
