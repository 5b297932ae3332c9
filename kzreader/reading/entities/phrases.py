"""Multi-word places and organisations: a head noun with its adjectives and genitive complements.

`Międzynarodowy Trybunał Karny`, `Bank Narodowy Republiki Kirgiskiej`, `Azji
Centralnej`: the head is a common noun that heads names when capitalised, or
a place; the name is given with the head and its adjectives in the nominative.
"""
from __future__ import annotations

from kzreader.language import pl
from kzreader.language.pl.morphology import Interp
from kzreader.reading.annotations import EntityType
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.forms import nominative, styled
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.entities.words import MODIFIER_POS, NOMINAL_POS, agreement, triples

_WORDS = pl.vocabulary("entities")
_ORG_HEADS = _WORDS.words("org_heads")
_PLACE_HEADS = _WORDS.words("place_heads")
_HEADS = _ORG_HEADS | _PLACE_HEADS


def head(tok: Tok) -> str | None:
    """`org` or `place` when the word is a common noun that heads a name (Trybunał, Morze)."""
    for r in tok.word.nouns:
        lemma = r.lemma.lower()
        if lemma in _ORG_HEADS:
            return "org"
        if lemma in _PLACE_HEADS:
            return "place"
    return None


def phrase(article: Article, run: list[Tok], i: int) -> int | None:
    """Adjectives + a head noun (+ adjectives, + genitive complements) from `run[i]` -> one place or organisation.

    Returns where the name ends in `run`, or None when no such name starts at `i`.
    """
    k = i
    # Jedwabnego Szlaku: a word that is also a place (Jedwabne) is an adjective before a head noun.
    while k < len(run) and run[k].word.modifiers and not head(run[k]) and \
            (not run[k].word.geo or k + 1 < len(run) and head(run[k + 1])):
        k += 1
    if k == len(run):
        return None
    kind = head(run[k])
    if kind is None and not run[k].word.geo:
        return None
    if kind is None and k > i and run[k].word.common_noun:
        return None  # Wiecznej Przyjaźni: an adjective before a word that is mostly a common noun
    if kind:
        head_readings = [r for r in run[k].word.nouns if r.lemma.lower() in _HEADS]
    else:
        head_readings = list(run[k].word.geo)
    agree = agreement(head_readings)
    for tok in run[i:k]:
        agree &= agreement(tok.word.modifiers)
    end = k + 1
    # After a common head any agreeing adjective belongs to the name (Morzu Ochockim); after a place
    # a word that may be a surname starts a person instead (Wojciech Górecki).
    while end < len(run) and run[end].word.modifiers and (kind or not run[end].word.personal) and \
            agree & agreement(run[end].word.modifiers):
        agree &= agreement(run[end].word.modifiers)
        end += 1
    if not agree:
        return None
    stop = end
    if kind:
        while stop < len(run) and _complement(run[stop]):
            stop += 1
        if stop == k + 1 and stop < len(run) and _patron(run[stop]):
            stop += 1  # Grupy Wagnera, Fundacji Batorego: a surname in the genitive right after the head
    if stop - i < 2:
        return None
    name = phrase_name(run[i:stop], k - i, end - i, head_readings, agree)
    tokens = run[i:stop]
    found: EntityType = "org" if kind == "org" else "place"
    article.cands.append(Candidate(tokens[0].start, tokens[-1].end, article.text[tokens[0].start:tokens[-1].end],
                                   found, name, f"{found}:{name.lower()}", tokens=len(tokens)))
    return stop


def _complement(tok: Tok) -> bool:
    """A capitalised genitive that belongs to the name before it (Studiów Wschodnich, Europy Środkowej)."""
    w = tok.word
    # Rodzajów is also a surname to the dictionary, but a common noun first.
    if w.unknown or w.first or (w.proper and not w.geo and not w.common_noun):
        return False
    return any(r.has("gen") for r in (*w.nouns, *w.modifiers, *w.geo))


def _patron(tok: Tok) -> bool:
    """A surname in the genitive, and no given name: whom a body is named after."""
    w = tok.word
    return bool(w.surname) and not w.first and any(r.has("gen") for r in w.surname)


def phrase_name(tokens: list[Tok], head_at: int, agreeing_end: int, head_readings: list[Interp],
                 agree: set[tuple[str, str, str]]) -> str:
    """Head and agreeing adjectives in the nominative; complements as written."""
    # Ministerstwa Spraw Zagranicznych, Agencji Bezpieczeństwa: a body's name is far more often
    # singular in an oblique case than plural in the nominative.
    number, case, gender = min(agree, key=lambda t: (t[0] != "sg", t[1] != "nom", t))
    out = []
    for idx, tok in enumerate(tokens):
        form = None
        if idx == head_at:
            lemmas = [r.lemma for r in head_readings if (number, case, gender) in triples(r.tag)]
            form = nominative(lemmas[0], NOMINAL_POS, number, gender) if lemmas else None
        elif idx < agreeing_end:
            reading = tok.word.modifiers[0]
            degree = reading.tag.rsplit(":", 1)[-1] if reading.pos == "adj" else "pos"
            form = nominative(reading.lemma, MODIFIER_POS, number, gender, degree)
        if form and "-" in tok.text:
            # Południowo-Wschodnią: morfeusz inflects the last part of a compound adjective
            prefix, _, last = tok.text.rpartition("-")
            out.append(f"{prefix}-{styled(last, form)}")
        else:
            out.append(styled(tok.text, form) if form else tok.text)
    return " ".join(out)
