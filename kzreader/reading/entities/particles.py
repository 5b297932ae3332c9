"""Foreign names with lower-case particles: `Ursuli von der Leyen`, `Charles de Gaulle`, `Ludwiga van Beethovena`.

Capitalised words of a name, then particles, then one capitalised surname are
one person; the given names and the last word are in the nominative, the
particles as written, and the surname is the particles with the last word.
"""
from __future__ import annotations

from kzreader.language import pl
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Candidate, Tok, display
from kzreader.reading.entities.persons import name_parts

_WORDS = pl.vocabulary("entities")
_PARTICLES = _WORDS.words("name_particles")
_POLISH = _WORDS.words("polish_particles")
# Given names before the particles: a longer run is a list of names, not one.
_MAX_GIVEN = 3


def particled(article: Article, toks: list[Tok], taken: set[int]) -> set[int]:
    """Adds the people named with particles among `toks`; returns the indices of the tokens they cover."""
    covered: set[int] = set()
    p = 1
    while p < len(toks) - 1:
        q = p
        while q < len(toks) - 1 and toks[q].text in _PARTICLES and article.joined(toks[q - 1], toks[q]):
            q += 1
        found = _person(article, toks, p, q, taken | covered) if q > p else None
        if found is not None:
            covered |= set(range(found, q + 1))
        p = max(q, p + 1)
    return covered


def _person(article: Article, toks: list[Tok], p: int, q: int, taken: set[int]) -> int | None:
    """The person whose particles are `toks[p:q]`, added; where the name starts, or None."""
    last = toks[q]
    if not _capitalised(last) or not last.word.personal or not article.joined(toks[q - 1], last) or \
            {t.text for t in toks[p:q]} & _POLISH and last.word.first:
        return None
    start = p
    while start > 0 and p - start < _MAX_GIVEN and _capitalised(toks[start - 1]) and \
            article.joined(toks[start - 1], toks[start]) and toks[start - 1].word.personal:
        start -= 1
    if start == p or set(range(start, q + 1)) & taken:
        return None
    given = toks[start:p]
    parts, seps = name_parts(article.forms, [*given, last], given[0].word.feminine_first)
    surname = " ".join([*(t.text for t in toks[p:q]), parts[-1]])
    parts, seps = [*parts[:-1], surname], seps[:-1] + [" "]
    text = article.text[toks[start].start:last.end]
    article.cands.append(Candidate(toks[start].start, last.end, text, "person", display(parts, seps),
                                   parts=tuple(parts), seps=tuple(seps), tokens=q + 1 - start))
    return start


def _capitalised(tok: Tok) -> bool:
    return tok.text[:1].isupper() and len(tok.text) > 1 and not tok.text.isupper()
