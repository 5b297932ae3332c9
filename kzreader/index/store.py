"""What the index keeps beside Whoosh's inverted index, in one SQLite file.

Articles (metadata and decoded text), file fingerprints for incremental
refresh, duplicate signatures, the name vote's forms, entities, events and
their links. SQLite gives atomic commits, so a killed indexer leaves the last
committed state, and indexed paging, so the views can walk a timeline of any
size without loading it. Nothing here is pickled: the index folder holds code
only in Whoosh's own files.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzreader.language.folding import fold
from kzreader.reading.annotations import Entity, Event, Link
from kzreader.reading.periods import day_text

SCHEMA_VERSION = "9"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(id TEXT PRIMARY KEY, path TEXT, fingerprint TEXT, hash TEXT);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, title TEXT, date TEXT, published TEXT, outlet TEXT, url TEXT, author TEXT,
    lang TEXT, date_source TEXT, duplicate_of TEXT, own_date TEXT, encoding TEXT, text TEXT,
    regions TEXT, problems TEXT, day_start INTEGER, day_end INTEGER, words INTEGER, rank INTEGER);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day_start);
-- The article list in its order, without reading the rows (which hold the
-- texts): 3 s cold, 0.5 s warm at 100,000 articles from the table itself.
CREATE INDEX IF NOT EXISTS articles_list ON articles(day_start IS NULL, day_start DESC, id, title, date, published,
    outlet, url, author, duplicate_of, date_source);
-- What a refresh reads of every article, likewise: 13 s from the table at 100k.
CREATE INDEX IF NOT EXISTS articles_owned ON articles(id, own_date, duplicate_of, rank);
CREATE TABLE IF NOT EXISTS shingles(hash INTEGER, id TEXT);
CREATE INDEX IF NOT EXISTS shingles_hash ON shingles(hash);
CREATE INDEX IF NOT EXISTS shingles_id ON shingles(id);
CREATE TABLE IF NOT EXISTS names(id TEXT, form TEXT, n INTEGER);
CREATE INDEX IF NOT EXISTS names_id ON names(id);
-- Each form's count over the corpus, kept as articles come and go: summing
-- the names table took 2 s of every refresh at 100,000 articles.
CREATE TABLE IF NOT EXISTS name_totals(form TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities(article TEXT, key TEXT, name TEXT, type TEXT, mentions INTEGER, data TEXT,
    last TEXT);
CREATE INDEX IF NOT EXISTS entities_last ON entities(last);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE TABLE IF NOT EXISTS entity_names(article TEXT, key TEXT, name TEXT);
CREATE INDEX IF NOT EXISTS entity_names_name ON entity_names(name);
CREATE INDEX IF NOT EXISTS entity_names_article ON entity_names(article);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article);
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
CREATE TABLE IF NOT EXISTS events(
    id TEXT PRIMARY KEY, article TEXT, seq INTEGER, date TEXT, day_start INTEGER, day_end INTEGER, data TEXT);
CREATE INDEX IF NOT EXISTS events_order ON events(day_start, day_end, article, seq, id);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE TABLE IF NOT EXISTS event_entities(event TEXT, key TEXT, day INTEGER);
CREATE INDEX IF NOT EXISTS event_entities_key ON event_entities(key, day);
CREATE INDEX IF NOT EXISTS event_entities_event ON event_entities(event);
CREATE TABLE IF NOT EXISTS links(a TEXT, b TEXT, relation TEXT, reasons TEXT);
CREATE INDEX IF NOT EXISTS links_a ON links(a);
CREATE INDEX IF NOT EXISTS links_b ON links(b);
"""


# A list of ids of any length as one parameter: a search used as a filter can
# match more articles than SQLite allows bound variables (32,766 by default).
_ANY = "(SELECT value FROM json_each(?))"


# One encoder for the millions of link reasons a build writes: json.dumps with
# options makes a new encoder per call.
_JSON = json.JSONEncoder(ensure_ascii=False).encode


def _id_list(ids: Iterable[str]) -> str:
    return _JSON(list(ids))


class StoreError(Exception):
    """The state file is unreadable or from another version: rebuild it."""


@dataclass(slots=True)
class ArticleRecord:
    """An article as the index holds it: plain data for the views."""

    id: str
    title: str | None
    date: str | None
    published: str | None
    outlet: str | None
    url: str | None
    author: str | None
    lang: str | None
    date_source: str | None
    duplicate_of: str | None
    encoding: str
    text: str
    regions: list[tuple[int, int]]
    problems: list[str]
    words: int

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "author": self.author,
            "duplicate_of": self.duplicate_of,
            "date_source": self.date_source,
        }


_ARTICLE_COLUMNS = (
    "id, title, date, published, outlet, url, author, lang, date_source, duplicate_of, encoding, text, "
    "regions, problems, words"
)


def _record(row: Sequence[Any]) -> ArticleRecord:
    regions = [tuple(r) for r in json.loads(row[12] or "[]")]
    return ArticleRecord(*row[:12], regions, json.loads(row[13] or "[]"), row[14])  # type: ignore[arg-type]


WRITER_CACHE_KIB = 256 * 1024


class Store:
    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
            else:
                self.db = sqlite3.connect(path, timeout=30, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                # A build updates several indexes per row; SQLite's default 2 MB
                # cache made it re-read their pages for every article at 100k.
                self.db.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
                self.db.executescript(_SCHEMA)
            self.db.execute("PRAGMA synchronous=NORMAL")
            version = self.get_meta("schema")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path.name} is not a readable index state ({exc})") from None
        if version is None and not readonly:
            self.set_meta("schema", SCHEMA_VERSION)
            self.db.commit()
        elif version != SCHEMA_VERSION:
            raise StoreError(f"{path.name} was written by another version of kzreader (schema {version})")

    def close(self) -> None:
        self.db.close()

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def commit(self) -> None:
        self.db.commit()

    # files -----------------------------------------------------------------
    def files(self) -> dict[str, tuple[str, str, str]]:
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT id, path, fingerprint, hash FROM files")}

    def put_file(self, aid: str, path: str, fingerprint: str, digest: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (aid, path, fingerprint, digest))

    # articles ----------------------------------------------------------------
    def put_article(self, rec: ArticleRecord, own_date: str | None, day_range: tuple[int, int] | None, rank: int) -> None:
        start, end = day_range if day_range else (None, None)
        self.db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rec.id, rec.title, rec.date, rec.published, rec.outlet, rec.url, rec.author, rec.lang,
                rec.date_source, rec.duplicate_of, own_date, rec.encoding, rec.text, json.dumps(rec.regions),
                json.dumps(rec.problems, ensure_ascii=False), start, end, rec.words, rank,
            ),
        )

    def article(self, aid: str) -> ArticleRecord | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id=?", (aid,)).fetchone()
        return _record(row) if row else None

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def summaries(self, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Article metadata without text, newest first (undated last)."""
        cols = "id, title, date, published, outlet, url, author, duplicate_of, date_source"
        sql = f"SELECT {cols} FROM articles"
        args: tuple[Any, ...] = ()
        if ids is not None:
            sql += f" WHERE id IN {_ANY}"
            args = (_id_list(ids),)
        sql += " ORDER BY day_start IS NULL, day_start DESC, id"
        keys = [c.strip() for c in cols.split(",")]
        return [dict(zip(keys, row)) for row in self.db.execute(sql, args)]

    def own_dates(self) -> dict[str, tuple[str | None, str | None, int]]:
        """id -> (date from its own file or sidecar, duplicate_of, metadata rank)."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT id, own_date, duplicate_of, rank FROM articles")}

    def set_duplicate(self, aid: str, original: str | None, date: str | None, source: str | None,
                      day_range: tuple[int, int] | None) -> None:
        start, end = day_range if day_range else (None, None)
        self.db.execute(
            "UPDATE articles SET duplicate_of=?, date=?, date_source=?, day_start=?, day_end=? WHERE id=?",
            (original, date, source, start, end, aid),
        )

    def delete_article(self, aid: str) -> None:
        self._drop_names(aid)
        for table, col in (("files", "id"), ("articles", "id"), ("shingles", "id"),
                           ("entities", "article"), ("entity_names", "article")):
            self.db.execute(f"DELETE FROM {table} WHERE {col}=?", (aid,))
        self.delete_events(aid)

    # duplicates --------------------------------------------------------------
    def put_signature(self, aid: str, sig: Sequence[int]) -> None:
        self.db.execute("DELETE FROM shingles WHERE id=?", (aid,))
        self.db.executemany("INSERT INTO shingles VALUES (?, ?)", ((h, aid) for h in sig))

    def signature(self, aid: str) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT hash FROM shingles WHERE id=?", (aid,))]

    def signature_sizes(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, count(*) FROM shingles GROUP BY id")}

    def signature_size(self, aid: str) -> int:
        return int(self.db.execute("SELECT count(*) FROM shingles WHERE id=?", (aid,)).fetchone()[0])

    def frequent_hashes(self, common: int) -> set[int]:
        """Hashes more than `common` articles hold, in one pass: for checking many articles at once."""
        return {r[0] for r in self.db.execute(
            "SELECT hash FROM shingles GROUP BY hash HAVING count(*) > ?", (common,))}

    def shared(self, sig: Sequence[int], common: int, frequent: set[int] | None = None) -> Counter[str]:
        """How many of these hashes each article holds, leaving out hashes more than `common` articles hold.

        Without `frequent`, each hash's holders are counted only up to
        `common` + 1: a hash that thousands of articles share must not cost
        thousands of steps for every article that has it.
        """
        if frequent is None:
            rare = [h for h in sig if self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM shingles WHERE hash=? LIMIT ?)", (h, common + 1)
            ).fetchone()[0] <= common]
        else:
            rare = [h for h in sig if h not in frequent]
        counts: Counter[str] = Counter()
        for part in _chunks(rare, 500):
            sql = f"SELECT id FROM shingles WHERE hash IN ({','.join('?' * len(part))})"
            counts.update(r[0] for r in self.db.execute(sql, part))
        return counts

    # names -------------------------------------------------------------------
    def put_names(self, aid: str, forms: Counter[str]) -> None:
        self._drop_names(aid)
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?)", ((aid, f, n) for f, n in forms.items()))
        self._count_names(forms.items())

    def _drop_names(self, aid: str) -> None:
        old = self.db.execute("SELECT form, n FROM names WHERE id=?", (aid,)).fetchall()
        if old:
            self._count_names((form, -n) for form, n in old)
            self.db.execute("DELETE FROM names WHERE id=?", (aid,))

    def _count_names(self, changes: Iterable[tuple[str, int]]) -> None:
        self.db.executemany("INSERT INTO name_totals(form, n) VALUES (?, ?) "
                            "ON CONFLICT(form) DO UPDATE SET n = n + excluded.n", changes)

    def name_forms(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT form, n FROM name_totals WHERE n > 0")}

    def put_name_choices(self, choices: dict[str, str]) -> None:
        # Kept beside the forms: summing every article's forms took a second
        # of the app's start at 100,000 articles.
        self.set_meta("name_choices", json.dumps(choices, ensure_ascii=False))

    def name_choices(self) -> dict[str, str]:
        """The name vote's base form for each unknown name form, as the last build decided it."""
        stored = self.get_meta("name_choices")
        return dict(json.loads(stored)) if stored else {}

    # entities ----------------------------------------------------------------
    def put_entities(self, aid: str, entities: Sequence[Entity]) -> None:
        self.db.execute("DELETE FROM entities WHERE article=?", (aid,))
        self.db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((aid, e.key, e.name, e.type, len(e.mentions), json.dumps(e.to_dict(), ensure_ascii=False),
              _last_word(e.name) if e.type == "person" else None)
             for e in entities),
        )
        # Every way a reader may name an entity, folded, so a filter by name is an index lookup.
        self.db.execute("DELETE FROM entity_names WHERE article=?", (aid,))
        self.db.executemany(
            "INSERT INTO entity_names VALUES (?, ?, ?)",
            ((aid, e.key, n) for e in entities
             for n in {fold(x) for x in (e.name, e.key.split(":", 1)[-1], *e.aliases)}),
        )

    def entities(self, aid: str) -> list[Entity]:
        return [Entity.from_dict(json.loads(r[0]))
                for r in self.db.execute("SELECT data FROM entities WHERE article=? ORDER BY rowid", (aid,))]

    def entities_of(self, articles: Iterable[str]) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        for chunk in _chunks(sorted(set(articles)), 500):
            sql = f"SELECT article, data FROM entities WHERE article IN ({','.join('?' * len(chunk))}) ORDER BY rowid"
            for aid, data in self.db.execute(sql, chunk):
                out.setdefault(aid, []).append(Entity.from_dict(json.loads(data)))
        return out

    def each_entity(self) -> Iterator[Entity]:
        """Every stored entity, streamed: a corpus-wide pass without the corpus in memory."""
        for (data,) in self.db.execute("SELECT data FROM entities"):
            yield Entity.from_dict(json.loads(data))

    def articles_naming(self, surnames: Iterable[str], names: Iterable[str], limit: int) -> set[str]:
        """Articles with a person of one of these surnames, or an entity of one of these names."""
        found: set[str] = set()
        for column, values in (("last", surnames), ("name", names)):
            for chunk in _chunks(sorted(set(values)), 500):
                sql = (f"SELECT DISTINCT article FROM entities WHERE {column} IN ({','.join('?' * len(chunk))}) "
                       f"LIMIT {limit}")
                found.update(r[0] for r in self.db.execute(sql, chunk))
        return found

    def events_near(self, keys: Iterable[str], start: int, end: int, per_key: int) -> list[Event]:
        """For each key, the events naming it nearest in date on either side of the range's middle.

        Two range scans of the (key, day) index per key, each stopping after
        `per_key` rows, whatever the number of events that name the key.
        """
        middle = (start + end) // 2
        after = ("SELECT event FROM event_entities WHERE key = ? AND day >= ? AND day <= ? "
                 "ORDER BY day LIMIT ?")
        before = ("SELECT event FROM event_entities WHERE key = ? AND day < ? AND day >= ? "
                  "ORDER BY day DESC LIMIT ?")
        ids: dict[str, None] = {}
        for key in sorted(set(keys)):
            for sql, bound in ((after, end), (before, start)):
                for (eid,) in self.db.execute(sql, (key, middle, bound, per_key // 2)):
                    ids.setdefault(eid, None)
        out: list[Event] = []
        for chunk in _chunks(list(ids), 500):
            rows = self.db.execute(f"SELECT data FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            out.extend(Event.from_dict(json.loads(r[0])) for r in rows)
        return out

    def events_of(self, articles: Iterable[str]) -> list[Event]:
        out: list[Event] = []
        for chunk in _chunks(sorted(set(articles)), 500):
            sql = f"SELECT data FROM events WHERE article IN ({','.join('?' * len(chunk))}) ORDER BY article, seq"
            out.extend(Event.from_dict(json.loads(r[0])) for r in self.db.execute(sql, chunk))
        return out

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
            sql += f" WHERE e.article IN {_ANY}"
            args = (_id_list(ids),)
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

    # events ------------------------------------------------------------------
    def delete_events(self, aid: str) -> None:
        ids = [r[0] for r in self.db.execute("SELECT id FROM events WHERE article=?", (aid,))]
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM event_entities WHERE event IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM links WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk)
        self.db.execute("DELETE FROM events WHERE article=?", (aid,))

    def put_events(self, aid: str, events: Sequence[Event], day_ranges: Sequence[tuple[int, int] | None]) -> None:
        self.delete_events(aid)
        for seq, (ev, days) in enumerate(zip(events, day_ranges)):
            start, end = days if days else (None, None)
            data = ev.to_dict()
            data.pop("links", None)
            self.db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ev.id, aid, seq, ev.date, start, end, json.dumps(data, ensure_ascii=False)),
            )
            self.db.executemany("INSERT INTO event_entities VALUES (?, ?, ?)",
                                ((ev.id, k, start) for k in event_keys(ev)))

    def update_event_entities(self, ev: Event) -> None:
        data = ev.to_dict()
        data.pop("links", None)
        self.db.execute("UPDATE events SET data=? WHERE id=?", (json.dumps(data, ensure_ascii=False), ev.id))
        self.db.execute("DELETE FROM event_entities WHERE event=?", (ev.id,))
        day = self.db.execute("SELECT day_start FROM events WHERE id=?", (ev.id,)).fetchone()
        self.db.executemany("INSERT INTO event_entities VALUES (?, ?, ?)",
                            ((ev.id, k, day[0] if day else None) for k in event_keys(ev)))

    def replace_links(self, events: Iterable[Event], owners: set[str]) -> None:
        """Store the links that touch `owners` (event ids); other stored links stay as they are."""
        for chunk in _chunks(sorted(owners), 400):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM links WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk)
        # Both directions of a link share one reasons list: encode it once.
        encoded: dict[int, str] = {}

        def reasons(lk: Link) -> str:
            text = encoded.get(id(lk.reasons))
            if text is None:
                text = encoded[id(lk.reasons)] = _JSON(lk.reasons)
            return text

        self.db.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?)",
            ((ev.id, lk.event, lk.relation, reasons(lk))
             for ev in events for lk in ev.links if ev.id in owners or lk.event in owners),
        )

    def links(self, event_ids: Sequence[str]) -> dict[str, list[Link]]:
        out: dict[str, list[Link]] = {}
        for chunk in _chunks(list(event_ids), 500):
            sql = f"SELECT a, b, relation, reasons FROM links WHERE a IN ({','.join('?' * len(chunk))}) ORDER BY rowid"
            for a, b, rel, reasons in self.db.execute(sql, chunk):
                out.setdefault(a, []).append(Link(b, rel, json.loads(reasons)))
        return out

    def events_page(
        self,
        start: int | None = None,
        end: int | None = None,
        entity_keys: Sequence[str] | None = None,
        articles: Sequence[str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        undated: bool = False,
    ) -> list[Event]:
        """Events in date order, filtered by day range, entities and articles, one page at a time."""
        where, args = self._event_filter(start, end, entity_keys, articles, undated)
        order = "e.day_start, e.day_end, e.article, e.seq"
        if undated:
            order = "e.day_start IS NULL, " + order
        # Page over the covering index and read `data` for the page's rows only:
        # skipping rows is then cheap at any offset, even in a million events.
        ids = f"SELECT e.id FROM events e{where} ORDER BY {order}"
        if limit is not None:
            ids += " LIMIT ? OFFSET ?"
            args += (limit, offset)
        page = [r[0] for r in self.db.execute(ids, args)]
        data: dict[str, str] = {}
        for chunk in _chunks(page, 500):
            sql = f"SELECT id, data FROM events WHERE id IN ({','.join('?' * len(chunk))})"
            data.update(self.db.execute(sql, chunk).fetchall())
        events = [Event.from_dict(json.loads(data[eid])) for eid in page]
        links = self.links([e.id for e in events])
        for ev in events:
            ev.links = links.get(ev.id, [])
        return events

    def events_count(self, start: int | None = None, end: int | None = None,
                     entity_keys: Sequence[str] | None = None, articles: Sequence[str] | None = None,
                     undated: bool = False) -> int:
        where, args = self._event_filter(start, end, entity_keys, articles, undated)
        return int(self.db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])

    def event(self, eid: str) -> Event | None:
        row = self.db.execute("SELECT data FROM events WHERE id=?", (eid,)).fetchone()
        if not row:
            return None
        ev = Event.from_dict(json.loads(row[0]))
        ev.links = self.links([eid]).get(eid, [])
        return ev

    def event_rank(self, eid: str, start: int | None = None, end: int | None = None,
                   entity_keys: Sequence[str] | None = None, articles: Sequence[str] | None = None) -> int | None:
        """Where an event stands in the timeline these filters select, or None if it is not in it.

        Lets a paged view move its cursor to an event without loading the events before it.
        """
        key = self.db.execute("SELECT day_start, day_end, article, seq FROM events WHERE id=?", (eid,)).fetchone()
        if not key or key[0] is None:
            return None
        where, args = self._event_filter(start, end, entity_keys, articles, undated=False)
        joiner = " AND " if where else " WHERE "
        if not self.db.execute(f"SELECT count(*) FROM events e{where}{joiner}e.id=?", (*args, eid)).fetchone()[0]:
            return None
        before = "(e.day_start, e.day_end, e.article, e.seq) < (?, ?, ?, ?)"
        return int(self.db.execute(f"SELECT count(*) FROM events e{where}{joiner}{before}", (*args, *key)).fetchone()[0])

    def _event_filter(self, start: int | None, end: int | None, entity_keys: Sequence[str] | None,
                      articles: Sequence[str] | None, undated: bool) -> tuple[str, tuple[Any, ...]]:
        clauses: list[str] = []
        args: list[Any] = []
        if not undated:
            clauses.append("e.day_start IS NOT NULL")
        if start is not None:
            clauses.append("e.day_end >= ?")
            args.append(start)
        if end is not None:
            clauses.append("e.day_start <= ?")
            args.append(end)
        if entity_keys:
            marks = ",".join("?" * len(entity_keys))
            clauses.append(f"e.id IN (SELECT event FROM event_entities WHERE key IN ({marks}))")
            args.extend(entity_keys)
        if articles is not None:
            clauses.append(f"e.article IN {_ANY}")
            args.append(_id_list(articles))
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, tuple(args)

    def entity_keys_matching(self, name: str) -> list[str]:
        """Keys of entities whose name, key or alias is `name` (case and diacritics aside)."""
        rows = self.db.execute("SELECT DISTINCT key FROM entity_names WHERE name=? ORDER BY key", (fold(name.strip()),))
        return [r[0] for r in rows]

KEYWORD_KEYS = 3


def event_keys(ev: Event) -> set[str]:
    """What an event is found by when linking: its entities and its leading key words.

    Key words let two reports of one figure meet even when their amounts are
    different entities (24 and 24,5 mld dol.).
    """
    return set(ev.entities) | {f"kw:{k}" for k in ev.keywords[:KEYWORD_KEYS]}


def _last_word(name: str) -> str:
    return fold(name.replace("-", " ").split()[-1]) if name.split() else ""


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _day_text(day: int | None) -> str | None:
    return None if day is None else day_text(day)
