"""The state keeps entities, events, names and links compactly, and reads back exactly what was stored."""
from __future__ import annotations

import json
from pathlib import Path

from kzreader.index.store import Store
from kzreader.index.tables.packing import (pack_entity, pack_event, pack_reasons, unpack_entity, unpack_event,
                                           unpack_reasons)
from kzreader.reading.annotations import Entity, Event, Link, Mention


def _entities() -> list[Entity]:
    return [
        Entity("person:jan kowalski", "Jan Kowalski", "person",
               [Mention(0, 12, "Jan Kowalski"), Mention(40, 54, "Jana Kowalskiego")], ["Kowalski"]),
        Entity("money:2.8e10:USD", "28 mld dol.", "money", [Mention(60, 71, "28 mld dol.")], [], 2.8e10, "USD", "ok"),
        Entity("place:astana", "Astana", "place", [], ["Nur-Sułtan"], lang="ru"),
    ]


def _event(aid: str, n: int, **kw) -> Event:
    fields = {"sentence": "1 marca Jan Kowalski był w Astanie.", "entities": ["person:jan kowalski", "place:astana"],
              "keywords": ["być"], "label": "Jan Kowalski był"}
    return Event(f"{aid}#{n}", aid, "2020-03-01", "1 marca", 5, 12, **(fields | kw))


def test_entities_and_events_read_back_as_stored_without_repeating_their_columns():
    for e in _entities():
        data = pack_entity(e)
        assert e.key not in data and '"name"' not in data
        assert unpack_entity(e.key, e.name, e.type, data) == e
    for ev in (_event("a1", 1), _event("a1", 2, lang="kk", granularity="month", earliest="2020-03-01"),
               Event("a1#3", "a1", "2020", "2020", 0, 4)):
        data = pack_event(ev)
        assert ev.id not in data and '"sentence"' not in data
        assert unpack_event(ev.id, ev.article, ev.date, data) == ev


def _names(store: Store) -> list[tuple[str, str, int]]:
    return sorted(store.db.execute("SELECT name, key, n FROM entity_names"))


def test_entity_names_follow_their_articles_through_put_update_and_delete(tmp_path: Path):
    """A folded name is kept once per entity, with how many articles' entities are called by it."""
    store = Store(tmp_path / "state.db")
    ents = _entities()
    store.put_entities("a1", ents)
    store.put_entities("a2", ents[:1])
    assert ("nur-sultan", "place:astana", 1) in _names(store)
    assert ("kowalski", "person:jan kowalski", 2) in _names(store)
    assert store.entity_keys_matching("Kowalski") == ["person:jan kowalski"]
    renamed = [Entity(ents[0].key, "Jan K.", "person", ents[0].mentions, [])] + ents[1:]
    store.update_entities("a1", ents, renamed)
    assert ("kowalski", "person:jan kowalski", 1) in _names(store)
    assert ("jan k.", "person:jan kowalski", 1) in _names(store)
    assert store.entities("a1") == renamed
    store.put_entities("a1", ents[2:])
    assert ("jan k.", "person:jan kowalski", 1) not in _names(store)
    assert store.entity_keys_matching("Jan K.") == []
    store.delete_article("a2")
    assert store.entity_keys_matching("Kowalski") == []
    assert {key for _name, key, _n in _names(store)} == {"place:astana"}
    store.delete_article("a1")
    assert _names(store) == []
    store.close()


def test_articles_naming_a_surname_or_a_name_are_found_through_the_counted_names(tmp_path: Path):
    """A refresh's neighbours: a person by surname in any spelling of it, any entity by any name it is called."""
    store = Store(tmp_path / "state.db")
    kowalski = _entities()[0]
    store.put_entities("a1", _entities())
    store.put_entities("a2", [Entity("person:anna kowalska-nowak", "Anna Kowalska-Nowak", "person", [], [])])
    store.put_entities("a3", [Entity("place:kowalski", "Kowalski", "place", [], [])])

    def person(name: str) -> Entity:
        return Entity(f"person:{name.lower()}", name, "person", [], [])

    assert store.articles_naming([person("Jerzy Kowalski")], 10) == {"a1"}
    assert store.articles_naming([person("Piotr Nowak")], 10) == {"a2"}
    assert store.articles_naming([Entity("place:nur-sultan", "NUR-SUŁTAN", "place", [], [])], 10) == {"a1"}
    assert store.articles_naming([Entity("org:kowalski", "Kowalski", "org", [], [])], 10) == {"a1", "a3"}
    assert len(store.articles_naming([Entity("org:kowalski", "Kowalski", "org", [], [])], 1)) == 1
    store.update_entities("a1", _entities(), [Entity(kowalski.key, "Jan Nowak", "person", [], [])] + _entities()[1:])
    assert store.articles_naming([person("Jerzy Kowalski")], 10) == set()
    assert store.articles_naming([person("Piotr Nowak")], 10) == {"a1", "a2"}
    store.delete_article("a2")
    assert store.articles_naming([person("Piotr Nowak")], 10) == {"a1"}
    assert store.db.execute("SELECT surname, key, n FROM entity_surnames").fetchall() == [
        ("nowak", "person:jan kowalski", 1)]
    store.close()


def test_events_and_links_read_back_from_the_compact_rows(tmp_path: Path):
    store = Store(tmp_path / "state.db")
    one, two = _event("a1", 1), _event("a2", 1, lang="kk")
    store.put_events("a1", [one], [(20200301, 20200301)])
    store.put_events("a2", [two], [(20200301, 20200301)])
    store.replace_links([one, two], {one.id, two.id})
    one.links = [Link(two.id, "same", ["shared: astana", "key words: być"])]
    two.links = [Link(one.id, "same", ["shared: astana", "key words: być"])]
    store.replace_links([one, two], {one.id, two.id})
    assert store.event(one.id) == one and store.event(two.id) == two
    assert store.events_page() == [one, two]
    read = store.events_of(["a2"])
    assert [(e.id, e.article, e.date, e.sentence, e.lang, e.links) for e in read] == [
        (two.id, "a2", two.date, two.sentence, "kk", [])]
    store.close()


def test_event_keys_are_kept_in_key_order_only_and_follow_their_events_through_updates(tmp_path: Path):
    """The key table has no (event, key) side: what an update or a deletion takes out is found from the event."""
    store = Store(tmp_path / "state.db")
    one = _event("a1", 1)
    undated = _event("a1", 2, entities=["person:jan kowalski", "org:nato"])
    other = _event("a2", 1, entities=["person:jan kowalski", "place:ałmaty"])
    store.put_events("a1", [one, undated], [(20200301, 20200301), None])
    store.put_events("a2", [other], [(20200305, 20200305)])

    def rows() -> list[tuple]:
        return store.db.execute("SELECT key, day, day_end, event FROM event_entities ORDER BY 1, 2, 4").fetchall()

    assert ("org:nato", 0, 0, "a1#2") in rows() and ("kw:być", 20200301, 20200301, "a1#1") in rows()
    assert store.entity_days(["person:jan kowalski", "org:nato"]) == {
        "person:jan kowalski": ((20200301, 20200301), (20200305, 20200305)), "org:nato": (None, None)}
    assert store.cooccurring(["person:jan kowalski"]) == [
        ("org:nato", 1, None, None), ("place:astana", 1, 20200301, 20200301), ("place:ałmaty", 1, 20200305, 20200305)]
    assert store.cooccurring(["person:jan kowalski"], ["a2"]) == [("place:ałmaty", 1, 20200305, 20200305)]
    one.entities = ["place:astana"]
    store.update_event_entities(one)
    assert [r for r in rows() if r[3] == "a1#1"] == [
        ("kw:być", 20200301, 20200301, "a1#1"), ("place:astana", 20200301, 20200301, "a1#1")]
    store.delete_events("a1")
    assert {r[3] for r in rows()} == {"a2#1"}
    store.close()


def test_link_reasons_are_stored_short_and_read_back_exactly():
    usual = ["shared: astana, jan kowalski", "key words: szczyt", "dates agree: 2020-03-01 / 2020-03"]
    packed = pack_reasons(usual)
    assert unpack_reasons(packed) == usual and len(packed) < len(json.dumps(usual, ensure_ascii=False)) - 25
    for odd in ([], [""], ["[not json"], ["shared: a\x1eb"], ["\x01 begins with a code"], ["linked by hand"],
                ["unusual reason", "another time: 2020 / 2021"], ["shared: "], ["dates disagree: 2020 (\n2 marca) vs 2021"]):
        assert unpack_reasons(pack_reasons(odd)) == odd
    assert unpack_reasons(json.dumps(usual)) == usual  # rows written before the short form


def test_an_article_text_is_read_from_its_file_while_it_is_the_text_indexed_and_never_kept(tmp_path: Path):
    """The file is the truth: the state keeps a digest of its text, and an edited or missing file reads as such."""
    from kzreader.index.tables.articles import ArticleRecord

    texts = tmp_path / "corpus"
    (texts / "pl").mkdir(parents=True)
    text = "Zażółć gęślą jaźń. " * 200 + "Koniec."
    (texts / "pl" / "a1.txt").write_bytes(text.encode("cp1250"))
    store = Store(tmp_path / "state.db")
    store.texts = texts
    rec = ArticleRecord("pl/a1", "Tytuł", "2020-03-01", None, None, None, None, "pl", "file", None, "cp1250", text,
                        [(0, 19)], ["odd"], 402)
    store.put_article(rec, "2020-03-01", (20200301, 20200301), 1)
    store.commit()
    assert store.article("pl/a1") == rec
    assert "jaźń".encode() not in (tmp_path / "state.db").read_bytes() + (tmp_path / "state.db-wal").read_bytes()
    (texts / "pl" / "a1.txt").write_text(text + " Dopisek.", encoding="utf-8")
    edited = store.article("pl/a1")
    assert edited is not None and not edited.readable and edited.text == ""
    assert "changed or went away" in edited.problems[0] and edited.problems[1:] == ["odd"]
    (texts / "pl" / "a1.txt").write_text(text, encoding="utf-8")
    assert store.article("pl/a1") == rec
    (texts / "pl" / "a1.txt").unlink()
    assert not store.article("pl/a1").readable
    store.close()


def test_a_signature_is_kept_packed_beside_its_hashes_and_goes_with_its_article(tmp_path: Path):
    """An article's hashes are read back from one packed row; replacing or deleting it leaves no pair behind."""
    store = Store(tmp_path / "state.db")
    store.put_signature("a1", [8, 4294967288, 16])
    store.put_signature("a2", [16, 24])
    assert store.signature("a1") == [8, 4294967288, 16]
    assert store.signature_sizes() == {"a1": 3, "a2": 2} and store.signature_size("a2") == 2
    assert store.shared([16, 24], common=5) == {"a1": 1, "a2": 2}
    store.put_signature("a1", [24])
    pairs = "SELECT hash, id FROM shingles JOIN signatures USING (num)"
    assert sorted(store.db.execute(pairs)) == [(16, "a2"), (24, "a1"), (24, "a2")]
    assert store.shared([16, 24, 8], common=5) == {"a1": 1, "a2": 2}
    store.delete_article("a2")
    assert sorted(store.db.execute(pairs)) == [(24, "a1")]
    assert store.db.execute("SELECT count(*) FROM shingles").fetchone() == (1,)
    assert store.signature("a2") == [] and store.signature_size("a2") == 0
    store.compact()  # numbers are the table's INTEGER PRIMARY KEY: a VACUUM keeps them
    assert sorted(store.db.execute(pairs)) == [(24, "a1")] and store.shared([24], common=5) == {"a1": 1}
    store.close()


def test_a_build_leaves_the_state_file_without_empty_space(tmp_path: Path):
    """A full build ends by rewriting the state compactly: a VACUUM of it then finds nothing to take back."""
    import sqlite3

    from kzreader.index.indexer import refresh
    from tests.conftest import SEEDS

    refresh(SEEDS, tmp_path / "ix")
    db = sqlite3.connect(tmp_path / "ix" / "state.db")
    try:
        built = db.execute("PRAGMA page_count").fetchone()[0]
        assert db.execute("PRAGMA page_size").fetchone()[0] == 16384
        db.execute("VACUUM")
        assert db.execute("PRAGMA page_count").fetchone()[0] == built
    finally:
        db.close()
