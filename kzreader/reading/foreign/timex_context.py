"""What every rule of a foreign date asks about the words around it: prepositions before, tense, quotes."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kzreader.language import get
from kzreader.reading.foreign.timex_clock import Clock, Value
from kzreader.reading.foreign.timex_words import Words

# Marks that end a clause inside a sentence: the tense of another clause says nothing of this one's date.
_CLAUSE_BREAK = re.compile(r"[,;:–—]")
# Every kind of quotation mark: inside a pair, `today` is the day the words were said.
_QUOTES = re.compile(r"[\"“”«»„]")


@dataclass(slots=True)
class Found:
    """A rule's match: tokens first..last and the date they mean."""

    first: int
    last: int
    date: Value


class Context:
    """One stretch of text with its words, the document's clock and the sentences tense is read in."""

    def __init__(self, words: Words, clock: Clock, sentences: list[tuple[int, int]]):
        self.t = words
        self.clock = clock
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]

    def extend_left(self, i: int) -> tuple[int, str | None]:
        """First token and mod of a date starting at token i, with a part word (`early`) and a preposition before it."""
        t, w = self.t, self.t.w
        first, mod = i, None
        j = i - 1
        if t.dash(j) and t.touching(j) and t.touching(j - 1):  # mid-June
            j -= 1
        part = t.phrase_before(j, (p for p, _ in w.parts))
        if part and (t.adjacent(j) or t.touching(j) and t.dash(j + 1)):
            first, mod = j - len(part) + 1, dict(w.parts)[part]
        if t.low(first - 1) in w.prepositions and t.adjacent(first - 1):
            first -= 1
            mod = mod or w.mods.get(t.low(first))
        return first, mod

    def future(self, first: int, last: int) -> bool:
        """Whether the clause of tokens first..last tells of what is ahead: a future word or verb nearest the date."""
        t, w = self.t, self.t.w
        lo, hi = self._clause(t.starts[first], t.ends[last])
        inside = [i for i in range(t.n) if lo <= t.starts[i] and t.ends[i] <= hi and not first <= i <= last]
        inside.sort(key=lambda i: min(abs(i - first), abs(i - last)))
        for i in inside:
            low = t.low(i)
            if low in w.future_markers or any(m[0] in "'’" and low.endswith(m) for m in w.future_markers):
                return True
            if w.future_tags or w.past_tags:
                tags = {g for r in get(w.lang).analyse(t.texts[i]) for g in r.tag.split(":")}
                if tags & w.past_tags:
                    return False
                if tags & w.future_tags:
                    return True
        return False

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        k = max(0, bisect_right(self._starts, start) - 1)
        lo, hi = self.sentences[k] if self.sentences else (0, len(self.t.text))
        text = self.t.text
        before = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, start)]
        after = _CLAUSE_BREAK.search(text, end, hi)
        # A comma right after a date (`May 12, 2024,`) or a day range's dash is the date's own.
        return (before[-1] if before else lo), (after.start() if after else hi)

    def quoted(self, pos: int) -> bool:
        """Whether `pos` stands inside quotation marks opened earlier in its paragraph."""
        text = self.t.text
        para = text.rfind("\n", 0, pos) + 1
        return len(_QUOTES.findall(text, para, pos)) % 2 == 1

    def year_after(self, last: int) -> tuple[int | None, int]:
        """A year written after token `last` (`, 2024`, ` 2022 года`, ` 2019 г.`): (year, its last token)."""
        t = self.t
        j = last + 1
        if t.low(j) == "," and t.touching(last) and t.adjacent(j):
            j += 1
        elif not t.adjacent(last):
            return None, last
        year = t.year(j)
        if year is None:
            return self._moved_year(last)
        if t.adjacent(j) and t.year_word(j + 1):
            j = t.with_stop(j + 1, t.w.year_words)
        return year, j

    def _moved_year(self, last: int) -> tuple[int | None, int]:
        """`June last year`, `мая прошлого года`: the document's year moved, with the phrase's last token."""
        t, w, ref = self.t, self.t.w, self.clock.ref
        offset = w.relative.get(t.low(last + 1))
        if offset is None or not t.adjacent(last) or not t.adjacent(last + 1) or w.period_units.get(
                t.low(last + 2)) != "Y":
            return None, last
        return (ref.lo.year + offset if ref else None), last + 2

    def dated(self, first: int, last: int, month: int, day: int | None, day2: int | None,
              mod: str | None, year: int | None) -> Found | None:
        """Days or a month with the year stated, or picked from the document date by tense."""
        clock = self.clock
        if year is None:
            year = clock.year_for(month, day, day2, self.future(first, last))
        if year is None:
            return Found(first, last, Clock.unknown_year(month, day))
        value = clock.day(year, month, day, day2) if day else clock.month(year, month)
        if value is None:
            return None
        value.mod = mod or value.mod
        return Found(first, last, value)
