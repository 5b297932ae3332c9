"""The reader's corrections applied to the index: only the articles and events they touch.

The index keeps the machine's reading of each corrected article
(`machine_readings`: its entities and its events' entity keys) beside the
corrected one, so a correction taken back is the others applied to the
machine's reading again, without analysing the article anew. The list of
corrections applied is kept in `meta`, so the reader can tell when the
user's file says something else; the file stays the truth (a rebuild loses
this state and applies the file again).

A refresh first puts the machine's reading back in every corrected article
(`uncorrect`), so the corpus-wide passes decide on what the machine read,
and then applies the corrections again (`recorrect`).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from kzreader.index import corrected_terms
from kzreader.index.corpus_passes import relink
from kzreader.index.corrected import ENTITY_KINDS, LINK_KINDS, Reading, correct
from kzreader.index.store import Store
from kzreader.index.tables.packing import pack_reasons
from kzreader.index.tables.sql import chunks
from kzreader.language.folding import fold
from kzreader.reading.annotations import Entity, Event, article_of

MACHINE_TABLE = "CREATE TABLE IF NOT EXISTS machine_readings(article TEXT PRIMARY KEY, entities TEXT, events TEXT)"
APPLIED = "corrections"
BY_HAND = "linked by hand"

Entry = dict[str, Any]


def applied(store: Store) -> list[Entry]:
    """The corrections the index holds applied, in order."""
    stored = store.get_meta(APPLIED)
    return list(json.loads(stored)) if stored else []


def apply(store: Store, entries: Sequence[Entry]) -> list[str]:
    """Bring the index in line with `entries`, redoing only the articles the difference touches.

    `store` must be writable and the caller must hold the index's writer lock.
    Returns notices (a mention correction whose article's text changed).
    """
    _ensure(store)
    old = applied(store)
    entries = list(entries)
    if old == entries:
        return []
    before = {json.dumps(e, sort_keys=True) for e in old}
    after = {json.dumps(e, sort_keys=True) for e in entries}
    changed = [e for e in [*old, *entries]
               if (json.dumps(e, sort_keys=True) in before) != (json.dumps(e, sort_keys=True) in after)]
    if [e for e in old if e["kind"] in ENTITY_KINDS] != [e for e in entries if e["kind"] in ENTITY_KINDS] \
            and not any(e["kind"] in ENTITY_KINDS for e in changed):
        changed += [e for e in entries if e["kind"] in ENTITY_KINDS]  # only their order changed
    articles = articles_touched(store, changed)
    # A link set or taken out by hand leaves linking's own decision to be made again.
    by_hand = {e[end] for e in changed if e["kind"] in LINK_KINDS for end in ("a", "b")}
    notes = _redo(store, articles, entries, _keys_named(changed), by_hand)
    store.set_meta(APPLIED, json.dumps(entries, ensure_ascii=False))
    store.commit()
    return notes


def uncorrect(store: Store, analysed: Iterable[str]) -> set[str]:
    """Before a refresh's corpus-wide passes: the machine's reading back in every corrected article.

    The articles analysed anew (or removed) have no correction applied yet;
    the others are returned, to have their corrections applied again after.
    """
    _ensure(store)
    analysed = set(analysed)
    restored: set[str] = set()
    machine_rows = _machine_rows(store)
    corrected_terms.forget(store, machine_rows)
    for aid, machine in machine_rows.items():
        store.db.execute("DELETE FROM machine_readings WHERE article=?", (aid,))
        if aid in analysed or store.article(aid) is None:
            continue
        _write_reading(store, aid, machine)
        restored.add(aid)
    return restored


def recorrect(store: Store, entries: Sequence[Entry], restored: set[str]) -> list[str]:
    """After a refresh's passes (or a rebuild): every correction applied again, wherever it matches now."""
    _ensure(store)
    entries = list(entries)
    articles = restored | articles_touched(store, entries)
    notes = _redo(store, articles, entries, _keys_named(entries), set())
    store.set_meta(APPLIED, json.dumps(entries, ensure_ascii=False))
    return notes


def articles_touched(store: Store, entries: Iterable[Entry]) -> set[str]:
    """The articles whose reading or whose events' links these corrections may change."""
    keys: set[str] = set()
    names: set[str] = set()
    found: set[str] = set()
    events: set[str] = set()
    for e in entries:
        kind = e["kind"]
        if kind in ("rename", "type"):
            keys.add(e["key"])
        elif kind == "merge":
            keys.update((e["key"], e["into"]))
        elif kind == "reject":
            names.add(fold(e["name"]))
        elif kind == "unmention":
            found.add(e["article"])
        elif kind in LINK_KINDS:
            events.update((e["a"], e["b"]))
    # A rejected name's articles are those of the entities called so: a few more than those naming them so.
    named: set[str] = set()
    for chunk in chunks(sorted(names), 400):
        named.update(r[0] for r in store.db.execute(
            f"SELECT key FROM entity_names WHERE name IN ({','.join('?' * len(chunk))})", chunk))
    for chunk in chunks(sorted(keys | named), 400):
        found.update(r[0] for r in store.db.execute(
            f"SELECT DISTINCT article FROM entities WHERE key IN ({','.join('?' * len(chunk))})", chunk))
    for chunk in chunks(sorted(events), 400):
        found.update(r[0] for r in store.db.execute(
            f"SELECT article FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    if keys or names:
        for aid, machine in _machine_rows(store).items():
            if any(x.key in keys or fold(x.name) in names for x in machine.entities):
                found.add(aid)
    return {aid for aid in found if store.article(aid) is not None}


def _redo(store: Store, articles: set[str], entries: list[Entry], keys: set[str], relinked: set[str]) -> list[str]:
    """Apply `entries` to each article's machine reading; rewrite what changed; link again the events whose
    entities changed, and `relinked`.

    Whoosh's documents keep the machine's reading: what search must see
    otherwise is kept as corrected terms (corrected_terms.py).
    """
    entity_entries = [e for e in entries if e["kind"] in ENTITY_KINDS]
    machine_rows = _machine_rows(store, articles)
    notes: list[str] = []
    names: dict[str, tuple[str, str]] = {}
    # Read in bulk: a correction of a frequent entity touches thousands of articles.
    existing = {s["id"] for s in store.summaries(articles)}
    entities = store.entities_of(existing)
    events: dict[str, list[Event]] = {}
    for ev in store.events_of(existing):
        events.setdefault(ev.article, []).append(ev)
    # Only a mention taken out needs the article's text, to see that it is still there.
    texts = {e["article"] for e in entity_entries if e["kind"] == "unmention"}
    for aid in sorted(existing):
        current = Reading(entities.get(aid, []), {ev.id: list(ev.entities) for ev in events.get(aid, [])})
        machine = machine_rows.get(aid, current)
        rec = store.article(aid) if aid in texts else None
        fixed, dropped = correct(aid, rec.text if rec else "", machine, entity_entries)
        notes += dropped
        if fixed.same_as(machine):
            store.db.execute("DELETE FROM machine_readings WHERE article=?", (aid,))
        elif aid not in machine_rows:
            store.db.execute("INSERT INTO machine_readings VALUES (?, ?, ?)",
                             (aid, json.dumps([e.to_dict() for e in machine.entities], ensure_ascii=False),
                              json.dumps(machine.event_keys, ensure_ascii=False)))
        if not fixed.same_as(current):
            _write_reading(store, aid, fixed, events.get(aid, []), current.entities)
            relinked.update(eid for eid, ks in fixed.event_keys.items() if ks != current.event_keys.get(eid))
        corrected_terms.record(store, aid, machine.entities, fixed.entities)
        for e in fixed.entities:
            if e.key in keys and len(e.name) >= len(names.get(e.key, ("", ""))[1]):
                names[e.key] = (e.type, e.name)
    # The corpus's ranking keeps the longest name an entity ever had; a corrected name replaces it.
    store.db.executemany("UPDATE entity_totals SET type=?, name=? WHERE key=?",
                         ((t, n, k) for k, (t, n) in names.items()))
    if relinked:
        duplicates = {aid: d for aid, (_own, d, _rank) in store.own_dates().items() if d}
        relink(store, {article_of(eid) for eid in relinked}, relinked, duplicates)
    _link_by_hand(store, [e for e in entries if e["kind"] in LINK_KINDS])
    return notes


def _link_by_hand(store: Store, entries: list[Entry]) -> None:
    """The links the reader set or took out, over whatever linking decided."""
    for e in entries:
        a, b = e["a"], e["b"]
        store.db.execute("DELETE FROM links WHERE (a=? AND b=?) OR (a=? AND b=?)", (a, b, b, a))
        if e["kind"] == "link" and store.event(a) is not None and store.event(b) is not None:
            store.db.execute("INSERT INTO links VALUES (?, ?, 'same', ?)",
                             (min(a, b), max(a, b), pack_reasons([BY_HAND])))


def _write_reading(store: Store, aid: str, reading: Reading, events: list[Event] | None = None,
                   stored: list[Entity] | None = None) -> None:
    if stored is None:
        store.put_entities(aid, reading.entities)
    else:
        store.update_entities(aid, stored, reading.entities)
    for ev in store.events_of([aid]) if events is None else events:
        keys = reading.event_keys.get(ev.id)
        if keys is not None and keys != ev.entities:
            ev.entities = keys
            store.update_event_entities(ev)


def _machine_rows(store: Store, articles: set[str] | None = None) -> dict[str, Reading]:
    if not store.db.execute("SELECT 1 FROM sqlite_master WHERE name='machine_readings'").fetchone():
        return {}  # never corrected, and opened read-only: the table is made by the first correction
    if articles is None:
        rows = store.db.execute("SELECT article, entities, events FROM machine_readings").fetchall()
    else:
        rows = []
        for chunk in chunks(sorted(articles), 400):
            rows += store.db.execute("SELECT article, entities, events FROM machine_readings "
                                     f"WHERE article IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    return {aid: Reading([Entity.from_dict(d) for d in json.loads(ents)], json.loads(evs)) for aid, ents, evs in rows}


def _keys_named(entries: Iterable[Entry]) -> set[str]:
    keys: set[str] = set()
    for e in entries:
        if e["kind"] in ("rename", "type"):
            keys.add(e["key"])
        elif e["kind"] == "merge":
            keys.update((e["key"], e["into"]))
    return keys


def _ensure(store: Store) -> None:
    store.db.execute(MACHINE_TABLE)
    store.db.execute(corrected_terms.TABLE)
