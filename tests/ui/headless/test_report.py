"""PDFs: ``timeline-app report`` (pages, text, outline, page size), ``render --out x.pdf``. The text
is read back from the file with pypdf, as a reader's search would find it."""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

import timeline_app.ui  # noqa: F401  (binding first)
from timeline_app.cli import main
from timeline_app.io import load_chronology
from timeline_app.paths import shipped_chronology
from timeline_app.ui.panels.detail_pane import event_when


def pdf_text(path: Path) -> list[str]:
    """Each page's text, ligatures undone (the PDF draws 'fi' as one glyph), spaces squashed."""
    pages = PdfReader(str(path)).pages
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in pages]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) of every bookmark."""
    r = PdfReader(str(path))
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:  # type: ignore[type-arg]
        for x in items:
            if isinstance(x, list):
                walk(x, depth + 1)
            else:
                out.append((depth, str(x.title), r.get_destination_page_number(x) + 1))

    walk(r.outline, 0)
    return out


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_report_holds_every_headline_with_its_date_and_an_outline(
    qtbot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.pdf"
    began = time.perf_counter()
    assert main(["report", "--out", str(out)]) == 0
    seconds = time.perf_counter() - began
    assert seconds < 20  # 5 to 7 s measured here; the issue asks for under 10 on a free machine
    said = capsys.readouterr().out
    pages = pdf_text(out)
    assert said.startswith(f"wrote {out} ({len(pages)} pages")
    c = load_chronology(shipped_chronology())
    text = " ".join(pages)
    headlines = [e for e in c.events if e.importance == "headline"]
    assert len(headlines) >= 4
    for ev in headlines:
        assert squash(ev.title) in text
        assert squash(event_when(ev)) in text
    assert "习近平在北京考察工作" in text  # a source's Chinese title, as text (a CJK font is embedded)
    for k, page in enumerate(pages):  # every page numbered
        assert f"{k + 1} / {len(pages)}" in page
    marks = outline(out)
    assert marks[0] == (0, c.title, 1)
    lanes = [m for m in marks if m[0] == 1]
    with_events = [k for k in c.categories if any(e.category == k.id for e in c.events)]
    assert [m[1] for m in lanes] == [k.name for k in with_events]
    for _, name, page in lanes:  # each bookmark lands on its own section's first page
        assert pages[page - 1].startswith(squash(name))
    assert "Contents" in pages[0]


def test_a_tour_report_has_a_page_per_stop_in_the_tours_order(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tour.pdf"
    assert main(["report", str(shipped_chronology()), "--out", str(out), "--tour", "ten-years"]) == 0
    c = load_chronology(shipped_chronology())
    tour = c.tour("ten-years")
    assert tour is not None
    pages = pdf_text(out)
    marks = [m for m in outline(out) if m[0] == 1]
    assert len(marks) == len(tour.stops)
    assert [m[2] for m in marks] == sorted(m[2] for m in marks)
    for (_, title, page), stop in zip(marks, tour.stops, strict=True):
        assert title == stop.title
        assert squash(stop.text) in pages[page - 1]
        assert "Sources:" in " ".join(pages[page - 1 : page + 1])


def test_letter_pages_and_a_bad_tour(qtbot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "letter.pdf"
    assert main(["report", "--out", str(out), "--page-size", "Letter"]) == 0
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert main(["report", "--out", str(tmp_path / "x.pdf"), "--tour", "ten-yaers"]) == 2
    assert "no tour with id 'ten-yaers' (the tours are: ten-years)" in capsys.readouterr().err
    assert main(["report", "--out", str(tmp_path / "x.png")]) == 2


def test_render_to_pdf_is_one_page_of_text_with_its_sources(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "view.pdf"
    args = ["render", "--out", str(out), "--from", "2016", "--to", "2019", "--select", "xiongan-founded"]
    assert main(args) == 0
    (page,) = pdf_text(out)
    c = load_chronology(shipped_chronology())
    assert squash(c.title) in page
    assert "Xiong'an New Area announced" in page
    assert "Sources:" in page and "People's Daily" in page
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    fonts = list(PdfReader(str(out)).pages[0]["/Resources"]["/Font"].values())
    assert fonts  # text drawn as text, with its fonts


def test_a_view_citing_more_sources_than_fit_says_how_many_more(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "all.pdf"
    assert main(["render", "--out", str(out)]) == 0  # the whole decade: some eighty sources
    (page,) = pdf_text(out)
    footer = page.split("Sources:")[1]
    m = re.search(r"; and (\d+) more", footer)
    assert m is not None and int(m.group(1)) > 10
    assert footer.count(";") < 79  # cut, not every source crammed in


def test_a_report_in_chinese_has_the_tours_chinese_texts(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "zh.pdf"
    assert main(["report", "--out", str(out), "--tour", "ten-years", "--lang", "zh"]) == 0
    pages = pdf_text(out)
    marks = [m for m in outline(out) if m[0] == 1]
    assert marks[0][1] == "起点：2014年2月26日座谈会"
    assert squash("习近平在北京主持召开座谈会") in squash(pages[marks[0][2] - 1]).replace(" ", "")
