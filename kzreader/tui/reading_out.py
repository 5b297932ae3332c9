"""What `o` opens and `c` copies: the open article's address, a citation of it or of the chosen event.

The citation text itself is the library's (`kzreader.library.citation`);
this decides what is chosen on the main screen: the event under the
timeline's cursor while the timeline has the focus, else the event the
article was opened at, else the open article.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kzreader.library.citation import cite_article, cite_event
from kzreader.tui.screens.main import MainScreen


@dataclass(frozen=True, slots=True)
class Citation:
    text: str
    what: str
    """What was cited, for the notice: "the article" or "the event"."""


def summary_of(screen: MainScreen, article: str | None) -> dict[str, Any] | None:
    if article is None:
        return None
    return next((s for s in screen.summary_list if s["id"] == article), None)


def address(screen: MainScreen) -> str | None:
    """The open article's address, if it has one."""
    summary = summary_of(screen, screen.location.article)
    return (summary or {}).get("url") or None


def citation(screen: MainScreen) -> Citation | None:
    """The chosen event's or the open article's citation; None if neither is there."""
    event = None
    if screen.pane_of(screen.focused) == "timeline" and screen.timeline.event is not None:
        event = screen.timeline.event
    elif screen.location.event:
        event = screen.library.event(screen.location.event)
    if event is not None:
        summary = summary_of(screen, event.article)
        if summary is not None:
            return Citation(cite_event(summary, event.sentence), "the event")
    summary = summary_of(screen, screen.location.article)
    return Citation(cite_article(summary), "the article") if summary is not None else None
