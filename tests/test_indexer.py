"""The index is a cache of the articles: refreshed incrementally, rebuilt when damaged."""
from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import timeline_links
from kzreader.index.indexer import refresh
from kzreader.library import Library


def _ids(index_dir: Path, corpus: Path, q: str) -> set[str]:
    lib, _ = Library.open(corpus, index_dir, update=False)
    try:
        return {h.article for h in lib.search(q).hits}
    finally:
        lib.close()


def test_refresh_reanalyses_only_what_changed(corpus_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    first = refresh(corpus_copy, index_dir)
    assert len(first.added) == 5

    again = refresh(corpus_copy, index_dir)
    assert not again.touched and again.unchanged == 5

    (corpus_copy / "new.txt").write_text("Wizyta w Ułan Bator: rozmowy o wolframie i uranie.", encoding="utf-8")
    added = refresh(corpus_copy, index_dir)
    assert added.added == ["new"] and not added.changed and added.unchanged == 5
    assert _ids(index_dir, corpus_copy, "uran") == {"new"}

    path = corpus_copy / "new.txt"
    path.write_text("Teraz mowa o bursztynie.", encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    changed = refresh(corpus_copy, index_dir)
    assert changed.changed == ["new"] and not changed.added
    assert _ids(index_dir, corpus_copy, "uran") == set()
    assert _ids(index_dir, corpus_copy, "bursztyn") == {"new"}

    path.unlink()
    removed = refresh(corpus_copy, index_dir)
    assert removed.removed == ["new"]
    assert _ids(index_dir, corpus_copy, "bursztyn") == set()


def test_removing_the_original_frees_its_copy(corpus_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    refresh(corpus_copy, index_dir)
    (corpus_copy / "000_1a80194eb4e6b121.txt").unlink()
    (corpus_copy / "000_1a80194eb4e6b121.yaml").unlink()
    report = refresh(corpus_copy, index_dir)
    assert "002_c3ac7bc5b52fd419" in report.reanalysed
    lib, _ = Library.open(corpus_copy, index_dir, update=False)
    try:
        row = next(a for a in lib.articles() if a["id"].startswith("002"))
        assert row["duplicate_of"] is None and row["date"] is None
    finally:
        lib.close()


def test_a_corrupt_index_is_rebuilt(corpus_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    refresh(corpus_copy, index_dir)
    for seg in index_dir.glob("*.seg"):
        seg.write_bytes(b"garbage")
    for toc in index_dir.glob("_articles_*.toc"):
        toc.write_bytes(toc.read_bytes()[:20])
    report = refresh(corpus_copy, index_dir)
    assert report.rebuilt and any("rebuilding" in n for n in report.notes)
    assert {i[:3] for i in _ids(index_dir, corpus_copy, "Erywań")} == {"004"}


def test_a_deleted_state_file_is_rebuilt(corpus_copy: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    refresh(corpus_copy, index_dir)
    (index_dir / "state.db").write_bytes(b"not a database at all")
    report = refresh(corpus_copy, index_dir)
    assert report.rebuilt
    assert {i[:3] for i in _ids(index_dir, corpus_copy, "Erywań")} == {"004"}


def test_an_added_article_is_linked_as_a_full_build_would_link_it(corpus_copy: Path, tmp_path: Path) -> None:
    late = "004_340609ee85e05146"
    for ext in (".txt", ".yaml"):
        (corpus_copy / f"{late}{ext}").rename(tmp_path / f"{late}{ext}")
    incremental = tmp_path / "ix"
    refresh(corpus_copy, incremental)
    for ext in (".txt", ".yaml"):
        (tmp_path / f"{late}{ext}").rename(corpus_copy / f"{late}{ext}")
    assert refresh(corpus_copy, incremental).added == [late]
    full = tmp_path / "full"
    refresh(corpus_copy, full)
    got, want = timeline_links(incremental, corpus_copy), timeline_links(full, corpus_copy)
    assert any(rel == "conflict" and late in a for a, _b, rel in got)
    assert {x for x in want if late in x[0] or late in x[1]} <= got


def test_the_name_vote_is_stored_as_the_build_decided_it(seeds_index) -> None:
    """The app reads the vote's choices instead of summing every article's name forms at start."""
    from kzreader.index import folder as ix_mod
    from kzreader.language.pl.names import NameVote

    store = ix_mod.open_store(seeds_index, readonly=True)
    try:
        choices = store.name_choices()
        assert choices and choices == dict(NameVote.from_dict(store.name_forms()).choices())
    finally:
        store.close()


def test_name_tallies_follow_articles_that_change_and_go(corpus_copy: Path, tmp_path: Path) -> None:
    """The corpus-wide name counts are kept up to date, not recounted: they must equal a fresh count."""
    from kzreader.index import folder as ix_mod

    def counts_agree() -> dict[str, int]:
        store = ix_mod.open_store(tmp_path / "ix", readonly=True)
        try:
            fresh = {f: n for f, n in store.db.execute("SELECT form, sum(n) FROM names GROUP BY form")}
            assert store.name_forms() == fresh
            return fresh
        finally:
            store.close()

    refresh(corpus_copy, tmp_path / "ix")
    before = counts_agree()
    victim = sorted(corpus_copy.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nSpotkali się Zbigniewski i Zbigniewskiego brat.\n",
                      encoding="utf-8")
    refresh(corpus_copy, tmp_path / "ix")
    during = counts_agree()
    assert during.get("Zbigniewskiego", 0) == before.get("Zbigniewskiego", 0) + 1
    victim.unlink()
    victim.with_suffix(".yaml").unlink(missing_ok=True)
    refresh(corpus_copy, tmp_path / "ix")
    assert "Zbigniewskiego" not in counts_agree()


def test_worker_processes_build_what_one_process_builds(corpus_copy: Path, tmp_path: Path,
                                                        monkeypatch) -> None:
    """Reading and analysis move to worker processes for large batches; nothing may differ for it."""
    from kzreader.index import indexer

    (corpus_copy / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus_copy / "empty.txt").write_text("", encoding="utf-8")
    serial = refresh(corpus_copy, tmp_path / "one", procs=1)
    monkeypatch.setattr(indexer, "PARALLEL_FROM", 2)
    parallel = refresh(corpus_copy, tmp_path / "two", procs=2)
    assert sorted(parallel.added) == sorted(serial.added) and parallel.skipped == serial.skipped
    assert any("binary.txt" in s for s in parallel.skipped)
    libs = [Library.open(corpus_copy, tmp_path / name, update=False)[0] for name in ("one", "two")]
    try:
        one, two = libs
        assert one.articles() == two.articles()
        for aid in (a["id"] for a in one.articles()):
            assert [e.to_dict() for e in one.entities(aid)] == [e.to_dict() for e in two.entities(aid)]
        assert one.search("Rosja").total == two.search("Rosja").total > 0
    finally:
        for lib in libs:
            lib.close()


def test_a_refresh_in_a_child_process_reports_what_it_did(corpus_copy: Path, tmp_path: Path) -> None:
    """The app refreshes in a child process; its report and its errors come back as in process."""
    import pytest

    refresh(corpus_copy, tmp_path / "ix")
    (corpus_copy / "late.txt").write_text("Późny\n\nTokajew spotkał się z Putinem w Astanie.\n", encoding="utf-8")
    report = Library.refresh_elsewhere(corpus_copy, tmp_path / "ix")
    assert report.added == ["late"] and report.touched
    assert not Library.refresh_elsewhere(corpus_copy, tmp_path / "ix").touched
    with pytest.raises(OSError, match="does not exist"):
        Library.refresh_elsewhere(tmp_path / "nowhere", tmp_path / "ix2")


def test_a_build_reads_texts_back_a_batch_at_a_time(corpus_copy: Path, tmp_path: Path, monkeypatch) -> None:
    """The corpus's texts go to the state as read; analysis takes them back a batch at a time, never all at once."""
    from kzreader.index import documents, indexer

    order: list[str] = []
    make_job, analyse = documents.stored_job, documents.pipeline.analyse

    def job(store, aid):  # type: ignore[no-untyped-def]
        order.append("job")
        return make_job(store, aid)

    def analysed(j):  # type: ignore[no-untyped-def]
        order.append("analyse")
        return analyse(j)

    monkeypatch.setattr(indexer, "JOBS_AT_ONCE", 2)
    monkeypatch.setattr(indexer, "stored_job", job)
    monkeypatch.setattr(documents.pipeline, "analyse", analysed)
    report = refresh(corpus_copy, tmp_path / "ix", procs=1)
    assert len(report.added) == 5
    assert order[:4] == ["job", "job", "analyse", "analyse"] and order.count("job") == 5
    # The copy among the seeds still takes its original's metadata, read back from the state.
    lib, _ = Library.open(corpus_copy, tmp_path / "ix", update=False)
    try:
        assert any(a["duplicate_of"] for a in lib.articles())
    finally:
        lib.close()
