"""The article pane as the main screen uses it: an article shown for a location, scrolled to what it points at."""
from __future__ import annotations

from kzreader.library.history import Location
from kzreader.tui.document import ArticleDoc
from kzreader.tui.widgets.article_view import ArticleView


class ArticlePane(ArticleView):
    """Remembers the location it last scrolled for: restyled for a new search, it keeps the reader's place."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: Location | None = None

    async def open(self, doc: ArticleDoc, location: Location, restore: bool) -> bool:
        """Show `doc` for `location`; True if it was the article already shown (restyled in place)."""
        restyled = await self.show(doc, location)
        if not restyled or location != self._shown:
            self.call_after_refresh(self.scroll_for, location, restore)
        self._shown = location
        return restyled

    def place(self, location: Location, restore: bool) -> None:
        """Mark and scroll to what `location` points at in the article already shown."""
        self.mark(location)
        self.scroll_for(location, restore)
        self._shown = location
