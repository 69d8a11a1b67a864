"""Helpers of the loader tests: write a chronology file (dedented, in the current folder, which the
tests' ``_in_tmp`` fixtures make a temporary one) and read the problems a load reports."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from timeline_app.io import ChronologyError, load_chronology


def write(name: str, text: str) -> Path:
    p = Path(name)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def problems(*paths: str | Path) -> list[str]:
    """The positioned lines of the error loading ``paths`` raises (it must raise)."""
    with pytest.raises(ChronologyError) as info:
        load_chronology(*paths)
    return info.value.lines()
