"""Analysis of one article: entities, temporal expressions, events.

Runs in worker processes during a large build, so everything it needs comes
in plain data (`Job`) and per-process state (recogniser, name vote) is made
once per process by `init_worker`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from kzreader.language.pl.morphology import known
from kzreader.language.pl.names import NameVote, guessable
from kzreader.language.tokens import WORD
from kzreader.reading.annotations import Entity, Event, Timex
from kzreader.reading.entities import EntityRecognizer
from kzreader.reading import foreign
from kzreader.reading.events import build_events
from kzreader.reading.timex import find_timexes

_recognizer: EntityRecognizer | None = None


@dataclass(slots=True)
class Job:
    id: str
    text: str
    regions: list[tuple[int, int]]
    date: str | None
    lang: str = "pl"


@dataclass(slots=True)
class Analysed:
    id: str
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    words: int = 0


def unknown_names(text: str, regions: list[tuple[int, int]]) -> Counter[str]:
    """Capitalised words the dictionary lacks: what the corpus-wide name vote is about."""
    forms: Counter[str] = Counter()
    for start, end in regions:
        for m in WORD.finditer(text, start, end):
            word = m.group()
            # Most words are lower case: skip them before the costlier checks.
            if word[0].islower() and "-" not in word:
                continue
            for part in word.split("-"):
                if guessable(part) and not known(part):
                    forms[part] += 1
    return forms


def init_worker(name_forms: Mapping[str, int], choices: Mapping[str, str] | None = None) -> None:
    """Per-process state: the recogniser with the corpus's name vote (its `choices`, if already made)."""
    global _recognizer
    _recognizer = EntityRecognizer(names=NameVote.from_dict(name_forms, choices))


def analyse(job: Job) -> Analysed:
    assert _recognizer is not None, "init_worker() first"
    if job.lang == "pl":
        entities = _recognizer.recognise(job.text, job.regions)
        timexes = find_timexes(job.text, job.date, job.regions)
    else:
        entities = foreign.entities(job.text, job.regions, job.lang)
        timexes = foreign.timexes(job.text, job.date, job.regions, job.lang)
        events = foreign.events(job.id, job.text, timexes, entities, job.lang)
        return Analysed(job.id, entities, timexes, events, _words(job))
    events = build_events(job.id, job.text, timexes, entities)
    return Analysed(job.id, entities, timexes, events, _words(job))


def _words(job: Job) -> int:
    return sum(len(WORD.findall(job.text, s, e)) for s, e in job.regions)
