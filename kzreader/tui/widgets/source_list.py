"""The sources pane: one row per article, copies tucked under the article they copy."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.content import Content
from textual.message import Message

from kzreader.index.search import Snippet, snippets
from kzreader.language import DEFAULT as POLISH
from kzreader.library import Library
from kzreader.tui.formatting import HIT_STYLE, MUTED_STYLE, fit, safe, snippet_line, wrap
from kzreader.tui.messages import OpenArticle
from kzreader.tui.widgets.virtual_list import VirtualList

COPY_MARK = "copy"
TITLE_LINES = 2
MEASURED = 20_000
"""Up to this many rows each title is measured, so one that fits takes one line; a longer list gives every
title two lines rather than measure them all on each resize."""


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


def best_snippet(library: Library, query: str, article: str) -> Snippet | None:
    """The stretch of `article` where `query` matches most, or None (matched by title, date or outlet only)."""
    record = library.article(article)
    if record is None:
        return None
    found = snippets(record.text, library.matches(query, article))
    return max(found, key=lambda s: len(s.matches), default=None)


class SourceList(VirtualList):
    """Articles: the title (one line or two), then date, outlet and the hit count; while searching, a snippet."""

    ROW_HEIGHT: ClassVar[int] = TITLE_LINES + 1
    EMPTY_TEXT: ClassVar[str] = "No articles match."

    def __init__(self, summaries: Mapping[str, Mapping[str, Any]], *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._summaries = summaries
        self._ids: list[str] = []
        self._hits: dict[str, int | None] | None = None
        self._open: str | None = None
        self._snippets: dict[str, Snippet | None] = {}
        self._asked: set[str] = set()
        self._queue: list[str] = []
        self._query = ""
        self._library: Library | None = None
        self._title_cells: dict[str, int] = {}

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

    def set_snippets(self, found: Mapping[str, Snippet | None]) -> None:
        """The best snippet of each result, as they are read (None: the result has none to show)."""
        self._snippets.update(found)
        self.refresh()

    @dataclass
    class SnippetsRead(Message):
        query: str
        snippets: dict[str, Snippet | None]

    def read_snippets(self, library: Library | None, query: str) -> None:
        """Read the snippets of `query`'s results from `library`, as their rows come on screen."""
        if query != self._query:
            self._snippets, self._asked, self._queue = {}, set(), []
        self._library, self._query = library, query

    def want_snippet(self, article: str) -> None:
        """A result's row is drawn without its snippet: read it (with the others on screen) in a thread."""
        if self._library is None or not self._query or article in self._asked:
            return
        if not self._queue:
            self.call_after_refresh(self._read_asked)
        self._asked.add(article)
        self._queue.append(article)

    def _read_asked(self) -> None:
        wanted, self._queue = self._queue, []
        if wanted and self._library is not None:
            self._read(self._library, self._query, wanted)

    @work(thread=True, group="snippets", exit_on_error=False)
    def _read(self, library: Library, query: str, articles: list[str]) -> None:
        self.post_message(self.SnippetsRead(query, {a: best_snippet(library, query, a) for a in articles}))

    @on(SnippetsRead)
    def _snippets_read(self, message: SnippetsRead) -> None:
        message.stop()
        if message.query == self._query:
            self.set_snippets(message.snippets)

    def measure_rows(self, width: int) -> list[int]:
        # Rows above the articles (a subclass's) keep the standard height.
        lead = [self.ROW_HEIGHT] * (self.row_count - len(self._ids))
        snippet = 1 if self._hits is not None else 0
        if len(self._ids) > MEASURED:
            return lead + [TITLE_LINES + 1 + snippet] * len(self._ids)
        return lead + [self._title_lines(aid, width) + 1 + snippet for aid in self._ids]

    def _title_lines(self, aid: str, width: int) -> int:
        cells = self._title_cells.get(aid)
        if cells is None:
            summary = self._summaries[aid]
            cells = cell_len(safe(summary.get("title") or aid)) + (2 if summary.get("duplicate_of") else 0)
            self._title_cells[aid] = cells
        return 1 if cells <= width - 2 else TITLE_LINES

    @property
    def article_ids(self) -> list[str]:
        """The articles listed, in order."""
        return list(self._ids)

    def title_of(self, article: str) -> str:
        return self._summaries[article].get("title") or article

    def put_cursor_on(self, article: str) -> None:
        """Move the cursor to `article`'s row, if listed."""
        if article in self._ids:
            self.cursor = self._ids.index(article) + self.row_count - len(self._ids)

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
        snippet = 1 if self._hits is not None else 0
        title_lines = self.row_height(index) - 1 - snippet
        if line < title_lines:
            lead = "↳ " if row.copy else ""
            title = wrap(safe(row.title), width - 2 - len(lead), title_lines)
            text = title[line] if line < len(title) else ""
            if line:
                gutter, lead = Content("  "), " " * len(lead)
            return Content.assemble(gutter, lead, Content.styled(text, "bold" if is_open else ""))
        if line == title_lines:
            return Content.assemble("  ", self._meta(row, width - 2))
        return Content.assemble("  ", self._snippet(row.id, width - 2))

    def _snippet(self, aid: str, width: int) -> Content:
        if aid not in self._snippets:
            self.want_snippet(aid)
            return Content.styled("…", MUTED_STYLE)
        found = self._snippets[aid]
        if found is None:
            return Content.styled("matched by its metadata", f"italic {MUTED_STYLE}")
        return snippet_line(found.text, found.start, [(m.start, m.end) for m in found.matches], width)

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
