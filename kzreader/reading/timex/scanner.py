"""One pass over a text: numeric dates first, then each word that may head an expression, left to right."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from kzreader.reading.annotations import Timex
from kzreader.reading.timex.adverbs import HEADS, LEMMAS, Adverbs
from kzreader.reading.timex.amounts import Amounts
from kzreader.reading.timex.anaphora import Anaphora
from kzreader.reading.timex.anchors import Anchors
from kzreader.reading.timex.dates import Reference
from kzreader.reading.timex.days_months import DaysMonths
from kzreader.reading.timex.forms import digits, form
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.numeric import numeric_dates
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.units import Units
from kzreader.reading.timex.weekdays import Weekdays, settle
from kzreader.reading.timex.words import (
    BACK_TIME_NOUNS, DAY_ORDINALS, DAY_PART_ADJECTIVES, DAY_PART_NOUNS, EVENT_NOUNS, MOMENT_NOUNS, MONTH_ADJECTIVES,
    MONTHS, UNITS,
    WEEKDAY_ADJECTIVES, WEEKDAYS,
    YEAR_PLURALS,
)
from kzreader.reading.timex.years import Years

_BACK_LEMMAS = BACK_TIME_NOUNS | MOMENT_NOUNS | DAY_PART_NOUNS | DAY_PART_ADJECTIVES | EVENT_NOUNS
_HEAD_LEMMAS = frozenset(set(MONTHS) | set(MONTH_ADJECTIVES) | set(WEEKDAYS) | set(WEEKDAY_ADJECTIVES) | set(UNITS)
                         | set(DAY_ORDINALS) | LEMMAS | _BACK_LEMMAS)


@lru_cache(maxsize=200_000)
def _may_start(text: str) -> bool:
    """Whether a rule can fire on this word: most words are no part of a date and skip all rules."""
    low = text.lower()
    return digits(low[:1]) or low in HEADS or low in YEAR_PLURALS or bool(form(text).lemmas & _HEAD_LEMMAS)


class Rules:
    """The rules over one text, sharing its words and what relative dates count from."""

    def __init__(self, text: str, ref: Reference | None):
        self.tokens = Tokens(text)
        self.anchors = Anchors(self.tokens, ref)
        self.days_months = DaysMonths(self.tokens, self.anchors, Years(self.tokens))
        self.weekdays = Weekdays(self.tokens, self.anchors)
        self.units = Units(self.tokens, self.anchors, Amounts(self.tokens, self.anchors))
        self.adverbs = Adverbs(self.tokens, self.anchors)
        self.anaphora = Anaphora(self.tokens)

    def at(self, i: int, floor: int) -> Hit | None:
        """The expression headed by word i, none of it before word `floor`."""
        t = self.tokens
        if not _may_start(t.texts[i]):
            return None
        low = t.low(i)
        if digits(low[:1]):
            return self.days_months.number(i, floor)
        lem = t.word(i).lemmas
        if low in HEADS and (hit := self.adverbs.word(i, floor)):
            return hit
        if not lem & _HEAD_LEMMAS and low not in YEAR_PLURALS:
            return None
        if lem & _BACK_LEMMAS and (hit := self.anaphora.at(i, floor)):
            return hit
        if lem & DAY_ORDINALS.keys() and (hit := self.days_months.ordinal(i, floor)):
            return hit
        if t.month_of(i):
            return self.days_months.month(i, floor)
        if lem & MONTH_ADJECTIVES.keys():
            return self.days_months.month_adjective(i)
        if lem & WEEKDAYS.keys():
            return self.weekdays.weekday(i, floor)
        if lem & WEEKDAY_ADJECTIVES.keys():
            return self.weekdays.adjective(i)
        if t.unit_of(i):
            return self.units.unit(i, floor)
        return self.adverbs.word(i, floor)


def find_timexes(text: str, doc_date: str | None,
                 regions: Sequence[tuple[int, int]] | None = None) -> list[Timex]:
    """Temporal expressions in `text` (only inside `regions` when given), in text order."""
    rules = Rules(text, Reference.parse(doc_date))
    t = rules.tokens
    spans = list(regions) if regions is not None else [(0, len(text))]
    out: list[Timex] = []
    open_weekdays: list[tuple[Timex, Hit]] = []
    for lo, hi in sorted(spans):
        lo, hi = max(0, lo), min(len(text), hi)
        if lo >= hi:
            continue
        numeric = numeric_dates(text, lo, hi)
        taken = [(x.start, x.end) for x in numeric]
        t.load(lo, hi)
        pending = sorted(numeric, key=lambda x: x.start)
        floor = 0
        i = 0
        while i < t.n:
            start = t.starts[i]
            if taken and any(s <= start < e for s, e in taken):
                while pending and pending[0].start <= start:
                    done = pending.pop(0)
                    out.append(done)
                    day = date.fromisoformat(done.value)
                    rules.anchors.remember_day(day)
                    rules.anaphora.remember(Hit(i, i, done.value, lo=day, hi=day), done.start)
                i += 1
                floor = i
                continue
            hit = rules.at(i, floor)
            if hit is None:
                i += 1
                continue
            out.append(hit.to_timex(t))
            if hit.weekday is not None:
                open_weekdays.append((out[-1], hit))
            rules.anchors.remember(hit)
            rules.anaphora.remember(hit, t.starts[hit.first])
            i = floor = hit.last + 1
        out.extend(pending)
    settle(open_weekdays, rules.anchors.days)
    out.sort(key=lambda x: x.start)
    return out
