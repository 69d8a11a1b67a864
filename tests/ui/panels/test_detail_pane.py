"""The detail pane: what it says about an event or an indicator point, its links, and that data is
always shown as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from timeline_app.model import actions
from timeline_app.model.chronology import Category, Chronology, Event
from timeline_app.model.dates import PartialDate
from timeline_app.model.view_state import ViewState
from timeline_app.ui.app.main_window import MainWindow
from timeline_app.ui.panels.detail_pane import DetailPane, duration_words, event_when, is_web_url

from ..conftest import detail_text, press

D = PartialDate.parse


def show(window: MainWindow, event_id: str) -> str:
    actions.go_to_event(window.state, event_id)
    return detail_text(window)


def test_empty_state_gives_a_hint(window: MainWindow) -> None:
    text = detail_text(window)
    assert "Select an event: ←/→, click, or / to search" in text
    assert "Test chronology" in text


def test_an_event_in_full(window: MainWindow) -> None:
    text = show(window, "symposium-2014")
    for part in (
        "First symposium on coordinated development",
        "26 February 2014",
        "Planning",
        "Beijing, Tianjin, Hebei",
        "symposium, strategy",
        "The first symposium set the strategy. A second line.",  # the author's wrapping is not a break
        "participants: more than 10,000 people",
        "Source: People's Daily, 26 February 2024 — at opening section",
        "Ten-year observation, People's Daily, 26 February 2024, page 01",  # the full citation
        "at section 'Lead', first paragraph",
        "Related events",
        "Clean air action plan",  # links to it
        "Plan outline adopted",  # it links to
        "PM2.5 annual mean concentration — Beijing",
    ):
        assert part in text, part
    assert "(year only)" not in text


def test_descriptions_keep_paragraphs_and_list_items() -> None:
    from timeline_app.ui.panels.detail_pane import esc_lines

    assert esc_lines("one\ntwo\n\nthree") == "<p>one two</p><p>three</p>"
    assert esc_lines("items:\n- a\n- b <c>") == "<p>items:<br>- a<br>- b &lt;c&gt;</p>"


def test_figures_with_the_same_source_say_so_once(qtbot) -> None:
    from timeline_app.model.chronology import Figure, Source, SourceRef

    ref = SourceRef("s", "table 2")
    figs = (Figure("a", 1, "t", source=ref), Figure("b", 2, "t", source=ref), Figure("c", 3, "t"))
    chron = Chronology.build(
        title="t",
        categories=[Category("c", "C", "#123456", 1)],
        events=[Event(id="e", title="E", start=D("2020"), category="c", figures=figs, sources=(ref,))],
        sources=[Source("s", "A report", publisher="Office", date=D("2021-03"))],
    )
    state = ViewState(chron)
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select_event("e")
    text = pane.toPlainText()
    assert "a: 1 t\nSource: Office, March 2021 — at table 2" in text
    assert "b: 2 t\nSource: as above" in text
    assert "A report, Office, March 2021 — at table 2" in text


def test_the_category_colour_is_shown(window: MainWindow) -> None:
    show(window, "symposium-2014")
    assert "#4e79a7" in window.detail.toHtml().lower()


def test_dates_carry_their_precision(window: MainWindow) -> None:
    assert "2017 (year only)" in show(window, "rail-2017")
    assert "September 2013 – December 2017" in show(window, "clean-air")
    text = show(window, "wetland")
    assert "ongoing, since March 2016 (month only)" in text
    assert "so far" in text and "approximate date" in text
    assert "4 February 2022 – 20 February 2022 · 17 days" in show(window, "winter-games")


def test_event_when_and_durations() -> None:
    ev = Event(id="x", title="x", start=D("2022-02-04"), end=D("2022-02-20"), category="c")
    assert event_when(ev) == "4 February 2022 – 20 February 2022 · 17 days"
    assert duration_words(1) == "1 day"
    assert duration_words(17) == "17 days"
    assert duration_words(181) == "6 months"
    assert duration_words(181, exact=False) == "about 6 months"
    assert duration_words(3653) == "10 years"
    assert duration_words(1600) == "4.4 years"
    assert event_when(Event(id="y", title="y", start=D("2017"), category="c")) == "2017 (year only)"


def test_markup_in_the_data_is_shown_literally(window: MainWindow) -> None:
    text = show(window, "markup")
    assert "<img src=x onerror=alert(1)> & <b>not bold</b>" in text
    assert "<script>alert('x')</script>" in text
    html = window.detail.toHtml()
    assert "<img" not in html and "<script" not in html
    assert "&lt;img" in html


def test_markup_in_the_search_results_is_text(qtbot, window: MainWindow) -> None:
    press(qtbot, window, "/")
    qtbot.keyClicks(window.search.field, "onerror")
    assert window.search.results.item(0).text().startswith("<img src=x onerror=alert(1)>")
    # a tooltip that looks like HTML would be shown as HTML: it is escaped rich text instead
    tip = window.search.results.item(0).toolTip()
    assert "&lt;img src=x onerror=alert(1)&gt;" in tip and "<img" not in tip


def test_markup_in_canvas_tooltips_is_text(window: MainWindow) -> None:
    actions.go_to_event(window.state, "markup")
    tip = window.canvas.tooltip_at(window.canvas.event_scene_pos("markup"))
    assert "&lt;img src=x onerror=alert(1)&gt;" in tip and "<img" not in tip


def test_following_a_related_event_link_by_keyboard(qtbot, window: MainWindow) -> None:
    actions.go_to_event(window.state, "symposium-2014")
    press(qtbot, window, Qt.Key.Key_Return)  # into the detail pane
    pane = window.detail
    assert pane.hasFocus()
    for _ in range(10):  # Tab walks the links of the pane
        qtbot.keyClick(pane, Qt.Key.Key_Tab)
        if pane.focused_link().startswith("event:"):
            break
    assert pane.focused_link() == "event:clean-air"
    assert "Clean air action plan" in window.statusBar().currentMessage()
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert window.state.selected_event_id == "clean-air"
    assert "Clean air action plan" in detail_text(window)
    assert pane.hasFocus()


def test_the_first_tab_in_the_pane_reaches_the_first_link(qtbot, window: MainWindow) -> None:
    actions.go_to_event(window.state, "clean-air")  # links: related symposium
    window.focus_detail()
    qtbot.keyClick(window.detail, Qt.Key.Key_Tab)
    assert window.detail.focused_link() == "event:symposium-2014"
    qtbot.keyClick(window.detail, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert window.state.selected_event_id == "symposium-2014"


def test_an_indicator_link_selects_its_latest_point(qtbot, window: MainWindow) -> None:
    actions.go_to_event(window.state, "symposium-2014")
    window.detail.follow(QUrl("indicator:pm25-beijing"))
    sel = window.state.selection
    assert sel is not None and sel.indicator_id == "pm25-beijing" and sel.point_index == 2
    text = detail_text(window)
    for part in (
        "PM2.5 annual mean concentration",
        "Beijing",
        "2023 (year only)",
        "32 µg/m³",
        "Ten-year observation",
        "at section 'Shared'",
        "First symposium on coordinated development",
    ):
        assert part in text, part


def test_a_derived_point_says_how(window: MainWindow) -> None:
    window.state.select_point("pm25-beijing", 1)
    text = detail_text(window)
    assert "derived: 32 / (1 - 0.627): the 2023 value and the stated 62.7% fall" in text
    assert "85.8 µg/m³" in text
    window.detail.follow(QUrl("point:pm25-beijing/0"))
    assert window.state.selection.point_index == 0
    assert "89.5 µg/m³" in detail_text(window)


def test_web_links_open_only_after_confirmation(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    answer = {"value": False}

    def confirm(self: DetailPane, address: str) -> bool:
        asked.append(address)
        return answer["value"]

    monkeypatch.setattr(DetailPane, "confirm_open_url", confirm)
    show(window, "symposium-2014")
    assert 'href="https://example.org/daily"' in window.detail.toHtml()
    window.detail.follow(QUrl("https://example.org/daily"))
    assert asked == ["https://example.org/daily"] and opened == []
    answer["value"] = True
    window.detail.follow(QUrl("https://example.org/daily"))
    assert opened == ["https://example.org/daily"]
    window.detail.follow(QUrl("file:///etc/passwd"))
    window.detail.follow(QUrl("javascript:alert(1)"))
    assert opened == ["https://example.org/daily"], "only http(s) is ever opened"


def test_only_http_addresses_become_links() -> None:
    assert is_web_url("https://example.org/x")
    assert is_web_url("HTTP://example.org")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url("file:///etc/passwd")
    assert not is_web_url("ftp://example.org")


def test_the_pane_follows_the_state_without_a_window(qtbot) -> None:
    cats = [Category("c", "Lane & <b>", "not-a-colour", 1)]
    chron = Chronology.build(
        title="t", categories=cats, events=[Event(id="a", title="A <i>", start=D("2014-02-26"), category="c")]
    )
    state = ViewState(chron)
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select_event("a")
    text = pane.toPlainText()
    assert "A <i>" in text and "Lane & <b>" in text
    assert "not-a-colour" not in pane.toHtml(), "colours that are not #rrggbb are dropped"
    state.clear_selection()
    assert "Select an event" in pane.toPlainText()


def test_origin_is_shown_for_authors(window: MainWindow, small_chronology: Path) -> None:
    text = show(window, "winter-games")
    assert "events.yaml:" in text and "id winter-games" in text


def test_a_field_shown_in_another_language_is_marked(qtbot) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.model.localize import localize

    cats = [Category("c", "Lane", "#4e79a7", 1)]
    events = [
        Event(
            id="a",
            title="Games",
            start=D("2022-02-04"),
            category="c",
            description="Held.",
            places=("Beijing",),
        ),
        Event(id="b", title="Both", start=D("2023"), category="c"),
    ]
    texts = {
        ("event", "a", "title"): (("en", "Games"),),  # English only
        ("event", "a", "description"): (("en", "Held."), ("zh", "举办。")),
        ("event", "a", "places.0"): (("en", "Beijing"),),
        ("event", "b", "title"): (("en", "Both"), ("zh", "两种语言")),
    }
    chron = Chronology.build(title="t", categories=cats, events=events, texts=texts)
    state = ViewState(localize(chron, "zh"))
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select_event("a")
    text = pane.toPlainText()
    assert "Games" in text and "举办。" in text
    assert "Not translated, shown as written: places, title" in text
    state.select_event("b")
    assert "两种语言" in pane.toPlainText()
    assert "Not translated" not in pane.toPlainText()
    state.set_chronology(localize(chron, "en"))
    state.select_event("a")
    assert "Not translated" not in pane.toPlainText()  # English is there for every field
