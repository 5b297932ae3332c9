"""The sweep's facts: the most recent in memory, the others read back from a file as they were."""
from __future__ import annotations

from kzreader.reading.annotations import Event
from kzreader.reading.link_facts import HeldFacts
from kzreader.reading.links import _facts


def _event(n: int) -> Event:
    return Event(id=f"a{n:03d}#0", article=f"a{n:03d}", date="2022-09-14", text="w środę", start=0, end=7,
                 sentence=f"Tokajew spotkał się z Putinem po raz {n}.", entities=["person:kasym-żomart tokajew",
                 "place:astana"], keywords=["spotkać", "Astana"])


def test_facts_let_go_come_back_equal_and_are_written_once() -> None:
    held = HeldFacts(3)
    facts = {n: _facts(_event(n)) for n in range(10)}
    for n, f in facts.items():
        held.put(n, f)
    assert len(held.live) == 3 and len(held.spilled) == 7
    for n in (0, 5, 0, 1):
        assert held.get(n) == facts[n]
    assert held.reads == 3  # the second 0 was in memory again
    size = held.end
    for n in range(10):
        held.get(n)
    assert held.end == size  # facts read back and let go again are not written again
    held.close()
