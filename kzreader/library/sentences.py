"""The events a search is about: those whose sentence holds one of the search's matches.

An article a search finds tells of many things; its events whose sentence
the search does not touch (`1991 prowadzić` for `Tokajew`) are not what was
asked for, so a timeline filtered by a search lists only the events whose
sentence matches. An article the search found by what is not in its text
(`date:2022`, `outlet:`, `NOT Rosja`) keeps all its events.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from kzreader.index.documents import event_days
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
        self._spans: dict[tuple[str, Region | None], list[Span]] = {}
        self._regions: dict[str, list[Region]] = {}

    def in_text(self, aid: str) -> bool:
        return aid in self.in_body if self.in_body is not None else bool(self._in(aid, None))

    def near(self, aid: str, ranges: list[Region]) -> list[Span]:
        """The article's matches in at least the regions holding these (start, end) ranges."""
        if self.in_body is None:
            return self._in(aid, None)
        rec = None
        if aid not in self._regions:
            rec = self.article(aid)
            self._regions[aid] = rec.regions if rec else []
        near = [r for r in self._regions[aid] if any(r[0] < end and r[1] > start for start, end in ranges)]
        return [s for r in near for s in self._in(aid, r, rec)]

    def _in(self, aid: str, region: Region | None, rec: ArticleRecord | None = None) -> list[Span]:
        """The article's matches in one region of it, or in all of it (None); `rec` read if not given."""
        key = (aid, region)
        if key not in self._spans:
            rec = rec or self.article(aid)
            if rec is None:
                self._spans[key] = []
            else:
                self._spans[key] = self.matcher.spans(rec.text, rec.regions if region is None else [region])
        return self._spans[key]


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


def day_spans(events: Iterable[Event]) -> list[tuple[int, int, int]]:
    """(first day, last day, events) of the dated events, as the store counts a timeline's coverage."""
    counts = Counter(days for ev in events if (days := event_days(ev)) is not None)
    return [(a, b, n) for (a, b), n in sorted(counts.items())]
