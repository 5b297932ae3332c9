"""An article's analysis, and what is written of it: its rows in the state and its document in Whoosh."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from kzreader.corpus.articles import Article
from kzreader.index import analyzer as analysis
from kzreader.index import folder as ix_mod
from kzreader.index.progress import Progress
from kzreader.index.store import ArticleRecord, Store
from kzreader.index.workers import pool
from kzreader.reading import pipeline
from kzreader.reading.annotations import Entity, Event
from kzreader.reading.periods import day_range


def article_job(article: Article) -> pipeline.Job:
    return pipeline.Job(article.id, article.text, article.regions, article.date, article.lang or "pl")


def analyse_all(jobs: list[pipeline.Job], name_forms: dict[str, int], choices: dict[str, str],
                progress: Progress | None, processes: int) -> Iterator[pipeline.Analysed]:
    """Each job's analysis as it is done, in `processes` worker processes if more than one."""
    analysis.use_names(choices)
    if processes > 1:
        with pool(processes, initializer=pipeline.init_worker, initargs=(name_forms,)) as workers:
            for n, result in enumerate(workers.imap(pipeline.analyse, jobs, chunksize=16), 1):
                yield result
                if progress and (n % 50 == 0 or n == len(jobs)):
                    progress("analysing", n, len(jobs))
        return
    pipeline.init_worker(name_forms)
    for n, job in enumerate(jobs, 1):
        yield pipeline.analyse(job)
        if progress and (n % 20 == 0 or n == len(jobs)):
            progress("analysing", n, len(jobs))


def write_document(writer: object, store: Store, result: pipeline.Analysed, article: Article | None) -> None:
    if article is not None:
        rec = ArticleRecord(
            article.id, article.title, article.date, article.published, article.outlet, article.url,
            article.author, article.lang, article.date_source, article.duplicate_of, article.encoding,
            article.text, article.regions, article.problems, result.words,
        )
        own = None if (article.date_source or "").startswith("duplicate") else article.date
        store.put_article(rec, own, day_range(article.date), article.metadata_rank)
    else:
        rec = store.article(result.id)
        assert rec is not None
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
