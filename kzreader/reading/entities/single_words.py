"""A capitalised word standing alone, typed once the article's people are known.

In order: the surname of a person named in full in the article; a person the
gazetteer lists; what the dictionary's name qualifiers say; and for a word
the dictionary lacks, its context (a title, a noun announcing a place or an
organisation, quotes, coordination with a typed name, a place preposition)
and a surname's ending.
"""
from __future__ import annotations

import re

from kzreader.language import pl
from kzreader.language.folding import fold
from kzreader.language.pl.names import VOWELS
from kzreader.reading.annotations import EntityType
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Candidate
from kzreader.reading.entities.people import People
from kzreader.reading.entities.forms import styled
from kzreader.reading.entities.words import Word, word

_WORDS = pl.vocabulary("entities")
_SURNAME_ENDINGS = _WORDS.sequence("surname_endings")
_PLURAL_LOCATIVES = tuple(_WORDS.labels("plural_locatives").items())
# Letters a plural place keeps before its ending.
_MIN_STEM = 3
_COORDINATION = re.compile(
    rf"\s*(?:,|{'|'.join(map(re.escape, _WORDS.sequence('coordination')))})\s+\Z")


def resolve(article: Article, cand: Candidate, people: People, prev: Candidate | None) -> None:
    """Types `cand` in place, or leaves it untyped when it names nothing; `prev` is the mention before it."""
    w = cand.word
    assert w is not None
    hints = cand.hints
    base = article.forms.base(cand.text, w, next((g for g in ("m1", "f") if g in hints), None))
    linked = people.surname_like(cand.text, base, *(r.lemma for r in w.modifiers))
    if linked and (w.unknown or w.surname or w.modifiers or "initial" in hints):
        cand.as_person(linked)  # Tokajewa, Pieskowa, Nawalnego: the surname of a full name in the article
        return
    if (w.first or w.surname) and _named_before(article, cand, base):
        cand.as_person(base)  # papieża Franciszka ... Franciszek odpowiedział: a person known by one name
        return
    if (w.common and "initial" in hints and not w.unknown) or not (w.proper or w.unknown):
        return  # a sentence-initial word, or a capitalised common word
    if article.gazetteer.person(cand.text) or article.gazetteer.person(base):
        cand.as_person(base)
    elif w.geo and not w.common_noun:
        _typed(article, cand, "place", _geo_lemma(cand.text, w, bool(hints & {"locative", "preposition"})))
    elif w.org and (not w.common or hints & {"quoted", "organisation"}):
        _typed(article, cand, "org", w.org[0].lemma)
    elif w.surname and not w.common and not w.geo:
        cand.as_person(base)
    elif w.unknown:
        _resolve_unknown(article, cand, base, prev)
    elif w.geo and hints & {"locative", "preposition", "place"} and "in_run" not in hints:
        _typed(article, cand, "place", _geo_lemma(cand.text, w, "place" not in hints))
    elif (w.surname or w.first) and "title" in hints:
        cand.as_person(base)  # papieżem Franciszkiem


def _named_before(article: Article, cand: Candidate, base: str) -> bool:
    """Whether a person of one word was named `base` earlier in the article."""
    key = fold(base)
    return any(c.type == "person" and c.start < cand.start and fold(c.name) == key for c in article.cands)


def _resolve_unknown(article: Article, cand: Candidate, base: str, prev: Candidate | None) -> None:
    hints = cand.hints
    coordinated = prev is not None and prev.type in ("place", "org") and \
        bool(_COORDINATION.match(article.text[prev.end:cand.start]))
    if hints & {"organisation", "quoted"} or (cand.word is not None and cand.word.mixed_case):
        # Titles and company names stand in apposition, undeclined: portal Fergana, dziennik "Komiersant".
        _typed(article, cand, "org", cand.text)
    elif "title" in hints:
        cand.as_person(base)
    elif "place" in hints:
        # miasta Isfara, wsi Osz: a name in apposition to a place noun is mostly left in the
        # nominative; one with an oblique ending (w mieście Isfarze) was declined.
        _typed(article, cand, "place", cand.text if _may_be_nominative(cand.text) else base)
    elif coordinated and prev is not None and prev.type is not None:
        _typed(article, cand, prev.type, base)  # Osz i Naryn
    elif fold(base).endswith(_SURNAME_ENDINGS) and "locative" not in hints:
        cand.as_person(base)
    elif hints & {"locative", "preposition"}:
        _typed(article, cand, "place", (_plural_locative(cand.text) if "locative" in hints else None) or base)


def _typed(article: Article, cand: Candidate, kind: EntityType, name: str) -> None:
    entry = article.gazetteer.get(f"{kind}:{name.lower()}")
    cand.type, cand.name = kind, entry.name if entry else name
    cand.key = entry.key if entry else f"{kind}:{name.lower()}"
    cand.aliases = entry.aliases if entry else ()


def _geo_lemma(text: str, w: Word, governed: bool = False) -> str:
    """The place's nominative; `governed`: a preposition stands before it, so it is no nominative
    (niedaleko Grodna is Grodno's genitive, not the village Grodna)."""
    if "-" in text:
        # morfeusz reads Bielsku-Białej as its parts: each part gives its own nominative.
        return "-".join(_part_lemma(part) for part in text.split("-"))
    full = [r for r in w.geo if "nazwa_geograficzna" in r.names] or list(w.geo)
    if governed:
        full = [r for r in full if not r.has("nom")] or full
    same = [r for r in full if r.lemma == text]
    return (same or full)[0].lemma


def _plural_locative(text: str) -> str | None:
    """`Wiskulach` -> Wiskule: an unknown name in -ach after `w` is a plural place in the locative."""
    lower = text.lower()
    for ending, nominative in _PLURAL_LOCATIVES:
        if lower.endswith(ending) and len(text) - len(ending) >= _MIN_STEM:
            return text[: len(text) - len(ending)] + nominative
    return None


def _part_lemma(part: str) -> str:
    w = word(part)
    if w.geo:
        return _geo_lemma(part, w)
    return styled(part, w.nouns[0].lemma) if w.nouns else part


def _may_be_nominative(text: str) -> bool:
    last = text[-1:].lower()
    return last == "a" or last not in VOWELS
