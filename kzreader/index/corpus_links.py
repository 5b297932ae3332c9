"""A full build's links, with memory that does not grow with the corpus's events.

Linking every event at once held them all: 16.9 GB at 100,000 articles. Here
three passes read the stored events a page at a time: the corpus-wide words
(counted through a temporary SQLite file, since the corpus's different
sentences do not fit in memory either), the sweep in date order
(`WindowLinker`), then what links only copies and events of one article,
an article at a time. The links are those `link_events` gives all at once.
"""
from __future__ import annotations

import hashlib
import heapq
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

from kzreader.index.store import Store
from kzreader.index.tables.events import EVENT_COLUMNS, pair_row
from kzreader.index.tables.packing import unpack_event
from kzreader.index.tables.sql import ANY, chunks, id_list
from kzreader.reading.annotations import Event, Link
from kzreader.reading.link_window import WindowLinker
from kzreader.reading.link_local import link_duplicates, link_within_articles
from kzreader.reading.links import CorpusWords, _facts, _Linker, common_words, name_participants, sentence_words
from kzreader.reading import nations

PAGE = 2000
ARTICLES_AT_ONCE = 500

# Where `link_events` puts an event: its list is in (article, seq) order. Packed in one int, because
# the sweep keeps one for every event of the corpus: (article's rank) * _SEQS + seq.
Place = int
_SEQS = 1 << 20


def link_corpus(store: Store, duplicates: dict[str, str]) -> None:
    """Replace every stored link with the corpus's links, as `link_events` would make them."""
    store.db.execute("DELETE FROM links")
    corpus, misplaced = _corpus_words(store)
    rows: list[tuple[str, str, str, str]] = []

    def emit(a: Event, b: Event, relation: str, reasons: list[str]) -> None:
        rows.append(pair_row(a.id, Link(b.id, relation, reasons)))  # type: ignore[arg-type]
        if len(rows) >= PAGE:
            store.add_links(rows)
            rows.clear()

    articles = [r[0] for r in store.db.execute("SELECT DISTINCT article FROM events ORDER BY article")]
    rank = {a: i for i, a in enumerate(articles)}

    linker = WindowLinker(corpus, duplicates, emit)
    for _day, place, ev in heapq.merge(_dated(store, misplaced, rank), _misplaced(store, misplaced, rank)):
        linker.add(ev, place)
    linker.finish()
    store.add_links(rows)
    store.commit()
    _link_copies(store, corpus, duplicates)
    _link_within_articles(store, duplicates)
    store.commit()


def _corpus_words(store: Store) -> tuple[CorpusWords, dict[str, date | None]]:
    """The corpus's countries and too-common words; and the events whose first day is not the stored one.

    The second are the few the sweep cannot take in the stored order (a date
    the linker reads another way), with the day it sweeps them at (None: never).
    """
    places = [r[0] for r in store.db.execute(
        "SELECT DISTINCT key FROM event_entities WHERE key >= 'place:' AND key < 'place;'")]
    known = nations.places_by_stem(places)
    seen = sqlite3.connect("")  # a temporary file, gone when closed
    seen.executescript("CREATE TABLE sentences(sig BLOB PRIMARY KEY) WITHOUT ROWID;"
                       "CREATE TABLE words(sig BLOB, word TEXT, PRIMARY KEY(sig, word)) WITHOUT ROWID;")
    misplaced: dict[str, date | None] = {}
    for day, *row in _pages(store, f"SELECT rowid, day_start, {EVENT_COLUMNS} FROM events"):
        eid = row[0]
        f = _facts(unpack_event(*row))
        name_participants(f, known)
        sig = hashlib.blake2b(f.signature.encode(), digest_size=16).digest()
        seen.execute("INSERT OR IGNORE INTO sentences VALUES (?)", (sig,))
        seen.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", ((sig, w) for w in sentence_words(f)))
        if (None if f.lo is None else _day_number(f.lo)) != day:
            misplaced[eid] = f.lo
    sentences = seen.execute("SELECT count(*) FROM sentences").fetchone()[0]
    df = Counter(dict(seen.execute("SELECT word, count(*) FROM words GROUP BY word").fetchall()))
    seen.close()
    return CorpusWords(known, common_words(df, sentences)), misplaced


def _pages(store: Store, select: str) -> Iterator[tuple]:  # type: ignore[type-arg]
    """The rows of `SELECT rowid, ... FROM events`, a page at a time, without the rowid."""
    last = 0
    while True:
        page = store.db.execute(f"{select} WHERE rowid > ? ORDER BY rowid LIMIT {PAGE}", (last,)).fetchall()
        if not page:
            return
        last = page[-1][0]
        for row in page:
            yield row[1:]


def _dated(store: Store, misplaced: dict[str, date | None], rank: dict[str, int]) -> Iterator[tuple[date, Place, Event]]:
    """Events in (first day, place) order: the timeline's index order, each day's events sorted by place."""
    key: tuple[int, int, str, int] = (-1, -1, "", -1)
    day: list[tuple[Place, tuple[str, str, str, str]]] = []
    sql = (f"SELECT day_start, day_end, seq, {EVENT_COLUMNS} FROM events WHERE day_start IS NOT NULL "
           "AND (day_start, day_end, article, seq) > (?, ?, ?, ?) ORDER BY day_start, day_end, article, seq "
           f"LIMIT {PAGE}")
    while True:
        page = store.db.execute(sql, key).fetchall()
        for start, end, seq, *row in page:
            eid, article = row[0], row[1]
            if day and start != key[0]:
                yield from _one_day(key[0], day)
                day = []
            key = (start, end, article, seq)
            if eid not in misplaced:
                day.append((_place(rank, article, seq), tuple(row)))
        if len(page) < PAGE:
            yield from _one_day(key[0], day)
            return


def _one_day(number: int, day: list[tuple[Place, tuple[str, str, str, str]]]
             ) -> Iterator[tuple[date, Place, Event]]:
    first = date(number // 10000, number // 100 % 100, number % 100) if day else date.min
    for place, row in sorted(day):
        yield first, place, unpack_event(*row)


def _place(rank: dict[str, int], article: str, seq: int) -> Place:
    if not 0 <= seq < _SEQS:
        raise ValueError(f"{article} has more events than linking counts ({seq})")
    return rank[article] * _SEQS + seq


def _misplaced(store: Store, misplaced: dict[str, date | None], rank: dict[str, int]
               ) -> Iterator[tuple[date, Place, Event]]:
    found = []
    for eid, first in misplaced.items():
        if first is None:
            continue
        seq, *row = store.db.execute(f"SELECT seq, {EVENT_COLUMNS} FROM events WHERE id=?", (eid,)).fetchone()
        found.append((first, _place(rank, row[1], seq), tuple(row)))
    for first, place, row in sorted(found):
        yield first, place, unpack_event(*row)


def _day_number(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _link_copies(store: Store, corpus: CorpusWords, duplicates: dict[str, str]) -> None:
    """A copy's events and its original's that no link joined yet: `link_duplicates`, one copy at a time."""
    linker = _Linker([], duplicates, corpus)
    for copy, original in sorted(duplicates.items()):
        events = store.events_of([copy, original])
        _new_links(store, events, lambda linked: link_duplicates(events, [_facts(ev) for ev in events], linker,
                                                                 linked))


def _link_within_articles(store: Store, duplicates: dict[str, str]) -> None:
    """`link_within_articles`, a few hundred articles at a time."""
    for articles in chunks(store.article_ids(), ARTICLES_AT_ONCE):
        events = store.events_of(articles)
        _new_links(store, events, lambda linked: link_within_articles(events, linked, duplicates))


def _new_links(store: Store, events: list[Event], link: Callable[[set[tuple[int, int]]], None]) -> None:
    """Give `events` their stored links, let `link` add more, and store what it added."""
    where = {ev.id: i for i, ev in enumerate(events)}
    stored: dict[str, list[Link]] = {}
    # Which events and how: their reasons are never read here, and decoding them took a fifth of the time.
    sql = (f"SELECT a, b, relation FROM links WHERE a IN {ANY} "
           f"UNION ALL SELECT b, a, relation FROM links WHERE b IN {ANY}")
    ids = id_list(where)
    for a, b, relation in store.db.execute(sql, (ids, ids)):
        stored.setdefault(a, []).append(Link(b, relation, []))
    linked: set[tuple[int, int]] = set()
    for i, ev in enumerate(events):
        ev.links = stored.get(ev.id, [])
        linked |= {(min(i, j), max(i, j)) for lk in ev.links if (j := where.get(lk.event)) is not None}
    before = {ev.id: len(ev.links) for ev in events}
    link(linked)
    store.add_links(pair_row(ev.id, lk) for ev in events for lk in ev.links[before[ev.id]:] if ev.id < lk.event)
