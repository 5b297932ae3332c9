"""The panes on their own: arranging sources, fitting text, and lists that stay cheap at any size."""
from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from textual.app import App, ComposeResult
from textual.content import Content

from kzreader.reading.annotations import Entity, Event, Link, Mention
from kzreader.tui.formatting import fit, wrap
from kzreader.tui.messages import OpenArticle, OpenEvent
from kzreader.tui.widgets.entity_list import group
from kzreader.tui.widgets.source_list import SourceList, SourceRow, arrange
from kzreader.tui.widgets.timeline_list import PAGE_SIZE, TimelineList


def summary(aid: str, duplicate_of: str | None = None, title: str | None = None) -> dict[str, Any]:
    return {"id": aid, "title": title or f"Title {aid}", "date": "2024-01-01", "outlet": "outlet",
            "duplicate_of": duplicate_of}


def test_copies_go_under_their_original_in_any_order() -> None:
    summaries = {s["id"]: s for s in (summary("a"), summary("b", "c"), summary("c"), summary("d", "zzz"))}
    assert arrange(["b", "a", "c", "d", "unknown"], summaries) == ["a", "c", "b", "d"]
    assert arrange(["c", "b", "a"], summaries) == ["c", "b", "a"]


def test_fit_cuts_at_word_boundaries() -> None:
    assert fit("Putin docenił wizytę prezydenta", 20) == "Putin docenił…"
    assert fit("krótki", 20) == "krótki"
    assert fit("wydarzenia.interia.pl", 15, whole=True) == "wydarzenia…"
    assert fit("kierunekkaukaz", 8, whole=True) == ""
    assert fit("kierunekkaukaz", 8) == "kierune…"
    assert all(len(fit("ala ma kota i psa", w)) <= w for w in range(0, 20))


def test_wrap_fills_lines_then_fits_the_last() -> None:
    assert wrap("Przyjaźnić się z USA, ale też z Rosją. Elastyczny jak prezydent", 30, 2) == [
        "Przyjaźnić się z USA, ale też", "z Rosją. Elastyczny jak…"]
    assert wrap("krótki tytuł", 30, 2) == ["krótki tytuł"]


def test_entities_are_grouped_by_type_most_mentioned_first() -> None:
    ents = [Entity("place:a", "A", "place", [Mention(0, 1, "A")]),
            Entity("person:b", "B", "person", [Mention(0, 1, "B")]),
            Entity("person:c", "C", "person", [Mention(0, 1, "C"), Mention(2, 3, "C")])]
    rows = group(ents)
    assert [(r.type, r.entity.name if r.entity else None) for r in rows] == [
        ("person", None), ("person", "C"), ("person", "B"), ("place", None), ("place", "A")]


class ListApp(App[None]):
    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget
        self.seen: list[Any] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_open_article(self, message: OpenArticle) -> None:
        self.seen.append(message)

    def on_open_event(self, message: OpenEvent) -> None:
        self.seen.append(message)


class CountingSources(SourceList):
    def __init__(self, summaries: dict[str, dict[str, Any]]) -> None:
        super().__init__(summaries, id="sources")
        self.drawn: set[int] = set()

    def row_line(self, index: int, line: int, width: int) -> Content:
        self.drawn.add(index)
        return super().row_line(index, line, width)


async def test_a_hundred_thousand_sources_draw_only_what_shows() -> None:
    summaries = {f"a{n}": summary(f"a{n}", title=f"[b]Tytuł {n}[/b] [@click=app.quit]x[/]") for n in range(100_000)}
    widget = CountingSources(summaries)
    app = ListApp(widget)
    async with app.run_test(size=(80, 24)) as pilot:
        started = time.perf_counter()
        widget.show(arrange(summaries, summaries), {"a1": 3})
        await pilot.pause()
        assert time.perf_counter() - started < 2.0
        assert len(widget.drawn) <= 24
        title = "[b]Tytuł 1[/b] [@click=app.quit]x[/]"
        assert widget.row(1) == SourceRow("a1", title, "2024-01-01", "outlet", False, 3)
        await pilot.press("G")
        assert widget.cursor == len(summaries) - 1 and widget.scroll_y > 0
        await pilot.press("k", "g", "j", "enter")
        assert app.seen[-1] == OpenArticle("a1")
        assert len(widget.drawn) < 100
        assert app.is_running


def event(n: int) -> Event:
    links = [Link(f"x#{n + 1}", "conflict", [])] if n % 3 == 0 else []
    return Event(f"x#{n}", f"art{n % 7}", f"20{10 + n % 10}", "w tym roku", 0, 5, "year", label=f"event {n}",
                 sentence=f"Zdanie {n}.", links=links)


async def test_a_million_events_are_paged_from_the_store() -> None:
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> Sequence[Event]:
        asked.append((offset, limit))
        return [event(n) for n in range(offset, min(offset + limit, 1_000_000))]

    widget = TimelineList(id="timeline")
    app = ListApp(widget)
    async with app.run_test(size=(80, 24)) as pilot:
        widget.show(1_000_000, fetch, {"art0": "Outlet"})
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked == [(0, PAGE_SIZE)]
        assert widget.event is not None and widget.event.id == "x#0"
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert widget.cursor == 999_999 and widget.event is not None and widget.event.id == "x#999999"
        assert len(asked) <= 3
        await pilot.press("enter")
        assert app.seen[-1] == OpenEvent("x#999999")


def test_every_kind_of_link_has_a_mark_words_and_a_style_and_is_in_the_legend() -> None:
    from typing import get_args

    from kzreader.library.relations import RELATION_MARKS, RELATION_ORDER, RELATION_WORDS
    from kzreader.reading.annotations import Relation
    from kzreader.tui.formatting import RELATION_STYLES, relation_legend

    kinds = set(get_args(Relation))
    assert set(RELATION_ORDER) == set(RELATION_MARKS) == set(RELATION_WORDS) == set(RELATION_STYLES) == kinds
    assert len(set(RELATION_MARKS.values())) == len(kinds)
    assert relation_legend().plain == "=same +story !conflict ~related"
    from kzreader.tui.screens.help import NOTES

    assert all(f"{RELATION_MARKS[r]} {RELATION_WORDS[r]}" in NOTES[-1] for r in kinds)


async def test_an_originals_row_names_the_reprints_folded_into_it() -> None:
    original = Event("orig#1", "orig", "2024-05-12", "12 maja", 0, 7, label="Pożar hali",
                     links=[Link("copy#1", "same", []), Link("other#3", "same", [])])
    widget = TimelineList(id="timeline")
    app = ListApp(widget)
    async with app.run_test(size=(100, 24)) as pilot:
        widget.show(1, lambda offset, limit: [original][offset:offset + limit],
                    {"orig": "rp.pl", "copy": "onet.pl", "other": "tvn24.pl"}, copies={"copy": "orig"})
        await app.workers.wait_for_complete()
        await pilot.pause()
        head = widget.row_line(0, 0, 80).plain
        assert "rp.pl · also in onet.pl" in head and "tvn24" not in head


async def test_a_span_of_days_shows_both_ends_and_the_outlet_after_it() -> None:
    span = Event("a#1", "a", "2024-07-03/2024-07-04", "3–4 lipca", 0, 9, "interval", label="Szczyt w Astanie")
    widget = TimelineList(id="timeline")
    app = ListApp(widget)
    async with app.run_test(size=(80, 24)) as pilot:
        widget.show(1, lambda offset, limit: [span][offset:offset + limit], {"a": "osw.waw.pl"})
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert widget.row_line(0, 0, 60).plain.split() == ["2024-07-03–04", "osw.waw.pl"]
