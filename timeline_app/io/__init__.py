"""Reading and writing chronologies: YAML in (with file:line:column errors), JSON and CSV out, and
other programs' formats in and out (:mod:`.formats`). No Qt.

:func:`load_chronology` here opens ours (a YAML/JSON file or a folder, :mod:`.loader`) and a single
file in another program's format alike (:func:`.formats.load_any`), so the viewer and the command
line open both the same way."""

from .formats import load_any as load_chronology
from .loader import chronology_files
from .problems import ChronologyError, Problem
from .progress import LoadCancelled, ProgressCallback

__all__ = [
    "ChronologyError",
    "LoadCancelled",
    "Problem",
    "ProgressCallback",
    "chronology_files",
    "load_chronology",
]
