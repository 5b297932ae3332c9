"""Russian morphology on pymorphy3: readings of one word as `Interp`, cached per process.

pymorphy3 knows names (`Name`, `Surn`, `Patr`), places (`Geox`) and bodies
(`Orgn`) and predicts the readings of words its dictionary lacks from their
endings; a reading it only predicted is marked so that the engines can tell a
dictionary word from a guess. The analyser is made on first use, so a corpus
without Russian never loads its dictionary.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kzreader.language.interp import Interp

if TYPE_CHECKING:
    import pymorphy3

_ANALYSER: "pymorphy3.MorphAnalyzer | None" = None

# pymorphy3's grammemes that say what kind of name a word is.
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
# Marks a reading pymorphy3 predicted from the ending of an unknown word.
GUESSED = "Guess"


def analyser() -> "pymorphy3.MorphAnalyzer":
    global _ANALYSER
    if _ANALYSER is None:
        import pymorphy3

        _ANALYSER = pymorphy3.MorphAnalyzer(lang="ru")
    return _ANALYSER


@lru_cache(maxsize=200_000)
def _parses(word: str) -> tuple[Interp, ...]:
    out: list[Interp] = []
    seen: set[tuple[str, str]] = set()
    for parse in analyser().parse(word):
        grammemes = sorted(str(g) for g in parse.tag.grammemes)
        known = parse.is_known
        pos = str(parse.tag.POS or "UNKN")
        tag = ":".join([pos, *(g for g in grammemes if g != pos)])
        key = (parse.normal_form, tag)
        if key in seen:
            continue
        seen.add(key)
        names = tuple(g for g in grammemes if g in NAME_TAGS) + (() if known else (GUESSED,))
        out.append(Interp(parse.normal_form, tag, names))
    return tuple(out)


def analyse(word: str) -> tuple[Interp, ...]:
    """Readings of one word, most likely first; words pymorphy3 only guessed carry `Guess` among their names."""
    if not word or not any(c.isalpha() for c in word):
        return ()
    return _parses(word)


def known(word: str) -> bool:
    return any(GUESSED not in i.names for i in analyse(word))


def lemmas(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.lemma for i in analyse(word)))


def guessable(word: str) -> bool:
    """A capitalised Cyrillic word the dictionary lacks: its base form is pymorphy3's guess."""
    return word[:1].isupper() and not known(word)


def candidates(word: str) -> list[tuple[str, float]]:
    """Base forms of a name, as pymorphy3 reads it, best first."""
    seen: dict[str, float] = {}
    for parse in analyser().parse(word):
        seen.setdefault(parse.normal_form, parse.score)
    return [(lemma[:1].upper() + lemma[1:], score) for lemma, score in seen.items()]
