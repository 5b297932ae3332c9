"""Linking a whole corpus in one sweep over its events, holding a bounded number of them.

`link_events` holds every event and its facts at once: 905,000 events took
16.9 GB at 100,000 articles. Here the events come one at a time, in the
order its sweep visits them (first day, then place in the corpus), and only
a bounded number of their facts stay in memory (`FACTS_HELD`, most recently
used); the others wait in a temporary file (`HeldFacts`). What stays per
event is its strongest links so far, until it has left every block: no later
event can meet it then, so its links are final and written out. Events left
in a block no later event shares wait for `finish`.

Every choice is `link_events`'s own, so the links come out the same: each
event meets the last few events of each of its blocks, keeps the strongest
few of each kind, and a pair stays if either end keeps it. The corpus-wide
words (`CorpusWords`) are counted beforehand, over the whole corpus.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from kzreader.reading.annotations import Event
from kzreader.reading.link_facts import HeldFacts
from kzreader.reading.links import (
    _MAX_LINKS, _NEIGHBOURS, CorpusWords, _facts, _Linker, name_participants,
)

# The lower and the higher event of a pair in the sweep's order, relation, reasons.
Emit = Callable[[Event, Event, str, list[str]], None]
# About 4 kB each in memory (measured), 1.2 kB pickled. The sweep meets old events again through rare keys:
# at 10,000 articles (49,572 events) holding 20,000 read 80,480 back from the file, 50 µs each.
FACTS_HELD = 20_000


@dataclass(slots=True)
class _Open:
    """An event some later event may still meet, or whose end of a pair is still to be decided.

    Every event of a block no later event shares stays open until `finish`:
    most events of a news corpus, so this is kept small (no heaps or sets
    until it has links).
    """

    blocks: int = 0  # blocks it is among the last events of
    best: dict[str, list[tuple[int, Hashable]]] | None = None  # its strongest links of each kind so far
    closed: bool = False
    held: int = 0  # places in the best links of events not yet closed
    written: set[Hashable] | None = None  # partners whose own end wrote the pair already


class WindowLinker:
    """Feed dated events with `add` in (first day, place) order, then `finish`; links go to `emit`.

    `place` is the event's position in the corpus as `link_events` would
    have it (any sortable value): ties in date and in strength go by it.
    """

    def __init__(self, corpus: CorpusWords, duplicates: dict[str, str], emit: Emit) -> None:
        self.linker = _Linker([], duplicates, corpus)
        self.known = corpus.known
        self.emit = emit
        self.facts = HeldFacts(FACTS_HELD)
        self.open: dict[Hashable, _Open] = {}
        # A list rather than a deque: a deque takes 600 bytes even for one event, and most blocks hold one.
        self.recent: dict[str, list[Hashable]] = defaultdict(list)
        self.peak_open = 0

    def add(self, ev: Event, place: Hashable) -> None:
        f = _facts(ev)
        name_participants(f, self.known)
        self.facts.put(place, f)
        if f.lo is None:
            raise ValueError(f"{ev.id} has no date to sweep it by")
        keys = self.linker.block_keys(f)
        met = {j for k in keys for j in self.recent[k]}
        self.open[place] = _Open()
        for j in sorted(met):
            lower, higher = (j, place) if j < place else (place, j)
            found = self.linker.judge(self.facts.get(lower), self.facts.get(higher), explain=False)
            if found is not None:
                relation, strength, _reasons = found
                self._keep(place, j, relation, strength)
                self._keep(j, place, relation, strength)
        left: list[Hashable] = []
        for k in keys:
            block = self.recent[k]
            block.append(place)
            if len(block) > _NEIGHBOURS:
                left.append(block.pop(0))
            self.open[place].blocks += 1
        for j in left:
            self.open[j].blocks -= 1
            if self.open[j].blocks == 0:
                self._close(j)
        if not self.open[place].blocks:
            self._close(place)
        self.peak_open = max(self.peak_open, len(self.open))

    def finish(self) -> None:
        for place in sorted(p for p, held in self.open.items() if not held.closed):
            self._close(place)
        self.recent.clear()
        self.facts.close()

    def _keep(self, x: Hashable, y: Hashable, relation: str, strength: int) -> None:
        """`link_events`'s heaps: x keeps its strongest few of each kind."""
        held = self.open[x]
        if held.best is None:
            held.best = {}
        heap = held.best.setdefault(relation, [])
        heapq.heappush(heap, (strength, y))
        self.open[y].held += 1
        if len(heap) > _MAX_LINKS[relation]:
            self._let_go(heapq.heappop(heap)[1])

    def _let_go(self, place: Hashable) -> None:
        held = self.open[place]
        held.held -= 1
        if held.held == 0 and held.closed:
            del self.open[place]

    def _close(self, x: Hashable) -> None:
        """No later event can meet x: write the pairs its best links keep, unless the other end did."""
        held = self.open[x]
        best, held.best, held.closed = held.best, None, True
        for heap in (best or {}).values():
            for _strength, y in heap:
                if not held.written or y not in held.written:
                    lower, higher = (x, y) if x < y else (y, x)
                    a, b = self.facts.get(lower), self.facts.get(higher)
                    found = self.linker.judge(a, b)
                    if found is not None:
                        self.emit(a.event, b.event, found[0], found[2])
                    other = self.open[y]
                    if not other.closed:
                        other.written = (other.written or set()) | {x}
                self._let_go(y)
        held.written = None
        if held.held == 0:
            del self.open[x]
