"""A state's institution named in Polish: the border service of Kyrgyzstan -> Służba Graniczna Kirgistanu.

English and Russian name an institution by its state's adjective or genitive
(the Kyrgyz border service, Минобороны Азербайджана); Polish names it before the
state's genitive. The genitive comes from the Polish dictionary's generator,
made on first use.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kzreader.language import pl
from kzreader.reading.foreign.names import Found

if TYPE_CHECKING:
    import morfeusz2

_GENERATOR: "morfeusz2.Morfeusz | None" = None


def _generator() -> "morfeusz2.Morfeusz":
    global _GENERATOR
    if _GENERATOR is None:
        import morfeusz2

        _GENERATOR = morfeusz2.Morfeusz(analyse=False, expand_tags=True)
    return _GENERATOR


@lru_cache(maxsize=2_000)
def genitive(name: str) -> str:
    """`Kazachstan` -> `Kazachstanu`, `Wielka Brytania` -> `Wielkiej Brytanii`; an unknown word stays as it is."""
    return " ".join(_word_genitive(w) for w in name.split())


def _word_genitive(word: str) -> str:
    """The genitive in the number and gender of the word's nominative reading (Wielka -> Wielkiej, Chiny -> Chin)."""
    # A proper noun first: Polska the country, not the adjective polski.
    for r in sorted(pl.analyse(word), key=lambda r: ("nazwa_geograficzna" not in r.names, r.pos != "subst")):
        parts = r.tag.split(":")
        if len(parts) < 4 or parts[0] not in ("subst", "adj", "ppas") or "nom" not in parts[2].split("."):
            continue
        genders = set(parts[3].split("."))
        forms: list[Any] = _generator().generate(r.lemma)
        for form, lemma, tag, names, _ in forms:
            t = tag.split(":")
            if (lemma.split(":")[0] == r.lemma and t[:2] == parts[:2] and t[2] == "gen" and t[4:] == parts[4:]
                    and genders.intersection(t[3].split(".")) and (not r.names or set(r.names) & set(names))):
                return form[:1].upper() + form[1:] if word[:1].isupper() else form
    return word


def institution(polish: str, state: str, start: int, end: int, text: str) -> Found:
    """The institution `polish` of the state the gazetteer calls `state`."""
    name = f"{polish} {genitive(state)}"
    return Found(start, end, text, "org", name)
