"""The SQLite state's tables, a module per group; `kzreader.index.store.Store` puts them together."""
