"""The sources pane: one row per article, copies tucked under the article they copy."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.content import Content

from kzreader.language import DEFAULT as POLISH
from kzreader.tui.formatting import HIT_STYLE, MUTED_STYLE, fit, safe, wrap
from kzreader.tui.messages import OpenArticle
from kzreader.tui.widgets.virtual_list import VirtualList

COPY_MARK = "copy"
TITLE_LINES = 2


@dataclass(slots=True)
class SourceRow:
    """An article as the list shows it; `hits` is its number of matches while a search is shown."""

    id: str
    title: str
    date: str
    outlet: str
    copy: bool = False
    hits: int | None = None
    lang: str | None = None


def arrange(order: Iterable[str], summaries: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Ids in `order`, each copy moved under its original when the original is listed too.

    A copy whose original is not listed (filtered out, or not found by the
    search) keeps its own place, still marked as a copy. Only ids: rows are
    made when drawn, so a list of 100,000 costs no more than its ids.
    """
    ids = [aid for aid in order if aid in summaries]
    listed = set(ids)
    copies: dict[str, list[str]] = {}
    for aid in ids:
        original = summaries[aid]["duplicate_of"]
        if original and original in listed and original != aid:
            copies.setdefault(original, []).append(aid)
    if not copies:
        return ids
    tucked = {c for group in copies.values() for c in group}
    arranged: list[str] = []
    for aid in ids:
        if aid not in tucked:
            arranged.append(aid)
            arranged.extend(copies.get(aid, ()))
    return arranged


class SourceList(VirtualList):
    """Articles, three lines each: the title, then date, outlet and (while searching) the hit count."""

    ROW_HEIGHT: ClassVar[int] = TITLE_LINES + 1
    EMPTY_TEXT: ClassVar[str] = "No articles match."

    def __init__(self, summaries: Mapping[str, Mapping[str, Any]], *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._summaries = summaries
        self._ids: list[str] = []
        self._hits: dict[str, int | None] | None = None
        self._open: str | None = None

    def show(self, ids: list[str], hits: Mapping[str, int | None] | None = None, cursor_on: str | None = None) -> None:
        """Show the articles `ids` (with match counts while searching); the cursor goes to `cursor_on` if listed."""
        self._ids = ids
        self._hits = dict(hits) if hits is not None else None
        index = ids.index(cursor_on) if cursor_on in ids else 0
        self.set_row_count(len(ids), index)

    def set_hits(self, counts: Mapping[str, int]) -> None:
        """Fill in match counts computed after the rows were shown."""
        if self._hits is not None:
            self._hits.update(counts)
            self.refresh()

    def mark_open(self, article: str | None) -> None:
        """Show which article the centre pane holds."""
        self._open = article
        self.refresh()

    def row(self, index: int) -> SourceRow:
        """Row `index` as it is drawn."""
        aid = self._ids[index]
        summary = self._summaries[aid]
        return SourceRow(
            id=aid,
            title=summary.get("title") or aid,
            date=summary.get("date") or "undated",
            outlet=summary.get("outlet") or "unknown outlet",
            copy=bool(summary.get("duplicate_of")),
            lang=summary.get("lang") if summary.get("lang") != POLISH else None,
            hits=self._hits.get(aid) if self._hits is not None else None,
        )

    def row_line(self, index: int, line: int, width: int) -> Content:
        row = self.row(index)
        is_open = row.id == self._open
        gutter = Content.styled("▶ " if is_open else "  ", "bold $accent")
        if line < TITLE_LINES:
            lead = "↳ " if row.copy else ""
            title = wrap(safe(row.title), width - 2 - len(lead), TITLE_LINES)
            text = title[line] if line < len(title) else ""
            if line:
                gutter, lead = Content("  "), " " * len(lead)
            return Content.assemble(gutter, lead, Content.styled(text, "bold" if is_open else ""))
        return Content.assemble("  ", self._meta(row, width - 2))

    @staticmethod
    def _meta(row: SourceRow, width: int) -> Content:
        """Date, then the copy mark and hit count if they fit whole, then as much of the outlet as fits."""
        line = Content.styled(row.date, MUTED_STYLE)
        extras = []
        if row.lang:
            extras.append(Content.styled(row.lang, "bold $text-muted"))
        if row.copy:
            extras.append(Content.styled(COPY_MARK, "italic $warning"))
        if row.hits is not None:
            extras.append(Content.styled(f"{row.hits} hit{'' if row.hits == 1 else 's'}", HIT_STYLE))
        for extra in extras:
            if line.cell_length + 3 + extra.cell_length <= width:
                line = Content.assemble(line, Content.styled(" · ", MUTED_STYLE), extra)
        outlet = fit(safe(row.outlet), width - line.cell_length - 3, whole=True)
        if outlet:
            line = Content.assemble(line, Content.styled(f" · {outlet}", MUTED_STYLE))
        return line

    def row_chosen(self, index: int) -> None:
        self.post_message(OpenArticle(self._ids[index]))
