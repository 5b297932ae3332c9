"""Places named after the river they stand on: `Frankfurt nad Odrą`, `w Nowym Mieście nad Pilicą`.

A place (or a capitalised noun morfeusz marks as part of a place's name, with
its agreeing adjectives), `nad` and a capitalised geographic name in the
instrumental are one place: the head in the nominative, the river as written.
"""
from __future__ import annotations

from kzreader.language import pl
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.entities.phrases import phrase_name
from kzreader.language.pl.morphology import Interp
from kzreader.reading.entities.words import agreement, cases_of

_WORDS = pl.vocabulary("entities")
_PREPOSITIONS = _WORDS.words("riverside_prepositions")
_NAME_PART = _WORDS.words("place_name_part")


def riverside(article: Article, toks: list[Tok], listed: set[int], in_names: set[int]) -> set[int]:
    """Adds the riverside places among `toks`; returns the indices of the tokens they cover.

    A head the gazetteer lists (`listed`: w Krakowie nad Wisłą) is a whole name already, the river
    said of it; a river inside a longer listed name (`in_names`) is left to it.
    """
    covered: set[int] = set()
    for p in range(1, len(toks) - 1):
        prep, river = toks[p], toks[p + 1]
        if prep.text not in _PREPOSITIONS or not _river(article, prep, river) or p + 1 in in_names:
            continue
        found = _head(article, toks, p - 1)
        if found is None:
            continue
        start, readings, agree = found
        if not agree or set(range(start, p)) & (listed | covered):
            continue
        head = phrase_name(toks[start:p], p - 1 - start, p - start, readings, agree)
        name = f"{head} {prep.text} {river.text}"
        article.cands.append(Candidate(toks[start].start, river.end, article.text[toks[start].start:river.end],
                                       "place", name, f"place:{name.lower()}", tokens=p + 2 - start))
        covered |= set(range(start, p + 2))
    return covered


def _river(article: Article, prep: Tok, river: Tok) -> bool:
    return river.text[:1].isupper() and article.joined(prep, river) and \
        "inst" in cases_of(river.word.geo)


def _head(article: Article, toks: list[Tok], h: int) -> tuple[int, list[Interp], set[tuple[str, str, str]]] | None:
    """Where the place before `nad` starts, its head's readings, and the cases all its words agree in."""
    tok = toks[h]
    if not tok.text[:1].isupper() or not article.joined(tok, toks[h + 1]):
        return None
    readings = list(tok.word.geo) or [r for r in tok.word.nouns if _NAME_PART & set(r.names)]
    if not readings:
        return None
    agree = agreement(readings)
    start = h
    while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].word.modifiers and \
            article.joined(toks[start - 1], toks[start]) and agree & agreement(toks[start - 1].word.modifiers):
        agree &= agreement(toks[start - 1].word.modifiers)
        start -= 1
    if start == h and not tok.word.geo:
        return None  # a bare common noun (Mieście) names no place without its adjective
    return start, readings, agree

