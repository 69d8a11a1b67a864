"""The command line in 简体中文: --lang zh_CN or the system locale, the same positions as in English,
output for programs unchanged; and exports of one-language formats in the language asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app import text
from timeline_app.cli import main
from timeline_app.paths import shipped_chronology

BROKEN = """\
categories:
  - {id: plan, name: Planning, color: "#4e79a7"}
events:
  - {id: a, title: First, start: 2014-02-30, category: plan}
  - {id: b, title: Second, start: 2015, category: plann}
  - {id: c, start: 2016, category: plan}
"""


def _run(*args: str, lang_env: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG")}
    env["LANG"] = lang_env or "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    p = tmp_path / "broken.yaml"
    p.write_text(BROKEN, encoding="utf-8")
    return p


def _positions(lines: list[str]) -> list[str]:
    return [line.split(": ", 1)[0] for line in lines[:-1]]


def test_validate_in_chinese_at_the_english_positions(broken: Path) -> None:
    english = _run("validate", str(broken))
    chinese = _run("validate", str(broken), "--lang", "zh_CN")
    assert english.returncode == chinese.returncode == 1
    en, zh = english.stderr.splitlines(), chinese.stderr.splitlines()
    assert [line.split(": ", 1)[1] for line in en[:-1]] == [
        "start 2014-02-30: day 30 does not exist in February 2014",
        "unknown category 'plann' (did you mean 'plan'?)",
        "the event is missing 'title'",
    ]
    assert en[-1] == "3 problems found"
    assert _positions(zh) == _positions(en) and len(zh) == len(en) == 4
    assert [line.split(": ", 1)[1] for line in zh[:-1]] == [
        "start 2014-02-30：2014年2月没有 30 日",
        "未知的类别 'plann'（是不是想写 'plan'？）",
        "事件缺少 'title'",
    ]
    assert zh[-1] == "发现3个问题"


def test_the_system_locale_chooses_and_lang_overrides_it(broken: Path) -> None:
    by_locale = _run("validate", str(broken), lang_env="zh_CN.UTF-8")
    assert by_locale.stderr.splitlines()[-1] == "发现3个问题"
    chosen = _run("validate", str(broken), "--lang", "en", lang_env="zh_CN.UTF-8")
    assert chosen.stderr.splitlines()[-1] == "3 problems found"
    good = _run("validate", lang_env="zh_CN.UTF-8")  # the shipped chronology
    assert good.returncode == 0 and good.stdout.startswith("正常：") and " 个文件，" in good.stdout, (
        good.stdout
    )
    unknown = _run("validate", str(broken), "--lang", "fr")
    assert unknown.returncode == 2 and "en or zh_CN" in unknown.stderr


def test_main_puts_the_language_back(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(broken), "--lang", "zh_CN"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "发现3个问题"
    assert text.installed() is None
    assert main(["validate", str(broken)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "3 problems found"


def test_diff_speaks_chinese_and_its_json_stays_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(
        BROKEN.replace("2014-02-30", "2014-02-26")
        .replace("plann", "plan")
        .replace("id: c,", "id: c, title: T,")
    )
    new.write_text(old.read_text().replace("title: Second", "title: Second one"))
    assert main(["diff", str(old), str(new), "--lang", "zh_CN"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["2015", "改写", "b", "Second", "one"]
    assert out[-1] == "1个事件有差异（改写 1 个）"
    assert main(["diff", str(old), str(new), "--lang", "zh_CN", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["reworded"] == 1


@pytest.mark.parametrize("fmt", ["timelinejs", "ics"])
def test_convert_writes_a_one_language_format_in_the_language_asked(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english, chinese = tmp_path / f"en.{fmt}", tmp_path / f"zh.{fmt}"
    assert main(["convert", str(shipped_chronology()), "--to", fmt, str(english)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {english}: ")
    assert main(["convert", str(shipped_chronology()), "--to", fmt, str(chinese), "--lang", "zh"]) == 0
    assert capsys.readouterr().out.startswith(f"已写入 {chinese}：")
    en, zh = english.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
    assert "Xiong'an New Area" in en and "设立雄安新区" not in en  # today's default: English
    assert "设立雄安新区" in zh and "北京城市副中心" in zh
    if fmt == "timelinejs":
        doc = json.loads(zh)
        headlines = [e["text"]["headline"] for e in doc["events"]]
        assert "设立雄安新区" in headlines and set(doc) == set(json.loads(en))  # the same keys


def test_export_lang_puts_the_records_own_fields_in_that_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json", "--lang", "zh_CN"]) == 0
    doc = json.loads(capsys.readouterr().out)
    event = next(e for e in doc["events"] if e["id"] == "xiongan-founded")
    assert event["title"] == "设立雄安新区" and event["texts"]["title"]["en"].startswith("Xiong'an")


def test_render_refusals_in_chinese_before_qt(
    broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "--out", "x.gif", "--lang", "zh_CN"]) == 2
    assert (
        capsys.readouterr().err
        == "timeline-app render: --out 必须以 .png、.svg 或 .pdf 结尾，不能是 'x.gif'\n"
    )
    views = tmp_path / "views.json"
    views.write_text('{"views": 3}', encoding="utf-8")
    assert main(["render", "--out", str(tmp_path / "x.png"), "--view", str(views), "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert err == f"timeline-app render: 无法读取 '{views}' 中的视图：'views' 应是视图的列表\n"
    assert main(["render", "--out", str(tmp_path / "x.png"), "--view", str(views), "--lang", "en"]) == 2
    assert capsys.readouterr().err.endswith("'views' is a list of views\n")


def test_diff_in_chinese_names_the_events_by_their_chinese_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    copy = tmp_path / "events"
    shutil.copytree(shipped_chronology(), copy)
    f = copy / "xiongan-subcentre.yaml"
    f.write_text(
        f.read_text(encoding="utf-8").replace("start: 2017-04-01", "start: 2017-04", 1), encoding="utf-8"
    )
    assert main(["diff", str(shipped_chronology()), str(copy), "--lang", "zh_CN"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["2017-04", "改期", "xiongan-founded", "设立雄安新区"]
    assert out[-1] == "1个事件有差异（改期 1 个）"
    assert main(["diff", str(shipped_chronology()), str(copy)]) == 1
    assert capsys.readouterr().out.splitlines()[0].endswith("xiongan-founded  Xiong'an New Area announced")


def test_validate_warns_in_chinese_and_still_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "c.yaml"
    p.write_text("categories: [{id: p, name: {zh: 规划}, color: '#4e79a7'}]\n", encoding="utf-8")
    assert main(["validate", str(p), "--lang", "zh_CN"]) == 0
    captured = capsys.readouterr()
    assert (
        captured.err == f"{p}:1:28：警告：'name'只写了 zh：请补上 en（英文），否则所有语言都显示 zh 的文字\n"
    )
    assert captured.out.startswith("正常：1 个文件，0 个事件，1 个类别")
