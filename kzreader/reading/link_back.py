"""Within one article, a date that points back continues the story of the event it points at.

`Tego samego wieczoru spotkali się na kolacji`, `Chwilę wcześniej ostrzelano
wieś`, `Przy okazji szczytu doszło do spotkań`: the dates' engine gave such a
date the value of the date the text named last, and the sentence goes on with
that happening. Reports across outlets rarely repeat these side facts, so
without this link they would stand apart from their story.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from kzreader.language.tokens import WORD
from kzreader.reading.annotations import Event
from kzreader.reading.link_dates import points_back


def pointing_back(events: list[Event]) -> Iterator[tuple[int, int, str]]:
    """(earlier, later, reason): the later event's date points back at the earlier one's, in one article."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        by_article[ev.article].append(i)
    for indices in by_article.values():
        order = sorted(indices, key=lambda i: events[i].start)
        for k, i in enumerate(order):
            ev = events[i]
            if not points_back(ev.text):
                continue
            # The date it took is the last one the text named before it.
            j = next((order[m] for m in range(k - 1, -1, -1) if events[order[m]].date == ev.date), None)
            if j is not None and _goes_on(events[j], ev):
                yield j, i, f"dated by pointing back: {ev.text} ({ev.date})"


def _goes_on(before: Event, after: Event) -> bool:
    """The later sentence names no one and nothing (no name past its first word): it speaks of what came before.

    A sentence with names of its own (`Tego samego dnia Rosja przeprowadziła atak`,
    `W trakcie wydarzenia przyjęto Białoruś`) tells another happening of that day,
    even where it shares a word with the one before.
    """
    words = WORD.findall(after.sentence)
    return before.article == after.article and not any(w[:1].isupper() for w in words[1:])
