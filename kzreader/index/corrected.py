"""What the reader's corrections make of one article's entities and of its events' entity keys.

A pure function of the machine's reading and the corrections, in their
order, so applying them again (after a rebuild, or to an article added
later) gives the same result, and taking one back is applying the others to
the machine's reading. Corrections are plain dicts (`kind` and its fields),
as `kzreader.library.corrections` reads them from the user's file.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from kzreader.language.folding import fold
from kzreader.reading.annotations import Entity

ENTITY_KINDS = frozenset({"rename", "type", "merge", "unmention", "reject"})
LINK_KINDS = frozenset({"unlink", "link"})


@dataclass(slots=True)
class Reading:
    """One article's entities and, for each of its events, the entity keys it names."""

    entities: list[Entity]
    event_keys: dict[str, list[str]] = field(default_factory=dict)

    def same_as(self, other: "Reading") -> bool:
        return self.event_keys == other.event_keys and self.entities == other.entities


def correct(aid: str, text: str, machine: Reading, entries: Sequence[dict[str, Any]]) -> tuple[Reading, list[str]]:
    """The article's reading with every entity correction applied in order, and notices of those dropped."""
    # Corrections only ever assign an entity's fields, never change its lists in place: a shallow copy keeps the
    # machine's reading intact.
    ents = [replace(e) for e in machine.entities]
    keys = {eid: list(ks) for eid, ks in machine.event_keys.items()}
    notes: list[str] = []
    for c in entries:
        kind = c["kind"]
        if kind == "rename":
            for e in ents:
                if e.key == c["key"]:
                    _rename(e, c["name"])
        elif kind == "type":
            for e in ents:
                if e.key == c["key"]:
                    e.type = c["type"]
        elif kind == "merge":
            ents = _merge(ents, keys, c)
        elif kind == "reject":
            name = fold(c["name"])
            gone = [e for e in ents if e.type == c["type"] and fold(e.name) == name]
            ents = _without(ents, keys, gone)
        elif kind == "unmention" and c["article"] == aid:
            if text[c["start"]:c["end"]] != c["text"]:
                notes.append(f"{aid}: the text at {c['start']}-{c['end']} is no longer {c['text']!r}; "
                             "that correction is not applied")
                continue
            ents = _unmention(ents, keys, c["start"], c["end"])
    return Reading(ents, keys), notes


def _rename(e: Entity, name: str) -> None:
    if e.name != name:
        e.aliases = _unique([e.name, *e.aliases], exclude=name)
        e.name = name


def _merge(ents: list[Entity], keys: dict[str, list[str]], c: dict[str, Any]) -> list[Entity]:
    src, into = c["key"], c["into"]
    if src == into:
        return ents
    sources = [e for e in ents if e.key == src]
    target = next((e for e in ents if e.key == into), None)
    names = [n for e in sources for n in (e.name, *e.aliases)] + list(c.get("aliases") or [])
    out: list[Entity] = []
    for e in ents:
        if e.key != src:
            out.append(e)
        elif target is not None:
            target.mentions = sorted([*target.mentions, *e.mentions], key=lambda m: (m.start, m.end))
        else:
            # The first source stands for the target here; any further ones join it.
            e.key = into
            e.type = c.get("type") or e.type
            _rename(e, c.get("name") or e.name)
            target = e
            out.append(e)
    if target is not None:
        target.aliases = _unique([*target.aliases, *names], exclude=target.name)
    for eid, ks in keys.items():
        keys[eid] = _unique(into if k == src else k for k in ks)
    return out


def _unmention(ents: list[Entity], keys: dict[str, list[str]], start: int, end: int) -> list[Entity]:
    emptied: list[Entity] = []
    for e in ents:
        kept = [m for m in e.mentions if (m.start, m.end) != (start, end)]
        if len(kept) != len(e.mentions):
            e.mentions = kept
            if not kept:
                emptied.append(e)
    return _without(ents, keys, emptied)


def _without(ents: list[Entity], keys: dict[str, list[str]], gone: list[Entity]) -> list[Entity]:
    """The entities less `gone`; events stop naming a key no entity of the article has any more."""
    if not gone:
        return ents
    out = [e for e in ents if all(e is not g for g in gone)]
    left = {e.key for e in out}
    dropped = {g.key for g in gone} - left
    for eid, ks in keys.items():
        keys[eid] = [k for k in ks if k not in dropped]
    return out


def _unique(items: Iterable[str], exclude: str | None = None) -> list[str]:
    return [x for x in dict.fromkeys(items) if x != exclude]
