"""Command palette (ctrl+p) entries for corrections: the same as the keys on an entity or an event."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from kzreader.tui.screens.correcting import Correcting
from kzreader.tui.screens.main import MainScreen

COMMANDS = (
    ("rename", "Correct: rename the entity", "the entity under the cursor in Entities (R)"),
    ("retype", "Correct: change the entity's type", "person, place, organisation or sum (T)"),
    ("merge", "Correct: merge the entity into another", "chosen from a list (J)"),
    ("unmention", "Correct: not a mention", "the current mention in the article, out of its entity (X)"),
    ("reject", "Correct: not an entity", "the entity under the cursor, wherever it is read (D)"),
    ("unlink", "Correct: a link of the event is wrong", "the event under the cursor in Timeline (x)"),
    ("link", "Correct: the same event as another", "= on one event, then on the other (=)"),
    ("undo", "Correct: undo the last correction", "(u)"),
)


class CorrectionCommands(Provider):
    """"Correct: ..." runs the correction the key would."""

    async def search(self, query: str) -> Hits:
        if not isinstance(self.screen, MainScreen):
            return
        matcher = self.matcher(query)
        for what, title, help_text in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, what), text=title, help=help_text)

    async def discover(self) -> Hits:
        if not isinstance(self.screen, MainScreen):
            return
        for what, title, help_text in COMMANDS:
            yield DiscoveryHit(title, partial(self._run, what), text=title, help=help_text)

    def _run(self, what: str) -> None:
        if isinstance(self.screen, MainScreen):
            getattr(Correcting.of(self.screen), what)()
