"""Opening (and when needed building) the index, with its progress, before the corpus appears."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from kzreader.corpus.articles import CorpusError
from kzreader.index.folder import IndexFolderError
from kzreader.index.store import StoreError
from kzreader.library import Library

PHASES = {
    "scanning": "Looking for articles",
    "copies": "Finding copies of the same article",
    "analysing": "Reading articles: entities, dates, events",
    "committing": "Writing the index",
    "linking": "Linking events across articles",
}


@dataclass
class LibraryReady(Message):
    """The index is open; `summaries` are its articles, newest first."""

    library: Library
    summaries: list[dict[str, Any]]
    refreshed: bool


@dataclass
class LibraryFailed(Message):
    """The corpus or its index cannot be used; `reason` is one line for the reader."""

    reason: str


class LoadingScreen(Screen[None]):
    """Runs `Library.open` in a thread and shows how far indexing has got."""

    @dataclass
    class Progress(Message):
        """Posted from the indexing thread; several of one phase in a row collapse into the newest."""

        phase: str
        done: int
        total: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, LoadingScreen.Progress) and message.phase == self.phase

    def __init__(self, corpus: Path, index_dir: Path, update: bool = False, rebuild: bool = False) -> None:
        super().__init__()
        self.corpus = corpus
        self.index_dir = index_dir
        self.update = update
        self.rebuild = rebuild

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(Content(f"Opening {self.corpus}"), id="loading-title")
            yield Static(Content("Opening the index…"), id="loading-phase")
            yield ProgressBar(id="loading-bar", show_eta=False)
            yield Static(Content(""), id="loading-log")

    def on_mount(self) -> None:
        self._open()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _open(self) -> None:
        def progress(phase: str, done: int, total: int) -> None:
            self.post_message(self.Progress(phase, done, total))

        try:
            library, report = Library.open(
                self.corpus, self.index_dir, update=self.update, rebuild=self.rebuild,
                progress=progress, log=lambda line: self.app.call_from_thread(self._show_log, line),
            )
            summaries = library.articles()
        except (CorpusError, IndexFolderError, StoreError, OSError) as exc:
            self.post_message(LibraryFailed(str(exc)))
            return
        self.post_message(LibraryReady(library, summaries, report is not None))

    def _show_log(self, line: str) -> None:
        self.query_one("#loading-log", Static).update(Content.styled(line, "$warning"))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        label = PHASES.get(message.phase, message.phase)
        self.query_one("#loading-phase", Static).update(Content(f"{label}: {message.done} of {message.total}"))
        self.query_one("#loading-bar", ProgressBar).update(total=max(message.total, 1), progress=message.done)
