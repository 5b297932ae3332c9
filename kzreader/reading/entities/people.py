"""Person mentions of one article grouped into people, each named by its nominative full name.

Full names with the same surname and compatible given names are one person;
a bare surname joins the full name it belongs to, the nearest before it; a
name in brackets after another (`Kiemielewicza [Tokajewa]`) and a patronymic
(`Kasym-Żomarta Kiemielewicza`) join the full name beside them.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from kzreader.language import pl
from kzreader.language.folding import fold
from kzreader.language.pl.names import candidates
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.genitives import reread_genitives
from kzreader.reading.entities.mentions import Candidate
from kzreader.reading.entities.words import word
from kzreader.reading.name_matching import UnionFind, given_compatible

_PATRONYMIC_ENDINGS = pl.vocabulary("entities").sequence("patronymic_endings")


class People:
    """Person mentions of one article grouped into people."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.full = [c for c in article.cands if c.type == "person" and c.tokens >= 2]
        reread_genitives(article, self.full)
        self.surnames = {fold(c.parts[-1]): c.parts[-1] for c in self.full}

    def surname_like(self, text: str, *bases: str) -> str | None:
        """The surname of a full name in this article that `text` is a form of, if any."""
        for option in (*bases, text, *(c for c, _ in candidates(text))):
            found = self.surnames.get(fold(option))
            if found is not None:
                return found
        return None

    def split_pairs(self) -> None:
        """Split `Tokajew-Putin` (a summit of two people) into the two people it names."""
        known = set(self.surnames) | {fold(c.name) for c in self.article.cands if c.type == "person" and c.tokens == 1}
        out: list[Candidate] = []
        for c in self.article.cands:
            pieces = c.text.split("-")
            if c.type == "person" and c.tokens == 1 and len(pieces) > 1:
                bases = [self.article.forms.base(p, word(p)) for p in pieces]
                if all(fold(b) in known - {fold(c.name)} for b in bases):
                    pos = c.start
                    for piece, base in zip(pieces, bases):
                        out.append(Candidate(pos, pos + len(piece), piece, "person", base, parts=(base,),
                                             seps=(" ",)))
                        pos += len(piece) + 1
                    continue
            out.append(c)
        self.article.cands = out

    def groups(self) -> list[list[Candidate]]:
        persons = [c for c in self.article.cands if c.type == "person"]
        full = [n for n, c in enumerate(persons) if len(c.parts) >= 2 and c.tokens >= 2]
        uf: UnionFind[int] = UnionFind(range(len(persons)))
        by_surname: dict[str, list[int]] = defaultdict(list)
        for n in full:
            by_surname[fold(persons[n].parts[-1])].append(n)
        for same in by_surname.values():
            for x, a in enumerate(same):
                for b in same[x + 1:]:
                    if given_compatible(_given(persons[a]), _given(persons[b])):
                        uf.union(a, b)
        for n in range(len(persons) - 1):
            if self.article.bracketed(persons[n], persons[n + 1]):
                uf.union(n, n + 1)  # Kasym-Żomarta Kiemielewicza [Tokajewa]
        for a in full:
            if _patronymic(persons[a]):
                same = {fold(persons[b].parts[-1]): b for b in full
                        if not _patronymic(persons[b]) and _given(persons[b]) == _given(persons[a])}
                if len(same) == 1:
                    uf.union(a, same.popitem()[1])
        bare_first: dict[str, int] = {}
        for n, c in enumerate(persons):
            if n in by_surname.get(fold(c.parts[-1]), ()):
                continue
            surname = fold(c.parts[-1])
            owners = by_surname.get(surname, [])
            if not owners and not word(c.text).first:
                # Xi after Xi Jinping: a surname written first, as Chinese names are; a given
                # name the dictionary knows (Jan after Jan Kowalski) stays apart.
                owners = [b for b in full if fold(persons[b].parts[0]) == surname]
            if owners:
                before = [b for b in owners if persons[b].start < c.start]
                uf.union(n, (before or owners)[-1])
            else:
                uf.union(n, bare_first.setdefault(surname, n))
        return [self._named([persons[n] for n in group]) for group in uf.groups()]

    def _named(self, members: list[Candidate]) -> list[Candidate]:
        """Give every mention of one person the same canonical name, key and aliases."""
        full = [c for c in members if len(c.parts) >= 2]
        if full:
            surnames = Counter(fold(c.parts[-1]) for c in full if not _patronymic(c))
            main = surnames.most_common(1)[0][0] if surnames else fold(full[0].parts[-1])
            primary = [c for c in full if fold(c.parts[-1]) == main] or full
            counts = Counter(c.name for c in primary)
            best = max(primary, key=lambda c: (len(c.parts), counts[c.name], -c.start))
            name, surname = best.name, best.parts[-1]
        else:
            counts = Counter(c.name for c in members)
            name = surname = max(members, key=lambda c: (counts[c.name], -c.start)).name
        variants = [c.name for c in members] + [surname]
        listed = next((e for e in map(self.article.gazetteer.person, [name, *variants]) if e is not None), None)
        if listed is not None:
            variants += [name, *listed.aliases]
            name = listed.name
        aliases = tuple(dict.fromkeys(v for v in variants if v != name))
        for c in members:
            c.key, c.aliases, c.name = f"person:{name.lower()}", aliases, name
        return members


def _given(c: Candidate) -> list[str]:
    return [fold(p) for p in c.parts[:-1]]


def _patronymic(c: Candidate) -> bool:
    """Given names and a patronymic (Kasym-Żomarta Kiemielewicza): the last word is no surname morfeusz knows."""
    last = c.parts[-1]
    return fold(last).endswith(_PATRONYMIC_ENDINGS) and not word(last).surname
