"""The corpus at a glance, as plain data: events per period, who is in it, who appears with whom.

The counts come from the index (`kzreader.index.tables.stats`); this module
says what they mean to a reader. A date known only to its month or year
counts in a bar of its own (`2022-11` among the weeks or days of November),
never spread over days it may not be.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

PERIODS = ("day", "week", "month", "year")
_RANK = {p: i for i, p in enumerate(PERIODS)}
SPARKS = "▁▂▃▄▅▆▇█"

DaySpan = tuple[int, int, int]
"""(first day, last day, events) as the index counts them, days as yyyymmdd."""


@dataclass(frozen=True, slots=True)
class Bar:
    """The events of one period; `precision` coarser than the period asked for is a bar of dates known only so far."""

    period: str
    precision: str
    start: str
    end: str
    events: int


@dataclass(frozen=True, slots=True)
class EntityStat:
    """An entity of the corpus (or of a search's articles): in how many articles, and the days of its first and
    last event (the first day of a month or year an event is dated to no closer)."""

    key: str
    name: str
    type: str
    articles: int
    mentions: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Together:
    """An entity sharing `events` events with the chosen one, from `first` to `last`."""

    key: str
    name: str
    type: str
    events: int
    first: str | None
    last: str | None


def to_date(day: int) -> date:
    return date(day // 10000, day // 100 % 100, day % 100)


def day_str(day: int | None) -> str | None:
    return None if day is None else to_date(day).isoformat()


def range_str(days: tuple[int, int] | None) -> str | None:
    """A stored day range as its date says it: `2021` for a year, `2022-11` for a month, else its first day."""
    if days is None:
        return None
    first, last = days
    shown = day_str(first)
    assert shown is not None
    return {"year": shown[:4], "month": shown[:7]}.get(precision(first, last if last else first), shown)


def precision(first: int, last: int) -> str:
    """How far a stored day range is known: `2022` is 0101..1231, `2022-11` the 1st to the month's last day.

    A span of years or months (`w latach 2018-2019`) counts with its first year or month.
    """
    if first % 10000 == 101 and last % 10000 == 1231:
        return "year"
    if first % 100 == 1 and (to_date(last) + timedelta(days=1)).day == 1:
        return "month"
    return "day"


def period_start(d: date, by: str) -> date:
    if by == "week":
        return d - timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    if by == "year":
        return d.replace(month=1, day=1)
    return d


def _next(d: date, by: str) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    if by == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def label(start: date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if by == "year":
        return f"{start.year:04d}"
    return start.isoformat()


def bars(spans: Iterable[DaySpan], by: str = "month") -> list[Bar]:
    """Events per `by` period from first to last (empty periods too), with the coarser dates' bars among them.

    A coarse bar stands just before the first period it covers: `2022`
    before `2022-01`.
    """
    if by not in _RANK:
        raise ValueError(f"no period {by!r}: use one of {', '.join(PERIODS)}")
    counts: dict[tuple[date, str], int] = {}
    for first, last, n in spans:
        known = precision(first, last)
        # Weeks do not nest in months: a month-only date is coarser than a week.
        own = known if _RANK[known] > _RANK[by] else by
        key = (period_start(to_date(first), own), own)
        counts[key] = counts.get(key, 0) + n
    fine = sorted(d for d, p in counts if p == by)
    if fine:
        d = fine[0]
        while d <= fine[-1]:
            counts.setdefault((d, by), 0)
            d = _next(d, by)
    out = []
    for (start, prec), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -_RANK[kv[0][1]])):
        end = _next(start, prec) - timedelta(days=1)
        out.append(Bar(label(start, prec), prec, start.isoformat(), end.isoformat(), n))
    return out


def trend(months: Iterable[tuple[int, int]], first: int, last: int, cells: int) -> list[int]:
    """Events per cell, the months from `first` to `last` (yyyymmdd) cut into `cells` equal stretches."""
    lo = (first // 10000) * 12 + first // 100 % 100 - 1
    hi = (last // 10000) * 12 + last // 100 % 100 - 1
    width = max(hi - lo + 1, 1)
    out = [0] * cells
    for yyyymm, n in months:
        m = (yyyymm // 100) * 12 + yyyymm % 100 - 1
        if lo <= m <= hi:
            out[min((m - lo) * cells // width, cells - 1)] += n
    return out


def sparkline(values: Sequence[int]) -> str:
    """Block characters for `values`, scaled to the largest; nothing at all is a space, not the lowest block."""
    top = max(values, default=0)
    if not top:
        return " " * len(values)
    return "".join(" " if v == 0 else SPARKS[min((v * len(SPARKS) - 1) // top, len(SPARKS) - 1)] for v in values)


def month_text(day_text: str | None) -> str:
    """`2022-11-03` -> `2022-11`, for a column of first and last dates."""
    return day_text[:7] if day_text else "—"


def span_text(first: str | None, last: str | None, sep: str = " .. ") -> str:
    """`2022-11 .. 2025-11`, or one month when both are in it."""
    a, b = month_text(first), month_text(last)
    return a if a == b else f"{a}{sep}{b}"
