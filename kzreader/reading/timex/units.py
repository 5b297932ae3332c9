"""Calendar units: `w ubiegłym roku`, `tego miesiąca`, `w II kwartale`, `pierwszych dziewięciu miesięcy tego roku`.

A unit word heads many kinds of expression; which one is decided by what
stands around it, the amount in front and the word after.
"""
from __future__ import annotations

from datetime import date, timedelta

from kzreader.reading.timex.amounts import Amounts
from kzreader.reading.timex.anchors import NO_DOCUMENT_DATE, Anchors, relative_offset
from kzreader.reading.timex.dates import coarser, format_value, period, shift
from kzreader.reading.timex.forms import number
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import (
    AGO, EVERY, FIRST_ADJECTIVES, LAST_ADJECTIVES, LATER, NOT_THIS_AFTER_UNIT, PART_OF_PERIOD, PERIOD_OVER_PERIOD,
    QUARTER_ORDINALS,
    SAME, SINGULAR_UNIT_FORMS, VAGUE_QUANTITIES, WITHIN,
)

# Roman numerals of quarters: `w II kwartale`.
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_UNIT_PERIOD = {"Y": "year", "M": "month", "W": "week"}


class Units:
    """A unit word and what stands around it: a quarter, a part of a year, a relative period, a set."""

    def __init__(self, tokens: Tokens, anchors: Anchors, amounts: Amounts):
        self.t = tokens
        self.a = anchors
        self.amounts = amounts

    def unit(self, i: int, floor: int) -> Hit | None:
        t = self.t
        unit = t.unit_of(i)
        assert unit is not None
        # Quantity in front: a number, a number word or a vague quantifier.
        n: float | None = None
        vague = False
        first = i
        j = i - 1
        if j >= floor and t.adjacent(j):
            n = number(t.low(j), t.word(j))
            if n is not None:
                first = j
            elif t.lem(j) & VAGUE_QUANTITIES:
                vague, first = True, j
        nxt = t.low(i + 1) if t.adjacent(i) or t.gap(i).strip() == "," else ""
        if unit in ("DE", "CE") and n is None and not vague:
            return None
        if unit == "Q" and (quarter := self.quarter(i, floor)):
            return quarter
        part = self.part_of_year(first, i, n, unit, floor)
        if part is not None:
            return part
        if nxt in AGO or nxt in LATER or self.amounts.ahead_of(first, floor):
            return self.amounts.offset(first, i, n, unit, vague, floor)
        if unit in ("DE", "CE", "H"):
            return self.amounts.duration(first, i, n, unit, vague, floor)
        rel = self.relative(i, unit, floor)
        if rel is not None:
            return rel
        if (t.low(i - 1), t.low(i + 1)) in PERIOD_OVER_PERIOD and t.unit_of(i + 2) == unit and i - 1 >= floor:
            return Hit(i - 1, i + 2, f"P1{unit}", kind="SET", granularity="none", anchor=False,
                       note="repeats every period")
        if t.low(i - 1) in EVERY and i - 1 >= floor:
            return Hit(i - 1, i, f"P1{unit}", kind="SET", granularity="none", anchor=False)
        if n is not None or vague:
            return self.amounts.duration(first, i, n, unit, vague, floor)
        if t.word(i).lemmas and t.low(i) not in SINGULAR_UNIT_FORMS:
            return self.amounts.vague_plural(i, unit, floor)
        return None

    def part_of_year(self, first: int, i: int, n: float | None, unit: str, floor: int) -> Hit | None:
        """`pierwszych dziewięciu miesięcy tego roku`: a part of a year, dated by the year."""
        t = self.t
        j = first - 1
        if unit not in ("M", "W", "D") or j < floor or not t.lem(j) & (FIRST_ADJECTIVES | LAST_ADJECTIVES):
            return None
        k = i + 1
        if not t.adjacent(i):
            return None
        year: int | None
        last: int
        if t.year_at(k):
            year, last = t.year_at(k), k + (1 if t.year_word(k + 1) else 0)
        else:
            rel = self.a.relative_year_after(i) if t.year_noun(k + 1) or t.year_noun(k) else None
            if rel is None:
                return None
            offset, last = rel
            year = self.a.year_of(offset)
        if (t.low(j - 2), t.low(j - 1)) in WITHIN and j - 2 >= floor:
            start = j - 2
        else:
            start, _ = t.extend_left(j, floor)
        if year is None:
            return Hit(start, last, "XXXX", granularity="year", anchor=False, note=NO_DOCUMENT_DATE)
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        count = int(n or 1)
        try:
            if t.lem(j) & FIRST_ADJECTIVES:
                hi = min(hi, shift(lo, unit, count) - timedelta(days=1))
            else:
                lo = max(lo, shift(hi + timedelta(days=1), unit, -count))
        except (ValueError, OverflowError):
            pass  # an absurd count: the window stays the whole year
        return Hit(start, last, f"{year:04d}", granularity="year", lo=lo, hi=hi,
                   note="part of a year; the window is the part named")

    def quarter(self, i: int, floor: int) -> Hit | None:
        """`w pierwszym kwartale 2023 r.`, `w II kwartale`: dated like other parts of a year, by the year."""
        t = self.t
        j = i - 1
        if j < floor:
            return None
        q = _ROMAN.get(t.texts[j])
        if q is None:
            q = next((QUARTER_ORDINALS[lem] for lem in t.lem(j) if lem in QUARTER_ORDINALS), None)
        if q is None or not t.adjacent(j):
            return None
        first, mod = t.extend_left(j, floor)
        last = i
        note = None
        rel = self.a.relative_year_after(i)
        if t.adjacent(i) and t.year_at(i + 1):
            year: int | None = t.year_at(i + 1)
            last = i + 2 if t.year_word(i + 2) else i + 1
        elif rel is not None:
            offset, last = rel
            year = self.a.year_of(offset)
        else:
            year, note = self.a.year_for(3 * q - 2, None, first, i)
        if year is None:
            return Hit(first, last, "XXXX", granularity="year", anchor=False, note=note)
        lo, hi = date(year, 3 * q - 2, 1), period(date(year, 3 * q, 1), "month")[1]
        return Hit(first, last, f"{year:04d}", granularity="year", mod=mod, lo=lo, hi=hi,
                   note=f"quarter {q}; the window is the quarter")

    def relative(self, i: int, unit: str, floor: int) -> Hit | None:
        """`w ubiegłym roku`, `tego miesiąca`, `roku poprzedniego`: the DCT's period shifted by one or kept."""
        t, ref = self.t, self.a.ref
        if unit not in _UNIT_PERIOD:
            return None
        offset = None
        first = last = i
        j = i - 1
        if j >= floor and t.adjacent(j):
            offset = relative_offset(t.lem(j))
            if offset is not None:
                first = j
        if offset is None and t.adjacent(i):
            offset = relative_offset(t.lem(i + 1) - NOT_THIS_AFTER_UNIT)
            if offset is not None:
                last = i + 1
        # "na początku roku", "pod koniec miesiąca": a part of a bare period is of the document's own.
        if offset is None and t.extend_left(i, floor)[1] in PART_OF_PERIOD.values() and not (
                t.adjacent(i) and t.year_at(i + 1)):
            offset = 0
        # "ten sam rok" points back at an earlier date, not at the document's.
        if offset is None or t.plural(i) or t.low(i - 1) in SAME:
            return None
        first, mod = t.extend_left(first, floor)
        gran = _UNIT_PERIOD[unit]
        if ref is None:
            value = "XXXX" if unit == "Y" else "PAST_REF" if offset < 0 else "FUTURE_REF" if offset else "PRESENT_REF"
            return Hit(first, last, value, granularity="none", mod=mod, anchor=False,
                       note="relative to a document without a date")
        step_unit, step = ("D", 7 * offset) if unit == "W" else (unit, offset)
        lo = period(shift(ref.lo, step_unit, step), gran)[0]
        hi = period(shift(ref.hi, step_unit, step), gran)[1]
        g = coarser(gran, ref.granularity)
        note = None
        if period(lo, g) != period(hi, g):
            mod, note = "APPROX", f"document dated only to the {ref.granularity}"
        return Hit(first, last, format_value(lo + (hi - lo) / 2, g), granularity=g, mod=mod, lo=lo, hi=hi,
                   note=note)
