"""The entities pane: the open article's entities grouped by type, with mention counts."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content

from kzreader.reading.annotations import Entity
from kzreader.tui.formatting import ENTITY_LABELS, ENTITY_STYLES, ENTITY_TYPES, MUTED_STYLE, fit, safe
from kzreader.tui.messages import FilterByEntity
from kzreader.tui.widgets.virtual_list import VirtualList


@dataclass(frozen=True, slots=True)
class EntityRow:
    """A type heading (`entity` None) or one entity of the article."""

    type: str
    entity: Entity | None = None
    count: int = 0


def group(entities: Sequence[Entity]) -> list[EntityRow]:
    """Headings in type order, each followed by its entities, most mentioned first."""
    rows: list[EntityRow] = []
    for etype in ENTITY_TYPES:
        mine = sorted((e for e in entities if e.type == etype), key=lambda e: (-len(e.mentions), e.name))
        if mine:
            rows.append(EntityRow(etype, None, len(mine)))
            rows.extend(EntityRow(etype, e, len(e.mentions)) for e in mine)
    return rows


class EntityList(VirtualList):
    """Enter filters the other panes by the entity; the cursor picks the entity `n`/`N` walk."""

    EMPTY_TEXT: ClassVar[str] = "Open an article to see its people, places, organisations and sums."

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[EntityRow] = []
        self._filter_key: str | None = None

    def show(self, entities: Sequence[Entity], cursor_on: str | None = None) -> None:
        """Replace the entities; the cursor goes to the one keyed `cursor_on` if present."""
        self._rows = group(entities)
        index = next((i for i, r in enumerate(self._rows) if r.entity and r.entity.key == cursor_on), 0)
        self.set_row_count(len(self._rows), index)

    def mark_filter(self, key: str | None) -> None:
        """Show which entity the other panes are filtered by."""
        self._filter_key = key
        self.refresh()

    @property
    def entity(self) -> Entity | None:
        """The entity under the cursor."""
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor].entity
        return None

    def select_key(self, key: str) -> bool:
        """Put the cursor on the entity keyed `key`; False if the article has none such."""
        for i, row in enumerate(self._rows):
            if row.entity and row.entity.key == key:
                self.cursor = i
                return True
        return False

    def can_choose(self, index: int) -> bool:
        return self._rows[index].entity is not None

    def row_line(self, index: int, line: int, width: int) -> Content:
        row = self._rows[index]
        style = ENTITY_STYLES.get(row.type, "bold")
        if row.entity is None:
            return Content.styled(fit(f"{ENTITY_LABELS.get(row.type, row.type)} ({row.count})", width), style)
        count = f"{row.count:>4} "
        mark = "● " if row.entity.key == self._filter_key else "  "
        name = fit(safe(row.entity.name), width - len(count) - len(mark))
        return Content.assemble(Content.styled(count, MUTED_STYLE), mark, Content.styled(name, style))

    def row_chosen(self, index: int) -> None:
        entity = self._rows[index].entity
        if entity is not None:
            self.post_message(FilterByEntity(entity.key, entity.name))
