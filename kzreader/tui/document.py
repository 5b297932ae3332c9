"""An article prepared for the centre pane: paragraphs, and what to colour in them.

Built in a worker thread from the library's plain data, handed to the UI
thread whole. Every span is a character offset into the article's text, and
`inert_text` keeps one character for one, so the spans still fit after the
text is made safe to show.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.content import Content

from kzreader.index.search import Span
from kzreader.index.store import ArticleRecord
from kzreader.library import Library
from kzreader.reading.annotations import Entity, Event
from kzreader.tui.formatting import ENTITY_STYLES, HIT_STYLE, safe

Mark = tuple[int, int, str]
"""(start, end, style) over the article's text."""


@dataclass(slots=True)
class ArticleDoc:
    record: ArticleRecord
    entities: list[Entity]
    events: list[Event]
    hits: list[Span]
    query: str
    original_title: str | None = None
    """The title of the article this one copies, if it is a copy."""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    _marks: list[Mark] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _longest: int = 0
    _paragraph_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for entity in self.entities:
            entity.mentions.sort(key=lambda m: (m.start, m.end))
        self.paragraphs = _paragraphs(self.record)
        marks = [(m.start, m.end, ENTITY_STYLES.get(e.type, "bold")) for e in self.entities for m in e.mentions]
        marks += [(h.start, h.end, HIT_STYLE) for h in self.hits]
        self._marks = sorted(marks)
        self._starts = [m[0] for m in self._marks]
        self._longest = max((end - start for start, end, _ in self._marks), default=0)
        self._paragraph_starts = [s for s, _ in self.paragraphs]

    @classmethod
    def load(cls, library: Library, article: str, query: str) -> "ArticleDoc | None":
        """Read everything the pane shows of `article`; hits of `query` if it is not empty."""
        record = library.article(article)
        if record is None:
            return None
        hits = library.matches(query, article) if query.strip() else []
        original = library.articles([record.duplicate_of]) if record.duplicate_of else []
        return cls(record, library.entities(article), library.article_events(article), hits, query,
                   (original[0]["title"] or original[0]["id"]) if original else None)

    @property
    def id(self) -> str:
        return self.record.id

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def paragraph_at(self, offset: int) -> int:
        """The paragraph holding `offset`, or the nearest one before it."""
        return max(bisect_right(self._paragraph_starts, offset) - 1, 0)

    def paragraphs_touching(self, start: int, end: int) -> range:
        return range(self.paragraph_at(start), self.paragraph_at(max(end - 1, start)) + 1)

    def content(self, index: int, extra: Sequence[Mark] = ()) -> Content:
        """Paragraph `index` with entities and hits coloured, then `extra` marks on top."""
        start, end = self.paragraphs[index]
        text = Content(safe(self.record.text[start:end]))
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_right(self._starts, end)
        # Hits go over the entities' colours, and the extra marks over both.
        window = sorted(self._marks[first:last], key=lambda m: m[2] == HIT_STYLE)
        for m_start, m_end, style in [*window, *extra]:
            lo, hi = max(m_start, start), min(m_end, end)
            if lo < hi:
                text = text.stylize(style, lo - start, hi - start)
        return text


def _paragraphs(record: ArticleRecord) -> list[tuple[int, int]]:
    """The body's regions, less a first one that only repeats the title shown above them."""
    regions = [(s, e) for s, e in record.regions if record.text[s:e].strip()]
    if regions and record.title:
        s, e = regions[0]
        if record.text[s:e].strip() == record.title.strip():
            regions = regions[1:]
    return regions or ([(0, len(record.text))] if record.text.strip() else [])
