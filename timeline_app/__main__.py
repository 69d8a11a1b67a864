"""``python -m timeline_app`` (also the PyInstaller entry script)."""

import sys

from timeline_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
