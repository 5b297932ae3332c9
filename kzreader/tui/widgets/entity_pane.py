"""The entities pane: the open article's entities, or those of the corpus (or results) ranked, on `e`.

With no article open there is nothing of the article's to show, so the
ranking shows whatever the toggle says; the pane's border names which list
is shown.
"""
from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import ContentSwitcher

from kzreader.library import Library
from kzreader.tui.screens.correcting import Correcting
from kzreader.tui.widgets.entity_list import EntityList
from kzreader.tui.widgets.entity_overview import EntityOverview


class EntityPane(ContentSwitcher):
    """An `EntityList` and an `EntityOverview`, one shown at a time; the keys that correct an entity."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("R", "correct('rename')", "Rename", id="entities.rename",
                tooltip="Correct the entity's name, everywhere it is read"),
        Binding("T", "correct('retype')", "Type", id="entities.type",
                tooltip="Correct the entity's type (person, place, organisation, sum)"),
        Binding("J", "correct('merge')", "Merge", id="entities.merge",
                tooltip="Merge the entity into another one, chosen from a list that filters as you type"),
        Binding("X", "correct('unmention')", "Not a mention", show=False, id="entities.unmention",
                tooltip="Take the current mention in the article (walk to it with m) out of the entity"),
        Binding("D", "correct('reject')", "Not an entity", show=False, id="entities.reject",
                tooltip="Mark it not an entity: no longer read as one anywhere"),
        Binding("u", "correct('undo')", "Undo", show=False, id="entities.undo",
                tooltip="Undo the last correction"),
    ]

    def __init__(self, library: Library, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, initial="overview")
        self.library = library
        self.corpus_on = False
        """The reader asked for the corpus's entities while an article is open."""
        self._article_open = False
        self._overview_title = Content("Entities")

    def compose(self) -> ComposeResult:
        yield EntityList(id="entity-list")
        yield EntityOverview(self.library, id="overview")

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    @property
    def overview(self) -> EntityOverview:
        return self.query_one(EntityOverview)

    @property
    def showing_corpus(self) -> bool:
        return self.corpus_on or not self._article_open

    def article_open(self, is_open: bool) -> None:
        self._article_open = is_open
        self._update()

    def toggle(self, corpus: bool | None = None) -> None:
        """Show the corpus's entities (or the article's); `corpus` None flips between them."""
        self.corpus_on = not self.corpus_on if corpus is None else corpus
        self._update()

    def _update(self) -> None:
        had_focus = self.screen.focused is not None and self in self.screen.focused.ancestors_with_self
        self.current = "overview" if self.showing_corpus else "entity-list"
        self.border_title = self._overview_title if self.showing_corpus else Content("Entities")
        if had_focus:
            self.screen.set_focus(self.overview if self.showing_corpus else self.entity_list)

    @on(EntityOverview.Titled)
    def _titled(self, message: EntityOverview.Titled) -> None:
        message.stop()
        self._overview_title = message.title
        self._update()

    def action_correct(self, what: str) -> None:
        getattr(Correcting.of(self.screen), what)()  # type: ignore[arg-type]
