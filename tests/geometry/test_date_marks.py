"""EDTF flags per event, for drawing: one bit per kind, from the dates (and the approximate field)."""

from timeline_app.geometry.event_arrays import EventArrays
from timeline_app.model.chronology import Chronology, Event
from timeline_app.model.date_marks import APPROXIMATE, OPEN_AFTER, OPEN_BEFORE, UNCERTAIN, date_marks
from timeline_app.model.dates import PartialDate

D = PartialDate.parse


def test_each_kind_has_its_flag() -> None:
    events = [
        Event("plain", "Plain", D("2014"), "x"),
        Event("approx", "Approx", D("2014~"), "x"),
        Event("field", "Field", D("2014"), "x", approximate=True),
        Event("unsure", "Unsure", D("2014?"), "x"),
        Event("both", "Both", D("2014%"), "x"),
        Event("before", "Before", D("../2014"), "x"),
        Event("after", "After", D("2014/.."), "x"),
        Event("span", "Span", D("2014"), "x", end=D("2016?/..")),
        Event("decade", "Decade", D("201X"), "x"),
    ]
    c = Chronology.build(title="t", events=events, categories=())
    got = dict(zip([e.id for e in c.events], date_marks(c.events).tolist(), strict=True))
    assert got == {
        "plain": 0, "approx": APPROXIMATE, "field": APPROXIMATE, "unsure": UNCERTAIN,
        "both": APPROXIMATE | UNCERTAIN, "before": OPEN_BEFORE, "after": OPEN_AFTER,
        "span": UNCERTAIN | OPEN_AFTER, "decade": 0,
    }  # fmt: skip
    arrays = EventArrays.from_chronology(c, today=20000.0)
    assert arrays.marks.tolist() == date_marks(c.events).tolist()
    # approximate dates are drawn dashed like the approximate field
    assert {c.events[i].id for i in range(len(c.events)) if arrays.approx[i]} == {"approx", "field", "both"}
    # the decade's whisker spans its ten years
    k = [e.id for e in c.events].index("decade")
    assert arrays.start_hi[k] - arrays.start_lo[k] == 3652
