"""The Whoosh index and the SQLite state beside it: analyzer, queries, scoring, the incremental indexer, search."""
