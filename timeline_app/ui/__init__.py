"""The Qt user interface: the only package that imports PySide6 and pyqtgraph.

The binding is chosen explicitly before pyqtgraph is imported anywhere: pyqtgraph tries PyQt6
before PySide6 unless told, and a frozen build must never bundle the wrong one.
"""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import PySide6  # noqa: F401  (import the binding first, so pyqtgraph finds it)
