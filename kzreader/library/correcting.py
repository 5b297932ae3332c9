"""The reader's corrections between their file and the index: read, add, take back, applied at once.

Both views go through `Corrector`: it writes the user's file first (the
truth), then has the index re-derive what the change touches
(`kzreader.index.corrections.apply`) under the index's writer lock, and
swaps in a searcher that reads the corrected terms.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzreader.index import corrections as applying
from kzreader.index import folder as ix_mod
from kzreader.index.search import Searcher
from kzreader.index.store import StoreError
from kzreader.library import corrections as fixes
from kzreader.library.corrections import Correction, CorrectionsError, Loaded

if TYPE_CHECKING:
    from kzreader.library.facade import Library


def sync(corpus: Path, index_dir: Path, loaded: Loaded) -> list[str]:
    """Apply the file's readable entries to the index if it holds others; notices to show the reader."""
    entries = loaded.entries()
    try:
        store = ix_mod.open_store(index_dir, readonly=True)
    except StoreError:
        return []
    try:
        if applying.applied(store) == entries:
            return []
    finally:
        store.close()
    with ix_mod.writer_lock(index_dir):
        store = ix_mod.open_store(index_dir, texts=corpus)
        try:
            return applying.apply(store, entries)
        finally:
            store.close()


@dataclass(slots=True)
class Outcome:
    """What a change did: the correction added or taken back, and notices from applying the file."""

    correction: Correction
    notes: list[str]


class Corrector:
    """The corrections of one library's corpus, kept in `library.corrections`."""

    def __init__(self, library: "Library") -> None:
        self.library = library

    @property
    def path(self) -> Path:
        return self.library.corrections

    def load(self) -> Loaded:
        return fixes.load(self.path)

    def add(self, kind: str, **fields: Any) -> Outcome:
        correction = fixes.add(self.path, kind, **fields)
        return Outcome(correction, self.apply())

    def undo(self, number: int) -> Outcome:
        correction = fixes.undo(self.path, number)
        return Outcome(correction, self.apply())

    def apply(self) -> list[str]:
        loaded = self.load()
        notes = loaded.problems + sync(self.library.corpus, self.library.index_dir, loaded)
        # A search running meanwhile in another thread keeps the searcher it has; it is released when collected.
        self.library.searcher = Searcher(self.library.index_dir, self.library.store)
        return notes

    # naming what to correct ------------------------------------------------------
    def entity_key(self, name: str) -> str:
        """The key of the entity called `name` (its key, or any name it has); one line if none or several."""
        info = self.library.store.entity_info([name])
        if name in info:
            return name
        keys = self.library.entity_keys(name)
        if not keys:
            raise CorrectionsError(f"no entity is called {name!r}")
        if len(keys) > 1:
            raise CorrectionsError(f"{name!r} names several entities ({', '.join(keys[:5])}); give a key")
        return keys[0]

    def entity_name(self, key: str) -> tuple[str, str]:
        """(type, name) of an entity as the corpus names it now."""
        return self.library.store.entity_info([key]).get(key, (key.partition(":")[0], key.partition(":")[2] or key))

    def merge_fields(self, key: str, into: str) -> dict[str, Any]:
        """A merge's fields: the name and type it takes, and the names it brings along."""
        into_type, into_name = self.entity_name(into)
        names = sorted({e.name for aid in self.library.articles_with_entity(key)[:50]
                        for e in self.library.entities(aid) if e.key == key})
        return {"key": key, "into": into, "name": into_name, "type": into_type, "aliases": names}

    def event_id(self, eid: str) -> str:
        if self.library.event(eid) is None:
            raise CorrectionsError(f"no event {eid!r} (event ids are those of `kzreader timeline --json`)")
        return eid


__all__ = ["Corrector", "CorrectionsError", "Outcome", "sync"]
