"""Reading and writing chronologies: YAML in (with file:line:column errors), JSON and CSV out. No Qt."""

from .checks import LoadCancelled, ProgressCallback
from .loader import chronology_files, load_chronology
from .problems import ChronologyError, Problem

__all__ = [
    "ChronologyError",
    "LoadCancelled",
    "Problem",
    "ProgressCallback",
    "chronology_files",
    "load_chronology",
]
