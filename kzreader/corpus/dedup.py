"""Near-duplicate articles: one whose text is largely contained in another.

Each article gets a signature: the hashes of its five-word shingles, keeping
only those whose hash falls in one residue class (mod sampling). Sampling by
hash value, unlike per-document MinHash, keeps the same shingles in every
document, so the share of A's sampled shingles found in B estimates how much
of A is contained in B, which is what an excerpt is. Candidates come from an
inverted index of sampled hashes, so the work stays near-linear in the corpus;
hashes shared by very many articles (boilerplate) are not followed.
"""
from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from kzreader.language.folding import fold
from kzreader.language.tokens import WORD

SHINGLE = 5
SAMPLE = 8
MIN_SAMPLES = 4
CONTAINED = 0.6
COMMON = 50


def signature(text: str, regions: Sequence[tuple[int, int]] | None = None) -> list[int]:
    """Sorted distinct sampled shingle hashes of the text's body."""
    spans = regions or [(0, len(text))]
    words = [fold(m.group()) for s, e in spans for m in WORD.finditer(text, s, e)]
    out: set[int] = set()
    for i in range(len(words) - SHINGLE + 1):
        # crc32 is stable across processes and runs (unlike hash()) and cheap; its
        # rare collisions only add a candidate that containment then rejects.
        h = zlib.crc32(" ".join(words[i : i + SHINGLE]).encode())
        if h % SAMPLE == 0:
            out.add(h)
    return sorted(out)


class ShingleIndex:
    """In-memory inverted index of signatures (the index keeps the same data in SQLite)."""

    def __init__(self) -> None:
        self.postings: dict[int, list[str]] = defaultdict(list)
        self.sizes: dict[str, int] = {}

    def add(self, article: str, sig: Sequence[int]) -> None:
        self.sizes[article] = len(sig)
        for h in sig:
            self.postings[h].append(article)

    def shared(self, sig: Sequence[int]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for h in sig:
            ids = self.postings.get(h, ())
            if len(ids) <= COMMON:
                counts.update(ids)
        return counts


def find_duplicates(
    signatures: Mapping[str, Sequence[int]],
    shared: Callable[[Sequence[int]], Counter[str]],
    sizes: Mapping[str, int],
    rank: Mapping[str, int],
    ids: Iterable[str] | None = None,
) -> dict[str, str]:
    """Map each article (of `ids`, default all) that is contained in another to that one.

    Of two articles containing each other, the one with less metadata (lower
    `rank`), then the shorter one, then the later id, is the duplicate.
    """
    result: dict[str, str] = {}
    for aid in signatures if ids is None else ids:
        sig = signatures[aid]
        if len(sig) < MIN_SAMPLES:
            continue
        best: tuple[float, int, str] | None = None
        for other, n in shared(sig).items():
            if other == aid:
                continue
            share = n / len(sig)
            if share < CONTAINED or not _is_copy(aid, other, sizes, rank):
                continue
            key = (share, sizes[other], other)
            if best is None or key > best:
                best = key
        if best is not None:
            result[aid] = best[2]
    return _roots(result)


def _is_copy(aid: str, other: str, sizes: Mapping[str, int], rank: Mapping[str, int]) -> bool:
    mine, theirs = sizes[aid], sizes[other]
    if mine * 1.2 < theirs:
        return True
    if theirs * 1.2 < mine:
        return False
    # Near-equal lengths: the richer record is the original, then the longer, then the earlier id.
    return (rank.get(aid, 0), mine, other) < (rank.get(other, 0), theirs, aid)


def _roots(parent: dict[str, str]) -> dict[str, str]:
    """Point every duplicate at the article it ultimately copies; break cycles."""
    out: dict[str, str] = {}
    for aid in parent:
        seen = {aid}
        cur = parent[aid]
        while cur in parent and parent[cur] not in seen:
            seen.add(cur)
            cur = parent[cur]
        if cur != aid:
            out[aid] = cur
    return out
