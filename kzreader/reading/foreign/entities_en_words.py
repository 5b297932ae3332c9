"""The words the English reader reads names by (language/en/entities.yaml), and a text word as it reads one."""
from __future__ import annotations

from dataclasses import dataclass

from kzreader.language import en

WORDS = en.vocabulary("entities")
NOT_NAMES = WORDS.words("not_names")
ORDINARY = WORDS.words("ordinary")
TITLES = WORDS.words("titles")
ORG_HEADS = WORDS.words("organisation_heads")
PLACE_HEADS = WORDS.words("place_heads")
FACILITIES = WORDS.words("facilities")
PLACE_BEFORE = WORDS.words("place_prepositions")
JOINERS = WORDS.words("name_joiners")
STATE_FORMS = WORDS.words("state_forms")
DEMONYMS = WORDS.labels("demonyms")
INSTITUTIONS = WORDS.labels("institutions")
LONGEST = max(len(p.split()) for p in (*TITLES, *INSTITUTIONS, *PLACE_HEADS, *FACILITIES, *PLACE_BEFORE))


@dataclass(frozen=True, slots=True)
class Word:
    """A token less its possessive `'s`, which says whose the name is and is no part of it."""

    text: str
    start: int
    end: int
    possessive: bool
    initial: bool

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()
