"""How often events recur: the generator's ground truth beside what kzreader linked in an index.

    python -m benchmarks.news.links INDEX [--articles N --seed 42]

Prints, for the index, how many events have 0, 1, 2... `same` links (an event
reported by k articles, each report found, has k-1) and the largest; with
--articles, the generator's reports per event for its first N articles and
the article pairs that share an event against those kzreader linked.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
from collections import Counter
from itertools import combinations
from pathlib import Path

from benchmarks.news.article import plan


def same_links(index: Path) -> tuple[Counter[int], set[tuple[str, str]]]:
    db = sqlite3.connect(f"file:{index / 'state.db'}?mode=ro", uri=True)
    try:
        degree: Counter[str] = Counter({eid: 0 for (eid,) in db.execute("SELECT id FROM events")})
        pairs: set[tuple[str, str]] = set()
        rows = db.execute("SELECT ea.article, eb.article, l.a, l.b FROM links l JOIN events ea ON ea.id = l.a "
                          "JOIN events eb ON eb.id = l.b WHERE l.relation = 'same'")
        seen: set[tuple[str, str]] = set()
        for art_a, art_b, a, b in rows:
            if (b, a) in seen or (a, b) in seen:
                continue  # a pair stored once per direction counts once
            seen.add((a, b))
            degree[a] += 1
            degree[b] += 1
            pairs.add((min(art_a, art_b), max(art_a, art_b)))
    finally:
        db.close()
    return Counter(degree.values()), pairs


def truth(n: int, seed: int) -> tuple[Counter[int], set[tuple[str, str]]]:
    readers: dict[str, list[str]] = {}
    for i in range(n):
        for ev in plan(seed, i).events:
            readers.setdefault(ev.id, []).append(f"a{i:06d}")
    pairs = {(a, b) for arts in readers.values() for a, b in combinations(sorted(arts), 2)}
    return Counter(len(arts) for arts in readers.values()), pairs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--articles", type=int)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    degrees, linked = same_links(args.index)
    out: dict[str, object] = {"events_by_same_links": dict(sorted(degrees.items())),
                              "most_same_links": max(degrees, default=0)}
    if args.articles:
        reports, shared = truth(args.articles, args.seed)
        out["events_by_reports"] = dict(sorted(reports.items()))
        hit = len(linked & shared)
        out["article_pairs"] = {"sharing_an_event": len(shared), "linked_same": len(linked), "both": hit,
                                "precision": round(hit / max(len(linked), 1), 2),
                                "recall": round(hit / max(len(shared), 1), 2)}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
