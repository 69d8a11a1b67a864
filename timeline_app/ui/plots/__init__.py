"""The indicator plots linked to the timeline's time axis, their series items and event markers.

May import: :mod:`timeline_app.ui.timeline`, :mod:`timeline_app.ui.drawing` and the pure layers.
Never ``app``, ``panels`` or ``headless``.
"""
