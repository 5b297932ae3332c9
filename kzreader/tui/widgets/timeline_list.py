"""The timeline pane: dated events in date order, paged from the store as they scroll into view.

The pane never holds all events: it knows how many the filter selects and
asks for a page of them (in a thread) the first time one of its rows is drawn.
Rows of one day, month or year (whatever the event's granularity) share one
date label, so they read as a group.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.cache import LRUCache
from textual.content import Content
from textual.message import Message

from kzreader.library.dates import shown_date
from kzreader.library.relations import RELATION_MARKS, RELATION_ORDER
from kzreader.library.reprints import also_in
from kzreader.reading.annotations import Event
from kzreader.tui.formatting import MUTED_STYLE, RELATION_STYLES, fit, safe
from kzreader.tui.messages import OpenEvent
from kzreader.tui.widgets.virtual_list import VirtualList

PAGE_SIZE = 200
DATE_WIDTH = 10
# Pages kept in memory; a page is re-read from the store when it scrolls back into view.
CACHED_PAGES = 64
# Fewer cells than this after the label show no stub of the sentence.
MIN_SENTENCE = 12

Fetch = Callable[[int, int], Sequence[Event]]
"""Reads `limit` events from `offset` of the current filter (runs in a thread)."""


class TimelineList(VirtualList):
    """Events, two lines each: date, outlet and link marks, then what happened."""

    ROW_HEIGHT: ClassVar[int] = 2
    EMPTY_TEXT: ClassVar[str] = "No dated events match."

    @dataclass
    class PageLoaded(Message):
        """A page of events arrived from the store (posted by the loading thread)."""

        generation: int
        page: int
        events: Sequence[Event]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._fetch: Fetch | None = None
        self._outlets: Mapping[str, str] = {}
        self._copies: Mapping[str, str] = {}
        self._pages: LRUCache[int, Sequence[Event]] = LRUCache(CACHED_PAGES)
        self._pending: set[int] = set()
        self._generation = 0
        self._article: str | None = None
        self._selected: str | None = None

    def show(self, count: int, fetch: Fetch, outlets: Mapping[str, str], cursor: int = 0,
             copies: Mapping[str, str] | None = None) -> None:
        """Show `count` events read through `fetch`, the cursor on row `cursor`.

        `copies` (reprint -> original) names, on an original's row, the reprints
        whose own row for the event was folded into it.
        """
        self._generation += 1
        self._fetch = fetch
        self._outlets = outlets
        self._copies = copies or {}
        self._pages.clear()
        self._pending.clear()
        self.set_row_count(count, cursor)

    def mark(self, article: str | None, event: str | None) -> None:
        """Make the open article's events and the selected event stand out."""
        self._article, self._selected = article, event
        self.refresh()

    @property
    def event(self) -> Event | None:
        """The event under the cursor, if its page has arrived."""
        return self._event_at(self.cursor) if self.cursor >= 0 else None

    def _event_at(self, index: int) -> Event | None:
        page, offset = divmod(index, PAGE_SIZE)
        events = self._pages.get(page)
        if events is None:
            self._request(page)
            return None
        return events[offset] if offset < len(events) else None

    def _request(self, page: int) -> None:
        if page in self._pending or self._fetch is None:
            return
        self._pending.add(page)
        self._load(self._generation, page, self._fetch)

    @work(thread=True, group="timeline-pages", exit_on_error=False)
    def _load(self, generation: int, page: int, fetch: Fetch) -> None:
        self.post_message(self.PageLoaded(generation, page, fetch(page * PAGE_SIZE, PAGE_SIZE)))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._pages[message.page] = message.events
        self._pending.discard(message.page)
        self.refresh()

    def row_line(self, index: int, line: int, width: int) -> Content:
        ev = self._event_at(index)
        if ev is None:
            return Content.styled("…" if line == 0 else "", MUTED_STYLE)
        gutter = Content.styled("▶" if ev.id == self._selected else "▌", "bold $accent") \
            if ev.article == self._article else Content(" ")
        if line == 1:
            return Content.assemble(gutter, " ", self._what(ev, width - 2))
        previous = self._event_at(index - 1) if index else None
        starts_group = previous is None or previous.date != ev.date
        # A span of days is wider than the column: it takes room from the outlet, not from its end.
        shown = f"{shown_date(ev.date):<{DATE_WIDTH}}"
        date = Content.styled(shown, "bold $primary") if starts_group else Content(" " * len(shown))
        marks = self._marks(ev)
        room = width - 1 - len(shown) - 1 - marks.cell_length - 1
        source = safe(self._outlets.get(ev.article), ev.article)
        reprints = [safe(self._outlets.get(a), a) for a in also_in(ev, self._copies)]
        if reprints:
            source += f" · also in {', '.join(reprints)}"
        outlet = Content.styled(fit(source, room, whole=True), MUTED_STYLE)
        pad = Content(" " * max(room - outlet.cell_length, 0))
        return Content.assemble(gutter, date, " ", outlet, pad, " ", marks)

    def _what(self, ev: Event, width: int) -> Content:
        label = safe(ev.label)
        sentence = " ".join(safe(ev.sentence or ev.text).split())
        if not label:
            return Content(fit(sentence, width))
        label = fit(label, width)
        room = width - len(label) - 2
        rest = fit(sentence, room) if room >= MIN_SENTENCE else ""
        return Content.assemble(Content.styled(label, "bold"), Content.styled(f"  {rest}" if rest else "", MUTED_STYLE))

    @staticmethod
    def _marks(ev: Event) -> Content:
        relations = {lk.relation for lk in ev.links}
        return Content.assemble(*(Content.styled(RELATION_MARKS[r], RELATION_STYLES[r])
                                  for r in RELATION_ORDER if r in relations))

    def row_chosen(self, index: int) -> None:
        ev = self._event_at(index)
        if ev is not None:
            self.post_message(OpenEvent(ev.id))
