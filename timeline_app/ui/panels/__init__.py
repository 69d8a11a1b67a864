"""The panes beside the canvas: the detail pane, search and the problems list.

May import: :mod:`timeline_app.ui.drawing` and the pure layers (model, geometry, io, text).
Never ``app``, ``timeline``, ``plots`` or ``headless``: a pane talks to the rest through the view
state.
"""
