"""One article being read: its text, the mentions found in it so far, and the nominatives of its names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kzreader.reading.entities.forms import NameForms
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.gazetteer import Gazetteer

OPEN_QUOTES = "„«\"“'"
CLOSE_QUOTES = "”»\"“'"
_GAP = re.compile(r"[ \u00a0]+\Z")
_BRACKET_OPEN = re.compile(r"\s*[(\[]\s*\Z")
_BRACKET_CLOSE = re.compile(r"\s*[)\]]")


@dataclass
class Article:
    text: str
    gazetteer: Gazetteer
    forms: NameForms
    cands: list[Candidate] = field(default_factory=list)

    def spaced(self, end: int, start: int) -> bool:
        """Only spaces between `end` and `start`: no punctuation, no line break."""
        return bool(_GAP.match(self.text[end:start]))

    def joined(self, a: Tok, b: Tok) -> bool:
        return self.spaced(a.end, b.start)

    def bracketed(self, a: Candidate, b: Candidate) -> bool:
        """`a (b)` or `a [b]`."""
        return bool(_BRACKET_OPEN.match(self.text[a.end:b.start])) and bool(_BRACKET_CLOSE.match(self.text, b.end))
