"""The benchmark still runs end to end after code moves (it imports deep into the index); no timing is judged here."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_scale_benchmark_runs_on_a_few_articles() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--articles", "10", "--app-runs", "1",
                          "--json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    figures = json.loads(out.stdout)
    assert figures["articles"] == 10 and figures["search"]["p95_ms"] > 0 and "app" in figures
    assert figures["fts5_search"]["p95_ms"] > 0 and len(figures["search_vs_fts5_p95_by_pass"]) == 5
