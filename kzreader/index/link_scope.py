"""Which stored events a refresh must link the touched articles' events against: their possible partners only.

The full build's sweep (`link_events`, `WindowLinker`) lets an event meet
only the last `_NEIGHBOURS` events before it in each of its blocks, and be
met by the next `_NEIGHBOURS` after it. So those, found by the (key, day)
index from each own event's first day, are every partner it can have, and
their number does not grow with the corpus: a refresh reads a few hundred
events at 100,000 articles as at 1,000.
"""
from __future__ import annotations

from kzreader.index.documents import event_days
from kzreader.index.store import Store
from kzreader.index.tables.events import EVENT_COLUMNS, KEYWORD_KEYS, NO_DAY
from kzreader.index.tables.packing import unpack_event
from kzreader.index.tables.sql import ANY, chunks, id_list
from kzreader.reading import money
from kzreader.reading.annotations import Event
from kzreader.reading.links import _NEIGHBOURS

# Events of one key on one day, in the sweep's order by place in the corpus: the stored day cannot tell which
# come before an own event, so all are taken, up to this many (a key's busiest day in a news corpus has a few).
SAME_DAY = 4 * _NEIGHBOURS

_BEFORE = f"SELECT event FROM event_entities WHERE key = ? AND day < ? AND day > {NO_DAY} ORDER BY day DESC LIMIT ?"
_SAME = "SELECT event FROM event_entities WHERE key = ? AND day = ? LIMIT ?"
_AFTER = "SELECT event FROM event_entities WHERE key = ? AND day > ? ORDER BY day LIMIT ?"


def block_keys(ev: Event) -> list[str]:
    """The stored keys of an event's blocks: its participants; its leading key words only when it states a sum."""
    keys = [k for k in ev.entities if not k.startswith(money.KEY_PREFIX)]
    if len(keys) < len(ev.entities):
        keys += [f"kw:{k}" for k in ev.keywords[:KEYWORD_KEYS]]
    return keys


def neighbour_events(store: Store, own: list[Event], touched: set[str], duplicates: dict[str, str],
                     events: dict[str, Event]) -> None:
    """Add to `events` (id -> event) the stored events `own` could be linked with: sweep partners and copies."""
    ids: dict[str, None] = {}
    asked: set[tuple[str, int]] = set()
    for ev in own:
        days = event_days(ev)
        if days is None:
            continue
        for key in block_keys(ev):
            if (key, days[0]) in asked:
                continue
            asked.add((key, days[0]))
            for sql, limit in ((_BEFORE, _NEIGHBOURS), (_SAME, SAME_DAY), (_AFTER, _NEIGHBOURS)):
                for (eid,) in store.db.execute(sql, (key, days[0], limit)):
                    ids.setdefault(eid, None)
    for chunk in chunks([i for i in ids if i not in events], 500):
        for row in store.db.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE id IN {ANY}", (id_list(chunk),)):
            ev = unpack_event(*row)
            events.setdefault(ev.id, ev)
    related = {a for a, d in duplicates.items() if d in touched} | {d for a, d in duplicates.items() if a in touched}
    for ev in store.events_of(related):
        events.setdefault(ev.id, ev)
