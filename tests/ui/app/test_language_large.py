"""A large chronology in two languages switches language off the interface thread: the window
keeps answering while it is made, says so in the status bar, and shows the new language when it
is ready; a large file opened while Chinese is chosen arrives in Chinese."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from timeline_app.ui.app import language
from timeline_app.ui.app.document import BACKGROUND_LOCALIZE_EVENTS
from timeline_app.ui.app.main_window import MainWindow

N = BACKGROUND_LOCALIZE_EVENTS + 1_000
BUSY = "Showing the chronology in the language chosen…"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    language.apply_language(language.ENGLISH)


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    """N events, every title in English and Chinese."""
    lines = [
        "chronology: {title: {en: Many events, zh: 许多事件}}",
        "categories:",
        "  - {id: a, name: {en: Lane A, zh: 甲道}, color: '#4e79a7'}",
        "events:",
    ]
    for i in range(N):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 1990 + i // (28 * 12)
        lines.append(
            f"  - {{id: e{i}, title: {{en: Event {i}, zh: 事件{i}}}, "
            f"start: {year}-{month:02d}-{day:02d}, category: a}}"
        )
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_and_wait(qtbot, make_window: Callable[..., MainWindow], path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    w = make_window(path)
    qtbot.waitUntil(lambda: not w.loader.busy() and len(w.state.chronology.events) == N, timeout=60_000)
    return w


def first_title(w: MainWindow) -> str:
    return w.state.chronology.events[0].title


def test_switch_runs_in_the_background_and_arrives(qtbot, make_window, bilingual: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_and_wait(qtbot, make_window, bilingual)
    assert first_title(w) == "Event 0"
    w.set_language(language.CHINESE)
    # the menus are Chinese at once; the chronology follows when the worker has made it
    assert w.menuBar().actions()[0].text() == "文件(&F)"
    assert first_title(w) == "Event 0"
    assert w.statusBar().currentMessage() == "正在以所选语言显示大事记…"
    qtbot.waitUntil(lambda: first_title(w) == "事件0", timeout=60_000)
    assert w.state.chronology.title == "许多事件"
    assert w.statusBar().currentMessage() == ""


def test_switching_back_before_it_is_ready_keeps_what_is_shown(qtbot, make_window, bilingual: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_and_wait(qtbot, make_window, bilingual)
    shown = w.state.chronology
    w.set_language(language.CHINESE)
    w.set_language(language.ENGLISH)
    assert w.statusBar().currentMessage() == ""
    qtbot.wait(1500)  # the dropped switch's worker ends: nothing of it reaches the view
    assert w.state.chronology is shown and first_title(w) == "Event 0"


def test_a_large_file_opened_in_chinese_arrives_in_chinese(
    qtbot, window: MainWindow, bilingual: Path
) -> None:  # type: ignore[no-untyped-def]
    language.apply_language(language.CHINESE)
    assert window.open_path(bilingual, background=True)  # as a file over the size limit opens
    assert window.loader.busy()
    qtbot.waitUntil(lambda: len(window.state.chronology.events) == N, timeout=60_000)
    w = window
    assert w.state.chronology.language == "zh" and first_title(w) == "事件0"
    assert not w.loader.localizing()
