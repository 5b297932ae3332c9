"""Counts over the stored events and entities: coverage over time, who is in the corpus, who appears with whom.

Plain SQL over the tables a build already fills, answered from covering
indexes (`events_order`, the `event_entities` table in key and day order);
only who appears with whom reads the events' JSON, for each event's other
keys. A search's entities are counted from the `entities` rows of its
articles, which the table's key finds.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kzreader.index.tables.events import A_REPEAT, NO_DAY, EventTables
from kzreader.index.tables.packing import EVENT_ENTITIES_PATH
from kzreader.index.tables.sql import ANY, id_list

# A stored (first day, last day) as yyyymmdd numbers.
DayRange = tuple[int, int]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


class StatsTables(EventTables):
    """Aggregates for the views' overviews; what a row means is `kzreader.library.stats`'s to say."""

    def event_spans(self, start: int | None = None, end: int | None = None,
                    entity_keys: Sequence[str] | None = None, articles: Sequence[str] | None = None,
                    fold_copies: bool = False, with_keys: Sequence[str] | None = None) -> list[tuple[int, int, int]]:
        """(first day, last day, events) for each day range the filtered dated events have.

        Grouped by the whole range, so a month-only or year-only date stays
        distinguishable from a day: a few thousand rows for a million events.
        """
        where, args = self._event_filter(start, end, None, articles, False, False, with_keys)
        group = " GROUP BY e.day_start, e.day_end"
        naming = f"e.id IN (SELECT event FROM event_entities WHERE key IN ({_marks(entity_keys)}))" \
            if entity_keys else ""
        args += tuple(entity_keys or ())
        if entity_keys and (start, end, articles, with_keys) == (None, None, None, None):
            # One entity's events straight from the (key, day, day_end, event) index:
            # reading them from the events table cost a second for 75,000 events.
            counted = "count(DISTINCT event)" if len(entity_keys) > 1 else "count(*)"
            sql = (f"SELECT day, day_end, {counted} FROM event_entities WHERE key IN ({_marks(entity_keys)}) "
                   f"AND day > {NO_DAY} GROUP BY day, day_end")
            counts = {(a, b): n for a, b, n in self.db.execute(sql, entity_keys)}
        else:
            counts = {(a, b): n for a, b, n in self.db.execute(
                f"SELECT e.day_start, e.day_end, count(*) FROM events e{where}{' AND ' if naming else ''}{naming}"
                f"{group}", args)}
        if fold_copies:
            # All less the repeats, rather than testing every event for being one: the
            # repeats are found from the reprints' few events, and the test cost 2 s a million.
            # `+e.id` keeps SQLite from starting at the entity's events instead.
            also = f" AND +{naming}" if naming else ""
            sql = f"SELECT e.day_start, e.day_end, count(*) FROM events e{where}{also} AND {A_REPEAT}{group}"
            for a, b, n in self.db.execute(sql, args):
                counts[a, b] -= n
        return [(a, b, n) for (a, b), n in counts.items() if n]

    def top_entities(self, articles: Sequence[str] | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """The entities named in the most articles (of `articles`, or of all), with their mention counts.

        The corpus's from the running totals; a search's by counting its
        articles' rows (an entity is stored once per article). The name is the
        longest the entity has (`Kasym-Żomart Tokajew` over `Tokajew`).
        """
        if articles is None:
            rows = self.db.execute("SELECT key, type, articles, mentions, name FROM entity_totals WHERE articles > 0 "
                                   "ORDER BY articles DESC, key LIMIT ?", (limit,)).fetchall()
        else:
            # With one max() in the query, SQLite takes the bare `name` from the row holding it.
            rows = [row[:4] + row[5:] for row in self.db.execute(
                f"SELECT key, type, count(*) AS n, sum(mentions), max(length(name)), name FROM entities "
                f"WHERE article IN {ANY} GROUP BY key ORDER BY n DESC, key LIMIT ?", (id_list(articles), limit))]
        return [{"key": key, "type": etype, "articles": n, "mentions": mentions, "name": name}
                for key, etype, n, mentions, name in rows]

    def entity_days(self, keys: Iterable[str]) -> dict[str, tuple[DayRange | None, DayRange | None]]:
        """key -> the (first day, last day) ranges of its earliest and its latest dated event.

        Ranges, not days, so that an event known only to its year shows as that
        year. Two queries, each one seek of the (key, day) index.
        """
        first = f"SELECT day, day_end FROM event_entities WHERE key = ? AND day > {NO_DAY} ORDER BY day LIMIT 1"
        last = f"SELECT day, day_end FROM event_entities WHERE key = ? AND day > {NO_DAY} ORDER BY day DESC LIMIT 1"
        return {key: (self.db.execute(first, (key,)).fetchone(), self.db.execute(last, (key,)).fetchone())
                for key in keys}

    def entity_months(self, key: str) -> list[tuple[int, int]]:
        """(yyyymm, events) of the dated events naming `key`, a range scan of the (key, day) index."""
        return [(m, n) for m, n in self.db.execute(
            f"SELECT day / 100, count(*) FROM event_entities WHERE key = ? AND day > {NO_DAY} GROUP BY day / 100",
            (key,))]

    def entity_info(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """key -> (type, longest name) for these keys, from the running totals."""
        out: dict[str, tuple[str, str]] = {}
        for key in keys:
            row = self.db.execute("SELECT type, name FROM entity_totals WHERE key = ?", (key,)).fetchone()
            if row:
                out[key] = (row[0], row[1])
        return out

    def cooccurring(self, keys: Sequence[str], articles: Sequence[str] | None = None,
                    limit: int = 50) -> list[tuple[str, int, int | None, int | None]]:
        """(key, shared events, first day, last day) of the entities sharing most events with `keys`.

        Walks the events naming `keys` on the (key, day) index and reads the
        other keys from each event's own list of its entities.
        """
        if not keys:
            return []
        marks = _marks(keys)
        # An event names a key once; only several keys (one name, two entities) can count an event twice.
        counted = "count(DISTINCT a.event)" if len(keys) > 1 else "count(*)"
        sql = (f"SELECT b.value, {counted} AS n, min(NULLIF(a.day, {NO_DAY})), max(NULLIF(a.day, {NO_DAY})) "
               f"FROM event_entities a JOIN events e ON e.id = a.event, json_each(e.data, ?) b "
               f"WHERE a.key IN ({marks}) AND b.value NOT IN ({marks})")
        args: list[Any] = [EVENT_ENTITIES_PATH, *keys, *keys]
        if articles is not None:
            sql += f" AND e.article IN {ANY}"
            args.append(id_list(articles))
        sql += " GROUP BY b.value ORDER BY n DESC, b.value LIMIT ?"
        return [(k, n, first, last) for k, n, first, last in self.db.execute(sql, (*args, limit))]
