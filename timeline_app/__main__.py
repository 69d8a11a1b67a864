"""``python -m timeline_app`` (also the PyInstaller entry script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # first: in the frozen app, a worker process of a load (see timeline_app.io.parallel) is this
    # program started again, and must become that worker here, before anything else runs
    multiprocessing.freeze_support()
    from timeline_app.cli import main

    sys.exit(main())
