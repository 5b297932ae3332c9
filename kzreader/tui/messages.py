"""Requests that travel up from the panes, the palette and the modal screens to the main screen.

The panes say what the reader asked for; the main screen owns the state
(open article, filters, history) and decides what follows.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenArticle(Message):
    """Show this article from its top."""

    article: str


@dataclass
class OpenEvent(Message):
    """Show this event's article scrolled to the event's sentence."""

    event: str


@dataclass
class FilterByEntity(Message):
    """Keep to the articles and events that mention this entity."""

    key: str
    name: str


@dataclass
class JumpToDate(Message):
    """Move the timeline to the first event on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."""

    date: str


@dataclass
class ShowShared(Message):
    """Keep to the events naming both entities (who appears with whom)."""

    key: str
    name: str
    with_key: str
    with_name: str


@dataclass
class RunSearch(Message):
    """Put this query in the search box and run it (a saved search was chosen)."""

    query: str
