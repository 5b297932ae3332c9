"""The timeline pane as the main screen uses it: the list of events for the reader's filter, read from the library.

The screen says which filter holds (the entity chosen, the search) and which
event is open; this pane counts what the filter selects, places its cursor on
an event or a date, and finds the next linked event, each in a thread worker
that posts its answer back. A generation number drops answers to a filter
that has since changed.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message

from kzreader.library import Library, TimelineFilter
from kzreader.reading.annotations import Event
from kzreader.reading.periods import day_number
from kzreader.tui.formatting import MUTED_STYLE, safe
from kzreader.tui.messages import OpenEvent
from kzreader.tui.screens.correcting import Correcting
from kzreader.tui.widgets.timeline_list import TimelineList


class TimelinePane(TimelineList):
    """The events `filter` selects, titled with their number and what selects them; keys to correct links."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "correct('unlink')", "Wrong link", id="timeline.unlink",
                tooltip="Mark one of the event's links wrong, chosen from its links"),
        Binding("equals_sign", "correct('link')", "Same event", id="timeline.link",
                tooltip="Link the event to another as the same event: = here, then = on the other"),
        Binding("u", "correct('undo')", "Undo", show=False, id="timeline.undo",
                tooltip="Undo the last correction"),
    ]

    @dataclass
    class Counted(Message):
        """The number of events `filter` selects, and the row of the chosen event among them."""

        generation: int
        filter: TimelineFilter
        count: int
        cursor: int | None

    @dataclass
    class Placed(Message):
        """Where the cursor should go (an event's or a date's row), if still current."""

        generation: int
        position: int | None

    def __init__(self, library: Library, outlets: Mapping[str, str], copies: Mapping[str, str], *,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.library = library
        self.outlets = outlets
        self.copies = copies
        self._filter_generation = 0
        self._filter = TimelineFilter()

    def follow(self, flt: TimelineFilter, event: str | None) -> None:
        """Show the events `flt` selects, the cursor on `event` if it is among them."""
        self._filter_generation += 1
        self._filter = flt
        self._count(self._filter_generation, flt, event)

    @work(thread=True, exclusive=True, group="timeline-count", exit_on_error=False)
    def _count(self, generation: int, flt: TimelineFilter, event: str | None) -> None:
        count = self.library.timeline_count(flt)
        cursor = self.library.timeline_position(event, flt) if event else None
        self.post_message(self.Counted(generation, flt, count, cursor))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        message.stop()
        if message.generation != self._filter_generation:
            return
        flt = message.filter
        library = self.library
        self.show(message.count, lambda offset, limit: library.timeline(flt, offset, limit),
                  self.outlets, message.cursor or 0, copies=self.copies)
        # The count first: a narrow pane cuts its title from the right.
        title = [Content(f"{message.count} event{'' if message.count == 1 else 's'}")]
        if flt.query:
            title.append(Content.styled(" matching the search", MUTED_STYLE))
        if flt.entity:
            title.append(Content.assemble(Content.styled(" naming ", MUTED_STYLE),
                                          Content.styled(safe(flt.entity), "bold $accent")))
        if flt.with_entity:
            title.append(Content.assemble(Content.styled(" and ", MUTED_STYLE),
                                          Content.styled(safe(flt.with_entity), "bold $accent")))
        self.border_title = Content.assemble(*title)

    def locate(self, event: str) -> None:
        """Move the cursor to `event`'s row, if the filter selects it."""
        self._find_event(self._filter_generation, event, self._filter)

    @work(thread=True, exclusive=True, group="timeline-place", exit_on_error=False)
    def _find_event(self, generation: int, event: str, flt: TimelineFilter) -> None:
        self.post_message(self.Placed(generation, self.library.timeline_position(event, flt)))

    def jump_to(self, when: str) -> None:
        """Move the cursor to the first event on or after `when` (YYYY, YYYY-MM or YYYY-MM-DD)."""
        self._find_date(self._filter_generation, when, self._filter)

    @work(thread=True, exclusive=True, group="timeline-place", exit_on_error=False)
    def _find_date(self, generation: int, when: str, flt: TimelineFilter) -> None:
        # Events are in date order, so the first one on or after `when` comes after all that start before it.
        day = str(day_number(when))
        before = date(int(day[:4]), int(day[4:6]), int(day[6:])) - timedelta(days=1)
        count = self.library.timeline_count(replace(flt, end=before.isoformat()))
        self.post_message(self.Placed(generation, count))

    @on(Placed)
    def _placed(self, message: Placed) -> None:
        message.stop()
        if message.generation == self._filter_generation and message.position is not None:
            self.move_cursor(message.position)

    @work(thread=True, exclusive=True, group="links", exit_on_error=False)
    def follow_link(self, event: Event, step: int) -> None:
        """Open the nearest linked event after (or before) this one on the whole timeline.

        A reprint's copy of an event is not a step of its own: it is the same row.
        """
        whole = TimelineFilter(fold_copies=True)
        here = self.library.timeline_position(event.id, whole)
        placed = sorted((p, link.event) for link in event.links
                        if (p := self.library.timeline_position(link.event, whole)) is not None)
        if here is None or not placed:
            self.post_message(OpenEvent(event.links[0 if step > 0 else -1].event))
            return
        ahead = [e for p, e in placed if p > here] if step > 0 else [e for p, e in reversed(placed) if p < here]
        if ahead:
            self.post_message(OpenEvent(ahead[0]))
        else:
            self.notify(f"No linked event {'later' if step > 0 else 'earlier'} than this one.", severity="warning")

    def action_correct(self, what: str) -> None:
        getattr(Correcting.of(self.screen), what)()  # type: ignore[arg-type]
