"""The reader's main screen: sources, article, entities and timeline, and the state they share.

The panes post what the reader asked for (open this, filter by that); this
screen owns the open article, the filters and the history, runs everything
slow in thread workers that post their results back, and tells the panes
what to show. What a pane does with that is the pane's own (`SourcePane`,
`ArticlePane`, `TimelinePane`, which counts and places its events in its own
workers); the search thread is in `kzreader.tui.searching`, and moving
between panes in `PanedScreen`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Tab, Tabs
from textual.worker import get_current_worker

from kzreader.library import Library, TimelineFilter
from kzreader.library.history import History, Location
from kzreader.library.reprints import copies_of
from kzreader.reading.annotations import Event
from kzreader.tui.document import ArticleDoc
from kzreader.tui.formatting import entity_legend, relation_legend
from kzreader.tui.messages import FilterByEntity, JumpToDate, OpenArticle, OpenEvent, ShowShared
from kzreader.tui.screens.linked_events import LinkedEvent, LinkedEventsScreen
from kzreader.tui.screens.paned import PanedScreen
from kzreader.tui.screens.reading import Reading
from kzreader.tui.searching import HitCounts, SearchDone, SearchLimits, search_in_thread
from kzreader.tui.widgets.article_pane import ArticlePane
from kzreader.tui.widgets.coverage import Coverage
from kzreader.tui.widgets.entity_list import EntityList
from kzreader.tui.widgets.entity_overview import EntityOverview
from kzreader.tui.widgets.entity_pane import EntityPane
from kzreader.tui.widgets.search_bar import SearchBar
from kzreader.tui.widgets.source_pane import SourcePane
from kzreader.tui.widgets.timeline_pane import TimelinePane

# Hits listed while searching; the total is still counted and shown.
SEARCH_LIMIT = 500
# Hits whose match counts come with the results; the rest are counted afterwards, in the background.
COUNTED_FIRST = 40
COUNT_DELAY = 0.4
COUNT_CHUNK = 40
# Typing faster than this starts no search: only the query the reader pauses on runs.
DEBOUNCE_SECONDS = 0.25


class MainScreen(PanedScreen):
    """Four panes at 120 columns and wider; below that, one pane at a time under tabs.

    Longer than a class should be because it is the one place the reader's
    state lives and every request meets it: where the reader is (and was),
    the search and the entity filter, and the keys that act on them.
    """

    AUTO_FOCUS = "#sources"
    PANES = ("sources", "article", "entities", "coverage", "timeline")
    PANE_GROUPS = {"side": ("entities", "coverage", "timeline")}
    TAB_OF = {"coverage": "timeline"}

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding runs before the keys after it are routed, so "/Putin" typed in one burst
        # lands in the box; while typing, `/` is just a character again (see the action).
        Binding("slash", "focus_search", "Search", priority=True, id="main.search",
                tooltip="Search the articles (results update as you type)"),
        # Priority for the same reason: keys typed right after tab belong to the pane it moves to.
        Binding("tab", "pane(1)", "Next pane", show=False, priority=True, id="main.next-pane",
                tooltip="Next pane: sources, article, entities, coverage, timeline"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, priority=True, id="main.previous-pane",
                tooltip="Previous pane"),
        Binding("n", "hit(1)", "Next hit", id="main.next-hit",
                tooltip="Next hit in the article: of the find, else of the search, then on to the next result's "
                        "(with neither: the next mention, as m)"),
        Binding("N", "hit(-1)", "Previous hit", show=False, id="main.previous-hit",
                tooltip="Previous hit, then back to the previous result's last"),
        Binding("f,ctrl+f", "find", "Find", id="main.find",
                tooltip="Find text in the open article (Enter or n: next match, Escape: back to the text)"),
        Binding("m", "mention(1)", "Mention", show=False, id="main.next-mention",
                tooltip="Next mention in the article of the entity chosen in Entities"),
        Binding("M", "mention(-1)", "Previous mention", show=False, id="main.previous-mention",
                tooltip="Previous mention of that entity"),
        Binding("right_square_bracket", "linked(1)", "Linked", id="main.next-linked",
                tooltip="Next (later) event linked to the chosen event, in any article"),
        Binding("left_square_bracket", "linked(-1)", "Previous linked", show=False, id="main.previous-linked",
                tooltip="Previous (earlier) event linked to the chosen event"),
        Binding("l", "links", "Links", id="main.links",
                tooltip="Show the events linked to the chosen event, and why each link was made"),
        Binding("e", "overview", "Who's in it", id="main.overview",
                tooltip="Entities: the open article's, or those of the corpus (or the results) ranked by articles"),
        Binding("w", "together", "With whom", show=False, id="main.together",
                tooltip="The entities that share most events with the entity under the cursor"),
        Binding("ctrl+left,backspace", "back", "Back", id="main.back",
                tooltip="Back to what was open or jumped to before"),
        Binding("ctrl+right", "forward", "Forward", show=False, id="main.forward", tooltip="Forward again"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="main.clear-filter",
                tooltip="Clear the find in the article, then the entity filter, then the search"),
        Binding("q", "app.quit", "Quit", id="main.quit", tooltip="Quit"),
    ]

    SearchDone = SearchDone
    """Posted by the search thread for each query it ran to the end."""

    @dataclass
    class ArticleLoaded(Message):
        """An article read for `location`; `restore` scrolls back to where the reader left it."""

        doc: ArticleDoc | None
        location: Location
        restore: bool

    def __init__(self, library: Library, summaries: list[dict[str, Any]], resume: Location | None = None) -> None:
        """`resume`: the place to open at (the last one read, kept between runs)."""
        super().__init__()
        self._resume = resume
        self.library = library
        self.summary_list = summaries
        self.outlets = {s["id"]: s.get("outlet") or "" for s in summaries}
        self.copies = copies_of(summaries)
        self.history: History[Location] = History()
        self.location = Location()
        self.query_text = ""
        self.hits: list[tuple[str, int | None]] | None = None
        self.total = 0
        self.reading = Reading(self)

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        yield Tabs(*(Tab(p.title(), id=f"tab-{p}") for p in self.PANES if p not in self.TAB_OF), id="pane-tabs")
        with Horizontal(id="panes"):
            yield SourcePane(self.library, self.summary_list, id="sources", classes="pane -active")
            yield ArticlePane(id="article", classes="pane")
            with Vertical(id="side"):
                yield EntityPane(self.library, id="entities", classes="pane")
                yield Coverage(self.library, id="coverage", classes="pane")
                yield TimelinePane(self.library, self.outlets, self.copies, id="timeline", classes="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False
        self.article.border_title = Content.assemble("Article  ", entity_legend())
        self.timeline.border_subtitle = relation_legend()
        self._show_sources()
        self.overview.rank(None)
        self._refresh_timeline()
        self._warm_up()
        if self._resume is not None:
            self.history.visit(self._resume)
            self._apply(self._resume, restore=True)
            self.call_after_refresh(self._show_resumed)

    def _show_resumed(self) -> None:
        """The article reopened at start is the one the sources' cursor is on, and in front when narrow."""
        if self.location.article:
            self.sources.put_cursor_on(self.location.article)
            if self.narrow:
                self.show_pane("article")

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        # The dictionary takes a moment to load; better while the reader looks around than on their first query.
        self.library.warm_up()

    # panes ---------------------------------------------------------------------
    @property
    def sources(self) -> SourcePane:
        return self.query_one("#sources", SourcePane)

    @property
    def article(self) -> ArticlePane:
        return self.query_one("#article", ArticlePane)

    @property
    def entity_pane(self) -> EntityPane:
        return self.query_one("#entities", EntityPane)

    @property
    def entity_list(self) -> EntityList:
        return self.entity_pane.entity_list

    @property
    def overview(self) -> EntityOverview:
        return self.entity_pane.overview

    @property
    def coverage(self) -> Coverage:
        return self.query_one("#coverage", Coverage)

    @property
    def timeline(self) -> TimelinePane:
        return self.query_one("#timeline", TimelinePane)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    def action_focus_search(self) -> None:
        box = self.search_bar.input
        if self.focused is box:
            box.insert_text_at_cursor("/")
            return
        # At once (not `focus()`, which waits for the queued keys): the query typed after `/` goes to the box.
        self.set_focus(box)

    # search ----------------------------------------------------------------------
    @on(SearchBar.Changed)
    def _typed(self, message: SearchBar.Changed) -> None:
        self._search(message.query, DEBOUNCE_SECONDS)

    @on(SearchBar.Committed)
    def _committed(self, message: SearchBar.Committed) -> None:
        self._search(message.query, 0.0)
        self.show_pane("sources")

    @on(SearchBar.Cleared)
    def _cleared(self) -> None:
        self.workers.cancel_group(self, "search")
        self._set_search("", None)
        self.show_pane("sources")

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, delay: float) -> None:
        limits = SearchLimits(SEARCH_LIMIT, COUNTED_FIRST, COUNT_DELAY, COUNT_CHUNK)
        search_in_thread(self.library, query, delay, limits, self.post_message)

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.query != self.search_bar.value:
            return
        if message.error:
            self.search_bar.show_error(f"Query not understood: {message.error}")
            return
        self.search_bar.show_notes(message.notes)
        self._set_search(message.searched if message.hits is not None else "", message.hits, message.total)
        if self.narrow and message.hits is not None:
            # Show the results as they come; the search box keeps the focus.
            self.activate_pane("sources")

    @on(HitCounts)
    def _hit_counts(self, message: HitCounts) -> None:
        if message.query == self.query_text and self.hits is not None:
            self.hits = [(aid, message.counts.get(aid, count)) for aid, count in self.hits]
            self.sources.set_hits(message.counts)

    def _set_search(self, query: str, hits: list[tuple[str, int | None]] | None, total: int = 0) -> None:
        changed = query != self.query_text
        self.query_text, self.hits, self.total = query, hits, total
        if changed:
            self.overview.rank(query or None)
        self._show_sources(None if hits is not None else self.location.article)
        self._refresh_timeline()
        if self.article.doc is not None and self.article.doc.query != query:
            self._read_article(self.location, query, True)

    # sources -----------------------------------------------------------------------
    def _show_sources(self, cursor_on: str | None = None) -> None:
        self.sources.read_snippets(self.library, self.query_text if self.hits is not None else "")
        self.sources.list_articles(self.hits, self.total, self.location.filter_key, self.location.filter_name,
                                   cursor_on)

    def show_again(self) -> None:
        """Show anew what a correction changed: the article's entities and colours, the ranking, the timeline."""
        self.overview.rank(self.query_text or None, keep_cursor=True)
        self._refresh_timeline()
        if self.location.article:
            self.entity_list.show(self.library.entities(self.location.article), self.location.entity)
            self._read_article(self.location, self.query_text, False)

    # timeline ------------------------------------------------------------------------
    def _refresh_timeline(self) -> None:
        flt = TimelineFilter(entity=self.location.filter_name, query=self.query_text or None, fold_copies=True,
                             with_entity=self.location.with_name)
        self.timeline.follow(flt, self.location.event)
        self.coverage.follow(flt)

    # entities: the article's, or the corpus's ---------------------------------------------
    def action_overview(self) -> None:
        if self.location.article is None:
            self.notify("Open an article to see its own entities.", timeout=2)
            return
        self.entity_pane.toggle()
        if self.narrow:
            self.show_pane("entities")

    def action_together(self) -> None:
        entity = self.overview.entity if self.entity_pane.showing_corpus else self.entity_list.entity
        if entity is None:
            self.notify("Pick an entity in the Entities pane first.", severity="warning")
            return
        self.entity_pane.toggle(corpus=True)
        self.overview.pair(entity.key, entity.name)
        self.show_pane("entities")

    @on(ShowShared)
    def _show_shared(self, message: ShowShared) -> None:
        self.go(replace(self.location, filter_key=message.key, filter_name=message.name, with_key=message.with_key,
                        with_name=message.with_name, entity=message.key, mention=None, scroll_y=0.0))
        self.show_pane("timeline")

    @on(JumpToDate)
    def _jump_to_date(self, message: JumpToDate) -> None:
        self.show_pane("timeline")
        self.timeline.jump_to(message.date)

    # going places ------------------------------------------------------------------
    def go(self, location: Location, *, again: bool = False) -> None:
        """Show `location` and remember it; `again` updates the current entry instead of adding one."""
        self._remember_scroll()
        if again:
            self.history.replace(location)
        else:
            self.history.visit(location)
        self._apply(location)

    def _remember_scroll(self) -> None:
        """Note where the article is scrolled in the current entry, so coming back lands there."""
        if self.history.current is not None and self.article.doc is not None:
            self.history.replace(self.location.scrolled(self.article.scroll_y))

    def _apply(self, location: Location, restore: bool = False) -> None:
        previous = self.location
        self.location = location
        if location.filter_key != previous.filter_key:
            self.entity_list.mark_filter(location.filter_key)
            self.overview.mark_filter(location.filter_key)
            self._show_sources(location.article)
        if (location.filter_key, location.with_key) != (previous.filter_key, previous.with_key):
            self._refresh_timeline()
        self.sources.mark_open(location.article)
        self.timeline.mark(location.article, location.event)
        if location.event and location.event != previous.event:
            self.timeline.locate(location.event)
        doc = self.article.doc
        if location.article != previous.article:
            self.entity_pane.article_open(location.article is not None)
        if location.article is None:
            self.article.clear()
            self.entity_list.show([])
        elif doc is None or doc.id != location.article or doc.query != self.query_text:
            self._read_article(location, self.query_text, restore)
        else:
            self.article.place(location, restore)
            if location.entity:
                self.entity_list.select_key(location.entity)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _read_article(self, location: Location, query: str, restore: bool) -> None:
        doc = ArticleDoc.load(self.library, location.article or "", query)
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleLoaded(doc, location, restore))

    @on(ArticleLoaded)
    async def _article_loaded(self, message: ArticleLoaded) -> None:
        location, doc = message.location, message.doc
        if location != self.location:
            return
        if doc is None:
            self.notify(f"Article {location.article} is no longer in the index.", severity="warning", markup=False)
            return
        if not await self.article.open(doc, location, message.restore):
            self.entity_list.show(doc.entities, location.entity or location.filter_key)

    # requests from the panes and the palette ---------------------------------------
    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        self.go(replace(self.location, article=message.article, event=None, entity=None, mention=None, scroll_y=0.0))
        if self.narrow:
            self.show_pane("article")

    @on(OpenEvent)
    def _open_event(self, message: OpenEvent) -> None:
        self.open_event(message.event)
        if self.narrow:
            self.show_pane("article")

    def open_event(self, event_id: str) -> None:
        event = self.library.event(event_id)
        if event is None:
            self.notify("That event is no longer in the index.", severity="warning")
            return
        self.go(replace(self.location, article=event.article, event=event.id, entity=None, mention=None,
                        scroll_y=0.0))

    @on(FilterByEntity)
    def _filter_by_entity(self, message: FilterByEntity) -> None:
        self.go(replace(self.location, filter_key=message.key, filter_name=message.name, with_key=None,
                        with_name=None, entity=message.key, mention=None, scroll_y=0.0))

    def action_clear_filter(self) -> None:
        if self.article.find_text:
            self.article.clear_find()
        elif self.location.filter_key:
            self.go(replace(self.location, filter_key=None, filter_name=None, with_key=None, with_name=None,
                            scroll_y=0.0))
        elif self.query_text or self.search_bar.value:
            self.search_bar.action_clear()

    # hits, the find, mentions (see `Reading`) ----------------------------------------------
    def action_hit(self, step: int) -> None:
        self.reading.step(step)

    def action_find(self) -> None:
        self.reading.find()

    def action_mention(self, step: int) -> None:
        doc = self.article.doc
        entity = self.entity_list.entity
        if doc is None or entity is None or not entity.mentions:
            self.notify("Open an article and pick an entity in the Entities pane first.", severity="warning")
            return
        self.reading.reveal()
        walking = self.location.entity == entity.key and self.location.mention is not None
        if walking:
            index = ((self.location.mention or 0) + step) % len(entity.mentions)
        else:
            index = 0 if step > 0 else len(entity.mentions) - 1
        self.go(replace(self.location, entity=entity.key, mention=index, scroll_y=0.0), again=walking)

    # linked events -------------------------------------------------------------------
    def _current_event(self) -> Event | None:
        if self.pane_of(self.focused) == "timeline" and self.timeline.event is not None:
            return self.timeline.event
        if self.location.event:
            return self.library.event(self.location.event)
        return self.timeline.event

    def action_linked(self, step: int) -> None:
        event = self._current_event()
        if event is None:
            self.notify("Choose an event in the Timeline first.", severity="warning")
            return
        if not event.links:
            self.notify("No other event is linked to this one.", severity="warning")
            return
        self.timeline.follow_link(event, step)

    def action_links(self) -> None:
        event = self._current_event()
        if event is None:
            self.notify("Choose an event in the Timeline first.", severity="warning")
            return
        linked = [LinkedEvent(link, self.library.event(link.event)) for link in event.links]

        def chosen(event_id: str | None) -> None:
            if event_id:
                self.open_event(event_id)

        self.app.push_screen(LinkedEventsScreen(event, linked, self.outlets), chosen)

    # history -------------------------------------------------------------------------
    def action_back(self) -> None:
        self._remember_scroll()
        location = self.history.back()
        if location is None:
            self.notify("Nothing to go back to.", timeout=1.5)
            return
        self._apply(location, restore=True)

    def action_forward(self) -> None:
        self._remember_scroll()
        location = self.history.forward()
        if location is None:
            self.notify("Nothing to go forward to.", timeout=1.5)
            return
        self._apply(location, restore=True)
