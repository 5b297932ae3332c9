"""Happenings of the synthetic news corpus: who, what, where and when, and the words an outlet tells them in.

Articles come in blocks of consecutive numbers that cover the same days, as a
news cycle does. Each block has a few stories of its own that several of its
articles report, the first ones by many, most by one or two; every other
event an article tells is its own, reported once. A few famous past events
(a war, an election) are recalled from time to time by articles of any year.
Everything depends only on (seed, block) or (seed, article), so a smaller
corpus is a prefix of a larger one.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks.news import pools

BLOCK = 40
STORIES = 24  # a block's stories that several of its articles may report
FIRST_DAY = date(2015, 1, 1)
DAYS = 11 * 365
KINDS = ("visit", "meeting", "signing", "investment", "election", "attack", "fire", "protest", "opening")
# Kinds weighted as a foreign desk's news: mostly diplomacy and business.
KIND_WEIGHTS = (5, 5, 4, 3, 1, 2, 2, 2, 2)
MONTHS_GEN = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
              "października", "listopada", "grudnia")
MONTHS_LOC = ("styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu", "sierpniu", "wrześniu",
              "październiku", "listopadzie", "grudniu")
WEEKDAYS = ("w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę", "w niedzielę")
CURRENCIES = ("mln dolarów", "mld dolarów", "mln euro", "mld tenge", "mln złotych", "mld rubli")


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    day: date
    month_only: bool  # told as `w marcu 2019 r.`
    a: int  # pool indices
    b: int
    place: int
    org: int
    money: str
    count: int


def _event(eid: str, rng: random.Random, day: date, i: int, month_only: bool = False) -> Event:
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    a = pools.pick(rng, "person", i)
    b = pools.pick(rng, "person", i)
    if b == a:
        b = a + 1
    money = f"{rng.randint(1, 999)},{rng.randint(1, 9)} {rng.choice(CURRENCIES)}"
    return Event(eid, kind, day, month_only, a, b, pools.pick(rng, "place", i), pools.pick(rng, "org", i), money,
                 rng.randint(3, 400))


def block_start(seed: int, block: int) -> date:
    return FIRST_DAY + timedelta(days=random.Random(f"{seed}:block:{block}").randrange(DAYS))


def story(seed: int, block: int, k: int) -> Event:
    rng = random.Random(f"{seed}:story:{block}:{k}")
    day = block_start(seed, block) - timedelta(days=rng.randint(0, 5))
    return _event(f"s{block}.{k}", rng, day, block * BLOCK)


def famous(seed: int, k: int) -> Event:
    rng = random.Random(f"{seed}:famous:{k}")
    day = FIRST_DAY - timedelta(days=rng.randrange(3 * 365)) + timedelta(days=rng.randrange(DAYS))
    return _event(f"f{k}", rng, day, 0, month_only=rng.random() < 0.5)


def own(seed: int, i: int, j: int, rng: random.Random, published: date, back_days: int) -> Event:
    day = published - timedelta(days=rng.randint(0, back_days))
    return _event(f"a{i}.{j}", rng, day, i, month_only=back_days > 90 and rng.random() < 0.5)


_STORY_WEIGHTS = [1 / (k + 1) ** 0.8 for k in range(STORIES)]


def pick_story(seed: int, block: int, rng: random.Random) -> Event:
    return story(seed, block, rng.choices(range(STORIES), _STORY_WEIGHTS)[0])


def pick_famous(seed: int, i: int, rng: random.Random) -> Event:
    return famous(seed, int((40 + i // 50) * rng.random() ** 1.3))


def when(ev: Event, published: date, rng: random.Random) -> str:
    """The date as an outlet writes it: a weekday for the last few days, the year left out when it is this year's."""
    d = ev.day
    if ev.month_only:
        return f"{'we' if d.month == 9 else 'w'} {MONTHS_LOC[d.month - 1]} {d.year} r."
    ago = (published - d).days
    if 0 < ago <= 6 and rng.random() < 0.5:
        return WEEKDAYS[d.weekday()]
    if d.year == published.year and rng.random() < 0.6:
        return f"{d.day} {MONTHS_GEN[d.month - 1]}"
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year} r."


def slots(seed: int, ev: Event) -> dict[str, str]:
    a, b = pools.person(seed, ev.a), pools.person(seed, ev.b)
    p, o = pools.place(seed, ev.place), pools.org(seed, ev.org)
    return {
        "A": f"{a.role} {a.name}", "A_name": a.name, "A_gen": f"{a.role_gen} {a.gen}", "A_inst": a.inst,
        "a": a.verb_ending, "B": b.name, "B_name": b.name, "B_gen": b.gen, "B_inst": b.inst,
        "in_P": p.at, "P": p.name, "P_gen": p.gen, "O": o.name, "O_gen": o.gen, "O_loc": o.loc, "O_inst": o.inst,
        "o": o.verb_ending, "sum": ev.money, "n": str(ev.count),
    }


def sentence(seed: int, ev: Event, published: date, rng: random.Random) -> str:
    template = rng.choice(pools.words("events")["kinds"][ev.kind])
    text = template.format(when=when(ev, published, rng), **slots(seed, ev))
    return text[0].upper() + text[1:]
