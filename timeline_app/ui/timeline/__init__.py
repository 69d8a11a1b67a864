"""The lane timeline: the graphics item, its layout inputs, its painter and the lane axis.

Lives here: ``item`` (the one graphics item painting every lane), ``layout`` (labels, clusters and
bars for a view), ``frame`` (a laid-out frame's arrays), ``paint`` (drawing a frame) and
``lane_axis`` (lane names on the left).

May import: :mod:`timeline_app.ui.drawing` and the pure layers. Never ``app``, ``panels``,
``plots`` or ``headless``.
"""
