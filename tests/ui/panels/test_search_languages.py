"""The search panel on the bilingual shipped chronology: 冬奥 and "olymp" both find the Games, each
listed with its title in the language that matched."""

from __future__ import annotations

from timeline_app.ui.app.main_window import MainWindow


def titles(w: MainWindow) -> list[str]:
    lst = w.search.results
    return [lst.item(i).text().split("\n")[0] for i in range(lst.count())]


def test_chinese_and_english_queries_find_the_games(qtbot, shipped_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = shipped_window
    w.search.field.setText("冬奥")
    qtbot.waitUntil(lambda: titles(w) == ["北京、张家口联合举办冬奥会"], timeout=5000)
    w.search.field.setText("olymp")
    qtbot.waitUntil(lambda: titles(w) == ["Beijing and Zhangjiakou host the Winter Olympics"], timeout=5000)
