"""People, places and organisations of the synthetic news corpus, in pools that grow with the corpus.

Entity k of a pool depends only on (seed, k), so every article names it the
same way. Article i draws from the first `size(i)` entities of a pool with a
skew towards the first ones: a few are in very many articles (a president, a
capital), most in a handful, and later articles bring new names, as a news
stream does.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

WORDS = Path(__file__).resolve().parent / "words"


@cache
def words(name: str) -> dict:
    return yaml.safe_load((WORDS / f"{name}.yaml").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Person:
    role: str  # as the subject, before the name
    role_gen: str
    name: str
    gen: str
    inst: str
    female: bool

    @property
    def verb_ending(self) -> str:
        return "a" if self.female else ""


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    gen: str
    loc: str

    @property
    def at(self) -> str:
        """`w Astanie`, `we Wrocławiu`: `we` before a consonant cluster of w/f."""
        we = self.loc[0] in "WF" and self.loc[1] not in "aeiouyąęó"
        return f"{'we' if we else 'w'} {self.loc}"


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    gen: str
    loc: str
    inst: str
    verb_ending: str


def _rng(seed: int, kind: str, k: int) -> random.Random:
    return random.Random(f"{seed}:{kind}:{k}")


@cache
def person(seed: int, k: int) -> Person:
    rng = _rng(seed, "person", k)
    data = words("people")
    female = rng.random() < 0.2
    given = rng.choice(data["female" if female else "male"])
    stem = "".join(rng.choice(data["syllables"]) for _ in range(rng.choice((2, 2, 3)))).capitalize()
    ending = rng.choice(data["endings"])["f" if female else "m"]
    role, role_gen = rng.choice(data["roles"])
    if female:
        role_gen = role  # `wizyta premier Anny Kasowej`: a woman's title stays as it is
    return Person(role, role_gen, f"{given[0]} {stem}{ending[0]}", f"{given[1]} {stem}{ending[1]}",
                  f"{given[2]} {stem}{ending[2]}", female)


@cache
def place(seed: int, k: int) -> Place:
    data = words("places")
    towns = [p for p in data["real"] if p[0] not in data["countries"]]
    if k < len(towns):
        return Place(*towns[k])
    rng = _rng(seed, "place", k)
    stem = "".join(rng.choice(data["syllables"]) for _ in range(2)).capitalize()
    suffix = rng.choice(data["suffixes"])
    return Place(*(stem + s for s in suffix))


@cache
def country(seed: int, k: int) -> Place:
    data = words("places")
    countries = [p for p in data["real"] if p[0] in data["countries"]]
    return Place(*countries[k % len(countries)])


@cache
def org(seed: int, k: int) -> Org:
    rng = _rng(seed, "org", k)
    data = words("orgs")
    head = rng.choice(data["heads"])
    tail = rng.choice(data["complements"]).format(town=place(seed, rng.randrange(10 + k)).gen)
    return Org(*(f"{form} {tail}" for form in head[:4]), head[4])


# How many of each pool article i may name: a core known from the start and
# a share of new names per article.
_SIZES = {"person": (60, 0.5), "place": (40, 0.05), "org": (30, 0.1), "country": (22, 0.0)}
# A few entities stay in the news whatever the size of the corpus (a
# president, a capital): a share of the picks goes to a small head of each
# pool; the rest spreads over the whole pool with a milder skew, so the long
# tail grows with N.
_HEAD, _HEAD_SHARE, _HEAD_SKEW, _SKEW = 20, 0.1, 2.0, 1.5


def size(kind: str, i: int) -> int:
    core, per_article = _SIZES[kind]
    return core + int(per_article * i)


def pick(rng: random.Random, kind: str, i: int) -> int:
    """An index into the pool, skewed towards its first entities."""
    if rng.random() < _HEAD_SHARE:
        return int(min(_HEAD, size(kind, i)) * rng.random() ** _HEAD_SKEW)
    return int(size(kind, i) * rng.random() ** _SKEW)
