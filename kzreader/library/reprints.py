"""Reprints on the timeline: a copy's events that its original reports too show once, on the original's row."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kzreader.reading.annotations import Event, article_of


def copies_of(summaries: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Each reprint's id -> the id of the article it copies, from the article list."""
    return {s["id"]: s["duplicate_of"] for s in summaries if s.get("duplicate_of")}


def also_in(event: Event, copies: Mapping[str, str]) -> list[str]:
    """The reprints of `event`'s article that report it too (a `same` link from one of their events)."""
    found = {article_of(link.event) for link in event.links if link.relation == "same"}
    return sorted(a for a in found if copies.get(a) == event.article)
