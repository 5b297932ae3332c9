"""One article of the synthetic news corpus: its date, outlet, events and text, from (seed, i) alone."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks.news import events
from benchmarks.news.events import Event
from benchmarks.news.filler import Filler

OUTLETS = ("rp.pl", "wydarzenia.interia.pl", "kresy.pl", "osw.waw.pl", "pap.pl", "tvn24.pl", "wprost.pl",
           "gazeta.pl", "wnp.pl", "forsal.pl")
OUTLET_WEIGHTS = (6, 5, 2, 1, 8, 4, 3, 4, 2, 2)


@dataclass(frozen=True, slots=True)
class Plan:
    """What article i tells, before any words: its ground truth."""

    i: int
    published: date
    outlet: str
    main: Event
    others: tuple[Event, ...]
    background: tuple[Event, ...]
    words: int

    @property
    def events(self) -> tuple[Event, ...]:
        return (self.main, *self.others, *self.background)


def plan(seed: int, i: int) -> Plan:
    rng = random.Random(f"{seed}:article:{i}")
    block = i // events.BLOCK
    published = events.block_start(seed, block) + timedelta(days=rng.randint(0, 13))
    outlet = rng.choices(OUTLETS, OUTLET_WEIGHTS)[0]
    main = events.pick_story(seed, block, rng) if rng.random() < 0.5 else events.own(seed, i, 0, rng, published, 3)
    chosen = {main.id: main}
    for j in (1, 2):
        ev = events.pick_story(seed, block, rng) if rng.random() < 0.4 else events.own(seed, i, j, rng, published, 30)
        chosen.setdefault(ev.id, ev)
    background = {}
    for j in (3, 4):
        ev = events.pick_famous(seed, i, rng) if rng.random() < 0.1 else None
        if ev is None or ev.day >= published:
            ev = events.own(seed, i, j, rng, published, 6 * 365)
        background.setdefault(ev.id, ev)
    others = tuple(ev for eid, ev in chosen.items() if eid != main.id)
    return Plan(i, published, outlet, main, others, tuple(background.values()), rng.randint(600, 900))


def write(seed: int, p: Plan) -> tuple[str, dict[str, str]]:
    rng = random.Random(f"{seed}:text:{p.i}")
    people = [x for ev in p.events for x in (ev.a, ev.b)]
    places = [ev.place for ev in p.events]
    filler = Filler(seed, p.i, rng, people, places, [ev.org for ev in p.events])
    paragraphs: list[list[str]] = [[events.sentence(seed, p.main, p.published, rng)]]
    for ev in p.others:
        paragraphs.append([events.sentence(seed, ev, p.published, rng)])
    paragraphs.append([events.sentence(seed, ev, p.published, rng) for ev in p.background])
    words = sum(len(s.split()) for para in paragraphs for s in para)
    while words < p.words:
        para = paragraphs[rng.randrange(len(paragraphs))] if rng.random() < 0.6 else None
        if para is None or len(para) > 5:
            para = []
            paragraphs.insert(rng.randint(1, len(paragraphs)), para)
        s = filler.sentence()
        para.insert(rng.randint(1, len(para)) if para else 0, s)
        words += len(s.split())
    title = filler.headline(p.main.kind)
    body = "\n\n".join(" ".join(para) for para in paragraphs if para)
    day = p.published.isoformat()
    text = f" date {day} {title}\n\n{body}\n"
    meta = {"title": title, "date": day if rng.random() < 0.8 else day[:7], "outlet": p.outlet,
            "url": f"https://{p.outlet}/{p.published.year}/{p.i}", "lang": "pl"}
    return text, meta


def article(seed: int, i: int) -> tuple[str, dict[str, str]]:
    return write(seed, plan(seed, i))
