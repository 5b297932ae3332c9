"""The sources pane as the main screen uses it: every article, or the search's hits, kept to an entity if one is chosen.

Above the articles (when no search or entity narrows them) stand the saved
searches, as newsboat's query feeds do: choosing one runs its query.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content

from kzreader.library import Library
from kzreader.library.searches import SavedSearch
from kzreader.tui.formatting import MUTED_STYLE, fit, safe
from kzreader.tui.messages import RunSearch
from kzreader.tui.widgets.source_list import SourceList, SourceRow, arrange

SAVED_MARK = "⌕ "


class SourcePane(SourceList):
    """The articles the search and the entity filter leave, titled with how many and what selects them."""

    def __init__(self, library: Library, summaries: Sequence[dict[str, Any]], *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__({s["id"]: s for s in summaries}, id=id, classes=classes)
        self.library = library
        self._all = [s["id"] for s in summaries]
        self._saved: list[SavedSearch] = []
        # The saved searches listed above the articles right now; row i of the list is article i - len(_lead).
        self._lead: list[SavedSearch] = []
        self._listed: tuple[Any, ...] | None = None

    def on_mount(self) -> None:
        # The app keeps the saved searches between runs; a bare app (in a widget test) has none.
        saved = getattr(self.app, "saved_searches", None)
        if isinstance(saved, list):
            self.show_saved(saved)

    def show_saved(self, saved: Sequence[SavedSearch]) -> None:
        """Offer `saved` above the articles whenever nothing narrows them."""
        self._saved = list(saved)
        if self._listed is not None:
            self.list_articles(*self._listed)

    def list_articles(self, hits: list[tuple[str, int | None]] | None, total: int, filter_key: str | None,
                      filter_name: str | None, cursor_on: str | None = None) -> None:
        """List the hits (all articles when `hits` is None), only those naming `filter_key` if it is set."""
        self._listed = (hits, total, filter_key, filter_name, cursor_on)
        self._lead = self._saved if hits is None and not filter_key else []
        order = [aid for aid, _ in hits] if hits is not None else self._all
        if filter_key:
            mentioning = set(self.library.articles_with_entity(filter_key))
            order = [aid for aid in order if aid in mentioning]
        ids = arrange(order, self._summaries)
        self.show(ids, dict(hits) if hits is not None else None, cursor_on)
        self.border_title = self._title(len(ids), hits, total, filter_name)

    def _title(self, shown: int, hits: list[tuple[str, int | None]] | None, total: int,
               filter_name: str | None) -> Content:
        # The count first: a narrow pane cuts its title from the right.
        count, noun = (total, "result") if hits is not None else (len(self._all), "source")
        noun += "" if count == 1 else "s"
        lead = f"{shown} of {count} {noun}" if filter_name else f"{count} {noun}"
        parts: list[Content] = [Content(lead)]
        if filter_name:
            parts.append(Content.assemble(Content.styled(" with ", MUTED_STYLE),
                                          Content.styled(safe(filter_name), "bold $accent")))
        if self._lead:
            parts.append(Content.styled(f" · {len(self._lead)} saved", MUTED_STYLE))
        if hits is not None and total > len(hits):
            parts.append(Content.styled(f" · best {len(hits)} listed", MUTED_STYLE))
        return Content.assemble(*parts)

    # saved searches above the articles -------------------------------------------
    def set_row_count(self, count: int, cursor: int = 0) -> None:
        lead = len(self._lead)
        super().set_row_count(count + lead, cursor + lead)

    def row(self, index: int) -> SourceRow:
        return super().row(index - len(self._lead))

    def saved_at(self, index: int) -> SavedSearch | None:
        """The saved search on row `index`, if that row is one."""
        return self._lead[index] if 0 <= index < len(self._lead) else None

    def row_line(self, index: int, line: int, width: int) -> Content:
        saved = self.saved_at(index)
        if saved is None:
            return super().row_line(index, line, width)
        if line == 0:
            return Content.assemble("  ", Content.styled(SAVED_MARK, "bold $accent"),
                                    Content.styled(fit(safe(saved.name), width - 4), "bold"))
        return Content.assemble("    ", Content.styled(fit(safe(saved.query), width - 4), MUTED_STYLE))

    def measure_rows(self, width: int) -> list[int]:
        # A saved search is its name, and under it its query when that says more than the name.
        heights = super().measure_rows(width)
        for index, saved in enumerate(self._lead):
            heights[index] = 1 if saved.name == saved.query else 2
        return heights

    def row_chosen(self, index: int) -> None:
        saved = self.saved_at(index)
        if saved is not None:
            self.post_message(RunSearch(saved.query))
        else:
            super().row_chosen(index - len(self._lead))
