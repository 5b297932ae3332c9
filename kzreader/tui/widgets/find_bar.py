"""The find box at the foot of the article: what to find, and which match of how many is shown."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from kzreader.tui.formatting import MUTED_STYLE


class FindBar(Horizontal):
    """Typing finds as you go (`Changed`); Enter and the arrows step (`Step`); Escape goes back to the text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down", "step(1)", "Next match", id="find.next", tooltip="Next match (n in the article)"),
        Binding("up", "step(-1)", "Previous match", id="find.previous",
                tooltip="Previous match (N in the article)"),
        Binding("escape", "done", "Back to the article", id="find.done",
                tooltip="Back to the article, the matches still marked (Escape there clears them)"),
    ]

    @dataclass
    class Changed(Message):
        text: str

    @dataclass
    class Step(Message):
        step: int

    class Done(Message):
        """The reader is done typing; the matches stay."""

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Find ", "bold"), id="find-label")
        yield Input(placeholder="text in this article (case and Polish letters ignored)", id="find-input",
                    compact=True)
        yield Static(id="find-count")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    def open(self, text: str) -> None:
        """Show the box with `text` in it, selected so typing replaces it."""
        self.add_class("-open")
        with self.input.prevent(Input.Changed):
            self.input.value = text
        self.input.select_all()
        self.screen.set_focus(self.input)

    def close(self) -> None:
        self.remove_class("-open")

    def count(self, current: int | None, total: int, text: str) -> None:
        """Say which match is shown of how many."""
        if not text:
            said = ""
        elif not total:
            said = "not found"
        else:
            said = f"{(current or 0) + 1} of {total}"
        self.query_one("#find-count", Static).update(Content.styled(said, MUTED_STYLE))

    @on(Input.Changed, "#find-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_done(self) -> None:
        self.post_message(self.Done())
