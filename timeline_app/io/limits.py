"""Bounds on what the loader accepts, so a hostile or broken file cannot exhaust memory or the stack.

Each bound gives a positioned message when passed, instead of a crash. They are generous for hand-
written and generated chronologies alike (see docs/FORMAT.md, "Limits").
"""

MAX_FILE_BYTES = 256 * 1024 * 1024  # one file
MAX_FILES = 10_000  # files in a chronology folder
MAX_EVENTS = 2_000_000  # events across all files
MAX_NODES_PER_FILE = 40_000_000  # YAML nodes visited in one file, aliases expanded
MAX_DEPTH = 64  # nesting of lists and mappings (a chronology needs about six)
MAX_SCALAR_CHARS = 1_000_000  # one text value
MAX_PROBLEMS = 500  # problems reported before the rest are counted, not listed
