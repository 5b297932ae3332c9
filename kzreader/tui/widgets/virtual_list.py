"""A list of any length drawn a line at a time (Textual's line API).

Only the rows on screen are ever rendered, so 100,000 articles or a million
events cost what forty do; one widget per row would not scale (see the notes,
§5.1). Subclasses say how many rows there are and what each line of a row
shows; this class owns the cursor, keys, mouse and scrolling.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from kzreader.tui.formatting import wrap

HINT_LINES = 4


class VirtualList(ScrollView, can_focus=True):
    """A cursor over `row_count` rows of `ROW_HEIGHT` lines each.

    | Key | Action |
    | --- | --- |
    | `down`, `j` / `up`, `k` | move the cursor |
    | `home`, `g` / `end`, `G` | first / last row |
    | `pagedown` / `pageup` | a screenful |
    | `enter` or a click | choose the row |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next row", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Previous row", show=False, id="list.up"),
        Binding("home,g", "first", "First row", show=False, id="list.first"),
        Binding("end,G", "last", "Last row", show=False, id="list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("enter", "choose", "Open", id="list.choose",
                tooltip="Open: the article, filter by the entity, or the event's sentence"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor", "virtual-list--cursor-blurred"}

    ROW_HEIGHT: ClassVar[int] = 1
    """Lines per row; every row has the same height so any row's position is one multiplication,
    unless the subclass measures its rows (`measure_rows`)."""

    EMPTY_TEXT: ClassVar[str] = "Nothing to show."
    """What an empty list says on its first line."""

    cursor: reactive[int] = reactive(-1, init=False)
    """Index of the row under the cursor, -1 when the list is empty."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._row_count = 0
        self._tops: list[int] | None = None
        """Each row's first line and, last, the total, when rows differ in height."""

    @property
    def row_count(self) -> int:
        return self._row_count

    def set_row_count(self, count: int, cursor: int = 0) -> None:
        """Take a new number of rows and put the cursor on `cursor` (or the nearest row that can take it)."""
        self._row_count = count
        self._measure()
        self.set_reactive(VirtualList.cursor, -1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = self._selectable_from(min(max(cursor, 0), count - 1), 1) if count else -1
        self.refresh()

    def measure_rows(self, width: int) -> list[int] | None:
        """Each row's height at `width`, for a list whose rows differ; None when every row is `ROW_HEIGHT`."""
        return None

    def _measure(self) -> None:
        width = self.scrollable_content_region.width
        heights = self.measure_rows(width)
        self._tops = list(accumulate(heights, initial=0)) if heights is not None else None
        total = self._tops[-1] if self._tops is not None else self._row_count * self.ROW_HEIGHT
        self.virtual_size = Size(width, total)

    def row_top(self, index: int) -> int:
        return self._tops[index] if self._tops is not None else index * self.ROW_HEIGHT

    def row_height(self, index: int) -> int:
        return self._tops[index + 1] - self._tops[index] if self._tops is not None else self.ROW_HEIGHT

    def _row_at(self, y: int) -> tuple[int, int]:
        """(row, line within it) of virtual line `y`."""
        if self._tops is None:
            return divmod(y, self.ROW_HEIGHT)
        index = bisect_right(self._tops, y) - 1
        return index, y - self._tops[index] if 0 <= index < self._row_count else 0

    def row_line(self, index: int, line: int, width: int) -> Content:
        """Line `line` of row `index`, in `width` cells; subclasses draw their rows here."""
        raise NotImplementedError

    def can_choose(self, index: int) -> bool:
        """Whether the cursor may rest on row `index` (group headers may not)."""
        return True

    def row_chosen(self, index: int) -> None:
        """Row `index` was chosen with Enter or a click."""

    # rendering ----------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, line = self._row_at(self.scroll_offset.y + y)
        if not self._row_count:
            hint = wrap(self.EMPTY_TEXT, width - 1, HINT_LINES)
            text = Content.styled(f" {hint[y]}" if y < len(hint) else "", "italic $text-muted")
            return Visual.to_strips(self, text, width, 1, self.get_visual_style(), pad=True)[0]
        if not 0 <= index < self._row_count:
            return Strip.blank(width, self.rich_style)
        if index == self.cursor:
            part = "virtual-list--cursor" if self.has_focus else "virtual-list--cursor-blurred"
            style = self.get_visual_style(part)
        else:
            style = self.get_visual_style()
        strips = Visual.to_strips(self, self.row_line(index, line, width), width, 1, style, pad=True)
        strip = strips[0] if strips else Strip.blank(width, style.rich_style)
        return strip.apply_meta({"row": index})

    def refresh_row(self, index: int) -> None:
        if 0 <= index < self._row_count:
            top = self.row_top(index) - self.scroll_offset.y
            self.refresh(Region(0, top, self.scrollable_content_region.width, self.row_height(index)))

    def scroll_to_cursor(self) -> None:
        if self.cursor < 0 or not self.is_mounted:
            return
        # The rows above the cursor that it may not rest on (a group's header) come into view with it,
        # or the first header of a list could never be seen.
        first = self.cursor
        while first > 0 and not self.can_choose(first - 1):
            first -= 1
        top = self.row_top(first)
        bottom = self.row_top(self.cursor) + self.row_height(self.cursor)
        region = Region(0, top, max(self.scrollable_content_region.width, 1), bottom - top)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self.scroll_to_cursor()

    def on_resize(self) -> None:
        self._measure()
        self.scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh_row(self.cursor)

    def on_blur(self) -> None:
        self.refresh_row(self.cursor)

    # movement -----------------------------------------------------------------
    def _selectable_from(self, index: int, step: int) -> int:
        """The first row from `index` on (in direction `step`) the cursor may rest on; `index` if none."""
        i = index
        while 0 <= i < self._row_count:
            if self.can_choose(i):
                return i
            i += step
        return index if self.can_choose(index) else self.cursor

    def move_cursor(self, target: int, step: int = 1) -> None:
        if not self._row_count:
            return
        target = min(max(target, 0), self._row_count - 1)
        found = self._selectable_from(target, step)
        if not self.can_choose(found):
            found = self._selectable_from(target, -step)
        if found >= 0:
            self.cursor = found

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1, -1)

    def action_first(self) -> None:
        self.move_cursor(0, 1)

    def action_last(self) -> None:
        self.move_cursor(self._row_count - 1, -1)

    def _page(self) -> int:
        rows = self.row_top(self._row_count) / max(self._row_count, 1)
        return max(int(self.scrollable_content_region.height // max(rows, 1)), 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._page(), 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._page(), -1)

    def action_choose(self) -> None:
        if 0 <= self.cursor < self._row_count and self.can_choose(self.cursor):
            self.row_chosen(self.cursor)

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if index is not None and self.can_choose(index):
            self.cursor = index
            self.row_chosen(index)
