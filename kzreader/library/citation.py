"""A citation of an article, or of one event's sentence in it, as a reader pastes it into their notes.

    "Prezydent Kazachstanu przyleciał 28 listopada." (kresy.pl, 2022-11-28: Putin docenił wizytę
    prezydenta Kazachstanu, https://kresy.pl/...)

Parts the article lacks are left out with their separators; text is put on
one line, since a citation is pasted into running text.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def cite_article(article: Mapping[str, Any]) -> str:
    """Outlet, date: title, address; `article` is a summary as `Library.articles()` gives it."""
    source = ", ".join(part for part in (one_line(article.get("outlet")), one_line(article.get("date"))) if part)
    title = one_line(article.get("title")) or str(article.get("id", ""))
    head = f"{source}: {title}" if source else title
    url = one_line(article.get("url"))
    return f"{head}, {url}" if url else head


def cite_event(article: Mapping[str, Any], sentence: str) -> str:
    """The event's sentence in quotes, then the article's citation in brackets."""
    quoted = one_line(sentence)
    return f"\"{quoted}\" ({cite_article(article)})" if quoted else cite_article(article)
