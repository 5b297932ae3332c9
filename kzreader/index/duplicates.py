"""Which articles are copies of which after a change, and what a changed original means for its copies.

Only the articles a change can affect are compared again: the changed ones,
those a changed one holds most of, and the copies of changed or removed ones.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from kzreader.corpus import dedup
from kzreader.corpus.articles import Article
from kzreader.index.progress import Progress
from kzreader.index.store import Store
from kzreader.reading import pipeline
from kzreader.reading.periods import day_range


def update_duplicates(store: Store, fresh: dict[str, tuple[Article, str, str]], removed: list[str],
                      owned: dict[str, tuple[str | None, str | None, int]], at_once: bool,
                      progress: Progress | None = None) -> dict[str, str]:
    """Every article's original after the change: recomputed where the change can affect it.

    `at_once` reads every signature's size, and counts every shingle's
    holders, in one pass each: for a batch large enough to repay it.
    """
    sizes: Mapping[str, int] = store.signature_sizes() if at_once else _SizesOnDemand(store)
    affected: set[str] = set(fresh)
    sigs: dict[str, list[int]] = {}
    memo: dict[str, Counter[str]] = {}
    frequent = store.frequent_hashes(dedup.COMMON) if at_once else None
    for n, aid in enumerate(fresh, 1):
        if progress and (n % 500 == 0 or n == len(fresh)):
            progress("copies", n, len(fresh))
        sigs[aid] = store.signature(aid)
        memo[aid] = store.shared(sigs[aid], dedup.COMMON, frequent)
        # Another article can have become a copy of this one only if this one holds most of it.
        affected.update(other for other, n in memo[aid].items()
                        if other != aid and n >= dedup.CONTAINED * sizes.get(other, 0) > 0)
    gone = set(fresh) | set(removed)
    affected.update(aid for aid, (_d, dup, _r) in owned.items() if dup in gone)
    affected.discard("")
    for aid in affected:
        if aid not in sigs:
            sigs[aid] = store.signature(aid)
    rank = {aid: r for aid, (_d, _dup, r) in owned.items()}
    for aid, (article, _fp, _d) in fresh.items():
        rank[aid] = article.metadata_rank
    by_sig = {tuple(sigs[a]): memo[a] for a in memo}
    found = dedup.find_duplicates(
        {a: s for a, s in sigs.items() if a in sizes},
        lambda s: by_sig.get(tuple(s)) or store.shared(s, dedup.COMMON, frequent), sizes, rank,
        ids=[a for a in affected if a in sizes],
    )
    result = {aid: dup for aid, (_d, dup, _r) in owned.items() if dup and aid not in affected}
    result.update(found)
    return result


class _SizesOnDemand(Mapping[str, int]):
    """Signature sizes read as they are asked for: a refresh of a few articles
    asks for a few dozen, where reading them all took 2 s at 100,000 articles."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: dict[str, int] = {}

    def __getitem__(self, aid: str) -> int:
        n = self._known.get(aid)
        if n is None:
            n = self._known[aid] = self.store.signature_size(aid)
        if not n:
            raise KeyError(aid)
        return n

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.signature_sizes())

    def __len__(self) -> int:
        return len(self.store.signature_sizes())


def reanalyse_for_duplicates(store: Store, fresh: dict[str, tuple[Article, str, str]], duplicates: dict[str, str],
                             owned: dict[str, tuple[str | None, str | None, int]]) -> set[str]:
    """Unchanged articles whose original changed or went: their inherited date may differ."""
    out: set[str] = set()
    for aid, (own_date, old_dup, _rank) in owned.items():
        if aid in fresh:
            continue
        new_dup = duplicates.get(aid)
        if new_dup != old_dup or (new_dup and new_dup in fresh and not own_date):
            out.add(aid)
    for aid, (article, _fp, _d) in fresh.items():
        _apply_duplicate(article, duplicates.get(aid), store, fresh)
    return out


def _apply_duplicate(article: Article, original: str | None, store: Store,
                     fresh: dict[str, tuple[Article, str, str]]) -> None:
    if not original:
        return
    if original in fresh:
        article.inherit(fresh[original][0])
        return
    rec = store.article(original)
    if rec:
        article.inherit(Article(rec.id, Path(rec.id), rec.text, rec.regions, title=rec.title, date=rec.date,
                                published=rec.published, outlet=rec.outlet, url=rec.url, author=rec.author,
                                lang=rec.lang))


def job_from_record(store: Store, aid: str, own_date: str | None, duplicates: dict[str, str]) -> pipeline.Job:
    """An unchanged article's analysis, its original and the date it inherits brought up to date first."""
    rec = store.article(aid)
    assert rec is not None
    original = store.article(duplicates[aid]) if aid in duplicates else None
    date = own_date or (original.date if original else None)
    source = rec.date_source if own_date else (f"duplicate of {original.id}" if original and date else None)
    store.set_duplicate(aid, original.id if original else None, date, source, day_range(date))
    return pipeline.Job(aid, rec.text, rec.regions, date, rec.lang or "pl")
