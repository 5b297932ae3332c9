"""Dates written in digits: `15.11.2025`, `3/4/2021 r., godz. 12:30`, `2024-02-29`."""
from __future__ import annotations

import re
from datetime import date

from kzreader.reading.annotations import Timex
from kzreader.reading.timex.dates import MAX_YEAR, MIN_YEAR
from kzreader.reading.timex.words import HOUR_ABBREVIATIONS, YEAR_ABBREVIATIONS


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


# A year abbreviation and a time after the date belong to its span.
_NUMERIC_DATE = re.compile(
    r"(?<![0-9.])(?P<day>[0-9]{1,2})\s?[./]\s?(?P<month>[0-9]{1,2})\s?[./]\s?(?P<year>[0-9]{4})(?![0-9])"
    rf"(?:\s*(?:{_either(YEAR_ABBREVIATIONS)})\.)?"
    rf"(?:,?\s*(?:(?:{_either(HOUR_ABBREVIATIONS)})\.\s*)?(?P<time>[0-9]{{1,2}}[:.][0-9]{{2}}))?"
)
_ISO_DATE = re.compile(r"(?<![0-9-])(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})(?![0-9-])")


def numeric_dates(text: str, lo: int, hi: int) -> list[Timex]:
    """The numeric dates in text[lo:hi], day-month-year first, then ISO."""
    out = []
    for rx in (_NUMERIC_DATE, _ISO_DATE):
        for m in rx.finditer(text, lo, hi):
            try:
                d = date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            except ValueError:
                continue
            if not MIN_YEAR <= d.year <= MAX_YEAR:
                continue
            out.append(Timex(m.start(), m.end(), m.group(), d.isoformat(), granularity="day",
                             earliest=d.isoformat(), latest=d.isoformat()))
    return out
