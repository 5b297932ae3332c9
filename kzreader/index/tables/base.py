"""The state file itself: its schema, the connection and the meta table every other table builds on."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kzreader.index.faults import write_failure

SCHEMA_VERSION = "18"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(id TEXT PRIMARY KEY, path TEXT, fingerprint TEXT, hash TEXT);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, title TEXT, date TEXT, published TEXT, outlet TEXT, url TEXT, author TEXT,
    lang TEXT, date_source TEXT, duplicate_of TEXT, own_date TEXT, encoding TEXT, digest INTEGER,
    regions TEXT, problems TEXT, day_start INTEGER, day_end INTEGER, words INTEGER, rank INTEGER);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day_start);
-- The article list in its order, without reading the rows: 3 s cold, 0.5 s
-- warm at 100,000 articles from the table itself (when its rows held the texts).
CREATE INDEX IF NOT EXISTS articles_list ON articles(day_start IS NULL, day_start DESC, id, title, date, published,
    outlet, url, author, duplicate_of, date_source);
-- What a refresh reads of every article, likewise: 13 s from the table at 100k.
CREATE INDEX IF NOT EXISTS articles_owned ON articles(id, own_date, duplicate_of, rank);
-- Each article's shingle hashes, packed, under a number of its own (an INTEGER PRIMARY KEY, which VACUUM keeps):
-- an index of the (hash, article) pairs by article was 6% of the state.
CREATE TABLE IF NOT EXISTS signatures(num INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, hashes BLOB);
-- A signature's hashes are distinct: the pair is the key, and the table its own index by hash. The article
-- is its signature's number, not its id: 90 pairs an article, 149 of 1,424 MB at 100,000 articles with
-- ids of seven characters, and real ids are paths.
CREATE TABLE IF NOT EXISTS shingles(hash INTEGER, num INTEGER, PRIMARY KEY(hash, num)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names(id TEXT, form TEXT, n INTEGER, PRIMARY KEY(id, form)) WITHOUT ROWID;
-- Each form's count over the corpus, kept as articles come and go: summing
-- the names table took 2 s of every refresh at 100,000 articles.
CREATE TABLE IF NOT EXISTS name_totals(form TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
-- Keyed by (article, place in the article): the table is the index that an article's
-- entities, and the overviews of a search's articles, are read through. Covering indexes by article, key,
-- name and surname beside a table with a rowid were 40% of the state at 10,000 articles.
CREATE TABLE IF NOT EXISTS entities(article TEXT, seq INTEGER, key TEXT, name TEXT, type TEXT, mentions INTEGER,
    data TEXT, PRIMARY KEY(article, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
-- Each folded name an entity is called by, with the number of its articles'
-- entities calling it so: a row per article as well was 12% of the state.
CREATE TABLE IF NOT EXISTS entity_names(name TEXT, key TEXT, n INTEGER NOT NULL, PRIMARY KEY(name, key))
    WITHOUT ROWID;
-- A person's folded surname, counted the same way: a refresh finds the articles naming
-- the same people through it and `entities_key`.
CREATE TABLE IF NOT EXISTS entity_surnames(surname TEXT, key TEXT, n INTEGER NOT NULL, PRIMARY KEY(surname, key))
    WITHOUT ROWID;
-- Each entity's articles and mentions over the corpus, kept as articles come and go.
CREATE TABLE IF NOT EXISTS entity_totals(key TEXT PRIMARY KEY, type TEXT, name TEXT, articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_totals_rank ON entity_totals(articles DESC, key);
CREATE TABLE IF NOT EXISTS events(
    id TEXT PRIMARY KEY, article TEXT, seq INTEGER, date TEXT, day_start INTEGER, day_end INTEGER, data TEXT);
CREATE INDEX IF NOT EXISTS events_order ON events(day_start, day_end, article, seq, id);
-- Covering what a histogram of a search's articles reads of their events.
CREATE INDEX IF NOT EXISTS events_article ON events(article, day_start, day_end, id);
-- Each key an event is found by, beside the event's days, in key and day order: an entity's events
-- per period, and a refresh's neighbours, read one range of it. One direction only (schema 17): an
-- event's own keys are in its data, and the table kept by (event, key) too was 111 MB at 100,000 articles.
-- An event without days has day = day_end = 0 (`NO_DAY`): a key's columns cannot be NULL.
CREATE TABLE IF NOT EXISTS event_entities(key TEXT, day INTEGER, day_end INTEGER, event TEXT,
    PRIMARY KEY(key, day, day_end, event)) WITHOUT ROWID;
-- Each pair once, lower id first: the key is the index by the lower end.
CREATE TABLE IF NOT EXISTS links(a TEXT, b TEXT, relation TEXT, reasons TEXT, PRIMARY KEY(a, b)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_b ON links(b);
"""

WRITER_CACHE_KIB = 128 * 1024
PAGE_BYTES = 16384
VACUUM_CACHE_KIB = 16 * 1024


class StoreError(Exception):
    """The state file is unreadable or from another version: rebuild it."""


class StateFile:
    """The open SQLite file, checked to be of this version's schema; the tables' classes share its `db`."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        try:
            if readonly:
                self.db = _reader(path)
            else:
                self.db = sqlite3.connect(path, timeout=30, check_same_thread=False)
                # Set before the file is first written, and no-op after. An article's row was 2 kB
                # (with its deflated text): one fitted in a 4 kB page with half of it left empty.
                self.db.execute(f"PRAGMA page_size={PAGE_BYTES}")
                self.db.execute("PRAGMA journal_mode=WAL")
                # A build updates several indexes per row; SQLite's default 2 MB
                # cache made it re-read their pages for every article at 100k. Bounded
                # all the same: the build's processes together must fit in 2 GB.
                self.db.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
                self.db.executescript(SCHEMA)
            self.db.execute("PRAGMA synchronous=NORMAL")
            version = self.get_meta("schema")
        except sqlite3.DatabaseError as exc:
            failure = None if readonly else write_failure(exc, path.parent)
            if failure:
                raise failure from None
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

    def compact(self) -> None:
        """Rewrite the file without its empty space, after a build.

        A build adds each index's rows out of their order, leaving pages part
        empty: a tenth of the file at 10,000 articles (229 -> 207 MB, 1 s).
        """
        self.db.commit()
        # VACUUM holds about twice the page cache beside it: at 10,000 articles it took 354 MB with
        # the build's 128 MB cache and 92 MB with 16 MB, in the same 1.2 s (at 100,000 the build's
        # main process went from 1.0 to 1.45 GB in its last seconds).
        self.db.execute(f"PRAGMA cache_size=-{VACUUM_CACHE_KIB}")
        self.db.execute("VACUUM")
        self.db.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection, also to a state file in a folder this process may not write.

    A reader of a WAL file creates its shared-memory file beside it; where the
    folder refuses that, the file is read as immutable, which it is to a reader
    that cannot write there.
    """
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    try:
        db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError as exc:
        if not (getattr(exc, "sqlite_errorname", None) or "").startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
        db.close()
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    return db
