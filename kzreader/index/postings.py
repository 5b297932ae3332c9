"""A term's postings read from Whoosh's files in whole lists, below its matcher API.

Whoosh's matchers read a posting list block by block, each with a seek and a
pickle load, and hand out one document at a time. Scoring a term at a time
(scoring.py) wants the whole list: here it is read with one read per term and
decoded in memory, with every segment's field lengths held in memory too.

This module reads Whoosh 2.7.5's w3 codec below its public API (block
arrays, length columns); the version is pinned for that reason.
"""
from __future__ import annotations

import io
import pickle
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.codec import whoosh3 as w3
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE, unpack_int


class Unsupported(Exception):
    """A query or a posting list that term-at-a-time scoring does not handle; the caller falls back to Whoosh."""


def load_lengths(searcher: Any) -> None:
    """Hold every field length in memory: one byte per document and field.

    BM25 reads one length per scored document; without mmap each read is a
    seek and a read on the segment file, almost half of a common word's query.
    """
    for leaf, _offset in searcher.leaf_searchers():
        _load_lengths(leaf.reader(), searcher.schema.scorable_names())


def _load_lengths(reader: Any, fieldnames: list[str]) -> None:
    # W3PerDocReader keeps lengths as a NumericColumn("B") per field, cached by
    # _cached_reader; a bytes object answers reader[docnum] the same way.
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None or not hasattr(perdoc, "_cached_reader"):
        return
    count = reader.doc_count_all()
    for name in fieldnames:
        lenfield = w3._lenfield(name)
        column = perdoc._cached_reader(lenfield, w3.LENGTHS_COLUMN)
        if column is None or not hasattr(column, "_dbfile"):
            continue
        stored = min(column._count, count)
        data = column._dbfile.get(column._basepos, stored) if stored else b""
        perdoc._readers[lenfield] = bytes(data) + bytes(count - stored)


@dataclass(frozen=True, slots=True)
class Leaf:
    """One segment: its reader, the global number of its first document, its deleted documents."""

    reader: Any
    offset: int
    deleted: frozenset[int]


class Postings:
    """The posting lists of one open searcher, segment by segment."""

    def __init__(self, searcher: Any) -> None:
        self.schema = searcher.schema
        self.leaves = [
            Leaf(sub.reader(), offset, frozenset(getattr(sub.reader(), "deleted_docs_set", ()) or ()))
            for sub, offset in searcher.leaf_searchers()
        ]
        self.deleted = {d + leaf.offset for leaf in self.leaves for d in leaf.deleted}

    def term_bytes(self, fieldname: str, text: str) -> bytes | None:
        """A term as its field stores it; None for a field the schema lacks or text it cannot hold."""
        if fieldname not in self.schema:
            return None
        try:
            return self.schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def blocks(self, fieldname: str, btext: bytes) -> Iterator[tuple[Leaf, Any, Any, Any]]:
        """Each stored block of a term's postings in each segment: (leaf, ids, weights, values)."""
        for leaf in self.leaves:
            terms = leaf.reader._terms
            # One lookup in the term dictionary, not a test for the term and then its info.
            try:
                info = terms.term_info(fieldname, btext)
            except TermNotFound:
                continue
            if info.is_inlined():
                yield (leaf, *info.inlined_postings())
                continue
            offset, length = info.extent()
            # W3TermInfo.from_bytes leaves the length as a 1-tuple (Whoosh itself never reads it).
            length = length[0] if isinstance(length, tuple) else length
            for block in _w3_blocks(terms._postfile.get(offset, length)):
                yield (leaf, *block)

    def lengths(self, leaf: Leaf, fieldname: str) -> Any:
        perdoc = getattr(leaf.reader, "_perdoc", None)
        lengths = getattr(perdoc, "_readers", {}).get(w3._lenfield(fieldname))
        if not isinstance(lengths, bytes):
            raise Unsupported
        return lengths

def _w3_blocks(raw: bytes) -> Iterator[tuple[tuple[int, ...], Any, Any]]:
    """Decode a term's whole posting list as W3LeafMatcher stores it, from one read.

    The matcher reads each block with a seek and a pickle load from the file,
    about twenty small reads a block; one read of the whole list and in-memory
    decoding does the same work without them. Layout: a magic tag, then blocks
    of [signed length (negative for the last)][pickled info][data], where data
    is a pickled (delta-coded ids, weights, values), zlib-compressed if the info says so.
    """
    if raw[:4] != w3.WHOOSH3_HEADER_MAGIC:
        raise Unsupported
    pos = 4
    while pos < len(raw):
        (length,) = unpack_int(raw[pos : pos + _INT_SIZE])
        start = pos + _INT_SIZE
        end = start + abs(length)
        head = io.BytesIO(raw[start:end])
        count, _maxid, _maxweight, compression, _minlen, _maxlen = pickle.load(head)
        data = raw[start + head.tell() : end]
        ids, weights, values = pickle.loads(zlib.decompress(data) if compression else data)
        if weights is None or isinstance(weights, float):
            weights = [1.0 if weights is None else weights] * count
        yield tuple(accumulate(ids)), weights, values
        if length < 0:
            return
        pos = end
    # The list ended without its last block: the stored extent cannot be trusted.
    raise Unsupported
