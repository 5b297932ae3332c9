"""The correction dialogs: a name to type, or one choice from a list that filters as you type.

Both dismiss with the answer (None on Escape), so the caller decides what the
answer does; they know nothing of corrections themselves.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kzreader.language.folding import fold
from kzreader.tui.formatting import MUTED_STYLE, safe

# A list longer than this shows its first rows until the typed words narrow it.
SHOWN = 200


class AskText(ModalScreen[str | None]):
    """One line of text (a new name), Enter to keep it, Escape to leave it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel", id="correction.cancel")]

    def __init__(self, title: str, prompt: str, value: str = "") -> None:
        super().__init__(classes="correction-dialog")
        self.title_text = title
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="correction-box") as box:
            box.border_title = Content(safe(self.title_text))
            box.border_subtitle = Content.styled("Enter: keep · Escape: cancel", MUTED_STYLE)
            yield Static(Content(safe(self.prompt)), id="correction-prompt")
            yield Input(self.value, id="correction-input")

    @on(Input.Submitted)
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        text = message.value.strip()
        self.dismiss(text or None)


class PickOne(ModalScreen[str | None]):
    """A list of (value, label) filtered by the words typed above it; Enter picks the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Cancel", id="correction.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="correction.down"),
        Binding("up", "move(-1)", "Up", show=False, id="correction.up"),
    ]

    def __init__(self, title: str, prompt: str, choices: Sequence[tuple[str, Content]]) -> None:
        super().__init__(classes="correction-dialog")
        self.title_text = title
        self.prompt = prompt
        self.choices = list(choices)
        self._folded = [fold(label.plain) for _value, label in self.choices]

    def compose(self) -> ComposeResult:
        with Vertical(id="correction-box") as box:
            box.border_title = Content(safe(self.title_text))
            box.border_subtitle = Content.styled("type to filter · ↑↓ · Enter: choose · Escape: cancel",
                                                 MUTED_STYLE)
            yield Static(Content(safe(self.prompt)), id="correction-prompt")
            yield Input(placeholder="filter", id="correction-input")
            yield OptionList(id="correction-choices")

    def on_mount(self) -> None:
        self._filter("")

    @on(Input.Changed)
    def _changed(self, message: Input.Changed) -> None:
        message.stop()
        self._filter(message.value)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        shown = [Option(label, id=str(i)) for i, (_value, label) in enumerate(self.choices)
                 if all(w in self._folded[i] for w in words)][:SHOWN]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(shown)
        if shown:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    @on(Input.Submitted)
    def _submitted(self, message: Input.Submitted) -> None:
        message.stop()
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self._choose(message.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id is not None:
            self.dismiss(self.choices[int(option_id)][0])
