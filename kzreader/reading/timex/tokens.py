"""The words of one text as the rules see them: forms, lemmas, gaps, sentences, quotes and tense."""
from __future__ import annotations

import re
from bisect import bisect_right

from kzreader.language.tokens import WORD, sentence_spans
from kzreader.reading.timex.dates import MAX_YEAR, MIN_YEAR
from kzreader.reading.timex.forms import Form, digits, form, plural
from kzreader.reading.timex.words import (
    DATE_PREPOSITIONS, MONTHS, OBLIGATION_VERBS, PART_OF_PERIOD, PART_PREPOSITIONS, PREPOSITION_MODS, TURN_OF,
    UNITS, YEAR_ABBREVIATIONS, YEAR_LEMMAS, YEAR_MARKS, YEAR_PLURALS,
)

# Quoted speech: in quotation marks, or opened by a dash at a line's start or
# after a sentence's end (`... szczyt. – Teraz doszło do ...`), to the line's end.
_QUOTES = re.compile(r"„[^”\"\n]*[”\"]|\"[^\"\n]*\"|«[^»\n]*»|^\s*[–—-]\s.*$"
                     r"|(?<=[.!?…])[ \t]+[–—][ \t].*$", re.MULTILINE)


class Tokens:
    """The words of a region of one text, by index; a word is analysed only when a rule looks at it.

    Indexes outside the region read as no word, so rules may look around freely.
    """

    def __init__(self, text: str):
        self.text = text
        self.sentences = sentence_spans(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self._quotes: list[tuple[int, int]] | None = None
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.n = 0

    def load(self, lo: int, hi: int) -> None:
        """The words of text[lo:hi]."""
        self.starts, self.ends, self.texts = [], [], []
        for m in WORD.finditer(self.text, lo, hi):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.texts.append(m.group())
        self.n = len(self.texts)

    # ---- one word ------------------------------------------------------
    def word(self, i: int) -> Form:
        return form(self.texts[i])

    def lem(self, i: int) -> frozenset[str]:
        return form(self.texts[i]).lemmas if 0 <= i < self.n else frozenset()

    def low(self, i: int) -> str:
        return self.texts[i].lower() if 0 <= i < self.n else ""

    def plural(self, i: int) -> bool:
        return plural(self.texts[i])

    def month_of(self, i: int) -> int | None:
        for lem in self.lem(i):
            if lem in MONTHS:
                return MONTHS[lem]
        return None

    def unit_of(self, i: int) -> str | None:
        if self.low(i) in YEAR_PLURALS:
            return "Y"
        for lem in self.lem(i):
            if lem in UNITS:
                return UNITS[lem]
        return None

    def day_at(self, i: int) -> int | None:
        t = self.low(i)
        return int(t) if len(t) <= 2 and digits(t) and 1 <= int(t) <= 31 else None

    def year_at(self, i: int) -> int | None:
        t = self.low(i)
        if len(t) == 4 and digits(t) and MIN_YEAR <= int(t) <= MAX_YEAR:
            return int(t)
        return None

    def year_noun(self, i: int) -> bool:
        return bool(self.lem(i) & YEAR_LEMMAS)

    def year_word(self, i: int) -> bool:
        """`r.`, `rok`, `roku`...: the word that marks a number as a calendar year."""
        return (self.low(i) in YEAR_ABBREVIATIONS and self.dotted(i)) or (
            self.year_noun(i) and self.low(i) in YEAR_MARKS)

    # ---- between words -------------------------------------------------
    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        return self.text[self.ends[i]:self.starts[i + 1]] if 0 <= i < self.n - 1 else ""

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i with only spaces between (no sentence or clause break)."""
        return i + 1 < self.n and self.gap(i).strip() == ""

    def dash_after(self, i: int) -> bool:
        """Token i+1 follows token i across a dash: `7–8`, `2022 - 2023`."""
        return self.gap(i).strip() in ("–", "-")

    def dotted(self, i: int) -> bool:
        """Token i is followed by a full stop (an abbreviation such as `r.` or `br.`)."""
        if not 0 <= i < self.n:
            return False
        return self.text[self.ends[i]:self.ends[i] + 1] == "."

    def decimal_tail(self, i: int, floor: int) -> bool:
        """Token i is the fraction of a number such as `1,7` or `2.5`."""
        return i - 1 >= floor and digits(self.low(i - 1)) and self.gap(i - 1) in (",", ".")

    # ---- context -------------------------------------------------------
    def sentence_of(self, char: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts, char) - 1
        return self.sentences[k] if k >= 0 else (0, len(self.text))

    def in_quote(self, char: int) -> bool:
        if self._quotes is None:
            self._quotes = [m.span() for m in _QUOTES.finditer(self.text)]
        return any(s <= char < e for s, e in self._quotes)

    def tense(self, first: int, last: int) -> str | None:
        """Tense of the verb nearest to tokens first..last in the same sentence."""
        s_lo, s_hi = self.sentence_of(self.starts[first])
        for dist in range(1, 25):
            for j in (first - dist, last + dist):
                if 0 <= j < self.n and s_lo <= self.starts[j] < s_hi:
                    t = self.word(j).tense
                    if t == "present" and self.word(j).lemmas & OBLIGATION_VERBS:
                        return "future"  # "ma rozpocząć": an obligation still ahead
                    if t:
                        return t
        return None

    def extend_left(self, first: int, floor: int) -> tuple[int, str | None]:
        """Take a preposition (and a part-of phrase) in front of a date into its span, with its modifier."""
        mod = None
        i = first - 1
        if i >= floor and self.adjacent(i):
            part = next((PART_OF_PERIOD[lem] for lem in self.lem(i) if lem in PART_OF_PERIOD), None)
            if part and i - 1 >= floor and self.low(i - 1) in PART_PREPOSITIONS and self.adjacent(i - 1):
                return i - 1, part
            if self.low(i) in TURN_OF and i - 1 >= floor and self.adjacent(i - 1):
                return i - 1, None
            if self.low(i) in DATE_PREPOSITIONS:
                mod = PREPOSITION_MODS.get(self.low(i))
                return i, mod
        return first, mod
