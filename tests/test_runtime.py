"""The process tuning is the app's to ask for: importing and using the loader changes nothing global,
and :func:`timeline_app.runtime.tune_for_app` turns each setting on."""

from __future__ import annotations

import ctypes
import gc
import subprocess
import sys
import textwrap
from pathlib import Path

from timeline_app import runtime

ROOT = Path(__file__).resolve().parents[1]


def test_importing_and_loading_changes_nothing_global(tmp_path: Path) -> None:
    """In a fresh interpreter: no allocator call, no swap of file descriptor 2, the collector and the
    switch interval as they were, before, during and after a load (fast path, then exact path)."""
    good = tmp_path / "good.yaml"
    good.write_text(
        "categories:\n  - {id: c, name: C, color: '#123456'}\n"
        "events:\n"
        + "".join(f"  - {{id: e{k}, title: E {k}, start: {2000 + k}, category: c}}\n" for k in range(50))
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("events:\n  - {id: x, title: X, start: 2014, category: c\n")
    code = textwrap.dedent(
        f"""
        import ctypes, gc, os, sys
        calls = []
        real_cdll, real_dup2 = ctypes.CDLL, os.dup2
        class Spy:
            def __init__(self, *a, **k): self._lib = real_cdll(*a, **k)
            def __getattr__(self, name):
                calls.append(name)
                return getattr(self._lib, name)
        ctypes.CDLL = Spy
        os.dup2 = lambda *a, **k: (calls.append("dup2"), real_dup2(*a, **k))[1]
        switch = sys.getswitchinterval()
        import timeline_app.io as tio
        from timeline_app.io import ChronologyError, load_chronology
        seen = []
        def progress(what, fraction):
            seen.append((gc.isenabled(), sys.getswitchinterval()))
        load_chronology({str(good)!r}, progress=progress)
        try:
            load_chronology({str(bad)!r})
        except ChronologyError:
            pass
        assert calls == [], calls
        assert seen and all(s == (True, switch) for s in seen), seen
        assert gc.isenabled() and sys.getswitchinterval() == switch
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_tune_for_app_turns_each_setting_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(runtime, "tuning", runtime.Tuning())
    try:
        glibc = sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "mallopt")
    except OSError:
        glibc = False
    t = runtime.tune_for_app()
    assert t.gc_paused_while_loading and t.parser_stderr_silenced and t.brisk_switching_while_loading
    assert t.large_blocks_mapped is glibc and t.memory_returned_after_loading is glibc
    assert runtime.fix_mmap_threshold() is glibc  # and asking again is harmless
    before = sys.getswitchinterval()
    with runtime.loading():
        assert not gc.isenabled()
        with runtime.brisk_switching():
            assert sys.getswitchinterval() == min(before, runtime.LOADING_SWITCH_INTERVAL_S)
    assert gc.isenabled() and sys.getswitchinterval() == before


def test_untuned_loading_leaves_the_collector_alone(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(runtime, "tuning", runtime.Tuning())
    before = sys.getswitchinterval()
    with runtime.loading(), runtime.brisk_switching():
        assert gc.isenabled() and sys.getswitchinterval() == before
