"""Analysis of one article: entities, temporal expressions, events.

Runs in worker processes during a large build, so everything it needs comes
in plain data (`Job`) and per-process state (recogniser, name vote) is made
once per process by `init_worker`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from kzreader import analysis
from kzreader.annotations import Entity, Event, Timex
from kzreader.entities import EntityRecognizer
from kzreader.events import build_events
from kzreader.morphology import known
from kzreader.names import NameVote, guessable
from kzreader.timex import find_timexes
from kzreader.tokens import WORD

_recognizer: EntityRecognizer | None = None


@dataclass(slots=True)
class Job:
    id: str
    text: str
    regions: list[tuple[int, int]]
    date: str | None


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


def init_worker(name_forms: Mapping[str, int]) -> None:
    """Per-process state: the corpus's name vote for the analyzer and the recogniser."""
    global _recognizer
    vote = NameVote.from_dict(name_forms)
    analysis.use_names(vote.choices())
    _recognizer = EntityRecognizer(names=vote)


def analyse(job: Job) -> Analysed:
    assert _recognizer is not None, "init_worker() first"
    entities = _recognizer.recognise(job.text, job.regions)
    timexes = find_timexes(job.text, job.date, job.regions)
    events = build_events(job.id, job.text, timexes, entities)
    words = sum(len(WORD.findall(job.text, s, e)) for s, e in job.regions)
    return Analysed(job.id, entities, timexes, events, words)
