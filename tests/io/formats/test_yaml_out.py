"""Our YAML writer: the shipped chronology (figures, indicators, sources with places in them)
written as one file reads back identical, schema line first."""

from __future__ import annotations

from pathlib import Path

from timeline_app.io import load_chronology
from timeline_app.io.export import to_dict
from timeline_app.io.formats.yaml_out import scalar, write_yaml
from timeline_app.paths import shipped_chronology


def test_the_shipped_chronology_round_trips(tmp_path: Path) -> None:
    ours = load_chronology(shipped_chronology())
    out = tmp_path / "all.yaml"
    text = write_yaml(ours, out)
    assert text.startswith("# yaml-language-server: $schema=")
    out.write_text(text, encoding="utf-8")
    assert to_dict(load_chronology(out)) == to_dict(ours)


def test_scalars_that_yaml_would_misread_are_quoted() -> None:
    for text in ("yes", "No", "null", "1e3", "2014-02-26", "a: b", "#tag", "- item", "[x]", " lead", "x,y"):
        assert scalar(text) != text, text
    for text in ("Beijing", "Xiong'an New Area", "https://example.org/a?b=c", "44 BCE"):
        assert scalar(text) == text, text
