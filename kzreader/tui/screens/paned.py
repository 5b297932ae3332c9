"""A screen of panes: side by side at 120 columns and wider; below that, one at a time under tabs.

A subclass names its panes in `PANES` (widget ids, in tab order), composes a
`Tabs` with id `pane-tabs` holding a tab `tab-<pane>` for each, and lists in
`PANE_GROUPS` the containers that hold several panes, shown with any of them.
A pane named in `TAB_OF` has no tab of its own: it shows with that tab's pane.
A pane may be a container; going to it focuses the first thing in it that takes the focus.
"""
from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Tabs


class PanedScreen(Screen[None]):
    """Which pane is active (the only one shown when narrow), and moving between panes by key, tab or focus."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (120, "-wide")]
    PANES: ClassVar[tuple[str, ...]] = ()
    PANE_GROUPS: ClassVar[dict[str, tuple[str, ...]]] = {}
    TAB_OF: ClassVar[dict[str, str]] = {}

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def pane_of(self, widget: Widget | None) -> str | None:
        """The pane `widget` is in, if any."""
        while widget is not None and widget is not self:
            if widget.id in self.PANES:
                return widget.id
            widget = widget.parent  # type: ignore[assignment]
        return None

    def show_pane(self, pane: str) -> None:
        """Bring `pane` forward (it is the only one shown when narrow) and focus it."""
        self.activate_pane(pane)
        widget = self.query_one(f"#{pane}")
        if not widget.can_focus:
            widget = next((w for w in widget.query("*") if w.can_focus and w.display), widget)
        # Focus now, not after the queued events: keys typed right after this one must land here.
        self.set_focus(widget)

    def activate_pane(self, pane: str) -> None:
        """Bring `pane` forward, with the panes sharing its tab, without moving the focus."""
        tab = self.TAB_OF.get(pane, pane)
        for name in self.PANES:
            self.query_one(f"#{name}").set_class(self.TAB_OF.get(name, name) == tab, "-active")
        for group, panes in self.PANE_GROUPS.items():
            self.query_one(f"#{group}").set_class(pane in panes, "-active")
        tabs = self.query_one(Tabs)
        with tabs.prevent(Tabs.TabActivated):
            tabs.active = f"tab-{tab}"

    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        pane = self.pane_of(event.widget)
        if pane:
            self.activate_pane(pane)

    @on(Tabs.TabActivated, "#pane-tabs")
    def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        if event.tab.id:
            self.show_pane(event.tab.id.removeprefix("tab-"))

    def action_pane(self, step: int) -> None:
        current = self.pane_of(self.focused) or self.PANES[-1 if step > 0 else 0]
        self.show_pane(self.PANES[(self.PANES.index(current) + step) % len(self.PANES)])
