"""The events a search is about: those whose sentence holds one of the search's matches.

An article a search finds tells of many things; its events whose sentence
the search does not touch (`1991 prowadzić` for `Tokajew`) are not what was
asked for, so a timeline filtered by a search lists only the events whose
sentence matches. An article the search found by what is not in its text
(`date:2022`, `outlet:`, `NOT Rosja`) keeps all its events.
"""
from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from kzreader.index.search import Matcher, Span
from kzreader.index.store import ArticleRecord
from kzreader.reading.annotations import Event

Region = tuple[int, int]


class ArticleMatches:
    """One search's matches in the articles a timeline asks about, each region looked at once.

    Without phrases, which articles hold a matched word at all is the index's
    to say (`in_body`), and only the regions (paragraphs) holding an article's
    events are searched: its other words cannot touch them. With a phrase
    (`in_body` None) the whole article is searched, as the index numbers it.
    """

    def __init__(self, matcher: Matcher, article: Callable[[str], ArticleRecord | None],
                 in_body: frozenset[str] | None) -> None:
        self.matcher = matcher
        self.article = article
        self.in_body = in_body
        # Per article, flat arrays: its regions' (start, end) pairs, which of them were searched (a bit each)
        # and the (start, end) pairs found in those. As tuples, lists and Span objects keyed by region, a
        # frequent name's 21,819 articles at 100,000 held 40 MB.
        self._known: dict[str, tuple[array[int], int, array[int]]] = {}
        self._whole: dict[str, array[int]] = {}

    def in_text(self, aid: str) -> bool:
        return aid in self.in_body if self.in_body is not None else bool(self._in_all(aid))

    def near(self, aid: str, ranges: list[Region]) -> list[Span]:
        """The article's matches in the regions holding these (start, end) ranges."""
        if self.in_body is None:
            return self._in_all(aid)
        rec = None
        if aid in self._known:
            regions, searched, found = self._known[aid]
        else:
            rec = self.article(aid)
            regions, searched, found = _flat(rec.regions if rec else []), 0, array("i")
        pairs = _pairs(regions)
        wanted = [k for k, (a, b) in enumerate(pairs) if any(a < end and b > start for start, end in ranges)]
        missing = [k for k in wanted if not searched >> k & 1]
        if missing:
            rec = rec or self.article(aid)
            if rec is not None:
                found.extend(_flat((s.start, s.end) for s in self.matcher.spans(rec.text, [pairs[k] for k in missing])))
            searched |= sum(1 << k for k in missing)
        self._known[aid] = (regions, searched, found)
        near = [pairs[k] for k in wanted]
        return [Span(a, b) for a, b in _pairs(found) if any(r[0] <= a < r[1] for r in near)]

    def _in_all(self, aid: str) -> list[Span]:
        """The article's matches in all of it."""
        if aid not in self._whole:
            rec = self.article(aid)
            self._whole[aid] = _flat((s.start, s.end) for s in self.matcher.spans(rec.text, rec.regions)) \
                if rec else array("i")
        return [Span(a, b) for a, b in _pairs(self._whole[aid])]


def _flat(pairs: Iterable[tuple[int, int]]) -> array[int]:
    return array("i", [n for pair in pairs for n in pair])


def _pairs(flat: array[int]) -> list[Region]:
    return list(zip(flat[::2], flat[1::2]))


def matching_events(events: Iterable[Event], spans_near: Callable[[str, list[Region]], list[Span]],
                    in_text: Callable[[str], bool]) -> list[Event]:
    """The events, in their order, whose sentence holds a match.

    `spans_near(article, ranges)` gives an article's matches in at least the
    regions that hold those (start, end) ranges; an article none of whose
    words the search matches (`in_text` false) keeps all its events.
    """
    events = list(events)
    ranges: dict[str, list[Region]] = defaultdict(list)
    for ev in events:
        ranges[ev.article].append(_sentence(ev))
    spans = {aid: spans_near(aid, found) for aid, found in ranges.items() if in_text(aid)}
    out: list[Event] = []
    for ev in events:
        found = spans.get(ev.article)
        start, end = _sentence(ev)
        if found is None or any(s.start < end and s.end > start for s in found):
            out.append(ev)
    return out


def _sentence(ev: Event) -> Region:
    return ev.sentence_start, ev.sentence_end or ev.end


def day_spans(days: Iterable[tuple[int, int] | None]) -> list[tuple[int, int, int]]:
    """(first day, last day, events) of events' day ranges (None: undated), as the store counts a timeline's coverage."""
    counts = Counter(d for d in days if d is not None)
    return [(a, b, n) for (a, b), n in sorted(counts.items())]
