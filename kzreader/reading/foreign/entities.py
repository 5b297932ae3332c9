"""People, places and organisations of English and Russian articles, and the careful fallback for any other language."""
from __future__ import annotations

from kzreader.reading.annotations import Entity


def find_entities(text: str, regions: list[tuple[int, int]], lang: str) -> list[Entity]:
    return []
