"""A list of any length drawn a line at a time (Textual's line API).

Only the rows on screen are ever rendered, so 100,000 articles or a million
events cost what forty do; one widget per row would not scale (see the notes,
§5.1). Subclasses say how many rows there are and what each line of a row
shows; this class owns the cursor, keys, mouse and scrolling.
"""
from __future__ import annotations

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
    """Lines per row; every row has the same height so any row's position is one multiplication."""

    EMPTY_TEXT: ClassVar[str] = "Nothing to show."
    """What an empty list says on its first line."""

    cursor: reactive[int] = reactive(-1, init=False)
    """Index of the row under the cursor, -1 when the list is empty."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._row_count = 0

    @property
    def row_count(self) -> int:
        return self._row_count

    def set_row_count(self, count: int, cursor: int = 0) -> None:
        """Take a new number of rows and put the cursor on `cursor` (or the nearest row that can take it)."""
        self._row_count = count
        self.virtual_size = Size(self.scrollable_content_region.width, count * self.ROW_HEIGHT)
        self.set_reactive(VirtualList.cursor, -1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = self._selectable_from(min(max(cursor, 0), count - 1), 1) if count else -1
        self.refresh()

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
        index, line = divmod(self.scroll_offset.y + y, self.ROW_HEIGHT)
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
            top = index * self.ROW_HEIGHT - self.scroll_offset.y
            self.refresh(Region(0, top, self.scrollable_content_region.width, self.ROW_HEIGHT))

    def scroll_to_cursor(self) -> None:
        if self.cursor < 0 or not self.is_mounted:
            return
        region = Region(0, self.cursor * self.ROW_HEIGHT, max(self.scrollable_content_region.width, 1),
                        self.ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self.scroll_to_cursor()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._row_count * self.ROW_HEIGHT)
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
        return max(self.scrollable_content_region.height // self.ROW_HEIGHT, 1)

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
