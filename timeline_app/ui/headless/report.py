"""``timeline-app report``: a multi-page PDF of a chronology, for reading away from the viewer.

Page 1 shows the whole chronology (its title, description, counts, the view of everything and the
contents). Then one section per stop of a tour (``--tour ID``), or per lane: the section's view, its
text, and its events with their dates, descriptions, figures and sources, running on to further
pages as needed. Every page has its number ("3 / 17"); the PDF's outline (bookmarks) lists the
sections. Pages are drawn by :mod:`timeline_app.ui.app.page_view` (real text, fonts embedded); the
outline, which Qt's PDF writer cannot write, is added afterwards with pypdf.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6 import QtCore, QtGui

from timeline_app.model.chronology import Chronology, Event
from timeline_app.model.localize import localize
from timeline_app.model.tours import stop_view
from timeline_app.model.view_state import padded_range
from timeline_app.text import fill, format_number, translate
from timeline_app.ui.app.page_view import (
    CanvasPool,
    ViewSpec,
    application,
    draw_text,
    page_rect,
    paint_canvas,
    pdf_writer,
    sources_line,
    text_height,
    view_sources,
    view_subtitle,
)
from timeline_app.ui.panels.detail_pane import event_when

VIEW_SHARE = 0.42  # of a section's first page, for its view
TITLE_VIEW_SHARE = 0.5
GAP = 6.0
Draw = Callable[[QtGui.QPainter, QtCore.QRectF], None]


@dataclass
class Block:
    """Something drawn in the flow of a page: text at a size, or a view of a fixed height."""

    height: float
    draw: Draw


@dataclass
class Section:
    title: str  # the outline's entry
    heading: str
    intro: str
    spec: ViewSpec
    events: list[Event]
    first_page: int = 0


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)


def _text_block(p: QtGui.QPainter, width: float, text: str, size: float, bold: bool = False) -> Block:
    h = text_height(p, width, text, size, bold=bold)

    def draw(q: QtGui.QPainter, r: QtCore.QRectF) -> None:
        draw_text(q, r, text, size, bold=bold)

    return Block(h, draw)


def _view_block(pool: CanvasPool, spec: ViewSpec, height: float) -> Block:
    def draw(q: QtGui.QPainter, r: QtCore.QRectF) -> None:
        paint_canvas(q, pool.canvas(spec, int(r.width()), int(r.height())), r.topLeft())

    return Block(height, draw)


def _event_lines(chron: Chronology, ev: Event) -> list[tuple[str, float, bool]]:
    """An event as (text, size, bold) paragraphs: title, date, description, figures, sources."""
    out = [(ev.title, 10.5, True), (event_when(ev), 8.5, False)]
    if ev.description:
        out.append((ev.description, 9.0, False))
    for f in ev.figures:
        value = " ".join(x for x in (f.qualifier, format_number(f.value), f.unit) if x)
        line = fill(translate("Report", "%1: %2"), f.label, value)
        if f.source is not None:
            src = chron.source(f.source.source)
            where = f", {f.source.locator}" if f.source.locator else ""
            line += f" ({src.title if src else f.source.source}{where})"
        out.append(("• " + line, 8.5, False))
    for r in ev.sources:
        src = chron.source(r.source)
        cite = src.citation() if src else r.source
        if src is not None and src.url:
            cite += f", {src.url}"
        out.append(
            (
                fill(translate("Report", "Source: %1"), cite + (f" — {r.locator}" if r.locator else "")),
                7.5,
                False,
            )
        )
    return out


def _sections(chron: Chronology, tour_id: str | None) -> list[Section]:
    default_plots = tuple(chron.default_plot_keys())
    if tour_id is not None:
        tour = chron.tour(tour_id)
        if tour is None:
            known = ", ".join(t.id for t in chron.tours) or translate("CommandLine", "none")
            raise ValueError(
                fill(translate("CommandLine", "no tour with id '%1' (the tours are: %2)"), tour_id, known)
            )
        out = []
        for k, stop in enumerate(tour.stops):
            v = stop_view(chron, stop)
            plots = v.plot_keys if v.plot_keys is not None else default_plots
            spec = ViewSpec(v.range, v.hidden_lanes, plots, v.event_id)
            ev = chron.event(v.event_id) if v.event_id else None
            numbered = fill(translate("Report", "%1 / %2 · %3"), k + 1, len(tour.stops), v.heading)
            out.append(Section(v.heading, numbered, stop.text, spec, [ev] if ev else []))
        return out
    out = []
    for cat in chron.categories:
        events = [e for e in chron.events if e.category == cat.id]
        if not events:
            continue
        lo = min(e.start.first_day() for e in events)
        hi = max(e.end_day() for e in events)
        hidden = frozenset(c.id for c in chron.categories if c.id != cat.id)
        plots = tuple(
            dict.fromkeys(ind.plot_key for e in events for i in e.indicators if (ind := chron.indicator(i)))
        )
        spec = ViewSpec(padded_range(lo, hi, pad=0.05), hidden, plots[:2])
        count = len(events)
        intro = cat.description or fill(translate("Report", "%Ln event(s) in this lane.", None, count))
        out.append(Section(cat.name, cat.name, intro, spec, events))
    return out


def _plan(
    p: QtGui.QPainter, area: QtCore.QRectF, pool: CanvasPool, sections: list[Section], tour_title: str
) -> list[Page]:
    """Lay every page out: the title page, then each section's blocks, a new page when one is full."""
    w = area.width()
    chron = pool.chronology
    pages = [Page()]
    first = pages[0].blocks
    first.append(_text_block(p, w, chron.title or translate("Report", "Chronology"), 18, True))
    if tour_title:
        first.append(_text_block(p, w, fill(translate("Report", "Tour: %1"), tour_title), 12, True))
    if chron.description:
        first.append(_text_block(p, w, chron.description, 9))
    whole = ViewSpec(padded_range(*chron.full_range()), plots=tuple(chron.default_plot_keys()[:3]))
    first.append(_view_block(pool, whole, area.height() * TITLE_VIEW_SHARE))
    n = chron.counts()
    first.append(
        _text_block(
            p,
            w,
            fill(
                translate("Report", "%1 events in %2 lanes · %3 series · %4 sources"),
                n["events"],
                n["categories"],
                n["indicators"],
                n["sources"],
            ),
            8.5,
        )
    )
    contents_at = len(first)  # the contents are filled in once the pages are known
    for s in sections:
        page = Page()
        pages.append(page)
        s.first_page = len(pages) - 1
        blocks = [
            _text_block(p, w, s.heading, 14, True),
            _text_block(p, w, view_subtitle(s.spec), 8),
            _view_block(pool, s.spec, area.height() * VIEW_SHARE),
            _text_block(p, w, s.intro, 10),
        ]
        for ev in s.events:
            for text, size, bold in _event_lines(chron, ev):
                blocks.append(_text_block(p, w, text, size, bold))
        blocks.append(_text_block(p, w, sources_line(view_sources(chron, s.spec)), 7))
        used = 0.0
        for b in blocks:
            if page.blocks and used + b.height > area.height():
                page = Page()
                pages.append(page)
                cont = _text_block(p, w, fill(translate("Report", "%1 (continued)"), s.title), 9, True)
                page.blocks.append(cont)
                used = cont.height + GAP
                if b.height > area.height():  # a paragraph longer than a page is cut, not lost in a loop
                    b = Block(area.height(), b.draw)
            page.blocks.append(b)
            used += b.height + GAP
    lines = [fill(translate("Report", "Contents")), *(f"{s.title} … {s.first_page + 1}" for s in sections)]
    first.insert(contents_at, _text_block(p, w, "\n".join(lines), 9))
    return pages


def write_report(
    chronology: Chronology,
    out: Path,
    *,
    tour: str | None = None,
    page_size: str = "A4",
    language: str | None = None,
) -> int:
    """Write the report to ``out`` (a .pdf); returns the number of pages. ``language`` (``en``,
    ``zh``/``zh_CN``) writes its words, dates and the chronology's texts in that language; None
    follows the system's."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ValueError(
            fill(translate("CommandLine", "a report is a PDF: name the file .pdf, not '%1'"), out.name)
        )
    application()
    from timeline_app.ui.app import language as ui_language  # after the QApplication exists

    ui_language.apply_language(language or ui_language.system_language())
    chronology = localize(chronology, ui_language.data_language())
    sections = _sections(chronology, tour)
    t = chronology.tour(tour) if tour else None
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = pdf_writer(str(out), chronology.title or "Chronology", page_size, landscape=False)
    p = QtGui.QPainter()
    if not p.begin(writer):
        raise OSError(f"could not write {out}")
    area = page_rect(writer)
    foot = 16.0
    body = QtCore.QRectF(area.left(), area.top(), area.width(), area.height() - foot)
    pool = CanvasPool(chronology)
    try:
        pages = _plan(p, body, pool, sections, t.title if t else "")
        for k, page in enumerate(pages):
            if k:
                writer.newPage()
            y = body.top()
            for b in page.blocks:
                b.draw(p, QtCore.QRectF(body.left(), y, body.width(), b.height))
                y += b.height + GAP
            number = fill(translate("Report", "%1 / %2"), k + 1, len(pages))
            draw_text(p, QtCore.QRectF(area.left(), area.bottom() - foot + 4, area.width(), foot), number, 8)
    finally:
        p.end()
        pool.close()
    _add_outline(
        out, chronology.title or "Chronology", t.title if t else translate("Report", "Lanes"), sections
    )
    return len(pages)


def _add_outline(path: Path, title: str, group: str, sections: list[Section]) -> None:
    """The PDF's bookmarks: the title page, then the sections under the tour's title (or "Lanes")."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(path))
    writer = PdfWriter(clone_from=reader)
    writer.add_outline_item(title=title, page_number=0)
    parent = writer.add_outline_item(title=group, page_number=sections[0].first_page if sections else 0)
    for s in sections:
        writer.add_outline_item(title=s.title, page_number=s.first_page, parent=parent)
    writer.page_mode = "/UseOutlines"
    with open(path, "wb") as f:
        writer.write(f)
