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
import re
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


# How a link's reasons usually begin (`reasons` in reading/links.py, a link set by hand): a stored reason
# keeps one control character for its beginning. A reason beginning otherwise is kept as it is.
_REASON_HEADS = ("shared: ", "key words: ", "same kind of event: ", "place: ", "amounts: ", "dates agree: ",
                 "the next day: ", "days of one happening: ", "dates disagree: ", "another time: ",
                 "repeated by a near-duplicate article (", "same date ", "linked by hand")
_HEAD_CODES = {head: chr(1 + i) for i, head in enumerate(_REASON_HEADS)}
_CODE_HEADS = {code: head for head, code in _HEAD_CODES.items()}
# One match in C per reason, not a test of each beginning: a build packs millions of them.
_HEAD = re.compile("|".join(map(re.escape, _REASON_HEADS)))
_REASON_SEP = "\x1e"


def pack_reasons(reasons: list[str]) -> str:
    """A link's reasons, joined by a separator with their usual beginnings as codes: a million links'
    reasons as JSON were 140 of the 176 MB the links table took at 100,000 articles.

    JSON (which begins with `[`) for what the short form cannot say: no reasons, or a reason that holds
    the separator or begins with a control character or `[`.
    """
    if not reasons or reasons[0].startswith("[") or any(_REASON_SEP in r or r[:1] < " " for r in reasons):
        return _COMPACT(reasons)
    return _REASON_SEP.join(_HEAD_CODES[m.group()] + r[m.end():] if (m := _HEAD.match(r)) else r for r in reasons)


def unpack_reasons(packed: str) -> list[str]:
    if packed.startswith("["):
        return json.loads(packed)
    return [_CODE_HEADS[r[0]] + r[1:] if r[:1] in _CODE_HEADS else r for r in packed.split(_REASON_SEP)]


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
