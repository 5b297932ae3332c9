"""How fast the corpus-at-a-glance views answer at scale, without building a corpus: prints one JSON object.

    python benchmarks/stats_bench.py --articles 100000 [--events 10] [--entities 25] [--state DIR] [--runs 3]

A full build of 100,000 articles takes over an hour, so this fills an index's
SQLite state directly through the store's own table code (`put_article`,
`put_entities`, `put_events`): N articles dated 2019-2025, each naming about
`--entities` entities and holding about `--events` events, each event naming
two to four of its article's entities and three keywords. Entities are drawn
from pools that grow with N (persons N/10, places N/50, organisations N/40,
sums N/5), frequent ones far more often (weights 1/rank), so the most named
entity is in a good share of the articles as in the press. Event dates are
mostly days near the article's date, some a month or a year only, a few
years back. One article in twenty is a reprint (`duplicate_of`), so the
timeline's folding of copies is paid for too.

Then it times, through the library's facade as the views call it (the
median of `--runs`, the first, cold run reported too), each view: the
histogram (all events, a frequent entity's, a search's, by month; re-cutting
by day and week is Python over the same rows), the entity ranking (corpus
and a search's articles) with first and last dates, one sparkline, and who
appears with the most frequent entity (all, and within a search).
A "search" is a random tenth of the articles, handed over as a search's ids.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzreader.index.store import ArticleRecord, Store  # noqa: E402
from kzreader.library import Library, TimelineFilter  # noqa: E402
from kzreader.library.stats import bars  # noqa: E402
from kzreader.reading.annotations import Entity, Event, Mention  # noqa: E402
from kzreader.reading.periods import day_range  # noqa: E402

FIRST_DAY = date(2019, 1, 1)
DAYS = 7 * 365


class Pool:
    """Entity keys of one type, drawn with weights 1/rank."""

    def __init__(self, etype: str, size: int) -> None:
        self.type = etype
        self.keys = [f"{etype}:{etype} {i}" for i in range(max(size, 20))]
        self._cum = list(accumulate(1 / (i + 1) for i in range(len(self.keys))))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.keys, cum_weights=self._cum, k=k)


def _event_date(rng: random.Random, published: date) -> str:
    roll = rng.random()
    if roll < 0.05:
        return str(published.year - rng.randint(1, 30))
    if roll < 0.15:
        return str(published.year)
    if roll < 0.30:
        return published.strftime("%Y-%m")
    return (published - timedelta(days=rng.randint(0, 20))).isoformat()


def fill(state: Path, articles: int, events: int, entities: int, seed: int = 18) -> dict[str, Any]:
    rng = random.Random(seed)
    pools = [Pool("person", articles // 10), Pool("place", articles // 50), Pool("org", articles // 40),
             Pool("money", articles // 5)]
    store = Store(state)
    started = time.perf_counter()
    ids = [f"{i:06d}" for i in range(articles)]
    for n, aid in enumerate(ids):
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        original = ids[rng.randrange(n)] if n and rng.random() < 0.05 else None
        rec = ArticleRecord(aid, f"Artykuł {aid}", published.isoformat(), None, f"outlet{n % 40}.pl", None, None,
                            "pl", "sidecar", original, "utf-8", "", [], [], 800)
        store.put_article(rec, rec.date, day_range(rec.date), 0)
        keys = sorted({k for pool in pools for k in pool.draw(rng, max(1, entities // 4 + rng.randint(-2, 2)))})
        ents = [Entity(k, k.partition(":")[2].title(), k.partition(":")[0],  # type: ignore[arg-type]
                       [Mention(0, 5, "Nazwa")] * rng.randint(1, 4)) for k in keys]
        store.put_entities(aid, ents)
        evs, ranges = [], []
        for s in range(max(1, events + rng.randint(-3, 3))):
            when = _event_date(rng, published)
            named = rng.sample(keys, min(len(keys), rng.randint(2, 4)))
            evs.append(Event(f"{aid}#{s}", aid, when, when, 0, 4, sentence="Zdanie.", entities=named,
                             keywords=[f"słowo{rng.randrange(2000)}" for _ in range(3)], label="Wydarzenie"))
            ranges.append(day_range(when))
        store.put_events(aid, evs, ranges)
        if n % 2000 == 1999:
            store.commit()
    store.commit()
    counts = {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "entities", "events", "event_entities")}
    store.close()
    return {"fill_s": round(time.perf_counter() - started, 1), **counts}


class Hits:
    """Stands in for the searcher: a search's matching ids, as the facade asks for them."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def article_ids(self, query: str) -> list[str]:
        return self.ids

    def matcher(self, query: str) -> "Hits":
        return self

    def spans(self, text: str, regions: list[tuple[int, int]]) -> list[Any]:
        # The filled state has no texts to find the query in: no matches, so every event of a hit counts.
        return []

    def close(self) -> None:
        pass


def timed(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return {"first_ms": round(times[0], 1), "median_ms": round(statistics.median(times), 1)}


def measure(state: Path, articles: int, runs: int) -> dict[str, Any]:
    rng = random.Random(1)
    store = Store(state, readonly=True)
    searched = rng.sample([f"{i:06d}" for i in range(articles)], max(articles // 10, 1))
    lib = Library(state.parent, state.parent, store, Hits(searched))  # type: ignore[arg-type]
    top = lib.top_entities(limit=1)[0]
    name = top.key.partition(":")[2]
    views: dict[str, Callable[[], Any]] = {
        "histogram_all_by_month": lambda: bars(lib.coverage(TimelineFilter(fold_copies=True)), "month"),
        "histogram_recut_by_day": lambda: bars(spans, "day"),
        "histogram_recut_by_week": lambda: bars(spans, "week"),
        "histogram_entity_by_month": lambda: bars(lib.coverage(TimelineFilter(entity=name, fold_copies=True)),
                                                  "month"),
        "histogram_search_by_month": lambda: bars(lib.coverage(TimelineFilter(query="q", fold_copies=True)),
                                                  "month"),
        "top_entities_corpus_200": lambda: lib.top_entities(None, 200),
        "top_entities_search_200": lambda: lib.top_entities("q", 200),
        "sparkline_top_entity": lambda: lib.entity_months(top.key),
        "together_top_entity_200": lambda: lib.together([top.key], None, 200),
        "together_top_entity_search_200": lambda: lib.together([top.key], "q", 200),
        "shared_events_count": lambda: lib.timeline_count(TimelineFilter(entity=name, with_entity=pair,
                                                                          fold_copies=True)),
    }
    spans = lib.coverage(TimelineFilter(fold_copies=True))
    pair = lib.together([top.key], None, 1)[0].key.partition(":")[2]
    out: dict[str, Any] = {"top_entity": {"key": top.key, "articles": top.articles,
                                          "events": lib.timeline_count(TimelineFilter(entity=name))}}
    for label, fn in views.items():
        out[label] = timed(fn, runs)
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--events", type=int, default=10, help="events an article holds, on average")
    ap.add_argument("--entities", type=int, default=25, help="entities an article names, about")
    ap.add_argument("--state", type=Path, help="folder for the state file (kept); a temporary one otherwise")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kz-stats-") as tmp:
        folder = args.state or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        state = folder / "state.db"
        report: dict[str, Any] = {"articles": args.articles}
        if not state.exists():
            report["fill"] = fill(state, args.articles, args.events, args.entities)
        report["views"] = measure(state, args.articles, args.runs)
        print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
