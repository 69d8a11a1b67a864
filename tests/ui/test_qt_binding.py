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


def test_pyside_feature_scan_gives_pyside6s_answer(tmp_path, monkeypatch) -> None:
    """The app asks PySide6's question (does a module's source name "PySide6"?) of the source file
    instead of through inspect.getsource: the same answer for every module loaded, and for a module
    imported afterwards through PySide6's own import hook."""
    import inspect

    import timeline_app.ui  # replaces the question

    feature = sys.modules["shibokensupport.feature"]
    asked = feature._mod_uses_pyside
    assert asked.__name__ == "uses_pyside"

    def pyside_answer(module: object) -> bool:  # PySide6's own function, as it reads
        try:
            return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
        except (TypeError, OSError, SyntaxError):
            return False

    modules = [m for m in list(sys.modules.values()) if getattr(m, "__name__", None)]
    assert len(modules) > 300
    differing = [m.__name__ for m in modules if asked(m) != pyside_answer(m)]
    assert differing == []
    assert asked(timeline_app.ui)
    assert not asked(sys.modules["json"])

    (tmp_path / "names_it.py").write_text('QT = "PySide6"\n')
    (tmp_path / "does_not.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("names_it")  # as an import statement does: through PySide6's hook on __import__
    __import__("does_not")
    assert feature.pyside_feature_dict["names_it"] == 0
    assert feature.pyside_feature_dict["does_not"] == -1
