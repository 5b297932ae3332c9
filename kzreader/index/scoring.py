"""Scoring a parsed query a term at a time, over whole posting lists read from Whoosh.

Whoosh scores a document at a time: every matching document walks a tree of
matchers (a union per stacked word and per field, an intersection per AND),
about 5 microseconds a document in Python; a word found in all of 100,000
articles took half a second, two such words joined by AND three. Here each
term's postings are read block by block, as Whoosh stores them, and scored
into arrays over every document number (dense.py), a few nanoseconds a
posting. The scores are Whoosh's own BM25F for the same query tree (a test
compares them); a tree of any other shape returns None and is left to Whoosh.

The postings themselves are read by postings.py.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.fields import NUMERIC
from whoosh.util.numeric import byte_to_length

from kzreader.index.dense import Dense, TermArrays, bm25, phrase_starts, term_arrays
from kzreader.index.phrase import StackedPhrase, slot_terms
from kzreader.index.postings import Leaf, Postings, Unsupported

Scores = dict[int, float]


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
        self._size = searcher.doc_count_all()
        self._live = np.ones(self._size, dtype=bool)
        self._live[sorted(self._postings.deleted)] = False
        self._norms: dict[str, np.ndarray] = {}
        self._lengths: dict[tuple[int, str], np.ndarray] = {}
        self._numerics: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def dense(self, q: wq.Query) -> Dense | None:
        """Every matching document and its score, or None when Whoosh must run this query."""
        if not self._bm25:
            return None
        try:
            return self._eval(q).only(self._live)
        except Unsupported:
            return None

    def scores(self, q: wq.Query) -> Scores | None:
        """Every matching document's score by document number, or None when Whoosh must run this query."""
        found = self.dense(q)
        return None if found is None else found.as_dict()

    # query nodes -------------------------------------------------------------
    def _eval(self, q: wq.Query, into: Dense | None = None, boost: float = 1.0,
              within: np.ndarray | None = None) -> Dense:
        """The query's scores times `boost`, added into `into` if given: a union sums its terms in place.

        With `within`, a phrase checks only those documents: the rest of an AND
        has already ruled the others out.
        """
        kind = type(q)
        if kind is wq.Term:
            return self._term(q.fieldname, q.text, q.boost * boost, into)
        if kind is wq.Or:
            if q.scale or q.minmatch:
                raise Unsupported
            out = Dense.empty(self._size) if into is None else into
            for sub in q.subqueries:
                self._eval(sub, out, boost * q.boost, within)
            return out
        if kind in (wq.Prefix, wq.Wildcard):
            terms = [wq.Term(q.fieldname, t) for t in q._btexts(self.searcher.reader()) if t]
            return self._eval(wq.Or(terms, boost=q.boost), into, boost, within)
        if kind is wq.And:
            scores = self._and(q, within)
        elif kind is wq.NumericRange:
            scores = self._constant(q)
        elif kind is StackedPhrase:
            scores = self._phrase(q, within)
        elif q is wq.NullQuery:
            scores = Dense.empty(self._size)
        else:
            raise Unsupported
        scores = scores.boosted(boost)
        return scores if into is None else into.add(scores)

    def _and(self, q: wq.And, within: np.ndarray | None = None) -> Dense:
        positive = [sub for sub in q.subqueries if not isinstance(sub, wq.Not)]
        negative = [sub.query for sub in q.subqueries if isinstance(sub, wq.Not)]
        if not positive:
            raise Unsupported
        # The rarest part first; a phrase later on checks only the documents still in.
        reader = self.searcher.reader()
        sized = sorted((self._estimate(sub, reader), n, sub) for n, sub in enumerate(positive))
        out = self._eval(sized[0][2], within=within)
        for _size, _n, sub in sized[1:]:
            if not out.hit.any():
                return out
            out = out.both(self._eval(sub, within=out.hit))
        if negative and out.hit.any():
            excluded = Dense.empty(self._size)
            for sub in negative:
                excluded.hit |= self._eval(sub, within=out.hit).hit
            # Whoosh's matcher for NOT inside AND adds a constant 1 per clause.
            out = out.only(~excluded.hit, float(len(negative)))
        return out.boosted(q.boost)

    def _estimate(self, q: wq.Query, reader: Any) -> int:
        """Whoosh's `estimate_size`, a date range's from the documents' values rather than its expanded terms."""
        if type(q) is not wq.NumericRange:
            return int(q.estimate_size(reader))
        compiled = q._compile_query(reader)
        if compiled is wq.NullQuery:
            return 0
        # Each document holds one of the range's expanded terms at most, deleted ones too; an
        # Or of them is capped by the live documents, as Whoosh's compound estimate is.
        inner = compiled.child if isinstance(compiled, wq.ConstantScoreQuery) else compiled
        held = int(np.count_nonzero(self._in_range(q)))
        return min(held, reader.doc_count()) if isinstance(inner, wq.Or) else held

    def _constant(self, q: wq.NumericRange) -> Dense:
        """A date range: its documents with a constant score, as Whoosh's ConstantScoreQuery gives."""
        out = Dense(np.zeros(self._size), self._in_range(q) & self._live)
        out.scores[out.hit] = float(q.boost)
        return out

    def _in_range(self, q: wq.NumericRange) -> np.ndarray:
        """The documents (deleted ones too) whose value of the range's field lies in it."""
        values, present = self._numeric(q.fieldname)
        inside = present.copy()
        if q.start is not None:
            inside &= (values > q.start) if q.startexcl else (values >= q.start)
        if q.end is not None:
            inside &= (values < q.end) if q.endexcl else (values <= q.end)
        return inside

    def _numeric(self, fieldname: str) -> tuple[np.ndarray, np.ndarray]:
        """Each document's value of a numeric field, read once from its full-precision terms.

        Expanding a range into Whoosh's tiered terms and reading their postings
        cost each date query tens of milliseconds, twice (to order an AND's
        parts, then to match); an open-ended range touches every document.
        """
        found = self._numerics.get(fieldname)
        if found is None:
            if fieldname not in self.schema or type(self.schema[fieldname]) is not NUMERIC:
                raise Unsupported
            field = self.schema[fieldname]
            values, present = np.zeros(self._size, dtype=np.int64), np.zeros(self._size, dtype=bool)
            for btext in field.sortable_terms(self.searcher.reader(), fieldname):
                value = field.from_bytes(btext)
                for leaf, arrays in self._arrays(fieldname, btext):
                    values[arrays.ids + leaf.offset] = value
                    present[arrays.ids + leaf.offset] = True
            found = self._numerics[fieldname] = (values, present)
        return found

    def _term(self, fieldname: str, text: str, boost: float = 1.0, into: Dense | None = None) -> Dense:
        """A term's documents and their BM25 scores, added into `into` if given."""
        out = Dense.empty(self._size) if into is None else into
        btext = self._postings.term_bytes(fieldname, text)
        if btext is None:
            return out
        c, norm = self._scorer(fieldname, btext, boost)
        for leaf, arrays in self._arrays(fieldname, btext):
            lengths = None if norm is None else self._leaf_lengths(leaf, fieldname)[arrays.ids]
            docs = arrays.ids + leaf.offset
            # Each document once per term: fancy-indexed addition adds each posting once.
            out.scores[docs] += bm25(arrays.weights, lengths, c, norm)
            out.hit[docs] = True
        return out

    def _phrase(self, q: StackedPhrase, within: np.ndarray | None = None) -> Dense:
        """Documents where the slots' words stand next to each other in order; scored as their terms.

        Only the documents that hold every slot are decoded, and only those with
        the phrase are scored.
        """
        slots = [slot_terms(sub) for sub in q.subqueries]
        if q.slop != 1 or not q.ordered or any(s is None for s in slots):
            raise Unsupported
        per_slot: list[list[tuple[wq.Term, list[tuple[Leaf, TermArrays]]]]] = []
        for terms in slots:
            found = [(t, arrays) for t in terms or () if (arrays := self._term_arrays(t))]
            if not found:
                return Dense.empty(self._size)
            per_slot.append(found)
        candidates = self._live.copy() if within is None else self._live & within
        for found in per_slot:
            held = np.zeros(self._size, dtype=bool)
            for _term, arrays in found:
                for leaf, a in arrays:
                    held[a.ids + leaf.offset] = True
            candidates &= held
        fmt = self.schema[slots[0][0].fieldname].format  # type: ignore[index]
        chosen = []
        for found in per_slot:
            terms = []
            for _term, arrays in found:
                for leaf, a in arrays:
                    docs = a.ids + leaf.offset
                    keep = np.flatnonzero(candidates[docs])
                    terms.append((docs[keep], [a.values[i] for i in keep.tolist()]))
            chosen.append(terms)
        hits = np.zeros(self._size, dtype=bool)
        hits[phrase_starts(chosen, fmt)] = True
        out = Dense.empty(self._size)
        for found in per_slot:
            for term, arrays in found:
                out.add(self._term_in(term, arrays, hits))
        return out.boosted(q.boost)

    def _term_in(self, term: wq.Term, arrays: list[tuple[Leaf, TermArrays]], hits: np.ndarray) -> Dense:
        """A term's scores in those of the `hits` that hold it."""
        out = Dense.empty(self._size)
        btext = self._postings.term_bytes(term.fieldname, term.text)
        assert btext is not None
        c, norm = self._scorer(term.fieldname, btext, term.boost)
        for leaf, a in arrays:
            keep = hits[a.ids + leaf.offset]
            ids = a.ids[keep]
            lengths = None if norm is None else self._leaf_lengths(leaf, term.fieldname)[ids]
            out.scores[ids + leaf.offset] += bm25(a.weights[keep], lengths, c, norm)
            out.hit[ids + leaf.offset] = True
        return out

    def _term_arrays(self, term: wq.Term) -> list[tuple[Leaf, TermArrays]]:
        btext = self._postings.term_bytes(term.fieldname, term.text)
        return [] if btext is None else self._arrays(term.fieldname, btext)

    def _arrays(self, fieldname: str, btext: bytes) -> list[tuple[Leaf, TermArrays]]:
        """A term's postings in each segment that holds it, as arrays."""
        by_leaf: dict[int, tuple[Leaf, list[tuple[Any, Any, Any]]]] = {}
        for leaf, ids, weights, values in self._postings.blocks(fieldname, btext):
            by_leaf.setdefault(leaf.offset, (leaf, []))[1].append((ids, weights, values))
        return [(leaf, term_arrays(blocks)) for leaf, blocks in by_leaf.values()]

    def _leaf_lengths(self, leaf: Leaf, fieldname: str) -> np.ndarray:
        key = (leaf.offset, fieldname)
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = np.frombuffer(self._postings.lengths(leaf, fieldname), dtype=np.uint8)
        return found

    def _scorer(self, fieldname: str, btext: bytes, boost: float) -> tuple[float, np.ndarray | None]:
        """BM25's constant factor for a term and its field's length norms; no norms for a field
        that keeps no lengths, whose documents score their weight as Whoosh's WeightScorer does."""
        if not self.schema[fieldname].scorable:
            return boost, None
        return self.searcher.idf(fieldname, btext) * (self._k1 + 1) * boost, self._norm(fieldname)

    def _norm(self, fieldname: str) -> np.ndarray:
        """BM25's length normalisation for each of the 256 stored length bytes of a field."""
        norm = self._norms.get(fieldname)
        if norm is None:
            b = self._field_b.get(fieldname, self._b)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            norm = np.array([self._k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)])
            self._norms[fieldname] = norm
        return norm
