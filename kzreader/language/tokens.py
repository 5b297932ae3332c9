"""Words and sentences of a text, with character offsets into it."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzreader.language import pl

if TYPE_CHECKING:
    from kzreader.language.vocabulary import Vocabulary


# A word: letters or digits, joined by inner hyphens or apostrophes
# (Kasym-Żomart, sanitarno-epidemiologicznej, O'Brien).
_JOINERS = "[-'’]"
WORD = re.compile(rf"\w+(?:{_JOINERS}\w+)*")


def whole_words(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern finding exactly those of WORD's tokens that are one of `words`.

    Searching for a few known words skips the rest of a text in C instead of
    cutting every word in Python. The lookarounds say where WORD's tokens start
    and end: not inside a run of word characters, and not where a hyphen or
    apostrophe joins word characters into one token.
    """
    alternatives = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    if not alternatives:
        return None
    # Each word's own lookbehind follows it, so that the pattern starts with the
    # words themselves: re then skips ahead to their first letters, four times faster.
    checked = "|".join(rf"{w}(?<!\w{w})(?<!\w{_JOINERS}{w})" for w in alternatives)
    return re.compile(rf"(?:{checked})(?!\w|{_JOINERS}\w)")


# A sentence ends before a capital of any script the readers know, or a digit.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’)\]]*(?=\s+[\"„«(\[–—-]*[A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-ÞА-ЯЁІЇЄҐ0-9])|\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    index: int

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of `text[start:end]` with offsets into `text`."""
    return [
        Token(m.group(), m.start(), m.end(), i)
        for i, m in enumerate(WORD.finditer(text, start, len(text) if end is None else end))
    ]


class Sentences:
    """A language's sentence splitter: a full stop after one of its abbreviations or an initial does not end a sentence."""

    def __init__(self, words: "Vocabulary") -> None:
        self.non_final = words.words("abbreviations")
        self.one_letter_words = words.words("one_letter_words")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence; line breaks always end one (titles, ad lines)."""
        spans: list[tuple[int, int]] = []
        start = 0
        for m in _SENTENCE_END.finditer(text):
            if m.group()[0] == "." and self._abbreviation_before(text, m.start()):
                continue
            end = m.end() if not m.group().isspace() else m.start()
            _add_span(text, spans, start, end)
            start = m.end()
        _add_span(text, spans, start, len(text))
        return spans

    def _abbreviation_before(self, text: str, dot: int) -> bool:
        i = dot
        while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
            i -= 1
        word = text[i:dot].lower()
        return word in self.non_final or (len(word) == 1 and word.isalpha() and word not in self.one_letter_words)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a Polish text, what the Polish engines read."""
    return _POLISH.spans(text)


def _add_span(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_POLISH = Sentences(pl.vocabulary("sentences"))
