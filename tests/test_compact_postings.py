"""Compact postings: positions packed as integers, W3 blocks in pickle 5, read back by Whoosh and by us."""
from __future__ import annotations

import pickle
import pickletools
from pathlib import Path

import pytest
from whoosh import formats
from whoosh.query import Phrase

from kzreader.index import folder as ix_mod
from kzreader.index import whoosh_writer
from kzreader.index.compact_postings import CompactPositions, encode_positions, position_gaps
from kzreader.index.postings import Postings


@pytest.mark.parametrize("poslist", [[0], [7], [3, 5, 9], [46, 300], [1, 70_000, 70_001], [2**31 + 5]])
def test_positions_round_trip(poslist: list[int]) -> None:
    fmt = CompactPositions()
    value = fmt.encode(poslist)
    assert fmt.decode_positions(value) == poslist
    assert fmt.decode_frequency(value) == len(poslist)
    assert fmt.decode_weight(value) == float(len(poslist))
    assert list(position_gaps(value))[0] == poslist[0]


def test_smallest_type_that_holds_the_gaps() -> None:
    assert encode_positions([5]) == b"B\x05"
    assert len(encode_positions([5, 300])) == 1 + 2 * 2  # a gap of 295 needs two bytes each
    assert len(encode_positions([100, 200, 300])) == 1 + 3  # positions above 255, gaps below
    assert len(encode_positions([0, 70_000])) == 1 + 2 * 4


def test_far_smaller_than_whoosh_positions() -> None:
    single, several = [12], [3, 40, 41, 90]
    for poslist in (single, several):
        assert len(encode_positions(poslist)) * 3 < len(formats.Positions().encode(poslist))


def _index(tmp_path: Path, bodies: list[str]) -> object:
    ix = ix_mod.open_whoosh(tmp_path, create=True)
    writer = whoosh_writer.writer(ix)
    for n, body in enumerate(bodies):
        writer.add_document(id=f"a{n}", body=body, lang="pl")
    writer.commit()
    return ix_mod.open_whoosh(tmp_path)


def test_schema_text_fields_are_compact() -> None:
    schema = ix_mod.make_schema()
    for name in ("title", "body", "outlet", "person", "place", "org"):
        assert type(schema[name].format) is CompactPositions


def test_whoosh_reads_positions_and_phrases(tmp_path: Path) -> None:
    # A long document: positions past 255 and 65,535 need wider gaps than one byte.
    filler = "słowo " * 70_000
    ix = _index(tmp_path, ["elektrownia atomowa w Kazachstanie", filler + "elektrownia atomowa na końcu",
                           "atomowa elektrownia, nie ta kolejność"])
    with ix.searcher() as s:
        m = s.reader().postings("body", "atomowy")
        positions = {}
        while m.is_active():
            positions[s.stored_fields(m.id())["id"]] = m.value_as("positions")
            m.next()
        assert positions["a0"] == [1]
        assert positions["a1"] == [70_001]
        found = {s.stored_fields(d)["id"] for d in s.docs_for_query(Phrase("body", ["elektrownia", "atomowy"]))}
    assert found == {"a0", "a1"}


def test_blocks_pickled_with_protocol_5(tmp_path: Path) -> None:
    # Over one posting a term, so the postings go into a block on the postings file, not inline.
    ix = _index(tmp_path, ["Rosja i Chiny", "Rosja i Indie", "Rosja i Iran"])
    with ix.searcher() as s:
        postings = Postings(s)
        leaf = postings.leaves[0]
        info = leaf.reader._terms.term_info("body", b"rosja")
        offset, length = info.extent()
        raw = leaf.reader._terms._postfile.get(offset, length[0] if isinstance(length, tuple) else length)
        blocks = list(postings.blocks("body", b"rosja"))
    assert [list(ids) for _leaf, ids, _w, _v in blocks] == [[0, 1, 2]]
    head = raw[8:]  # past the magic tag and the block's length
    assert next(pickletools.genops(head))[1] == 5
    assert b"_codecs" not in raw
    assert pickle.loads(head)[0] == 3  # the block's posting count, read as Whoosh reads it


@pytest.mark.parametrize("seed", range(5))
def test_gaps_of_many_values_at_once_as_one_by_one(seed: int) -> None:
    import random

    from kzreader.index.dense import gaps_of

    rng = random.Random(seed)
    poslists = []
    for _ in range(200):
        top = rng.choice([200, 5_000, 100_000])
        poslists.append(sorted(rng.sample(range(top), rng.randint(1, 6))))
    values = [encode_positions(p) for p in poslists]
    counts, gaps = gaps_of(values)
    assert counts.tolist() == [len(p) for p in poslists]
    assert gaps.tolist() == [g for v in values for g in position_gaps(v)]
    assert gaps_of([])[1].tolist() == [] and gaps_of(values[:3])[1].tolist() == gaps.tolist()[:int(counts[:3].sum())]
