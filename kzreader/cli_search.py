"""What the command line prints for a search, an article and the timeline's marks (kzreader.cli runs the commands)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from kzreader.index.search import SearchResult, Span
from kzreader.index.store import ArticleRecord
from kzreader.library.inert import inert_text
from kzreader.library.relations import RELATION_MARKS, RELATION_ORDER, RELATION_WORDS

HIT_STYLE = "reverse bold"


def search_json(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "notes": result.notes,
        "hits": [
            {
                "article": h.article, "title": h.title, "date": h.date, "outlet": h.outlet,
                "duplicate_of": h.duplicate_of, "copy_of": h.copy_of, "score": h.score, "matches": h.matches,
                "snippets": [
                    {"text": s.text, "start": s.start, "end": s.end,
                     "matches": [{"start": m.start, "end": m.end} for m in s.matches]}
                    for s in h.snippets
                ],
            }
            for h in result.hits
        ],
    }


def print_search(out: Console, err: Console, result: SearchResult) -> None:
    """The count, the notes on how the query was read, and each hit with its snippets; a copy under its original."""
    if result.total:
        out.print(Text(f"{result.total} article(s) match {result.query!r}", style="bold"))
    else:
        err.print(Text(f"No article matches {result.query!r}", style="bold"))
    for note in result.notes:
        err.print(Text(f"  note: {note}", style="yellow"))
    for h in result.hits:
        head = Text()
        indent = "    " if h.copy_of else ""
        head.append(f"\n{indent}{h.date or '—'}  ", style="dim")
        if h.copy_of:
            head.append("copy: ", style="dim")
        head.append(inert_text(h.title or h.article), style="bold")
        head.append(f"  {inert_text(h.outlet or '')}  [{h.article}]  {h.matches} hit(s)  score {h.score:.2f}",
                    style="dim")
        out.print(head)
        for s in h.snippets:
            out.print(Text(f"{indent}  … ").append_text(highlighted(s.text, s.start, s.matches)).append(" …"))


def highlighted(text: str, offset: int, spans: Sequence[Span], style: str = HIT_STYLE) -> Text:
    t = Text(inert_text(text))
    for m in spans:
        t.stylize(style, m.start - offset, m.end - offset)
    return t


def article_meta(rec: ArticleRecord) -> Text:
    """Outlet, date, author, language and address: only those the article has, one separator between each."""
    values = (rec.outlet, rec.date, rec.author, rec.lang, rec.url)
    return Text(" · ".join(inert_text(v.strip()) for v in values if v and v.strip()), style="dim")


def body_start(rec: ArticleRecord) -> int:
    """Where the article's own text starts: after header lines (` date 2022-11`, the title line) it has before it."""
    return rec.regions[0][0] if rec.regions else 0


def timeline_legend() -> Text:
    marks = "  ".join(f"{RELATION_MARKS[r]} {RELATION_WORDS[r]}" for r in RELATION_ORDER)
    return Text(f"\nmarks: {marks}; also in: a reprint reporting it too", style="dim")
