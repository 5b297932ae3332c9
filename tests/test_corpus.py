"""What an article file says of itself, what its sidecar says, and which wins."""
from __future__ import annotations

from pathlib import Path

import pytest

from kzreader.corpus.articles import CorpusError, load_corpus, parse
from kzreader.corpus.metadata import read_sidecar

from conftest import SEEDS


def test_header_date_runs_on_into_the_text() -> None:
    text = " date 2022-11 Kasym-Żomert Tokajew złożył wizytę w Moskwie.\n\nDruga linia."
    art = parse("x", Path("x.txt"), text)
    assert art.date == "2022-11" and art.date_source == "header"
    first = text[art.regions[0][0] : art.regions[0][1]]
    assert first.startswith("Kasym-Żomert Tokajew")


def test_publication_line_gives_the_day_and_is_not_body() -> None:
    text = " date 2025-11 Reklama\nTytuł artykułu\n\nPublikacja: 15.11.2025 15:40\n\nFoto: PAP/EPA\n\nTreść."
    art = parse("x", Path("x.txt"), text)
    assert art.date == "2025-11-15" and art.published == "2025-11-15T15:40"
    body = [text[s:e] for s, e in art.regions]
    assert body == ["Tytuł artykułu", "Treść."]
    assert art.title == "Tytuł artykułu"


def test_month_date_keeps_its_granularity() -> None:
    art = parse("x", Path("x.txt"), " date 2022-11 Tekst.\nDalej.")
    assert art.date == "2022-11"


def test_sidecar_wins_where_both_speak(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2022-11 Tytuł z pliku\nTreść artykułu.\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("title: Tytuł z metadanych\ndate: 2022-11-28\noutlet: x.pl\n", encoding="utf-8")
    art = load_corpus(tmp_path).articles[0]
    assert (art.title, art.date, art.outlet, art.date_source) == ("Tytuł z metadanych", "2022-11-28", "x.pl", "metadata")


def test_seeds_metadata_and_the_duplicate() -> None:
    corpus = load_corpus(SEEDS)
    arts = corpus.by_id()
    assert len(arts) == 5 and not corpus.skipped
    assert arts["000_1a80194eb4e6b121"].date == "2025-11-15"
    assert arts["001_3ee2ed97d5547eef"].date == "2022-11"
    assert arts["003_b04a14d05bbe2008"].date == "2023-12-08"
    excerpt = arts["002_c3ac7bc5b52fd419"]
    assert excerpt.duplicate_of == "000_1a80194eb4e6b121"
    assert excerpt.date == "2025-11-15" and excerpt.date_source.startswith("duplicate")
    assert all(a.duplicate_of is None for a in arts.values() if a is not excerpt)


def test_articles_are_byte_for_byte_the_shared_seeds() -> None:
    shared = SEEDS.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for f in shared.glob("*.txt"):
        assert (SEEDS / f.name).read_bytes() == f.read_bytes()


def test_binary_and_empty_files_are_skipped_by_name_and_the_rest_kept(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Rosja i Kazachstan podpisały umowę.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 10)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["good"]
    assert any("empty.txt" in m and "empty" in m for m in corpus.skipped)
    assert any("image.txt" in m and "binary" in m for m in corpus.skipped)


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")


def test_bad_sidecars_are_reported_with_file_and_line_and_nothing_runs(tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    meta = read_sidecar(bad)
    assert meta.title is None and "a.yaml line" in meta.problems[0]

    bad.write_text("title: [a, list]\ndate: not a date\nurl: ok\n", encoding="utf-8")
    meta = read_sidecar(bad)
    assert meta.url == "ok" and meta.title is None and meta.date is None
    assert any("line 1" in p and "title" in p for p in meta.problems)
    assert any("line 2" in p and "date" in p for p in meta.problems)

    marker = tmp_path / "pwned"
    bad.write_text(f"title: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    meta = read_sidecar(bad)
    assert not marker.exists() and meta.problems


def test_files_are_listed_in_name_order_with_their_sidecars_and_compared_alike_by_workers(tmp_path: Path,
                                                                                          monkeypatch) -> None:
    """The walk's order and sidecars; forked workers, a few files each, find the same changes as one process."""
    from kzreader.corpus.articles import article_files, article_folders
    from kzreader.index import sources

    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a-b.txt", "a.txt", "a.yaml", ".hidden.txt", "notes.md", "sub/c.txt", "sub/c.yaml"):
        (tmp_path / name).write_text("Tekst.\n", encoding="utf-8")
    found = list(article_files(tmp_path))
    assert [(s.id, s.sidecar is not None) for s in found] == [
        ("a-b", False), ("a", True), ("b", False), ("sub/c", True)]
    assert found[1].sidecar == str(tmp_path / "a.yaml") and found[1].path == tmp_path / "a.txt"
    folders = list(article_folders(tmp_path))
    assert [aid for f in folders for aid in f.ids()] == [s.id for s in found]
    everything = sources.changed_files(folders, {}, 1)
    assert [s for s, _fp in everything] == found
    fps = {s.id: fp for s, fp in everything}
    assert fps["a-b"] == f"7:{(tmp_path / 'a-b.txt').stat().st_mtime_ns}|-"
    assert sources.changed_files(folders, fps, 1) == []
    (tmp_path / "a.yaml").write_text("date: 2020-01-01\n", encoding="utf-8")
    (tmp_path / "sub" / "c.txt").unlink()
    alone = sources.changed_files(folders, fps, 1)
    assert [s.id for s, _fp in alone] == ["a", "sub/c"]
    assert alone[0][1] == fps["a"].split("|")[0] + f"|17:{(tmp_path / 'a.yaml').stat().st_mtime_ns}"
    assert alone[1][1] == "-|" + fps["sub/c"].split("|")[1]
    monkeypatch.setattr(sources, "_STAT_CHUNK", 1)
    assert sources.changed_files(folders, fps, 2) == alone
    assert sources._listed == () and sources._known == {}
