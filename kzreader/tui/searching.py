"""A search as the main screen runs it in a thread worker: the hits first, the match counts of the rest after.

The screen says how many hits to list and count at once (`SearchLimits`);
this module does the waiting, searching and counting, and posts what it
finds as messages for the screen to show. A search run while the query is
being typed (debounced) that finds nothing as written runs the library's
"while typing" variant of it, its last word also a prefix, so `Tokaj` finds
Tokajew instead of flashing "No articles match"; Enter runs it as written.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from textual.message import Message
from textual.worker import get_current_worker

from kzreader.index.query import QueryError
from kzreader.library import Library


@dataclass
class SearchDone(Message):
    """A search finished: hits as (article, match count or None), or the query's problem."""

    query: str
    """As typed: the screen shows the result only if the box still holds it."""
    hits: list[tuple[str, int | None]] | None
    total: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    """How the query was read, or why it found nothing: for the line under the box."""
    searched: str = ""
    """The query that ran (the while-typing variant of `query`, or `query` itself): highlights and counts follow it."""


@dataclass
class HitCounts(Message):
    """Match counts of hits that came without them."""

    query: str
    counts: dict[str, int]


@dataclass(frozen=True)
class SearchLimits:
    listed: int
    """Hits listed; the total is still counted and shown."""
    counted_first: int
    """Hits whose match counts come with the results."""
    count_delay: float
    """Seconds the results stay alone on screen before the rest are counted."""
    count_chunk: int
    """Hits counted per message afterwards."""


def search_in_thread(library: Library, query: str, delay: float, limits: SearchLimits,
                     post: Callable[[Message], object], typing: bool | None = None) -> None:
    """Wait `delay` (a newer query cancels this one meanwhile), search, post the hits, then count the rest.

    `typing` (by default: whether the search was debounced) falls back to the while-typing variant of the query.
    """
    worker = get_current_worker()
    if delay:
        time.sleep(delay)
    if worker.is_cancelled:
        return
    if not query.strip():
        post(SearchDone(query, None))
        return
    searched = query
    try:
        result = library.search(query, limit=limits.listed, highlight=limits.counted_first)
        if not result.total and (delay > 0 if typing is None else typing):
            # A half-typed last word (`Tokaj`) finds nothing as written: it is also a prefix meanwhile.
            searched = library.while_typing(query)
            if searched != query:
                result = library.search(searched, limit=limits.listed, highlight=limits.counted_first)
    except QueryError as exc:
        post(SearchDone(query, None, error=str(exc)))
        return
    if worker.is_cancelled:
        return
    hits = [(h.article, h.matches if n < limits.counted_first else None) for n, h in enumerate(result.hits)]
    post(SearchDone(query, hits, result.total, notes=result.notes, searched=searched))
    rest = [aid for aid, count in hits if count is None]
    # The results are on screen first; counting the rest re-reads articles in
    # pure Python, so it waits a moment and hands the GIL back between chunks.
    time.sleep(limits.count_delay if rest else 0)
    for start in range(0, len(rest), limits.count_chunk):
        if worker.is_cancelled:
            return
        post(HitCounts(searched, library.match_counts(searched, rest[start : start + limits.count_chunk])))
        time.sleep(0.001)
