"""What a word's dictionary readings say about names, worked out once per word type."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kzreader.language import pl
from kzreader.language.pl.morphology import Interp, analyse

_WORDS = pl.vocabulary("entities")
_DIRECTION_PREFIXES = _WORDS.sequence("direction_prefixes")
_ADJECTIVAL_SURNAMES = tuple(_WORDS.labels("adjectival_surnames").items())

_GEO = frozenset({"nazwa_geograficzna"})
_ORG = frozenset({"nazwa_organizacji", "nazwa_instytucji", "nazwa_firmy", "tytuł"})
_NOT_PROPER = frozenset({"nazwa_pospolita"})
_FUNCTION_POS = frozenset({"romandig", "brev", "dig", "sym", "interp"})
NOMINAL_POS = frozenset({"subst", "depr"})
MODIFIER_POS = frozenset({"adj", "ppas", "pact"})


@dataclass(frozen=True, slots=True)
class Word:
    """What a word's readings say about names."""

    first: tuple[Interp, ...]
    surname: tuple[Interp, ...]
    geo: tuple[Interp, ...]
    org: tuple[Interp, ...]
    modifiers: tuple[Interp, ...]
    nouns: tuple[Interp, ...]
    common: bool  # some reading is not a proper name (`Kraje`, `Polska` the adjective)
    common_noun: bool  # some reading is a common noun (`Ukrainie` the borderland, `Kremlu` a fortress)
    unknown: bool
    lemmas: frozenset[str]
    mixed_case: bool  # PiS, AKIpress: a brand or an acronym, whatever else the letters spell

    @property
    def personal(self) -> bool:
        return self.unknown or bool(self.first or self.surname)

    @property
    def proper(self) -> bool:
        return bool(self.first or self.surname or self.geo or self.org)

    @property
    def feminine_first(self) -> bool:
        genders = {g for r in self.first for _n, _c, g in triples(r.tag)}
        return "f" in genders and "m1" not in genders


@lru_cache(maxsize=300_000)
def word(text: str) -> Word:
    # The depreciative plural (`Apple` = those Appels, `Kraje` = those Krajs) never names anyone in news.
    readings = tuple(r for r in analyse(text) if r.pos != "depr")
    if readings and not text.isupper() and all(r.pos in _FUNCTION_POS for r in readings):
        readings = ()  # `Xi` reads as the Roman numeral XI; written this way it is a name
    mixed_case = not text.isupper() and any(
        c.isupper() and text[k] not in "-'’" for k, c in enumerate(text[1:]))
    if mixed_case:
        readings = tuple(r for r in readings if _ORG.intersection(r.names))
    if "-" in text and any(r.pos == "adja" for r in readings) and not text.lower().startswith(_DIRECTION_PREFIXES):
        # Kazachsko-Rosyjskiej names a friendship between nations, not a part of a place;
        # Południowo-Wschodniej may well be one.
        readings = tuple(r for r in readings if r.pos != "adj")
    first = tuple(r for r in readings if "imię" in r.names)
    surname = tuple(r for r in readings if "nazwisko" in r.names)
    # Wielkanoc is also a village; as a holiday it is no entity of ours.
    geo = tuple(r for r in readings if _GEO.intersection(r.names) and "nazwa_święta" not in r.names)
    org = tuple(r for r in readings if _ORG.intersection(r.names))
    modifiers = tuple(r for r in readings if r.pos in MODIFIER_POS) or _adjectival(surname)
    nouns = tuple(r for r in readings if r.pos in NOMINAL_POS)
    plain = [r for r in readings if not set(r.names) - _NOT_PROPER]
    common_noun = any(r.pos in NOMINAL_POS and r.lemma[:1].islower() for r in plain)
    lemmas = frozenset({r.lemma.lower() for r in readings} | {text.lower()})
    return Word(first, surname, geo, org, modifiers, nouns, bool(plain), common_noun, not readings, lemmas,
                mixed_case)


def _adjectival(surnames: tuple[Interp, ...]) -> tuple[Interp, ...]:
    """Adjective readings of a word SGJP knows only as a surname: `Ochockim` (as in Morzu Ochockim)."""
    out = []
    for r in surnames:
        lemma = r.lemma.lower()
        parts = r.tag.split(":")
        masculine = _masculine_adjective(lemma)
        if len(parts) < 4 or masculine is None:
            continue
        gender = "f" if parts[3] == "f" else "m1.m2.m3.n"  # adjectival surnames decline as adjectives
        out.append(Interp(masculine, f"adj:{parts[1]}:{parts[2]}:{gender}:pos", ()))
    return tuple(out)


def _masculine_adjective(lemma: str) -> str | None:
    """`ochocka` -> `ochocki`: the masculine lemma of an adjectival surname; None for any other surname."""
    for ending, masculine in _ADJECTIVAL_SURNAMES:
        if lemma.endswith(ending):
            return lemma[: len(lemma) - len(ending)] + masculine
    return None


@lru_cache(maxsize=4096)
def triples(tag: str) -> frozenset[tuple[str, str, str]]:
    """(number, case, gender) combinations a tag allows."""
    parts = tag.split(":")
    if len(parts) < 4:
        return frozenset()
    return frozenset((n, c, g) for n in parts[1].split(".") for c in parts[2].split(".") for g in parts[3].split("."))


def agreement(readings: Iterable[Interp]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for r in readings:
        out |= triples(r.tag)
    return out


def cases_of(readings: Iterable[Interp]) -> frozenset[str]:
    return frozenset(c for r in readings for _n, c, _g in triples(r.tag))


def genders(tag: str) -> set[str]:
    return {g for _n, _c, g in triples(tag)}
