"""Corrections from the app: the keys and palette commands on an entity or an event, and what follows them.

Each asks what it needs (a name, a type, the entity to merge into, the link
that is wrong) in a dialog, then writes the user's corrections file and has
the index re-derive what the correction touches in a thread worker
(`kzreader.library.correcting`), and shows the main screen again. `u` takes
back the last correction the same way.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.content import Content

from kzreader.library.correcting import Corrector
from kzreader.library.corrections import ENTITY_TYPES, CorrectionsError
from kzreader.library.dates import shown_date
from kzreader.tui.formatting import ENTITY_LABELS, ENTITY_STYLES, MUTED_STYLE, safe
from kzreader.tui.screens.correction import AskText, PickOne

if TYPE_CHECKING:
    from kzreader.tui.screens.main import MainScreen

# Entities offered as a merge's target: the most named, narrowed by typing.
MERGE_CHOICES = 5000


@dataclass(frozen=True, slots=True)
class Target:
    """The entity a correction is about: key, name, type."""

    key: str
    name: str
    type: str


_FLOWS: weakref.WeakKeyDictionary[Any, "Correcting"] = weakref.WeakKeyDictionary()


class Correcting:
    """The corrections of one main screen; `Correcting.of(screen)` gives the screen's own."""

    def __init__(self, screen: "MainScreen") -> None:
        self.screen = screen
        self.corrector = Corrector(screen.library)
        self.linking_from: str | None = None

    @classmethod
    def of(cls, screen: "MainScreen") -> "Correcting":
        flow = _FLOWS.get(screen)
        if flow is None:
            flow = _FLOWS[screen] = cls(screen)
        return flow

    # on an entity ----------------------------------------------------------------------
    def target(self) -> Target | None:
        pane = self.screen.entity_pane
        entity = pane.overview.entity if pane.showing_corpus else pane.entity_list.entity
        if entity is None:
            self.screen.notify("Pick an entity in the Entities pane first.", severity="warning")
            return None
        return Target(entity.key, entity.name, entity.type)

    def rename(self) -> None:
        if (t := self.target()) is None:
            return

        def named(name: str | None) -> None:
            if name and name != t.name:
                self._run("rename", {"key": t.key, "name": name}, f"{t.name} is now called {name}")
        self.screen.app.push_screen(AskText("Rename", f"The name of {t.name} ({ENTITY_LABELS.get(t.type, t.type)}), "
                                            "everywhere it is read:", t.name), named)

    def retype(self) -> None:
        if (t := self.target()) is None:
            return
        choices = [(etype, Content.styled(ENTITY_LABELS.get(etype, etype), ENTITY_STYLES.get(etype, "bold")))
                   for etype in ENTITY_TYPES if etype != t.type]

        def typed(etype: str | None) -> None:
            if etype:
                self._run("type", {"key": t.key, "type": etype}, f"{t.name} is now a {etype}")
        self.screen.app.push_screen(PickOne("Change type", f"{t.name} is a:", choices), typed)

    def merge(self) -> None:
        if (t := self.target()) is None:
            return
        self.screen.run_worker(lambda: self._merge_choices(t), thread=True, group="correction-choices",
                               exclusive=True, exit_on_error=False)

    def _merge_choices(self, t: Target) -> None:
        rows = self.screen.library.store.top_entities(None, MERGE_CHOICES)
        choices = [(r["key"], Content.assemble(Content.styled(safe(r["name"]), ENTITY_STYLES.get(r["type"], "bold")),
                                               Content.styled(f"  {ENTITY_LABELS.get(r['type'], r['type'])}, "
                                                              f"{r['articles']} article(s)", MUTED_STYLE)))
                   for r in rows if r["key"] != t.key]

        def chosen(into: str | None) -> None:
            if into:
                merge = (lambda: self.corrector.add("merge", **self.corrector.merge_fields(t.key, into)))
                self.screen.run_worker(lambda: self._apply(merge, f"{t.name} merged"), thread=True,
                                       group="correction", exclusive=False, exit_on_error=False)
        self.screen.app.call_from_thread(
            self.screen.app.push_screen, PickOne("Merge", f"Merge {t.name} into:", choices), chosen)

    def reject(self) -> None:
        if (t := self.target()) is None:
            return
        self._run("reject", {"name": t.name, "type": t.type}, f"{t.name} is not a {t.type} any more")

    def unmention(self) -> None:
        """Take out the mention the article shows as current (the one `m` walked to)."""
        location, doc = self.screen.location, self.screen.article.doc
        entity = next((e for e in (doc.entities if doc else []) if e.key == location.entity), None)
        if doc is None or entity is None or location.mention is None or location.mention >= len(entity.mentions):
            self.screen.notify("Go to the mention first: pick the entity and press m.", severity="warning")
            return
        m = entity.mentions[location.mention]
        self._run("unmention", {"article": doc.id, "start": m.start, "end": m.end, "text": m.text},
                  f"{m.text!r} is no longer a mention of {entity.name}")

    # on an event -------------------------------------------------------------------------
    def unlink(self) -> None:
        event = self.screen.timeline.event
        if event is None or not event.links:
            self.screen.notify("Pick a linked event in the Timeline first.", severity="warning")
            return
        choices = []
        for link in event.links:
            other = self.screen.library.event(link.event)
            label = other.label or other.sentence if other else link.event
            choices.append((link.event, Content.assemble(
                Content.styled(f"{link.relation:<9}", MUTED_STYLE),
                Content(f"{shown_date(other.date) if other else ''}  {safe(label)}"))))

        def chosen(other: str | None) -> None:
            if other:
                self._run("unlink", {"a": event.id, "b": other}, "That link is gone")
        self.screen.app.push_screen(PickOne("Wrong link", "The link that is wrong:", choices), chosen)

    def link(self) -> None:
        """First press marks the event; on another event, the second links the two as the same."""
        event = self.screen.timeline.event
        if event is None:
            self.screen.notify("Pick an event in the Timeline first.", severity="warning")
            return
        if self.linking_from == event.id:
            self.linking_from = None
            self.screen.notify("Not linking after all.")
            return
        if self.linking_from is None:
            self.linking_from = event.id
            self.screen.notify("Now move to the other event and press = there (= here again: never mind).")
            return
        first, self.linking_from = self.linking_from, None
        self._run("link", {"a": first, "b": event.id}, "Linked as the same event")

    # undo, and applying ------------------------------------------------------------------
    def undo(self) -> None:
        loaded = self.corrector.load()
        if not loaded.corrections:
            self.screen.notify("No correction to undo.", severity="warning")
            return
        last = loaded.corrections[-1]
        self.screen.run_worker(lambda: self._apply(lambda: self.corrector.undo(last.number),
                                                   f"Undone: {last.describe()}"),
                               thread=True, group="correction", exclusive=False, exit_on_error=False)

    def _run(self, kind: str, fields: dict[str, Any], done: str) -> None:
        self.screen.run_worker(lambda: self._apply(lambda: self.corrector.add(kind, **fields), done),
                               thread=True, group="correction", exclusive=False, exit_on_error=False)

    def _apply(self, change: Any, done: str) -> None:
        app = self.screen.app
        try:
            outcome = change()
        except (CorrectionsError, OSError) as exc:
            app.call_from_thread(self.screen.notify, str(exc), severity="error", markup=False)
            return
        for note in outcome.notes:
            app.call_from_thread(self.screen.notify, note, severity="warning", markup=False)
        app.call_from_thread(self._shown, f"{done} (u: undo)")

    def _shown(self, done: str) -> None:
        self.screen.show_again()
        self.screen.notify(done, markup=False)
