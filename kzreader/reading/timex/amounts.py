"""An amount of units: `dwa lata temu`, `za tydzień`, `cztery tygodnie później`, `przez trzy lata`, `od lat`."""
from __future__ import annotations

from kzreader.reading.timex.anchors import Anchors
from kzreader.reading.timex.dates import UNIT_GRANULARITY, duration_value, shift
from kzreader.reading.timex.hits import Hit, floating
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import (
    AHEAD, APPROXIMATIONS, COMING_PLURAL, DURATION_LEADS, DURATION_PREPOSITIONS, LAST_ADJECTIVES, LATER,
    NEXT_ADJECTIVES, PAST_ADJECTIVES, SINCE, STILL, UNIT_JOINERS, VAGUE_DURATION_PREPOSITIONS, WITHIN,
)

_AHEAD = NEXT_ADJECTIVES | COMING_PLURAL
_BACK = PAST_ADJECTIVES | LAST_ADJECTIVES


class Amounts:
    """N units as a distance from the DCT or the last date (a date), or as a length of time (a duration)."""

    def __init__(self, tokens: Tokens, anchors: Anchors):
        self.t = tokens
        self.a = anchors

    def ahead_of(self, first: int, floor: int) -> bool:
        """`za` in front of `N units`: counted ahead from the document date."""
        return self.t.low(first - 1) in AHEAD and first - 1 >= floor

    def offset(self, first: int, i: int, n: float | None, unit: str, vague: bool, floor: int) -> Hit | None:
        """`N units ago`, `za N units`, `N units later`; `first` is the amount's first token, `i` the unit."""
        t = self.t
        word = t.low(i + 1)
        future = self.ahead_of(first, floor)
        start = first - 1 if future else first
        last = i if future else i + 1
        if t.low(start - 1) in STILL and start - 1 >= floor:
            start -= 1
        count = 1.0 if n is None else n
        if word in LATER:
            if vague:
                return Hit(start, last, "PX" + unit, kind="DURATION", granularity="none", anchor=False,
                           note="vague distance from an earlier date")
            return self.a.anaphoric(start, last, count * LATER[word], unit)
        ref_word = "FUTURE_REF" if future else "PAST_REF"
        if vague:
            return floating(start, last, ref_word, "a vague time before or after")
        if self.a.ref is None:
            return floating(start, last, ref_word, "relative to a document without a date")
        sign = 1 if future else -1
        return self.a.shifted(start, last, self.a.ref, unit, sign * count, "document date")

    def duration(self, first: int, i: int, n: float | None, unit: str, vague: bool, floor: int) -> Hit:
        """`(przez) (ponad) N units`; `od N units` also dates the start back from the DCT."""
        t, ref = self.t, self.a.ref
        mod = None
        start = first
        j = first - 1
        if j >= floor and t.adjacent(j):
            m = next((APPROXIMATIONS[x] for x in ({t.low(j)} | t.lem(j)) if x in APPROXIMATIONS), None)
            if m:
                mod, start = m, j
            elif t.lem(j) & DURATION_LEADS:
                start = j
        anchored = False
        j = start - 1
        if j >= floor and t.adjacent(j) and t.low(j) in DURATION_PREPOSITIONS:
            anchored = t.low(j) in SINCE
            start = j
            if (t.low(j - 1), t.low(j)) in WITHIN and j - 1 >= floor:
                start = j - 1
        value = duration_value(None if vague else n, unit)
        hit = Hit(start, i, value, kind="DURATION", granularity="none", mod=mod, anchor=False)
        if anchored and ref is not None and n is not None and not vague and unit in UNIT_GRANULARITY:
            try:
                hit.lo, hit.hi = shift(ref.lo, unit, -n), ref.hi
            except (ValueError, OverflowError):
                pass
            hit.note = "began this long before the document date"
        return hit

    def vague_plural(self, i: int, unit: str, floor: int) -> Hit | None:
        """`od lat`, `w nadchodzących miesiącach`, `w ostatnich latach`: an unstated number of units."""
        t = self.t
        j = i - 1
        if j < floor or not t.adjacent(j):
            return None
        lem, low = t.lem(j), t.low(j)
        if low in VAGUE_DURATION_PREPOSITIONS and t.texts[i][:1].islower():
            return Hit(j, i, f"PX{unit}", kind="DURATION", granularity="none", anchor=False,
                       note="vague: for an unstated number of periods")
        value = None
        if lem & _AHEAD:
            value = "FUTURE_REF"
        elif lem & _BACK:
            value = "PAST_REF"
        if value is None or not t.plural(i):
            return None
        start, _ = t.extend_left(j, floor)
        last = i
        if t.low(i + 1) in UNIT_JOINERS and t.unit_of(i + 2) and t.adjacent(i + 1):
            last = i + 2
        return floating(start, last, value, "vague: an unstated time")
