"""The index folder: Whoosh's inverted index beside the SQLite state, and its safety rules.

The article files are the truth and this folder a cache. Whoosh unpickles
what it finds in an index folder, so a folder is trusted like code: it is
created private to the user, never opened inside a corpus, and anything in it
that fails to open, or was written by another version, is deleted (only our
own files) and rebuilt.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from kzreader.index import faults
from kzreader.index.analyzer import polish_analyzer
from kzreader.index.compact_postings import CompactPositions
from kzreader.index.postings import load_lengths
from kzreader.index.store import Store, StoreError

INDEX_NAME = "articles"
STATE_FILE = "state.db"
LOCK_FILE = "kzreader.lock"
MARKER = "KZREADER_INDEX"
# Written over the version mark by a reader that found the state file damaged,
# which it cannot repair: the next indexing rebuilds the folder.
DAMAGED = "damaged"
# Bump when analysis changes what is indexed, or a class Whoosh pickles moves:
# older folders are then rebuilt.
FORMAT = "kzreader-index 15"

_OWN_FILES = re.compile(rf"^(_?{INDEX_NAME}_.*|{INDEX_NAME}_WRITELOCK|{STATE_FILE}(-wal|-shm|-journal)?|{MARKER}|.*\.tmp)$")


class IndexFolderError(Exception):
    """The index folder cannot be used (for example it lies inside the corpus)."""


def make_schema() -> Schema:
    analyzer = polish_analyzer()

    def text() -> TEXT:
        field = TEXT(analyzer=analyzer, phrase=True, multitoken_query="or")
        field.format = CompactPositions(field_boost=field.format.field_boost)
        return field

    return Schema(
        id=ID(stored=True, unique=True),
        title=text(),
        body=text(),
        outlet=text(),
        person=text(),
        place=text(),
        org=text(),
        entity=KEYWORD(commas=True, scorable=False),
        lang=ID(),
        # Whoosh's unsigned numeric ranges match wrongly near their bounds; signed ones do not.
        date_start=NUMERIC(int),
        date_end=NUMERIC(int),
    )


def check_location(index_dir: Path, corpus: Path) -> None:
    idx, root = index_dir.resolve(), corpus.resolve()
    if idx == root or root in idx.parents:
        raise IndexFolderError(
            f"the index folder {index_dir} lies inside the corpus {corpus}; kzreader never writes into "
            "or opens an index inside a corpus: choose another --index"
        )


def prepare_folder(index_dir: Path) -> list[str]:
    """Create the folder private to the user; report a folder that is not ours or not private."""
    notes: list[str] = []
    index_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    marker = index_dir / MARKER
    if marker.exists():
        try:
            fmt = marker.read_text(encoding="utf-8").strip()
        except OSError:
            fmt = ""
        if fmt != FORMAT:
            notes.append(f"index in {index_dir} was found damaged; rebuilding it" if fmt == DAMAGED else
                         f"index in {index_dir} was built by another version of kzreader; rebuilding it")
            clear(index_dir)
    else:
        foreign = [p.name for p in index_dir.iterdir() if not _OWN_FILES.match(p.name) and p.name != LOCK_FILE]
        if any(p.name.startswith(("_" + INDEX_NAME, INDEX_NAME, STATE_FILE)) for p in index_dir.iterdir()):
            notes.append(f"index in {index_dir} has no version mark; rebuilding it")
            clear(index_dir)
        if foreign:
            notes.append(f"{index_dir} also holds files that are not kzreader's ({', '.join(sorted(foreign)[:3])}...); "
                         "they are left alone")
    mode = index_dir.stat().st_mode
    if mode & 0o022:
        notes.append(f"{index_dir} is writable by other users; an index folder is trusted like code, "
                     "keep it private (chmod 700)")
    return notes


def clear(index_dir: Path) -> None:
    """Delete our own files in the folder, never anything else."""
    for p in index_dir.iterdir():
        if _OWN_FILES.match(p.name) and p.is_file():
            p.unlink(missing_ok=True)


def mark(index_dir: Path) -> None:
    tmp = index_dir / f"{MARKER}.tmp"
    tmp.write_text(FORMAT + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / MARKER)


def storage(index_dir: Path) -> FileStorage:
    # Without mmap Whoosh reads segments on demand instead of copying each whole
    # sub-file into memory: 82 MB instead of 2 GB for a 100k-article searcher.
    return FileStorage(str(index_dir), supports_mmap=False)


def open_whoosh(index_dir: Path, create: bool = False) -> windex.Index:
    st = storage(index_dir)
    if create or not windex.exists(st, indexname=INDEX_NAME):
        return st.create_index(make_schema(), indexname=INDEX_NAME)
    return st.open_index(indexname=INDEX_NAME)


def open_searcher(ix: windex.Index) -> Any:
    """A searcher whose field lengths live in memory, for scoring without a read per document."""
    searcher = ix.searcher()
    load_lengths(searcher)
    return searcher


def open_store(index_dir: Path, readonly: bool = False, texts: Path | None = None) -> Store:
    """The state; with `texts`, the corpus folder its articles' texts are read from."""
    store = Store(index_dir / STATE_FILE, readonly=readonly)
    store.texts = texts
    return store


def condemn(index_dir: Path) -> bool:
    """Have the next indexing rebuild the folder; False if the folder cannot be written."""
    try:
        (index_dir / MARKER).write_text(DAMAGED + "\n", encoding="utf-8")
    except OSError:
        return False
    return True


def unreadable(index_dir: Path, exc: Exception) -> str:
    """What to say of an index that failed while being read; damage found so is rebuilt by the next run."""
    if faults.damaged(exc) and condemn(index_dir):
        return (f"the index in {index_dir} is damaged ({exc}); the articles are untouched and the next run "
                "rebuilds the index from them")
    return f"the index in {index_dir} cannot be read ({exc}); run `kzreader index --rebuild`"


def is_built(index_dir: Path) -> bool:
    """A complete folder of this version, as far as its mark says."""
    try:
        fmt = (index_dir / MARKER).read_text(encoding="utf-8").strip()
    except OSError:
        return False
    return fmt == FORMAT and (index_dir / STATE_FILE).exists()


def healthy(index_dir: Path) -> str | None:
    """None when the folder opens and agrees with itself, else what is wrong."""
    try:
        store = open_store(index_dir, readonly=True)
    except StoreError as exc:
        return str(exc)
    try:
        with open_whoosh(index_dir).searcher() as s:
            return disagreement(store, s.doc_count())
    except Exception as exc:  # noqa: BLE001 - any failure to open means: rebuild
        return f"the search index cannot be read ({exc.__class__.__name__}: {exc})"
    finally:
        store.close()


def disagreement(store: Store, doc_count: int) -> str | None:
    """What makes an opened index untrustworthy: an unfinished build, or halves that disagree."""
    if store.get_meta("complete") != "1":
        return "the last indexing did not finish"
    if doc_count != store.article_count():
        return "the search index and the article store disagree"
    return None


@contextmanager
def writer_lock(index_dir: Path, on_wait: Callable[[str], None] | None = None,
                timeout: float = 600.0) -> Iterator[None]:
    """One indexer at a time per folder; a second one waits for the first.

    flock is released by the kernel when its holder dies, so a lock left by a
    killed process never blocks.
    """
    index_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(index_dir / LOCK_FILE, "a+") as fh:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if not told and on_wait:
                    on_wait(f"another kzreader is indexing {index_dir}; waiting for it")
                    told = True
                if time.monotonic() > deadline:
                    raise IndexFolderError(f"another kzreader has held {index_dir} for {timeout:.0f} s; giving up") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# Between names in an entity field: the analyzer makes no term of it, and no name holds it.
NAME_SEPARATOR = " ; "


def entity_fields(entities: list[Any]) -> dict[str, str]:
    """The text of the person/place/org fields: every name, alias and form of each entity."""
    fields: dict[str, list[str]] = {"person": [], "place": [], "org": []}
    for ent in entities:
        if ent.type in fields:
            fields[ent.type].extend([ent.name, *ent.aliases, *{m.text for m in ent.mentions}])
    return {k: NAME_SEPARATOR.join(v) for k, v in fields.items() if v}
