"""Window assembly: the main window and what it is made of at the top level.

Lives here: starting the app (``launch``), the main window (``main_window``), the canvas that
stacks the timeline and the plots (``canvas``), the key table (``keymap``) and its ``?`` overlay
(``help_overlay``), settings, background loading, the file watcher and the start-up error report.

May import: every other ``timeline_app.ui`` sub-package except :mod:`timeline_app.ui.headless`,
and the pure layers (model, geometry, io, runtime, text).
"""
