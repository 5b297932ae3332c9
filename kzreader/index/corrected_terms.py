"""Search after the reader's corrections, without writing Whoosh documents again.

Whoosh keeps each article's machine reading in its person/place/org fields.
Writing a document again means indexing its whole text again (about 80 ms
an article: a correction of an entity named in 20 articles took 1.6 s, most
of it in Whoosh). Instead the state keeps, for each corrected article whose
names changed, the terms of those fields as the machine read them and as
corrected, and a query's term on those fields is widened at search time to
the articles that gained it and narrowed by those that lost it.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whoosh import matching, query as wq

from kzreader.index import folder as ix_mod
from kzreader.index.analyzer import polish_analyzer
from kzreader.index.store import Store

# Made with the machine readings' table, by the first correction applied (kzreader.index.corrections).
TABLE = "CREATE TABLE IF NOT EXISTS corrected_terms(article TEXT PRIMARY KEY, terms TEXT)"
FIELDS = ("person", "place", "org")

Terms = dict[str, list[str]]


def field_terms(entities: Sequence[Any]) -> dict[str, set[str]]:
    """The terms Whoosh would index in each entity field for these entities."""
    out: dict[str, set[str]] = {}
    for f, text in ix_mod.entity_fields(list(entities)).items():
        out[f] = set().union(*map(_name_terms, text.split(ix_mod.NAME_SEPARATOR)))
    return out


@lru_cache(maxsize=20000)
def _name_terms(name: str) -> frozenset[str]:
    # The same names come back in every article of an entity: each is analysed once.
    return frozenset(t.text for t in polish_analyzer()(name, mode="index"))


def record(store: Store, aid: str, machine: Sequence[Any], fixed: Sequence[Any]) -> None:
    """Keep what the corrections changed in the article's entity fields (nothing when they changed nothing)."""
    store.db.execute("DELETE FROM corrected_terms WHERE article=?", (aid,))
    if ix_mod.entity_fields(list(machine)) == ix_mod.entity_fields(list(fixed)):
        return
    was, now = field_terms(machine), field_terms(fixed)
    terms = {f: [sorted(was.get(f, ())), sorted(now.get(f, ()))] for f in FIELDS
             if was.get(f, set()) != now.get(f, set())}
    if terms:
        store.db.execute("INSERT INTO corrected_terms VALUES (?, ?)", (aid, json.dumps(terms, ensure_ascii=False)))


def forget(store: Store, articles: Iterable[str]) -> None:
    store.db.executemany("DELETE FROM corrected_terms WHERE article=?", ((a,) for a in articles))


@dataclass(frozen=True, slots=True)
class Changed:
    """One corrected article's terms in one field: as the machine read them, and as corrected."""

    article: str
    machine: frozenset[str]
    fixed: frozenset[str]


def load(store: Store) -> dict[str, list[Changed]]:
    """Field -> the corrected articles whose terms in it changed."""
    if not store.db.execute("SELECT 1 FROM sqlite_master WHERE name='corrected_terms'").fetchone():
        return {}
    out: dict[str, list[Changed]] = {}
    for aid, terms in store.db.execute("SELECT article, terms FROM corrected_terms"):
        for f, (was, now) in json.loads(terms).items():
            out.setdefault(f, []).append(Changed(aid, frozenset(was), frozenset(now)))
    return out


class CorrectedQuery:
    """Rewrites parsed queries so that entity-field terms find what the corrections say, on one searcher."""

    def __init__(self, searcher: Any, changed: dict[str, list[Changed]]) -> None:
        self._searcher = searcher
        self._changed = changed
        self._docnums: dict[str, int | None] = {}

    def __bool__(self) -> bool:
        return bool(self._changed)

    def rewrite(self, q: wq.Query) -> wq.Query:
        if not self._changed:
            return q
        field = _entity_field(q)
        if field is not None:
            return self._leaf(q, field)
        if q.is_leaf():
            return q
        return q.apply(self.rewrite)

    def _leaf(self, q: wq.Query, field: str) -> wq.Query:
        lost: set[int] = set()
        gained: set[int] = set()
        for c in self._changed.get(field, ()):
            before, after = _matches(q, c.machine), _matches(q, c.fixed)
            if before is None or before == after:
                continue
            docnum = self._docnum(c.article)
            if docnum is not None:
                (lost if before else gained).add(docnum)
        if lost:
            q = wq.AndNot(q, Articles(frozenset(lost), self._searcher))
        if gained:
            q = wq.Or([q, Articles(frozenset(gained), self._searcher, boost=_boost(q))])
        return q

    def _docnum(self, aid: str) -> int | None:
        if aid not in self._docnums:
            self._docnums[aid] = self._searcher.document_number(id=aid)
        return self._docnums[aid]


def _entity_field(q: wq.Query) -> str | None:
    """The entity field of a term, prefix or phrase standing for one name in one field; None for anything else."""
    if isinstance(q, (wq.Term, wq.Prefix, wq.Phrase)):
        field = q.field()
    elif isinstance(q, wq.Sequence):
        fields = {leaf.field() for leaf in q.leaves()}
        field = fields.pop() if len(fields) == 1 else None
    else:
        return None
    return field if field in FIELDS else None


def _matches(q: wq.Query, terms: frozenset[str]) -> bool | None:
    """Whether an article whose field holds `terms` has this name; None where that cannot be told from terms.

    Word order is not kept here: a phrase matches when all its words are in
    the field, which at most widens a corrected name's search a little.
    """
    if isinstance(q, wq.Term):
        return q.text in terms
    if isinstance(q, wq.Prefix):
        return any(t.startswith(q.text) for t in terms)
    if isinstance(q, wq.Phrase):
        return all(w in terms for w in q.words)
    if isinstance(q, wq.Or):
        found = [_matches(c, terms) for c in q.subqueries]
        return None if None in found else any(found)
    if isinstance(q, (wq.Sequence, wq.And)):
        found = [_matches(c, terms) for c in q.subqueries]
        return None if None in found else all(found)
    return None


def _boost(q: wq.Query) -> float:
    return float(getattr(q, "boost", 1.0) or 1.0)


class Articles(wq.Query):
    """The articles of these document numbers, each scoring `boost`: what a correction adds to or takes from a term.

    The numbers are the top searcher's; Whoosh asks for a matcher per segment,
    so each segment gets those that fall in it.
    """

    def __init__(self, docnums: frozenset[int], top: Any, boost: float = 1.0) -> None:
        self.docnums = docnums
        self.top = top
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Articles) and self.docnums == other.docnums and self.boost == other.boost

    def __hash__(self) -> int:
        return hash(self.docnums) ^ hash(self.boost)

    def __repr__(self) -> str:
        return f"Articles({len(self.docnums)} corrected)"

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.docnums)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        offset, count = 0, None
        if searcher is not self.top:
            for sub, start in self.top.leaf_searchers():
                if sub is searcher:
                    offset, count = start, sub.doc_count_all()
                    break
        local = sorted(d - offset for d in self.docnums if d >= offset and (count is None or d < offset + count))
        if not local:
            return matching.NullMatcher()
        return matching.ListMatcher(local, all_weights=self.boost)
