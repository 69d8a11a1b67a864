"""The Qt binding the app runs on.

PySide6 6.12.0 on CPython 3.11 aborts the interpreter ("Fatal Python error: none_dealloc") after a
few thousand calls of methods that return None; pyproject.toml pins 3.11 to < 6.12. This test makes
such calls in a subprocess (an abort would take pytest down with it) and checks it survives.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 25_000

SCRIPT = f"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
from PySide6 import QtCore, QtWidgets
import pyqtgraph as pg

app = QtWidgets.QApplication([])
obj = QtCore.QObject()
for i in range({CALLS}):
    obj.setObjectName("n")          # returns None
    obj.blockSignals(False)
plot = pg.PlotWidget()
plot.resize(400, 300)
vb = plot.getViewBox()
for i in range(300):                # pan steps: each sets ranges, updates axes, repaints
    vb.translateBy(x=0.01)
    app.processEvents()
print("survived")
"""


def test_binding_survives_many_calls_returning_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=240, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("survived")


def test_pyqtgraph_uses_pyside6() -> None:
    import pyqtgraph as pg

    import timeline_app.ui  # noqa: F401  (chooses the binding)

    assert pg.Qt.QT_LIB == "PySide6"
