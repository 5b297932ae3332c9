"""A synthetic corpus that behaves like news: growing pools of names, events reported by a few outlets each."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from benchmarks.news.article import article, plan


def generate(n: int, out: Path, seed: int = 42) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text, meta = article(seed, i)
        stem = out / f"a{i:06d}"
        stem.with_suffix(".txt").write_text(text, encoding="utf-8")
        stem.with_suffix(".yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def reports(n: int, seed: int = 42) -> Counter[int]:
    """How many events are reported by 1, 2, 3... of the first n articles: the corpus's ground truth."""
    per_event: Counter[str] = Counter(ev.id for i in range(n) for ev in plan(seed, i).events)
    return Counter(per_event.values())


def surname(seed: int, k: int) -> str:
    """The surname of the pool's k-th person: the first ones are in the news most (as Tokajew is in the seeds)."""
    from benchmarks.news import pools

    return pools.person(seed, k).name.split()[-1]


def query_mix(seed: int = 42) -> dict[str, list[str]]:
    """benchmarks/run.py's query mix in this corpus's words: the first generator's kinds, names from the pools."""
    from benchmarks.news import pools

    first, second = surname(seed, 0), surname(seed, 1)
    town = pools.place(seed, 0).name
    org = pools.org(seed, 0).name.split()[-1]
    return {
        "word": ["Rosja", "Kazachstan", "pożar", first, "inwestycja", "umowa", "demonstracja", town, "gospodarka",
                 "wizyta"],
        "and": ["Rosja AND Chiny", f"{first} AND {second}", "umowa AND inwestycja", f"{town} AND wizyta",
                "energetyka AND Europa"],
        "phrase": ['"ropa naftowa"', '"hala magazynowa"', '"wymiana handlowa"', '"służba zdrowia"',
                   '"polityka zagraniczna"'],
        "prefix": ["Kazach*", "przyj*", "energ*", "inwest*"],
        "entity": [f"person:{first}", f"place:{town}", f"org:{org}", f"person:{second}"],
        "date": ["date:2020", "date:[2018-01 to 2019-06]", "Rosja date:2022", f"{first} date:[2016 to 2017]"],
    }
