"""The search box, with a line under it for what went wrong with the query."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

PLACEHOLDER = 'Search (/): words, "a phrase", AND OR NOT, prefix*, person:Putin, date:2022'


class SearchBar(Vertical):
    """Says what is typed (`Changed`), committed with Enter (`Committed`) or cleared with Escape (`Cleared`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear search", id="search.clear"),
    ]

    @dataclass
    class Changed(Message):
        """The query as typed so far (the screen debounces these)."""

        query: str

    @dataclass
    class Committed(Message):
        """Enter: run this query now and go to the results."""

        query: str

    class Cleared(Message):
        """The query was emptied with Escape."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="search-input", compact=True)
        yield Static(id="search-error")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def show_error(self, message: str | None) -> None:
        """Show a query's problem under the box (or nothing)."""
        error = self.query_one("#search-error", Static)
        error.update(Content.styled(message, "$error") if message else Content())
        self.set_class(bool(message), "-error")

    def show_notes(self, notes: list[str]) -> None:
        """Show how the query was read, or why it found nothing, under the box (or nothing)."""
        line = self.query_one("#search-error", Static)
        text = " · ".join(notes)
        line.update(Content.styled(text, "$text-warning") if text else Content())
        self.set_class(bool(text), "-error")

    def action_clear(self) -> None:
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.show_error(None)
        self.post_message(self.Cleared())

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Committed(event.value))
