"""What analysis finds in an article: entities, temporal expressions, events, links.

Plain dataclasses with dict round trips, so the index can store them and the
views can use them without knowing how they were found. Every `start`/`end`
is a character offset into the article's decoded text.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, Literal, TypeVar

EntityType = Literal["person", "place", "org", "money"]
Relation = Literal["same", "conflict", "story", "related"]
# Closest first: one fact, one happening, one fact whose dates disagree, a chain.
RELATION_ORDER: tuple[Relation, ...] = ("same", "story", "conflict", "related")

T = TypeVar("T")


def _from_dict(cls: type[T], data: dict[str, Any]) -> T:
    names = _field_names(cls)
    return cls(**{k: v for k, v in data.items() if k in names})


@cache
def _field_names(cls: type) -> frozenset[str]:
    # A refresh at 100,000 articles reads tens of thousands of stored events;
    # asking dataclasses for the fields of each cost a fifth of a second.
    return frozenset(f.name for f in fields(cls))


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One entity as it appears in one article.

    `key` identifies the entity across the corpus (`person:władimir putin`,
    a gazetteer id, or `money:2.8e10:USD`); `name` is its canonical nominative;
    `aliases` are other canonical names that mean the same (bare surname,
    acronym or expansion, other spellings and scripts); `lang` is the
    language of the article it was read in, when not Polish (None: Polish,
    as every entity stored before articles had a language), so that the
    corpus names an entity in Polish wherever a Polish article names it.
    """

    key: str
    name: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    amount: float | None = None
    currency: str | None = None
    qualifier: str | None = None
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Written out rather than dataclasses.asdict, whose deep copies cost
        # more than the rest of storing an article's entities.
        data = {
            "key": self.key, "name": self.name, "type": self.type,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in self.mentions],
            "aliases": list(self.aliases), "amount": self.amount, "currency": self.currency,
            "qualifier": self.qualifier,
        }
        if self.lang is not None:
            data["lang"] = self.lang
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        ent = _from_dict(cls, data)
        ent.mentions = [m if isinstance(m, Mention) else Mention(**m) for m in ent.mentions]
        return ent


@dataclass(slots=True)
class Timex:
    """A temporal expression, TIMEX3-like.

    `value`: `2025-11-11`, `2025-05`, `2024`, `XXXX-11-03` (year unknown),
    `P4Y` (duration); `kind`: DATE, DURATION or SET; `granularity`: day, month,
    year (or none for durations); `mod`: APPROX, START, END, BEFORE, AFTER...;
    `earliest`/`latest`: ISO days bounding what the expression can mean;
    `note`: why the value is what it is, for a reader (e.g. "document dated
    only to the month").
    """

    start: int
    end: int
    text: str
    value: str
    kind: str = "DATE"
    granularity: str = "day"
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    note: str | None = None

    @property
    def on_timeline(self) -> bool:
        """A resolved calendar date: durations, sets and unknown years stay off the timeline."""
        return self.kind == "DATE" and not self.value.startswith("X") and self.value[:4].isdigit()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Timex":
        return _from_dict(cls, data)


@dataclass(slots=True)
class Link:
    event: str
    relation: Relation
    reasons: list[str] = field(default_factory=list)


def event_id(article: str, n: int) -> str:
    """The id of an article's `n`th event (from 1): `<article>#<n>`."""
    return f"{article}#{n}"


def article_of(event_id: str) -> str:
    """The article an event id belongs to (ids may hold `#` in the article's part)."""
    return event_id.rsplit("#", 1)[0]


@dataclass(slots=True)
class Event:
    """Something the text puts on the calendar.

    `id` is `<article>#<n>`; `text`/`start`/`end` are the temporal expression;
    `sentence_start`/`sentence_end` the sentence it stands in; `entities` the
    keys of the entities mentioned in that sentence; `keywords` the content
    lemmas used to judge links; `label` a short line a reader can scan;
    `lang` the language of its article, whose lemmas its keywords are.
    """

    id: str
    article: str
    date: str
    text: str
    start: int
    end: int
    granularity: str = "day"
    earliest: str | None = None
    latest: str | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    entities: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    label: str = ""
    links: list[Link] = field(default_factory=list)
    lang: str = "pl"

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["entities"] = list(self.entities)
        data["keywords"] = list(self.keywords)
        data["links"] = [{"event": lk.event, "relation": lk.relation, "reasons": list(lk.reasons)} for lk in self.links]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        ev = _from_dict(cls, data)
        ev.links = [lk if isinstance(lk, Link) else Link(**lk) for lk in ev.links]
        return ev
