"""Test-wide set-up: no display, and never the user's real settings, cache or data."""

from __future__ import annotations

import os
import tempfile

# Before any Qt import: draw offscreen, and point every per-user folder at a throwaway one, so
# QSettings/QStandardPaths in tests never touch the real configuration of whoever runs them.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_home = tempfile.mkdtemp(prefix="timeline-app-tests-")
for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())
os.environ["TIMELINE_APP_SETTINGS_DIR"] = os.path.join(_home, "settings")
# the interface language follows the system's: the tests expect English unless they switch
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
