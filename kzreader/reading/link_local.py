"""Links that need no sweep: a copy repeating its original, and the story told inside one article."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kzreader.reading.annotations import Event, Link, Relation
from kzreader.reading.link_back import pointing_back
from kzreader.reading.link_span import gathering_days

if TYPE_CHECKING:
    from kzreader.reading.links import _Facts, _Linker


def link_within_articles(events: list[Event], linked: set[tuple[int, int]], duplicates: dict[str, str]) -> None:
    """Story links inside each article (a date pointing back, a gathering's days), after the links across them.

    `linked`: the pairs (lower index first) already linked, which keep their link.
    """
    for i, j, reason in [*pointing_back(events), *gathering_days(events)]:
        if (min(i, j), max(i, j)) not in linked and events[j].article not in duplicates:
            add_link(events, i, j, "story", [reason])


def link_duplicates(events: list[Event], facts: list[_Facts], linker: _Linker, linked: set[tuple[int, int]]) -> None:
    """A copy repeats its original even where the two share no participant: pair them by date and text.

    `linked` (pairs, lower index first) grows here."""
    if not linker.duplicates:
        return
    by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        by_key[(ev.article, ev.date, ev.text)].append(i)
    for i, ev in enumerate(events):
        original = linker.duplicates.get(ev.article)
        for j in by_key.get((original, ev.date, ev.text), []) if original else []:
            pair = (min(i, j), max(i, j))
            if pair in linked:
                continue
            found = linker.judge(facts[i], facts[j])
            if found is not None:
                add_link(events, i, j, found[0], found[2])
                linked.add(pair)


def add_link(events: list[Event], i: int, j: int, relation: Relation, reasons: list[str]) -> None:
    a, b = events[i], events[j]
    a.links.append(Link(b.id, relation, reasons))
    b.links.append(Link(a.id, relation, reasons))
