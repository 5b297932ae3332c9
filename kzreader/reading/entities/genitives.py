"""A man's name in the genitive that the dictionary reads as a woman's: `Aleksandra Stubba` -> `Aleksander Stubb`.

`Aleksandra` is a woman's nominative and the genitive of `Aleksander`; a
foreign surname in -a says nothing either way. The man's genitive is taken
only on evidence: another form of the surname without the -a in the article,
or a word before the name that wants a genitive. A woman's foreign name
(`Kaja Kallas`) has no surname in -a and is left alone.
"""
from __future__ import annotations

import re

from kzreader.language import pl
from kzreader.language.pl.morphology import analyse
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Candidate, display
from kzreader.reading.entities.words import triples, word

_WORDS = pl.vocabulary("entities")
_ENDINGS = _WORDS.sequence("masculine_surname_endings")
_HEADS = _WORDS.words("genitive_heads")
_TITLES = _WORDS.words("titles")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_MIN_STEM = 3


def reread_genitives(article: Article, full: list[Candidate]) -> None:
    """Gives each such full name its man's nominative parts."""
    for c in full:
        words = c.text.split(" ")
        stem = words[-1][:-1]
        # The dictionary's `Stubba`, or the guesser's `Rinn` of an unknown `Rinna`.
        if len(words) != len(c.parts) or not words[-1].endswith("a") or c.parts[-1] not in (words[-1], stem):
            continue
        given = [_masculine_genitive(w) for w in words[:-1]]
        if len(stem) < _MIN_STEM or not all(given) or not (
                _other_form(article, c, stem) or _wants_genitive(article, c.start)):
            continue
        c.parts = (*(g for g in given if g), stem)
        c.name = display(c.parts, c.seps)


def _masculine_genitive(text: str) -> str | None:
    """The man's given name `text` is the genitive of, if the dictionary has one."""
    for r in word(text).first:
        if "imię" in r.names and ("sg", "gen", "m1") in triples(r.tag):
            return r.lemma
    return None


def _other_form(article: Article, c: Candidate, stem: str) -> bool:
    for m in re.finditer(rf"\b{re.escape(stem)}(\w*)", article.text):
        if (not m.group(1) or m.group(1) in _ENDINGS) and not c.start <= m.start() < c.end:
            return True
    return False


def _wants_genitive(article: Article, start: int) -> bool:
    before = _WORD_BEFORE.search(article.text, max(0, start - 40), start)
    if before is None:
        return False
    readings = analyse(before.group(1).lower())
    preps = [r for r in readings if r.pos == "prep"]
    if preps and all(r.tag.split(":")[1] == "gen" for r in preps):
        return True
    return any(r.lemma in _HEADS or r.lemma in _TITLES and ("sg", "gen", "m1") in triples(r.tag) for r in readings)
