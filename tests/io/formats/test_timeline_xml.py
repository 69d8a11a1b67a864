"""Timeline's .timeline files: the project's own file opens and converts to YAML that validates;
categories (nested ones by their path), containers, eras, fuzzy/locked/ongoing flags are kept;
no entity or DTD is ever expanded."""

from __future__ import annotations

from pathlib import Path

from timeline_app.cli import main
from timeline_app.io.formats import detect, load_foreign

TL = Path(__file__).resolve().parents[2] / "data" / "foreign" / "timeline"


def test_timelines_own_file(tmp_path: Path) -> None:
    path = TL / "versions.timeline"
    assert detect(path) == "timeline"
    c = load_foreign(path)
    assert [k.name for k in c.categories] == ["Planned Release", "Correction Release", "Future Release"]
    assert c.categories[0].color == "#80ff80"
    first = c.events[0]
    assert (first.title, first.start.iso(), first.end) == ("Timeline 0.1.0", "2009-04-11", None)
    assert len(c.events) == 59
    out = tmp_path / "v.yaml"
    assert main(["convert", str(path), "--to", "yaml", str(out)]) == 0
    assert main(["validate", str(out)]) == 0


def test_categories_containers_eras_and_flags() -> None:
    c = load_foreign(TL / "made-features.timeline")
    lanes = {k.id: k for k in c.categories}
    assert lanes["work-travel"].name == "Work › Travel" and lanes["work-travel"].color == "#f28e2b"
    visit = c.event("xiong-an")
    assert visit is not None
    assert visit.start.iso() == "2015-03-02~"  # fuzzy
    assert visit.related == ("site-visits",) and visit.category == "work-travel"
    assert visit.description == "First visit & survey" and visit.tags == ("survey", "site")
    container = c.event("site-visits")
    assert container is not None and set(container.tags) == {"locked", "container"}
    assert container.end is not None and container.end.iso() == "2015-03-20"
    running = c.event("still-running")
    assert running is not None and running.ongoing and "milestone" in running.tags
    [era] = c.eras
    assert (era.title, era.start.iso(), era.end.iso(), era.color) == (
        "The build-up",
        "2014-02-26",
        "2017-04-01",
        "#f2e8cf",
    )
    s = c.source(visit.sources[0].source)
    assert s is not None and s.url == "https://example.org/visit"
