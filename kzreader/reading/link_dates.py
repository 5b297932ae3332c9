"""When two events' dates fit together, for linking: windows, weekdays, gaps in days."""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Protocol

from kzreader.language import pl
from kzreader.language.tokens import WORD
from kzreader.reading.annotations import Event
from kzreader.reading.timex import WEEKDAYS, Reference
from kzreader.reading.timex.words import (
    BACK_TIME_NOUNS, DEMONSTRATIVES, EVENT_NOUNS, EVENT_PREPOSITIONS, MOMENT_NOUNS, WEEKDAY_ADJECTIVES,
)

_SPAN_OPENERS = pl.vocabulary("events").words("span_openers")
# A weekday by its noun (`we wtorek`) or its adjective (`wtorkowe spotkanie`).
_DAYS = {**WEEKDAYS, **WEEKDAY_ADJECTIVES}


class Dated(Protocol):
    """An event's window (first and last possible day) and the weekday its expression names."""

    lo: date | None
    hi: date | None
    weekday: int | None


def window(ev: Event) -> tuple[date | None, date | None]:
    if ev.earliest and ev.latest:
        return date.fromisoformat(ev.earliest), date.fromisoformat(ev.latest)
    ref = Reference.parse(ev.date)
    return (ref.lo, ref.hi) if ref else (None, None)


@cache
def weekday(expression: str) -> int | None:
    """The day of the week a date names (`we wtorek` -> 1); None for a bound (`od wtorku`) or no weekday."""
    words = WORD.findall(expression.lower())
    if not words or words[0] in _SPAN_OPENERS:
        return None
    return _named_weekday(words)


@cache
def bound_weekday(expression: str) -> int | None:
    """The day of the week a span starts or ends on (`od środy` -> 2); None unless the date is such a bound."""
    words = WORD.findall(expression.lower())
    return _named_weekday(words) if words and words[0] in _SPAN_OPENERS else None


def _named_weekday(words: list[str]) -> int | None:
    return next((_DAYS[r.lemma] for w in words for r in pl.analyse(w) if r.lemma in _DAYS), None)


def days_clash(a: Dated, b: Dated) -> bool:
    """Dates that overlap yet name different days: a Tuesday is neither a Thursday nor 3-4 July (Wed-Thu).

    A weekday in an article dated to a month only resolves to that month, so
    its window overlaps every other date of the month; the weekday it names
    still tells two days apart.
    """
    for x, y in ((a, b), (b, a)):
        if x.weekday is None:
            continue
        if y.weekday is not None:
            if y.weekday != x.weekday:
                return True
        elif y.lo is not None and y.hi is not None and (y.hi - y.lo).days < 6:
            days = ((y.lo + timedelta(days=d)).weekday() for d in range((y.hi - y.lo).days + 1))
            if x.weekday not in days:
                return True
    return False


def gap_days(a: Dated, b: Dated) -> int | None:
    """Days between two windows (0 when they overlap); None when a date is unknown."""
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return None
    if a.lo <= b.hi and b.lo <= a.hi:
        return 0
    return (b.lo - a.hi).days if a.hi < b.lo else (a.lo - b.hi).days


@cache
def points_back(expression: str) -> bool:
    """The date is the one the text gave before: `Tego samego wieczoru`, `Chwilę wcześniej`, `Przy okazji szczytu`.

    A day counted from it (`Dzień później`) or a date of its own (`w tym roku`, `17 listopada`) is not.
    """
    words = WORD.findall(expression.lower())
    if not words or any(c.isdigit() for c in expression):
        return False
    lemmas = {r.lemma for w in words for r in pl.analyse(w)}
    if not DEMONSTRATIVES.isdisjoint(words) and not BACK_TIME_NOUNS.isdisjoint(lemmas):
        return True
    opens = any(tuple(words[:len(p)]) == p for p in EVENT_PREPOSITIONS)
    return not MOMENT_NOUNS.isdisjoint(lemmas) or (opens and not EVENT_NOUNS.isdisjoint(lemmas))
