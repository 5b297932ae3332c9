"""The faster Whoosh writer writes what Whoosh's own writer writes: postings, positions, lengths."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kzreader.index import folder as ix_mod
from kzreader.index import whoosh_writer

DOCS = [
    {"id": f"a{n}", "title": f"Tokajew w Moskwie {n}", "lang": "pl", "outlet": "Gazeta",
     "body": "Prezydent Kazachstanu Kasym-Żomart Tokajew spotkał się z premierem. " * (1 + n % 4)
     + f"Rozmowy trwały {n} godzin, a elektrownia atomowa była tematem numer {n % 3}. "
     # Forms of one lemma, one of them hyphenated: the lemma's positions come from several words.
     + "Rosja i Rosji, a potem Rosję-Rosja." * (n % 3),
     "person": "Kasym-Żomart Tokajew" if n % 2 else "", "place": "Moskwa" if n % 3 else "Astana",
     "entity": "person:tokajew,place:moskwa", "date_start": 20200101 + n, "date_end": 20200101 + n}
    for n in range(40)
]


def _contents(index_dir: Path) -> list[object]:
    ix = ix_mod.open_whoosh(index_dir)
    out: list[object] = []
    with ix.reader() as r:
        ids = {n: f["id"] for n, f in r.iter_docs()}
        for n in sorted(ids, key=ids.get):
            out.append((ids[n], [(f, r.doc_field_length(n, f)) for f in ("title", "body", "person", "place")]))
        for field, term in r.all_terms():
            m = r.postings(field, term)
            while m.is_active():
                out.append((field, term, ids[m.id()], m.weight(), m.value(),
                            m.block_min_length(), m.block_max_length()))
                m.next()
    return out


def _build(index_dir: Path, make_writer: object) -> list[object]:
    index_dir.mkdir()
    ix = ix_mod.open_whoosh(index_dir, create=True)
    writer = make_writer(ix)  # type: ignore[operator]
    # A tiny run limit, so the postings go through sorted runs on disk as in a large build.
    writer.pool.limit = 20_000
    for doc in DOCS:
        writer.update_document(**doc)
    writer.commit()
    return _contents(index_dir)


def test_same_index_as_whoosh_writer(tmp_path: Path) -> None:
    theirs = _build(tmp_path / "whoosh", lambda ix: ix.writer(limitmb=1))
    ours = _build(tmp_path / "ours", lambda ix: whoosh_writer.writer(ix, limitmb=1))
    assert ours == theirs
    assert any(row[0] == "body" for row in ours)


def test_lengths_answered_from_memory(tmp_path: Path) -> None:
    ix = ix_mod.open_whoosh(tmp_path, create=True)
    writer = whoosh_writer.writer(ix)
    for doc in DOCS[:3]:
        writer.add_document(**doc)
    fields = ("title", "body", "person")
    remembered = [[writer.lengths.doc_field_length(n, f) for f in fields] for n in range(3)]
    assert writer.lengths.doc_field_length(0, "missing") == 0
    writer.commit()
    with ix.reader() as r:
        assert remembered == [[r.doc_field_length(n, f) for f in fields] for n in range(3)]


def test_runs_merged_before_the_last_merge_write_the_same_index(tmp_path: Path, monkeypatch) -> None:
    """More sorted runs than Whoosh opens at once are merged into runs first: streamed, as at 100,000 articles."""
    from whoosh.writing import PostingPool

    theirs = _build(tmp_path / "whoosh", lambda ix: ix.writer(limitmb=1))
    merged: list[int] = []

    def items(self, maxfiles: int = 128):
        merged.append(len(self.runs))
        return PostingPool.items(self, maxfiles=2)

    monkeypatch.setattr(whoosh_writer._ChunkedPool, "items", items)
    ours = _build(tmp_path / "ours", lambda ix: whoosh_writer.writer(ix, limitmb=1))
    assert ours == theirs
    assert merged and merged[0] > 2


def test_a_sub_writer_that_fails_fails_the_commit_instead_of_leaving_its_documents_out(tmp_path: Path,
                                                                                      monkeypatch) -> None:
    """Whoosh commits without a sub-writer that died; ours refuses, and the index keeps what it had."""
    import os

    import pytest

    ix = ix_mod.open_whoosh(tmp_path, create=True)
    monkeypatch.setattr(whoosh_writer._FastSubWriterTask, "run", lambda self: os._exit(3))
    writer = whoosh_writer.writer(ix, 2, multisegment=True)
    for doc in DOCS:
        writer.add_document(**doc)
    with pytest.raises(whoosh_writer.SubWriterFailed, match="exit code 3"):
        writer.commit()
    writer.cancel()
    with ix_mod.open_whoosh(tmp_path).reader() as r:
        assert r.doc_count() == 0


def test_merging_many_runs_holds_a_small_chunk_of_each(tmp_path: Path) -> None:
    """A merge reads every run at once: what it holds is runs x chunk postings, bounded whatever the run size."""
    from whoosh.filedb.filestore import FileStorage

    pool = whoosh_writer._ChunkedPool(FileStorage(str(tmp_path)), None, limitmb=1)
    pool.limit = 5_000 * 180
    for i in range(40_000):
        pool.add(("body", b"t%07d" % i, i, 1.0, b"xx"))
    runs = list(pool.runs)
    assert len(runs) >= 7
    held = [len(chunk) for chunk in _chunks(pool._open_run(runs[0]))]
    assert max(held) <= 2_000
    assert [p[1] for p in pool.iter_postings()] == sorted(b"t%07d" % i for i in range(40_000))


def _chunks(f: Any) -> list[list[object]]:
    import pickle

    out = []
    with f:
        while True:
            try:
                out.append(pickle.load(f))
            except EOFError:
                return out
