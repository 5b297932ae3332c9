"""Back and forward through what the reader opened or jumped to, as a browser does.

No interface code here: the app stores plain `Location`s and asks this class
where back and forward lead. Visiting something new drops the forward entries,
so "forward" never leads somewhere the reader did not come back from.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

T = TypeVar("T")

# Enough for a long reading session; older entries fall off the far end.
DEFAULT_LIMIT = 256


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the reader worth returning to.

    `article` is the open article (or None), `event` the selected event,
    `entity` the entity whose mentions `n`/`N` walk (with `mention` the index
    of the one shown), `filter_key`/`filter_name` the entity the lists are
    filtered by (`with_key`/`with_name` a second one the timeline keeps to as
    well: the events both share), and `scroll_y` where the article was
    scrolled to when the reader left it.
    """

    article: str | None = None
    event: str | None = None
    entity: str | None = None
    mention: int | None = None
    filter_key: str | None = None
    filter_name: str | None = None
    with_key: str | None = None
    with_name: str | None = None
    scroll_y: float = 0.0

    def scrolled(self, scroll_y: float) -> "Location":
        return replace(self, scroll_y=scroll_y)


class History(Generic[T]):
    """A bounded list of visited entries with a cursor into it."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError("a history must hold at least one entry")
        self._entries: list[T] = []
        self._index = -1
        self._limit = limit

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def current(self) -> T | None:
        return self._entries[self._index] if self._entries else None

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def visit(self, entry: T) -> None:
        """Go somewhere new: the forward entries are dropped, then `entry` becomes current.

        Visiting the current entry again changes nothing, so re-opening what is
        already shown does not make "back" a no-op step.
        """
        if self._entries and self._entries[self._index] == entry:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(entry)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def replace(self, entry: T) -> None:
        """Update the current entry in place (where it was scrolled to, say); visit if empty."""
        if not self._entries:
            self.visit(entry)
            return
        self._entries[self._index] = entry

    def back(self) -> T | None:
        """The previous entry, now current; None (and no move) at the start."""
        if not self.can_back:
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> T | None:
        """The next entry, now current; None (and no move) at the end."""
        if not self.can_forward:
            return None
        self._index += 1
        return self._entries[self._index]
