"""A full build links in one sweep holding a bounded number of events: the links are those of linking all at once."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kzreader.index import corpus_links
from kzreader.index.corpus_links import link_corpus
from kzreader.index.documents import event_days
from kzreader.index.store import Store
from kzreader.index.tables.events import pair_row
from kzreader.reading import link_window
from kzreader.reading.annotations import Event
from kzreader.reading.links import link_events

PEOPLE = ["person:jan kowalski", "person:anna nowak", "person:kasym-żomart tokajew", "person:piotr wiśniewski"]
PLACES = ["place:astana", "place:kazachstan", "place:ałmaty", "place:polska"]
WORDS = ["spotkanie", "umowa", "wizyta", "rozmowa", "gaz", "inwestycja", "szczyt", "kontrakt"]


def _date(rng: random.Random) -> tuple[str, str]:
    """A date and how fine it is: mostly days, some months and years, a few over the sweep's edges of a year."""
    year, month, day = rng.choice([2019, 2020, 2021, 2023]), rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.15:
        return f"{year}", "year"
    if kind < 0.35:
        return f"{year}-{month:02d}", "month"
    if kind < 0.42:
        return "", "day"  # undated
    return f"{year}-{month:02d}-{day:02d}", "day"


def _corpus(rng: random.Random) -> tuple[dict[str, list[Event]], dict[str, str]]:
    articles: dict[str, list[Event]] = {}
    for a in range(40):
        aid = f"a{a:03d}"
        events = []
        for n in range(rng.randint(3, 8)):
            # One person in most events, so that its block overflows and events leave it;
            # others rare, so that theirs never do.
            keys = {PEOPLE[0] if rng.random() < 0.7 else rng.choice(PEOPLE[1:]), rng.choice(PLACES)}
            if rng.random() < 0.2:
                keys.add(f"person:rzadki {rng.randint(0, 5)}")
            words = rng.sample(WORDS, rng.randint(1, 4))
            value, granularity = _date(rng)
            sentence = f"Kowalski i Nowak omówili {' '.join(words)} w Astanie."
            events.append(Event(id=f"{aid}#{n}", article=aid, date=value, text="w środę", start=10 * n,
                                end=10 * n + 7, granularity=granularity, sentence=sentence,
                                entities=sorted(keys), keywords=words))
        articles[aid] = events
    duplicates = {}
    for copy, original in (("z001", "a003"), ("z002", "a010"), ("z003", "a010")):
        duplicates[copy] = original
        articles[copy] = [Event(**{**ev.to_dict(), "id": ev.id.replace(original, copy), "article": copy,
                                   "links": []}) for ev in articles[original]]
    return articles, duplicates


def _store(tmp_path: Path, articles: dict[str, list[Event]], duplicates: dict[str, str]) -> Store:
    store = Store(tmp_path / "state.db")
    for aid, events in articles.items():
        store.db.execute("INSERT INTO articles(id, duplicate_of) VALUES (?, ?)", (aid, duplicates.get(aid)))
        store.put_events(aid, events, [event_days(ev) for ev in events])
    store.commit()
    return store


@pytest.mark.parametrize("seed", [1, 2])
def test_the_sweep_links_as_linking_all_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    articles, duplicates = _corpus(random.Random(seed))
    store = _store(tmp_path, articles, duplicates)
    events = store.events_of(store.article_ids())
    link_events(events, duplicates)
    expected = sorted(pair_row(ev.id, lk) for ev in events for lk in ev.links if ev.id < lk.event)
    assert {row[2] for row in expected} >= {"same", "related", "conflict"}
    # Few events' facts held, pages ending inside a day, articles a few at a time: every edge is crossed.
    monkeypatch.setattr(link_window, "FACTS_HELD", 5)
    monkeypatch.setattr(corpus_links, "PAGE", 7)
    monkeypatch.setattr(corpus_links, "ARTICLES_AT_ONCE", 3)
    link_corpus(store, duplicates)
    assert sorted(store.db.execute("SELECT a, b, relation, reasons FROM links")) == expected


def test_links_already_stored_are_replaced(tmp_path: Path) -> None:
    articles, duplicates = _corpus(random.Random(3))
    store = _store(tmp_path, articles, duplicates)
    link_corpus(store, duplicates)
    first = sorted(store.db.execute("SELECT * FROM links"))
    link_corpus(store, duplicates)
    assert sorted(store.db.execute("SELECT * FROM links")) == first
