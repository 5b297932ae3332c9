"""Who is in the corpus (or in the search's results), and who appears with whom.

Two lists in one place, as the entities pane shows them when no article is
open (or on `e`): the entities named in most articles, each with its type,
the months of its events and a sparkline of them; and, on `w`, the entities
that share most events with the one under the cursor. Both are read in thread
workers; the sparklines only for the rows drawn, as they come into view.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message

from kzreader.library import Library
from kzreader.library.stats import EntityStat, Together, span_text, sparkline, trend
from kzreader.tui.formatting import ENTITY_STYLES, MUTED_STYLE, fit, safe
from kzreader.tui.messages import FilterByEntity, ShowShared
from kzreader.tui.widgets.virtual_list import VirtualList

LISTED = 200
SPARK_CELLS = 8
COUNT_WIDTH = 5
INDENT = "  "


class EntityOverview(VirtualList):
    """Enter filters by the entity (ranking) or shows the events both share (who appears with whom)."""

    ROW_HEIGHT: ClassVar[int] = 2
    EMPTY_TEXT: ClassVar[str] = "No entities to count."

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "together", "With whom", id="overview.together",
                tooltip="The entities that share most events with the one under the cursor; again to go back"),
    ]

    @dataclass
    class Ranked(Message):
        generation: int
        rows: list[EntityStat]

    @dataclass
    class Paired(Message):
        generation: int
        key: str
        name: str
        rows: list[Together]

    @dataclass
    class Traced(Message):
        key: str
        cells: list[int]

    @dataclass
    class Titled(Message):
        """What the list shows now, for its pane's border."""

        title: Content

    def __init__(self, library: Library, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.library = library
        self.query: str | None = None
        self.ranking: list[EntityStat] = []
        self._cursor_on: str | None = None
        self.together: list[Together] = []
        self.chosen: tuple[str, str] | None = None
        """The entity whose companions are listed (key, name), or None while the ranking is."""
        self._generation = 0
        self._filter_key: str | None = None
        self._trends: dict[str, list[int] | None] = {}
        self._span = (0, 0)

    # what is listed -------------------------------------------------------------------
    def rank(self, query: str | None, keep_cursor: bool = False) -> None:
        """List the entities of the articles `query` finds (all articles when None).

        `keep_cursor`: stay on the entity under the cursor if it is still listed (after a correction).
        """
        self.query = query
        entity = self.entity if keep_cursor else None
        self._cursor_on = entity.key if entity else None
        self._generation += 1
        self._rank(self._generation, query)

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def _rank(self, generation: int, query: str | None) -> None:
        self.post_message(self.Ranked(generation, self.library.top_entities(query, LISTED)))

    @on(Ranked)
    def _ranked(self, message: Ranked) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self.ranking = message.rows
        days = [int(d.replace("-", "")) for e in self.ranking for d in (e.first, e.last) if d]
        # One time axis for every row, so the sparklines compare.
        self._span = (min(days, default=0), max(days, default=0))
        self._trends.clear()
        self.chosen = None
        self._show(self._cursor_on)

    def pair(self, key: str, name: str) -> None:
        """List the entities sharing most events with `key`."""
        self._generation += 1
        self._pair(self._generation, key, name, self.query)

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def _pair(self, generation: int, key: str, name: str, query: str | None) -> None:
        self.post_message(self.Paired(generation, key, name, self.library.together([key], query, LISTED)))

    @on(Paired)
    def _paired(self, message: Paired) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self.chosen = (message.key, message.name)
        self.together = message.rows
        self._show()

    def back_to_ranking(self) -> None:
        key = self.chosen[0] if self.chosen else None
        self.chosen = None
        self._show(key)

    def _show(self, cursor_on: str | None = None) -> None:
        keys = [r.key for r in (self.together if self.chosen else self.ranking)]
        self.set_row_count(len(keys), keys.index(cursor_on) if cursor_on in keys else 0)
        if self.chosen:
            title = Content.assemble("With ", Content.styled(safe(self.chosen[1]), "bold $accent"),
                                     Content.styled(" · shared events (w: back)", MUTED_STYLE))
        else:
            title = Content.assemble("Entities ", Content.styled("in the results" if self.query
                                                                 else "in the corpus", MUTED_STYLE))
        self.post_message(self.Titled(title))

    def mark_filter(self, key: str | None) -> None:
        self._filter_key = key
        self.refresh()

    @property
    def entity(self) -> EntityStat | Together | None:
        rows: list[EntityStat] | list[Together] = self.together if self.chosen else self.ranking
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    # keys -------------------------------------------------------------------------------
    def action_together(self) -> None:
        if self.chosen:
            self.back_to_ranking()
        elif isinstance(self.entity, EntityStat):
            self.pair(self.entity.key, self.entity.name)

    def row_chosen(self, index: int) -> None:
        if self.chosen:
            other = self.together[index]
            self.post_message(ShowShared(self.chosen[0], self.chosen[1], other.key, other.name))
        else:
            entity = self.ranking[index]
            self.post_message(FilterByEntity(entity.key, entity.name))

    # drawing --------------------------------------------------------------------------------
    def row_line(self, index: int, line: int, width: int) -> Content:
        row = self.together[index] if self.chosen else self.ranking[index]
        count = row.events if isinstance(row, Together) else row.articles
        style = ENTITY_STYLES.get(row.type, "bold")
        if line == 0:
            mark = "● " if row.key == self._filter_key else "  "
            head = f"{count:>{COUNT_WIDTH}} "
            return Content.assemble(Content.styled(head, MUTED_STYLE), mark,
                                    Content.styled(fit(safe(row.name), width - len(head) - len(mark)), style))
        info = f"{INDENT}{row.type:<6} {span_text(row.first, row.last, '–')}"
        if isinstance(row, Together):
            return Content.styled(fit(info, width), MUTED_STYLE)
        if len(info) + 1 + SPARK_CELLS > width:
            # A narrow pane keeps the sparkline and gives up the months.
            info = f"{INDENT}{row.type:<6} {span_text(row.first and row.first[:4], row.last and row.last[:4], '–')}"
        spark = self._trend(row.key)
        pad = " " * max(width - len(info) - SPARK_CELLS, 1)
        if spark is None or len(info) + 1 + SPARK_CELLS > width:
            return Content.styled(fit(info, width), MUTED_STYLE)
        return Content.assemble(Content.styled(info + pad, MUTED_STYLE), Content.styled(sparkline(spark), style))

    def _trend(self, key: str) -> list[int] | None:
        if key not in self._trends:
            self._trends[key] = None
            self._trace(key, self._span)
        return self._trends[key]

    @work(thread=True, group="overview-trends", exit_on_error=False)
    def _trace(self, key: str, span: tuple[int, int]) -> None:
        self.post_message(self.Traced(key, trend(self.library.entity_months(key), *span, SPARK_CELLS)))

    @on(Traced)
    def _traced(self, message: Traced) -> None:
        message.stop()
        if message.key in self._trends:
            self._trends[message.key] = message.cells
            self.refresh()
