"""An article's analysis, and what is written of it: its rows in the state and its document in Whoosh."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from kzreader.corpus.articles import Article
from kzreader.index import analyzer as analysis
from kzreader.index import folder as ix_mod
from kzreader.index.progress import Progress
from kzreader.index.store import ArticleRecord, Store
from kzreader.index.workers import pool
from kzreader.reading import pipeline
from kzreader.reading.annotations import Entity, Event
from kzreader.reading.periods import day_range


def store_article(store: Store, article: Article) -> None:
    """Put an article as read (and as its original completed it) into the state; its words come with its analysis."""
    rec = ArticleRecord(
        article.id, article.title, article.date, article.published, article.outlet, article.url,
        article.author, article.lang, article.date_source, article.duplicate_of, article.encoding,
        article.text, article.regions, article.problems, 0,
    )
    own = None if (article.date_source or "").startswith("duplicate") else article.date
    store.put_article(rec, own, day_range(article.date), article.metadata_rank)


def stored_job(store: Store, aid: str) -> pipeline.Job:
    """An article's analysis job from its stored record: the build never holds the corpus's texts."""
    rec = store.article(aid)
    assert rec is not None
    return pipeline.Job(aid, rec.text, rec.regions, rec.date, rec.lang or "pl")


def analyse_all(batches: Iterable[list[pipeline.Job]], total: int, name_forms: dict[str, int],
                choices: dict[str, str], progress: Progress | None, processes: int) -> Iterator[pipeline.Analysed]:
    """Each job's analysis as it is done, in `processes` worker processes if more than one.

    Jobs come in batches, each made when the one before is done: the pool's
    feeder takes all it is given at once, so one list of every job would
    hold every article's text.
    """
    analysis.use_names(choices)
    n = 0
    if processes > 1:
        with pool(processes, initializer=pipeline.init_worker, initargs=(name_forms, choices)) as workers:
            for jobs in batches:
                for result in workers.imap(pipeline.analyse, jobs, chunksize=16):
                    n += 1
                    yield result
                    if progress and (n % 50 == 0 or n == total):
                        progress("analysing", n, total)
        return
    pipeline.init_worker(name_forms, choices)
    for job in chain.from_iterable(batches):
        n += 1
        yield pipeline.analyse(job)
        if progress and (n % 20 == 0 or n == total):
            progress("analysing", n, total)


def write_document(writer: object, store: Store, result: pipeline.Analysed) -> None:
    """An analysed article's entities, events and word count in the state, and its document in Whoosh."""
    rec = store.article(result.id)
    assert rec is not None
    store.set_words(result.id, result.words)
    store.put_entities(result.id, result.entities)
    store.put_events(result.id, result.events, [event_days(e) for e in result.events])
    writer.update_document(**document(rec, result.entities))  # type: ignore[attr-defined]


def document(rec: ArticleRecord, entities: Sequence[Entity]) -> dict[str, object]:
    """An article's Whoosh document: its text, metadata and the names of its entities."""
    days = day_range(rec.date)
    doc: dict[str, object] = {
        "id": rec.id,
        "title": rec.title or "",
        "body": "\n".join(rec.text[s:e] for s, e in rec.regions),
        "outlet": rec.outlet or "",
        "lang": rec.lang or "pl",
        **ix_mod.entity_fields(list(entities)),
    }
    if days:
        doc["date_start"], doc["date_end"] = days
    return doc


def event_days(event: Event) -> tuple[int, int] | None:
    if event.earliest and event.latest:
        both = (day_range(event.earliest), day_range(event.latest))
        if both[0] and both[1]:
            return both[0][0], both[1][1]
    return day_range(event.date)
