"""Acronyms and web domains: found as written, then joined to the places and organisations they stand for.

`Międzynarodowy Trybunał Karny (MTK)`, `IEŚ (Instytut Europy Środkowej)`:
an acronym in brackets next to the name it abbreviates is one entity with it,
and so is one anywhere in the article that spells a name's initials whole
(`MON` and `Ministerstwa Obrony Narodowej`); `fergana.news` is one with the
portal Fergana.
"""
from __future__ import annotations

import re

from kzreader.language.folding import fold
from kzreader.language.pl.morphology import analyse
from kzreader.language.tokens import WORD
from kzreader.reading.annotations import EntityType
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.name_matching import UnionFind, is_acronym

_DOMAIN = re.compile(
    r"(?<![\w.@/-])((?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:pl|com|net|org|news|info|ru|kz|ua|by|uz|kg|tj|tm|az|am|ge|eu|io"
    r"|de|fr|uk|tv))(?![\w-]|\.\w)"
)


# Two to six letters, capitals but for the second of a Polish digraph (Sz, Cz, Ch, Rz, Dz).
_DIGRAPH_ACRONYM = re.compile(r"(?=.*[A-ZĄĆĘŁŃÓŚŹŻ].*[A-ZĄĆĘŁŃÓŚŹŻ])(?:[A-ZĄĆĘŁŃÓŚŹŻ]|Sz|Cz|Ch|Rz|Dz){2,6}")


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


def owned_acronyms(article: Article) -> None:
    """`MSZ Indii`, `MON Ukrainy`: an organisation's acronym with a place in the genitive right after it is
    that place's body, named as written; the place stays an entity of its own."""
    ordered = sorted(article.cands, key=lambda c: c.start)
    for a, b in zip(ordered, ordered[1:]):
        if (a.type == "org" and is_acronym(a.text) and b.type == "place" and b.tokens == 1
                and article.text[a.end:b.start] == " " and any(r.has("gen") for r in analyse(b.text))):
            text = article.text[a.start:b.end]
            article.cands[article.cands.index(a)] = Candidate(a.start, b.end, text, "org", text,
                                                              f"org:{text.lower()}", tokens=2)


def other_groups(article: Article) -> list[list[Candidate]]:
    """Places and organisations by key, with bracketed acronyms and web domains joined to their names."""
    others = [c for c in article.cands if c.type in ("place", "org")]
    uf: UnionFind[int] = UnionFind(range(len(others)))
    first_by_key: dict[str | None, int] = {}
    for n, c in enumerate(others):
        uf.union(n, first_by_key.setdefault(c.key, n))
    for n, (a, b) in enumerate(zip(others, others[1:])):
        if article.bracketed(a, b) and _short(a.text) != _short(b.text):
            short, expansion = (a, b) if _short(a.text) else (b, a)
            if _abbreviates(short.text, expansion.text):
                uf.union(n, n + 1)
    _join_spelt_initials(others, uf)
    for n, c in enumerate(others):
        if "domain" in c.hints:
            label = fold(c.name.split(".")[0])
            same = next((m for m, o in enumerate(others)
                         if m != n and label in {fold(x) for x in (o.name, *o.aliases)}), None)
            if same is not None:
                uf.union(n, same)
    return [[others[n] for n in group] for group in uf.groups()]


def _join_spelt_initials(others: list[Candidate], uf: UnionFind[int]) -> None:
    """An acronym anywhere in the article is one with the single name of its type whose every word it spells.

    Only the initials of all words count here, capitalised or not: away from
    brackets nothing else says that the two belong together.
    """
    names = [(n, c) for n, c in enumerate(others) if not _short(c.text) and len(_words(c.text)) >= 2]
    for n, c in enumerate(others):
        if not _short(c.text):
            continue
        found = {uf.find(m) for m, o in names if o.type == c.type and _spells(_chunks(c.text), _words(o.text))}
        if len(found) == 1:
            uf.union(n, found.pop())


def _short(text: str) -> bool:
    """An acronym, written in capitals or with a Polish digraph's small letter (SzOW, ChRL)."""
    return is_acronym(text) or bool(_DIGRAPH_ACRONYM.fullmatch(text))


def _words(text: str) -> list[str]:
    return [m.group() for m in WORD.finditer(text)]


def _chunks(short: str) -> list[str]:
    """The letters of an acronym, a digraph as one (SzOW -> Sz, O, W)."""
    return re.findall(r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]?", short) if not is_acronym(short) else list(short)


def _spells(chunks: list[str], words: list[str]) -> bool:
    return len(chunks) == len(words) and all(w.lower().startswith(c.lower()) for c, w in zip(chunks, words))


def _abbreviates(short: str, expansion: str) -> bool:
    """OSW ~ Ośrodek Studiów Wschodnich: the initials of all words or of the capitalised ones."""
    words = _words(expansion)
    chunks = _chunks(short)
    return _spells(chunks, words) or _spells(chunks, [w for w in words if w[:1].isupper()])
