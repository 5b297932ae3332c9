"""Build or refresh the index of a corpus: only what was added, changed or removed.

Order of work, chosen so that a process killed at any point leaves either the
last complete index or one the next run detects and rebuilds: the state is
marked incomplete, Whoosh commits, then SQLite commits the new state with the
completion mark. Re-indexing an article replaces its documents, so a run that
repeats work after a crash converges on the same index.

This module orders the work; the steps are beside it: `sources` reads the
changed files, `duplicates` finds the copies, `documents` analyses and writes
each article, and `corpus_passes` settles names and links across articles.
It also decides which batches go to worker processes (`PARALLEL_FROM`).
"""
from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from kzreader.corpus.articles import CorpusError, article_folders
from kzreader.corpus.decoding import NotText
from kzreader.index import corrections, faults
from kzreader.index import folder as ix_mod
from kzreader.index import whoosh_writer
from kzreader.index.corpus_passes import corpus_passes
from kzreader.index.documents import analyse_all, store_article, stored_job, write_document
from kzreader.index.duplicates import job_from_record, reanalyse_for_duplicates, update_duplicates
from kzreader.index.progress import Log, Progress
from kzreader.index.sources import changed_files, read_all
from kzreader.index.store import Store, StoreError
from kzreader.index.workers import process_count
from kzreader.language.pl import names
from kzreader.language.pl.names import NameVote
from kzreader.reading import pipeline

__all__ = ["Log", "Progress", "RefreshReport", "main", "refresh"]

# A build commits the state store every so many articles (the index stays
# marked incomplete until the end): one transaction for a whole build grew
# SQLite's write-ahead log to 10 GB at 100k articles and slowed every lookup.
COMMIT_EVERY = 1000
# Below this many articles, starting worker processes (or counting every
# shingle's holders in one pass) costs more than it saves.
PARALLEL_FROM = 200
# Articles whose texts are read back from the state and queued for analysis at once.
JOBS_AT_ONCE = 2000
STATE_DAMAGED = "the state file is damaged"


@dataclass(frozen=True, slots=True)
class _Fresh:
    path: str
    fingerprint: str
    digest: str
    rank: int


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


def refresh(
    corpus: Path,
    index_dir: Path,
    rebuild: bool = False,
    progress: Progress | None = None,
    log: Log | None = None,
    procs: int | None = None,
    fixes: list[dict[str, Any]] | None = None,
) -> RefreshReport:
    """Bring the index in `index_dir` up to date with the articles in `corpus`.

    `fixes` are the reader's corrections (`kzreader.index.corrections`), applied
    after the corpus-wide passes; None applies again those the index holds.
    """
    report = RefreshReport()
    say = log or (lambda _msg: None)
    t0 = time.perf_counter()
    ix_mod.check_location(index_dir, corpus)
    try:
        _locked_refresh(corpus, index_dir, rebuild, report, progress, say, procs, fixes)
    except (OSError, sqlite3.Error) as exc:
        failure = faults.write_failure(exc, index_dir)
        if failure is None:
            raise
        raise failure from None
    report.seconds = time.perf_counter() - t0
    return report


def _locked_refresh(corpus: Path, index_dir: Path, rebuild: bool, report: RefreshReport, progress: Progress | None,
                    say: Log, procs: int | None, fixes: list[dict[str, Any]] | None) -> None:
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
            store = ix_mod.open_store(index_dir, texts=corpus)
        except StoreError as exc:
            say(f"index in {index_dir}: {exc}; rebuilding it from the articles")
            ix_mod.clear(index_dir)
            report.rebuilt = True
            store = ix_mod.open_store(index_dir, texts=corpus)
        try:
            _refresh(corpus, index_dir, store, report, progress, say, procs, fixes)
        except sqlite3.DatabaseError as exc:
            if not faults.damaged(exc):
                raise
            # Damage the opening checks cannot see (a page deep in the file) shows when the refresh reads it.
            say(f"index in {index_dir}: {STATE_DAMAGED} ({exc}); rebuilding it from the articles")
            store.close()
            ix_mod.clear(index_dir)
            anew = RefreshReport(notes=report.notes, rebuilt=True)
            for f in fields(RefreshReport):
                setattr(report, f.name, getattr(anew, f.name))
            store = ix_mod.open_store(index_dir, texts=corpus)
            _refresh(corpus, index_dir, store, report, progress, say, procs, fixes)
        finally:
            store.close()
        ix_mod.mark(index_dir)


def _refresh(corpus: Path, index_dir: Path, store: Store, report: RefreshReport,
             progress: Progress | None, say: Log, procs: int | None, fixes: list[dict[str, Any]] | None) -> None:
    known = store.fingerprints()
    was_complete = store.get_meta("complete") == "1"
    # What stays in memory of each new or changed article: its text and readings go to the state as it is read.
    fresh: dict[str, _Fresh] = {}
    folders = list(article_folders(corpus, exclude=index_dir))
    seen = {aid for folder in folders for aid in folder.ids()}
    to_read = changed_files(folders, known, process_count(procs))
    report.unchanged = len(seen) - len(to_read)
    for n, (source, fp, got) in enumerate(read_all(to_read, _processes(procs, len(to_read))), 1):
        if progress and n % 500 == 0:
            progress("scanning", n, len(to_read))
        indexed = source.id in known
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
            if indexed:
                report.skipped.append(f"{source.path}: cannot read it ({reason}); keeping the indexed version")
            else:
                report.skipped.append(f"{source.path}: skipped, cannot read it ({reason})")
                seen.discard(source.id)
            continue
        if indexed and store.file_hash(source.id) == got.digest:
            store.put_file(source.id, source.file, fp, got.digest)
            report.unchanged += 1
            continue
        if not fresh:
            store.set_meta("complete", "0")
            store.commit()
        (report.changed if indexed else report.added).append(source.id)
        report.problems.extend(got.article.problems)
        fresh[source.id] = _Fresh(str(got.article.path), fp, got.digest, got.article.metadata_rank)
        store_article(store, got.article)
        store.put_signature(source.id, got.signature)
        store.put_names(source.id, got.names)
        if len(fresh) % COMMIT_EVERY == 0:
            store.commit()
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

    owned = store.own_dates()
    ranks = {aid: f.rank for aid, f in fresh.items()}
    duplicates = update_duplicates(store, ranks, removed, owned, len(fresh) >= PARALLEL_FROM, progress)
    reanalyse = reanalyse_for_duplicates(store, ranks, duplicates, owned)
    report.reanalysed = sorted(reanalyse)

    name_forms = store.name_forms()
    vote = NameVote.from_dict(name_forms)
    before = store.name_choices() if store.get_meta("name_rules") == names.RULES_MARK else {}
    choices = vote.updated(before)
    if choices != before:
        store.put_name_choices(choices)
        store.set_meta("name_rules", names.RULES_MARK)
    redo = [job_from_record(store, aid, owned[aid][0], duplicates) for aid in sorted(reanalyse)]
    total = len(fresh) + len(redo)

    def batches() -> Iterator[list[pipeline.Job]]:
        ids = list(fresh)
        for i in range(0, len(ids), JOBS_AT_ONCE):
            yield [stored_job(store, aid) for aid in ids[i:i + JOBS_AT_ONCE]]
        yield redo

    ix = ix_mod.open_whoosh(index_dir)
    processes = _processes(procs, total)
    if processes > 1:
        # One segment per process: the final single-segment merge would undo the parallelism. Each
        # sub-writer's postings, as Python objects, outgrow Whoosh's estimate of them: at 128 MB each
        # held 300 MB at 10,000 articles (500 MB at 100,000); at 64 MB 225 MB, and the build took no longer.
        writer = whoosh_writer.writer(ix, processes, multisegment=True, limitmb=64)
    else:
        writer = whoosh_writer.writer(ix, limitmb=256)
    written: set[str] = set()
    try:
        for aid in removed:
            writer.delete_by_term("id", aid)
        # Each result is written as it arrives, so a build never holds every article's analysis.
        for result in analyse_all(batches(), total, name_forms, choices, progress, processes):
            report.words += result.words
            write_document(writer, store, result)
            written.add(result.id)
            if len(written) % COMMIT_EVERY == 0:
                store.commit()
        if progress:
            progress("committing", total, total)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise

    for aid, f in fresh.items():
        store.put_file(aid, f.path, f.fingerprint, f.digest)
    restored = corrections.uncorrect(store, written | set(removed))
    corpus_passes(store, written, duplicates, progress, touched_all=not known)
    for note in corrections.recorrect(store, fixes if fixes is not None else corrections.applied(store),
                                      restored):
        say(note)
    store.set_meta("complete", "1")
    store.commit()
    if not known:
        store.compact()


def _processes(procs: int | None, batch: int) -> int:
    """Worker processes for a batch of `batch` articles: one below PARALLEL_FROM."""
    processes = process_count(procs)
    return processes if processes > 1 and batch >= PARALLEL_FROM else 1


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
