"""A refresh links a changed article's events against their possible partners only, as a rebuild would link them."""
from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import timeline_links
from kzreader.index.indexer import refresh
from kzreader.index.link_scope import neighbour_events
from kzreader.index.store import Store
from kzreader.reading.annotations import Event


def _event(article: str, day: int, entities: list[str], keywords: list[str]) -> Event:
    iso = f"2024-03-{day:02d}"
    return Event(id=f"{article}#0", article=article, date=iso, text=f"{day} marca", start=0, end=7,
                 entities=entities, keywords=keywords)


def _put(store: Store, ev: Event) -> None:
    number = int(ev.date.replace("-", ""))
    store.put_events(ev.article, [ev], [(number, number)])


def test_only_the_sweeps_partners_are_read(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    for n in range(25):  # 25 earlier reports naming the place: the sweep meets the 20 latest
        _put(store, _event(f"old{n:02d}", 1 + n % 3, ["place:astana"], ["wizyta"]))
    _put(store, _event("later", 20, ["place:astana"], []))
    _put(store, _event("word", 10, ["place:erywań"], ["wizyta"]))  # a key word alone blocks only a sum
    _put(store, _event("sum", 10, ["place:erywań", "money:1e06:USD"], ["inwestycja"]))
    mine = _event("mine", 10, ["place:astana"], ["wizyta"])
    found = {mine.id: mine}
    neighbour_events(store, [mine], {"mine"}, {}, found)
    got = {eid.split("#")[0] for eid in found} - {"mine"}
    assert "later" in got and "word" not in got and "sum" not in got
    assert len([a for a in got if a.startswith("old")]) == 20

    invest = _event("mine2", 10, ["money:1e06:USD"], ["inwestycja"])
    found = {invest.id: invest}
    neighbour_events(store, [invest], {"mine2"}, {}, found)
    assert "sum#0" in found


def test_a_changed_article_is_linked_as_a_rebuild_links_it(corpus_copy: Path, tmp_path: Path) -> None:
    incremental = tmp_path / "ix"
    refresh(corpus_copy, incremental)
    before = timeline_links(incremental, corpus_copy)
    path = sorted(corpus_copy.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nDopisek o wolframie i uranie.\n", encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert refresh(corpus_copy, incremental).changed == [path.stem]
    full = tmp_path / "full"
    refresh(corpus_copy, full)
    got = timeline_links(incremental, corpus_copy)
    assert got == timeline_links(full, corpus_copy)
    assert any(path.stem in a for a, _b, _rel in got) and got == before
