"""What the first frame imports (issue 18: a start as fast as an empty window).

The window is started as ``launch.run`` starts it, on the shipped chronology, in a process of its
own, once with an empty cache (a first start: the chronology read from its file) and once with the
cache that start wrote (every later start); after its first painted frame it lists the modules
loaded. Modules that only a later action needs must not be among them: each was moved off the
start for a measured cost (docs/PERFORMANCE.md, "Start-up").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, os, sys
import timeline_app.ui
from timeline_app import runtime
from timeline_app.ui.app.launch import create_application, create_main_window
from timeline_app.ui.app.settings import Settings
runtime.tune_for_app()
app = create_application(["timeline-app"])
window = create_main_window(None, Settings())
window.resize(1200, 800)
window.show()
for _ in range(5):
    app.processEvents()
assert window.state.chronology.events, "the shipped chronology is on screen"
print(json.dumps(sorted(sys.modules)))
sys.stdout.flush()
os._exit(0)
"""

# each with what asks for it
NOT_AT_START = {
    "numpy.ma": "a plain np.unique (the sort of a table read from a file)",
    "yaml": "the exact path: a file the fast path doubts",
    "difflib": "a misspelt key or language",
    "concurrent.futures": "a comparison",
    "csv": "an export or a table import",
    "PySide6.QtPrintSupport": "printing",
    "timeline_app.io.export": "an export",
    "timeline_app.ui.app.help_overlay": "the ? overlay",
    "timeline_app.ui.panels.data_table": "the data table (Ctrl+T)",
    "timeline_app.ui.app.page_view": "the print preview",
    "timeline_app.model.compare": "a comparison",
    "timeline_app.model.diff": "a comparison",
}


def _modules(cache: Path, settings: Path) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TIMELINE_APP_CACHE_DIR": str(cache),
        "TIMELINE_APP_SETTINGS_DIR": str(settings),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_first_frame_imports_only_what_it_needs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    first = _modules(cache, tmp_path / "settings1")
    assert any(cache.iterdir()), "the first start wrote the cache a later start reads"
    later = _modules(cache, tmp_path / "settings2")
    for name, start in (("first", first), ("later", later)):
        loaded = {m: why for m, why in NOT_AT_START.items() if m in start}
        assert loaded == {}, f"a {name} start imported what only this asks for: {loaded}"
    assert "ryml" in first and "ryml" not in later  # a later start reads the cache, not the file
    assert "timeline_app.io.reading" not in later
