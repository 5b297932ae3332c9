"""Search after corrections reads the corrected terms at query time; Whoosh documents keep the machine's reading."""
from __future__ import annotations

from pathlib import Path

from whoosh import query as wq

from kzreader.index import folder as ix_mod
from kzreader.index.corrected_terms import Articles, Changed, CorrectedQuery, _matches
from kzreader.library import Library
from kzreader.library.correcting import Corrector

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SZOSZYN = "person:rusłan szoszyn"


def test_a_name_matches_by_term_prefix_and_phrase_words():
    terms = frozenset({"rusłan", "ruslan", "szoszyn"})
    assert _matches(wq.Term("person", "szoszyn"), terms)
    assert _matches(wq.Prefix("person", "szosz"), terms)
    assert _matches(wq.Or([wq.Term("person", "x"), wq.Term("person", "ruslan")]), terms)
    assert _matches(wq.Phrase("person", ["rusłan", "szoszyn"]), terms)
    assert not _matches(wq.Phrase("person", ["rusłan", "tokajew"]), terms)
    assert _matches(wq.FuzzyTerm("person", "szoszin"), terms) is None  # left as Whoosh reads it


class _Top:
    """A searcher of one segment that knows two articles."""

    def document_number(self, id: str) -> int | None:  # noqa: A002 - Whoosh's keyword
        return {"a1": 3, "a2": 7}.get(id)

    def leaf_searchers(self):
        return [(self, 0)]


def test_only_terms_of_the_changed_field_and_name_are_rewritten():
    changed = {"person": [Changed("a1", frozenset({"kowalski"}), frozenset({"nowak"})),
                          Changed("a2", frozenset({"nowak"}), frozenset({"nowak", "jan"}))]}
    rewrite = CorrectedQuery(_Top(), changed).rewrite
    assert rewrite(wq.Term("org", "nowak")) == wq.Term("org", "nowak")
    assert rewrite(wq.Term("body", "kowalski")) == wq.Term("body", "kowalski")
    gone = rewrite(wq.Term("person", "kowalski"))
    assert gone == wq.AndNot(wq.Term("person", "kowalski"), Articles(frozenset({3}), None))
    gained = rewrite(wq.Or([wq.Term("body", "nowak"), wq.Term("person", "nowak", boost=0.5)]))
    assert gained == wq.Or([wq.Term("body", "nowak"),
                            wq.Or([wq.Term("person", "nowak", boost=0.5), Articles(frozenset({3}), None, 0.5)])])
    assert not CorrectedQuery(_Top(), {})


def test_a_correction_leaves_whoosh_documents_alone_and_keeps_other_words_matching(tmp_path: Path):
    index_dir = tmp_path / "ix"
    lib, _ = Library.open(SEEDS, index_dir, corrections=tmp_path / "fixes.yaml")
    try:
        arts = set(lib.articles_with_entity(SZOSZYN))
        generation = ix_mod.open_whoosh(index_dir).latest_generation()
        Corrector(lib).add("reject", name="Rusłan Szoszyn", type="person")
        assert ix_mod.open_whoosh(index_dir).latest_generation() == generation
        assert not set(lib.matching_ids("person:Szoszyn")) & arts
        # Either side of an OR still finds the article by its other word.
        assert set(lib.matching_ids("person:Szoszyn OR Szoszyn")) >= arts
        hits = lib.search("person:Szoszyn OR Szoszyn").hits
        assert {h.article for h in hits} >= arts
    finally:
        lib.close()


def test_an_entity_updated_in_place_leaves_the_same_rows_as_a_whole_rewrite(tmp_path: Path):
    import shutil

    from kzreader.reading.annotations import Entity

    index_dir = tmp_path / "ix"
    Library.open(SEEDS, index_dir)[0].close()
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    stores = [ix_mod.open_store(index_dir), ix_mod.open_store(copy)]
    try:
        aid = stores[0].articles_with_entity(SZOSZYN)[0]
        old = stores[0].entities(aid)
        new = [Entity.from_dict(e.to_dict()) for e in old]
        changed = next(e for e in new if e.key == SZOSZYN)
        changed.name, changed.type = "Rusłan S.", "org"
        changed.mentions = changed.mentions[:1]
        stores[0].update_entities(aid, old, new)
        stores[1].put_entities(aid, new)

        def rows(store) -> tuple:
            return (store.entities(aid),
                    sorted(store.db.execute("SELECT name, key, n FROM entity_names WHERE key=?", (SZOSZYN,))),
                    store.db.execute("SELECT articles, mentions FROM entity_totals WHERE key=?", (SZOSZYN,)).fetchone())
        assert rows(stores[0]) == rows(stores[1])
        assert stores[0].entities(aid) != old
    finally:
        for store in stores:
            store.close()
