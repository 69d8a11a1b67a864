"""iCalendar in and out: calendars exported by Google Calendar and Thunderbird open and convert
to YAML that validates; recurrences are expanded within a bound; ours -> .ics -> ours keeps every
field a calendar can hold."""

from __future__ import annotations

from pathlib import Path

from timeline_app.cli import main
from timeline_app.io import load_chronology
from timeline_app.io.formats import detect, load_foreign
from timeline_app.io.formats.ical import MAX_OCCURRENCES, write_ics

ICS = Path(__file__).resolve().parents[2] / "data" / "foreign" / "ics"


def test_calendars_of_common_clients(tmp_path: Path) -> None:
    google = load_foreign(ICS / "alarm_google_future.ics")
    [ev] = list(google.events)
    assert (ev.title, ev.start.iso(), ev.end) == ("event with alarms", "2024-10-04", None)
    assert google.title == "Nicco Kunzmann"  # X-WR-CALNAME
    thunderbird = load_foreign(ICS / "alarm_thunderbird_future.ics")
    [ev] = list(thunderbird.events)
    assert ev.id == "b9a23b47-f109-4e7a-908c-75e925b27def" and ev.start.iso() == "2024-10-23"
    for name in (
        "alarm_google_future.ics",
        "alarm_thunderbird_future.ics",
        "issue_1081_event_with_rrule.ics",
    ):
        out = tmp_path / f"{name}.yaml"
        assert main(["convert", str(ICS / name), "--to", "yaml", str(out)]) == 0
        assert main(["validate", str(out)]) == 0


def test_a_recurring_event_is_expanded() -> None:
    c = load_foreign(ICS / "issue_1081_event_with_rrule.ics")  # FREQ=DAILY;COUNT=10
    assert [e.start.iso() for e in c.events] == [f"2025-01-{d:02d}" for d in range(1, 11)]
    assert len({e.id for e in c.events}) == 10


def test_recurrence_is_bounded_and_honours_exdate_and_overrides(tmp_path: Path) -> None:
    p = tmp_path / "r.ics"
    p.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n"
        "BEGIN:VEVENT\r\nUID:forever\r\nDTSTART;VALUE=DATE:20000101\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Every day\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART;VALUE=DATE:20140106\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
        "EXDATE;VALUE=DATE:20140113\r\nCATEGORIES:Meetings,board\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:weekly\r\nRECURRENCE-ID;VALUE=DATE:20140120\r\nDTSTART;VALUE=DATE:20140121\r\n"
        "CATEGORIES:Meetings\r\nSUMMARY:Board, moved\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    c = load_foreign(p)
    every = [e for e in c.events if e.title == "Every day"]
    assert len(every) == MAX_OCCURRENCES
    board = sorted(e.start.iso() for e in c.events if e.title.startswith("Board"))
    assert board == ["2014-01-06", "2014-01-21", "2014-01-27"]
    lanes = {k.id: k.name for k in c.categories}
    assert {lanes[e.category] for e in c.events if e.title == "Board"} == {"Meetings"}
    assert all(e.tags == ("board",) for e in c.events if e.title == "Board")


def test_round_trip_keeps_what_a_calendar_holds(tmp_path: Path) -> None:
    src = tmp_path / "c.yaml"
    src.write_text(
        """\
chronology: {title: Round trip, description: Ours to iCalendar and back}
sources:
  - {id: site, title: The site, url: "https://example.org/a"}
categories:
  - {id: planning, name: Planning, color: "#4e79a7"}
  - {id: transport, name: Transport, color: "#f28e2b"}
events:
  - {id: a, title: "Day, with a comma; and a semicolon", start: 2014-02-26, category: planning,
     description: "Line one\\nLine two", places: [Beijing, Tianjin], tags: [symposium, strategy],
     importance: headline, sources: [site]}
  - {id: b, title: Span, start: 2014-12-26, end: 2019-09-25, category: transport, importance: major}
  - {id: c, title: A year, start: 2015, category: transport}
  - {id: d, title: Around a month, start: 2016-03~, end: 2016-05?, category: planning}
  - {id: e, title: Before, start: ../2017, category: planning}
  - {id: f, title: Still going, start: 2018-01, ongoing: true, category: planning}
""",
        encoding="utf-8",
    )
    ours = load_chronology(src)
    out = tmp_path / "c.ics"
    assert main(["convert", str(src), "--to", "ics", str(out)]) == 0
    assert out.read_bytes().count(b"\r\n") > 10  # RFC 5545 line ends
    assert detect(out) == "ics"
    back = load_foreign(out)
    assert back.title == ours.title and back.description == ours.description
    lanes = {k.id: k.name for k in ours.categories}
    back_lanes = {k.id: k.name for k in back.categories}
    for e in ours.events:
        b = back.event(e.id)
        assert b is not None, e.id
        assert (b.title, b.start, b.end, b.ongoing, b.description) == (
            e.title,
            e.start,
            e.end,
            e.ongoing,
            e.description,
        )
        assert (b.places, b.tags, b.importance) == (e.places, e.tags, e.importance)
        assert back_lanes[b.category] == lanes[e.category]
    a = back.event("a")
    assert a is not None and back.source(a.sources[0].source).url == "https://example.org/a"  # type: ignore[union-attr]


def test_bce_events_are_left_out_of_a_calendar(tmp_path: Path) -> None:
    src = tmp_path / "c.yaml"
    src.write_text(
        "categories: [{id: x, name: X, color: '#4e79a7'}]\n"
        "events:\n  - {id: old, title: Old, start: 44 BCE, category: x}\n  - {id: new, title: New, start: 2014, category: x}\n",
        encoding="utf-8",
    )
    text = write_ics(load_chronology(src))
    assert "UID:new" in text and "UID:old" not in text
