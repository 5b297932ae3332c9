"""A query's scores as two arrays over every document number: numpy does per posting what Python did.

Term-at-a-time scoring added each posting into a dict, about 0.15 microseconds
a posting in Python, and a query's union of stacked words over five fields
touches most documents several times. Here a term's postings become arrays
(document numbers, weights, field lengths) and BM25 is computed and added a
block at a time. The arithmetic is the dict version's, operation for
operation and in the same order, so the floats are the same to the last bit.

A document absent from a result has score 0.0 and `hit` False; adding 0.0 to a
score leaves it exactly as it was, so unions add whole arrays.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

from kzreader.index.compact_postings import CompactPositions, position_gaps

# A phrase's start as one integer: document number in the high bits, position in the low.
_POS_BITS = 32


@dataclass(slots=True)
class Dense:
    scores: np.ndarray
    hit: np.ndarray

    @classmethod
    def empty(cls, size: int) -> Dense:
        return cls(np.zeros(size), np.zeros(size, dtype=bool))

    def add(self, other: Dense) -> Dense:
        """Sum `other` into this one, as a union of both."""
        self.scores += other.scores
        self.hit |= other.hit
        return self

    def boosted(self, boost: float) -> Dense:
        return self if boost == 1.0 else Dense(self.scores * boost, self.hit)

    def both(self, other: Dense) -> Dense:
        """The documents in both, their scores summed (this one's first)."""
        hit = self.hit & other.hit
        return Dense(np.where(hit, self.scores + other.scores, 0.0), hit)

    def only(self, hit: np.ndarray, plus: float = 0.0) -> Dense:
        """This result restricted to `hit`, `plus` added to what is left."""
        hit = self.hit & hit
        return Dense(np.where(hit, self.scores + plus, 0.0) if plus else np.where(hit, self.scores, 0.0), hit)

    def count(self) -> int:
        return int(np.count_nonzero(self.hit))

    def docs(self) -> np.ndarray:
        return np.flatnonzero(self.hit)

    def top(self, limit: int) -> list[tuple[int, float]]:
        """The best `limit` documents, ties to the lower document number as Whoosh orders them."""
        docs = self.docs()
        scores = self.scores[docs]
        if len(docs) > limit:
            # The limit-th best score first, then order only what reaches it.
            floor = np.partition(scores, len(scores) - limit)[len(scores) - limit] if limit else np.inf
            keep = scores >= floor
            docs, scores = docs[keep], scores[keep]
        order = np.lexsort((docs, -scores))[:limit]
        return list(zip(docs[order].tolist(), scores[order].tolist()))

    def as_dict(self) -> dict[int, float]:
        docs = self.docs()
        return dict(zip(docs.tolist(), self.scores[docs].tolist()))


@dataclass(slots=True)
class TermArrays:
    """One term's postings in one segment: local document numbers, weights, encoded positions."""

    ids: np.ndarray
    weights: np.ndarray
    values: list[Any]


def term_arrays(blocks: list[tuple[Any, Any, Any]]) -> TermArrays:
    """Whoosh's decoded blocks of one segment (ids, weights, values) as one set of arrays."""
    ids = np.fromiter(chain.from_iterable(ids for ids, _w, _v in blocks), dtype=np.int64)
    weights = np.fromiter(chain.from_iterable(w for _i, w, _v in blocks), dtype=np.float64, count=len(ids))
    values = list(chain.from_iterable(v for _i, _w, v in blocks)) if blocks and blocks[0][2] is not None else []
    return TermArrays(ids, weights, values)


def bm25(weights: np.ndarray, lengths: np.ndarray | None, c: float, norm: np.ndarray | None) -> np.ndarray:
    """Each posting's BM25 as scoring.py computed it: c*w/(w+norm[length]), or w*c for a field without lengths."""
    if norm is None or lengths is None:
        return weights * c
    return c * weights / (weights + norm[lengths])


def phrase_starts(slots: list[list[tuple[np.ndarray, list[Any]]]], fmt: Any) -> np.ndarray:
    """Documents where the slots' words stand at consecutive positions in order.

    `slots` holds, per slot, each term's (global document numbers, encoded
    positions) of the candidate documents only. A phrase starts at p in d where
    slot k has a word at p + k: each slot's (d, position - k) pairs become one
    integer each, and the starts are what every slot's integers share.
    """
    starts: np.ndarray | None = None
    for k, terms in enumerate(slots):
        keys = np.unique(np.concatenate([_keys(docs, values, fmt, k) for docs, values in terms]))
        starts = keys if starts is None else np.intersect1d(starts, keys, assume_unique=True)
        if not len(starts):
            break
    return np.unique(starts >> _POS_BITS) if starts is not None else np.zeros(0, dtype=np.int64)


def _keys(docs: np.ndarray, values: list[Any], fmt: Any, shift: int) -> np.ndarray:
    if type(fmt) is CompactPositions:
        counts, gaps = gaps_of(values)
        flat = np.cumsum(gaps)
        # Positions are gaps within each document: subtract the running sum where each one begins.
        before = np.concatenate(([0], flat))[np.cumsum(counts) - counts]
        positions = flat - np.repeat(before, counts)
    else:
        decode = fmt.decoder("positions")
        lists = [list(decode(v)) for v in values]
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        positions = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
    owners = np.repeat(docs.astype(np.int64), counts)
    keep = positions >= shift
    return (owners[keep] << _POS_BITS) | (positions[keep] - shift)


_WIDTH = {ord("B"): 1, ord("H"): 2, ord("I"): 4}
# Below this many values the arrays' fixed costs exceed decoding each value.
_AT_ONCE_FROM = 64
_WIDTH_TYPE = {1: "<u1", 2: "<u2", 4: "<u4"}


def gaps_of(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Each value's count of positions, and all their gaps (`encode_positions`) in one array, in order.

    The values are joined into one buffer and cut by the width each one's
    typecode gives, without a Python step per value.
    """
    if len(values) < _AT_ONCE_FROM:
        return _one_by_one(values)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    joined = np.frombuffer(b"".join(values), dtype=np.uint8)
    starts = np.cumsum(lengths) - lengths
    widths = np.array([_WIDTH.get(code, 0) for code in joined[starts].tolist()], dtype=np.int64)
    if not widths.all():
        return _one_by_one(values)  # an unknown typecode: let position_gaps say so
    counts = (lengths - 1) // widths
    out = np.empty(int(counts.sum()), dtype=np.int64)
    out_starts = np.cumsum(counts) - counts
    body = np.ones(len(joined), dtype=bool)
    body[starts] = False
    byte_widths = np.repeat(widths, lengths)
    for width, dtype in _WIDTH_TYPE.items():
        chosen = widths == width
        if not chosen.any():
            continue
        found = joined[body & (byte_widths == width)].view(dtype)
        c = counts[chosen]
        # The k-th gap of this width goes to its value's place in the output.
        out[np.arange(len(found)) + np.repeat(out_starts[chosen] - (np.cumsum(c) - c), c)] = found
    return counts, out


def _one_by_one(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    decoded = [position_gaps(v) for v in values]
    counts = np.fromiter(map(len, decoded), dtype=np.int64, count=len(decoded))
    return counts, np.fromiter(chain.from_iterable(decoded), dtype=np.int64, count=int(counts.sum()))
