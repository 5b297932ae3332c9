"""The entity recogniser: one article at a time, its candidates found, typed and grouped into entities."""
from __future__ import annotations

import re
from collections.abc import Sequence

from kzreader.language.pl.morphology import analyse
from kzreader.language.pl.names import NameVote
from kzreader.language.tokens import tokenize
from kzreader.reading.annotations import Entity, Mention
from kzreader.reading.entities.acronyms import other_groups
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.forms import NameForms
from kzreader.reading.entities.mentions import Candidate
from kzreader.reading.entities.people import People
from kzreader.reading.entities.scanning import Scanner
from kzreader.reading.entities.single_words import resolve
from kzreader.reading.gazetteer import Gazetteer, load_gazetteer
from kzreader.reading.money import money_entities
from kzreader.reading.name_matching import is_acronym


# A line of short sections joined by `>` or `»`, as sites print their navigation.
_BREADCRUMB = re.compile(r"^(?:[^\n>»]{1,40} [>»] )+[^\n>»]{1,60}$", re.MULTILINE)


class EntityRecognizer:
    """Finds the entities of one article at a time; keep one instance for a whole corpus."""

    def __init__(self, gazetteer: Gazetteer | None = None, names: NameVote | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.names = names

    def recognise(self, text: str, regions: Sequence[tuple[int, int]] | None = None) -> list[Entity]:
        spans = [(0, len(text))] if regions is None else list(regions)
        vote = self.names if self.names is not None else _document_vote(text, spans)
        article = Article(text, self.gazetteer, NameForms(vote))
        scanner = Scanner(article)
        for s, e in spans:
            for a, b in _outside_breadcrumbs(text, s, e):
                scanner.scan(a, b)
        entities = _entities(article)
        entities.extend(money_entities(text, spans))
        entities.sort(key=lambda ent: ent.mentions[0].start)
        return entities


def _outside_breadcrumbs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The region less its breadcrumb lines (`Świat > Azja / 21.09.2022`): a site's sections are no names."""
    out: list[tuple[int, int]] = []
    for crumb in _BREADCRUMB.finditer(text, start, end):
        out.append((start, crumb.start()))
        start = crumb.end()
    out.append((start, end))
    return [(a, b) for a, b in out if a < b]


def _document_vote(text: str, regions: Sequence[tuple[int, int]]) -> NameVote:
    vote = NameVote()
    vote.add(t.text for s, e in regions for t in tokenize(text, s, e) if t.is_capitalised and not analyse(t.text))
    return vote


def _entities(article: Article) -> list[Entity]:
    """Single words typed once the article's people are known, then every group of mentions as one entity."""
    article.cands.sort(key=lambda c: c.start)
    people = People(article)
    for n, cand in enumerate(article.cands):
        if cand.type is None:
            resolve(article, cand, people, article.cands[n - 1] if n else None)
    people.split_pairs()
    groups = people.groups() + other_groups(article)
    return [e for e in (_entity(members) for members in groups) if e is not None]


def _entity(members: list[Candidate]) -> Entity | None:
    typed = sorted((c for c in members if c.type is not None), key=lambda c: c.start)
    if not typed:
        return None
    head = typed[0]
    if head.type != "person":
        # The gazetteer's name first; else an expansion over its acronym, and any name over a web domain.
        head = min(typed, key=lambda c: (not c.aliases, is_acronym(c.name), "domain" in c.hints, c.start))
    kind = head.type
    assert kind is not None
    aliases = list(dict.fromkeys(a for c in typed for a in (c.name, *c.aliases) if a != head.name))
    mentions: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for c in typed:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            mentions.append(Mention(c.start, c.end, c.text))
    return Entity(head.key or f"{kind}:{head.name.lower()}", head.name, kind, mentions, aliases)
