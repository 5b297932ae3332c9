"""One dictionary reading of a word, the same shape for every language."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Interp:
    """One reading of a word: its lemma, its tag (the language's tagset, positions joined by colons) and name qualifiers."""

    lemma: str
    tag: str
    names: tuple[str, ...]

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]

    def has(self, value: str) -> bool:
        """Whether one of the tag's positions allows `value` (`gen`, `sg`, `m1`...)."""
        return any(value in part.split(".") for part in self.tag.split(":")[1:])
