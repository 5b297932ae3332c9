"""The coverage pane: events per day, week, month or year for whatever the timeline shows, a cursor along it.

The counts are read once per filter (a thread worker, a few thousand day
ranges even for a million events) and cut into periods here, so changing
the period does not go back to the index. Bars of dates known only to the
month or year stand in their own colour before the periods they cover.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from kzreader.library import Library, TimelineFilter
from kzreader.library.stats import PERIODS, Bar, DaySpan, bars
from kzreader.tui.formatting import MUTED_STYLE
from kzreader.tui.messages import JumpToDate

BAR_ROWS = 3
BLOCKS = " ▁▂▃▄▅▆▇█"
FINE_STYLE = "$primary"
COARSE_STYLE = "$secondary"
CURSOR_STYLE = "bold $accent"


class Coverage(Widget, can_focus=True):
    """A histogram one cell a period, as wide as the pane; the window follows the cursor.

    | Key | Action |
    | --- | --- |
    | `left` / `right` | previous / next period |
    | `home` / `end` | first / last period |
    | `d` `w` `m` `y` | count by day, week, month, year |
    | `enter` or a click | the timeline goes to that period |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Earlier period", show=False, id="coverage.earlier"),
        Binding("right", "move(1)", "Later period", show=False, id="coverage.later"),
        Binding("home", "move(-1000000)", "First period", show=False, id="coverage.first"),
        Binding("end", "move(1000000)", "Last period", show=False, id="coverage.last"),
        Binding("d", "period('day')", "Count by day", show=False, id="coverage.day"),
        Binding("w", "period('week')", "Count by week (ISO)", show=False, id="coverage.week"),
        Binding("m", "period('month')", "Count by month", show=False, id="coverage.month"),
        Binding("y", "period('year')", "Count by year", show=False, id="coverage.year"),
        Binding("enter", "jump", "Go to period", id="coverage.jump",
                tooltip="Move the timeline to the first event of the period under the cursor"),
    ]

    @dataclass
    class Counted(Message):
        """The day ranges `filter` selects, with their events (posted by the counting thread)."""

        generation: int
        spans: list[DaySpan]

    def __init__(self, library: Library, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.library = library
        self.by = "month"
        self.bars: list[Bar] = []
        self.cursor = -1
        self._spans: list[DaySpan] = []
        self._generation = 0
        self._first = 0

    # data ----------------------------------------------------------------------
    def follow(self, flt: TimelineFilter) -> None:
        """Count the events `flt` selects (the timeline's own filter)."""
        self._generation += 1
        self._count(self._generation, flt)

    @work(thread=True, exclusive=True, group="coverage", exit_on_error=False)
    def _count(self, generation: int, flt: TimelineFilter) -> None:
        self.post_message(self.Counted(generation, self.library.coverage(flt)))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        message.stop()
        if message.generation == self._generation:
            self._spans = message.spans
            self._cut(keep=False)

    def _cut(self, keep: bool) -> None:
        """Cut the counts into `by` periods; the cursor stays where it was, or goes to the busiest period.

        Where it was: the first bar of the old period (a month's own bar before
        its days), else the period that holds the old one's start.
        """
        old = self.bar if keep else None
        self.bars = bars(self._spans, self.by)
        if old is not None:
            inside = (i for i, b in enumerate(self.bars) if old.start <= b.start <= old.end)
            self.cursor = next(inside, None) or max(
                (i for i, b in enumerate(self.bars) if b.start <= old.start), default=0)
        else:
            self.cursor = max(range(len(self.bars)), key=lambda i: self.bars[i].events, default=-1)
        self._first = 0
        self.border_title = Content.assemble("Coverage ", Content.styled(f"by {self.by}", MUTED_STYLE))
        self.refresh()

    @property
    def bar(self) -> Bar | None:
        return self.bars[self.cursor] if 0 <= self.cursor < len(self.bars) else None

    # keys ------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.bars:
            self.cursor = min(max(self.cursor + step, 0), len(self.bars) - 1)
            self.refresh()

    def action_period(self, by: str) -> None:
        if by in PERIODS and by != self.by:
            self.by = by
            self._cut(keep=True)

    def action_jump(self) -> None:
        if self.bar is not None:
            self.post_message(JumpToDate(self.bar.start))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.bars:
            return
        index = self._first + offset.x
        if index < len(self.bars):
            self.cursor = index
            self.refresh()
            self.action_jump()

    # drawing -------------------------------------------------------------------------
    def _window(self, width: int) -> range:
        """The bars on screen: all that fit, shifted only as far as keeps the cursor in view."""
        if self.cursor < self._first:
            self._first = self.cursor
        elif self.cursor >= self._first + width:
            self._first = self.cursor - width + 1
        self._first = max(min(self._first, len(self.bars) - width), 0)
        return range(self._first, min(self._first + width, len(self.bars)))

    def render(self) -> Content:
        width = self.content_region.width
        if not self.bars:
            return Content.styled(" No dated events to count.", "italic $text-muted")
        shown = self._window(max(width, 1))
        top = max(b.events for b in self.bars) or 1
        levels = BAR_ROWS * (len(BLOCKS) - 1)
        rows: list[Content] = []
        for row in range(BAR_ROWS - 1, -1, -1):
            cells = []
            for i in shown:
                bar = self.bars[i]
                # Any count at all shows at least the lowest block: an event is never drawn as nothing.
                level = -(-bar.events * levels // top)
                part = min(max(level - row * (len(BLOCKS) - 1), 0), len(BLOCKS) - 1)
                char = BLOCKS[part]
                if i == self.cursor and row == 0 and char == " ":
                    char = "▁"
                style = CURSOR_STYLE if i == self.cursor else (FINE_STYLE if bar.precision == self.by else COARSE_STYLE)
                cells.append(Content.styled(char, style))
            rows.append(Content.assemble(*cells))
        rows.append(self._axis(shown, width))
        rows.append(self._status(width))
        return Content("\n").join(rows)

    def _axis(self, shown: range, width: int) -> Content:
        first, last = self.bars[shown.start].period, self.bars[shown.stop - 1].period
        gap = width - len(first) - len(last)
        text = f"{first}{' ' * gap}{last}" if gap >= 1 else first[:width]
        return Content.styled(text, MUTED_STYLE)

    def _status(self, width: int) -> Content:
        bar = self.bar
        if bar is None:
            return Content("")
        known = "" if bar.precision == self.by else f" (dated to the {bar.precision} only)"
        noun = "event" if bar.events == 1 else "events"
        return Content.assemble(Content.styled(bar.period, CURSOR_STYLE),
                                Content.styled(f" {bar.events} {noun}{known}"[: max(width - len(bar.period), 0)],
                                               MUTED_STYLE))
