"""What the rules need to know about one word form, from morfeusz, computed once per form."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kzreader.language.pl.morphology import analyse
from kzreader.reading.timex.words import NUMBER_WORDS


@dataclass(frozen=True, slots=True)
class Form:
    """A word form's lemmas, the tense it gives a clause, and whether it is a noun."""

    lemmas: frozenset[str]
    tense: str | None
    noun: bool
    plural_only: bool


@lru_cache(maxsize=200_000)
def form(text: str) -> Form:
    readings = analyse(text)
    lem = frozenset(i.lemma.lower() for i in readings)
    tense = None
    for i in readings:
        pos = i.pos
        if pos == "praet":
            tense = "past"
            break
        if pos == "bedzie" or (pos == "fin" and i.has("perf")):
            tense = "future"
        elif pos == "fin" and tense is None:
            tense = "present"
    noun = any(i.pos in ("subst", "depr", "brev") for i in readings)
    plural_only = bool(readings) and all(i.has("pl") and not i.has("sg") for i in readings if i.pos == "subst")
    return Form(lem, tense, noun, plural_only)


def plural(text: str) -> bool:
    """Some noun reading of the form is plural and not singular: `latach`, `miesiącach`."""
    return any(r.has("pl") and not r.has("sg") for r in analyse(text) if r.pos == "subst")


def digits(text: str) -> bool:
    """ASCII digits only: `²` and other Unicode digits pass str.isdigit() but are no numbers here."""
    return text.isascii() and text.isdigit()


def number(text: str, w: Form) -> float | None:
    """The number a form states, in digits or as a number word."""
    if digits(text) and len(text) <= 4:
        return float(int(text))
    for lem in w.lemmas:
        if lem in NUMBER_WORDS:
            return float(NUMBER_WORDS[lem])
    return None
