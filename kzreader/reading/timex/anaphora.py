"""Times that point back at a date the text has given: `tego samego dnia`, `Na szczycie`, `po południu`.

Only a phrase that truly refers back takes a date: a demonstrative with a
time noun (`tego dnia`, `w tym samym czasie`), a moment counted from the last
date (`Chwilę wcześniej`), a part of its day (`po południu`), or a preposition of time with a noun naming an
event the text has dated (`Przy okazji szczytu` after `W dniach 3–4 lipca
odbył się szczyt`). A bare `wcześniej` or `na granicy` is no date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzreader.language.tokens import WORD
from kzreader.reading.timex.forms import form
from kzreader.reading.timex.hits import Hit
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import (
    BACK_TIME_NOUNS, DAY_PART_ADJECTIVES, DAY_PART_PHRASES, DEMONSTRATIVES, EVENT_NOUNS, EVENT_PREPOSITIONS,
    GENERIC_EVENT_NOUNS, LATER, MOMENT_NOUNS, RELATIVE_PRONOUNS, SAME, SAME_ONLY_TIME_NOUNS, WEEKDAYS,
)

# The widest date a `tego dnia` may point at: a month, or a weekday's window in a month-dated text.
_MONTH_DAYS = 40
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s")


@dataclass(frozen=True, slots=True)
class Dated:
    """An explicit date of the text, with the sentence that dates something by it."""

    hit: Hit
    sentence: tuple[int, int]
    char: int


class Anaphora:
    """Dates given so far, and the phrases that take one of them."""

    def __init__(self, tokens: Tokens):
        self.t = tokens
        self.dated: list[Dated] = []

    def remember(self, hit: Hit, char: int) -> None:
        if hit.anchor and hit.kind == "DATE" and hit.value[:4].isdigit() and hit.lo and hit.hi:
            self.dated.append(Dated(hit, self.t.sentence_of(char), char))

    # ---- the phrases ----------------------------------------------------
    def same_time(self, i: int, floor: int) -> Hit | None:
        """`tego (samego) dnia`, `tego samego wieczoru`, `w tym samym czasie`: the last date given."""
        t = self.t
        lem = t.lem(i)
        if not lem & BACK_TIME_NOUNS:
            return None
        j = i - 1
        same = j >= floor and t.adjacent(j) and t.low(j) in SAME
        if same:
            j -= 1
        if not (j >= floor and t.adjacent(j) and t.low(j) in DEMONSTRATIVES):
            return None
        if not same and lem & SAME_ONLY_TIME_NOUNS:
            return None  # "w tym czasie" is as often "meanwhile" as "then"
        first, _ = t.extend_left(j, floor)
        return self._copy(first, i, self._last_within_month(), "the date given before")

    def moment(self, i: int, floor: int) -> Hit | None:
        """`Chwilę wcześniej`, `moment później`: the day of the last date."""
        t = self.t
        if not (t.lem(i) & MOMENT_NOUNS and t.adjacent(i) and t.low(i + 1) in LATER):
            return None
        return self._copy(i, i + 1, self._last_within_month(), "a moment from the date given before")

    def day_part(self, i: int, floor: int) -> Hit | None:
        """`po południu`, `w porannym komunikacie`: a part of the day of the last date."""
        t = self.t
        if i - 1 >= floor and t.adjacent(i - 1) and f"{t.low(i - 1)} {t.low(i)}" in DAY_PART_PHRASES:
            return self._copy(i - 1, i, self._last_within_month(), "a part of the day given before")
        if t.lem(i) & DAY_PART_ADJECTIVES and t.texts[i][:1].islower() and t.adjacent(i) and t.word(i + 1).noun:
            return self._copy(i, i, self._last_within_month(), "a part of the day given before")
        return None

    def event(self, i: int, floor: int) -> Hit | None:
        """`Przy okazji szczytu`, `W trakcie wydarzenia`: the date of the event the noun names."""
        t = self.t
        lem = t.lem(i) & EVENT_NOUNS
        if not lem or t.texts[i][:1].isupper() and t.starts[i] not in t.sentence_starts:
            return None
        first = next((i - len(row) for row in EVENT_PREPOSITIONS if i - len(row) >= floor
                      and tuple(t.low(k) for k in range(i - len(row), i)) == row
                      and all(t.adjacent(k) for k in range(i - len(row), i))), None)
        here = t.sentence_of(t.starts[i])
        if first is None or any(d.sentence == here for d in self.dated) or self._dates_itself(i):
            return None
        if lem & GENERIC_EVENT_NOUNS:
            return self._copy(first, i, self._last(), "the event dated before")
        named = next((d for d in reversed(self.dated) if self._names(d, lem)), None)
        return self._copy(first, i, named, "the date of the event named")

    def at(self, i: int, floor: int) -> Hit | None:
        return self.same_time(i, floor) or self.moment(i, floor) or self.day_part(i, floor) or self.event(i, floor)

    def _dates_itself(self, i: int) -> bool:
        """The rest of the sentence gives a date of its own (`podczas szczytu 3 lipca`)."""
        t = self.t
        end = t.sentence_of(t.starts[i])[1]
        k = i + 1
        while k < t.n and t.starts[k] < end:
            if t.month_of(k) or t.year_at(k) or t.lem(k) & WEEKDAYS.keys():
                return True
            k += 1
        return False

    def _last(self) -> Dated | None:
        return self.dated[-1] if self.dated else None

    def _last_within_month(self) -> Dated | None:
        """The last date a day can be in: `tego dnia` after `w 2021 r.` is no day of 2021."""
        return next((d for d in reversed(self.dated) if d.hit.granularity != "year"
                     and d.hit.lo and d.hit.hi and (d.hit.hi - d.hit.lo).days <= _MONTH_DAYS), None)

    def _names(self, dated: Dated, lemmas: frozenset[str]) -> bool:
        """The clause of the date names the event: `odbył się szczyt`, or the noun a relative clause
        with the date speaks of (`bilans zajść, jakie miały miejsce w piątek`)."""
        text = self.t.text
        lo, hi = dated.sentence
        cuts = [lo] + [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, hi)] + [hi]
        k = max(n for n in range(len(cuts) - 1) if cuts[n] <= dated.char)
        start = cuts[k]
        opener = WORD.search(text, start, cuts[k + 1])
        if k and opener and form(opener.group()).lemmas & RELATIVE_PRONOUNS:
            start = cuts[k - 1]
        return any(form(m.group()).lemmas & lemmas for m in WORD.finditer(text, start, cuts[k + 1]))

    def _copy(self, first: int, last: int, dated: Dated | None, note: str) -> Hit | None:
        if dated is None:
            return None
        h = dated.hit
        return Hit(first, last, h.value, granularity=h.granularity, mod="APPROX" if h.mod == "APPROX" else None,
                   lo=h.lo, hi=h.hi, note=note, anchor=False, weekday=h.weekday)
