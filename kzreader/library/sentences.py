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
from kzreader.index.search import Span
from kzreader.reading.annotations import Event


def matching_events(events: Iterable[Event], spans_near: Callable[[str, list[tuple[int, int]]], list[Span]],
                    in_text: Callable[[str], bool]) -> list[Event]:
    """The events, in their order, whose sentence holds a match.

    `spans_near(article, ranges)` gives an article's matches in at least the
    regions that hold those (start, end) ranges; an article none of whose
    words the search matches (`in_text` false) keeps all its events.
    """
    events = list(events)
    ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
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


def _sentence(ev: Event) -> tuple[int, int]:
    return ev.sentence_start, ev.sentence_end or ev.end


def day_spans(events: Iterable[Event]) -> list[tuple[int, int, int]]:
    """(first day, last day, events) of the dated events, as the store counts a timeline's coverage."""
    counts = Counter(days for ev in events if (days := event_days(ev)) is not None)
    return [(a, b, n) for (a, b), n in sorted(counts.items())]
