"""Calendar arithmetic: reference intervals, periods of a granularity, shifts by units, TIMEX3 values."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Years the rules accept; a document date outside them is treated as unknown,
# which also keeps every relative shift inside what `datetime.date` can hold.
MIN_YEAR, MAX_YEAR = 1000, 2199
# The granularity a shift by a unit is naturally stated in.
UNIT_GRANULARITY = {"H": "day", "D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}
_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
_REFERENCE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference interval (the DCT or an anchor date) with its granularity."""

    lo: date
    hi: date
    granularity: str

    @classmethod
    def parse(cls, value: str | None) -> "Reference | None":
        """`2025-11-15`, `2022-11` or `2022` (a trailing time is ignored); None if not a date."""
        if not value:
            return None
        m = _REFERENCE.match(value.strip())
        if not m:
            return None
        year = int(m.group(1))
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        try:
            if m.group(3):
                d = date(year, int(m.group(2)), int(m.group(3)))
                return cls(d, d, "day")
            if m.group(2):
                lo, hi = period(date(year, int(m.group(2)), 1), "month")
                return cls(lo, hi, "month")
            lo, hi = period(date(year, 1, 1), "year")
            return cls(lo, hi, "year")
        except ValueError:
            return None


def period(d: date, granularity: str) -> tuple[date, date]:
    """First and last day of the `granularity` period containing `d`."""
    if granularity == "day":
        return d, d
    if granularity == "week":
        lo = d - timedelta(days=d.weekday())
        return lo, lo + timedelta(days=6)
    if granularity == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return date(d.year, 1, 1), date(d.year, 12, 31)


def format_value(d: date, granularity: str) -> str:
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def coarser(a: str, b: str) -> str:
    if {a, b} == {"week", "month"}:
        return "month"
    return a if _ORDER[a] >= _ORDER[b] else b


def shift(d: date, unit: str, n: float) -> date:
    """`d` moved by `n` units; months and years clamp the day (31 March - 1 month = 28/29 Feb)."""
    if unit == "H":
        return d + timedelta(days=int(n // 24))
    if unit in ("D", "W"):
        return d + timedelta(days=round(n * (7 if unit == "W" else 1)))
    months = round(n * {"Y": 12, "Q": 3}.get(unit, 1))
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration of `n` units (`PXY` when the number is unstated); half years in months."""
    if n is None:
        return f"PX{unit}"
    if n != int(n):
        if unit == "Y":
            return f"P{round(n * 12)}M"
        return f"P{n:g}{unit}"
    return f"P{int(n)}{unit}"


# How far from the document date a day may lie and still take its year regardless of tense.
_SAME_YEAR_DAYS = 31


def year_near(ref: Reference, month: int, day: int | None, day2: int | None, future: bool) -> int | None:
    """The year of a month (or days) given without one: the document's year ±1, picked by tense.

    `20 marca` in a text of 12 March is this March's, and `4–6 lipca` in a text
    of 5 July is under way, not next year's: the nearest verb is often another
    clause's. Otherwise a future date is the first not yet over, a past one the
    last already begun. None when the day exists in none of those years.
    """
    cands = []
    for y in (ref.lo.year - 1, ref.lo.year, ref.lo.year + 1):
        try:
            lo = date(y, month, day or 1)
            hi = date(y, month, day2 or day) if day else period(lo, "month")[1]
        except ValueError:
            continue
        if day and y == ref.lo.year and ref.granularity != "year" and (
                lo - ref.hi).days <= _SAME_YEAR_DAYS and (ref.lo - hi).days <= _SAME_YEAR_DAYS:
            return y
        cands.append((y, lo, hi))
    if not cands:
        return None
    if future:
        return next((y for y, _, hi in cands if hi >= ref.lo), cands[-1][0])
    return max((y for y, lo, _ in cands if lo <= ref.hi), default=cands[0][0])
