"""The sources pane as the main screen uses it: every article, or the search's hits, kept to an entity if one is chosen."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content

from kzreader.library import Library
from kzreader.tui.formatting import MUTED_STYLE, safe
from kzreader.tui.widgets.source_list import SourceList, arrange


class SourcePane(SourceList):
    """The articles the search and the entity filter leave, titled with how many and what selects them."""

    def __init__(self, library: Library, summaries: Sequence[dict[str, Any]], *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__({s["id"]: s for s in summaries}, id=id, classes=classes)
        self.library = library
        self._all = [s["id"] for s in summaries]

    def list_articles(self, hits: list[tuple[str, int | None]] | None, total: int, filter_key: str | None,
                      filter_name: str | None, cursor_on: str | None = None) -> None:
        """List the hits (all articles when `hits` is None), only those naming `filter_key` if it is set."""
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
        if hits is not None and total > len(hits):
            parts.append(Content.styled(f" · best {len(hits)} listed", MUTED_STYLE))
        return Content.assemble(*parts)
