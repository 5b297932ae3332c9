"""Every key the reader answers to, gathered from the bindings themselves so it cannot drift."""
from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from kzreader.library.config import config_dir
from kzreader.library.keymap import KEYMAP_FILE
from kzreader.library.relations import RELATION_MARKS, RELATION_ORDER, RELATION_WORDS
from kzreader.tui.formatting import MUTED_STYLE

NOTES = (
    "Mouse: click a row to open it, click a tab or pane to go there, scroll with the wheel.",
    "Search: words in any inflected form, \"a phrase\", AND OR NOT, prefix*, =exact, title: outlet: "
    "person: place: org:, date:2022 or date:[2022-01 to 2022-06].",
    "Timeline marks: " + ", ".join(f"{RELATION_MARKS[r]} {RELATION_WORDS[r]}" for r in RELATION_ORDER) + ".",
)

Section = tuple[str, Sequence[BindingType]]


def keymap_note() -> str:
    return (f"Your own keys: {config_dir() / KEYMAP_FILE}, one line a binding, its id (grey, beside each key "
            "above): the keys, e.g. \"main.search: ctrl+f\" or \"main.quit: q,ctrl+x\". A bad line keeps the "
            "default and says why at start.")


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys by where they work; any of escape, q, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help.up"),
    ]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content.styled("Keys", "bold $accent"), classes="help-title")
            for title, bindings in self.sections:
                yield Static(Content.styled(title, "bold $primary"), classes="help-section")
                # Two columns, so a long description wraps beside its key rather than under it.
                with Grid(classes="help-keys"):
                    for keys, what, binding_id in self._rows(bindings):
                        yield Static(Content.styled(keys, "bold"))
                        yield Static(Content.assemble(what, Content.styled(f"  {binding_id}" if binding_id else "",
                                                                           MUTED_STYLE)))
            yield Static(Content.styled("Also", "bold $primary"), classes="help-section")
            for note in NOTES:
                yield Static(Content(note), classes="help-note")
            yield Static(Content(keymap_note()), classes="help-note")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        (body.scroll_down if direction == "down" else body.scroll_up)(animate=False)

    def _rows(self, bindings: Sequence[BindingType]) -> list[tuple[str, str, str | None]]:
        """(keys, what they do, the binding's id for the key map) for each binding, once per action."""
        rows: list[tuple[str, str, str | None]] = []
        seen: set[str] = set()
        for binding in bindings:
            if not isinstance(binding, Binding) or binding.system:
                continue
            what = binding.tooltip or binding.description
            if what not in seen:
                seen.add(what)
                keys = self._keys_now(binding)
                rows.append((" ".join(self._key(k) for k in keys.split(",")), what, binding.id))
        return rows

    def _keys_now(self, binding: Binding) -> str:
        """The binding's keys as the user's key map has them (its own if the map leaves it alone)."""
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        return keymap.get(binding.id, binding.key) if binding.id else binding.key

    def _key(self, key: str) -> str:
        return self.app.get_key_display(Binding(key.strip(), ""))
