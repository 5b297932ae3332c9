"""What relative dates count from: the document date, the last explicit date, a year picked by tense."""
from __future__ import annotations

import re
from datetime import date, timedelta

from kzreader.reading.timex.dates import UNIT_GRANULARITY, Reference, coarser, format_value, period, shift, year_near
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import (
    AGO, NEXT_ADJECTIVES, PAST_ADJECTIVES, TARGET_PREPOSITIONS, THIS_ADJECTIVES, YEAR_OFFSET_ABBREVIATIONS,
)

_WEEKDAY_TAG = re.compile(r"^XXXX-WXX-\d$")
NO_DOCUMENT_DATE = "year unknown: the document has no date"


def relative_offset(lemmas: frozenset[str]) -> int | None:
    """-1, 0 or 1 for an adjective that shifts a period back, keeps it or shifts it ahead."""
    if lemmas & PAST_ADJECTIVES:
        return -1
    if lemmas & NEXT_ADJECTIVES:
        return 1
    if lemmas & THIS_ADJECTIVES:
        return 0
    return None


class Anchors:
    """The document date, and the last explicit date for `cztery tygodnie później`."""

    def __init__(self, tokens: Tokens, ref: Reference | None):
        self.t = tokens
        self.ref = ref
        self.anchor: Reference | None = None
        self.anchor_unresolved: tuple[int, int | None] | None = None  # (month, day) of a date without a year
        self.days: list[date] = []  # the days the text has named, in text order

    # ---- years ---------------------------------------------------------
    def year_for(self, month: int, day: int | None, first: int, last: int,
                 day2: int | None = None) -> tuple[int | None, str | None]:
        """The year of a month (or days) given without one (`dates.year_near`), the tense read from the text."""
        ref, t = self.ref, self.t
        if ref is None:
            return None, NO_DOCUMENT_DATE
        # "zaplanowano na 12 stycznia": a date right after "na" is a target ahead.
        tense = "future" if t.low(first) in TARGET_PREPOSITIONS and first + 1 < t.n and (
            t.month_of(first + 1) or t.day_at(first + 1)) else t.tense(first, last)
        return year_near(ref, month, day, day2, tense == "future"), None

    def relative_year(self, offset: int) -> tuple[str, date | None, date | None, str | None]:
        if self.ref is None:
            return "XXXX", None, None, NO_DOCUMENT_DATE
        y = self.ref.lo.year + offset
        return f"{y:04d}", date(y, 1, 1), date(y, 12, 31), None

    def relative_year_after(self, i: int) -> tuple[int, int] | None:
        """`tego roku`, `ubiegłego roku`, `br.` right after token i: (year offset, last token)."""
        t = self.t
        j = i + 1
        if not t.adjacent(i):
            return None
        abbreviated = self.year_abbreviation_at(j)
        if abbreviated is not None:
            return abbreviated
        if t.adjacent(j) and t.year_noun(j + 1):
            off = relative_offset(t.lem(j))
            if off is not None:
                return off, j + 1
        if t.year_noun(j) and t.adjacent(j):
            off = relative_offset(t.lem(j + 1))
            if off is not None and t.low(j + 1) not in AGO:
                return off, j + 1
        return None

    def year_abbreviation_at(self, j: int) -> tuple[int, int] | None:
        """`br.`, `ub.r.`, `ub. r.` from token j: (year offset, its last token), each part with its full stop."""
        t = self.t
        if not 0 <= j < t.n:
            return None
        for parts, offset in YEAR_OFFSET_ABBREVIATIONS:
            k = j
            for n, part in enumerate(parts):
                if t.low(k) != part or not t.dotted(k) or (n and t.gap(k - 1).strip() != "."):
                    break
                k += 1
            else:
                return offset, k - 1
        return None

    def year_of(self, offset: int) -> int | None:
        return self.ref.lo.year + offset if self.ref else None

    def year_after(self, last: int, month: int, day: int | None, first: int,
                   day2: int | None = None) -> tuple[int | None, int, str | None]:
        """The year stated right after token `last` (`2019 r.`, `tego roku`) or picked by tense: (year, last, note)."""
        t = self.t
        if t.adjacent(last) and t.year_at(last + 1):
            last += 1
            return t.year_at(last), last + 1 if t.year_word(last + 1) else last, None
        rel = self.relative_year_after(last)
        if rel is not None:
            offset, last = rel
            return self.year_of(offset), last, None if self.ref else NO_DOCUMENT_DATE
        year, note = self.year_for(month, day, first, last, day2)
        return year, last, note

    # ---- shifts --------------------------------------------------------
    def shifted(self, first: int, last: int, ref: Reference, unit: str, n: float, what: str) -> Hit | None:
        """`ref` moved by `n` units, at the coarser of the unit's and the reference's granularity."""
        try:
            lo, hi = shift(ref.lo, unit, n), shift(ref.hi, unit, n)
        except (ValueError, OverflowError):
            return None
        mod = None
        if unit == "W":  # "dwa tygodnie" is loose speech: allow a few days either way
            lo, hi, mod = lo - timedelta(days=3), hi + timedelta(days=3), "APPROX"
        natural = "month" if unit == "Y" and n != int(n) else UNIT_GRANULARITY.get(unit, "year")
        gran = coarser(natural, ref.granularity)
        note = None
        if period(lo, gran) != period(hi, gran):
            mod = "APPROX"
        if gran != natural:
            note = f"{what} known only to the {ref.granularity}: the date falls in a window"
        value = format_value(lo + (hi - lo) / 2, gran)
        return Hit(first, last, value, granularity=gran, mod=mod, lo=lo, hi=hi, note=note)

    def anaphoric(self, first: int, last: int, n: float, unit: str) -> Hit | None:
        """`n` units from the last explicit date; None when there was none."""
        if self.anchor is not None:
            return self.shifted(first, last, self.anchor, unit, n, "the earlier date")
        if self.anchor_unresolved is not None and unit in ("D", "W", "M"):
            # Arithmetic in a leap year so 29 February survives; the year stays unknown.
            m, d = self.anchor_unresolved
            base = date(2000, m, d or 1)
            moved = shift(base, unit, n)
            if d is None:
                return Hit(first, last, f"XXXX-{moved.month:02d}", granularity="month", mod="APPROX",
                           note="anchored on an earlier date of unknown year")
            return Hit(first, last, f"XXXX-{moved.month:02d}-{moved.day:02d}", mod="APPROX",
                       note="anchored on an earlier date of unknown year")
        return None

    # ---- remembering ---------------------------------------------------
    def remember(self, hit: Hit) -> None:
        """Keep the last explicit date as the anchor for `cztery tygodnie później`."""
        if not hit.anchor or hit.kind != "DATE":
            return
        if hit.lo and hit.hi and hit.granularity == "day" and hit.lo == hit.hi:
            self.days.append(hit.lo)
        if hit.lo and hit.hi and hit.granularity in ("day", "month"):
            self.anchor = Reference(hit.lo, hit.hi if hit.granularity == "month" else hit.lo, hit.granularity)
            self.anchor_unresolved = None
        elif hit.value.startswith("XXXX-") and not _WEEKDAY_TAG.match(hit.value):
            parts = hit.value.split("-")
            self.anchor_unresolved = (int(parts[1]), int(parts[2]) if len(parts) > 2 else None)
            self.anchor = None

    def remember_day(self, d: date) -> None:
        self.days.append(d)
        self.anchor, self.anchor_unresolved = Reference(d, d, "day"), None
