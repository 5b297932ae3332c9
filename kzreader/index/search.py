"""Searching the index: plain results with snippets and match offsets, never Whoosh objects.

One Whoosh searcher is kept open and reused; results of recent queries are
cached because search-as-you-type repeats them; only the hits a view shows are
highlighted, since highlighting re-analyses the article's text.

A query is first read by notes.py (Polish field names, `-word`, dangling
operators); here the words in nearly every article are left out of it, and a
search that finds nothing says which word is found nowhere.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import collectors, query as wq

from kzreader.index import corrected_terms, folder as ix_mod
from kzreader.index.corrected_terms import CorrectedQuery
from kzreader.index.analyzer import is_function_word, query_terms
from kzreader.index.folded import FoldedForms
from kzreader.index.highlight import Matcher, Snippet, Span, snippets
from kzreader.index.notes import MIN_PREFIX, Prepared, prepare
from kzreader.index.query import highlight_terms, make_parser, parse
from kzreader.index.scoring import TermAtATime
from kzreader.index.store import Store

__all__ = ["Hit", "Matcher", "SearchResult", "Searcher", "Snippet", "Span", "snippets"]

_CACHE = 64
# A function word in at least this share of the articles neither narrows a search nor lights up.
COMMON_SHARE = 0.9
# Hits looked at beyond the limit, so that an original found a little lower still ranks above its copy.
_FOLD_MARGIN = 10


@dataclass(slots=True)
class Hit:
    article: str
    title: str | None
    date: str | None
    outlet: str | None
    duplicate_of: str | None
    score: float
    snippets: list[Snippet] = field(default_factory=list)
    matches: int = 0
    copy_of: str | None = None
    """The original this hit copies, when the original is among the hits (listed right above it)."""


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    notes: list[str] = field(default_factory=list)
    """What the reader should know about how the query was read: one line each."""


class Searcher:
    def __init__(self, index_dir: Path, store: Store) -> None:
        self.index_dir = index_dir
        self.store = store
        self._ix = ix_mod.open_whoosh(index_dir)
        self._searcher = ix_mod.open_searcher(self._ix)
        self._parser = make_parser(self._ix.schema, FoldedForms(self._searcher.reader()))
        self._scoring = TermAtATime(self._searcher)
        self._corrected = CorrectedQuery(self._searcher, corrected_terms.load(store))
        self._ids: dict[int, str] = {}
        self._cache: OrderedDict[tuple[str, int, int], SearchResult] = OrderedDict()
        self._prepared: OrderedDict[str, tuple[str, list[str]]] = OrderedDict()
        self._parsed: OrderedDict[str, wq.Query] = OrderedDict()
        # Whoosh's readers seek and read shared files: one thread at a time, parsing
        # too (it reads the lexicon for words typed without Polish letters).
        self._lock = threading.RLock()

    def close(self) -> None:
        self._searcher.close()

    def forget(self) -> None:
        """Drop what earlier queries left (results, parsed queries, notes): a benchmark times each query afresh."""
        with self._lock:
            self._cache.clear()
            self._parsed.clear()
            self._prepared.clear()

    def doc_count(self) -> int:
        with self._lock:
            return int(self._searcher.doc_count())

    def parse(self, text: str) -> wq.Query:
        # A search parses its text twice (to run it and to light up its words),
        # and search-as-you-type repeats it: parsing is a few milliseconds of Python.
        with self._lock:
            found = self._parsed.get(text)
            if found is None:
                found = self._parsed[text] = parse(self._parser, self.prepared(text)[0])
                while len(self._parsed) > _CACHE:
                    self._parsed.popitem(last=False)
            return found

    def query(self, text: str) -> wq.Query:
        """The query to run: as parsed, with entity-field terms following the reader's corrections."""
        q = self.parse(text)
        with self._lock:
            return self._corrected.rewrite(q)

    def prepared(self, text: str) -> tuple[str, list[str]]:
        """The query as the parser gets it, and the notes on how it was read."""
        with self._lock:
            found = self._prepared.get(text)
            if found is None:
                found = self._prepared[text] = self._prepare(text)
                while len(self._prepared) > _CACHE:
                    self._prepared.popitem(last=False)
            return found

    def _prepare(self, text: str) -> tuple[str, list[str]]:
        p = prepare(text)
        notes = list(p.notes)
        common = [w for w in p.words if w.droppable and self.common(w.text)]
        narrowing = len(p.words) - len(common) + len(p.phrases) + p.others
        if not common or not narrowing:
            return p.text, notes
        names = ", ".join(f"'{w.text}'" for w in common)
        notes.append(f"left out {names}: in nearly every article (in \"a phrase\" they count)")
        return p.without(common), notes

    def common(self, word: str) -> bool:
        """A function word (`i`, `w`, `z`) found in nearly every article: it would neither narrow nor tell."""
        count = self._searcher.doc_count()
        if count < 2 or not is_function_word(word):
            return False
        return max((self._searcher.doc_frequency("body", t) for t in query_terms(word)), default=0) >= COMMON_SHARE * count

    def matcher(self, text: str) -> Matcher:
        terms, prefixes, phrases = highlight_terms(self.parse(text))
        return Matcher(frozenset(terms), prefixes, phrases)

    def search(self, text: str, limit: int = 20, highlight: int = 20) -> SearchResult:
        """Top `limit` hits by BM25 with the total count; snippets for the first `highlight`.

        An original ranks above its copies, which follow it.
        """
        key = (text, limit, highlight)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        q = self.query(text)
        with self._lock:
            found, total = self._top(q, limit + _FOLD_MARGIN)
        matcher = self.matcher(text)
        summaries = {s["id"]: s for s in self.store.summaries(i for i, _ in found)}
        hits: list[Hit] = []
        for aid, score in found:
            meta = summaries.get(aid, {})
            hits.append(Hit(aid, meta.get("title"), meta.get("date"), meta.get("outlet"), meta.get("duplicate_of"),
                            round(float(score), 4)))
        hits = originals_first(hits)[:limit]
        for hit in hits[:highlight]:
            rec = self.store.article(hit.article)
            if rec is not None:
                spans = matcher.spans(rec.text, rec.regions)
                hit.matches = len(spans)
                hit.snippets = snippets(rec.text, spans)
        notes = self.prepared(text)[1]
        if total == 0:
            notes = notes + self.why_nothing(text)
        result = SearchResult(text, total, hits, notes)
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return result

    def why_nothing(self, text: str) -> list[str]:
        """Why a query found no article: the words found nowhere, or that they never meet."""
        p: Prepared = prepare(text)
        words = list(dict.fromkeys([w.text for w in p.words] + [w for ph in p.phrases for w in ph.split()]))
        missing = [w for w in words if not self._found(w)]
        if missing:
            begun = [f"{w}*" for w in missing if len(w) >= MIN_PREFIX and self._found(f"{w}*")]
            hint = f" ({', '.join(begun)} finds the words that begin so)" if begun else ""
            return [f"no article has {', '.join(repr(w) for w in missing)}{hint}"]
        absent = [ph for ph in p.phrases if not self._found(f'"{ph}"')]
        if absent:
            return [f"its words are found, but no article has the phrase \"{absent[0]}\""]
        return ["no article matches all of it together"] if len(words) + p.others > 1 else []

    def _found(self, text: str) -> bool:
        with self._lock:
            try:
                q = parse(self._parser, text)
            except Exception:  # noqa: BLE001 - a fragment that does not parse alone says nothing
                return True
            return self._top(q, 1)[1] > 0

    def _top(self, q: wq.Query, limit: int) -> tuple[list[tuple[str, float]], int]:
        found = self._scoring.dense(q)
        if found is not None:
            return [(self._id_of(d), score) for d, score in found.top(limit)], found.count()
        # Whoosh's own pass for the shapes scoring.py leaves to it. Block-quality
        # skipping and matcher replacement drop documents from Whoosh's count, so both are off.
        collector = collectors.TopCollector(limit=limit, usequality=False, replace=0)
        self._searcher.search_with_collector(q, collector)
        results = collector.results()
        return [(h["id"], h.score) for h in results], len(results)

    def body_matches(self, text: str) -> frozenset[str] | None:
        """The articles with a word in their text (title included) the search lights up; None with a phrase.

        A word lights up where one of its terms is a highlighted term or begins
        with a highlighted prefix: the body field holds exactly those terms. A
        phrase's place is found in the text, not here.
        """
        terms, prefixes, phrases = highlight_terms(self.parse(text))
        if phrases:
            return None
        q = wq.Or([wq.Term("body", t) for t in sorted(terms)] + [wq.Prefix("body", p) for p in prefixes])
        with self._lock:
            found = self._scoring.dense(q)
            if found is None:
                return frozenset(hit["id"] for hit in self._searcher.search(q, limit=None, scored=False))
            return frozenset(self._id_of(d) for d in found.docs().tolist())

    def article_ids(self, text: str) -> list[str]:
        """Every matching article, in index order: for filtering other views by a search."""
        q = self.query(text)
        with self._lock:
            found = self._scoring.dense(q)
            if found is None:
                return [hit["id"] for hit in self._searcher.search(q, limit=None, scored=False)]
            return [self._id_of(d) for d in found.docs().tolist()]

    def _id_of(self, docnum: int) -> str:
        # Each id costs a read of Whoosh's stored fields; a filter by a common
        # word asks for most of them, and again for the next filter.
        aid = self._ids.get(docnum)
        if aid is None:
            aid = self._ids[docnum] = self._searcher.stored_fields(docnum)["id"]
        return aid


def originals_first(hits: list[Hit]) -> list[Hit]:
    """Each copy right below its original when both are hits, the original ranked by the better of them."""
    here = {h.article for h in hits}
    group_of = {h.article: (h.duplicate_of if h.duplicate_of in here else h.article) for h in hits}
    best: dict[str, float] = {}
    for h in hits:
        best[group_of[h.article]] = max(best.get(group_of[h.article], h.score), h.score)
    order = {aid: n for n, aid in enumerate(best)}
    for h in hits:
        h.copy_of = None if group_of[h.article] == h.article else group_of[h.article]
    return sorted(hits, key=lambda h: (-best[group_of[h.article]], order[group_of[h.article]],
                                       h.copy_of is not None, -h.score))
