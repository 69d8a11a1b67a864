"""Fixtures for the window tests: a small chronology written to tmp_path, the shipped one, and
settings kept in a folder of each test's own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import timeline_app.ui  # noqa: F401  (chooses the Qt binding before pyqtgraph is imported)
from timeline_app import runtime
from timeline_app.paths import shipped_chronology
from timeline_app.ui.app.launch import create_main_window
from timeline_app.ui.app.main_window import MainWindow

META_YAML = """\
chronology:
  title: "Test chronology"
  description: A small chronology for the tests.

sources:
  - id: daily
    title: "Ten-year observation"
    publisher: People's Daily
    date: 2024-02-26
    page: "01"
    url: https://example.org/daily
  - id: notes
    title: Field notes

categories:
  - { id: planning, name: Planning, color: "#4e79a7", order: 1 }
  - { id: transport, name: Transport, color: "#f28e2b", order: 2 }
  - { id: ecology, name: Ecology, color: "#59a14f", order: 3 }
"""

EVENTS_YAML = """\
events:
  - id: clean-air
    title: Clean air action plan
    start: 2013-09
    end: 2017-12
    category: ecology
    related: [symposium-2014]
    sources: [notes]

  - id: symposium-2014
    title: First symposium on coordinated development
    start: 2014-02-26
    category: planning
    places: [Beijing, Tianjin, Hebei]
    tags: [symposium, strategy]
    description: |
      The first symposium set the strategy.
      A second line.
    figures:
      - label: participants
        value: 10000
        unit: people
        qualifier: more than
        source: { id: daily, at: "opening section" }
    sources:
      - { id: daily, at: "section 'Lead', first paragraph" }
    related: [plan-outline]
    indicators: [pm25-beijing]

  - id: plan-outline
    title: Plan outline adopted
    start: 2015-04-30
    category: planning
    sources: [daily]

  - id: wetland
    title: Wetland restoration
    start: 2016-03
    ongoing: true
    approximate: true
    category: ecology

  - id: rail-2017
    title: Intercity railway opens
    start: 2017
    category: transport
    description: Trains between the three cities, part of the symposium's plan.

  - id: markup
    title: "<img src=x onerror=alert(1)> & <b>not bold</b>"
    start: 2019-06-01
    category: ecology
    description: "<script>alert('x')</script>"

  - id: winter-games
    title: Winter Games
    start: 2022-02-04
    end: 2022-02-20
    category: transport
    places: [Beijing, Zhangjiakou]
"""

INDICATORS_YAML = """\
indicators:
  - id: pm25-beijing
    name: PM2.5 annual mean concentration
    unit: µg/m³
    region: Beijing
    source: { id: daily, at: "section 'Shared'" }
    points:
      - { date: 2013, value: 89.5 }
      - date: 2014
        value: 85.8
        derived: "32 / (1 - 0.627): the 2023 value and the stated 62.7% fall"
      - { date: 2023, value: 32 }
"""

# event ids in time order, and their lanes (0 planning, 1 transport, 2 ecology)
ORDER = ["clean-air", "symposium-2014", "plan-outline", "wetland", "rail-2017", "markup", "winter-games"]


def write_chronology(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "00-meta.yaml").write_text(META_YAML, encoding="utf-8")
    (folder / "events.yaml").write_text(EVENTS_YAML, encoding="utf-8")
    (folder / "indicators.yaml").write_text(INDICATORS_YAML, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True, scope="session")
def app_tuning() -> None:
    """The window runs with the process tuning the app asks for at start-up (timeline_app.runtime)."""
    runtime.tune_for_app()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own settings folder (never the user's, never another test's)."""
    folder = tmp_path / "settings"
    monkeypatch.setenv("TIMELINE_APP_SETTINGS_DIR", str(folder))
    return folder


@pytest.fixture
def small_chronology(tmp_path: Path) -> Path:
    return write_chronology(tmp_path / "chronology")


def show_window(qtbot, w: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


@pytest.fixture
def make_window(qtbot) -> Callable[..., MainWindow]:  # type: ignore[no-untyped-def]
    """make_window(path) -> a shown, active window on ``path``."""

    def make(path: str | Path | None = None) -> MainWindow:
        return show_window(qtbot, create_main_window(path))

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow], small_chronology: Path) -> MainWindow:
    w = make_window(small_chronology)
    assert w.loaded, w.errors.lines()
    w.canvas.setFocus()
    return w


@pytest.fixture(autouse=True)
def english_interface() -> Iterator[None]:
    """Every test starts and ends with the English interface (a switch is process-wide)."""
    from timeline_app.ui.app import language

    yield
    if language.current() != language.ENGLISH:
        language.apply_language(language.ENGLISH)


@pytest.fixture
def shipped_window(make_window: Callable[..., MainWindow]) -> Iterator[MainWindow]:
    w = make_window(shipped_chronology())
    assert w.loaded, w.errors.lines()
    yield w


def press(
    qtbot, w, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    """A key pressed while the window has the focus (wherever inside it the focus is)."""
    target = QApplication.focusWidget() or w
    qtbot.keyClick(target, key, modifiers)


def detail_text(w: MainWindow) -> str:
    return w.detail.toPlainText()
