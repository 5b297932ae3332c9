"""Searches worth keeping: the history the search box recalls with up and down, and searches saved by name.

The history is the app's own (data folder, JSON); saved searches are the
user's (config folder, YAML they may edit), shown in the sources pane as
entries that run their query, as newsboat's query feeds do.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzreader.library import userfiles
from kzreader.library.userfiles import ShapeError, mapping

HISTORY_FILE = "search-history.json"
SAVED_FILE = "searches.yaml"
# Enough to find last week's searches again; older ones fall off the end.
HISTORY_LIMIT = 200
SAVED_HEADER = ("kzreader saved searches, shown at the top of the Sources pane.\n"
                "Each has a name and a query, as typed in the search box (ctrl+s saves the current one).")


def strings(data: Any, what: str) -> list[str]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise ShapeError(f"{what} should be a list of queries")
    return data


class SearchHistory:
    """Queries newest first, each once, at most `limit` of them."""

    def __init__(self, entries: list[str] | None = None, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self.entries: list[str] = []
        for query in reversed(entries or []):
            self.add(query)

    def add(self, query: str) -> bool:
        """Put `query` first (moving it if it was there already); False for a blank one, which is not kept."""
        query = query.strip()
        if not query:
            return False
        if query in self.entries:
            self.entries.remove(query)
        self.entries.insert(0, query)
        del self.entries[self.limit :]
        return True


class Recall:
    """Walking a history with up and down, as a shell does: up goes to older queries, down back to newer ones
    and at last to what was typed before the walk began."""

    def __init__(self, history: SearchHistory) -> None:
        self.history = history
        self._at = -1
        self._draft = ""

    @property
    def walking(self) -> bool:
        return self._at >= 0

    def older(self, typed: str) -> str | None:
        """The next older query (None at the oldest); `typed` is kept to come back to."""
        entries = self.history.entries
        if not self.walking:
            self._draft = typed
        at = self._at + 1
        # A query equal to what is typed is no step at all.
        while at < len(entries) and entries[at] == typed and not self.walking:
            at += 1
        if at >= len(entries):
            return None
        self._at = at
        return entries[at]

    def newer(self) -> str | None:
        """The next newer query, or what was typed before the walk; None if not walking."""
        if not self.walking:
            return None
        self._at -= 1
        return self.history.entries[self._at] if self._at >= 0 else self._draft

    def stop(self) -> None:
        """The reader typed: the next up starts from the newest again."""
        self._at = -1


class HistoryFile:
    """search-history.json: `{"searches": [newest, ...]}`."""

    def __init__(self, folder: Path, limit: int = HISTORY_LIMIT) -> None:
        self.path = folder / HISTORY_FILE
        loaded = userfiles.read(self.path, lambda d: strings(mapping(d, "the history").get("searches"), "searches"),
                                [])
        self.history = SearchHistory(loaded.value, limit)
        self.notice, self._writable = loaded.notice, loaded.writable

    def add(self, query: str) -> None:
        """Remember `query`; raises OSError if the file cannot be written."""
        if self.history.add(query) and self._writable:
            userfiles.write(self.path, userfiles.dump(self.path, {"searches": self.history.entries}))


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str


def parse_saved(data: Any) -> list[SavedSearch]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise ShapeError("saved searches should be a list of entries with a name and a query")
    saved = []
    for number, entry in enumerate(data, 1):
        item = mapping(entry, f"saved search {number}")
        name, query = item.get("name"), item.get("query")
        if not isinstance(query, str) or not query.strip():
            raise ShapeError(f"saved search {number} has no query")
        saved.append(SavedSearch(str(name).strip() if name is not None and str(name).strip() else query, query))
    return saved


class SavedSearchesFile:
    """searches.yaml: a list of `- name: ...` / `query: ...`, in the order they are shown."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SAVED_FILE
        loaded = userfiles.read(self.path, parse_saved, [])
        self.saved: list[SavedSearch] = loaded.value
        self.notice, self._writable = loaded.notice, loaded.writable

    def save(self, name: str, query: str) -> bool:
        """Keep `query` as `name` (replacing a search of that name in its place); True if it replaced one.

        Raises OSError if the file cannot be written, ValueError for an empty query.
        """
        name, query = name.strip() or query.strip(), query.strip()
        if not query:
            raise ValueError("there is no search to save")
        entry = SavedSearch(name, query)
        names = [s.name for s in self.saved]
        replaced = name in names
        if replaced:
            self.saved[names.index(name)] = entry
        else:
            self.saved.append(entry)
        self._write()
        return replaced

    def remove(self, name: str) -> bool:
        """Forget the search called `name`; False if there is none. Raises OSError if the file cannot be written."""
        kept = [s for s in self.saved if s.name != name]
        if len(kept) == len(self.saved):
            return False
        self.saved = kept
        self._write()
        return True

    def _write(self) -> None:
        if self._writable:
            data = [{"name": s.name, "query": s.query} for s in self.saved]
            userfiles.write(self.path, userfiles.dump(self.path, data, SAVED_HEADER))
