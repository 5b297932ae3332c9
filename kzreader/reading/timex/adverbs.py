"""Single words that are times: `niedawno`, `dziś`, `wczoraj`, `obecnie`, `wkrótce`, `tegoroczny`, `co roku`."""
from __future__ import annotations

from kzreader.reading.timex.anchors import Anchors
from kzreader.reading.timex.dates import format_value, shift
from kzreader.reading.timex.hits import Hit, floating
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import (
    DEICTIC_DAYS, EVERY_PREFIX, FUTURE_WORDS, NEXT_DAY, NEXT_DAY_PHRASES, NOW_WORDS, PAST_WORDS,
    PERIOD_PREPOSITIONS, PRESENT_WORDS, RECENTLY, SET_WORDS, YEAR_ADJECTIVES,
)

# Written forms that may start one of these rules; the lemmas are in `LEMMAS`.
HEADS = frozenset(RECENTLY | NEXT_DAY | {first for first, _ in NEXT_DAY_PHRASES} | EVERY_PREFIX | PAST_WORDS
                  | FUTURE_WORDS | PRESENT_WORDS | NOW_WORDS | set(SET_WORDS) | set(DEICTIC_DAYS))
LEMMAS = frozenset(set(YEAR_ADJECTIVES) | set(DEICTIC_DAYS))


class Adverbs:
    """Adverbs and adjectives of time, dated from the DCT or, for `nazajutrz`, from the last date."""

    def __init__(self, tokens: Tokens, anchors: Anchors):
        self.t = tokens
        self.a = anchors

    def word(self, i: int, floor: int) -> Hit | None:
        t, ref = self.t, self.a.ref
        low = t.low(i)
        lem = t.lem(i)
        if low in RECENTLY:
            if ref is None:
                return floating(i, i, "PAST_REF")
            return Hit(i, i, format_value(ref.lo, "month"), granularity="month", mod="APPROX",
                       lo=shift(ref.lo, "M", -1), hi=ref.hi, anchor=False,
                       note="recently: read as the month of the document")
        if low in PAST_WORDS:
            return floating(i, i, "PAST_REF")
        if low in FUTURE_WORDS:
            return floating(i, i, "FUTURE_REF")
        if low in PRESENT_WORDS:
            return floating(i, i, "PRESENT_REF")
        if low in NOW_WORDS:
            if ref is None or ref.granularity != "day" or t.tense(i, i) != "past":
                return floating(i, i, "PRESENT_REF")
            return self.day(i, 0, floor)
        if low in SET_WORDS:
            return Hit(i, i, SET_WORDS[low], kind="SET", granularity="none", anchor=False)
        deictic = next((DEICTIC_DAYS[x] for x in ({low} | lem) if x in DEICTIC_DAYS), None)
        if deictic is not None:
            return self.day(i, deictic, floor)
        year_adj = next((YEAR_ADJECTIVES[x] for x in lem if x in YEAR_ADJECTIVES), None)
        if year_adj is not None:
            value, lo, hi, note = self.a.relative_year(year_adj)
            return Hit(i, i, value, granularity="year", lo=lo, hi=hi, note=note, anchor=False)
        if low in EVERY_PREFIX and t.unit_of(i + 1) and t.adjacent(i) and not t.plural(i + 1):
            return Hit(i, i + 1, f"P1{t.unit_of(i + 1)}", kind="SET", granularity="none", anchor=False)
        if low in NEXT_DAY or (low, t.low(i + 1)) in NEXT_DAY_PHRASES:
            return self.a.anaphoric(i, i if low in NEXT_DAY else i + 1, 1, "D")
        return None

    def day(self, i: int, days: int, floor: int) -> Hit | None:
        """`wczoraj`, `jutro`: a day from the DCT, unless a period or quoted speech."""
        t, ref = self.t, self.a.ref
        first, _ = t.extend_left(i, floor)
        quoted = t.in_quote(t.starts[i])
        if t.low(first) in PERIOD_PREPOSITIONS or quoted or ref is None:
            # Until/since today is a period; inside quoted speech "today" is the
            # day it was said, which the text does not give.
            value = "PRESENT_REF" if days == 0 else "PAST_REF" if days < 0 else "FUTURE_REF"
            return floating(first, i, value, "quoted speech: relative to when it was said" if quoted else None)
        return self.a.shifted(first, i, ref, "D", days, "document date")
