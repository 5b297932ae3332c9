"""The news-like synthetic corpus (benchmarks/news/): deterministic, a prefix of any larger one, growing pools,
and read by kzreader as news: entities of every type, dated events, a few events linked across articles."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.news import reports
from benchmarks.news.article import plan
from kzreader.index.indexer import refresh
from kzreader.library import Library


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_seed_gives_the_same_corpus_and_another_seed_another(tmp_path: Path) -> None:
    generate(4, tmp_path / "a", seed=7)
    generate(4, tmp_path / "b", seed=7)
    generate(4, tmp_path / "c", seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert sorted(_files(tmp_path / "a")) == [f"a{i:06d}.{ext}" for i in range(4) for ext in ("txt", "yaml")]


def test_a_small_corpus_is_a_prefix_of_a_larger_one(tmp_path: Path) -> None:
    generate(45, tmp_path / "small")  # past the first block of articles sharing stories
    generate(90, tmp_path / "large")
    small, large = _files(tmp_path / "small"), _files(tmp_path / "large")
    assert small == {name: large[name] for name in small}


def test_articles_are_as_long_as_the_first_generators() -> None:
    from benchmarks.news.article import article

    lengths = [len(article(42, i)[0].split()) for i in range(20)]
    assert all(600 <= n <= 1000 for n in lengths), lengths


def test_pools_grow_with_the_corpus_and_a_few_names_stay_frequent() -> None:
    def people(n: int) -> Counter[int]:
        return Counter(x for i in range(n) for ev in plan(42, i).events for x in (ev.a, ev.b))

    few, many = people(100), people(1000)
    assert len(many) > 4 * len(few)
    top = many.most_common(1)[0][1]
    assert top > 20 * sum(many.values()) / len(many)  # skewed: the most frequent far above the mean


def test_most_events_are_reported_once_some_by_a_few_outlets() -> None:
    per_event = reports(400)
    total = sum(per_event.values())
    assert per_event[1] / total > 0.8
    assert sum(n for k, n in per_event.items() if 2 <= k <= 5) >= 10
    assert max(per_event) >= 6  # a few stories told by many


def test_kzreader_reads_entities_dated_events_and_a_few_links(tmp_path: Path) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    generate(30, corpus)
    refresh(corpus, index, procs=1)
    lib, _ = Library.open(corpus, index, update=False)
    try:
        types = {e.type for aid in (a["id"] for a in lib.articles()) for e in lib.entities(aid)}
        events = [lib.event(ev.id) for ev in lib.timeline()]
    finally:
        lib.close()
    assert {"person", "place", "org"} <= types
    assert len(events) >= 100 and all(ev and ev.date for ev in events)
    same = [sum(lk.relation == "same" for lk in ev.links) for ev in events if ev]
    assert sum(1 for n in same if n) >= 5
    assert max(same) <= 10
