"""One name per entity across the corpus, decided over stored results without re-reading articles."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from kzreader.language.folding import fold
from kzreader.language.spelling import spelling_key
from kzreader.reading.annotations import Entity
from kzreader.reading.name_matching import UnionFind, given_compatible, name_parts, possessive


Renames = dict[str, tuple[str, str, list[str]]]


def link_corpus(per_article: dict[str, list[Entity]]) -> dict[str, list[Entity]]:
    """One key and one name per entity across the corpus, from stored results only.

    People: full names whose surnames share a spelling key (Taszyjew,
    Taszijew, Kieżkowski, Kierzkowski) and whose given names are within one
    edit (Kasym/Kassym, Żomart/Żomert) are one person, named by the spelling
    most Polish articles use (an English or Russian article never renames a
    person the Polish ones name); a bare surname joins the single full name
    that ends with it. Places and organisations: a name that is another
    entity's alias (OSW and Ośrodek Studiów Wschodnich) takes that entity's
    key and name, a Polish article's entity first.
    """
    renames = corpus_renames(e for entities in per_article.values() for e in entities)
    return {article: apply_renames(entities, renames) for article, entities in per_article.items()}


def corpus_renames(entities: Iterable[Entity]) -> Renames:
    """Old key -> (new key, name, other names), from one pass over every entity of the corpus.

    Takes an iterable so that a large corpus can be streamed from the store
    instead of held in memory whole.
    """
    people = _PeopleTally()
    others = _OthersTally()
    for ent in entities:
        if ent.type == "person":
            people.add(ent)
        elif ent.type in ("place", "org"):
            others.add(ent)
    return {**people.renames(), **others.renames()}


def apply_renames(entities: list[Entity], renames: Renames) -> list[Entity]:
    """An article's entities under their corpus-wide keys and names, merged where two became one."""
    merged: dict[str, Entity] = {}
    for ent in entities:
        key, name, extra = ent.key, ent.name, []
        if ent.type != "money" and ent.key in renames:
            key, name, extra = renames[ent.key]
        aliases = [a for a in dict.fromkeys([*ent.aliases, ent.name, *extra]) if a != name]
        new = Entity(key, name, ent.type, list(ent.mentions), aliases, ent.amount, ent.currency, ent.qualifier,
                     ent.lang)
        old = merged.get(key)
        if old is None:
            merged[key] = new
            continue
        spans = {(m.start, m.end) for m in old.mentions}
        old.mentions.extend(m for m in new.mentions if (m.start, m.end) not in spans)
        old.mentions.sort(key=lambda m: m.start)
        old.aliases = [a for a in dict.fromkeys([*old.aliases, *new.aliases]) if a != old.name]
    return sorted(merged.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)


class _PeopleTally:
    """Old person key -> (new key, canonical name, other spellings)."""

    def __init__(self) -> None:
        self.articles: Counter[str] = Counter()
        self.mentions: Counter[str] = Counter()
        self.keys_of: dict[str, set[str]] = defaultdict(set)
        self.polish: set[str] = set()

    def add(self, ent: Entity) -> None:
        self.articles[ent.name] += 1
        self.mentions[ent.name] += len(ent.mentions)
        self.keys_of[ent.name].add(ent.key)
        if ent.lang in (None, "pl"):
            self.polish.add(ent.name)

    def renames(self) -> Renames:
        return _people_renames(self.articles, self.mentions, self.keys_of, self.polish)


def _people_renames(articles: Counter[str], mentions: Counter[str], keys_of: dict[str, set[str]],
                    polish: set[str] | None = None) -> Renames:
    polish = set(articles) if polish is None else polish
    names = sorted(articles, key=lambda n: (n not in polish, -articles[n], -mentions[n], n))
    parts = {n: [spelling_key(p) for p in name_parts(n)] for n in names}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in names:
        if len(parts[n]) >= 2:
            by_surname[parts[n][-1]].append(n)
    uf: UnionFind[str] = UnionFind(names)
    for same in by_surname.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if given_compatible(parts[a][:-1], parts[b][:-1]):
                    uf.union(b, a)
    for n in names:
        if len(parts[n]) == 1:
            owners = {uf.find(f) for f in by_surname.get(parts[n][0], ())}
            if len(owners) == 1:
                uf.union(n, owners.pop())
    out: Renames = {}
    rank = {n: i for i, n in enumerate(names)}
    for members in uf.groups():
        # The full name most articles use, and of those the shortest: a title glued to a name
        # (Chinese President Xi Jinping) is rarer than the name and longer than it.
        members.sort(key=lambda m: (possessive(m), len(parts[m]) < 2, rank[m]))
        full = [m for m in members if len(parts[m]) >= 2 and not possessive(m)]
        canonical = min(full, key=lambda m: (m not in polish, -articles[m], len(parts[m]), rank[m])) if full \
            else members[0]
        others = [m for m in members if m != canonical]
        for m in members:
            for key in keys_of[m]:
                out[key] = (f"person:{canonical.lower()}", canonical, others)
    return out


class _OthersTally:
    """Old key -> (new key, name, aliases) for places and organisations, joined where a name is an alias."""

    def __init__(self) -> None:
        self.info: dict[str, Entity] = {}
        self.names_of: dict[str, set[str]] = defaultdict(set)
        self.polish: set[str] = set()

    def add(self, ent: Entity) -> None:
        best = self.info.get(ent.key)
        if best is None or len(ent.aliases) > len(best.aliases):
            self.info[ent.key] = ent
        self.names_of[ent.key].add(ent.name)
        if ent.lang in (None, "pl"):
            self.polish.add(ent.key)

    def renames(self) -> Renames:
        return _others_renames(self.info, self.names_of, self.polish)


def _others_renames(info: dict[str, Entity], names_of: dict[str, set[str]], polish: set[str] | None = None) -> Renames:
    polish = set(info) if polish is None else polish
    uf: UnionFind[str] = UnionFind(info)
    by_name: dict[tuple[str, str], str] = {}
    for key, ent in info.items():
        for n in (*names_of[key], *ent.aliases):
            uf.union(key, by_name.setdefault((ent.type, fold(n)), key))
    out: Renames = {}
    for keys in uf.groups():
        main = max(keys, key=lambda k: (k in polish, len(info[k].aliases), k))
        extra = [n for k in keys for n in (*names_of[k], *info[k].aliases)]
        for k in keys:
            out[k] = (main, info[main].name, extra)
    return out
