"""The corpus-wide passes after analysis: one name per entity across articles, then links between events.

They run over stored results, so a refresh reconsiders the articles it
touched and their neighbours without the corpus in memory.
"""
from __future__ import annotations

from kzreader.index.corpus_links import link_corpus
from kzreader.index.link_scope import neighbour_events
from kzreader.index.progress import Progress
from kzreader.index.store import Store
from kzreader.reading.annotations import Entity
from kzreader.reading.entity_linking import apply_renames, corpus_renames
from kzreader.reading.links import link_events


# How far the corpus-wide passes reach from the articles a refresh touched:
# enough for every decision they make to see its evidence, bounded so that one
# changed article never costs a pass over the whole corpus.
NEIGHBOUR_ARTICLES = 100
LINK_CHUNK = 1000


def corpus_passes(store: Store, touched: set[str], duplicates: dict[str, str], progress: Progress | None,
                  touched_all: bool = False) -> None:
    """Corpus-wide choices over stored results: one name per entity, links between events.

    Only the touched articles and their neighbours (articles naming the same
    people, events a full build's sweep could pair with theirs) are reconsidered; a
    full rebuild reconsiders everything.
    """
    if progress:
        progress("linking", 0, 1)
    held: dict[str, list[Entity]] | None = None  # a refresh's few hundred articles, read once
    if touched_all:
        scope = set(store.article_ids())
        renames = corpus_renames(store.each_entity())
    else:
        mine = store.entities_of(touched)
        scope = touched | store.articles_naming([e for ents in mine.values() for e in ents], NEIGHBOUR_ARTICLES)
        held = store.entities_of(scope)
        renames = corpus_renames(e for ents in held.values() for e in ents)
    # In chunks, so that a full build never holds every article's entities at once.
    renamed: dict[str, dict[str, str]] = {}
    ordered = sorted(scope)
    for i in range(0, len(ordered), LINK_CHUNK):
        chunk = ordered[i : i + LINK_CHUNK]
        found = store.entities_of(chunk) if held is None else {a: held[a] for a in chunk if a in held}
        for aid, old in found.items():
            ents = apply_renames(old, renames)
            if [e.to_dict() for e in old] != [e.to_dict() for e in ents]:
                store.put_entities(aid, ents)
                changes = _key_changes(old, ents)
                if changes:
                    renamed[aid] = changes
        store.commit()
    ordered = sorted(renamed)
    for i in range(0, len(ordered), LINK_CHUNK):
        for ev in store.events_of(ordered[i : i + LINK_CHUNK]):
            ev.entities = list(dict.fromkeys(renamed[ev.article].get(k, k) for k in ev.entities))
            store.update_event_entities(ev)
        store.commit()
    if touched_all:
        link_corpus(store, duplicates)
    else:
        own = store.events_of(touched | set(renamed))
        owners = {ev.id for ev in own}
        events = {ev.id: ev for ev in own}
        neighbour_events(store, own, touched, duplicates, events)
        batch = list(events.values())
        link_events(batch, duplicates, focus=owners)
        store.replace_links(batch, owners)
    if progress:
        progress("linking", 1, 1)


def relink(store: Store, articles: set[str], events: set[str], duplicates: dict[str, str]) -> None:
    """Link these events (of these articles) again, with their neighbours: after their entities were corrected."""
    own = [ev for ev in store.events_of(articles) if ev.id in events]
    found = {ev.id: ev for ev in own}
    neighbour_events(store, own, articles, duplicates, found)
    batch = list(found.values())
    link_events(batch, duplicates, focus={ev.id for ev in own})
    store.replace_links(batch, {ev.id for ev in own})


def _key_changes(old: list[Entity], new: list[Entity]) -> dict[str, str]:
    """Old key -> new key, matched by the mentions the entity had."""
    where = {(m.start, m.end): e.key for e in new for m in e.mentions}
    out: dict[str, str] = {}
    for e in old:
        for m in e.mentions:
            key = where.get((m.start, m.end))
            if key and key != e.key:
                out[e.key] = key
                break
    return out
