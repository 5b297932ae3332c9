"""Asks for a name to save the current search under; it then shows at the top of the sources pane."""
from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from kzreader.tui.formatting import MUTED_STYLE, safe


class SaveSearchScreen(ModalScreen[str | None]):
    """Enter saves under the name typed (the query itself if left empty); Escape saves nothing."""

    DEFAULT_CSS = """
    SaveSearchScreen { align: center middle; }
    #save-box { width: 70%; max-width: 80; height: auto; border: round $primary; padding: 0 1; background: $surface; }
    #save-help { margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Cancel", id="save-search.cancel"),
    ]

    def __init__(self, query: str, name: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.suggested = name or query

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box"):
            yield Static(Content.assemble("Save the search ", Content.styled(safe(self.query_text), "bold"),
                                          " as:"))
            yield Input(value=self.suggested, id="save-name", compact=True)
            yield Static(Content.styled("Enter: save · Escape: cancel · saved searches stand at the top "
                                        "of Sources", MUTED_STYLE), id="save-help")

    @on(Input.Submitted, "#save-name")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or self.query_text)
