"""People, places and organisations of English and Russian articles, and the careful fallback for any other language."""
from __future__ import annotations

from kzreader.reading.annotations import Entity
from kzreader.reading.foreign import entities_en, entities_other, entities_ru
from kzreader.reading.foreign.names import entities


def find_entities(text: str, regions: list[tuple[int, int]], lang: str) -> list[Entity]:
    """Entities named as the Polish reader names them: gazetteer keys, `person:<name>`, Polish spelling where known."""
    reader = {"en": entities_en.find, "ru": entities_ru.find}.get(lang, entities_other.find)
    found = entities(reader(text, regions))
    for ent in found:
        ent.lang = lang
    return found
