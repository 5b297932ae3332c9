"""Within one article, a gathering of several days and what the article dates to one of its days.

`Dwudniowy szczyt rozpoczął się w środę` sets out two days, Wednesday and
Thursday; `W środę rano prezydenta powitał na lotnisku premier` and `do
spotkania wszystkich głów państw dojdzie w czwartek` then tell that gathering's
days. Other outlets report the gathering, rarely its arrivals or its sessions, so
without this link those sentences would stand apart from their story.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from kzreader.language import pl
from kzreader.reading.annotations import Event, article_of
from kzreader.reading.events import sentence_lemmas
from kzreader.reading.link_dates import weekday

_WORDS = pl.vocabulary("events")
_LENGTHS = {k: int(v) for k, v in _WORDS.numbers("gathering_lengths").items()}
_GATHERINGS = frozenset(_WORDS.words("gatherings"))
_CALLS = frozenset(_WORDS.groups("classes")["call"])


def gathering_days(events: list[Event]) -> Iterator[tuple[int, int, str]]:
    """(gathering, later event, reason): a later sentence of its article dated to one of the gathering's weekdays.

    Only a weekday both name ties them (a month's `dziś` could be any day), and
    an event already told as one fact by another outlet keeps its own story:
    a leader's bilateral talks on a summit's day are news of their own.
    """
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        by_article[ev.article].append(i)
    for indices in by_article.values():
        for i in indices:
            span = _span(events[i])
            if span is None:
                continue
            first, days = span
            for j in indices:
                later = events[j]
                day = weekday(later.text)
                if (later.start > events[i].start and later.date == events[i].date and day is not None
                        and (day - first) % 7 < days and not _told_elsewhere(later)
                        and not _CALLS & sentence_lemmas(later.sentence)):
                    yield i, j, f"a day of the {days}-day gathering: {later.text} ({events[i].text})"


def _span(ev: Event) -> tuple[int, int] | None:
    """(first weekday, days) of a gathering the sentence says lasts days and dates by its first weekday."""
    lemmas = sentence_lemmas(ev.sentence)
    first = weekday(ev.text)
    days = max((_LENGTHS[w] for w in lemmas if w in _LENGTHS), default=0)
    return (first, days) if first is not None and days > 1 and lemmas & _GATHERINGS else None


def _told_elsewhere(ev: Event) -> bool:
    return any(link.relation == "same" and article_of(link.event) != ev.article for link in ev.links)

