"""Day-month-year phrases: `7 listopada`, `od 1 do 3 maja`, `we wrześniu 2022 roku`, `listopadowe wybory`.

A number first is a day, a day span or a year; a month name needs a
preposition or a year beside it, since `Maj` and `Lipiec` are also names.
"""
from __future__ import annotations

import re
from datetime import date

from kzreader.reading.timex.anchors import Anchors
from kzreader.reading.timex.dates import format_value, period
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.tokens import Tokens
from kzreader.language.pl.morphology import analyse
from kzreader.reading.timex.words import DAY_JOINERS, DAY_ORDINALS, MONTH_ADJECTIVES, MONTH_JOINERS
from kzreader.reading.timex.years import YEAR_RANGE, Years

_DAY_RANGE = re.compile(r"^([0-9]{1,2})[-–]([0-9]{1,2})$")


class DaysMonths:
    """Dates named by a day and a month, or by a month, with the year stated or picked by tense."""

    def __init__(self, tokens: Tokens, anchors: Anchors, years: Years):
        self.t = tokens
        self.a = anchors
        self.years = years

    def number(self, i: int, floor: int) -> Hit | None:
        """A word starting with a digit: a day before a month, a day span, a year or a span of years."""
        t = self.t
        tok = t.low(i)
        m = _DAY_RANGE.match(tok)
        if m and t.adjacent(i) and t.month_of(i + 1):
            return self.day_month(i, i + 1, int(m.group(1)), floor, int(m.group(2)))
        if t.day_at(i) and not t.decimal_tail(i, floor):
            if t.adjacent(i) and t.month_of(i + 1):
                return self.day_month(i, i + 1, int(tok), floor)
            # "od 1 do 3 maja", "7 i 8 listopada", "7 – 8 listopada"
            if t.dash_after(i):
                j = i + 1
            elif t.adjacent(i) and t.low(i + 1) in DAY_JOINERS:
                j = i + 2
            else:
                j = -1
            day2 = t.day_at(j) if j > 0 else None
            if day2 and t.adjacent(j) and t.month_of(j + 1):
                return self.day_month(i, j + 1, int(tok), floor, day2)
        if YEAR_RANGE.match(tok) or (t.year_at(i) and t.dash_after(i) and t.year_at(i + 1)):
            return self.years.year_range(i, floor)
        if t.year_at(i):
            return self.years.year(i, floor)
        return None

    def ordinal(self, i: int, floor: int) -> Hit | None:
        """`piątego maja`, `dwudziestego pierwszego czerwca`: a day written as an ordinal, all in the genitive."""
        t = self.t
        day, j = _ordinal(t, i), i
        if day is None:
            return None
        if day % 10 == 0 and day >= 20 and t.adjacent(i) and (unit := _ordinal(t, i + 1)) and unit < 10:
            day, j = day + unit, i + 1
        if not (t.adjacent(j) and t.month_of(j + 1)) or not all(_genitive(t.texts[k]) for k in range(i, j + 2)):
            return None
        return self.day_month(i, j + 1, day, floor)

    def day_month(self, i: int, mi: int, day: int, floor: int, day2: int | None = None) -> Hit | None:
        month = self.t.month_of(mi)
        assert month is not None
        first, mod = self.t.extend_left(i, floor)
        year, last, note = self.a.year_after(mi, month, day, first, day2)
        try:
            probe = date(year or 2000, month, day)
            end = date(year or 2000, month, day2) if day2 else probe
        except ValueError:
            return None
        if day2 and end < probe:
            return None
        if year is None:
            return Hit(first, last, f"XXXX-{month:02d}-{day:02d}", granularity="day", mod=mod, note=note)
        if day2:
            return Hit(first, last, f"{probe.isoformat()}/{end.isoformat()}", granularity="interval", mod=mod,
                       lo=probe, hi=end)
        return Hit(first, last, probe.isoformat(), granularity="day", mod=mod, lo=probe, hi=end)

    def month(self, i: int, floor: int) -> Hit | None:
        t = self.t
        month = t.month_of(i)
        assert month is not None
        first, mod = t.extend_left(i, floor)
        has_prep = first < i
        year_follows = t.adjacent(i) and t.year_at(i + 1) is not None
        if t.texts[i][:1].isupper() and not year_follows:
            return None  # Maj, Marzec, Lipiec: names unless a year says otherwise
        if not (has_prep or year_follows or self.a.relative_year_after(i)):
            return None
        last = i
        month2 = None
        # "maja i czerwca", "od maja do lipca": one span valued by its first month.
        if t.adjacent(i) and t.low(i + 1) in MONTH_JOINERS:
            m2 = t.month_of(i + 2)
            if m2 and t.texts[i + 2][:1].islower() and m2 >= month:
                month2, last = m2, i + 2
        year, last, note = self.a.year_after(last, month, None, first)
        if year is None:
            return Hit(first, last, f"XXXX-{month:02d}", granularity="month", mod=mod, note=note)
        lo = date(year, month, 1)
        hi = period(date(year, month2 or month, 1), "month")[1]
        if month2:
            note = "a span of months; the value is its first month"
        return Hit(first, last, format_value(lo, "month"), granularity="month", mod=mod, lo=lo, hi=hi, note=note)

    def month_adjective(self, i: int) -> Hit | None:
        t = self.t
        month = next((MONTH_ADJECTIVES[lem] for lem in t.lem(i) if lem in MONTH_ADJECTIVES), None)
        if month is None or t.texts[i][:1].isupper() and t.starts[i] not in t.sentence_starts:
            return None
        year, note = self.a.year_for(month, None, i, i)
        if year is None:
            return Hit(i, i, f"XXXX-{month:02d}", granularity="month", note=note)
        lo, hi = period(date(year, month, 1), "month")
        return Hit(i, i, format_value(lo, "month"), granularity="month", lo=lo, hi=hi,
                   note="adjective of a month")


def _ordinal(t: Tokens, i: int) -> int | None:
    return next((DAY_ORDINALS[lem] for lem in t.lem(i) if lem in DAY_ORDINALS), None)


def _genitive(text: str) -> bool:
    return any(r.has("gen") for r in analyse(text))
