"""The Qt user interface: the only package that imports PySide6 and pyqtgraph.

The binding is chosen explicitly before pyqtgraph is imported anywhere: pyqtgraph tries PyQt6
before PySide6 unless told, and a frozen build must never bundle the wrong one.
"""

import os
import sys
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import PySide6  # noqa: F401  (import the binding first, so pyqtgraph finds it)


def _source_names_pyside(module: Any, asked: Any) -> bool:
    """Whether ``module``'s source names "PySide6", read from its file; ``asked`` (PySide6's own
    question) for a module without a source file of its own (built in, compiled, frozen)."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not (isinstance(origin, str) and origin.endswith(".py")):
        return bool(asked(module))
    try:
        with open(origin, "rb") as f:
            return b"PySide6" in f.read()
    except OSError:  # as inspect.getsource: no source to read
        return False


def _quicker_feature_scan() -> None:
    """PySide6 asks, of every module imported after it, whether its source names "PySide6" (its
    ``__feature__`` switches apply to such modules only), through ``inspect.getsource``, which looks
    the module up among all those loaded: about 0.15 ms a module, some 60 ms of a start over the
    400-odd modules the window imports (napari#8584 found the same). The same question is asked
    here of the module's source file (the answer is the same: tests/ui/test_qt_binding.py)."""
    feature = sys.modules.get("shibokensupport.feature")
    asked = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "__name__", "") == "uses_pyside":  # another PySide6, or done
        return

    def uses_pyside(module: Any) -> bool:
        return _source_names_pyside(module, asked)

    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]  # noqa: SLF001 (its one question)


_quicker_feature_scan()
