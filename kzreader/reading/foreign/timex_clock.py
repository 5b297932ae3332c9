"""Resolving a date against the document date, with the Polish engine's conventions and calendar arithmetic.

A day or month without a year takes the year of the document when it lies
within a month of it, else the last or the next one by tense; a weekday is
the nearest such day before the document date (after it when the sentence
speaks of what is ahead); a document dated only to the month makes day-level
arithmetic land in a window, valued as that month with `mod=APPROX`; without
a document date a year stays unknown (`XXXX-11-03`).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kzreader.reading.timex.anchors import NO_DOCUMENT_DATE
from kzreader.reading.timex.dates import UNIT_GRANULARITY, Reference, coarser, format_value, period, shift, year_near

_NATURAL = {"W": "week", "M": "month", "Y": "year"}


@dataclass(slots=True)
class Value:
    """A resolved date: TIMEX3 value, granularity and the days it can mean."""

    value: str
    granularity: str = "day"
    lo: date | None = None
    hi: date | None = None
    mod: str | None = None
    note: str | None = None
    kind: str = "DATE"


def floating(offset: int, note: str | None = None) -> Value:
    """A time off the calendar: before, at or after the time of speaking."""
    value = "PAST_REF" if offset < 0 else "FUTURE_REF" if offset > 0 else "PRESENT_REF"
    return Value(value, granularity="none", note=note)


class Clock:
    def __init__(self, doc_date: str | None):
        self.ref = Reference.parse(doc_date)

    # ---- stated dates --------------------------------------------------
    @staticmethod
    def day(year: int, month: int, day: int, day2: int | None = None) -> Value | None:
        try:
            lo = date(year, month, day)
            hi = date(year, month, day2) if day2 else lo
        except ValueError:
            return None
        if hi < lo:
            return None
        if day2:
            return Value(f"{lo.isoformat()}/{hi.isoformat()}", "interval", lo, hi)
        return Value(lo.isoformat(), "day", lo, hi)

    @staticmethod
    def month(year: int, month: int) -> Value:
        lo, hi = period(date(year, month, 1), "month")
        return Value(format_value(lo, "month"), "month", lo, hi)

    @staticmethod
    def year(year: int) -> Value:
        return Value(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))

    @staticmethod
    def unknown_year(month: int, day: int | None) -> Value:
        if day is None:
            return Value(f"XXXX-{month:02d}", "month", note=NO_DOCUMENT_DATE)
        return Value(f"XXXX-{month:02d}-{day:02d}", "day", note=NO_DOCUMENT_DATE)

    def year_for(self, month: int, day: int | None, day2: int | None, future: bool) -> int | None:
        """The year of a month (or days) given without one: the document's ±1, picked by tense."""
        ref = self.ref
        if ref is None:
            return None
        return year_near(ref, month, day, day2, future)

    # ---- relative to the document date ----------------------------------
    def month_moved(self, month: int, offset: int) -> Value | None:
        """`last May`, `next May`, `this May`: the named month before, after or in the document's year."""
        ref = self.ref
        if ref is None:
            return Value(f"XXXX-{month:02d}", "month", note=NO_DOCUMENT_DATE)
        if offset < 0:
            year = ref.lo.year if month < ref.lo.month else ref.lo.year - 1
        elif offset > 0:
            year = ref.hi.year if month > ref.hi.month else ref.hi.year + 1
        else:
            year = ref.lo.year
        return self.month(year, month)

    def weekday(self, wd: int, forced: int, future: bool) -> Value:
        """The nearest weekday `wd` before the document date, or after it when `future`.

        `forced` (-1 for `last Friday`, 1 for `next Friday`) fixes the direction and skips the day itself.
        """
        ref = self.ref
        if ref is None:
            return Value(f"XXXX-WXX-{wd + 1}", "day", note="weekday in a document without a date")
        ahead = forced > 0 or (not forced and future)
        if ref.granularity != "day":
            lo = ref.lo if ahead else ref.lo - timedelta(days=6)
            hi = ref.hi + timedelta(days=6) if ahead else ref.hi
            return Value(format_value(ref.lo, ref.granularity), ref.granularity, lo, hi, "APPROX",
                         f"document dated only to the {ref.granularity}: the weekday falls in a window")
        diff = wd - ref.lo.weekday()
        if ahead:
            diff = diff + 7 if diff < 0 or (diff == 0 and forced) else diff
        else:
            diff = diff - 7 if diff > 0 or (diff == 0 and forced) else diff
        d = ref.lo + timedelta(days=diff)
        return Value(d.isoformat(), "day", d, d)

    def period_moved(self, unit: str, offset: int) -> Value | None:
        """`last week`, `this year`, `на прошлой неделе`: the document's period moved by `offset` units."""
        ref = self.ref
        if ref is None:
            return floating(offset, NO_DOCUMENT_DATE)
        natural = _NATURAL[unit]
        try:
            lo = period(shift(ref.lo, unit, offset), natural)[0]
            hi = period(shift(ref.hi, unit, offset), natural)[1]
        except (ValueError, OverflowError):  # out of the calendar
            return None
        gran = coarser(natural, ref.granularity)
        if gran == natural:
            return Value(format_value(lo, gran), gran, lo, hi)
        mod = "APPROX" if period(lo, gran) != period(hi, gran) else None
        return Value(format_value(lo + (hi - lo) / 2, gran), gran, lo, hi, mod,
                     f"document dated only to the {ref.granularity}")

    def shifted(self, unit: str, n: float) -> Value | None:
        """The document date moved by `n` units (`yesterday`, `three weeks ago`)."""
        ref = self.ref
        if ref is None:
            return floating(int(n), NO_DOCUMENT_DATE)
        try:
            lo, hi = shift(ref.lo, unit, n), shift(ref.hi, unit, n)
        except (ValueError, OverflowError):  # `3000 years ago`: out of the calendar
            return None
        mod = None
        if unit == "W":  # "two weeks ago" is loose speech: a few days either way
            lo, hi, mod = lo - timedelta(days=3), hi + timedelta(days=3), "APPROX"
        natural = UNIT_GRANULARITY.get(unit, "year")
        gran = coarser(natural, ref.granularity)
        if period(lo, gran) != period(hi, gran):
            mod = "APPROX"
        note = (f"document date known only to the {ref.granularity}: the date falls in a window"
                if gran != natural else None)
        return Value(format_value(lo + (hi - lo) / 2, gran), gran, lo, hi, mod, note)
