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
from kzreader.index.documents import store_article
from kzreader.index.progress import Progress
from kzreader.index.store import Store
from kzreader.reading import pipeline
from kzreader.reading.periods import day_range


def update_duplicates(store: Store, fresh: Mapping[str, int], removed: list[str],
                      owned: dict[str, tuple[str | None, str | None, int]], at_once: bool,
                      progress: Progress | None = None) -> dict[str, str]:
    """Every article's original after the change: recomputed where the change can affect it.

    `fresh` maps each added or changed article to its metadata rank. `at_once`
    reads every signature's size, and counts every shingle's holders, in one
    pass each: for a batch large enough to repay it. Such a batch keeps no
    article's shingles or counts once it has used them, so a build's memory
    does not grow with the corpus; a small one keeps them for the second look.
    """
    sizes: Mapping[str, int] = store.signature_sizes() if at_once else _SizesOnDemand(store)
    affected: set[str] = set(fresh)
    memo: dict[tuple[int, ...], Counter[str]] = {}
    frequent = store.frequent_hashes(dedup.COMMON) if at_once else None
    # When every article is new or changed (a build), no other article can become affected.
    everything = at_once and all(aid in affected for aid in sizes)
    for n, aid in enumerate(() if everything else fresh, 1):
        if progress and (n % 500 == 0 or n == len(fresh)):
            progress("copies", n, len(fresh))
        sig = store.signature(aid)
        shared = store.shared(sig, dedup.COMMON, frequent)
        if not at_once:
            memo[tuple(sig)] = shared
        # Another article can have become a copy of this one only if this one holds most of it.
        affected.update(other for other, n in shared.items()
                        if other != aid and n >= dedup.CONTAINED * sizes.get(other, 0) > 0)
    if progress and everything:
        progress("copies", 0, len(fresh))
    gone = set(fresh) | set(removed)
    affected.update(aid for aid, (_d, dup, _r) in owned.items() if dup in gone)
    affected.discard("")
    rank = {aid: r for aid, (_d, _dup, r) in owned.items()}
    rank.update(fresh)
    found = dedup.find_duplicates(
        _SignaturesOnDemand(store),
        lambda s: memo.get(tuple(s)) or store.shared(s, dedup.COMMON, frequent), sizes, rank,
        ids=[a for a in affected if a in sizes],
    )
    result = {aid: dup for aid, (_d, dup, _r) in owned.items() if dup and aid not in affected}
    result.update(found)
    return result


class _SignaturesOnDemand(Mapping[str, list[int]]):
    """Signatures read from the state as `find_duplicates` asks for each, never all at once."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getitem__(self, aid: str) -> list[int]:
        return self.store.signature(aid)

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.signature_sizes())

    def __len__(self) -> int:
        return len(self.store.signature_sizes())


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


def reanalyse_for_duplicates(store: Store, fresh: Mapping[str, int], duplicates: dict[str, str],
                             owned: dict[str, tuple[str | None, str | None, int]]) -> set[str]:
    """Unchanged articles whose original changed or went: their inherited date may differ.

    The new and changed copies (stored as read) take what they lack from their originals first.
    """
    out: set[str] = set()
    for aid, (own_date, old_dup, _rank) in owned.items():
        if aid in fresh:
            continue
        new_dup = duplicates.get(aid)
        if new_dup != old_dup or (new_dup and new_dup in fresh and not own_date):
            out.add(aid)
    for aid in fresh:
        if aid in duplicates:
            _inherit(store, aid, duplicates[aid])
    return out


def _inherit(store: Store, aid: str, original: str) -> None:
    copy, rec = _as_article(store, aid), _as_article(store, original)
    if copy is None or rec is None:
        return
    copy.inherit(rec)
    store_article(store, copy)


def _as_article(store: Store, aid: str) -> Article | None:
    rec = store.article(aid)
    if rec is None or not rec.readable:
        return None
    return Article(rec.id, Path(rec.id), rec.text, rec.regions, title=rec.title, date=rec.date,
                   published=rec.published, outlet=rec.outlet, url=rec.url, author=rec.author, lang=rec.lang,
                   date_source=rec.date_source, encoding=rec.encoding, problems=rec.problems)


def job_from_record(store: Store, aid: str, own_date: str | None, duplicates: dict[str, str]) -> pipeline.Job:
    """An unchanged article's analysis, its original and the date it inherits brought up to date first."""
    rec = store.article(aid)
    assert rec is not None
    original = store.article(duplicates[aid]) if aid in duplicates else None
    date = own_date or (original.date if original else None)
    source = rec.date_source if own_date else (f"duplicate of {original.id}" if original and date else None)
    store.set_duplicate(aid, original.id if original else None, date, source, day_range(date))
    return pipeline.Job(aid, rec.text, rec.regions, date, rec.lang or "pl")
