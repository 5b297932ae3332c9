"""The keys of reading an article from a search: its hits one by one and on to the next result, the find.

`n`/`N` step through what is marked in the open article: the find's
matches while a find is on (round the article), else the search's hits,
and past the last hit on to the next result's first (before the first, the
previous result's last), as Datashare's occurrence stepping does. With no
search and no find there is nothing of that kind to step through, so they
step through the mentions of the entity chosen in Entities, like `m`/`M`.
A key that acts on the article brings the article forward when it is hidden
behind another tab.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kzreader.tui.formatting import fit, safe
from kzreader.tui.messages import OpenArticle

if TYPE_CHECKING:
    from kzreader.tui.screens.main import MainScreen


class Reading:
    """What `n`/`N` and the find do on `screen`."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def reveal(self) -> None:
        """Bring the article forward if another tab hides it (narrow screens)."""
        screen = self.screen
        if screen.narrow and not screen.article.has_class("-active"):
            screen.show_pane("article")

    def step(self, step: int) -> None:
        screen, article = self.screen, self.screen.article
        if article.doc is None:
            screen.notify("Open an article first: n and N step through its search hits.", severity="warning")
            return
        if article.find_text:
            self.reveal()
            if not article.step(step):
                article.go_to(0 if step > 0 else -1)
                screen.notify("Round to the first match." if step > 0 else "Round to the last match.", timeout=1.5)
        elif screen.query_text and screen.hits is not None:
            self.reveal()
            if not article.step(step):
                self.next_result(step)
        else:
            screen.action_mention(step)

    def next_result(self, step: int) -> None:
        """Open the next (or previous) result, at its first (or last) hit."""
        screen = self.screen
        ids = screen.sources.article_ids
        here = screen.location.article
        index = (ids.index(here) if here in ids else (-1 if step > 0 else len(ids))) + step
        if not 0 <= index < len(ids):
            last = "last" if step > 0 else "first"
            screen.notify(f"That was the {last} hit of the {last} result.", timeout=2)
            return
        screen.article.land_on = 0 if step > 0 else -1
        screen.sources.put_cursor_on(ids[index])
        title = safe(screen.sources.title_of(ids[index]))
        screen.notify(f"Result {index + 1} of {len(ids)}: {fit(title, 60)}", timeout=2, markup=False)
        screen.post_message(OpenArticle(ids[index]))

    def find(self) -> None:
        screen = self.screen
        if screen.article.doc is None:
            screen.notify("Open an article first, then find text in it.", severity="warning")
            return
        self.reveal()
        screen.article.open_find()
