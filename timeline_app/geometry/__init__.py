"""Pure numpy view maths: where events go on screen, what is drawn at a zoom, and the date ticks.

Lives here: lane and track layout (``layout``), the per-lane level-of-detail histograms (``lod``),
the drawing arrays made once per chronology (``event_arrays``), series summaries per pixel column
(``series_lod``), date ticks (``ticks``) and the caches a view asks for first (``prepare``).

May import: :mod:`timeline_app.model`, numpy and the standard library. Never Qt, pyqtgraph,
:mod:`timeline_app.io` or :mod:`timeline_app.ui` (import-linter checks it; the Qt-less test job
runs ``tests/geometry``).
"""
