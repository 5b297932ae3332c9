"""What the reader sees instead of a traceback when there is nothing to read."""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static


SIDECAR_EXAMPLE = "    title: …\n    date: 2022-11-28\n    outlet: …\n    url: …\n    author: …"


class CorpusProblemScreen(Screen[None]):
    """Says why there are no articles and how to add some; `r` looks again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "app.reload", "Look again", id="problem.reload"),
        Binding("q", "app.quit", "Quit", id="problem.quit"),
    ]

    def __init__(self, corpus: Path, reason: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self._message(), id="problem")
        yield Footer()

    def _message(self) -> Content:
        where = str(self.corpus)
        reason = self.reason or f"there are no articles in {where} yet."
        headline = reason[:1].upper() + reason[1:]
        lines = [
            Content.styled(headline, "bold $error"),
            Content(""),
            Content("kzreader reads a folder of articles: each article is a .txt file (UTF-8, UTF-16, "
                    "cp1250 or ISO-8859-2), subfolders too."),
            Content("Beside each one an optional .yaml file can give its metadata:"),
            Content.styled(SIDECAR_EXAMPLE, "$text-muted"),
            Content(""),
            Content.assemble("To add articles, put .txt files in ", Content.styled(where, "bold"),
                             " (make the folder if it does not exist), then press ",
                             Content.styled("r", "bold $accent"), "."),
            Content.assemble("To read another folder, quit and run ",
                             Content.styled("kzreader --corpus FOLDER", "bold"), "."),
        ]
        return Content("\n").join(lines)
