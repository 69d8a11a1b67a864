"""Events read as rows and as tables (a worker's share, a piece read from its JSON text) in one
file's order: the table they make is the one their rows would make, whatever mix they came in."""

from __future__ import annotations

from timeline_app.io.event_rows import EventRows
from timeline_app.model.chronology import Origin
from timeline_app.model.dates import PartialDate
from timeline_app.model.text_column import id_keys

# (id, year): out of date order, so that a sort moves them
EVENTS = [("e5", 2019), ("e1", 2014), ("e9", 2001), ("e2", 2022), ("e7", 2010), ("e3", 2016), ("e0", 2005)]


def _rows(events: list[tuple[str, int]], line: int = 1) -> EventRows:
    rows = EventRows()
    for k, (ident, year) in enumerate(events):
        rows.add(
            ident,
            f"T {ident}",
            PartialDate(year),
            None,
            "c",
            False,
            False,
            "",
            None,
            Origin("f", line + k, 3),
        )
    return rows


def test_tables_and_rows_mixed_make_the_table_of_their_rows() -> None:
    alone = _rows(EVENTS).table()
    mixed = EventRows()
    mixed.add_table(_rows(EVENTS[:3]).table(sort=False))
    for k, (ident, year) in enumerate(EVENTS[3:]):  # then rows, then another table after them
        if k == 2:
            mixed.add_table(_rows(EVENTS[5:], line=6).table(sort=False))
            break
        mixed.add(
            ident, f"T {ident}", PartialDate(year), None, "c", False, False, "", None, Origin("f", 4 + k, 3)
        )
    ids = mixed.id_column()
    assert list(ids) == [ident for ident, _ in EVENTS]  # reading order
    keyed = id_keys(ids)
    table = mixed.table(keyed=keyed)
    assert table == alone and list(table.ids) == list(alone.ids)
    assert [table.origin(i) for i in range(len(EVENTS))] == [alone.origin(i) for i in range(len(EVENTS))]
    assert all(table.positions[e] == k for k, e in enumerate(table.ids))
