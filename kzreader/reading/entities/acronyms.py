"""Acronyms and web domains: found as written, then joined to the places and organisations they stand for.

`Międzynarodowy Trybunał Karny (MTK)`, `IEŚ (Instytut Europy Środkowej)`:
an acronym in brackets next to the name it abbreviates is one entity with it;
`fergana.news` is one with the portal Fergana.
"""
from __future__ import annotations

import re

from kzreader.language.folding import fold
from kzreader.language.tokens import WORD
from kzreader.reading.annotations import EntityType
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.name_matching import UnionFind, is_acronym

_DOMAIN = re.compile(
    r"(?<![\w.@/-])((?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:pl|com|net|org|news|info|ru|kz|ua|by|uz|kg|tj|tm|az|am|ge|eu|io"
    r"|de|fr|uk|tv))(?![\w-]|\.\w)"
)


def acronym(tok: Tok) -> Candidate | None:
    """A place or organisation written in two to six capitals; None for a Roman numeral or a shouted common word."""
    if not (2 <= len(tok.text) <= 6 and tok.text.isupper() and tok.text.isalpha()):
        return None
    w = tok.word
    if w.geo:
        kind: EntityType = "place"
    elif w.org or w.unknown:
        kind = "org"
    else:
        return None
    return Candidate(tok.start, tok.end, tok.text, kind, tok.text, f"{kind}:{tok.text.lower()}")


def domains(article: Article, start: int, end: int) -> None:
    """Web domains as written (portalu Kloop.kg); a word of one is no name of its own."""
    for m in _DOMAIN.finditer(article.text, start, end):
        name = m.group(1)
        article.cands = [c for c in article.cands if not m.start(1) <= c.start < m.end(1)]
        article.cands.append(Candidate(m.start(1), m.end(1), name, "org", name, f"org:{name}",
                                       hints=frozenset({"domain"})))


def joined_acronyms(first: Candidate, second: Candidate, gap: str) -> Candidate | None:
    """`RMF FM`, `PKO BP`: two acronyms side by side are one organisation's name."""
    if gap != " " or "place" in (first.type, second.type) or not is_acronym(first.text):
        return None
    text = f"{first.text} {second.text}"
    return Candidate(first.start, second.end, text, "org", text, f"org:{text.lower()}", tokens=2)


def other_groups(article: Article) -> list[list[Candidate]]:
    """Places and organisations by key, with bracketed acronyms and web domains joined to their names."""
    others = [c for c in article.cands if c.type in ("place", "org")]
    uf: UnionFind[int] = UnionFind(range(len(others)))
    first_by_key: dict[str | None, int] = {}
    for n, c in enumerate(others):
        uf.union(n, first_by_key.setdefault(c.key, n))
    for n, (a, b) in enumerate(zip(others, others[1:])):
        if article.bracketed(a, b) and is_acronym(a.text) != is_acronym(b.text):
            short, expansion = (a, b) if is_acronym(a.text) else (b, a)
            if _abbreviates(short.text, expansion.text):
                uf.union(n, n + 1)
    for n, c in enumerate(others):
        if "domain" in c.hints:
            label = fold(c.name.split(".")[0])
            same = next((m for m, o in enumerate(others)
                         if m != n and label in {fold(x) for x in (o.name, *o.aliases)}), None)
            if same is not None:
                uf.union(n, same)
    return [[others[n] for n in group] for group in uf.groups()]


def _abbreviates(short: str, expansion: str) -> bool:
    """OSW ~ Ośrodek Studiów Wschodnich: the initials of all words or of the capitalised ones."""
    words = [m.group() for m in WORD.finditer(expansion)]
    letters = short.upper()
    initials = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[:1].isupper()).upper()
    return letters in (initials, capitals)
