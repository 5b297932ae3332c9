"""The pieces of one article's reading: its tokens, and the mentions found among them."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kzreader.reading.annotations import EntityType
from kzreader.reading.entities.words import Word


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    word: Word
    initial: bool
    index: int


@dataclass(slots=True)
class Candidate:
    """A mention found in one article, typed or still waiting for the article's people."""

    start: int
    end: int
    text: str
    type: EntityType | None
    name: str
    key: str | None = None
    aliases: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    seps: tuple[str, ...] = ()
    tokens: int = 1
    word: Word | None = None
    hints: frozenset[str] = frozenset()

    def as_person(self, name: str) -> None:
        self.type, self.name, self.parts, self.seps = "person", name, (name,), (" ",)


def display(parts: Sequence[str], seps: Sequence[str]) -> str:
    return "".join(sep + part for sep, part in zip(("", *seps[1:]), parts))
