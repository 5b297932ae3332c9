"""The events linked to one event, and why each link was made."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kzreader.library.dates import shown_date
from kzreader.library.relations import RELATION_MARKS, RELATION_WORDS
from kzreader.reading.annotations import Event, Link
from kzreader.tui.formatting import MUTED_STYLE, RELATION_STYLES, safe



@dataclass(frozen=True, slots=True)
class LinkedEvent:
    """One link of the origin event, with the event at its other end (None if it is gone)."""

    link: Link
    event: Event | None


def conflict_note(origin: Event, other: Event) -> str:
    """Which dates disagree, in the reader's words."""
    return f"dates disagree: {origin.date} ({safe(origin.text)}) here, {other.date} ({safe(other.text)}) there"


class LinkedEventsScreen(ModalScreen[str | None]):
    """Lists the links; Enter goes to the chosen event, Escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,l", "dismiss", "Close", id="links.close"),
        Binding("j", "cursor('down')", "Down", show=False, id="links.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="links.up"),
    ]

    def __init__(self, origin: Event, links: Sequence[LinkedEvent], outlets: Mapping[str, str]) -> None:
        super().__init__()
        self.origin = origin
        self.links = links
        self.outlets = outlets

    def compose(self) -> ComposeResult:
        with Vertical(id="links-box"):
            yield Static(self._heading(), id="links-heading")
            yield OptionList(*self._options(), id="links-list")
            yield Static(Content.styled("Enter: go to the event · Escape: close", MUTED_STYLE), id="links-help")

    def _heading(self) -> Content:
        ev = self.origin
        return Content("\n").join([
            Content.assemble(Content.styled("Linked to ", "bold"), Content.styled(shown_date(ev.date), "bold $primary"), "  ",
                             Content.styled(safe(self.outlets.get(ev.article), ev.article), MUTED_STYLE)),
            Content(" ".join(safe(ev.sentence or ev.label).split())),
        ])

    def _options(self) -> list[Option]:
        if not self.links:
            return [Option(Content("No links: no other article tells of this event."), disabled=True)]
        return [
            Option(self._describe(item), id=item.link.event, disabled=item.event is None)
            for item in self.links
        ]

    def _describe(self, item: LinkedEvent) -> Content:
        link, other = item.link, item.event
        relation = f"{RELATION_MARKS.get(link.relation, '?')} {RELATION_WORDS.get(link.relation, link.relation)}"
        mark = Content.styled(relation, RELATION_STYLES.get(link.relation, "bold"))
        if other is None:
            return Content.assemble(mark, "  ", Content.styled(f"{link.event} is no longer in the index", MUTED_STYLE))
        lines = [
            Content.assemble(mark, "  ", Content.styled(other.date, "bold $primary"), "  ",
                             Content.styled(safe(self.outlets.get(other.article), other.article), MUTED_STYLE)),
            Content("   " + " ".join(safe(other.sentence or other.label).split())),
        ]
        reasons = [safe(r) for r in link.reasons]
        if link.relation == "conflict" and not any("disagree" in r for r in reasons):
            reasons.append(conflict_note(self.origin, other))
        lines += [Content.styled(f"   · {reason}", "italic $text-muted") for reason in reasons]
        return Content("\n").join(lines)

    def action_cursor(self, direction: str) -> None:
        options = self.query_one("#links-list", OptionList)
        (options.action_cursor_down if direction == "down" else options.action_cursor_up)()

    @on(OptionList.OptionSelected, "#links-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
