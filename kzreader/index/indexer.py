"""Build or refresh the index of a corpus: only what was added, changed or removed.

Order of work, chosen so that a process killed at any point leaves either the
last complete index or one the next run detects and rebuilds: the state is
marked incomplete, Whoosh commits, then SQLite commits the new state with the
completion mark. Re-indexing an article replaces its documents, so a run that
repeats work after a crash converges on the same index.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kzreader.corpus import dedup
from kzreader.corpus.articles import Article, CorpusError, SourceFile, article_files, read_article
from kzreader.corpus.decoding import NotText
from kzreader.corpus.metadata import sidecar_path
from kzreader.index import analyzer as analysis
from kzreader.index import folder as ix_mod
from kzreader.index.store import ArticleRecord, Store, StoreError, event_keys
from kzreader.language.folding import fold
from kzreader.language.pl.names import NameVote
from kzreader.reading import pipeline
from kzreader.reading.annotations import Entity, Event
from kzreader.reading.entity_linking import apply_renames, corpus_renames
from kzreader.reading.links import link_events
from kzreader.reading.periods import day_range

Progress = Callable[[str, int, int], None]
Log = Callable[[str], None]

# A build commits the state store every so many articles (the index stays
# marked incomplete until the end): one transaction for a whole build grew
# SQLite's write-ahead log to 10 GB at 100k articles and slowed every lookup.
COMMIT_EVERY = 1000
# Below this many articles, starting worker processes (or counting every
# shingle's holders in one pass) costs more than it saves.
PARALLEL_FROM = 200


@dataclass(slots=True)
class RefreshReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reanalysed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rebuilt: bool = False
    seconds: float = 0.0
    words: int = 0

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.reanalysed or self.rebuilt)


def _fingerprint(source: SourceFile) -> str:
    return "|".join(_stat_mark(p) for p in (source.file, source.sidecar))


def _stat_mark(path: str | None) -> str:
    if path is None:
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _digest(raw: bytes, source: SourceFile) -> str:
    h = hashlib.blake2b(raw, digest_size=16)
    try:
        h.update(sidecar_path(source.path).read_bytes())
    except OSError:
        pass
    return h.hexdigest()


def refresh(
    corpus: Path,
    index_dir: Path,
    rebuild: bool = False,
    progress: Progress | None = None,
    log: Log | None = None,
    procs: int | None = None,
) -> RefreshReport:
    """Bring the index in `index_dir` up to date with the articles in `corpus`."""
    report = RefreshReport()
    say = log or (lambda _msg: None)
    t0 = time.perf_counter()
    ix_mod.check_location(index_dir, corpus)
    with ix_mod.writer_lock(index_dir, on_wait=say):
        report.notes += ix_mod.prepare_folder(index_dir)
        if rebuild:
            ix_mod.clear(index_dir)
            report.rebuilt = True
        elif ix_mod.is_built(index_dir):
            problem = ix_mod.healthy(index_dir)
            if problem:
                report.notes.append(f"index in {index_dir}: {problem}; rebuilding it from the articles")
                ix_mod.clear(index_dir)
                report.rebuilt = True
        for note in report.notes:
            say(note)
        try:
            store = ix_mod.open_store(index_dir)
        except StoreError as exc:
            say(f"index in {index_dir}: {exc}; rebuilding it from the articles")
            ix_mod.clear(index_dir)
            report.rebuilt = True
            store = ix_mod.open_store(index_dir)
        try:
            _refresh(corpus, index_dir, store, report, progress, say, procs)
        finally:
            store.close()
        ix_mod.mark(index_dir)
    report.seconds = time.perf_counter() - t0
    return report


def _refresh(corpus: Path, index_dir: Path, store: Store, report: RefreshReport,
             progress: Progress | None, say: Log, procs: int | None) -> None:
    known = store.files()
    was_complete = store.get_meta("complete") == "1"
    fresh: dict[str, tuple[Article, str, str]] = {}
    seen: set[str] = set()
    sources = list(article_files(corpus, exclude=index_dir))
    to_read: list[tuple[SourceFile, str]] = []
    for source in sources:
        seen.add(source.id)
        fp = _fingerprint(source)
        old = known.get(source.id)
        if old and old[1] == fp:
            report.unchanged += 1
        else:
            to_read.append((source, fp))
    found: dict[str, _Read] = {}
    for n, (source, fp, got) in enumerate(_read_all(to_read, procs), 1):
        if progress and n % 500 == 0:
            progress("scanning", n, len(to_read))
        old = known.get(source.id)
        if isinstance(got, NotText):
            report.skipped.append(f"{source.path}: skipped, {got}")
            seen.discard(source.id)
            continue
        if isinstance(got, FileNotFoundError):
            report.skipped.append(f"{source.path}: skipped, it disappeared while indexing")
            seen.discard(source.id)
            continue
        if isinstance(got, OSError):
            reason = got.strerror or str(got)
            if old:
                report.skipped.append(f"{source.path}: cannot read it ({reason}); keeping the indexed version")
            else:
                report.skipped.append(f"{source.path}: skipped, cannot read it ({reason})")
                seen.discard(source.id)
            continue
        if old and old[2] == got.digest:
            store.put_file(source.id, source.file, fp, got.digest)
            report.unchanged += 1
            continue
        (report.changed if old else report.added).append(source.id)
        report.problems.extend(got.article.problems)
        fresh[source.id] = (got.article, fp, got.digest)
        found[source.id] = got
    removed = sorted(set(known) - seen)
    report.removed = removed
    for message in (*report.skipped, *report.problems):
        say(message)
    if not fresh and not removed and was_complete:
        store.commit()
        return

    store.set_meta("complete", "0")
    store.commit()
    for aid in removed:
        store.delete_article(aid)
    for aid in fresh:
        store.put_signature(aid, found[aid].signature)
        store.put_names(aid, found[aid].names)

    owned = store.own_dates()
    duplicates = _update_duplicates(store, fresh, removed, owned, progress)
    reanalyse = _reanalyse_for_duplicates(store, fresh, duplicates, owned)
    report.reanalysed = sorted(reanalyse)

    name_forms = store.name_forms()
    choices = dict(NameVote.from_dict(name_forms).choices())
    store.put_name_choices(choices)
    jobs = [_job(a) for a, _fp, _d in fresh.values()]
    jobs += [_job_from_record(store, aid, owned[aid][0], duplicates) for aid in sorted(reanalyse)]
    ix = ix_mod.open_whoosh(index_dir)
    workers = _workers(procs)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        # One segment per process: the final single-segment merge would undo the parallelism.
        writer = ix.writer(procs=workers, multisegment=True, limitmb=128)
    else:
        writer = ix.writer(limitmb=256)
    written: set[str] = set()
    try:
        for aid in removed:
            writer.delete_by_term("id", aid)
        # Each result is written as it arrives, so a build never holds every article's analysis.
        for result in _analyse_all(jobs, name_forms, choices, progress, procs):
            report.words += result.words
            record = fresh[result.id][0] if result.id in fresh else None
            _write_document(writer, store, result, record)
            written.add(result.id)
            if len(written) % COMMIT_EVERY == 0:
                store.commit()
        if progress:
            progress("committing", len(jobs), len(jobs))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise

    for aid, (article, fp, digest) in fresh.items():
        store.put_file(aid, str(article.path), fp, digest)
    _corpus_passes(store, written, duplicates, progress, touched_all=not known)
    store.set_meta("complete", "1")
    store.commit()


@dataclass(slots=True)
class _Read:
    """An article as read from its files, with what the corpus passes need of it before analysis."""

    article: Article
    digest: str
    signature: list[int]
    names: Counter[str]


def _read_one(item: tuple[SourceFile, str]) -> tuple[SourceFile, str, _Read | OSError | NotText]:
    source, fp = item
    try:
        article, raw = read_article(source)
    except (NotText, OSError) as exc:
        return source, fp, exc
    return source, fp, _Read(article, _digest(raw, source), dedup.signature(article.text, article.regions),
                             pipeline.unknown_names(article.text, article.regions))


def _read_all(items: list[tuple[SourceFile, str]],
              procs: int | None) -> Iterator[tuple[SourceFile, str, _Read | OSError | NotText]]:
    """Read, fingerprint and sample the changed files, in worker processes for a large batch.

    Decoding, sidecar YAML, shingles and the dictionary lookups for names took
    6 minutes in one process at 100,000 articles.
    """
    workers = _workers(procs)
    if workers > 1 and len(items) >= PARALLEL_FROM:
        with _pool(workers) as pool:
            yield from pool.imap(_read_one, items, chunksize=32)
        return
    yield from map(_read_one, items)


def _update_duplicates(store: Store, fresh: dict[str, tuple[Article, str, str]], removed: list[str],
                       owned: dict[str, tuple[str | None, str | None, int]],
                       progress: Progress | None = None) -> dict[str, str]:
    """Every article's original after the change: recomputed where the change can affect it."""
    sizes: Mapping[str, int] = store.signature_sizes() if len(fresh) >= PARALLEL_FROM else _SizesOnDemand(store)
    affected: set[str] = set(fresh)
    sigs: dict[str, list[int]] = {}
    memo: dict[str, Counter[str]] = {}
    frequent = store.frequent_hashes(dedup.COMMON) if len(fresh) >= PARALLEL_FROM else None
    for n, aid in enumerate(fresh, 1):
        if progress and (n % 500 == 0 or n == len(fresh)):
            progress("copies", n, len(fresh))
        sigs[aid] = store.signature(aid)
        memo[aid] = store.shared(sigs[aid], dedup.COMMON, frequent)
        # Another article can have become a copy of this one only if this one holds most of it.
        affected.update(other for other, n in memo[aid].items()
                        if other != aid and n >= dedup.CONTAINED * sizes.get(other, 0) > 0)
    gone = set(fresh) | set(removed)
    affected.update(aid for aid, (_d, dup, _r) in owned.items() if dup in gone)
    affected.discard("")
    for aid in affected:
        if aid not in sigs:
            sigs[aid] = store.signature(aid)
    rank = {aid: r for aid, (_d, _dup, r) in owned.items()}
    for aid, (article, _fp, _d) in fresh.items():
        rank[aid] = article.metadata_rank
    by_sig = {tuple(sigs[a]): memo[a] for a in memo}
    found = dedup.find_duplicates(
        {a: s for a, s in sigs.items() if a in sizes},
        lambda s: by_sig.get(tuple(s)) or store.shared(s, dedup.COMMON, frequent), sizes, rank,
        ids=[a for a in affected if a in sizes],
    )
    result = {aid: dup for aid, (_d, dup, _r) in owned.items() if dup and aid not in affected}
    result.update(found)
    return result


class _SizesOnDemand(Mapping[str, int]):
    """Signature sizes read as they are asked for: a refresh of a few articles
    asks for a few dozen, where reading them all took 2 s at 100,000 articles."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: dict[str, int] = {}

    def __getitem__(self, aid: str) -> int:
        n = self._known.get(aid)
        if n is None:
            n = self._known[aid] = self.store.signature_size(aid)
        if not n:
            raise KeyError(aid)
        return n

    def __iter__(self) -> Iterator[str]:
        return iter(self.store.signature_sizes())

    def __len__(self) -> int:
        return len(self.store.signature_sizes())


def _reanalyse_for_duplicates(store: Store, fresh: dict[str, tuple[Article, str, str]], duplicates: dict[str, str],
                              owned: dict[str, tuple[str | None, str | None, int]]) -> set[str]:
    """Unchanged articles whose original changed or went: their inherited date may differ."""
    out: set[str] = set()
    for aid, (own_date, old_dup, _rank) in owned.items():
        if aid in fresh:
            continue
        new_dup = duplicates.get(aid)
        if new_dup != old_dup or (new_dup and new_dup in fresh and not own_date):
            out.add(aid)
    for aid, (article, _fp, _d) in fresh.items():
        _apply_duplicate(article, duplicates.get(aid), store, fresh)
    return out


def _apply_duplicate(article: Article, original: str | None, store: Store,
                     fresh: dict[str, tuple[Article, str, str]]) -> None:
    if not original:
        return
    if original in fresh:
        article.inherit(fresh[original][0])
        return
    rec = store.article(original)
    if rec:
        article.inherit(Article(rec.id, Path(rec.id), rec.text, rec.regions, title=rec.title, date=rec.date,
                                published=rec.published, outlet=rec.outlet, url=rec.url, author=rec.author,
                                lang=rec.lang))


def _job(article: Article) -> pipeline.Job:
    return pipeline.Job(article.id, article.text, article.regions, article.date)


def _job_from_record(store: Store, aid: str, own_date: str | None, duplicates: dict[str, str]) -> pipeline.Job:
    rec = store.article(aid)
    assert rec is not None
    original = store.article(duplicates[aid]) if aid in duplicates else None
    date = own_date or (original.date if original else None)
    source = rec.date_source if own_date else (f"duplicate of {original.id}" if original and date else None)
    store.set_duplicate(aid, original.id if original else None, date, source, day_range(date))
    return pipeline.Job(aid, rec.text, rec.regions, date)


def _analyse_all(jobs: list[pipeline.Job], name_forms: dict[str, int], choices: dict[str, str],
                 progress: Progress | None, procs: int | None) -> Iterator[pipeline.Analysed]:
    analysis.use_names(choices)
    workers = _workers(procs)
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        with _pool(workers, initializer=pipeline.init_worker, initargs=(name_forms,)) as pool:
            for n, result in enumerate(pool.imap(pipeline.analyse, jobs, chunksize=16), 1):
                yield result
                if progress and (n % 50 == 0 or n == len(jobs)):
                    progress("analysing", n, len(jobs))
        return
    pipeline.init_worker(name_forms)
    for n, job in enumerate(jobs, 1):
        yield pipeline.analyse(job)
        if progress and (n % 20 == 0 or n == len(jobs)):
            progress("analysing", n, len(jobs))


def _workers(procs: int | None) -> int:
    return procs if procs is not None else min(2, os.cpu_count() or 1)


def _pool(workers: int, **kwargs: Any) -> Any:
    return multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(workers, **kwargs)


def _write_document(writer: object, store: Store, result: pipeline.Analysed, article: Article | None) -> None:
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
    store.put_events(result.id, result.events, [_event_days(e) for e in result.events])
    days = day_range(rec.date)
    doc: dict[str, object] = {
        "id": rec.id,
        "title": rec.title or "",
        "body": "\n".join(rec.text[s:e] for s, e in rec.regions),
        "outlet": rec.outlet or "",
        **ix_mod.entity_fields(result.entities),
    }
    if days:
        doc["date_start"], doc["date_end"] = days
    writer.update_document(**doc)  # type: ignore[attr-defined]


def _event_days(event: Event) -> tuple[int, int] | None:
    if event.earliest and event.latest:
        both = (day_range(event.earliest), day_range(event.latest))
        if both[0] and both[1]:
            return both[0][0], both[1][1]
    return day_range(event.date)


# How far the corpus-wide passes reach from the articles a refresh touched:
# enough for every decision they make to see its evidence, bounded so that one
# changed article never costs a pass over the whole corpus.
NEIGHBOUR_ARTICLES = 100
NEIGHBOUR_EVENTS_PER_KEY = 40
NEIGHBOUR_DAYS = 30000  # about three years either side, in yyyymmdd steps
LINK_CHUNK = 1000


def _corpus_passes(store: Store, touched: set[str], duplicates: dict[str, str], progress: Progress | None,
                   touched_all: bool = False) -> None:
    """Corpus-wide choices over stored results: one name per entity, links between events.

    Only the touched articles and their neighbours (articles naming the same
    people, events sharing an entity within a few years) are reconsidered; a
    full rebuild reconsiders everything.
    """
    if progress:
        progress("linking", 0, 1)
    if touched_all:
        scope = set(store.article_ids())
        renames = corpus_renames(store.each_entity())
    else:
        mine = store.entities_of(touched)
        surnames = {e.name.replace("-", " ").split()[-1] for ents in mine.values() for e in ents
                    if e.type == "person" and e.name.split()}
        names = {n for ents in mine.values() for e in ents for n in (e.name, *e.aliases)}
        scope = touched | store.articles_naming({fold(s) for s in surnames}, names, NEIGHBOUR_ARTICLES)
        renames = corpus_renames(e for ents in store.entities_of(scope).values() for e in ents)
    # In chunks, so that a full build never holds every article's entities at once.
    renamed: dict[str, dict[str, str]] = {}
    ordered = sorted(scope)
    for i in range(0, len(ordered), LINK_CHUNK):
        for aid, old in store.entities_of(ordered[i : i + LINK_CHUNK]).items():
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
    own = store.events_of(scope if touched_all else touched | set(renamed))
    owners = {ev.id for ev in own}
    events = {ev.id: ev for ev in own}
    if not touched_all:
        _add_neighbour_events(store, own, events, touched, duplicates)
    batch = list(events.values())
    for ev in batch:
        ev.links = []
    link_events(batch, duplicates, focus=None if touched_all else owners)
    store.replace_links(batch, owners)
    if progress:
        progress("linking", 1, 1)


def _add_neighbour_events(store: Store, own: list[Event], events: dict[str, Event], touched: set[str],
                          duplicates: dict[str, str]) -> None:
    """Events a link from the touched articles' events could reach: same keys nearby in time, and copies."""
    dated = [d for ev in own if (d := _event_days(ev))]
    if dated:
        lo = min(d[0] for d in dated) - NEIGHBOUR_DAYS
        hi = max(d[1] for d in dated) + NEIGHBOUR_DAYS
        keys = {k for ev in own for k in event_keys(ev)}
        for ev in store.events_near(keys, lo, hi, NEIGHBOUR_EVENTS_PER_KEY):
            events.setdefault(ev.id, ev)
    related_articles = {a for a, d in duplicates.items() if d in touched} | {d for a, d in duplicates.items()
                                                                             if a in touched}
    for ev in store.events_of(related_articles):
        events.setdefault(ev.id, ev)


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


def main(argv: list[str] | None = None) -> int:
    """`python -m kzreader.index.indexer CORPUS INDEX`: refresh, and print the report as JSON.

    The app runs this in a child process, so that a refresh never competes
    with the reader's own searches for the interpreter.
    """
    corpus, index_dir = (Path(a) for a in (sys.argv[1:] if argv is None else argv))
    try:
        report = refresh(corpus, index_dir)
    except (CorpusError, ix_mod.IndexFolderError, StoreError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps(asdict(report), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
