"""What a reader does in the app, driven headless with Pilot on the seeds index (built once per session)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from textual.worker import WorkerState

from kzreader.index.indexer import refresh
from kzreader.library import Library, TimelineFilter
from kzreader.tui.app import ReaderApp
from kzreader.tui.screens.corpus_problem import CorpusProblemScreen
from kzreader.tui.screens.help import HelpScreen
from kzreader.tui.screens.linked_events import LinkedEventsScreen
from kzreader.tui.screens.loading import LoadingScreen
from kzreader.tui.screens.main import MainScreen
from kzreader.tui.widgets.source_list import SourceRow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


async def settle(pilot: Pilot[None]) -> None:
    """Let every worker finish and every message it posted be handled (which may start more workers)."""
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in pilot.app.workers):
            return


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Wait for `condition` (the app loads in a thread); generous, for a busy machine.

    A screen being replaced (a refresh that found new articles mounts a new
    main screen) has no children for a moment: a query then finds nothing yet.
    """
    for _ in range(int(seconds / 0.02)):
        try:
            if condition():
                return
        except NoMatches:
            pass
        await pilot.pause(0.02)


async def main_screen(pilot: Pilot[None]) -> MainScreen:
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, MainScreen) and bool(app.screen.query("#sources")))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def problem_text(pilot: Pilot[None]) -> str:
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, CorpusProblemScreen) and bool(app.screen.query("#problem")))
    return plain(app.screen.query_one("#problem", Static))


def plain(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if isinstance(visual, Content) else str(visual)


def body_text(screen: MainScreen) -> str:
    return "\n".join(plain(p) for p in screen.article.query(".paragraph").results(Static))


def rows(screen: MainScreen) -> list[SourceRow]:
    return [screen.sources.row(i) for i in range(screen.sources.row_count)]


def head_text(screen: MainScreen) -> str:
    return plain(screen.query_one("#article-head", Static))


@pytest.fixture
def app(seeds_index: Path) -> ReaderApp:
    return ReaderApp(SEEDS, seeds_index)


@pytest.fixture
def library(seeds_library: Library) -> Library:
    return seeds_library


# search -------------------------------------------------------------------------------
async def test_search_while_typing_then_enter_then_escape(app: ReaderApp, library: Library) -> None:
    searches: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=searches.append) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Tokajew")
        assert isinstance(app.focused, Input) and app.focused.value == "Tokajew"
        await settle(pilot)
        result = library.search("Tokajew", limit=100, highlight=100)
        assert {r.id for r in rows(screen)} == {h.article for h in result.hits}
        assert screen.query_text == "Tokajew" and isinstance(app.focused, Input)
        done = [m for m in searches if isinstance(m, MainScreen.SearchDone)]
        # Debounced: a search per settled query, not one per keystroke.
        assert 1 <= len(done) < len("Tokajew")

        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is screen.sources
        originals = [h.article for h in result.hits if not h.duplicate_of]
        assert [r.id for r in rows(screen) if not r.copy] == originals
        assert {r.id: r.hits for r in rows(screen)} == {h.article: h.matches for h in result.hits}

        await pilot.press("slash", "escape")
        await settle(pilot)
        assert screen.search_bar.value == "" and screen.query_text == ""
        assert len(rows(screen)) == len(library.articles())
        assert app.focused is screen.sources


async def test_match_counts_past_the_first_rows_arrive_after_the_results(
        app: ReaderApp, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from kzreader.tui.screens import main as main_module

    monkeypatch.setattr(main_module, "COUNTED_FIRST", 1)
    monkeypatch.setattr(main_module, "COUNT_DELAY", 0)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Rosja", "enter")
        await settle(pilot)
        result = library.search("Rosja", limit=100, highlight=100)
        assert len(result.hits) > 2
        await until(pilot, lambda: all(r.hits is not None for r in rows(screen)))
        assert {r.id: r.hits for r in rows(screen)} == {h.article: h.matches for h in result.hits}


async def test_a_bad_query_is_shown_in_place_and_keeps_the_list(app: ReaderApp,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from kzreader.tui.screens import main as main_module

    # Keys arrive slowly on a loaded machine: the valid prefix `Putin ` must not be searched while typing.
    monkeypatch.setattr(main_module, "DEBOUNCE_SECONDS", 30)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        before = list(rows(screen))
        await pilot.press("slash", *"Putin )", "enter")
        await settle(pilot)
        error = plain(screen.query_one("#search-error", Static))
        assert "bracket" in error and screen.search_bar.has_class("-error")
        assert list(rows(screen)) == before
        assert app.is_running


# articles and entities ------------------------------------------------------------------
async def test_enter_opens_the_article_with_entities(app: ReaderApp, library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        first = rows(screen)[0].id
        await pilot.press("enter")
        await settle(pilot)
        record = library.article(first)
        assert record is not None and record.title
        listed = rows(screen)
        assert len(listed) == len(library.articles())
        for n, row in enumerate(listed):
            original = library.article(row.id).duplicate_of  # type: ignore[union-attr]
            if original:
                above = [r.id for r in listed[:n] if not r.copy]
                assert row.copy and above and above[-1] == original
        assert record.title in head_text(screen)
        assert screen.location.article == first
        names = {e.name for e in library.entities(first)}
        assert screen.entity_list.entity is not None and screen.entity_list.entity.name in names
        assert screen.article.border_title and "person" in screen.article.border_title


async def test_entity_filter_and_mention_walk(app: ReaderApp, library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "tab")
        assert app.focused is screen.entity_list
        entity = screen.entity_list.entity
        assert entity is not None
        await pilot.press("enter")
        await settle(pilot)
        assert screen.location.filter_key == entity.key
        assert {r.id for r in rows(screen)} == set(library.articles_with_entity(entity.key))
        assert screen.timeline.row_count == library.timeline_count(TimelineFilter(entity=entity.name, fold_copies=True))

        starts = sorted(m.start for m in entity.mentions)
        await pilot.press("n")
        await settle(pilot)
        assert screen.location.mention == 0
        assert screen.article.marks[-1][0] == starts[0]
        await pilot.press("n")
        await settle(pilot)
        assert screen.location.mention == 1 % len(starts)
        await pilot.press("N", "N")
        await settle(pilot)
        assert screen.location.mention == len(starts) - 1
        assert f"{len(starts)} of {len(starts)}" in str(screen.article.border_subtitle)

        await pilot.press("escape")
        await settle(pilot)
        assert screen.location.filter_key is None
        assert len(rows(screen)) == len(library.articles())


# The timeline as the screen shows it: a reprint's repeated events folded into the original's rows.
SHOWN = TimelineFilter(fold_copies=True)


# events ---------------------------------------------------------------------------------
def _linked_event(library: Library) -> tuple[int, str]:
    for n, event in enumerate(library.timeline(SHOWN)):
        if len(event.links) >= 1:
            return n, event.id
    pytest.skip("the seeds have no linked events")


async def test_enter_on_an_event_opens_its_sentence(app: ReaderApp, library: Library) -> None:
    position, event_id = _linked_event(library)
    event = library.event(event_id)
    assert event is not None
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.show_pane("timeline")
        screen.timeline.move_cursor(position)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.location.article == event.article and screen.location.event == event.id
        assert (event.sentence_start, event.sentence_end) in [(s, e) for s, e, _ in screen.article.marks]
        assert screen.article.scroll_y >= 0


async def test_brackets_follow_links_across_articles(app: ReaderApp, library: Library) -> None:
    position, event_id = _linked_event(library)
    event = library.event(event_id)
    assert event is not None
    here = library.timeline_position(event.id, SHOWN)
    positions = (library.timeline_position(lk.event, SHOWN) for lk in event.links)
    later = sorted(p for p in positions if p is not None and p > here)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.open_event(event.id)
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        if later:
            target = library.timeline(SHOWN)[later[0]]
            assert screen.location.event == target.id and screen.location.article == target.article
            assert screen.timeline.cursor == later[0]
            await pilot.press("left_square_bracket")
            await settle(pilot)
            back = library.event(screen.location.event or "")
            assert back is not None and library.timeline_position(back.id, SHOWN) < later[0]  # type: ignore[operator]
        else:
            assert screen.location.event == event.id


async def test_linked_events_view_explains_links(app: ReaderApp, library: Library) -> None:
    _, event_id = _linked_event(library)
    event = library.event(event_id)
    assert event is not None
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.open_event(event.id)
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, LinkedEventsScreen)
        options = modal.query_one(OptionList)
        assert options.option_count == len(event.links)
        first = options.get_option_at_index(0)
        assert first.id == event.links[0].event
        shown = first.prompt.plain if isinstance(first.prompt, Content) else str(first.prompt)
        for reason in event.links[0].reasons:
            assert reason in shown
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.location.event == event.links[0].event


def test_a_conflict_says_which_dates_disagree(library: Library) -> None:
    from kzreader.reading.annotations import Event, Link
    from kzreader.tui.screens.linked_events import LinkedEvent

    here = Event("a#1", "a", "2022-11-28", "28 listopada", 0, 5)
    there = Event("b#1", "b", "2022-11-29", "29 listopada", 0, 5)
    screen = LinkedEventsScreen(here, [LinkedEvent(Link("b#1", "conflict", ["shared: x"]), there)], {})
    text = screen._describe(screen.links[0]).plain
    assert "2022-11-28" in text and "2022-11-29" in text and "disagree" in text


# history --------------------------------------------------------------------------------
async def test_back_and_forward_drop_forward_entries(app: ReaderApp, library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        ids = [r.id for r in rows(screen)]
        a, b, c, d = ids[0], ids[1], ids[2], ids[3]
        for aid in (a, b, c):
            screen.sources.move_cursor(ids.index(aid))
            await pilot.press("enter")
            await settle(pilot)
        assert screen.location.article == c
        await pilot.press("ctrl+left")
        await settle(pilot)
        assert screen.location.article == b
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.location.article == a
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert screen.location.article == b
        screen.sources.move_cursor(ids.index(d))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.location.article == d and not screen.history.can_forward
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert screen.location.article == d
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.location.article == b


async def test_back_restores_the_entity_filter(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen.show_pane("entities")
        await pilot.press("enter")
        await settle(pilot)
        key = screen.location.filter_key
        assert key
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.location.filter_key is None
        await pilot.press("ctrl+right")
        await settle(pilot)
        assert screen.location.filter_key == key


# help, palette, quitting ------------------------------------------------------------------
async def test_help_lists_every_key(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(plain(widget) for widget in app.screen.query(Static).results(Static))
        for binding in MainScreen.BINDINGS:
            assert (binding.tooltip or binding.description) in text  # type: ignore[union-attr]
        for words in ("Next row", "Command palette", "Clear search", "Page down", "why each link"):
            assert words in text
        await pilot.press("escape")
        assert app.screen is screen
        commands = [c.title for c in app.get_system_commands(screen)]
        assert any("theme" in c.lower() for c in commands) and "Rebuild the index" in commands
        for theme in ("textual-light", "nord", "gruvbox"):
            app.theme = theme
            await pilot.pause()
            assert app.is_running and app.screen is screen


async def test_palette_opens_an_article_filters_by_entity_and_jumps_to_a_date(
    app: ReaderApp, library: Library
) -> None:
    target = library.articles()[-1]
    facet = library.entity_facets()[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("ctrl+p", *" ".join(target["title"].split()[:2]))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and screen.location.article == target["id"]

        await pilot.press("ctrl+p", *f"entity {facet['name'][:5]}")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.location.filter_key == facet["key"]

        await pilot.press("escape", "ctrl+p", *"2023")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first_2023 = next(n for n, e in enumerate(library.timeline(SHOWN)) if e.date >= "2023")
        assert screen.timeline.cursor == first_2023
        assert app.focused is screen.timeline


async def test_q_types_in_the_search_box_and_quits_elsewhere(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", "q")
        assert screen.search_bar.value == "q" and app.is_running
        await pilot.press("tab")
        assert app.focused is screen.sources
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


# small terminals ---------------------------------------------------------------------------
async def test_narrow_terminal_shows_one_pane_under_tabs(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await main_screen(pilot)
        assert screen.narrow
        shown = [p for p in ("sources", "article", "entities", "timeline") if screen.query_one(f"#{p}").display
                 and screen.query_one(f"#{p}").region.width]
        assert shown == ["sources"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is screen.article and screen.article.region.width > 70
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is screen.entity_list and screen.entity_list.region.width > 70
        assert not screen.article.region.width


# corpora that are missing, empty or hostile ---------------------------------------------------
async def test_missing_corpus_says_how_to_add_articles(tmp_path: Path) -> None:
    app = ReaderApp(tmp_path / "nowhere", tmp_path / "index")
    async with app.run_test(size=(100, 30)) as pilot:
        text = await problem_text(pilot)
        assert "does not exist" in text and ".txt" in text


async def test_empty_corpus_then_adding_an_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    app = ReaderApp(corpus, tmp_path / "index")
    async with app.run_test(size=(100, 30)) as pilot:
        assert "no articles" in await problem_text(pilot)
        (corpus / "a.txt").write_text("Tytuł\n\nPutin przyjechał do Astany w poniedziałek.\n", encoding="utf-8")
        await pilot.press("r")
        screen = await main_screen(pilot)
        assert [r.id for r in rows(screen)] == ["a"]

        app.action_rebuild()
        await until(pilot, lambda: app.screen is not screen and isinstance(app.screen, MainScreen))
        rebuilt = await main_screen(pilot)
        assert [r.id for r in rows(rebuilt)] == ["a"]


async def test_articles_added_since_the_last_run_appear(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Pierwszy\n\nPutin przyjechał do Astany.\n", encoding="utf-8")
    refresh(corpus, tmp_path / "index")
    (corpus / "b.txt").write_text("Drugi\n\nTokajew pojechał do Moskwy.\n", encoding="utf-8")
    app = ReaderApp(corpus, tmp_path / "index")
    async with app.run_test(size=(100, 30)) as pilot:
        await main_screen(pilot)
        await until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.sources.row_count == 2)
        screen = await main_screen(pilot)
        assert sorted(r.id for r in rows(screen)) == ["a", "b"]


async def test_first_launch_shows_indexing_progress(tmp_path: Path) -> None:
    seen: list[Message] = []
    app = ReaderApp(SEEDS, tmp_path / "fresh-index")
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        assert isinstance(app.screen, LoadingScreen) or any(isinstance(m, LoadingScreen.Progress) for m in seen)
        await main_screen(pilot)
    phases = {m.phase for m in seen if isinstance(m, LoadingScreen.Progress)}
    assert "analysing" in phases


HOSTILE = (
    "Ustawa [bold]gruba[/bold] i [/b] z 2024 [@click=app.quit]kliknij[/]\n\n"
    "Putin w Moskwie [red]czerwony[/red] \x1b[31mANSI\x1b[0m \x1b]52;c;ZXZpbA==\x07 schowek "
    "\u202eodwrócone\u202c [@click=app.bell]dzwon[/].\n\n"
    "Władimir Putin spotkał się 7 listopada 2025 r. z Tokajewem w Moskwie.\n"
)


async def test_markup_and_escapes_in_an_article_are_just_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (corpus / "evil.yaml").write_text(
        'title: "Tytuł [b]x[/b] [@click=app.quit]y[/]"\noutlet: "[/b]outlet\\e[31m"\ndate: 2025-11-08\n',
        encoding="utf-8",
    )
    app = ReaderApp(corpus, tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        head, body = head_text(screen), body_text(screen)
        assert "Tytuł [b]x[/b] [@click=app.quit]y[/]" in head
        assert "[/b]outlet\u241b[31m" in head
        assert "[bold]gruba[/bold] i [/b]" in body and "[@click=app.quit]kliknij[/]" in body
        assert "\x1b" not in body and "\u241b[31mANSI" in body and "\u202e" not in body
        await pilot.click("#article", offset=(10, 6))
        await pilot.click("#sources", offset=(10, 1))
        await pilot.press("slash", *"kliknij", "enter")
        await settle(pilot)
        await pilot.press("ctrl+p", *"Tytu")
        await settle(pilot)
        await pilot.press("escape")
        assert app.is_running
        assert [r.id for r in rows(screen)] == ["evil"]
