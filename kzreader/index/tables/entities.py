"""Each article's entities, with the folded names a reader may call them by, and the facets over them."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kzreader.index.tables.base import StateFile
from kzreader.index.tables.packing import pack_entity, unpack_entity
from kzreader.index.tables.sql import ANY, chunks, id_list
from kzreader.language.folding import fold
from kzreader.reading.annotations import Entity
from kzreader.reading.periods import day_text


class EntityTables(StateFile):
    """The `entities` and `entity_names` tables."""

    def put_entities(self, aid: str, entities: Sequence[Entity]) -> None:
        self.drop_entities(aid)
        self.db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((aid, seq, e.key, e.name, e.type, len(e.mentions), pack_entity(e)) for seq, e in enumerate(entities)),
        )
        self._count_entities(aid, 1)
        # Every way a reader may name an entity, folded, so a filter by name is an index lookup.
        self._add_names(entities)

    def update_entities(self, aid: str, old: Sequence[Entity], new: Sequence[Entity]) -> None:
        """Write what changed of an article's entities: in place when each keeps its key and place.

        A correction renames or retypes an entity in every article that names
        it: rewriting each article's every entity cost ten times as much.
        """
        keys = [e.key for e in new]
        if [e.key for e in old] != keys or len(set(keys)) != len(keys):
            self.put_entities(aid, new)
            return
        for seq, (was, e) in enumerate(zip(old, new)):
            if was == e:
                continue
            self.db.execute("UPDATE entities SET name=?, type=?, mentions=?, data=? WHERE article=? AND seq=?",
                            (e.name, e.type, len(e.mentions), pack_entity(e), aid, seq))
            self.db.execute("UPDATE entity_totals SET mentions = mentions + ? WHERE key=?",
                            (len(e.mentions) - len(was.mentions), e.key))
            self._drop_names([was])
            self._add_names([e])

    def drop_entities(self, aid: str) -> None:
        self._drop_names(self.entities(aid))
        self._count_entities(aid, -1)
        self.db.execute("DELETE FROM entities WHERE article=?", (aid,))

    def _add_names(self, entities: Sequence[Entity]) -> None:
        self.db.executemany("INSERT INTO entity_names VALUES (?, ?, 1) ON CONFLICT(name, key) DO UPDATE SET n = n + 1",
                            ((n, e.key) for e in entities for n in _folded_names(e)))
        self.db.executemany(
            "INSERT INTO entity_surnames VALUES (?, ?, 1) ON CONFLICT(surname, key) DO UPDATE SET n = n + 1",
            _surnames(entities))

    def _drop_names(self, entities: Sequence[Entity]) -> None:
        """Take back these entities' folded names, each a seek of the (name, key) key; a name no one calls goes."""
        for table, column, named in (("entity_names", "name", [(n, e.key) for e in entities for n in _folded_names(e)]),
                                     ("entity_surnames", "surname", _surnames(entities))):
            self.db.executemany(f"UPDATE {table} SET n = n - 1 WHERE {column}=? AND key=?", named)
            self.db.executemany(f"DELETE FROM {table} WHERE {column}=? AND key=? AND n <= 0", named)

    def _count_entities(self, aid: str, sign: int) -> None:
        """Add (or take back) an article's entities to the running totals the corpus's ranking reads.

        Ranking by counting the entities table took 3 s at 100,000 articles. The
        name kept is the longest an entity has had, which a removal does not shorten.
        """
        self.db.execute(
            "INSERT INTO entity_totals(key, type, name, articles, mentions) "
            "SELECT key, type, name, ?, ? * mentions FROM entities WHERE article = ? "
            "ON CONFLICT(key) DO UPDATE SET articles = articles + excluded.articles, "
            "mentions = mentions + excluded.mentions, "
            "name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END",
            (sign, sign, aid),
        )

    def entities(self, aid: str) -> list[Entity]:
        return [unpack_entity(*r) for r in self.db.execute(
            "SELECT key, name, type, data FROM entities WHERE article=? ORDER BY seq", (aid,))]

    def entities_of(self, articles: Iterable[str]) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        for chunk in chunks(sorted(set(articles)), 500):
            marks = ",".join("?" * len(chunk))
            sql = (f"SELECT article, key, name, type, data FROM entities WHERE article IN ({marks}) "
                   "ORDER BY article, seq")
            for aid, *row in self.db.execute(sql, chunk):
                out.setdefault(aid, []).append(unpack_entity(*row))
        return out

    def each_entity(self) -> Iterator[Entity]:
        """Every stored entity, streamed: a corpus-wide pass without the corpus in memory."""
        for row in self.db.execute("SELECT key, name, type, data FROM entities"):
            yield unpack_entity(*row)

    def articles_naming(self, entities: Sequence[Entity], limit: int) -> set[str]:
        """Up to `limit` articles with a person of these people's surnames, and as many naming an entity so called."""
        found: set[str] = set()
        for table, column, values in (("entity_surnames", "surname", {s for s, _key in _surnames(entities)}),
                                      ("entity_names", "name", {n for e in entities for n in _folded_names(e)})):
            for chunk in chunks(sorted(values), 500):
                sql = (f"SELECT DISTINCT article FROM entities WHERE key IN "
                       f"(SELECT key FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})) LIMIT {limit}")
                found.update(r[0] for r in self.db.execute(sql, chunk))
        return found

    def articles_with_entity(self, key: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT article FROM entities WHERE key=? ORDER BY article", (key,))]

    def entity_facets(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Each entity with its type, mention count, articles and first and last dated appearance."""
        sql = (
            "SELECT e.key, e.type, min(e.name), sum(e.mentions), count(DISTINCT e.article), "
            "group_concat(DISTINCT e.article), min(a.day_start), max(a.day_end) "
            "FROM entities e JOIN articles a ON a.id = e.article"
        )
        args: tuple[Any, ...] = ()
        if ids is not None:
            sql += f" WHERE e.article IN {ANY}"
            args = (id_list(ids),)
        sql += " GROUP BY e.key ORDER BY sum(e.mentions) DESC, e.key"
        names = self._display_names()
        out = []
        for key, etype, name, mentions, n_articles, articles, first, last in self.db.execute(sql, args):
            out.append({
                "key": key, "name": names.get(key, name), "type": etype, "mentions": mentions,
                "articles": sorted((articles or "").split(",")), "article_count": n_articles,
                "first": _day_text(first), "last": _day_text(last),
            })
        return out

    def _display_names(self) -> dict[str, str]:
        """The longest name an entity has anywhere: `Tokajew` in one article, `Kasym-Żomart Tokajew` in another."""
        names: dict[str, str] = {}
        for key, name in self.db.execute("SELECT DISTINCT key, name FROM entities"):
            if len(name) > len(names.get(key, "")):
                names[key] = name
        return names

    def entity_keys_matching(self, name: str) -> list[str]:
        """Keys of entities whose name, key or alias is `name` (case and diacritics aside)."""
        rows = self.db.execute("SELECT key FROM entity_names WHERE name=? ORDER BY key", (fold(name.strip()),))
        return [r[0] for r in rows]


def _folded_names(e: Entity) -> set[str]:
    return {fold(x) for x in (e.name, e.key.split(":", 1)[-1], *e.aliases)}


def _surnames(entities: Sequence[Entity]) -> list[tuple[str, str]]:
    return [(fold(e.name.replace("-", " ").split()[-1]), e.key) for e in entities
            if e.type == "person" and e.name.split()]


def _day_text(day: int | None) -> str | None:
    return None if day is None else day_text(day)
