"""The links table keeps each pair once; every reader still sees the link from both ends."""
from __future__ import annotations

from pathlib import Path

from kzreader.index.store import Store
from kzreader.reading.annotations import Event, Link


def _event(article: str, n: int) -> Event:
    return Event(id=f"{article}#{n}", article=article, date="2024-03-05", text="5 marca", start=0, end=7)


def _linked(store: Store) -> tuple[Event, Event, Event]:
    a, b, c = _event("a", 0), _event("b", 0), _event("c", 0)
    for ev in (a, b, c):
        store.put_events(ev.article, [ev], [(20240305, 20240305)])
    for x, y, rel in ((b, a, "same"), (b, c, "related")):
        x.links.append(Link(y.id, rel, ["why"]))
        y.links.append(Link(x.id, rel, ["why"]))
    store.replace_links([a, b, c], {a.id, b.id, c.id})
    return a, b, c


def test_each_pair_is_one_row_read_from_both_ends(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    a, b, c = _linked(store)
    rows = store.db.execute("SELECT a, b, relation FROM links ORDER BY a, b").fetchall()
    assert rows == [("a#0", "b#0", "same"), ("b#0", "c#0", "related")]
    found = store.links([a.id, b.id, c.id])
    assert [(lk.event, lk.relation) for lk in found["a#0"]] == [("b#0", "same")]
    assert sorted((lk.event, lk.relation) for lk in found["b#0"]) == [("a#0", "same"), ("c#0", "related")]
    assert [(lk.event, lk.relation, lk.reasons) for lk in found["c#0"]] == [("b#0", "related", ["why"])]
    assert [lk.event for lk in store.event("c#0").links] == ["b#0"]


def test_relinking_one_event_keeps_its_neighbours_links(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    a, b, c = _linked(store)
    c.links = []
    b.links = [lk for lk in b.links if lk.event != c.id]
    store.replace_links([b, c], {c.id})
    assert store.db.execute("SELECT a, b FROM links").fetchall() == [("a#0", "b#0")]


def test_a_reprints_repeat_is_found_from_either_end(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    for aid, dup in (("a", None), ("z", "a")):
        store.db.execute("INSERT INTO articles(id, duplicate_of) VALUES (?, ?)", (aid, dup))
    orig, copy = _event("a", 0), _event("z", 0)
    for ev in (orig, copy):
        store.put_events(ev.article, [ev], [(20240305, 20240305)])
    copy.links.append(Link(orig.id, "same", ["copy"]))
    orig.links.append(Link(copy.id, "same", ["copy"]))
    store.replace_links([orig, copy], {orig.id, copy.id})
    assert store.db.execute("SELECT a, b FROM links").fetchall() == [("a#0", "z#0")]  # the copy is the b end
    assert [ev.id for ev in store.events_page(fold_copies=True)] == ["a#0"]
