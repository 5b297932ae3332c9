"""A faster Whoosh segment writer that writes the same index.

Whoosh's own writer spends most of a build's indexing time on per-posting
bookkeeping, not on the index: it pickles each posting separately into its
sorting runs and back, and while writing the postings it reads every one's
field length back from the lengths file it has just written. This writer
pickles runs in chunks and answers field lengths from memory; postings,
lengths and files come out byte for byte as Whoosh's writer makes them.
"""
from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.codec.whoosh3 import W3PerDocWriter
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh import multiproc
from whoosh.writing import PostingPool, SegmentWriter

# Postings pickled together in a run: one pickle call per chunk instead of per posting.
_CHUNK = 20_000


class _ChunkedPool(PostingPool):
    """Whoosh's posting pool, its runs pickled in chunks and its size counted without per-item checks."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        # The same estimate of an item's memory as PostingPool.add, so runs start where they did.
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f: Any, items: list[Any]) -> None:
        for i in range(0, len(items), _CHUNK):
            pickle.dump(items[i:i + _CHUNK], f, pickle.HIGHEST_PROTOCOL)
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


class FastSegmentWriter(SegmentWriter):
    """SegmentWriter with chunked runs and field lengths from memory."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        assert type(self.perdocwriter) is W3PerDocWriter, "written for Whoosh's W3 codec"
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
        super().run()


class FastMpWriter(multiproc.MpWriter):
    """Whoosh's multi-process writer, its sub-writers FastSegmentWriters."""

    def _new_task(self) -> multiproc.SubWriterTask:
        task = _FastSubWriterTask(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                                  self.multisegment)
        self.tasks.append(task)
        task.start()
        return task


def writer(ix: Any, procs: int = 1, **kwargs: Any) -> SegmentWriter:
    """What `ix.writer(procs=procs, **kwargs)` gives, with the faster segment writer."""
    return FastMpWriter(ix, procs=procs, **kwargs) if procs > 1 else FastSegmentWriter(ix, **kwargs)
