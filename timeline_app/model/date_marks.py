"""What EDTF says of each event's dates, as flags per event for drawing. No Qt.

The views draw each kind so that a reader tells them apart: the whisker already shows precision
(201X spans its decade); an approximate date (``~``, ``%``, or the event's ``approximate: true``)
is outlined dashed; an uncertain one (``?``, ``%``) carries a question mark; a side left open
(``../2014``, ``2014/..``) is drawn as an open end. Computed from the small table of distinct dates,
indexed by the events' date codes: no pass over the events in Python.
"""

from __future__ import annotations

import numpy as np

from .event_table import EventTable

APPROXIMATE = 1
UNCERTAIN = 2
OPEN_BEFORE = 4  # the start may be earlier ("../2014": 2014 or before)
OPEN_AFTER = 8  # the end may be later ("2014/..": 2014 or after)


def date_marks(table: EventTable) -> np.ndarray:
    """One uint8 of the flags above per event, in the table's order."""
    n = len(table)
    if n == 0 or not table.dates:
        return np.zeros(n, dtype=np.uint8)
    qual = np.fromiter(
        ((APPROXIMATE if d.approximate else 0) | (UNCERTAIN if d.uncertain else 0) for d in table.dates),
        np.uint8,
        len(table.dates),
    )
    before = np.fromiter((d.open == "before" for d in table.dates), bool, len(table.dates))
    after = np.fromiter((d.open == "after" for d in table.dates), bool, len(table.dates))
    start, end = table.start, table.end
    has_end = end >= 0
    safe_end = np.where(has_end, end, 0)
    marks = qual[start] | np.where(has_end, qual[safe_end], 0).astype(np.uint8)
    marks |= np.where(before[start], OPEN_BEFORE, 0).astype(np.uint8)
    # the side a reader sees open: a point's own "or after", a span's end's
    open_after = np.where(has_end, after[safe_end], after[start])
    marks |= np.where(open_after, OPEN_AFTER, 0).astype(np.uint8)
    marks |= np.where(table.approximate, APPROXIMATE, 0).astype(np.uint8)
    return marks.astype(np.uint8)
