"""The article pane as the main screen uses it: an article shown for a location, scrolled to what it points at,
with the find box at its foot."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from kzreader.library.history import Location
from kzreader.tui.document import ArticleDoc
from kzreader.tui.widgets.article_view import ArticleView
from kzreader.tui.widgets.find_bar import FindBar


class ArticlePane(ArticleView):
    """Remembers the location it last scrolled for: restyled for a new search, it keeps the reader's place."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: Location | None = None

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield FindBar(id="find-bar")

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    async def open(self, doc: ArticleDoc, location: Location, restore: bool) -> bool:
        """Show `doc` for `location`; True if it was the article already shown (restyled in place)."""
        restyled = await self.show(doc, location)
        if not restyled:
            self.find_bar.close()
        if not restyled or location != self._shown:
            self.call_after_refresh(self.scroll_for, location, restore)
        self._shown = location
        return restyled

    def place(self, location: Location, restore: bool) -> None:
        """Mark and scroll to what `location` points at in the article already shown."""
        self.mark(location)
        self.scroll_for(location, restore)
        self._shown = location

    # the find --------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open(self.find_text)

    def clear_find(self) -> None:
        self.find("")
        self.find_bar.close()

    def go_to(self, index: int) -> None:
        super().go_to(index)
        self.find_bar.count(self.current, len(self.targets), self.find_text)

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        message.stop()
        self.find(message.text)
        self.find_bar.count(self.current, len(self.targets), self.find_text)

    @on(FindBar.Step)
    def _find_step(self, message: FindBar.Step) -> None:
        message.stop()
        if self.find_text and not self.step(message.step):
            self.go_to(0 if message.step > 0 else -1)

    @on(FindBar.Done)
    def _find_done(self, message: FindBar.Done) -> None:
        message.stop()
        self.find_bar.close()
        self.screen.set_focus(self)
