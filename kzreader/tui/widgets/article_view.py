"""The article pane: title, a line of metadata, then the body, one `Static` per paragraph.

One widget per paragraph re-wraps faster than one for the whole text and
makes "scroll to this sentence" a matter of finding its paragraph (notes §5.3).
All text arrives as `Content` built from data, never as markup.
"""
from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from kzreader.library.history import Location
from kzreader.tui.document import ArticleDoc, Mark
from kzreader.tui.finding import find_all, joined
from kzreader.tui.formatting import (CURRENT_HIT_STYLE, CURRENT_MENTION_STYLE, ENTITY_STYLES, HIT_STYLE, MUTED_STYLE,
                                     SENTENCE_STYLE, safe)

EMPTY_HINT = "Choose an article in Sources (Enter), an event in the Timeline, or search with /."


class ArticleView(VerticalScroll, can_focus=True):
    """The open article, scrollable with `j`/`k`, `g`/`G`, `space`/`b` and the mouse."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="article.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page-down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="article.page-up"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.doc: ArticleDoc | None = None
        self._marks: list[Mark] = []
        self._paragraphs: list[Static] = []
        self._hits: list[tuple[int, int]] = []
        self.find_text = ""
        """What the find inside the article looks for ("" while no find is on)."""
        self._found: list[tuple[int, int]] = []
        self._current: int | None = None
        """The hit (or find match) stepped to, an index into `targets`."""
        self.land_on: int | None = None
        """The hit to show when the next article opens: 0 the first, -1 the last (stepping across results)."""
        self._restore_y: float | None = None
        """Where the reader left the article, until the view is shown and laid out to scroll there."""

    def compose(self) -> ComposeResult:
        yield Static(Content(EMPTY_HINT), id="article-head")

    @property
    def marks(self) -> tuple[Mark, ...]:
        """What is marked over the colours: the chosen event's sentence, the current mention."""
        return tuple(self._marks)

    async def show(self, doc: ArticleDoc, location: Location) -> bool:
        """Show `doc` with what `location` points at marked (the event's sentence, the current mention).

        The same article again (new search hits) is restyled in place and keeps
        its scroll position; then this returns True.
        """
        same = self.doc is not None and self.doc.id == doc.id and len(self._paragraphs) == len(doc.paragraphs)
        self.doc = doc
        self._hits = joined(((h.start, h.end) for h in doc.hits), doc.record.text)
        if not same:
            self.find_text = ""
        self._found = find_all(doc.record.text, self.find_text, doc.paragraphs)
        self._current = None
        self._marks = self._location_marks(location)
        if same:
            for i, paragraph in enumerate(self._paragraphs):
                paragraph.update(doc.content(i, self._marks_for(i)))
            return True
        with self.app.batch_update():
            await self.remove_children(".paragraph")
            self.query_one("#article-head", Static).update(self._head(doc))
            self._paragraphs = [
                Static(doc.content(i, self._marks_for(i)), classes="paragraph") for i in range(len(doc.paragraphs))
            ]
            await self.mount_all(self._paragraphs)
        self.scroll_home(animate=False, immediate=True)
        return False

    def clear(self) -> None:
        self.doc = None
        self._marks = []
        self._paragraphs = []
        self._hits, self._found, self._current, self.find_text = [], [], None, ""
        self.border_subtitle = None
        self.remove_children(".paragraph")
        self.query_one("#article-head", Static).update(Content(EMPTY_HINT))

    def mark(self, location: Location) -> None:
        """Move the marks to what `location` points at, redrawing only the paragraphs they leave or reach."""
        if self.doc is None:
            return
        before = self._all_marks()
        self._marks = self._location_marks(location)
        self._redraw(before)

    def _redraw(self, before: list[Mark]) -> None:
        """Redraw the paragraphs that marks left (`before`) or reach now."""
        assert self.doc is not None
        touched: set[int] = set()
        for start, end, _ in [*before, *self._all_marks()]:
            touched.update(self.doc.paragraphs_touching(start, end))
        for i in sorted(touched):
            if 0 <= i < len(self._paragraphs):
                self._paragraphs[i].update(self.doc.content(i, self._marks_for(i)))

    # hits and the find ----------------------------------------------------------------
    @property
    def targets(self) -> list[tuple[int, int]]:
        """What `n`/`N` step through: the find's matches while a find is on, else the search's hits."""
        return self._found if self.find_text else self._hits

    @property
    def current(self) -> int | None:
        return self._current

    def step(self, step: int) -> bool:
        """Go to the next (`step` 1) or previous (-1) target; False past either end, where nothing moves."""
        targets = self.targets
        index = (0 if step > 0 else len(targets) - 1) if self._current is None else self._current + step
        if not 0 <= index < len(targets):
            return False
        self.go_to(index)
        return True

    def go_to(self, index: int) -> None:
        """Mark target `index` (-1 the last) as the current one, scroll to it and say which it is."""
        targets = self.targets
        if self.doc is None or not targets:
            return
        before = self._all_marks()
        self._current = index % len(targets)
        self._redraw(before)
        self.scroll_to_offset(targets[self._current][0])
        what = f"“{safe(self.find_text)}”" if self.find_text else "hit"
        self.border_subtitle = Content.styled(f"{what} {self._current + 1} of {len(targets)}", "bold")

    def find(self, text: str) -> int:
        """Mark every place `text` stands, go to the first; how many there are."""
        if self.doc is None:
            return 0
        before = self._all_marks()
        self.find_text = text.strip()
        self._found = find_all(self.doc.record.text, self.find_text, self.doc.paragraphs)
        self._current = None
        self.border_subtitle = None
        self._redraw(before)
        if self._found:
            self.go_to(0)
        return len(self._found)

    def _all_marks(self) -> list[Mark]:
        marks = [*self._marks, *((s, e, HIT_STYLE) for s, e in self._found)]
        targets = self.targets
        if self._current is not None and self._current < len(targets):
            marks.append((*targets[self._current], CURRENT_HIT_STYLE))
        return marks

    def scroll_for(self, location: Location, restore: bool) -> None:
        """Scroll to where the reader left the article (`restore`), else to the mention or sentence."""
        doc = self.doc
        if doc is None or doc.id != location.article:
            return
        self._restore_y = location.scroll_y if restore else None
        if restore:
            self._restore()
            return
        mention = self._mention(location)
        event = doc.event(location.event) if location.event else None
        land, self.land_on = self.land_on, None
        if mention is not None:
            self.scroll_to_offset(mention[0])
        elif event is not None:
            self.scroll_to_offset(event.sentence_start)
        elif self.targets:
            # Opened from a search: the first hit (or, stepping back from the next result, the last).
            self.go_to(land or 0)
        else:
            self.scroll_home(animate=False, immediate=True)

    def _restore(self) -> None:
        # Reopened at start while narrow, the article may load before its pane is brought forward: a view not
        # shown has no height, and scrolling it would stop at the top.
        if self._restore_y is not None and self.display and self.size.height:
            self.scroll_to(y=self._restore_y, animate=False, immediate=True)
            self._restore_y = None

    def on_resize(self) -> None:
        self.call_after_refresh(self._restore)

    def _location_marks(self, location: Location) -> list[Mark]:
        """The sentence of the chosen event and the current mention; says in the lower border which mention."""
        assert self.doc is not None
        marks: list[Mark] = []
        event = self.doc.event(location.event) if location.event else None
        if event is not None:
            marks.append((event.sentence_start, event.sentence_end, SENTENCE_STYLE))
        mention = self._mention(location)
        entity = self.doc.entity(location.entity) if location.entity else None
        if mention is not None and entity is not None:
            marks.append((*mention, CURRENT_MENTION_STYLE))
            self.border_subtitle = Content.assemble(
                Content.styled(safe(entity.name), ENTITY_STYLES.get(entity.type, "bold")),
                f" {(location.mention or 0) % len(entity.mentions) + 1} of {len(entity.mentions)}",
            )
        else:
            self.border_subtitle = None
        return marks

    def _mention(self, location: Location) -> tuple[int, int] | None:
        entity = self.doc.entity(location.entity) if self.doc and location.entity else None
        if entity is None or location.mention is None or not entity.mentions:
            return None
        mention = entity.mentions[location.mention % len(entity.mentions)]
        return mention.start, mention.end

    def _marks_for(self, index: int) -> list[Mark]:
        assert self.doc is not None
        return [m for m in self._all_marks() if index in self.doc.paragraphs_touching(m[0], m[1])]

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding character `offset` to about a third of the way down the pane."""
        if self.doc is None or not self._paragraphs:
            return
        index = self.doc.paragraph_at(offset)
        paragraph = self._paragraphs[index]
        start, end = self.doc.paragraphs[index]
        share = (offset - start) / max(end - start, 1)
        line = paragraph.virtual_region.y + int(share * paragraph.virtual_region.height)
        self.scroll_to(y=max(line - self.scrollable_content_region.height // 3, 0), animate=False, immediate=True)

    @staticmethod
    def _head(doc: ArticleDoc) -> Content:
        rec = doc.record
        title = Content.styled(safe(rec.title, rec.id), "bold $text")
        meta = [safe(v) for v in (rec.outlet, rec.date, rec.author, rec.lang) if v]
        lines = [title, Content.styled(" · ".join(meta) or "no metadata", MUTED_STYLE)]
        if rec.url:
            lines.append(Content.styled(safe(rec.url), "$text-muted underline"))
        if rec.duplicate_of:
            original = safe(doc.original_title, rec.duplicate_of)
            lines.append(Content.styled(f"A copy of “{original}”", "italic $warning"))
        if not rec.readable:
            # The text is its file's, and the file no longer holds what was indexed: say so, show nothing stale.
            lines.append(Content.styled(safe(rec.problems[0]), "bold $error"))
        return Content("\n").join(lines)
