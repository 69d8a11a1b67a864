"""The benchmark runner works end to end (a small smoke: the real runs are `benchmarks/run.py`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_benchmark_runner_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "pan, full view: median / p95 (ms)" in done.stdout and "naive" in done.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [r["events"] for r in report["results"]] == [300, 2000]
    for r in report["results"]:
        assert r["open_cold_s"] > 0 and r["open_warm_s"] > 0 and r["peak_rss_mb"] > 0
        assert r["view"]["first_frame_ms"] > 0 and r["naive_view"]["build_ms"] > 0
        assert r["search"]["first_median_ms"] is not None
