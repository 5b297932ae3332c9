"""The corpus's files as a refresh sees them: a fingerprint to pass over the unchanged, and a read of the changed.

Reading an article also takes what the corpus-wide passes need of it before
any analysis: its duplicate signature and its unknown name forms.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kzreader.corpus import dedup
from kzreader.corpus.articles import Article, SourceFile, read_article
from kzreader.corpus.decoding import NotText
from kzreader.corpus.metadata import sidecar_path
from kzreader.index.workers import pool
from kzreader.reading import pipeline


def fingerprint(source: SourceFile) -> str:
    return "|".join(_stat_mark(p) for p in (source.file, source.sidecar))


def _stat_mark(path: str | None) -> str:
    if path is None:
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


# The files whose fingerprints the forked workers take, by position: inherited, not sent.
_listed: Sequence[SourceFile] = ()
_STAT_CHUNK = 10_000


def fingerprints(sources: Sequence[SourceFile], processes: int) -> list[str]:
    """Each file's `fingerprint`, in order; split among `processes` forked workers if more than one.

    A stat is 3.5 µs here; at 100,000 articles (and as many sidecars) the
    fingerprints were half of a refresh that found nothing changed.
    """
    global _listed
    if processes < 2 or len(sources) < 2 * _STAT_CHUNK or not hasattr(os, "fork"):
        return [fingerprint(s) for s in sources]
    _listed = sources
    try:
        with pool(processes) as workers:
            parts = workers.map(_fingerprints_of, range(0, len(sources), _STAT_CHUNK))
    finally:
        _listed = ()
    return [fp for part in parts for fp in part]


def _fingerprints_of(start: int) -> list[str]:
    return [fingerprint(s) for s in _listed[start:start + _STAT_CHUNK]]


def _digest(raw: bytes, source: SourceFile) -> str:
    h = hashlib.blake2b(raw, digest_size=16)
    try:
        h.update(sidecar_path(source.path).read_bytes())
    except OSError:
        pass
    return h.hexdigest()


@dataclass(slots=True)
class SourceRead:
    """An article as read from its files, with what the corpus passes need of it before analysis."""

    article: Article
    digest: str
    signature: list[int]
    names: Counter[str]


def _read_one(item: tuple[SourceFile, str]) -> tuple[SourceFile, str, SourceRead | OSError | NotText]:
    source, fp = item
    try:
        article, raw = read_article(source)
    except (NotText, OSError) as exc:
        return source, fp, exc
    return source, fp, SourceRead(article, _digest(raw, source), dedup.signature(article.text, article.regions),
                                   pipeline.unknown_names(article.text, article.regions) if article.lang == "pl" else Counter())


def read_all(items: list[tuple[SourceFile, str]],
             processes: int) -> Iterator[tuple[SourceFile, str, SourceRead | OSError | NotText]]:
    """Read, fingerprint and sample the changed files, in `processes` worker processes if more than one.

    Decoding, sidecar YAML, shingles and the dictionary lookups for names took
    6 minutes in one process at 100,000 articles.
    """
    if processes > 1:
        with pool(processes) as workers:
            yield from workers.imap(_read_one, items, chunksize=32)
        return
    yield from map(_read_one, items)

