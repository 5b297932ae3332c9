"""Index build, no-op refresh and `kzreader search` end to end on the bundled seeds.

    python benchmarks/seeds.py [--repeat 5] [--json]

Each figure is the median of `--repeat` runs; the build starts from an empty
index folder every time, and the search runs the installed console command as
a user would (process start, index check, query, JSON out).
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzreader.index.indexer import refresh  # noqa: E402

QUERIES = ["Rosja", '"elektrownia atomowa"', "Macron AND Tokajew", "przewodow", "date:2022 AND Putin"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = ROOT / "seeds"
    builds, noops, searches = [], [], []
    words = 0
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "ix"
        for _ in range(args.repeat):
            shutil.rmtree(index_dir, ignore_errors=True)
            t = time.perf_counter()
            report = refresh(corpus, index_dir, procs=1)
            builds.append(time.perf_counter() - t)
            words = report.words
            t = time.perf_counter()
            refresh(corpus, index_dir)
            noops.append(time.perf_counter() - t)
        cmd = [shutil.which("kzreader") or sys.executable, "--corpus", str(corpus), "--index", str(index_dir)]
        if not shutil.which("kzreader"):
            cmd[1:1] = ["-m", "kzreader"]
        for _ in range(args.repeat):
            for q in QUERIES:
                t = time.perf_counter()
                subprocess.run([*cmd, "search", q, "--json"], check=True, capture_output=True)
                searches.append(time.perf_counter() - t)
    result = {
        "articles": 5,
        "words": words,
        "build_s": round(statistics.median(builds), 3),
        "build_words_per_s": round(words / statistics.median(builds)),
        "refresh_unchanged_s": round(statistics.median(noops), 3),
        "search_cli_p50_s": round(statistics.median(searches), 3),
        "search_cli_max_s": round(max(searches), 3),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>22}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
