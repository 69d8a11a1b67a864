"""Properties of the foreign readers and writers (hypothesis): any bytes, and any mutation of a
real file, give a chronology or positioned problems, never a crash; any chronology of ours goes
through TimelineJS JSON and iCalendar and comes back the same in what those formats hold."""

from __future__ import annotations

import re
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.io import ChronologyError
from timeline_app.io.formats import load_foreign, read_mapped
from timeline_app.io.formats.ical import write_ics
from timeline_app.io.formats.timelinejs import write_json
from timeline_app.io.formats.yaml_out import write_yaml
from timeline_app.io.loader import load_chronology as load_ours
from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate

FOREIGN = Path(__file__).resolve().parents[2] / "data" / "foreign"
SAMPLES = {
    "json": (FOREIGN / "timelinejs" / "eras.json", "timelinejs-json"),
    "csv": (FOREIGN / "timelinejs" / "my-own-timeline.csv", "timelinejs-sheet"),
    "table": (FOREIGN / "csv" / "made-own-sheet.csv", "table"),
    "ics": (FOREIGN / "ics" / "alarm_google_future.ics", "ics"),
    "timeline": (FOREIGN / "timeline" / "made-features.timeline", "timeline"),
}
FAST = settings(
    max_examples=int(__import__("os").environ.get("PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _survives(path: Path, kind: str) -> None:
    try:
        mapped = read_mapped(path, kind)
        from timeline_app.io.formats.mapped import build

        build(mapped)
    except ChronologyError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.line >= 1 and p.column >= 1 and p.message


@FAST
@given(
    kind=st.sampled_from(sorted(SAMPLES)),
    cuts=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=8)), max_size=4),
)
def test_a_mutated_real_file_never_crashes(
    tmp_path_factory, kind: str, cuts: list[tuple[int, int, bytes]]
) -> None:  # type: ignore[no-untyped-def]
    src, reader = SAMPLES[kind]
    data = bytearray(src.read_bytes())
    for at, length, insert in cuts:
        at %= len(data) + 1
        data[at : at + length] = insert
    path = tmp_path_factory.mktemp("m") / src.name
    path.write_bytes(bytes(data))
    _survives(path, reader)


@FAST
@given(kind=st.sampled_from(sorted(SAMPLES)), text=st.text(max_size=300))
def test_any_text_never_crashes(tmp_path_factory, kind: str, text: str) -> None:  # type: ignore[no-untyped-def]
    src, reader = SAMPLES[kind]
    path = tmp_path_factory.mktemp("t") / src.name
    path.write_text(text, encoding="utf-8")
    _survives(path, reader)


# -- round trips of generated chronologies -------------------------------------------------------------------
_words = (
    st.text(alphabet=string.ascii_letters + string.digits + " ,;:'\"&<>é–?", min_size=1, max_size=30)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_dates = st.builds(
    lambda y, m, d, q, side: PartialDate(y, m or None, (d or None) if m else None, 0, 0, q, side),
    st.integers(1900, 2100),
    st.integers(0, 12),
    st.integers(0, 28),
    st.sampled_from(["", "~", "?", "%"]),
    st.sampled_from(["", "before", "after"]),
)


def _text(raw: str) -> str:
    """A description as TimelineJS (HTML) can say it: single spaces, at most one blank line."""
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@st.composite
def _chronologies(draw: st.DrawFn) -> Chronology:
    lanes = draw(st.lists(_words, min_size=1, max_size=3, unique_by=lambda s: s.lower()))
    cats = [Category(f"lane-{k}", name, "#4e79a7", k) for k, name in enumerate(lanes)]
    events = []
    for k in range(draw(st.integers(1, 6))):
        start = draw(_dates)
        end = draw(st.none() | _dates)
        if end is not None and end.end_day() <= start.first_day():
            end = None
        events.append(
            Event(
                f"e{k}",
                draw(_words),
                start,
                cats[draw(st.integers(0, len(cats) - 1))].id,
                end=end,
                description=_text(draw(st.text(alphabet=string.ascii_letters + " \n.&<", max_size=60))),
            )
        )
    return Chronology.build(title=draw(_words), events=events, categories=cats)


def _same(ours: Chronology, back: Chronology) -> None:
    names = {k.id: k.name for k in ours.categories}
    back_names = {k.id: k.name for k in back.categories}
    for e in ours.events:
        b = back.event(e.id)
        assert b is not None
        assert (b.title, b.start, b.end) == (e.title, e.start, e.end)
        assert back_names[b.category] == names[e.category]


@FAST
@given(c=_chronologies())
def test_through_timelinejs_and_back(tmp_path_factory, c: Chronology) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("tj") / "c.json"
    path.write_text(write_json(c), encoding="utf-8")
    _same(c, load_foreign(path))


@FAST
@given(c=_chronologies())
def test_through_icalendar_and_back(tmp_path_factory, c: Chronology) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ics") / "c.ics"
    path.write_text(write_ics(c), encoding="utf-8")
    _same(c, load_foreign(path))


@FAST
@given(c=_chronologies())
def test_our_yaml_writer_reads_back(tmp_path_factory, c: Chronology) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("y") / "c.yaml"
    path.write_text(write_yaml(c, path), encoding="utf-8")
    back = load_ours(path)
    for e in c.events:
        b = back.event(e.id)
        assert b is not None and (b.title, b.start, b.end, b.description) == (
            e.title,
            e.start,
            e.end,
            e.description,
        )
