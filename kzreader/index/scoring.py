"""Scoring a parsed query a term at a time, over whole posting lists read from Whoosh.

Whoosh scores a document at a time: every matching document walks a tree of
matchers (a union per stacked word and per field, an intersection per AND),
about 5 microseconds a document in Python; a word found in all of 100,000
articles took half a second, two such words joined by AND three. Here each
term's postings are read block by block, as Whoosh stores them, and scored
into a dict of document number -> score, a fraction of a microsecond a
posting. The scores are Whoosh's own BM25F for the same query tree (a test
compares them); a tree of any other shape returns None and is left to Whoosh.

The postings themselves are read by postings.py.
"""
from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterable, Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

from kzreader.index.phrase import StackedPhrase, slot_terms
from kzreader.index.postings import Postings, Unsupported, positions_decoder

Scores = dict[int, float]
# Documents still in the running: a set, or the keys of another part's scores.
Within = AbstractSet[int]
# An AND passes its survivors on when they are under 1/_SPARSE of the next part's documents.
_SPARSE = 4


@dataclass(slots=True)
class _Table:
    """One term's postings by global document number, and what scoring them needs."""

    weights: dict[int, float]
    values: dict[int, bytes]
    c: float
    norm: list[float] | None
    lengths: list[tuple[int, bytes]]

    def scores(self, docs: Iterable[int]) -> Scores:
        """BM25 of this term in those of `docs` that hold it."""
        weights, c, norm = self.weights, self.c, self.norm
        held = [d for d in docs if d in weights]
        if norm is None:
            return {d: weights[d] * c for d in held}
        if len(self.lengths) == 1:
            lengths = self.lengths[0][1]
            return {d: c * weights[d] / (weights[d] + norm[lengths[d]]) for d in held}
        starts = [offset for offset, _lengths in self.lengths]
        out: Scores = {}
        for d in held:
            offset, lengths = self.lengths[bisect.bisect_right(starts, d) - 1]
            out[d] = c * weights[d] / (weights[d] + norm[lengths[d - offset]])
        return out


class TermAtATime:
    """Scores queries against one open searcher; build a new one when the searcher changes."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.schema = searcher.schema
        weighting = searcher.weighting
        self._b = getattr(weighting, "B", None)
        self._k1 = getattr(weighting, "K1", None)
        self._field_b: dict[str, float] = getattr(weighting, "_field_B", {})
        self._bm25 = type(weighting).__name__ == "BM25F" and self._k1 is not None
        self._postings = Postings(searcher)
        self._norms: dict[str, list[float]] = {}

    def scores(self, q: wq.Query) -> Scores | None:
        """Every matching document's score, or None when Whoosh must run this query."""
        if not self._bm25:
            return None
        try:
            return self._eval(q)
        except Unsupported:
            return None

    def top(self, scores: Scores, limit: int) -> list[tuple[int, float]]:
        """The best `limit` documents, ties to the lower document number as Whoosh orders them."""
        if len(scores) > limit:
            # The limit-th best score first (in C), then order only what reaches it.
            floor = heapq.nlargest(limit, scores.values())[-1] if limit else float("inf")
            scores = {d: s for d, s in scores.items() if s >= floor}
        return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    # query nodes -------------------------------------------------------------
    def _eval(self, q: wq.Query, into: Scores | None = None, boost: float = 1.0,
              within: Within | None = None) -> Scores:
        """The query's scores times `boost`, added into `into` if given: a union sums its terms in place.

        With `within`, only those documents are scored: the rest of an AND has
        already ruled the others out.
        """
        kind = type(q)
        if kind is wq.Term:
            return self._term(q.fieldname, q.text, q.boost * boost, into, within)
        if kind is wq.Or:
            if q.scale or q.minmatch:
                raise Unsupported
            out: Scores = {} if into is None else into
            for sub in q.subqueries:
                self._eval(sub, out, boost * q.boost, within)
            return out
        if kind in (wq.Prefix, wq.Wildcard):
            terms = [wq.Term(q.fieldname, t) for t in q._btexts(self.searcher.reader()) if t]
            return self._eval(wq.Or(terms, boost=q.boost), into, boost, within)
        if kind is wq.And:
            scores = self._and(q, within)
        elif kind is wq.NumericRange:
            scores = self._constant(q, within)
        elif kind is StackedPhrase:
            scores = self._phrase(q, within)
        elif q is wq.NullQuery:
            scores = {}
        else:
            raise Unsupported
        scores = _boosted(scores, boost)
        return scores if into is None else _add(into, scores)

    def _and(self, q: wq.And, within: Within | None = None) -> Scores:
        positive = [sub for sub in q.subqueries if not isinstance(sub, wq.Not)]
        negative = [sub.query for sub in q.subqueries if isinstance(sub, wq.Not)]
        if not positive:
            raise Unsupported
        # The rarest part first; a later part scores only the documents still in
        # when they are few beside its own (checking each posting costs too).
        reader = self.searcher.reader()
        sized = sorted((sub.estimate_size(reader), n, sub) for n, sub in enumerate(positive))
        out = self._eval(sized[0][2], within=within)
        for size, _n, sub in sized[1:]:
            if not out:
                return out
            part = self._eval(sub, within=out.keys() if len(out) * _SPARSE < size else within)
            out = {d: s + part[d] for d, s in out.items() if d in part}
        if negative and out:
            excluded = set().union(*(self._eval(sub, within=out.keys()) for sub in negative))
            # Whoosh's matcher for NOT inside AND adds a constant 1 per clause.
            out = {d: s + len(negative) for d, s in out.items() if d not in excluded}
        return _boosted(out, q.boost)

    def _constant(self, q: wq.NumericRange, within: Within | None = None) -> Scores:
        """A date range: its documents with a constant score, as Whoosh's ConstantScoreQuery gives."""
        compiled = q._compile_query(self.searcher.reader())
        if compiled is wq.NullQuery:
            return {}
        inner = compiled.child if isinstance(compiled, wq.ConstantScoreQuery) else compiled
        docs: set[int] = set()
        for node in inner.subqueries if isinstance(inner, wq.Or) else [inner]:
            if isinstance(node, wq.Term):
                texts: Iterable[bytes] = [node.text]
            elif isinstance(node, wq.TermRange):
                texts = node._btexts(self.searcher.reader())
            else:
                raise Unsupported
            for text in texts:
                for leaf, ids, _weights, _values in self._postings.blocks(node.fieldname, text):
                    docs.update(d + leaf.offset for d in ids if d not in leaf.deleted)
        if within is not None:
            docs.intersection_update(within)
        return dict.fromkeys(docs, float(q.boost))

    def _term(self, fieldname: str, text: str, boost: float = 1.0, into: Scores | None = None,
              within: Within | None = None) -> Scores:
        """A term's documents and their BM25 scores, added into `into` if given."""
        out: Scores = {} if into is None else into
        btext = self._postings.term_bytes(fieldname, text)
        if btext is None:
            return out
        c, norm = self._scorer(fieldname, btext, boost)
        get = out.get
        for leaf, ids, weights, _values in self._postings.blocks(fieldname, btext):
            off, deleted = leaf.offset, leaf.deleted
            postings: Iterable[tuple[int, float]] = zip(ids, weights)
            if within is not None or (deleted and not deleted.isdisjoint(ids)):
                postings = [(d, w) for d, w in postings
                            if d not in deleted and (within is None or d + off in within)]
            if norm is None:
                for d, w in postings:
                    out[d + off] = get(d + off, 0.0) + w * c
                continue
            lengths = self._postings.lengths(leaf, fieldname)
            for d, w in postings:
                out[d + off] = get(d + off, 0.0) + c * w / (w + norm[lengths[d]])
        return out

    def _phrase(self, q: StackedPhrase, within: Within | None = None) -> Scores:
        """Documents where the slots' words stand next to each other in order; scored as their terms.

        Postings go into tables built in C; only the documents that hold every
        slot are decoded, and only those with the phrase are scored.
        """
        slots = [slot_terms(sub) for sub in q.subqueries]
        if q.slop != 1 or not q.ordered or any(s is None for s in slots):
            raise Unsupported
        per_slot: list[list[_Table]] = []
        for terms in slots:
            tables = [t for t in (self._table(term) for term in terms or ()) if t.values]
            if not tables:
                return {}
            per_slot.append(tables)
        held = [tables[0].values.keys() if len(tables) == 1 else set().union(*(t.values for t in tables))
                for tables in per_slot]
        candidates = set(min(held, key=len)).intersection(*held)
        candidates.difference_update(self._postings.deleted)
        if within is not None:
            candidates.intersection_update(within)
        decode = positions_decoder(self.schema[slots[0][0].fieldname].format)  # type: ignore[index]
        # A phrase starts at p where slot k has a word at p + k: the starts left
        # after each slot are those whose positions, shifted back by k, meet it.
        first = _slot_positions(per_slot[0], 0, decode)
        starts = {d: set(first(d)) for d in candidates}
        for k in range(1, len(per_slot)):
            positions = _slot_positions(per_slot[k], k, decode)
            starts = {d: left for d, before in starts.items() if (left := before.intersection(positions(d)))}
        hits = list(starts)
        return _boosted(_union(t.scores(hits) for tables in per_slot for t in tables), q.boost)

    def _table(self, term: wq.Term) -> _Table:
        """A term's postings as dicts by document number: weights and encoded positions."""
        table = _Table({}, {}, 0.0, None, [])
        btext = self._postings.term_bytes(term.fieldname, term.text)
        if btext is None:
            return table
        for leaf, ids, ws, vs in self._postings.blocks(term.fieldname, btext):
            if leaf.offset:
                ids = [d + leaf.offset for d in ids]
            table.weights.update(zip(ids, ws))
            table.values.update(zip(ids, vs))
        table.c, table.norm = self._scorer(term.fieldname, btext, term.boost)
        if table.norm is not None:
            table.lengths = [(leaf.offset, self._postings.lengths(leaf, term.fieldname)) for leaf in self._postings.leaves]
        return table

    def _scorer(self, fieldname: str, btext: bytes, boost: float) -> tuple[float, list[float] | None]:
        """BM25's constant factor for a term and its field's length norms; no norms for a field
        that keeps no lengths, whose documents score their weight as Whoosh's WeightScorer does."""
        if not self.schema[fieldname].scorable:
            return boost, None
        return self.searcher.idf(fieldname, btext) * (self._k1 + 1) * boost, self._norm(fieldname)

    def _norm(self, fieldname: str) -> list[float]:
        """BM25's length normalisation for each of the 256 stored length bytes of a field."""
        norm = self._norms.get(fieldname)
        if norm is None:
            b = self._field_b.get(fieldname, self._b)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            norm = [self._k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]
            self._norms[fieldname] = norm
        return norm


def _slot_positions(tables: list[_Table], k: int, decode: Any) -> Callable[[int], Iterable[int]]:
    """A document's positions of slot k, shifted back by k."""
    shift = (-k).__add__
    if len(tables) == 1:
        values = tables[0].values
        return lambda d: map(shift, decode(values[d]))

    def union(d: int) -> set[int]:
        # Stacked lemmas of one word share their positions: decode each distinct list once.
        encoded = {t.values.get(d) for t in tables}
        encoded.discard(None)
        out: set[int] = set()
        for v in encoded:
            out.update(map(shift, decode(v)))
        return out

    return union


def _union(parts: Iterable[Scores]) -> Scores:
    out: Scores = {}
    for part in parts:
        _add(out, part)
    return out


def _add(into: Scores, part: Scores) -> Scores:
    if not into:
        into.update(part)
        return into
    get = into.get
    for d, s in part.items():
        into[d] = get(d, 0.0) + s
    return into


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return {d: s * boost for d, s in scores.items()}
