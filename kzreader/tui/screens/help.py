"""Every key the reader answers to, gathered from the bindings themselves so it cannot drift."""
from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_WIDTH = 18
NOTES = (
    "Mouse: click a row to open it, click a tab or pane to go there, scroll with the wheel.",
    "Search: words in any inflected form, \"a phrase\", AND OR NOT, prefix*, =exact, title: outlet: "
    "person: place: org:, date:2022 or date:[2022-01 to 2022-06].",
    "Timeline marks: = the same event elsewhere, ! dates that disagree, ~ related.",
)

Section = tuple[str, Sequence[BindingType]]


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
            yield Static(self._content(), id="help-text")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        (body.scroll_down if direction == "down" else body.scroll_up)(animate=False)

    def _content(self) -> Content:
        lines: list[Content] = [Content.styled("Keys", "bold $accent")]
        for title, bindings in self.sections:
            lines += [Content(""), Content.styled(title, "bold $primary")]
            seen: set[str] = set()
            for binding in bindings:
                if not isinstance(binding, Binding) or binding.system:
                    continue
                what = binding.tooltip or binding.description
                if what in seen:
                    continue
                seen.add(what)
                keys = " ".join(self._key(k) for k in binding.key.split(","))
                lines.append(Content.assemble(Content.styled(f"  {keys:<{KEY_WIDTH}}", "bold"), what))
        lines += [Content(""), Content.styled("Also", "bold $primary")]
        lines += [Content(f"  {note}") for note in NOTES]
        return Content("\n").join(lines)

    def _key(self, key: str) -> str:
        return self.app.get_key_display(Binding(key.strip(), ""))
