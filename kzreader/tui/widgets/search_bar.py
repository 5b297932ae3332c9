"""The search box, with a line under it for what went wrong with the query.

Up and down recall earlier searches (newest first) from the history the app
keeps between runs (`kzreader.library.searches`); Enter adds to it.
"""
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

from kzreader.library.searches import HistoryFile, Recall

PLACEHOLDER = 'Search (/): words, "a phrase", AND OR NOT, prefix*, person:Putin, date:2022'


class SearchBar(Vertical):
    """Says what is typed (`Changed`), committed with Enter (`Committed`) or cleared with Escape (`Cleared`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear search", id="search.clear"),
        Binding("up", "recall_older", "Earlier search", show=False, id="search.older",
                tooltip="Earlier search from the history (kept between runs)"),
        Binding("down", "recall_newer", "Later search", show=False, id="search.newer",
                tooltip="Later search from the history, then back to what was typed"),
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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.history: HistoryFile | None = None
        self._recall: Recall | None = None
        # Queries put in the box by up/down whose Changed has not arrived yet.
        self._recalled: list[str] = []

    def on_mount(self) -> None:
        # The app keeps the history between runs; a bare app (in a widget test) keeps none.
        history = getattr(self.app, "search_history", None)
        if isinstance(history, HistoryFile):
            self.history = history
            self._recall = Recall(history.history)

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

    # history -------------------------------------------------------------------
    def action_recall_older(self) -> None:
        if self._recall is not None:
            self._show_recalled(self._recall.older(self.value))

    def action_recall_newer(self) -> None:
        if self._recall is not None:
            self._show_recalled(self._recall.newer())

    def _show_recalled(self, query: str | None) -> None:
        if query is None:
            self.app.bell()
            return
        # Shown and searched as if typed; the Changed it causes is not the reader typing, so the walk goes on.
        self._recalled.append(query)
        self.input.value = query
        self.input.cursor_position = len(query)

    def remember(self, query: str) -> None:
        """Add `query` to the history, saying so if the history file cannot be written."""
        if self._recall is not None:
            self._recall.stop()
        if self.history is None:
            return
        try:
            self.history.add(query)
        except OSError as exc:
            self.notify(f"The search history could not be saved: {exc}", severity="warning", markup=False)

    def run(self, query: str) -> None:
        """Put `query` in the box and run it as if typed and committed with Enter."""
        with self.input.prevent(Input.Changed):
            self.input.value = query
        self.input.cursor_position = len(query)
        self.remember(query)
        self.post_message(self.Committed(query))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value in self._recalled:
            del self._recalled[: self._recalled.index(event.value) + 1]
        elif self._recall is not None:
            self._recall.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.remember(event.value)
        self.post_message(self.Committed(event.value))
