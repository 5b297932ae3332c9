"""The country a word points at: its adjective (`kirgiskich wojskowych`) or its people (`Białorusini`).

Reports of one happening name its countries in different words: `Białoruś`
in one, `białoruskie śmigłowce` or `Białorusini` in another. No list of
countries is needed: an adjective or a people's noun (by its ending) that
shares its first letters with a place the corpus names points at that place.
"""
from __future__ import annotations

from collections.abc import Iterable

from kzreader.language import pl
from kzreader.language.folding import fold

_WORDS = pl.vocabulary("events")
_ENDINGS = tuple(_WORDS.words("nation_endings"))
# Letters a country's name and its derived words share (`kirgis-tan`, `kirgis-ki`; `tadży-kistan`,
# `tadży-cki`): fewer would join unrelated words, more would miss the alternations of the stem.
STEM = 5
PREFIX = "place:~"


def stem(name: str) -> str:
    return fold(name.split()[0])[:STEM]


def places_by_stem(place_keys: Iterable[str]) -> dict[str, str]:
    """Stem -> the place's key, for the places a corpus names (`place:białoruś` under `biało`)."""
    out: dict[str, str] = {}
    for key in sorted(place_keys):
        name = key.split(":", 1)[1]
        if len(fold(name.split()[0])) >= STEM:
            out.setdefault(stem(name), key)
    return out


def nation_keys(keys: Iterable[str], lemmas: Iterable[str], known: dict[str, str]) -> frozenset[str]:
    """`place:~<country>` for each country the event's places or derived words point at."""
    stems = {stem(k.split(":", 1)[1]) for k in keys if k.startswith("place:")}
    stems |= {stem(w) for w in lemmas if len(w) > STEM + 1 and w.endswith(_ENDINGS)}
    return frozenset(PREFIX + known[s].split(":", 1)[1] for s in stems if s in known)
