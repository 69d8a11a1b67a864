"""Drawing without a window: ``render`` (the ``render`` command: a PNG or SVG of a view) and
``smoke`` (a build check: load, draw one frame offscreen, print one line).

May import: every other ``timeline_app.ui`` sub-package and the pure layers. Nothing imports it but
the command line and the tests.
"""
