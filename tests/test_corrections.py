"""The reader's corrections: each kind in the index, search and JSON at once and after a rebuild; undo; bad files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzreader.library import Library, TimelineFilter
from kzreader.library import corrections as fixes
from kzreader.library.correcting import Corrector
from kzreader.library.corrections import CorrectionsError, corrections_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MACRON, TRUMP, SZOSZYN = "person:emmanuel macron", "person:donald trump", "person:rusłan szoszyn"


@pytest.fixture
def setup(tmp_path: Path):
    index_dir, path = tmp_path / "ix", tmp_path / "fixes.yaml"
    lib, _ = Library.open(SEEDS, index_dir, corrections=path)
    yield lib, Corrector(lib), index_dir, path
    lib.close()


def reopened(index_dir: Path, path: Path, rebuild: bool = False) -> Library:
    lib, _ = Library.open(SEEDS, index_dir, rebuild=rebuild, update=rebuild, corrections=path)
    return lib


def names(lib: Library, key: str) -> set[str]:
    return {e.name for aid in lib.articles_with_entity(key) for e in lib.entities(aid) if e.key == key}


def found(lib: Library, query: str) -> set[str]:
    return set(lib.matching_ids(query))


def both_ways(lib: Library, index_dir: Path, path: Path, check) -> None:
    """`check` holds at once, and after a rebuild from the articles."""
    check(lib)
    again = reopened(index_dir, path, rebuild=True)
    try:
        check(again)
    finally:
        again.close()


def test_rename_shows_in_entities_search_and_stats_at_once_and_after_a_rebuild(setup):
    lib, corrector, index_dir, path = setup
    before = set(lib.articles_with_entity(TRUMP))
    corrector.add("rename", key=TRUMP, name="Donald J. Trump")

    def check(lib: Library) -> None:
        assert names(lib, TRUMP) == {"Donald J. Trump"}
        assert found(lib, 'person:"Donald J. Trump"') == before
        facets = {f["key"]: f for f in lib.entity_facets()}
        assert facets[TRUMP]["name"] == "Donald J. Trump"
        assert {e.name for e in lib.top_entities(limit=200) if e.key == TRUMP} == {"Donald J. Trump"}
    both_ways(lib, index_dir, path, check)


def test_type_moves_the_entity_between_search_fields(setup):
    lib, corrector, index_dir, path = setup
    arts = set(lib.articles_with_entity(SZOSZYN))
    assert found(lib, "person:Szoszyn") >= arts
    corrector.add("type", key=SZOSZYN, type="org")

    def check(lib: Library) -> None:
        assert {e.type for aid in arts for e in lib.entities(aid) if e.key == SZOSZYN} == {"org"}
        assert found(lib, "org:Szoszyn") == arts
        assert not found(lib, "person:Szoszyn") & arts
    both_ways(lib, index_dir, path, check)


def test_merge_makes_one_entity_found_by_both_names_and_events_follow(setup):
    lib, corrector, index_dir, path = setup
    macron, trump = set(lib.articles_with_entity(MACRON)), set(lib.articles_with_entity(TRUMP))
    macron_events = {e.id for e in lib.timeline(TimelineFilter(entity="Macron"), undated=True)}
    corrector.add("merge", **corrector.merge_fields(MACRON, TRUMP))

    def check(lib: Library) -> None:
        assert not lib.articles_with_entity(MACRON)
        assert set(lib.articles_with_entity(TRUMP)) == macron | trump
        # Search follows: each name finds the articles of both.
        assert found(lib, "person:Macron") >= macron | trump
        assert found(lib, "person:Trump") >= macron | trump
        # The events follow the key: Trump's events now include Macron's.
        trump_events = {e.id for e in lib.timeline(TimelineFilter(entity="Trump"), undated=True)}
        assert macron_events <= trump_events
        for ev in lib.timeline(undated=True):
            assert MACRON not in ev.entities
    both_ways(lib, index_dir, path, check)


def test_reject_removes_the_entity_everywhere_by_name_and_type(setup):
    lib, corrector, index_dir, path = setup
    arts = set(lib.articles_with_entity(SZOSZYN))
    corrector.add("reject", name="Rusłan Szoszyn", type="person")

    def check(lib: Library) -> None:
        assert not lib.articles_with_entity(SZOSZYN)
        assert not found(lib, "person:Szoszyn") & arts
        assert all(SZOSZYN not in ev.entities for ev in lib.timeline(undated=True))
        assert SZOSZYN not in {e.key for e in lib.top_entities(limit=500)}
    both_ways(lib, index_dir, path, check)


def test_unmention_takes_one_mention_out_and_is_dropped_with_a_notice_when_the_text_changes(tmp_path: Path):
    import shutil
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    index_dir, path = tmp_path / "ix", tmp_path / "fixes.yaml"
    lib, _ = Library.open(corpus, index_dir, corrections=path)
    aid = lib.articles_with_entity(TRUMP)[0]
    ent = next(e for e in lib.entities(aid) if e.key == TRUMP)
    gone = ent.mentions[-1]
    Corrector(lib).add("unmention", article=aid, start=gone.start, end=gone.end, text=gone.text)
    left = next(e for e in lib.entities(aid) if e.key == TRUMP)
    assert (gone.start, gone.end) not in {(m.start, m.end) for m in left.mentions}
    assert len(left.mentions) == len(ent.mentions) - 1
    lib.close()
    # The article's text changes under the mention: the correction no longer applies, and the reader is told.
    src = next(corpus.rglob(f"{aid}.txt"))
    raw = src.read_bytes()
    src.write_bytes(raw.replace(gone.text.encode(), b"X" * len(gone.text.encode()), 1) if raw.count(
        gone.text.encode()) == 1 else b"Nowy tekst. " + raw)
    notes: list[str] = []
    lib, _ = Library.open(corpus, index_dir, corrections=path, log=notes.append)
    try:
        assert any("no longer" in n and aid in n for n in notes)
    finally:
        lib.close()


def test_unlink_and_link_change_the_events_links_at_once_and_after_a_rebuild(setup):
    lib, corrector, index_dir, path = setup
    linked = next(ev for ev in lib.timeline(undated=True) if any(lk.relation == "same" for lk in ev.links))
    other = next(lk.event for lk in linked.links if lk.relation == "same")
    corrector.add("unlink", a=linked.id, b=other)
    lone = [ev for ev in lib.timeline(undated=True) if not ev.links and ev.article != linked.article][:2]
    corrector.add("link", a=lone[0].id, b=lone[1].id)

    def check(lib: Library) -> None:
        assert other not in {lk.event for lk in lib.event(linked.id).links}
        assert linked.id not in {lk.event for lk in lib.event(other).links}
        assert [(lk.event, lk.relation) for lk in lib.event(lone[0].id).links] == [(lone[1].id, "same")]
        assert (lone[0].id, "same") in [(lk.event, lk.relation) for lk in lib.event(lone[1].id).links]
    both_ways(lib, index_dir, path, check)


def test_undo_takes_one_back_and_leaves_the_rest(setup):
    lib, corrector, index_dir, path = setup
    trump = set(lib.articles_with_entity(TRUMP))
    corrector.add("rename", key=MACRON, name="E. Macron")
    corrector.add("merge", **corrector.merge_fields(MACRON, TRUMP))
    assert not lib.articles_with_entity(MACRON)
    out = corrector.undo(2)
    assert out.correction.kind == "merge"
    assert names(lib, MACRON) == {"E. Macron"}
    assert set(lib.articles_with_entity(TRUMP)) == trump
    assert not found(lib, "person:Macron") & (trump - set(lib.articles_with_entity(MACRON)))
    corrector.undo(1)
    assert names(lib, MACRON) == {"Emmanuel Macron"}
    assert [c.kind for c in corrector.load().corrections] == []
    assert path.read_text(encoding="utf-8").startswith("# kzreader corrections")


def test_rename_then_merge_of_the_same_entity(setup):
    lib, corrector, index_dir, path = setup
    corrector.add("rename", key=MACRON, name="Manu")
    corrector.add("merge", **corrector.merge_fields(MACRON, TRUMP))

    def check(lib: Library) -> None:
        assert names(lib, TRUMP) == {"Donald Trump"}
        aliases = {a for aid in lib.articles_with_entity(TRUMP) for e in lib.entities(aid) if e.key == TRUMP
                   for a in e.aliases}
        assert "Manu" in aliases
        assert found(lib, "person:Manu") == set(lib.articles_with_entity(TRUMP))
    both_ways(lib, index_dir, path, check)


def test_a_broken_file_is_reported_with_its_line_kept_as_it_is_and_the_good_entries_apply(tmp_path: Path):
    path = tmp_path / "fixes.yaml"
    text = (f"- kind: rename\n  key: {TRUMP}\n  name: Donald J. Trump\n"
            "- kind: rename-all\n  key: x\n"
            f"- kind: type\n  key: {MACRON}\n  type: 7\n")
    path.write_text(text, encoding="utf-8")
    notes: list[str] = []
    lib, _ = Library.open(SEEDS, tmp_path / "ix", corrections=path, log=notes.append)
    try:
        assert any(f"{path}:4:" in n and "unknown kind" in n for n in notes)
        assert any(f"{path}:6:" in n and "type" in n for n in notes)
        assert names(lib, TRUMP) == {"Donald J. Trump"}
        with pytest.raises(CorrectionsError):
            Corrector(lib).undo(9)
    finally:
        lib.close()
    assert path.read_text(encoding="utf-8") == text
    path.write_text("- kind: rename\n  key: [unclosed\n", encoding="utf-8")
    loaded = fixes.load(path)
    assert not loaded.readable and loaded.problems[0].startswith(f"{path}:")
    with pytest.raises(CorrectionsError):
        fixes.add(path, "reject", name="X", type="person")
    assert path.read_text(encoding="utf-8") == "- kind: rename\n  key: [unclosed\n"
    # Unreadable, the file's corrections are no longer applied: the reader starts without them.
    lib, _ = Library.open(SEEDS, tmp_path / "ix", corrections=path, log=notes.append)
    try:
        assert names(lib, TRUMP) == {"Donald Trump"}
    finally:
        lib.close()


def test_the_file_lives_in_the_users_data_folder_never_in_the_corpus(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("KZREADER_CORRECTIONS", raising=False)
    corpus = tmp_path / "news"
    where = corrections_path(None, corpus)
    assert where.parent == tmp_path / "data" / "kzreader" / "corrections" and where.suffix == ".yaml"
    assert corrections_path(None, tmp_path / "other") != where
    monkeypatch.setenv("KZREADER_CORRECTIONS", str(tmp_path / "team.yaml"))
    assert corrections_path(None, corpus) == tmp_path / "team.yaml"
    assert corrections_path(str(tmp_path / "mine.yaml"), corpus) == tmp_path / "mine.yaml"


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("KZREADER_CORRECTIONS", None)
    return subprocess.run([sys.executable, "-m", "kzreader", "--corpus", str(SEEDS), "--index", str(tmp_path / "ix"),
                           "--corrections", str(tmp_path / "fixes.yaml"), *args],
                          capture_output=True, text=True, env=env, check=False)


def test_the_command_line_adds_lists_undoes_and_its_json_and_exports_follow(tmp_path: Path):
    assert cli(tmp_path, "corrections", "add", "merge", "Macron", "Trump").returncode == 0
    assert cli(tmp_path, "corrections", "add", "rename", TRUMP, "Donald J. Trump").returncode == 0
    listed = json.loads(cli(tmp_path, "corrections", "--json").stdout)
    assert [(c["number"], c["kind"]) for c in listed["corrections"]] == [(1, "merge"), (2, "rename")]
    ents = json.loads(cli(tmp_path, "entities", "--json").stdout)["entities"]
    assert {e["key"]: e["name"] for e in ents}[TRUMP] == "Donald J. Trump"
    assert MACRON not in {e["key"] for e in ents}
    assert MACRON not in cli(tmp_path, "timeline", "--format", "csv").stdout
    hits = json.loads(cli(tmp_path, "search", "person:Macron", "--json").stdout)["hits"]
    assert len(hits) == 4
    bad = cli(tmp_path, "corrections", "add", "rename", "Nobody At All", "X")
    assert bad.returncode == 2 and "no entity" in bad.stderr
    assert cli(tmp_path, "corrections", "undo", "1").returncode == 0
    ents = json.loads(cli(tmp_path, "entities", "--json").stdout)["entities"]
    assert MACRON in {e["key"] for e in ents}
    assert "Donald J. Trump" in {e["name"] for e in ents}
    assert not (SEEDS / "fixes.yaml").exists()


def test_an_article_added_later_follows_a_rename_and_a_merge(tmp_path: Path, corpus_copy: Path):
    index_dir, path = tmp_path / "ix", tmp_path / "fixes.yaml"
    lib, _ = Library.open(corpus_copy, index_dir, corrections=path)
    corrector = Corrector(lib)
    corrector.add("rename", key=TRUMP, name="Donald J. Trump")
    corrector.add("merge", **corrector.merge_fields(MACRON, TRUMP))
    source = next(corpus_copy.rglob(f"{lib.articles_with_entity(TRUMP)[0]}.txt"))
    lib.close()
    added = source.with_name("zz_added.txt")
    added.write_bytes(source.read_bytes().replace(b"Trump", b"Trump ") + b"\nEmmanuel Macron i Donald Trump.\n")
    lib, report = Library.open(corpus_copy, index_dir, corrections=path)
    try:
        assert report is not None and "zz_added" in report.added
        assert {e.name for e in lib.entities("zz_added") if e.key == TRUMP} == {"Donald J. Trump"}
        assert MACRON not in {e.key for e in lib.entities("zz_added")}
        assert "zz_added" in found(lib, "person:Macron")
    finally:
        lib.close()
