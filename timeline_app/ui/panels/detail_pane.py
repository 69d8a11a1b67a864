"""The detail pane: everything the chronology says about the selected event or indicator point.

Every piece of text from the data is escaped (``html.escape``) before it goes into the pane's
rich text, so a title like ``<img src=x onerror=…>`` shows literally. Links inside the pane
(related events, indicators, points, web addresses) can be followed with the mouse or with the
keyboard: Tab moves to a link, Enter follows it. Web links are http(s) only and open in the
browser after the user has seen the address and confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QKeyEvent, QPalette
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from timeline_app.model import actions
from timeline_app.model.chronology import Chronology, Event, Figure, Indicator, SourceRef
from timeline_app.model.dates import Precision
from timeline_app.model.view_state import ViewState
from timeline_app.text import escape_html, fill, format_number, label_value, translate
from timeline_app.ui.drawing.speech import announce

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_WEB_RE = re.compile(r"^https?://", re.IGNORECASE)


esc = escape_html  # data as text, never as markup


_BULLET_RE = re.compile(r"^\s*([-*•]|\d+[.)])\s")


def esc_lines(text: str) -> str:
    """Escaped text in paragraphs. A blank line starts a paragraph; other line breaks are the
    author's wrapping and become spaces, except before a list item ("- ", "* ", "1. ")."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
        if not lines:
            continue
        joined = esc(lines[0])
        for ln in lines[1:]:
            joined += ("<br>" if _BULLET_RE.match(ln) else " ") + esc(ln)
        out.append(f"<p>{joined}</p>")
    return "".join(out)


def is_web_url(url: str) -> bool:
    return bool(_WEB_RE.match(url.strip())) and QUrl(url.strip()).isValid()


# -- dates and spans in words ----------------------------------------------------------------------
def duration_words(days: float, *, exact: bool = True) -> str:
    """A length of time for people: '17 days', 'about 5 months', '10 years'."""
    d = round(days)
    if d <= 1:
        text = translate("DetailPane", "%Ln day(s)", None, 1)
    elif d < 60:
        text = translate("DetailPane", "%Ln day(s)", None, d)
    elif d < 730:
        months = round(days / 30.4369)
        text = translate("DetailPane", "%Ln month(s)", None, months)
    else:
        years = days / 365.2425
        if abs(years - round(years)) < 0.05:
            whole = round(years)
            text = translate("DetailPane", "%Ln year(s)", None, whole)
        else:
            text = fill(translate("DetailPane", "%1 years"), format_number(round(years, 1)))
    return text if exact or d <= 1 else fill(translate("DetailPane", "about %1"), text)


def event_when(ev: Event) -> str:
    """'26 February 2014', '2017 (year only)', '4 February 2022 – 20 February 2022 · 17 days',
    'ongoing, since March 2015 · about 9.5 years so far'."""
    exact = ev.start.precision is Precision.DAY and (ev.end is None or ev.end.precision is Precision.DAY)
    if ev.ongoing:
        text = fill(translate("DetailPane", "ongoing, since %1"), ev.start.words_with_precision())
        dur = ev.duration_days()
        if dur is not None and dur > 0:
            text += " · " + fill(translate("DetailPane", "%1 so far"), duration_words(dur, exact=False))
    elif ev.end is not None:
        dur = ev.duration_days() or 0.0
        text = f"{ev.start.words()} – {ev.end.words()} · {duration_words(dur, exact=exact)}"
    else:
        text = ev.start.words_with_precision()
    return text


def muted_color(text: QColor, base: QColor, t: float = 0.42) -> QColor:
    return QColor.fromRgbF(
        text.redF() + (base.redF() - text.redF()) * t,
        text.greenF() + (base.greenF() - text.greenF()) * t,
        text.blueF() + (base.blueF() - text.blueF()) * t,
    )


# -- the pane --------------------------------------------------------------------------------------


def _pair(label: str, value: str) -> str:
    """A label and its value, as each language writes them ("PM2.5: 32 µg/m³", "距北京：约 105 km")."""
    return label_value(label, value)


class DetailPane(QTextBrowser):
    """Shows the state's selection. Emits ``status_message`` with a link's address while it is hovered
    or focused, so the user sees where a link leads before following it."""

    status_message = Signal(str)

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("detailPane")
        self.setAccessibleName(translate("DetailPane", "Event details"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(False)  # Tab walks the links first, then leaves the pane
        # a caret to read by (screen readers follow it), links still reachable by Tab
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.last_announcement = ""
        self.anchorClicked.connect(self.follow)
        self.highlighted.connect(self._on_highlighted)  # the mouse over a link
        state.selection_changed.connect(self._on_state)
        state.chronology_changed.connect(self._on_state)
        state.filters_changed.connect(self._on_state)
        self.refresh()

    # -- rendering ---------------------------------------------------------------------------------
    def _on_state(self, *_: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.setHtml(self.render_html())
        self.verticalScrollBar().setValue(0)
        # said after the pane's name when it gets the focus: "Event details, <title>, <date>"
        self.setAccessibleDescription(self.spoken_title())

    def spoken_title(self) -> str:
        """What the pane shows, in a few words: the event's title and date, the point's series."""
        c = self.state.chronology
        sel = self.state.selection
        if sel is not None and sel.event_id is not None:
            ev = c.event(sel.event_id)
            if ev is not None:
                return f"{ev.title}, {event_when(ev)}"
        if sel is not None and sel.indicator_id is not None:
            ind = c.indicator(sel.indicator_id)
            if ind is not None and sel.point_index is not None and 0 <= sel.point_index < len(ind.points):
                p = ind.points[sel.point_index]
                value = f"{format_number(p.value)} {ind.unit}"
                return _pair(f"{ind.label}, {p.date.words()}", value)
        return translate("DetailPane", "Select an event: ←/→, click, or / to search")

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.LanguageChange,
        ):
            self.refresh()
            if e.type() == QEvent.Type.LanguageChange:
                self.setAccessibleName(translate("DetailPane", "Event details"))

    def _muted(self) -> str:
        """Secondary text: the text colour moved towards the background (opaque, so rich text can use it)."""
        pal = self.palette()
        return muted_color(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)).name()

    def render_html(self) -> str:
        c = self.state.chronology
        sel = self.state.selection
        if sel is not None and sel.event_id is not None:
            ev = c.event(sel.event_id)
            if ev is not None:
                return self._event_html(c, ev)
        if sel is not None and sel.indicator_id is not None:
            ind = c.indicator(sel.indicator_id)
            if ind is not None and sel.point_index is not None and 0 <= sel.point_index < len(ind.points):
                return self._point_html(c, ind, sel.point_index)
        return self._empty_html(c)

    def _empty_html(self, c: Chronology) -> str:
        muted = self._muted()
        hint = translate("DetailPane", "Select an event: ←/→, click, or / to search")
        parts = [f'<p style="color:{muted}">{esc(hint)}</p>']
        if c.title:
            parts.append(f"<h3>{esc(c.title)}</h3>")
        if c.description:
            parts.append(esc_lines(c.description))
        if c.events:
            n = c.counts()
            events, lanes, indicators, sources = n["events"], n["categories"], n["indicators"], n["sources"]
            counts = " · ".join(
                (
                    fill(
                        translate("DetailPane", "%1 in %2"),
                        translate("DetailPane", "%Ln event(s)", None, events),
                        translate("DetailPane", "%Ln lane(s)", None, lanes),
                    ),
                    translate("DetailPane", "%Ln indicator(s)", None, indicators),
                    translate("DetailPane", "%Ln source(s)", None, sources),
                )
            )
            parts.append(f'<p style="color:{muted}">{esc(counts)}</p>')
        press = translate("DetailPane", "Press ? for every key.")
        parts.append(f'<p style="color:{muted}">{esc(press)}</p>')
        return "".join(parts)

    def _section(self, title: str) -> str:
        return f'<h4 style="margin-top:12px; margin-bottom:2px">{esc(title)}</h4>'

    def _source_text(self, c: Chronology, ref: SourceRef | None) -> str:
        if ref is None:
            return ""
        src = c.source(ref.source)
        text = esc(src.citation()) if src is not None else f"<i>{esc(ref.source)}</i>"
        if ref.locator:
            text += " — " + esc(fill(translate("DetailPane", "at %1"), ref.locator))
        return text

    def _short_source(self, c: Chronology, ref: SourceRef) -> str:
        """A figure's source in a few words (the full citation is under Sources)."""
        src = c.source(ref.source)
        if src is None:
            text = f"<i>{esc(ref.source)}</i>"
        else:
            who = ", ".join(x for x in (src.publisher, src.date.words() if src.date else "") if x)
            text = esc(who or src.title)
        at = " — " + esc(fill(translate("DetailPane", "at %1"), ref.locator)) if ref.locator else ""
        return text + at

    def _figure_html(self, c: Chronology, f: Figure, previous: Figure | None) -> str:
        out = _pair(esc(f.label), f"<b>{esc(f.value_text())}</b>")
        if f.source is not None:
            same = previous is not None and previous.source == f.source
            where = esc(translate("DetailPane", "as above")) if same else self._short_source(c, f.source)
            source = esc(translate("DetailPane", "Source:"))
            out += f'<br><span style="color:{self._muted()}">{source} {where}</span>'
        return f"<li>{out}</li>"

    def _sources_html(self, c: Chronology, refs: Iterable[SourceRef]) -> str:
        items = []
        for ref in refs:
            src = c.source(ref.source)
            text = self._source_text(c, ref)
            if src is not None and src.note:
                text += f'<br><span style="color:{self._muted()}">{esc(src.note)}</span>'
            if src is not None and src.url and is_web_url(src.url):
                url = src.url.strip()
                text += f'<br><a href="{esc(url)}">{esc(url)}</a>'
            items.append(f"<li>{text}</li>")
        return f"<ul>{''.join(items)}</ul>" if items else ""

    def _fallback_note(self, c: Chronology, kind: str, ident: str) -> str:
        """A muted line naming the fields shown in another language, for want of a translation
        into the one chosen (see model.localize); "" when there are none."""
        words = {  # by the first part of the field's key ("figures.0.label")
            "title": translate("DetailPane", "title"),
            "description": translate("DetailPane", "description"),
            "places": translate("DetailPane", "places"),
            "figures": translate("DetailPane", "key figures"),
        }
        mine = [name for k, i, name in c.fallbacks if k == kind and i == ident]
        if not mine:
            return ""
        names = ", ".join(sorted({words.get(name.split(".")[0], name) for name in mine}))
        note = translate("DetailPane", "Not translated, shown as written:")
        return f'<p style="color:{self._muted()}; margin-top:0">{esc(note)} {esc(names)}</p>'

    def _event_link(self, ev: Event) -> str:
        return (
            f'<a href="event:{quote(ev.id, safe="")}">{esc(ev.title)}</a> '
            f'<span style="color:{self._muted()}">· {esc(ev.start.words())}</span>'
        )

    def _event_html(self, c: Chronology, ev: Event) -> str:
        muted = self._muted()
        cat = c.category_index.get(ev.category)
        parts = [f'<h2 style="margin-bottom:4px">{esc(ev.title)}</h2>']
        when = esc(event_when(ev))
        if ev.approximate:
            approx = esc(translate("DetailPane", "(approximate date)"))
            when += f' <span style="color:{muted}">{approx}</span>'
        parts.append(f'<p style="margin-top:0"><b>{when}</b></p>')
        parts.append(self._fallback_note(c, "event", ev.id))
        rows: list[tuple[str, str]] = []
        if cat is not None:
            swatch = f'<span style="color:{cat.color}">■</span> ' if _COLOR_RE.match(cat.color) else ""
            hidden = (
                " " + translate("DetailPane", "(lane hidden)") if cat.id in self.state.hidden_lanes else ""
            )
            rows.append((translate("DetailPane", "Lane"), f"{swatch}{esc(cat.name)}{esc(hidden)}"))
        else:
            rows.append((translate("DetailPane", "Lane"), esc(ev.category)))
        if ev.places:
            rows.append(
                (translate("DetailPane", "Places"), esc(translate("DetailPane", ", ").join(ev.places)))
            )
        if ev.tags:
            rows.append((translate("DetailPane", "Tags"), esc(translate("DetailPane", ", ").join(ev.tags))))
        parts.append(self._table(rows))
        if ev.description:
            parts.append(esc_lines(ev.description))
        if ev.figures:
            parts.append(self._section(translate("DetailPane", "Key figures")))
            figs = [
                self._figure_html(c, f, ev.figures[i - 1] if i else None) for i, f in enumerate(ev.figures)
            ]
            parts.append(f"<ul>{''.join(figs)}</ul>")
        if ev.sources:
            parts.append(self._section(translate("DetailPane", "Sources")))
            parts.append(self._sources_html(c, ev.sources))
        related = [r for r in (c.event(i) for i in c.related_to(ev.id)) if r is not None]
        if related:
            parts.append(self._section(translate("DetailPane", "Related events")))
            parts.append("<ul>" + "".join(f"<li>{self._event_link(r)}</li>" for r in related) + "</ul>")
        inds = [i for i in (c.indicator(x) for x in ev.indicators) if i is not None]
        if inds:
            parts.append(self._section(translate("DetailPane", "Indicators")))
            items = []
            for ind in inds:
                latest = actions.latest_point_index(self.state, ind.id)
                last = ""
                if latest is not None:
                    last = " · " + esc(
                        fill(translate("DetailPane", "latest %1"), ind.points[latest].date.words())
                    )
                link = f'<a href="indicator:{quote(ind.id, safe="")}">{esc(ind.label)}</a>'
                if ind.is_plot:
                    unit = f'<span style="color:{muted}">({esc(ind.unit)}){last}</span>'
                    items.append(f"<li>{link} {unit}</li>")
                else:  # too few points to plot: its values, as figures with their sources
                    items.append(f"<li>{link}{self._point_figures(c, ind)}</li>")
            parts.append(f"<ul>{''.join(items)}</ul>")
        origin = c.origin_of(ev.id)
        if origin is not None:
            where = str(origin) if origin.line else origin.file  # line 0: only the file is known
            written = fill(translate("DetailPane", "Written in %1 · id %2"), where, ev.id)
            parts.append(f'<p style="color:{muted}; margin-top:14px">{esc(written)}</p>')
        return "".join(parts)

    def _point_figures(self, c: Chronology, ind: Indicator) -> str:
        """The values of a short series, each with its date and source, as a nested list."""
        muted = self._muted()
        rows = []
        order = sorted(range(len(ind.points)), key=lambda i: (ind.points[i].day(), i))
        for i in order:
            q = ind.points[i]
            text = _pair(esc(q.date.words()), f"<b>{esc(format_number(q.value))} {esc(ind.unit)}</b>")
            if q.derived:
                derived = esc(fill(translate("DetailPane", "(derived: %1)"), q.derived))
                text += f' <span style="color:{muted}">{derived}</span>'
            if q.source is not None:
                source = esc(translate("DetailPane", "Source:"))
                text += f'<br><span style="color:{muted}">{source} {self._short_source(c, q.source)}</span>'
            rows.append(f"<li>{text}</li>")
        return f"<ul>{''.join(rows)}</ul>"

    def _table(self, rows: list[tuple[str, str]]) -> str:
        """Label: value lines. Not an HTML table: a table's frame markers (U+FDD0, U+FDD1) would be
        part of the text screen readers read."""
        if not rows:
            return ""
        muted = self._muted()
        lines = [(f'<span style="color:{muted}">{esc(k)}:</span> {v}' if k else v) for k, v in rows]
        return f'<p style="margin-top:2px; margin-bottom:2px">{"<br>".join(lines)}</p>'

    def _point_html(self, c: Chronology, ind: Indicator, index: int) -> str:
        muted = self._muted()
        p = ind.points[index]
        value = format_number(p.value)
        parts = [f'<h2 style="margin-bottom:4px">{esc(ind.name)}</h2>']
        if ind.region:
            parts.append(f'<p style="margin-top:0">{esc(ind.region)}</p>')
        when = esc(p.date.words_with_precision())
        if p.approximate:
            approx = esc(translate("DetailPane", "(approximate)"))
            when += f' <span style="color:{muted}">{approx}</span>'
        rows = [
            (translate("DetailPane", "Date"), when),
            (translate("DetailPane", "Value"), f"<b>{esc(value)} {esc(ind.unit)}</b>"),
        ]
        if p.derived:
            rows.append(("", esc(fill(translate("DetailPane", "derived: %1"), p.derived))))
        parts.append(self._table(rows))
        if p.note:
            parts.append(esc_lines(p.note))
        if p.source is not None:
            parts.append(self._section(translate("DetailPane", "Source")))
            parts.append(self._sources_html(c, [p.source]))
        if ind.description:
            parts.append(self._section(translate("DetailPane", "About this series")))
            parts.append(esc_lines(ind.description))
        if len(ind.points) > 1:
            parts.append(self._section(translate("DetailPane", "All points")))
            order = sorted(range(len(ind.points)), key=lambda i: (ind.points[i].day(), i))
            items = []
            for i in order:
                q = ind.points[i]
                qv = format_number(q.value)
                label = _pair(esc(q.date.words()), f"{esc(qv)} {esc(ind.unit)}")
                if q.derived:
                    label = fill(translate("DetailPane", "%1 (derived)"), label)
                href = f"point:{quote(ind.id, safe='')}/{i}"
                items.append(
                    f"<li><b>{label}</b></li>" if i == index else f'<li><a href="{href}">{label}</a></li>'
                )
            parts.append(f"<ul>{''.join(items)}</ul>")
        citing = c.events_about(ind.id)
        if citing:
            parts.append(self._section(translate("DetailPane", "Events about this series")))
            parts.append("<ul>" + "".join(f"<li>{self._event_link(e)}</li>" for e in citing) + "</ul>")
        return "".join(parts)

    # -- links -------------------------------------------------------------------------------------
    def follow(self, url: QUrl) -> None:
        """Follow a link of the pane: select an event, an indicator's latest point, a point, or open a
        web address after confirmation."""
        scheme = url.scheme().lower()
        target = unquote(url.path())
        if scheme == "event":
            actions.go_to_event(self.state, target)
        elif scheme == "indicator":
            i = actions.latest_point_index(self.state, target)
            if i is not None:
                actions.go_to_point(self.state, target, i)
        elif scheme == "point":
            ind_id, _, idx = target.rpartition("/")
            if idx.isdigit():
                actions.go_to_point(self.state, ind_id, int(idx))
        elif scheme in ("http", "https"):
            address = url.toString()
            if self.confirm_open_url(address):
                QDesktopServices.openUrl(url)

    def confirm_open_url(self, address: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("DetailPane", "Open web page"),
            translate("DetailPane", "Open this address in your web browser?"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(address)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Open

    def _on_highlighted(self, url: QUrl) -> None:
        self.status_message.emit("" if url.isEmpty() else self.link_words(url))

    def link_words(self, url: QUrl) -> str:
        """Where a link leads, in words (the status bar shows it, the screen reader says it)."""
        scheme = url.scheme().lower()
        target = unquote(url.path())
        c = self.state.chronology
        if scheme == "event":
            ev = c.event(target)
            return fill(translate("DetailPane", "Go to event: %1"), ev.title) if ev else ""
        if scheme == "indicator":
            ind = c.indicator(target)
            return fill(translate("DetailPane", "Show the latest point of %1"), ind.label) if ind else ""
        if scheme == "point":
            return translate("DetailPane", "Show this point")
        return fill(
            translate("DetailPane", "Web page: %1 (opens in your browser after you confirm)"), url.toString()
        )

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)  # Tab onto the next link, or out of the pane
        link = self.focused_link() if self.hasFocus() else ""
        self._on_highlighted(QUrl(link))
        if link:  # "Link: <its text>. Go to event: …", for the screen reader
            said = fill(
                translate("DetailPane", "Link: %1. %2"),
                self.textCursor().selectedText(),
                self.link_words(QUrl(link)),
            )
            self.last_announcement = said
            announce(self, said)
        return moved

    def focused_link(self) -> str:
        """The address of the link that has the keyboard focus, or ''."""
        cur = self.textCursor()
        if not cur.hasSelection():
            return ""
        return cur.charFormat().anchorHref() or ""

    # -- keys --------------------------------------------------------------------------------------
    _CARET_KEYS = (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    )

    def event(self, e: QEvent) -> bool:
        # the arrows (with Shift, Ctrl) move the caret here, not the timeline's selection
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in self._CARET_KEYS
            and not e.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            e.accept()
            return True
        # Enter follows the focused link: keep it from the window's Enter shortcut while a link has focus
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and e.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.focused_link()
        ):
            e.accept()
            return True
        return super().event(e)
