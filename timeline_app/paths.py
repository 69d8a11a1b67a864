"""The one module that knows where the shipped files live.

Installed, editable, or frozen by PyInstaller (``sys._MEIPASS``), every other module asks here for
``resources/`` (schema, icons, styles) and ``events/`` (the shipped chronology).
"""

from __future__ import annotations

import sys
from pathlib import Path


def _roots() -> list[Path]:
    roots: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    here = Path(__file__).resolve().parent
    roots.append(here / "_data")  # a wheel may carry the data inside the package
    roots.append(here.parent)  # a source checkout or an editable install
    return roots


def _find(name: str) -> Path:
    for root in _roots():
        candidate = root / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"cannot find the shipped '{name}' folder (looked in {', '.join(map(str, _roots()))})"
    )


def resources_dir() -> Path:
    return _find("resources")


def resource(name: str) -> Path:
    return resources_dir() / name


def shipped_chronology() -> Path:
    """The folder of the chronology shipped with the app (Beijing–Tianjin–Hebei, 2014–2024)."""
    return _find("events")


def schema_path() -> Path:
    """The JSON Schema of the chronology format (the line a written YAML file points editors at)."""
    return resource("chronology.schema.json")
