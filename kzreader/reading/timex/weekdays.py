"""Weekdays: `w poniedziałek`, `w ostatni piątek`, `we wtorki`, `środowe spotkanie`, dated by tense."""
from __future__ import annotations

from datetime import date, timedelta

from kzreader.reading.annotations import Timex
from kzreader.reading.timex.anchors import Anchors
from kzreader.reading.timex.dates import format_value
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import (
    COMING_WEEKDAY, DAY_PART_ADJECTIVES, LAST_ADJECTIVES, NEXT_ADJECTIVES, PAST_ADJECTIVES, WEEKDAY_ADJECTIVES,
    WEEKDAYS,
)

_BACK = PAST_ADJECTIVES | LAST_ADJECTIVES
_AHEAD = NEXT_ADJECTIVES | COMING_WEEKDAY


class Weekdays:
    """A weekday with a preposition or a direction adjective is the nearest such day before or after the DCT."""

    def __init__(self, tokens: Tokens, anchors: Anchors):
        self.t = tokens
        self.a = anchors

    def weekday(self, i: int, floor: int) -> Hit | None:
        t = self.t
        wd = next((WEEKDAYS[lem] for lem in t.lem(i) if lem in WEEKDAYS), None)
        if wd is None or t.texts[i][:1].isupper():
            return None
        # "w poniedziałek 7 listopada": the explicit date says more; let it win.
        j = i + 1 if t.gap(i).strip() in ("", ",") else -1
        if j > 0 and t.day_at(j) and t.month_of(j + 1):
            return None
        first, mod = t.extend_left(i, floor)
        forced = None
        if first == i and i - 1 >= floor and t.adjacent(i - 1):
            lem = t.lem(i - 1)
            if lem & _BACK:
                forced = "past"
            elif lem & _AHEAD:
                forced = "future"
            if forced:
                first, mod = t.extend_left(i - 1, floor)
        if first == i and not forced:
            return None  # a bare "poniedziałek" is usually a noun phrase, not a date
        if t.word(i).plural_only:
            return Hit(first, i, f"XXXX-WXX-{wd + 1}", kind="SET", granularity="none", anchor=False,
                       note="every such weekday")
        return self.resolve(first, i, wd, mod, forced)

    def adjective(self, i: int) -> Hit | None:
        """`podczas środowego spotkania`, `w niedzielnych rozmowach`: the weekday the adjective names."""
        t = self.t
        wd = next((WEEKDAY_ADJECTIVES[lem] for lem in t.lem(i) if lem in WEEKDAY_ADJECTIVES), None)
        if wd is None or t.texts[i][:1].isupper() and t.starts[i] not in t.sentence_starts:
            return None
        last = i + 1 if t.adjacent(i) and t.lem(i + 1) & DAY_PART_ADJECTIVES else i
        return self.resolve(i, last, wd, None, None)

    def resolve(self, first: int, last: int, wd: int, mod: str | None, forced: str | None) -> Hit:
        """Weekday `wd` of tokens first..last: the nearest such day before the DCT, or after it by tense."""
        t, ref = self.t, self.a.ref
        if ref is None:
            return Hit(first, last, f"XXXX-WXX-{wd + 1}", mod=mod, anchor=False,
                       note="weekday in a document without a date")
        tense = forced or t.tense(first, last)
        if ref.granularity != "day":
            lo = ref.lo - timedelta(days=6) if tense != "future" else ref.lo
            hi = ref.hi if tense != "future" else ref.hi + timedelta(days=6)
            # "W niedzielę 18 września ... w niedzielnych rozmowach": the text has dated this weekday.
            named = next((d for d in reversed(self.a.days) if d.weekday() == wd and lo <= d <= hi), None)
            if named is not None and not forced:
                return Hit(first, last, named.isoformat(), mod=mod, lo=named, hi=named, anchor=False,
                           note="the day of this weekday the text has named")
            return Hit(first, last, format_value(ref.lo, ref.granularity), mod="APPROX",
                       granularity=ref.granularity, lo=lo, hi=hi, weekday=None if forced else wd,
                       note=f"document dated only to the {ref.granularity}: the weekday falls in a window")
        diff = wd - ref.lo.weekday()
        if tense == "future":
            diff = diff + 7 if diff < 0 or (diff == 0 and forced) else diff
        else:
            diff = diff - 7 if diff > 0 or (diff == 0 and forced) else diff
        d = ref.lo + timedelta(days=diff)
        return Hit(first, last, d.isoformat(), mod=mod, lo=d, hi=d)


def settle(open_weekdays: list[tuple[Timex, Hit]], days: list[date]) -> None:
    """`We wtorek doszło do ... Dzisiaj, 1 sierpnia ...`: a weekday left to a window takes a later named day."""
    for timex, hit in open_weekdays:
        named = next((d for d in days if d.weekday() == hit.weekday and hit.lo and hit.hi and hit.lo <= d <= hit.hi),
                     None)
        if named is not None:
            timex.value = timex.earliest = timex.latest = named.isoformat()
            timex.granularity, timex.mod = "day", None
            timex.note = "the day of this weekday the text names"
