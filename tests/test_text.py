"""The text layer: one translation door, English plurals as the fallback, one number formatter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app import text


def test_english_fallback_and_plurals() -> None:
    assert text.translate("Ctx", "Open…") == "Open…"
    assert text.translate("Ctx", "%Ln problem(s)", n=1) == "1 problem"
    assert text.translate("Ctx", "%Ln problem(s)", n=10444) == "10,444 problems"
    assert text.translate("Ctx", "%n lane(s) hidden", n=0) == "0 lanes hidden"


def test_an_installed_translator_is_asked_with_context_and_count() -> None:
    asked = []

    def fake(context: str, source: str, disambiguation: str | None, n: int) -> str:
        asked.append((context, source, disambiguation, n))
        return "%Ln 个问题" if n >= 0 else "打开…"

    text.install(fake)
    try:
        assert text.translate("Ctx", "Open…") == "打开…"
        assert text.translate("Ctx", "%Ln problem(s)", n=3) == "3 个问题"
    finally:
        text.install(None)
    assert asked == [("Ctx", "Open…", None, -1), ("Ctx", "%Ln problem(s)", None, 3)]
    assert text.translate("Ctx", "Open…") == "Open…"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(10444.21, "10,444.21"), (185000.0, "185,000"), (0.0428, "0.0428"), (-1234.5, "-1,234.5"), (7, "7")],
)
def test_one_number_formatter_no_scientific_notation(value: float, shown: str) -> None:
    assert text.format_number(value) == shown


def test_one_html_escaper() -> None:
    assert (
        text.escape_html('<a href="x">R&D\'s</a>') == "&lt;a href=&quot;x&quot;&gt;R&amp;D&#x27;s&lt;/a&gt;"
    )


def test_fill_puts_arguments_in_qt_placeholders() -> None:
    assert text.fill("Could not open %1: %2.", "a.yaml", "3 problems") == "Could not open a.yaml: 3 problems."
    assert text.fill("%2 before %1", "x", "y") == "y before x"
    assert text.fill("%1 and %10", *"abcdefghij") == "a and j"


def test_lines_break_between_words_and_between_chinese_characters() -> None:
    from timeline_app.text import break_points

    t = "Xiong'an & Beijing sub-centre"
    assert [t[:e].rstrip() for e in break_points(t)] == ["Xiong'an", "Xiong'an &", "Xiong'an & Beijing", t]
    z = "雄安新区，北京城市副中心"
    cuts = [z[:e] for e in break_points(z)]
    assert cuts[:4] == ["雄", "雄安", "雄安新", "雄安新区，"]  # the comma never starts a line
    assert cuts[-1] == z and len(cuts) == len(z) - 1


@given(
    st.text(
        alphabet=st.sampled_from(list("ab ,.\t\n-'&") + ["雄", "安", "，", "。", "Ａ", "\u3000"]), max_size=30
    )
)
def test_break_points_of_ascii_text_are_the_full_patterns(t: str) -> None:
    """An ASCII text is broken by a pattern without the CJK classes: the same points."""
    import re

    from timeline_app.text import _TOKEN, break_points

    assert break_points(t) == [m.end() for m in re.finditer(_TOKEN, t)]
