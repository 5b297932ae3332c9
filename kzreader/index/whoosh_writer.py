"""A faster Whoosh segment writer that writes the same index.

Whoosh's own writer spends most of a build's indexing time on per-posting
bookkeeping, not on the index: it pickles each posting separately into its
sorting runs and back, while writing the postings it reads every one's field
length back from the lengths file it has just written, and it pickles the
positions of every term of every document on its own. This writer pickles
runs in chunks, answers field lengths from memory, and encodes a term's
positions once for each single position (most terms occur once in a field);
postings, lengths and files come out as Whoosh's writer makes them.
"""
from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from whoosh.codec.whoosh3 import W3PerDocWriter
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh import multiproc
from whoosh.writing import PostingPool, SegmentWriter

from kzreader.index.analyzer import PolishLemmaFilter, PolishTokenizer, index_terms
from kzreader.index.compact_postings import CompactPositions, encode_positions, use_compact_blocks
from kzreader.index.faults import IndexWriteError

# Postings pickled together in a run: one pickle call per chunk instead of per posting.
# A merge holds one chunk of every run it reads, and Whoosh merges up to 128 runs
# at once: at 100,000 articles each sub-writer had that many, and with chunks of
# 20,000 postings held 913 MB while merging them (2.2 GB for the whole build).
_CHUNK = 2_000


class _ChunkedPool(PostingPool):
    """Whoosh's posting pool, its runs pickled in chunks and its size counted without per-item checks."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        # The same estimate of an item's memory as PostingPool.add, so runs start where they did.
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        # A list when the pool is saved; a merge of runs, streamed, when there are more runs than files
        # Whoosh opens at once (at 100,000 articles with 64 MB pools).
        items = iter(items)
        while chunk := list(islice(items, _CHUNK)):
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class _Lengths:
    """Each document's field lengths as the lengths file stores them (one byte), kept in memory."""

    def __init__(self) -> None:
        self.fields: dict[str, array] = {}

    def add(self, docnum: int, fieldname: str, length: int) -> None:
        column = self.fields.setdefault(fieldname, array("B"))
        if len(column) <= docnum:
            column.extend(bytes(docnum + 1 - len(column)))
        column[docnum] = length_to_byte(length)

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        # Whoosh's reader: the default for a field without lengths, None for a document without a length.
        column = self.fields.get(fieldname)
        if column is None:
            return default
        lbyte = column[docnum] if docnum < len(column) else 0
        return byte_to_length(lbyte) if lbyte else None


class _Positions:
    """CompactPositions.word_values of a text field as (bytes, frequency, weight, value), once per term."""

    def __init__(self) -> None:
        self.single: dict[int, bytes] = {}

    def items(self, field: Any, value: str) -> Iterator[tuple[bytes, int, float, bytes]]:
        fb = field.format.field_boost
        single = self.single
        for text, poslist in _term_positions(field.analyzer, value).items():
            if len(poslist) == 1:
                encoded = single.get(poslist[0])
                if encoded is None:
                    encoded = single[poslist[0]] = encode_positions(poslist)
            else:
                encoded = encode_positions(poslist)
            # Each token's boost is 1.0, so a term's weight is its count, as Whoosh sums it.
            yield text.encode("utf-8"), len(poslist), float(len(poslist)) * fb, encoded


def _polish(analyzer: Any) -> bool:
    items = getattr(analyzer, "items", ())
    return len(items) == 2 and type(items[0]) is PolishTokenizer and type(items[1]) is PolishLemmaFilter


def _term_positions(analyzer: Any, value: str) -> dict[str, list[int]]:
    """Each indexed term's positions in `value`, as the analyzer's token stream gives them.

    Our analyzer stacks a word's terms (`index_terms`) at the word's position,
    so a repeated word form is looked up once per field instead of at every
    occurrence; a term two word forms share gets both forms' positions in order.
    """
    tokenizer = analyzer.items[0]
    by_word: dict[str, list[int]] = {}
    for t in tokenizer(value, positions=True, mode="index"):
        poslist = by_word.get(t.text)
        if poslist is None:
            by_word[t.text] = [t.pos]
        else:
            poslist.append(t.pos)
    found: dict[str, list[int]] = {}
    shared: set[str] = set()
    for word, poslist in by_word.items():
        for term in index_terms(word):
            have = found.get(term)
            if have is None:
                found[term] = list(poslist)
            else:
                have.extend(poslist)
                shared.add(term)
    for term in shared:
        found[term].sort()
    return found


class FastSegmentWriter(SegmentWriter):
    """SegmentWriter with chunked runs, field lengths from memory and positions encoded once."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        assert type(self.perdocwriter) is W3PerDocWriter, "written for Whoosh's W3 codec"
        assert not any(f.vector or f.separate_spelling() for _n, f in self.schema.items()), "no vectors, no spelling"
        self.positions = _Positions()
        self.lengths = _Lengths()
        perdoc = self.perdocwriter
        add_field = perdoc.add_field

        def add_and_record(fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
            add_field(fieldname, fieldobj, value, length)
            if length:
                self.lengths.add(perdoc._docnum, fieldname, length)

        perdoc.add_field = add_and_record
        pool = self.pool
        self.pool = _ChunkedPool(pool.tempstore, pool.segment, limitmb=pool.limit // (1024 * 1024))

    def add_document(self, **fields: Any) -> None:
        # SegmentWriter.add_document without term vectors and spelling words, which the schema has none of.
        self._check_state()
        perdoc = self.perdocwriter
        docnum = self.docnum
        add_post = self.pool.add
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(self.schema, fieldnames)
        perdoc.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = self.schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    if type(field.format) is CompactPositions and isinstance(value, str) and _polish(field.analyzer):
                        items = self.positions.items(field, value)
                    else:
                        items = field.index(value)
                    for tbytes, freq, weight, vbytes in items:
                        if field.scorable:
                            length += freq
                        add_post((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                stored = fields.get(f"_stored_{fieldname}", value)
                perdoc.add_field(fieldname, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.lengths if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()


class _FastSubWriterTask(multiproc.SubWriterTask):
    def run(self) -> None:
        # Runs in the forked child, which exists only for this writer: its own
        # SegmentWriter becomes ours without changing Whoosh in the parent.
        multiproc.SegmentWriter = FastSegmentWriter
        use_compact_blocks()
        super().run()


class FastMpWriter(multiproc.MpWriter):
    """Whoosh's multi-process writer, its sub-writers FastSegmentWriters, failing when one of them failed.

    Whoosh passes over a sub-writer that died (its result never comes) and
    commits the others' segments: the index would lack that sub-writer's
    documents without a word, as when its disk filled while it wrote.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.resultqueue = _Results(self.resultqueue, self.tasks, getattr(self.storage, "folder", "its folder"))

    def _new_task(self) -> multiproc.SubWriterTask:
        task = _FastSubWriterTask(self.storage, self.indexname, self.jobqueue, self.resultqueue.queue, self.subargs,
                                  self.multisegment)
        self.tasks.append(task)
        task.start()
        return task


class _Results:
    """The sub-writers' result queue as the committing writer reads it, after it has waited for them to end."""

    def __init__(self, queue: Any, tasks: list[multiproc.SubWriterTask], folder: str) -> None:
        self.queue = queue
        self.tasks = tasks
        self.folder = folder

    def get(self, timeout: float | None = None) -> Any:
        failed = [task.exitcode for task in self.tasks if task.exitcode]
        if failed:
            raise SubWriterFailed(
                f"cannot write the index in {self.folder} (a process writing its search index failed, exit code "
                f"{failed[0]}, with the error printed above); the articles are untouched: free some space if the "
                "disk is full, then run kzreader again")
        return self.queue.get(timeout=timeout)


class SubWriterFailed(IndexWriteError):
    """A Whoosh sub-writer process ended in an error: the documents it held are not in the index."""


def writer(ix: Any, procs: int = 1, **kwargs: Any) -> SegmentWriter:
    """What `ix.writer(procs=procs, **kwargs)` gives, with the faster segment writer and compact blocks."""
    use_compact_blocks()
    return FastMpWriter(ix, procs=procs, **kwargs) if procs > 1 else FastSegmentWriter(ix, **kwargs)
