"""The terminal app: `ReaderApp(corpus, index_dir).run()`.

The app opens the index in a worker (building it first if there is none),
then shows the main screen, or a screen that says how to add articles. The
domain code below it never imports Textual. What the reader chose and where
they were is kept between runs (`kzreader.library.memory`): the theme, the
key map, the last article and its position, the searches typed and saved.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme

from kzreader.corpus.articles import CorpusError
from kzreader.index.folder import IndexFolderError
from kzreader.index.store import StoreError
from kzreader.library import Library
from kzreader.library.history import Location
from kzreader.library.keymap import read_keymap
from kzreader.library.memory import Memory
from kzreader.library.searches import HistoryFile, SavedSearch
from kzreader.library.settings import Place
from kzreader.tui import reading_out
from kzreader.tui.colours import theme_colours
from kzreader.tui.commands import ArticleCommands, DateCommands, EntityCommands
from kzreader.tui.correction_commands import CorrectionCommands
from kzreader.tui.keys import bindings_with_ids, is_key
from kzreader.tui.messages import RunSearch
from kzreader.tui.screens.corpus_problem import CorpusProblemScreen
from kzreader.tui.screens.help import HelpScreen, Section
from kzreader.tui.screens.loading import LibraryFailed, LibraryReady, LoadingScreen
from kzreader.tui.screens.main import MainScreen
from kzreader.tui.screens.save_search import SaveSearchScreen
from kzreader.tui.widgets.article_view import ArticleView
from kzreader.tui.widgets.coverage import Coverage
from kzreader.tui.widgets.entity_overview import EntityOverview
from kzreader.tui.widgets.entity_pane import EntityPane
from kzreader.tui.widgets.find_bar import FindBar
from kzreader.tui.widgets.search_bar import SearchBar
from kzreader.tui.widgets.timeline_pane import TimelinePane
from kzreader.tui.widgets.virtual_list import VirtualList


REFRESH_DELAY = 1.0


class ReaderApp(App[None]):
    """Sources, article, entities and timeline of one corpus."""

    CSS_PATH = "app.tcss"
    TITLE = "kzreader"
    COMMANDS = App.COMMANDS | {ArticleCommands, EntityCommands, DateCommands, CorrectionCommands}

    # Keys of the main screen kept here, beside what they use (the memory, the clipboard, the browser).
    READING_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_address", "Open in browser", show=False, id="app.open-address",
                tooltip="Open the open article's address in the web browser"),
        Binding("c", "cite", "Cite", show=False, id="app.cite",
                tooltip="Copy a citation (outlet, date, title, address; an event's sentence) of the open article, "
                        "or of the event chosen in the Timeline"),
        Binding("ctrl+s", "save_search", "Save search", show=False, id="app.save-search",
                tooltip="Save the search under a name: it stands at the top of Sources, Enter runs it"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        *READING_BINDINGS,
    ]

    @dataclass
    class IndexRefreshed(Message):
        """The corpus changed since the index was built; here is the index brought up to date."""

        library: Library
        summaries: list[dict[str, Any]]
        note: str

    def __init__(self, corpus: Path, index_dir: Path) -> None:
        super().__init__()
        self.corpus = corpus
        self.index_dir = index_dir
        self.library: Library | None = None
        self.memory = Memory()
        self.keymap: dict[str, str] = {}
        """The user's key map as applied (binding id -> keys), for the help screen."""

    def on_mount(self) -> None:
        self.push_screen(LoadingScreen(self.corpus, self.index_dir))
        for notice in self.memory.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self._use_theme(self.memory.settings.settings.theme)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._use_keymap()

    def get_css_variables(self) -> dict[str, str]:
        # The reader's colours are derived from each theme's (see `colours`); recomputed whenever the theme changes.
        variables = super().get_css_variables()
        variables.update(theme_colours(variables, self.current_theme.dark))
        return variables

    def _use(self, library: Library | None) -> None:
        """Make `library` the one shown, closing the one it replaces."""
        if self.library is not None and self.library is not library:
            self.library.close()
        self.library = library

    @on(LibraryReady)
    def _library_ready(self, message: LibraryReady) -> None:
        self._show(message.library, message.summaries)
        if not message.refreshed:
            # Looking for changed files stats the whole corpus; it waits until the
            # corpus is on screen so it does not hold up the first paint.
            self.set_timer(REFRESH_DELAY, self._refresh_index)

    def _show(self, library: Library, summaries: list[dict[str, Any]]) -> None:
        resume = self._resume_at({s["id"] for s in summaries})
        self._use(library)
        if summaries:
            self.switch_screen(MainScreen(library, summaries, resume=resume))
        else:
            self.switch_screen(CorpusProblemScreen(self.corpus))

    @on(LibraryFailed)
    def _library_failed(self, message: LibraryFailed) -> None:
        self._use(None)
        self.switch_screen(CorpusProblemScreen(self.corpus, message.reason))

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh_index(self) -> None:
        """Catch up with articles added, changed or removed since the index was built.

        The index opened at once so the corpus shows without waiting; this
        looks for changes meanwhile and swaps in the refreshed index if any.
        """
        try:
            report = Library.refresh_elsewhere(self.corpus, self.index_dir)
            if not report.touched:
                return
            library, _ = Library.open(self.corpus, self.index_dir, update=False)
        except (CorpusError, IndexFolderError, StoreError, OSError) as exc:
            self.notify(f"The index could not be brought up to date: {exc}", severity="warning", markup=False)
            return
        note = (f"Index updated: {len(report.added)} added, {len(report.changed)} changed, "
                f"{len(report.removed)} removed.")
        self.post_message(self.IndexRefreshed(library, library.articles(), note))

    @on(IndexRefreshed)
    def _refreshed(self, message: IndexRefreshed) -> None:
        self._show(message.library, message.summaries)
        self.notify(message.note, markup=False)

    def action_reload(self) -> None:
        """Look at the corpus again (after adding articles, say)."""
        self._use(None)
        self.switch_screen(LoadingScreen(self.corpus, self.index_dir, update=True))

    def action_rebuild(self) -> None:
        """Read every article again and build the index from scratch."""
        self._use(None)
        self.switch_screen(LoadingScreen(self.corpus, self.index_dir, rebuild=True))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        everywhere = [b for b in self.BINDINGS if b not in self.READING_BINDINGS]
        return [
            ("Everywhere", [*everywhere, Binding("ctrl+p", "command_palette",
                                                 "Command palette: open an article, entity, date, theme, rebuild"),
                            Binding("ctrl+q", "quit", "Quit")]),
            ("The open article, citations and saved searches", self.READING_BINDINGS),
            ("Main screen (not while typing in the search box)", MainScreen.BINDINGS),
            ("Search box", [Binding("enter", "", "Run the search and go to the results"), *SearchBar.BINDINGS]),
            ("Sources, entities and timeline", VirtualList.BINDINGS),
            ("Entities of the corpus or the results (no article open, or e)", EntityOverview.BINDINGS),
            ("Coverage, above the timeline", Coverage.BINDINGS),
            ("Article", ArticleView.BINDINGS),
            ("Find box, at the foot of the article (f)", FindBar.BINDINGS),
            ("Corrections: on an entity (Entities), on an event (Timeline)",
             [*EntityPane.BINDINGS, *TimelinePane.BINDINGS]),
        ]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Rebuild the index", "Read every article again and build the index anew",
                            self.action_rebuild)
        yield SystemCommand("Reload the corpus", "Pick up articles added, changed or removed", self.action_reload)
        if isinstance(screen, MainScreen):
            yield SystemCommand("Save this search", "Keep the current search under a name, at the top of Sources",
                                self.action_save_search)
            for saved in self.saved_searches:
                yield SystemCommand(f"Forget saved search: {saved.name}", saved.query,
                                    lambda saved=saved: self._forget(saved))

    def on_unmount(self) -> None:
        self._use(None)

    # what is remembered between runs ------------------------------------------------
    @property
    def search_history(self) -> HistoryFile:
        """The search box's history (its up and down keys), kept between runs."""
        return self.memory.history

    @property
    def saved_searches(self) -> list[SavedSearch]:
        return self.memory.saved.saved

    def _use_theme(self, name: str | None) -> None:
        if name and name in self.available_themes:
            self.theme = name
        elif name:
            self.notify(f"{self.memory.settings.path}: there is no theme called {name!r}; using {self.theme}.",
                        severity="warning", markup=False)

    def _theme_changed(self, theme: Theme) -> None:
        settings = self.memory.settings
        if theme.name == settings.settings.theme:
            return
        try:
            settings.save(replace(settings.settings, theme=theme.name))
        except OSError as exc:
            self.notify(f"The theme could not be saved: {exc}", severity="warning", markup=False)

    def _use_keymap(self) -> None:
        """The user's keys.yaml over the defaults; a bad entry is named and keeps its default key."""
        reading = read_keymap(self.memory.config, bindings_with_ids(), is_key)
        for problem in reading.problems:
            self.notify(problem, severity="warning", timeout=10, markup=False)
        if reading.keymap:
            self.keymap = reading.keymap
            self.set_keymap(reading.keymap)

    def _main_screen(self) -> MainScreen | None:
        return next((s for s in reversed(self.screen_stack) if isinstance(s, MainScreen)), None)

    def _resume_at(self, articles: set[str]) -> Location | None:
        """Where a new main screen opens: where the reader is now (the index was refreshed), or was last time."""
        screen = self._main_screen()
        if screen is not None:
            location = screen.location.scrolled(screen.article.scroll_y)
        else:
            place = self.memory.places.last(self.corpus)
            location = Location(article=place.article, scroll_y=place.scroll_y) if place else Location()
        return location if location.article in articles else None

    def remember_place(self) -> None:
        """Note the open article and how far down it is, to reopen it there next time."""
        screen = self._main_screen()
        if screen is None:
            return
        article = screen.location.article
        try:
            self.memory.places.save(self.corpus, Place(article, float(screen.article.scroll_y)) if article else None)
        except OSError:
            pass  # Quitting: there is no screen left to say so on, and the articles are untouched.

    async def action_quit(self) -> None:
        self.remember_place()
        await super().action_quit()

    # keys of the main screen ------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_address", "cite", "save_search"):
            return isinstance(self.screen, MainScreen)
        return True

    def action_open_address(self) -> None:
        screen = self._main_screen()
        if screen is None or screen.location.article is None:
            self.notify("Open an article first.", severity="warning")
            return
        url = reading_out.address(screen)
        if not url:
            self.notify("This article has no address (a url: line in its .yaml gives it one).", severity="warning")
            return
        self.open_url(url)
        self.notify(f"Opening {url}", markup=False)

    def action_cite(self) -> None:
        screen = self._main_screen()
        citation = reading_out.citation(screen) if screen is not None else None
        if citation is None:
            self.notify("Open an article or choose an event in the Timeline first.", severity="warning")
            return
        self.copy_to_clipboard(citation.text)
        self.notify(f"Copied a citation of {citation.what}: {citation.text}", markup=False)

    def action_save_search(self) -> None:
        screen = self._main_screen()
        # As typed in the box: what runs while typing may differ (its last word is also a prefix).
        query = (screen.search_bar.value or screen.query_text).strip() if screen is not None else ""
        if not query:
            self.notify("Search for something first; ctrl+s then saves it under a name.", severity="warning")
            return

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                replaced = self.memory.saved.save(name, query)
            except (OSError, ValueError) as exc:
                self.notify(f"The search could not be saved: {exc}", severity="error", markup=False)
                return
            self.notify(f"Saved {'over ' if replaced else ''}{name!r}: it stands at the top of Sources.",
                        markup=False)
            self._show_saved()

        self.push_screen(SaveSearchScreen(query), named)

    def _forget(self, saved: SavedSearch) -> None:
        try:
            self.memory.saved.remove(saved.name)
        except OSError as exc:
            self.notify(f"The saved searches could not be written: {exc}", severity="error", markup=False)
            return
        self.notify(f"Forgot the saved search {saved.name!r}.", markup=False)
        self._show_saved()

    def _show_saved(self) -> None:
        screen = self._main_screen()
        if screen is not None:
            screen.sources.show_saved(self.saved_searches)

    @on(RunSearch)
    def _run_search(self, message: RunSearch) -> None:
        screen = self._main_screen()
        if screen is not None:
            screen.search_bar.run(message.query)
