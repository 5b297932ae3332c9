"""Where a query matched inside an article: word spans, phrase spans, and snippets around them.

A single word lights up wherever one of its terms stands. A phrase lights
up only where its words stand in order, as one span from its first word to
its last, counted once: `"Frankfurt nad Odrą"` does not light a lone `Odrze`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from kzreader.index.analyzer import index_terms, word_terms_of
from kzreader.index.query import Phrase
from kzreader.language.tokens import WORD, whole_words

SNIPPET_CONTEXT = 70
MAX_SNIPPETS = 3


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


class Matcher:
    """Decides which words of an article a query matched, and where its phrases stand.

    Each distinct word is judged once per query: an article repeats its words,
    and the twenty hits of one page share most of them.
    """

    def __init__(self, terms: frozenset[str], prefixes: tuple[str, ...], phrases: Iterable[Phrase] = ()) -> None:
        self.terms = terms
        self.prefixes = prefixes
        self.phrases = tuple(phrases)
        self._verdict: dict[str, bool] = {}
        self._wanted = frozenset().union(*(slot for phrase in self.phrases for slot in phrase))
        self._entries: dict[str, list[_Entry]] = {}

    def spans(self, text: str, regions: list[tuple[int, int]]) -> list[Span]:
        """Every match in text order; a phrase is one span, and words inside it are not counted again."""
        if not self.terms and not self.prefixes and not self.phrases:
            return []  # a date or a filter alone lights up nothing: no need to cut the article's words
        # The article's words, cut once (in C) for both the single words and the phrases.
        cut = [WORD.findall(text, start, end) for start, end in regions]
        words = list(self.iter_spans(text, regions, self._matched(cut)))
        if not self.phrases:
            return words
        phrases = self._phrase_spans(text, regions, cut)
        inside = [s for s in words if any(p.start <= s.start and s.end <= p.end for p in phrases)]
        return sorted(set(phrases) | (set(words) - set(inside)), key=lambda s: (s.start, s.end))

    def count(self, text: str, regions: list[tuple[int, int]]) -> int:
        """How many matches `spans` finds: the hits of an article."""
        if self.phrases:
            return len(self.spans(text, regions))
        return sum(self.matched_words(text, regions).values())

    def matched_words(self, text: str, regions: list[tuple[int, int]]) -> dict[str, int]:
        """The article's words the query matched as single words, with how often each occurs."""
        if not self.terms and not self.prefixes:
            return {}
        counts: Counter[str] = Counter()
        for start, end in regions:
            counts.update(WORD.findall(text, start, end))
        verdict = self._verdict
        # Not `counts.keys() - verdict.keys()`: that walks the whole verdict, which grows with every hit.
        for word in [w for w in counts if w not in verdict]:
            verdict[word] = self._matches(word)
        return {word: n for word, n in counts.items() if verdict[word]}

    def _matched(self, cut: list[list[str]]) -> list[str]:
        """The article's words (`cut`, region by region) the query matched as single words."""
        if not self.terms and not self.prefixes:
            return []
        words: set[str] = set().union(*cut)
        verdict = self._verdict
        for word in [w for w in words if w not in verdict]:
            verdict[word] = self._matches(word)
        return sorted(word for word in words if verdict[word])

    def iter_spans(self, text: str, regions: list[tuple[int, int]], words: Iterable[str]) -> Iterator[Span]:
        """Where `words` occur as whole words, in order."""
        pattern = whole_words(words)
        if pattern is None:
            return
        for start, end in regions:
            for m in pattern.finditer(text[start:end]):
                yield Span(start + m.start(), start + m.end())

    def phrase_spans(self, text: str, regions: list[tuple[int, int]]) -> list[Span]:
        """Where each phrase's words stand at consecutive positions, as the index numbers them."""
        return self._phrase_spans(text, regions, [WORD.findall(text, start, end) for start, end in regions])

    def _phrase_spans(self, text: str, regions: list[tuple[int, int]], cut: list[list[str]]) -> list[Span]:
        slots = _positions(text, regions, cut, self._wanted, self._entries)
        found: set[Span] = set()
        for phrase in self.phrases:
            for pos, words in slots.items():
                firsts = [w for w in words if phrase[0] & w[2]]
                if not firsts:
                    continue
                last = None
                for offset, wanted in enumerate(phrase[1:], 1):
                    here = [w for w in slots.get(pos + offset, ()) if wanted & w[2]]
                    if not here:
                        break
                    last = max(here, key=lambda w: w[1])
                else:
                    end = last[1] if last else max(w[1] for w in firsts)
                    found.add(Span(min(w[0] for w in firsts), end))
        return sorted(found, key=lambda s: (s.start, s.end))

    def _matches(self, word: str) -> bool:
        terms = _word_terms(word)
        return not self.terms.isdisjoint(terms) or (
            bool(self.prefixes) and any(t.startswith(self.prefixes) for t in terms))


@lru_cache(maxsize=100_000)
def _word_terms(word: str) -> frozenset[str]:
    """`word_terms_of`, kept across queries: a page of hits asks for thousands of words, mostly the same."""
    return frozenset(word_terms_of(word))


_Entry = tuple[int, int, int, frozenset[str]]
"""A word, or a part of a hyphenated one, as the index holds it: (position offset, start, end, terms)."""


def _entries(word: str) -> list[_Entry]:
    """What PolishTokenizer yields for one word: the word at its position, and each hyphenated part at the next ones."""
    entries = [(0, 0, len(word), frozenset(index_terms(word)))]
    if "-" in word:
        offset = 0
        for i, part in enumerate(word.split("-")):
            entries.append((i, offset, offset + len(part), frozenset(index_terms(part))))
            offset += len(part) + 1
    return entries


def _positions(text: str, regions: list[tuple[int, int]], cut: list[list[str]], wanted: frozenset[str],
               seen: dict[str, list[_Entry]]) -> dict[int, list[tuple[int, int, frozenset[str]]]]:
    """The word positions holding a term of `wanted`, numbered as the index numbers the body: (start, end, terms).

    Numbered as PolishTokenizer does, region after region, without running it:
    a word takes one position and each hyphen one more. The words are cut in C
    (findall); Python looks only at the few with a wanted term, found again by
    a pattern of exactly those words, each distinct word judged once per query (`seen`).
    """
    distinct = set().union(*cut)
    for word in [w for w in distinct if w not in seen]:
        # Most words hold no wanted term at all: one look at all their terms settles them.
        seen[word] = [] if wanted.isdisjoint(_word_terms(word)) else [e for e in _entries(word) if e[3] & wanted]
    relevant = {word for word in distinct if seen[word]}
    slots: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    pattern = whole_words(relevant)
    pos = 0
    for (start, end), words in zip(regions, cut):
        hyphens = "".join(words).count("-")
        if pattern is not None and not relevant.isdisjoint(words):
            # Where each word starts, counted in positions: its index plus the hyphens before it.
            at = list(accumulate((1 + w.count("-") for w in words), initial=0)) if hyphens else None
            found = (i for i, w in enumerate(words) if w in relevant)
            for i, m in zip(found, pattern.finditer(text[start:end])):
                base = pos + (at[i] if at else i)
                for offset, s, e, terms in seen[m.group()]:
                    slots.setdefault(base + offset, []).append((start + m.start() + s, start + m.start() + e, terms))
        pos += len(words) + hyphens
    return slots


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
