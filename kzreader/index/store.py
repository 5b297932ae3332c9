"""What the index keeps beside Whoosh's inverted index, in one SQLite file.

Articles (metadata, and a digest of the text their files held), file
fingerprints for incremental refresh, duplicate signatures, the name vote's forms, entities, events and
their links. SQLite gives atomic commits, so a killed indexer leaves the last
committed state, and indexed paging, so the views can walk a timeline of any
size without loading it. Nothing here is pickled: the index folder holds code
only in Whoosh's own files.

Each group of tables has its class in `kzreader.index.tables`; `Store` is
all of them over one connection, and removes an article from every table.
"""
from __future__ import annotations

from kzreader.index.tables.articles import ArticleRecord, ArticleTables
from kzreader.index.tables.base import StoreError
from kzreader.index.tables.entities import EntityTables
from kzreader.index.tables.events import EventTables, event_keys
from kzreader.index.tables.names import NameTables
from kzreader.index.tables.signatures import SignatureTables
from kzreader.index.tables.stats import StatsTables

__all__ = ["ArticleRecord", "Store", "StoreError", "event_keys"]


class Store(ArticleTables, SignatureTables, NameTables, EntityTables, StatsTables, EventTables):
    """The index's state: every group of tables over one connection."""

    def delete_article(self, aid: str) -> None:
        self.drop_names(aid)
        self.drop_entities(aid)
        self.drop_signature(aid)
        for table in ("files", "articles"):
            self.db.execute(f"DELETE FROM {table} WHERE id=?", (aid,))
        self.delete_events(aid)
