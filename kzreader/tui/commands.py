"""Command palette (ctrl+p) providers: open an article, filter by an entity, jump to a date.

Titles and names are data, so hits are shown as `Content` built from them
(the palette would read a plain string as markup).
"""
from __future__ import annotations

import asyncio
import re
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from kzreader.language.folding import fold
from kzreader.reading.periods import day_number
from kzreader.tui.formatting import ENTITY_LABELS, ENTITY_STYLES, MUTED_STYLE, safe
from kzreader.tui.messages import FilterByEntity, JumpToDate, OpenArticle
from kzreader.tui.screens.main import MainScreen

# The palette shows the best of these; scoring every title of a big corpus per keystroke would stall it.
MAX_HITS = 40
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^(?:date|data)?\s*:?\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)$", re.IGNORECASE)


def _words_in(query: str, text: str) -> bool:
    """Every word of the query appears in `text`, case, punctuation and Polish letters aside."""
    folded = fold(text)
    return all(word in folded for word in _WORD.findall(fold(query)))


class ArticleCommands(Provider):
    """"Open: <title>" for articles whose title holds the typed words."""

    async def search(self, query: str) -> Hits:
        if not isinstance(self.screen, MainScreen):
            return
        summaries = self.screen.summary_list
        matcher = self.matcher(query)
        found = 0
        for summary in summaries:
            title = summary.get("title") or summary["id"]
            if not _words_in(query, f"open {title} {summary['id']}"):
                continue
            display = Content.assemble(
                "Open: ", Content(safe(title)),
                Content.styled(f"  {safe(summary.get('outlet'))} {summary.get('date') or ''}", MUTED_STYLE),
            )
            yield Hit(max(matcher.match(title), 0.1), display,
                      partial(self.screen.post_message, OpenArticle(summary["id"])), text=f"Open: {title}")
            found += 1
            if found == MAX_HITS:
                return


class EntityCommands(Provider):
    """"Entity: <name>" filters the sources and the timeline by that entity."""

    async def startup(self) -> None:
        # Off the UI thread: on a big corpus this is a GROUP BY over every entity of every article.
        screen = self.screen
        self.facets: list[dict[str, Any]] = (
            await asyncio.to_thread(screen.library.entity_facets) if isinstance(screen, MainScreen) else []
        )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = 0
        for facet in self.facets:
            name = facet["name"]
            if not _words_in(query, f"entity {name}"):
                continue
            etype = facet["type"]
            display = Content.assemble(
                "Entity: ", Content.styled(safe(name), ENTITY_STYLES.get(etype, "bold")),
                Content.styled(f"  {ENTITY_LABELS.get(etype, etype)}, {facet['article_count']} article(s)",
                               MUTED_STYLE),
            )
            yield Hit(max(matcher.match(name), 0.1), display,
                      partial(self.screen.post_message, FilterByEntity(facet["key"], name)), text=f"Entity: {name}")
            found += 1
            if found == MAX_HITS:
                return

    async def discover(self) -> Hits:
        for facet in self.facets[:10]:
            name = facet["name"]
            yield DiscoveryHit(Content.assemble("Entity: ", Content(safe(name))),
                               partial(self.screen.post_message, FilterByEntity(facet["key"], name)),
                               text=f"Entity: {name}")


class DateCommands(Provider):
    """Typing a date (2022, 2022-11, 2022-11-28) offers to move the timeline there."""

    async def search(self, query: str) -> Hits:
        match = _DATE.match(query.strip())
        if not match or not isinstance(self.screen, MainScreen):
            return
        date = match.group(1)
        try:
            day_number(date)
        except ValueError:
            return
        yield Hit(1.0, Content(f"Jump to date {date} in the timeline"),
                  partial(self.screen.post_message, JumpToDate(date)), text=f"Jump to date {date}")
