"""Dates of any granularity (`2022`, `2022-11`, `2022-11-28`) as ranges of days."""
from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def day_number(date: str, end: bool = False) -> int:
    """The first (or last) day of the period as yyyymmdd; ValueError if it is no date."""
    m = _DATE.fullmatch(date.strip())
    if not m:
        raise ValueError(f"{date!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    if not 1 <= month <= 12:
        raise ValueError(f"{date!r} is not a date: month {month} does not exist")
    last = calendar.monthrange(year, month)[1]
    day = int(m.group(3)) if m.group(3) else (last if end else 1)
    if not 1 <= day <= last:
        raise ValueError(f"{date!r} is not a date: day {day} does not exist")
    return year * 10000 + month * 100 + day


def day_range(date: str | None) -> tuple[int, int] | None:
    """(first, last) day of a period, or None for no date or one that is not a date."""
    if not date:
        return None
    try:
        return day_number(date), day_number(date, end=True)
    except ValueError:
        return None


def day_text(day: int) -> str:
    s = f"{day:08d}"
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"
