"""Years in digits: `w 2021 r.`, `do 2027 roku`, `w latach 2019–2021`, `na przełomie 2022 i 2023 roku`."""
from __future__ import annotations

import re
from datetime import date

from kzreader.reading.timex.dates import MAX_YEAR, MIN_YEAR
from kzreader.reading.timex.forms import digits
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import AMOUNT_WORDS, DATE_PREPOSITIONS, NUMBER_LABELS, TURN_OF_YEARS, YEAR_JOINERS

YEAR_RANGE = re.compile(r"^([0-9]{4})[-–]([0-9]{4})$")
_FRACTION_OR_SUM = re.compile(r"[,.]\d")


class Years:
    """A four-digit number is a year only when a year word or a preposition says so, and no amount follows."""

    def __init__(self, tokens: Tokens):
        self.t = tokens

    def year(self, i: int, floor: int) -> Hit | None:
        t = self.t
        y = t.year_at(i)
        assert y is not None
        prev = t.low(i - 1) if i - 1 >= floor else ""
        if prev in NUMBER_LABELS or (i - 1 >= floor and digits(t.low(i - 1)) and t.adjacent(i - 1)):
            return None
        after = t.text[t.ends[i]:t.ends[i] + 2]
        if after[:1] in ("%", "+") or _FRACTION_OR_SUM.match(after):
            return None
        marked = t.year_word(i + 1) and t.adjacent(i)
        year_before = t.year_noun(i - 1) and i - 1 >= floor
        if not marked:
            if not (prev in DATE_PREPOSITIONS or prev in TURN_OF_YEARS or year_before):
                return None
            if self.amount_follows(i):
                return None
        first, mod = t.extend_left(i, floor)
        if first == i and year_before:
            first, mod = t.extend_left(i - 1, floor)
        last = i + 1 if marked else i
        hi = date(y, 12, 31)
        # "na przełomie 2022 i 2023 roku": one span valued by its first year.
        if prev in TURN_OF_YEARS and t.low(i + 1) in YEAR_JOINERS and t.adjacent(i + 1) and (
                y2 := t.year_at(i + 2)):
            if y2 > y:
                last, hi = (i + 3 if t.year_word(i + 3) else i + 2), date(y2, 12, 31)
        return Hit(first, last, f"{y:04d}", granularity="year", mod=mod, lo=date(y, 1, 1), hi=hi,
                   note="a span of years; the value is its first year" if hi.year > y else None)

    def amount_follows(self, i: int) -> bool:
        """`w 2000 żołnierzy`: a noun or an amount word right after the number counts it."""
        t = self.t
        nxt = i + 1
        if not (nxt < t.n and t.adjacent(i)):
            return False
        w = t.word(nxt)
        return t.low(nxt) in AMOUNT_WORDS or (w.noun and t.texts[nxt][:1].islower()
                                              and w.tense is None and not t.month_of(nxt))

    def year_range(self, i: int, floor: int) -> Hit | None:
        t = self.t
        m = YEAR_RANGE.match(t.low(i))
        if m:
            y1, y2, last = int(m.group(1)), int(m.group(2)), i
        else:
            y1, y2, last = t.year_at(i) or 0, t.year_at(i + 1) or 0, i + 1
        if not (MIN_YEAR <= y1 <= y2 <= MAX_YEAR):
            return None
        prev_years = t.year_noun(i - 1) and i - 1 >= floor
        if not (prev_years or t.year_word(last + 1)):
            return None
        first = i - 1 if prev_years else i
        first, mod = t.extend_left(first, floor)
        if t.year_word(last + 1):
            last += 1
        if y2 == y1:
            return Hit(first, last, f"{y1:04d}", granularity="year", mod=mod, lo=date(y1, 1, 1), hi=date(y1, 12, 31))
        return Hit(first, last, f"{y1:04d}/{y2:04d}", granularity="interval", mod=mod, lo=date(y1, 1, 1),
                   hi=date(y2, 12, 31))
