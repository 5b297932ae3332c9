"""Events, the entities and key words they are found by, and the links between them; the timeline's pages."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kzreader.index.tables.base import StateFile
from kzreader.index.tables.packing import pack_event, pack_reasons, unpack_event, unpack_reasons
from kzreader.index.tables.sql import ANY, chunks, id_list
from kzreader.reading.annotations import RELATION_ORDER, Event, Link

KEYWORD_KEYS = 3
# The days `event_entities` gives an event that has none: its key columns cannot be NULL, and no date is day 0.
NO_DAY = 0
_RANK = {r: n for n, r in enumerate(RELATION_ORDER)}


def event_keys(ev: Event) -> set[str]:
    """What an event is found by when linking: its entities and its leading key words.

    Key words let two reports of one figure meet even when their amounts are
    different entities (24 and 24,5 mld dol.).
    """
    return set(ev.entities) | {f"kw:{k}" for k in ev.keywords[:KEYWORD_KEYS]}


# An event of a reprint that its original reports too (a `same` link into the
# original): folded into the original's row. The article test comes first, so
# only a reprint's events look at their links.
# A link is stored once, either way round, so both ends are looked at.
A_REPEAT = (
    "(e.article IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL) AND EXISTS ("
    "SELECT 1 FROM links l JOIN events o ON o.id = (CASE WHEN l.a = e.id THEN l.b ELSE l.a END) "
    "WHERE (l.a = e.id OR l.b = e.id) AND l.relation = 'same' "
    "AND o.article = (SELECT duplicate_of FROM articles WHERE id = e.article)))"
)
_NOT_A_REPEAT = f"NOT {A_REPEAT}"

# What `unpack_event` makes an event of, in its order.
EVENT_COLUMNS = "id, article, date, data"


def pair_row(eid: str, link: Link) -> tuple[str, str, str, str]:
    """The one row of a link between two events: lower id first, as the table keeps each pair.

    Both directions were stored until schema 12: 20 million rows, most of the
    state, at 100,000 articles.
    """
    a, b = sorted((eid, link.event))
    return a, b, link.relation, pack_reasons(link.reasons)


def _key_rows(ev: Event, start: int | None, end: int | None) -> list[tuple[str, int, int, str]]:
    """The event's `event_entities` rows, given its stored days."""
    day, day_end = (start, end) if start is not None and end is not None else (NO_DAY, NO_DAY)
    return [(k, day, day_end, ev.id) for k in sorted(event_keys(ev))]


class EventTables(StateFile):
    """The `events`, `event_entities` and `links` tables."""

    def events_of(self, articles: Iterable[str]) -> list[Event]:
        out: list[Event] = []
        for chunk in chunks(sorted(set(articles)), 500):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE article IN ({marks}) ORDER BY article, seq"
            out.extend(unpack_event(*r) for r in self.db.execute(sql, chunk))
        return out

    def _stored(self, where: str, value: str) -> list[tuple[Event, int | None, int | None]]:
        """Events as stored, with their stored days: what their `event_entities` rows were written from."""
        rows = self.db.execute(f"SELECT {EVENT_COLUMNS}, day_start, day_end FROM events WHERE {where}=?", (value,))
        return [(unpack_event(*row[:4]), row[4], row[5]) for row in rows]

    def delete_events(self, aid: str) -> None:
        stored = self._stored("article", aid)
        for ev, start, end in stored:
            self._drop_keys(ev, start, end)
        for chunk in chunks([ev.id for ev, _, _ in stored], 500):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM links WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk)
        self.db.execute("DELETE FROM events WHERE article=?", (aid,))

    def put_events(self, aid: str, events: Sequence[Event], day_ranges: Sequence[tuple[int, int] | None]) -> None:
        self.delete_events(aid)
        for seq, (ev, days) in enumerate(zip(events, day_ranges)):
            start, end = days if days else (None, None)
            self.db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ev.id, aid, seq, ev.date, start, end, pack_event(ev)),
            )
            self._put_keys(ev, start, end)

    def update_event_entities(self, ev: Event) -> None:
        for was, start, end in self._stored("id", ev.id):
            self._drop_keys(was, start, end)
            self.db.execute("UPDATE events SET data=? WHERE id=?", (pack_event(ev), ev.id))
            self._put_keys(ev, start, end)

    def _put_keys(self, ev: Event, start: int | None, end: int | None) -> None:
        self.db.executemany("INSERT INTO event_entities VALUES (?, ?, ?, ?)", _key_rows(ev, start, end))

    def _drop_keys(self, ev: Event, start: int | None, end: int | None) -> None:
        """Remove the rows `_put_keys` wrote for the event as stored: the table is found by key only."""
        self.db.executemany("DELETE FROM event_entities WHERE key=? AND day=? AND day_end=? AND event=?",
                            _key_rows(ev, start, end))

    def replace_links(self, events: Iterable[Event], owners: set[str]) -> None:
        """Store the links that touch `owners` (event ids); other stored links stay as they are.

        Each pair once, lower id first (`pair_row`): both ends carry the link, so the lower end writes it.
        """
        for chunk in chunks(sorted(owners), 400):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM links WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk)
        self.add_links(pair_row(ev.id, lk) for ev in events for lk in ev.links
                       if ev.id < lk.event and (ev.id in owners or lk.event in owners))

    def add_links(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Insert (a, b, relation, packed reasons) rows, a < b, as `pair_row` makes them."""
        self.db.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", rows)

    def links(self, event_ids: Sequence[str]) -> dict[str, list[Link]]:
        """Each event's links, from whichever end of the pair it is stored at."""
        out: dict[str, list[Link]] = {}
        sql = (f"SELECT a, b, relation, reasons FROM links WHERE a IN {ANY} "
               f"UNION ALL SELECT b, a, relation, reasons FROM links WHERE b IN {ANY} ORDER BY 1, 2")
        ids = id_list(event_ids)
        for a, b, rel, reasons in self.db.execute(sql, (ids, ids)):
            out.setdefault(a, []).append(Link(b, rel, unpack_reasons(reasons)))
        # Closest relation first, then by event: the same order after a refresh as after a rebuild,
        # whichever end of each pair was written first.
        for links in out.values():
            links.sort(key=lambda lk: (_RANK.get(lk.relation, len(_RANK)), lk.event))
        return out

    def events_page(self, *filters: Any, **named: Any) -> list[Event]:
        """Events in date order, filtered by day range, entities and articles, one page at a time (`event_ids`)."""
        return self.events_by_ids(self.event_ids(*filters, **named))

    def event_ids(
        self,
        start: int | None = None,
        end: int | None = None,
        entity_keys: Sequence[str] | None = None,
        articles: Sequence[str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        undated: bool = False,
        fold_copies: bool = False,
        with_keys: Sequence[str] | None = None,
    ) -> list[str]:
        """The ids of the events in date order, filtered by day range, entities and articles, one page at a time."""
        where, args = self._event_filter(start, end, entity_keys, articles, undated, fold_copies, with_keys)
        order = "e.day_start, e.day_end, e.article, e.seq"
        if undated:
            order = "e.day_start IS NULL, " + order
        # Page over the covering index and read `data` for the page's rows only:
        # skipping rows is then cheap at any offset, even in a million events.
        ids = f"SELECT e.id FROM events e{where} ORDER BY {order}"
        if limit is not None:
            ids += " LIMIT ? OFFSET ?"
            args += (limit, offset)
        return [r[0] for r in self.db.execute(ids, args)]

    def events_by_ids(self, page: list[str]) -> list[Event]:
        """The events of these ids, in their order, with their links."""
        # The page's ids as one parameter: a search's events can outnumber SQLite's bound variables.
        sql = f"SELECT {EVENT_COLUMNS} FROM events WHERE id IN {ANY}"
        rows = {r[0]: r for r in self.db.execute(sql, (id_list(page),))}
        events = [unpack_event(*rows[eid]) for eid in page]
        links = self.links([e.id for e in events])
        for ev in events:
            ev.links = links.get(ev.id, [])
        return events

    def events_count(self, start: int | None = None, end: int | None = None,
                     entity_keys: Sequence[str] | None = None, articles: Sequence[str] | None = None,
                     undated: bool = False, fold_copies: bool = False,
                     with_keys: Sequence[str] | None = None) -> int:
        where, args = self._event_filter(start, end, entity_keys, articles, undated, fold_copies, with_keys)
        return int(self.db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])

    def event(self, eid: str) -> Event | None:
        row = self.db.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id=?", (eid,)).fetchone()
        if not row:
            return None
        ev = unpack_event(*row)
        ev.links = self.links([eid]).get(eid, [])
        return ev

    def event_rank(self, eid: str, start: int | None = None, end: int | None = None,
                   entity_keys: Sequence[str] | None = None, articles: Sequence[str] | None = None,
                   fold_copies: bool = False, with_keys: Sequence[str] | None = None) -> int | None:
        """Where an event stands in the timeline these filters select, or None if it is not in it.

        Lets a paged view move its cursor to an event without loading the events before it.
        """
        key = self.db.execute("SELECT day_start, day_end, article, seq FROM events WHERE id=?", (eid,)).fetchone()
        if not key or key[0] is None:
            return None
        where, args = self._event_filter(start, end, entity_keys, articles, False, fold_copies, with_keys)
        joiner = " AND " if where else " WHERE "
        if not self.db.execute(f"SELECT count(*) FROM events e{where}{joiner}e.id=?", (*args, eid)).fetchone()[0]:
            return None
        before = "(e.day_start, e.day_end, e.article, e.seq) < (?, ?, ?, ?)"
        return int(self.db.execute(f"SELECT count(*) FROM events e{where}{joiner}{before}", (*args, *key)).fetchone()[0])

    def _event_filter(self, start: int | None, end: int | None, entity_keys: Sequence[str] | None,
                      articles: Sequence[str] | None, undated: bool,
                      fold_copies: bool = False,
                      with_keys: Sequence[str] | None = None) -> tuple[str, tuple[Any, ...]]:
        """The WHERE clause for these filters; `with_keys`, a second entity, keeps the events naming both."""
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
        for keys in (entity_keys, with_keys):
            if keys:
                marks = ",".join("?" * len(keys))
                clauses.append(f"e.id IN (SELECT event FROM event_entities WHERE key IN ({marks}))")
                args.extend(keys)
        if articles is not None:
            clauses.append(f"e.article IN {ANY}")
            args.append(id_list(articles))
        if fold_copies:
            clauses.append(_NOT_A_REPEAT)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, tuple(args)
