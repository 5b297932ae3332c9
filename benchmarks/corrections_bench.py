"""How long one correction takes to apply at scale, from the reader's key to an index that shows it: prints JSON.

    python benchmarks/corrections_bench.py --articles 10000 --state /tmp/corr10k [--runs 3]

Builds (once, kept in `--state`) a synthetic corpus of N articles with
`benchmarks/generate.py` and indexes it with the real indexer, since a
correction rewrites real rows and real links. Then, for each kind, it
times `Corrector.add` as the app calls it (write the corrections file, take
the index's writer lock, re-derive the touched articles' entities, corrected
search terms and event links, open a new searcher) and `Corrector.undo` of
it: the median of `--runs`, and the articles it touched. The entities are a
person named in about `--spread` articles, and the person nearest that in
the ranking for the merge. `by_size` times a rename of people named in more
and more articles, up to the most frequent, beside the share of entities
named in at most that many articles.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzreader.index import corrections as applying  # noqa: E402
from kzreader.index.indexer import refresh  # noqa: E402
from kzreader.library import Library  # noqa: E402
from kzreader.library.correcting import Corrector  # noqa: E402


def ensure_built(state: Path, articles: int) -> tuple[Path, Path]:
    corpus, index_dir = state / "corpus", state / "index"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(articles), str(corpus)],
                       check=True)
    t = time.perf_counter()
    refresh(corpus, index_dir)
    print(f"index ready in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return corpus, index_dir


def timed(change: Any) -> float:
    t = time.perf_counter()
    change()
    return time.perf_counter() - t


def by_size(lib: Library, corrector: Corrector, people: list[dict[str, Any]], runs: int) -> list[dict[str, Any]]:
    """A rename's time against the articles it touches, and how many entities are that frequent."""
    counts = sorted(r["articles"] for r in lib.store.top_entities(None, 10**7))
    out: list[dict[str, Any]] = []
    done: set[str] = set()
    for size in (1, 5, 20, 50, 100, 300, 1000, max(counts)):
        person = min(people, key=lambda r: abs(r["articles"] - size))
        if person["key"] in done:
            continue
        done.add(person["key"])
        times = []
        for _ in range(runs):
            times.append(timed(lambda: corrector.add("rename", key=person["key"], name=person["name"] + " Jr.")))
            corrector.undo(1)
        share = sum(1 for c in counts if c <= person["articles"]) / len(counts)
        out.append({"articles_touched": person["articles"], "rename_s": round(statistics.median(times), 3),
                    "entities_in_at_most_as_many": round(share, 4)})
        print("by size", out[-1], file=sys.stderr)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--state", type=Path, default=Path("/tmp/corrections-bench"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--spread", type=int, default=20, help="about how many articles name the corrected entity")
    args = ap.parse_args()
    corpus, index_dir = ensure_built(args.state, args.articles)
    fixes_file = args.state / "corrections.yaml"
    fixes_file.unlink(missing_ok=True)
    lib, _ = Library.open(corpus, index_dir, update=False, corrections=fixes_file)
    corrector = Corrector(lib)
    people = [r for r in lib.store.top_entities(None, 100000) if r["type"] == "person"]
    people.sort(key=lambda r: abs(r["articles"] - args.spread))
    person, other = people[0], people[1]
    aid = lib.articles_with_entity(person["key"])[0]
    mention = next(e for e in lib.entities(aid) if e.key == person["key"]).mentions[0]
    linked = next(ev for ev in lib.timeline(limit=2000) if ev.links)
    lone = [ev for ev in lib.timeline(limit=5000) if not ev.links][-2:]
    kinds: dict[str, dict[str, Any]] = {
        "rename": {"key": person["key"], "name": person["name"] + " Jr."},
        "type": {"key": person["key"], "type": "org"},
        "merge": corrector.merge_fields(person["key"], other["key"]),
        "reject": {"name": person["name"], "type": "person"},
        "unmention": {"article": aid, "start": mention.start, "end": mention.end, "text": mention.text},
        "unlink": {"a": linked.id, "b": linked.links[0].event},
        "link": {"a": lone[0].id, "b": lone[1].id},
    }
    result: dict[str, Any] = {"articles": lib.store.article_count(), "person": person["name"],
                              "person_articles": person["articles"], "other_articles": other["articles"]}
    for kind, fields in kinds.items():
        touched = len(applying.articles_touched(lib.store, [{"kind": kind, **fields}]))
        add, undo = [], []
        for _ in range(args.runs):
            add.append(timed(lambda: corrector.add(kind, **fields)))
            undo.append(timed(lambda: corrector.undo(1)))
        result[kind] = {"articles_touched": touched, "apply_s": round(statistics.median(add), 3),
                        "undo_s": round(statistics.median(undo), 3), "first_apply_s": round(add[0], 3)}
        print(kind, result[kind], file=sys.stderr)
    result["by_size"] = by_size(lib, corrector, people, args.runs)
    lib.close()
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
