"""Reading an article that is not in Polish: English, Russian, and a careful fallback for any other language.

The rules here are shared by the languages; each language's words are the
data files of its package under `kzreader.language` (`en`, `ru`). A language
without a package is read by the fallback, which would rather miss than
invent: numeric dates, names the gazetteer knows.
"""
from __future__ import annotations

from kzreader.reading.annotations import Entity, Event, Timex
from kzreader.reading.foreign.entities import find_entities
from kzreader.reading.foreign.events import build_events
from kzreader.reading.foreign.sums import find_sums
from kzreader.reading.foreign.timex import find_timexes

def entities(text: str, regions: list[tuple[int, int]], lang: str) -> list[Entity]:
    """People, places, organisations and sums of an article in `lang`, named in Polish where the gazetteer knows them."""
    found = find_entities(text, regions, lang) + find_sums(text, regions, lang)
    return sorted(found, key=lambda e: e.mentions[0].start if e.mentions else 0)


def timexes(text: str, doc_date: str | None, regions: list[tuple[int, int]], lang: str) -> list[Timex]:
    """Temporal expressions of an article in `lang`, resolved against its date as the Polish ones are."""
    return find_timexes(text, doc_date, regions, lang)


def events(article_id: str, text: str, timexes: list[Timex], entities: list[Entity], lang: str) -> list[Event]:
    """Events of an article in `lang`: each dated sentence with its actors and content lemmas."""
    return build_events(article_id, text, timexes, entities, lang)
