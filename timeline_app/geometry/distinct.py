"""Distinct values of an array, as ``np.unique`` gives them, for the paths that draw a frame."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def distinct(values: ArrayLike) -> np.ndarray:
    """The distinct values of ``values`` (flattened), sorted: what ``np.unique(values)`` returns.

    A plain ``np.unique`` call (no index, inverse or counts asked for) imports ``numpy.ma`` the first
    time it runs, to check for a masked array: 20–25 ms, paid inside the app's first frame. Sorting
    and keeping each value that differs from the one before it is the same answer for the arrays the
    painters pass (integers, and floats already rounded; no NaN)."""
    a = np.sort(np.asarray(values).ravel())
    if a.size < 2:
        return a
    keep = np.empty(a.shape, dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]
