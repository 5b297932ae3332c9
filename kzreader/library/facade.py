"""The reader's domain facade: what the command line and the app ask of an indexed corpus.

It hands out plain data (dicts and dataclasses), never Whoosh objects, and
never imports an interface library, so any view can sit on top of it.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzreader.corpus.articles import CorpusError
from kzreader.index import analyzer as analysis
from kzreader.index.documents import event_days
from kzreader.index import folder as ix_mod
from kzreader.index.faults import IndexWriteError
from kzreader.index.indexer import Log, Progress, RefreshReport, refresh
from kzreader.index.notes import while_typing
from kzreader.index.search import Matcher, SearchResult, Searcher, Span
from kzreader.index.store import ArticleRecord, Store, StoreError
from kzreader.index.tables.sql import chunks
from kzreader.library.correcting import sync as sync_corrections
from kzreader.library.corrections import corrections_path
from kzreader.library.corrections import load as load_corrections
from kzreader.library.ids import resolve as resolve_id
from kzreader.library.sentences import ArticleMatches, day_spans, matching_events
from kzreader.library.stats import DaySpan, EntityStat, Together, day_str, range_str
from kzreader.language.pl.morphology import morfeusz
from kzreader.reading.annotations import Entity, Event, article_of
from kzreader.reading.periods import day_number

# Events read at once for a search's timeline, which keeps those whose sentence holds a match.
SEARCHED_EVENTS_PAGE = 2_000


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """Which events to show: a date range, an entity, the articles a search found."""

    start: str | None = None
    end: str | None = None
    entity: str | None = None
    query: str | None = None
    # A reprint's events that its original reports too are left out: one row each.
    fold_copies: bool = False
    # A second entity: only the events naming both (who appears with whom).
    with_entity: str | None = None


@dataclass(frozen=True, slots=True)
class SearchedEvents:
    """A search's timeline: the ids of the events it keeps, in timeline order, and their day spans."""

    ids: list[str]
    spans: list[DaySpan]


class Library:
    def __init__(self, corpus: Path, index_dir: Path, store: Store, searcher: Searcher,
                 corrections: Path | None = None) -> None:
        self.corpus = corpus
        self.index_dir = index_dir
        self.store = store
        self.searcher = searcher
        # The user's corrections file (kzreader.library.corrections), and what reading it had to say.
        self.corrections = corrections or corrections_path(None, corpus)
        self.notices: list[str] = []

    @classmethod
    def open(
        cls,
        corpus: Path,
        index_dir: Path,
        update: bool = True,
        rebuild: bool = False,
        progress: Progress | None = None,
        log: Log | None = None,
        corrections: Path | None = None,
        as_it_stands: bool = True,
    ) -> tuple["Library", RefreshReport | None]:
        """Open the index of `corpus`, first bringing it up to date unless `update` is False.

        Without `update` the index is still built when there is none, or when it
        cannot be read: it is a cache of the articles. The user's corrections
        (`corrections`, else `KZREADER_CORRECTIONS`, else the corpus's own file)
        are applied to it if it holds others. When the index folder cannot be
        written (a full disk, a read-only folder), the last complete index is
        opened as it stands with a notice, unless `as_it_stands` is False.
        """
        if not corpus.is_dir():
            # Before anything is made for it: a mistyped folder leaves no index folder behind.
            raise CorpusError(f"corpus folder {corpus} does not exist" if not corpus.exists()
                              else f"{corpus} is not a folder")
        fixes_file = corrections or corrections_path(None, corpus)
        fixes = load_corrections(fixes_file)
        if not (update or rebuild) and ix_mod.is_built(index_dir):
            notes = fixes.problems + sync_corrections(corpus, index_dir, fixes)
            trusted = cls._open_checked(corpus, index_dir)
            if trusted is not None:
                return trusted._noticed(fixes_file, notes, log), None
        try:
            report = refresh(corpus, index_dir, rebuild=rebuild, progress=progress, log=log, fixes=fixes.entries())
        except IndexWriteError as exc:
            stood = cls._open_checked(corpus, index_dir) if as_it_stands and not rebuild else None
            if stood is None:
                raise
            return stood._noticed(fixes_file, [*fixes.problems, f"{exc}; showing the index as it stands"], log), None
        notes = fixes.problems + sync_corrections(corpus, index_dir, fixes)
        store = ix_mod.open_store(index_dir, readonly=True, texts=corpus)
        return cls._ready(corpus, index_dir, store, Searcher(index_dir, store))._noticed(fixes_file, notes, log), report

    def _noticed(self, corrections: Path, notices: list[str], log: Log | None) -> "Library":
        self.corrections = corrections
        self.notices = notices
        for note in notices:
            if log:
                log(note)
        return self

    @staticmethod
    def refresh_elsewhere(corpus: Path, index_dir: Path) -> RefreshReport:
        """Bring the index up to date in a child process, for a reader already open on it.

        A refresh stats every file and runs Python for each, 2.5 s at 100,000
        articles; in the reader's own process that time is taken from whatever
        the reader does meanwhile, typing a search included.
        """
        proc = subprocess.run([sys.executable, "-m", "kzreader.index.indexer", str(corpus), str(index_dir)],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            lines = proc.stderr.strip().splitlines()
            raise OSError(lines[-1] if lines else f"indexing stopped with status {proc.returncode}")
        return RefreshReport(**json.loads(proc.stdout))

    @classmethod
    def _open_checked(cls, corpus: Path, index_dir: Path) -> "Library | None":
        """The index as it stands, checked on the objects that will serve it; None if it needs rebuilding."""
        try:
            store = ix_mod.open_store(index_dir, readonly=True, texts=corpus)
        except StoreError:
            return None
        try:
            searcher = Searcher(index_dir, store)
        except Exception:  # noqa: BLE001 - any failure to open the search index means: rebuild
            store.close()
            return None
        if ix_mod.disagreement(store, searcher.doc_count()):
            searcher.close()
            store.close()
            return None
        return cls._ready(corpus, index_dir, store, searcher)

    @classmethod
    def _ready(cls, corpus: Path, index_dir: Path, store: Store, searcher: Searcher) -> "Library":
        analysis.use_names(store.name_choices())
        return cls(corpus, index_dir, store, searcher)

    def close(self) -> None:
        self.searcher.close()
        self.store.close()

    # articles ----------------------------------------------------------------
    def articles(self, ids: list[str] | None = None) -> list[dict[str, Any]]:
        return self.store.summaries(ids)

    def article(self, aid: str) -> ArticleRecord | None:
        return self.store.article(aid)

    def article_id(self, given: str) -> str:
        """The id of the one article whose id is `given` or starts with it; UnknownArticle otherwise."""
        if self.store.article(given) is not None:
            return given
        return resolve_id(given, (a["id"] for a in self.store.summaries(None)))

    def entities(self, aid: str) -> list[Entity]:
        return self.store.entities(aid)

    def entity_facets(self, article_ids: list[str] | None = None) -> list[dict[str, Any]]:
        return self.store.entity_facets(article_ids)

    def articles_with_entity(self, key: str) -> list[str]:
        return self.store.articles_with_entity(key)

    # search ------------------------------------------------------------------
    @staticmethod
    def while_typing(query: str) -> str:
        """The query to run while it is being typed: its unfinished last word is also a prefix (`Tokaj`)."""
        return while_typing(query)

    def search(self, query: str, limit: int = 20, highlight: int = 20) -> SearchResult:
        return self.searcher.search(query, limit=limit, highlight=highlight)

    def matches(self, query: str, aid: str) -> list[Span]:
        rec = self.store.article(aid)
        if rec is None:
            return []
        matcher: Matcher = self.searcher.matcher(query)
        return matcher.spans(rec.text, rec.regions)

    def match_counts(self, query: str, aids: list[str]) -> dict[str, int]:
        """How many words of each article the query matches; one matcher judges each word once for all."""
        matcher: Matcher = self.searcher.matcher(query)
        counts: dict[str, int] = {}
        for aid in aids:
            rec = self.store.article(aid)
            counts[aid] = matcher.count(rec.text, rec.regions) if rec else 0
        return counts

    def matching_ids(self, query: str) -> list[str]:
        return self.searcher.article_ids(query)

    # timeline ----------------------------------------------------------------
    def timeline(self, flt: TimelineFilter = TimelineFilter(), offset: int = 0, limit: int | None = None,
                 undated: bool = False) -> list[Event]:
        if flt.query:
            kept = self._searched_events(flt, undated)
            return self.store.events_by_ids(kept.ids[offset : None if limit is None else offset + limit])
        return self.store.events_page(*self._event_args(flt), offset=offset, limit=limit, undated=undated,
                                      fold_copies=flt.fold_copies, with_keys=self._with_keys(flt))

    def timeline_count(self, flt: TimelineFilter = TimelineFilter(), undated: bool = False) -> int:
        if flt.query:
            return len(self._searched_events(flt, undated).ids)
        return self.store.events_count(*self._event_args(flt), undated=undated, fold_copies=flt.fold_copies,
                                       with_keys=self._with_keys(flt))

    def _searched_events(self, flt: TimelineFilter, undated: bool) -> SearchedEvents:
        """The events of a search's articles whose sentence the search matches (sentences.py), kept for paging.

        Kept as ids and day ranges, and read again a page at a time: the most
        frequent name's 15,000 matching events at 100,000 articles held as
        events, with their links, were 300 MB of the app's memory.
        """
        key = (flt, undated, id(self.searcher))  # a correction replaces the searcher
        cache = self.__dict__.setdefault("_searched", {})
        if key not in cache:
            ids = self.store.event_ids(*self._event_args(flt), undated=undated, fold_copies=flt.fold_copies,
                                       with_keys=self._with_keys(flt))
            # An article's matches depend on the query alone: the timeline's dated and undated lists, and each
            # date range or entity tried with the same search, find them once.
            searched = (flt.query, id(self.searcher))
            known = self.__dict__.get("_matches")
            if known is None or known[0] != searched:
                text = flt.query or ""
                found = ArticleMatches(self.searcher.matcher(text), self.store.article, self.searcher.body_matches(text))
                known = self.__dict__["_matches"] = (searched, found)
            matches: ArticleMatches = known[1]
            if len(cache) > 8:
                cache.clear()
            # A page of events at a time, an article's together (its text is read once): the most frequent
            # name's articles hold 108,000 events at 100,000 articles, 780 MB as events all at once.
            days: dict[str, tuple[int, int] | None] = {}
            for page in chunks(sorted(ids, key=article_of), SEARCHED_EVENTS_PAGE):
                days.update((ev.id, event_days(ev)) for ev in matching_events(self.store.events_by_ids(page),
                                                                               matches.near, matches.in_text))
            cache[key] = SearchedEvents([eid for eid in ids if eid in days], day_spans(days.values()))
        return cache[key]

    def event(self, eid: str) -> Event | None:
        return self.store.event(eid)

    def _event_args(self, flt: TimelineFilter) -> tuple[Any, ...]:
        start = day_number(flt.start) if flt.start else None
        end = day_number(flt.end, end=True) if flt.end else None
        keys = self.store.entity_keys_matching(flt.entity) if flt.entity else None
        if flt.entity and not keys:
            keys = ["\0no such entity"]
        articles = self.matching_ids(flt.query) if flt.query else None
        return start, end, keys, articles

    def _with_keys(self, flt: TimelineFilter) -> list[str] | None:
        if not flt.with_entity:
            return None
        return self.store.entity_keys_matching(flt.with_entity) or ["\0no such entity"]

    # the corpus at a glance (kzreader.library.stats) --------------------------------
    def coverage(self, flt: TimelineFilter = TimelineFilter()) -> list[DaySpan]:
        """The day ranges of the events `flt` selects, with their counts; `stats.bars` makes them a histogram."""
        if flt.query:
            return self._searched_events(flt, False).spans
        return self.store.event_spans(*self._event_args(flt), fold_copies=flt.fold_copies,
                                      with_keys=self._with_keys(flt))

    def top_entities(self, query: str | None = None, limit: int = 50) -> list[EntityStat]:
        """The entities named in most articles (of those `query` finds, or all); dates are of their events."""
        rows = self.store.top_entities(self.matching_ids(query) if query else None, limit)
        days = self.store.entity_days(r["key"] for r in rows)
        return [EntityStat(r["key"], r["name"], r["type"], r["articles"], r["mentions"],
                           range_str(days[r["key"]][0]), range_str(days[r["key"]][1])) for r in rows]

    def entity_keys(self, name: str) -> list[str]:
        """Keys of the entities called `name` (by any form or alias)."""
        return self.store.entity_keys_matching(name)

    def entity_months(self, key: str) -> list[tuple[int, int]]:
        """(yyyymm, events) of the dated events naming the entity, for a sparkline."""
        return self.store.entity_months(key)

    def together(self, keys: list[str], query: str | None = None, limit: int = 50) -> list[Together]:
        """The entities sharing most events with `keys` (in the articles `query` finds, or all)."""
        rows = self.store.cooccurring(keys, self.matching_ids(query) if query else None, limit)
        info = self.store.entity_info([r[0] for r in rows])
        out = []
        for key, n, first, last in rows:
            etype, name = info.get(key, (key.partition(":")[0], key.partition(":")[2] or key))
            out.append(Together(key, name, etype, n, day_str(first), day_str(last)))
        return out

    # views -------------------------------------------------------------------
    def article_events(self, aid: str) -> list[Event]:
        """One article's events with their links (undated ones too), in timeline order."""
        return self.store.events_page(articles=[aid], undated=True)

    def timeline_position(self, eid: str, flt: TimelineFilter = TimelineFilter()) -> int | None:
        """Where an event stands in the timeline `flt` selects, or None if it is not in it."""
        if flt.query:
            ids = self._searched_events(flt, False).ids
            return ids.index(eid) if eid in ids else None
        return self.store.event_rank(eid, *self._event_args(flt), fold_copies=flt.fold_copies,
                                     with_keys=self._with_keys(flt))

    def warm_up(self) -> None:
        """Load the Polish dictionary now, off the reader's path, so their first search does not wait for it."""
        morfeusz()
