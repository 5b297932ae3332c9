"""The terminal app: `ReaderApp(corpus, index_dir).run()`.

The app opens the index in a worker (building it first if there is none),
then shows the main screen, or a screen that says how to add articles. The
domain code below it never imports Textual.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from kzreader.corpus.articles import CorpusError
from kzreader.index.folder import IndexFolderError
from kzreader.index.store import StoreError
from kzreader.library import Library
from kzreader.tui.colours import theme_colours
from kzreader.tui.commands import ArticleCommands, DateCommands, EntityCommands
from kzreader.tui.correction_commands import CorrectionCommands
from kzreader.tui.screens.corpus_problem import CorpusProblemScreen
from kzreader.tui.screens.help import HelpScreen, Section
from kzreader.tui.screens.loading import LibraryFailed, LibraryReady, LoadingScreen
from kzreader.tui.screens.main import MainScreen
from kzreader.tui.widgets.article_view import ArticleView
from kzreader.tui.widgets.coverage import Coverage
from kzreader.tui.widgets.entity_overview import EntityOverview
from kzreader.tui.widgets.find_bar import FindBar
from kzreader.tui.widgets.search_bar import SearchBar
from kzreader.tui.widgets.virtual_list import VirtualList


REFRESH_DELAY = 1.0


class ReaderApp(App[None]):
    """Sources, article, entities and timeline of one corpus."""

    CSS_PATH = "app.tcss"
    TITLE = "kzreader"
    COMMANDS = App.COMMANDS | {ArticleCommands, EntityCommands, DateCommands, CorrectionCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
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

    def on_mount(self) -> None:
        self.push_screen(LoadingScreen(self.corpus, self.index_dir))

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
        self._use(library)
        if summaries:
            self.switch_screen(MainScreen(library, summaries))
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
        return [
            ("Everywhere", [*self.BINDINGS, Binding("ctrl+p", "command_palette",
                                                    "Command palette: open an article, entity, date, theme, rebuild"),
                            Binding("ctrl+q", "quit", "Quit")]),
            ("Main screen (not while typing in the search box)", MainScreen.BINDINGS),
            ("Search box", [Binding("enter", "", "Run the search and go to the results"), *SearchBar.BINDINGS]),
            ("Sources, entities and timeline", VirtualList.BINDINGS),
            ("Entities of the corpus or the results (no article open, or e)", EntityOverview.BINDINGS),
            ("Coverage, above the timeline", Coverage.BINDINGS),
            ("Article", ArticleView.BINDINGS),
            ("Find box, at the foot of the article (f)", FindBar.BINDINGS),
        ]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Rebuild the index", "Read every article again and build the index anew",
                            self.action_rebuild)
        yield SystemCommand("Reload the corpus", "Pick up articles added, changed or removed", self.action_reload)

    def on_unmount(self) -> None:
        self._use(None)
