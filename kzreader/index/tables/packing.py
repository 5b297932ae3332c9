"""The compact JSON an entity's or event's row keeps of it beside its columns.

A row's columns already hold an entity's key, name and type, or an event's
id, article and date: the JSON leaves those out, lists the other fields by
position instead of naming them, drops trailing empty ones and writes a
mention's text only where it is not the entity's name. Named-field JSON
repeating the columns was a quarter of the state file (22 of 92 MB at
2,000 news articles; 7.4 MB packed).
"""
from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from kzreader.reading.annotations import Entity, Event, Mention

_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# Stored by position, in this order; id, article and date are columns, links a table of their own.
_EVENT_FIELDS = tuple(f.name for f in fields(Event) if f.name not in ("id", "article", "date", "links"))
_BLANK_EVENT = Event("", "", "", "", 0, 0)
# Where a packed event lists its entities' keys, for SQL's json_each.
EVENT_ENTITIES_PATH = f"$[{_EVENT_FIELDS.index('entities')}]"


def _trimmed(values: list[Any], empty: list[Any]) -> list[Any]:
    """`values` less the trailing ones equal to their defaults in `empty`."""
    n = len(values)
    while n and values[n - 1] == empty[n - 1]:
        n -= 1
    return values[:n]


def pack_entity(e: Entity) -> str:
    mentions = [[m.start, m.end] if m.text == e.name else [m.start, m.end, m.text] for m in e.mentions]
    values = [mentions, list(e.aliases), e.amount, e.currency, e.qualifier, e.lang]
    return _COMPACT(_trimmed(values, [[], [], None, None, None, None]))


def unpack_entity(key: str, name: str, etype: str, data: str) -> Entity:
    values = json.loads(data)
    mentions = [Mention(m[0], m[1], m[2] if len(m) > 2 else name) for m in (values[0] if values else [])]
    return Entity(key, name, etype, mentions, *values[1:])  # type: ignore[arg-type]


def pack_event(ev: Event) -> str:
    values = [getattr(ev, name) for name in _EVENT_FIELDS]
    return _COMPACT(_trimmed(values, [getattr(_BLANK_EVENT, name) for name in _EVENT_FIELDS]))


def unpack_event(eid: str, article: str, date: str, data: str) -> Event:
    """The event without its links, which the caller reads from the links table."""
    ev = Event(eid, article, date, "", 0, 0)  # the fields the JSON leaves out keep these, as in `_BLANK_EVENT`
    for name, value in zip(_EVENT_FIELDS, json.loads(data)):
        setattr(ev, name, value)
    return ev
