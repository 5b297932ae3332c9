"""Searching the index: plain results with snippets and match offsets, never Whoosh objects.

One Whoosh searcher is kept open and reused; results of recent queries are
cached because search-as-you-type repeats them; only the hits a view shows are
highlighted, since highlighting re-analyses the article's text.
"""
from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import collectors, query as wq

from kzreader.index import folder as ix_mod
from kzreader.index.analyzer import word_terms_of
from kzreader.index.query import highlight_terms, make_parser, parse
from kzreader.index.scoring import TermAtATime
from kzreader.index.store import Store
from kzreader.language.tokens import WORD, whole_words

SNIPPET_CONTEXT = 70
MAX_SNIPPETS = 3
_CACHE = 64


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Snippet:
    """A stretch of the article around matches; all offsets are into the article's text."""

    text: str
    start: int
    end: int
    matches: list[Span] = field(default_factory=list)


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


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]


class Matcher:
    """Decides which words of an article a query matched.

    Each distinct word is judged once per query: an article repeats its words,
    and the twenty hits of one page share most of them.
    """

    def __init__(self, terms: frozenset[str], prefixes: tuple[str, ...]) -> None:
        self.terms = terms
        self.prefixes = prefixes
        self._verdict: dict[str, bool] = {}

    def spans(self, text: str, regions: list[tuple[int, int]]) -> list[Span]:
        return list(self.iter_spans(text, regions, self.matched_words(text, regions)))

    def matched_words(self, text: str, regions: list[tuple[int, int]]) -> dict[str, int]:
        """The article's words the query matched, with how often each occurs."""
        if not self.terms and not self.prefixes:
            return {}
        counts: Counter[str] = Counter()
        for start, end in regions:
            counts.update(WORD.findall(text, start, end))
        verdict = self._verdict
        for word in counts.keys() - verdict.keys():
            verdict[word] = self._matches(word)
        return {word: n for word, n in counts.items() if verdict[word]}

    def iter_spans(self, text: str, regions: list[tuple[int, int]], words: Iterable[str]) -> Iterator[Span]:
        """Where `words` occur as whole words, in order; lazy, as snippets stop after the first few."""
        pattern = whole_words(words)
        if pattern is None:
            return
        for start, end in regions:
            for m in pattern.finditer(text[start:end]):
                yield Span(start + m.start(), start + m.end())

    def _matches(self, word: str) -> bool:
        terms = word_terms_of(word)
        return any(t in self.terms for t in terms) or (
            bool(self.prefixes) and any(t.startswith(self.prefixes) for t in terms))


class Searcher:
    def __init__(self, index_dir: Path, store: Store) -> None:
        self.index_dir = index_dir
        self.store = store
        self._ix = ix_mod.open_whoosh(index_dir)
        self._parser = make_parser(self._ix.schema)
        self._searcher = ix_mod.open_searcher(self._ix)
        self._scoring = TermAtATime(self._searcher)
        self._ids: dict[int, str] = {}
        self._cache: OrderedDict[tuple[str, int, int], SearchResult] = OrderedDict()
        self._lock = threading.Lock()

    def close(self) -> None:
        self._searcher.close()

    def doc_count(self) -> int:
        with self._lock:
            return int(self._searcher.doc_count())

    def parse(self, text: str) -> wq.Query:
        return parse(self._parser, text)

    def matcher(self, text: str) -> Matcher:
        terms, prefixes = highlight_terms(self.parse(text))
        return Matcher(frozenset(terms), prefixes)

    def search(self, text: str, limit: int = 20, highlight: int = 20) -> SearchResult:
        """Top `limit` hits by BM25 with the total count; snippets for the first `highlight`."""
        key = (text, limit, highlight)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
            q = self.parse(text)
            found, total = self._top(q, limit)
        matcher = self.matcher(text)
        summaries = {s["id"]: s for s in self.store.summaries(i for i, _ in found)}
        hits: list[Hit] = []
        for n, (aid, score) in enumerate(found):
            meta = summaries.get(aid, {})
            hit = Hit(aid, meta.get("title"), meta.get("date"), meta.get("outlet"), meta.get("duplicate_of"),
                      round(float(score), 4))
            if n < highlight:
                rec = self.store.article(aid)
                if rec is not None:
                    words = matcher.matched_words(rec.text, rec.regions)
                    hit.matches = sum(words.values())
                    hit.snippets = snippets(rec.text, matcher.iter_spans(rec.text, rec.regions, words))
            hits.append(hit)
        result = SearchResult(text, total, hits)
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return result

    def _top(self, q: wq.Query, limit: int) -> tuple[list[tuple[str, float]], int]:
        scores = self._scoring.scores(q)
        if scores is not None:
            best = self._scoring.top(scores, limit)
            return [(self._id_of(d), score) for d, score in best], len(scores)
        # Whoosh's own pass for the shapes scoring.py leaves to it. Block-quality
        # skipping and matcher replacement drop documents from Whoosh's count, so both are off.
        collector = collectors.TopCollector(limit=limit, usequality=False, replace=0)
        self._searcher.search_with_collector(q, collector)
        results = collector.results()
        return [(h["id"], h.score) for h in results], len(results)

    def article_ids(self, text: str) -> list[str]:
        """Every matching article, in index order: for filtering other views by a search."""
        q = self.parse(text)
        with self._lock:
            scores = self._scoring.scores(q)
            if scores is None:
                return [hit["id"] for hit in self._searcher.search(q, limit=None, scored=False)]
            return [self._id_of(d) for d in sorted(scores)]

    def _id_of(self, docnum: int) -> str:
        # Each id costs a read of Whoosh's stored fields; a filter by a common
        # word asks for most of them, and again for the next filter.
        aid = self._ids.get(docnum)
        if aid is None:
            aid = self._ids[docnum] = self._searcher.stored_fields(docnum)["id"]
        return aid


def snippets(text: str, spans: Iterable[Span], limit: int = MAX_SNIPPETS) -> list[Snippet]:
    """Windows of context around the matches, merged where they overlap."""
    windows: list[Snippet] = []
    for span in spans:
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        line_end = len(text) if line_end < 0 else line_end
        start = _word_edge(text, max(line_start, span.start - SNIPPET_CONTEXT), backwards=True)
        end = _word_edge(text, min(line_end, span.end + SNIPPET_CONTEXT), backwards=False)
        if windows and start <= windows[-1].end:
            last = windows[-1]
            last.end = max(last.end, end)
            last.matches.append(span)
            continue
        if len(windows) == limit:
            break
        windows.append(Snippet("", start, end, [span]))
    for w in windows:
        w.text = text[w.start : w.end]
    return windows


def _word_edge(text: str, i: int, backwards: bool) -> int:
    """Move an offset out of the middle of a word (at most a few characters)."""
    step = -1 if backwards else 1
    limit = 15
    while 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum() and limit:
        i += step
        limit -= 1
    return i
