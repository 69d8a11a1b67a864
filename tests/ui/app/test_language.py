"""View ▸ Language: the interface switches between English and 简体中文 at once, from the keyboard,
and the choice is remembered; dates on the axis and in the panes follow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from timeline_app import text
from timeline_app.ui.app import language
from timeline_app.ui.app.main_window import MainWindow

from ..conftest import EVENTS_YAML, detail_text, press

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    language.apply_language(language.ENGLISH)


def menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def axis_labels(w: MainWindow) -> list[str]:
    """The labels the time axis writes for the range shown (both rows)."""
    r = w.state.range
    ticks = w.canvas.time_axis().ticks_for(r.start, r.end, 900.0)
    return [k.label for k in (*ticks.labelled("minor"), *ticks.labelled("major"))]


def choose_language(qtbot, w: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+V opens View, A its Language submenu (the accelerator is the same in both languages),
    then the language's number."""
    press(qtbot, w, K.Key_V, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), K.Key_A)
    qtbot.waitUntil(lambda: w.menu_bar.language_menu.isVisible())
    qtbot.keyClick(w.menu_bar.language_menu, number)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_switching_by_the_menu_changes_every_text_and_back(qtbot, window: MainWindow) -> None:
    assert menu_titles(window) == ["&File", "&View", "&Go", "&Help"]
    press(qtbot, window, K.Key_Right)  # select the first event: the detail pane shows its date
    english_detail = detail_text(window)
    assert "26 February 2014" in english_detail and "Lane" in english_detail
    assert "of 7 events in view" in window.count_label.text()

    choose_language(qtbot, window, "2")
    assert language.current() == language.CHINESE
    assert menu_titles(window) == ["文件(&F)", "视图(&V)", "转到(&G)", "帮助(&H)"]
    chinese_detail = detail_text(window)
    assert "2014年2月26日" in chinese_detail and "泳道" in chinese_detail
    assert "Lane" not in chinese_detail
    assert window.count_label.text() == "视图中 7 / 7 个事件"
    assert "年" in window.range_label.text()
    assert window.key_actions["zoom-in"].text() == "放大"
    assert window.search.field.placeholderText().startswith("搜索事件")
    assert window.settings.language() == language.CHINESE
    axis = axis_labels(window)
    assert axis and all(label.endswith(("年", "月", "日")) for label in axis), axis

    choose_language(qtbot, window, "1")
    assert language.current() == language.ENGLISH
    assert menu_titles(window) == ["&File", "&View", "&Go", "&Help"]
    assert detail_text(window) == english_detail
    assert "of 7 events in view" in window.count_label.text()
    assert window.settings.language() == language.ENGLISH
    assert not any("年" in label for label in axis_labels(window))


def test_the_keys_overlay_follows_the_language(qtbot, window: MainWindow) -> None:
    language.apply_language(language.CHINESE)
    press(qtbot, window, "?")
    assert window.help.isVisible()
    shown = window.help.text()
    assert "放大" in shown and "下一个事件" in shown and "Zoom in" not in shown


def test_durations_and_plurals_in_both_languages(qtbot) -> None:  # type: ignore[no-untyped-def]
    from timeline_app.ui.panels.detail_pane import duration_words

    assert [duration_words(d) for d in (1, 17)] == ["1 day", "17 days"]
    language.apply_language(language.CHINESE)
    assert [duration_words(d) for d in (1, 17, 3650)] == ["1天", "17天", "10年"]
    assert text.format_date(2014, 2, 26) == "2014年2月26日"
    assert text.format_date(2014, 2) == "2014年2月"
    assert text.format_date(-43) == "公元前44年"
    assert text.format_date_with_precision(2017) == "2017年（精确到年）"
    assert text.translate("Timeline", "%Ln event(s)", None, 1464) == "1,464个事件"


def test_an_unknown_or_system_language_falls_back_to_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert language.normalize("zh_CN.UTF-8") == language.CHINESE
    assert language.normalize("zh-Hans-CN") == language.CHINESE
    assert language.normalize("en_GB") == language.ENGLISH
    assert language.normalize("fr_FR") is None
    assert language.apply_language("fr_FR") == language.ENGLISH
    assert text.format_date(2014, 2, 26) == "26 February 2014"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_chronology_follows_the_language_without_reloading(qtbot, shipped_window: MainWindow) -> None:
    w = shipped_window
    w.canvas.setFocus()
    w.state.select_event("xiongan-founded")
    assert "Xiong'an New Area" in detail_text(w)
    files_read = w.document.path
    choose_language(qtbot, w, "2")
    assert "设立雄安新区" in detail_text(w)
    assert w.state.selected_event_id == "xiongan-founded"  # the same event, now in Chinese
    assert w.state.chronology.title.startswith("京津冀")
    assert w.document.path == files_read
    choose_language(qtbot, w, "1")
    assert "Xiong'an New Area" in detail_text(w)


def test_every_key_of_the_table_is_translated() -> None:
    """The overlay, menus and status tips read the key table through tr_key: a row added without
    QT_TRANSLATE_NOOP (so missing from the .ts) would stay English in the Chinese interface."""
    from timeline_app.ui.app import keymap

    language.apply_language(language.CHINESE)
    english = [
        text
        for b in keymap.BINDINGS
        if not b.name.startswith("lane-")  # "Show or hide lane N": the docs' row stands for them
        for text in (b.description, b.label, b.where, b.group)
        if text and keymap.tr_key(text) == text
    ]
    assert english == []


def test_a_bundle_uses_its_compiled_translation_as_it_is(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """In a frozen bundle the copied .ts may look newer than the .qm; the .qm is used, and no
    lrelease is looked for (a bundle has none, and /opt is not writable)."""
    import os
    import subprocess
    import sys

    qm = tmp_path / "timeline_app_zh_CN.qm"
    ts = tmp_path / "timeline_app_zh_CN.ts"
    qm.write_bytes(b"qm")
    ts.write_text("<TS/>", encoding="utf-8")
    os.utime(qm, (1_000_000, 1_000_000))  # older than the .ts
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    ran: list[object] = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: ran.append(a))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert language.compiled("zh_CN") == qm and ran == []
    monkeypatch.setattr(sys, "frozen", False)
    language.compiled("zh_CN")  # a source checkout recompiles a stale .qm
    assert len(ran) == 1


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_problems_listed_follow_the_language_without_a_reload(
    qtbot, window: MainWindow, small_chronology: Path
) -> None:
    events = small_chronology / "events.yaml"
    broken = EVENTS_YAML.replace("start: 2022-02-04", "start: 2022-02-31").replace("color:", "colour:", 1)
    events.write_text(broken, encoding="utf-8")
    qtbot.waitUntil(lambda: window.errors.isVisible(), timeout=5000)
    english = window.errors.lines()
    english_header = window.errors.header.text()
    line_no = broken.splitlines().index("    start: 2022-02-31") + 1
    assert any(
        line.endswith(f"events.yaml:{line_no}:12: start 2022-02-31: day 31 does not exist in February 2022")
        for line in english
    ), english
    assert "Still showing the last version" in english_header
    loads: list[str] = []
    window.document.load_failed.connect(loads.append)
    window.document.chronology_loaded.connect(loads.append)

    choose_language(qtbot, window, "2")
    chinese = window.errors.lines()
    assert [line.split(": ", 1)[0] for line in chinese] == [line.split(": ", 1)[0] for line in english]
    assert any(
        line.endswith(f"events.yaml:{line_no}:12: start 2022-02-31：2022年2月没有 31 日") for line in chinese
    )
    assert not any("does not exist" in line or "unknown" in line or "missing" in line for line in chinese)
    assert "Still showing" not in window.errors.header.text() and "问题" in window.errors.header.text()
    assert window.errors.isVisible()

    choose_language(qtbot, window, "1")
    assert window.errors.lines() == english
    assert window.errors.header.text() == english_header
    assert loads == []  # said again, never read again


def test_the_command_lines_catalog_says_what_the_windows_qm_says() -> None:
    """timeline_app.catalog (the .ts, no Qt) and Qt's QTranslator (the compiled .qm) agree on every entry."""
    from PySide6.QtCore import QTranslator

    from timeline_app import catalog

    qm = language.compiled(language.CHINESE)
    assert qm is not None
    tr = QTranslator()
    assert tr.load(str(qm))
    entries = catalog.read_ts(catalog.ts_file(language.CHINESE))
    ours = catalog.translator(entries)
    assert len(entries) > 500
    differ = [
        key
        for key, forms in entries.items()
        if tr.translate(key[0], key[1], key[2] or None, 1 if "%n" in key[1] or "%Ln" in key[1] else -1)
        != ours(key[0], key[1], key[2] or None, 1)
        or not forms
    ]
    assert differ == []


def test_the_detail_pane_writes_label_and_value_the_chinese_way(qtbot, shipped_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A figure's label and value are joined as each language writes them, and a computed point is
    marked in the language shown."""
    from timeline_app.model import actions

    w = shipped_window
    actions.go_to_event(w.state, "xiongan-founded")
    assert "distance from Beijing: about 105 km" in detail_text(w)
    w.set_language(language.CHINESE)
    qtbot.waitUntil(lambda: "距北京" in detail_text(w))
    shown = detail_text(w)
    assert "距北京：约 105 km" in shown and "距北京: " not in shown
    w.state.select_point("pm25-tianjin", 0)  # 2014: computed from the 2023 value and the fall
    qtbot.waitUntil(lambda: "（推算值）" in detail_text(w))
    assert "(derived)" not in detail_text(w)
    # the plot's read-out and a filter's chip join label and value the same way
    from timeline_app.model.dates import PartialDate
    from timeline_app.model.filters import EventFilter

    pm = next(pl for pl in w.canvas.indicator_plots() if pl.key[0] == "PM2.5年均浓度")
    lines = pm.readout_lines(PartialDate.parse("2015").first_day() + 180)
    assert "北京：80.6（2015年）" in lines
    w.state.set_event_filter(EventFilter().with_value("categories", "transport"))
    w.canvas.setFocus()
    press(qtbot, w, K.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(w.filter_bar.isVisible)
    from PySide6.QtWidgets import QAbstractButton, QLabel

    def chip_texts() -> list[str]:
        found = [*w.filter_bar.findChildren(QAbstractButton), *w.filter_bar.findChildren(QLabel)]
        return [x.text() for x in found if x.isVisible()]

    qtbot.waitUntil(lambda: any("泳道：交通" in t for t in chip_texts()))
