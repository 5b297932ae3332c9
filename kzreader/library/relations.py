"""How both views name the links between events: one mark and a few words each, in one order."""
from __future__ import annotations

from kzreader.reading.annotations import RELATION_ORDER, Relation

RELATION_MARKS: dict[Relation, str] = {"same": "=", "story": "+", "conflict": "!", "related": "~"}
RELATION_WORDS: dict[Relation, str] = {"same": "the same event", "story": "one story", "conflict": "dates disagree",
                                       "related": "related"}

__all__ = ["RELATION_MARKS", "RELATION_ORDER", "RELATION_WORDS"]
