"""Undated sentences around an article's events: background, opinions and quotes (words/filler.yaml)."""
from __future__ import annotations

import random

from benchmarks.news import pools


class Filler:
    """Sentences for one article, naming its own cast of people, places and organisations."""

    def __init__(self, seed: int, i: int, rng: random.Random, people: list[int], places: list[int],
                 orgs: list[int]) -> None:
        self.seed, self.i, self.rng = seed, i, rng
        self.data = pools.words("filler")
        self.people = people + [pools.pick(rng, "person", i) for _ in range(2)]
        self.places = places + [pools.pick(rng, "place", i) for _ in range(2)]
        self.orgs = orgs + [pools.pick(rng, "org", i) for _ in range(2)]
        # An article dwells on a few themes, so a theme's phrase is in some articles, not in most.
        self.topics = rng.sample(self.data["topics"], 5)

    def _slots(self) -> dict[str, str]:
        rng, seed = self.rng, self.seed
        x = pools.person(seed, rng.choice(self.people))
        where = (pools.country(seed, pools.pick(rng, "country", self.i)) if rng.random() < 0.4
                 else pools.place(seed, rng.choice(self.places)))
        o = pools.org(seed, rng.choice(self.orgs))
        t, u = rng.sample(self.topics, 2)
        return {"T": t[0], "T_gen": t[1], "T_loc": t[2], "T_inst": t[3], "U": u[0], "U_gen": u[1],
                "P": where.name, "P_gen": where.gen, "in_P": where.at, "O": o.name, "O_gen": o.gen,
                "X_name": f"{x.role} {x.name}", "X_gen": f"{x.role_gen} {x.gen}", "a": x.verb_ending}

    def sentence(self) -> str:
        rng = self.rng
        s = self._slots()
        if rng.random() < 0.15:
            quote = rng.choice(self.data["quotes"]).format(**s)
            return f"– {quote} – {rng.choice(self.data['attributions']).format(**s)}."
        opener = rng.choice(self.data["openers"]).format(**s)
        clause = rng.choice(self.data["clauses"]).format(**s)
        text = f"{opener} {clause}" if opener else clause
        return text[0].upper() + text[1:] + "."

    def headline(self, kind: str) -> str:
        s = self._slots()
        s["E"] = self.data["kinds"][kind]
        s["Q"] = self.rng.choice(self.data["quotes"]).format(**s)
        return self.rng.choice(self.data["headlines"]).format(**s)
