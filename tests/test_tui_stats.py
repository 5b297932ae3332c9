"""The corpus at a glance in the app: the coverage histogram and its keys, the entity ranking, who appears with whom."""
from __future__ import annotations

from pathlib import Path

import pytest

from kzreader.library import Library, TimelineFilter
from kzreader.library.stats import EntityStat, Together, bars
from kzreader.tui.app import ReaderApp
from kzreader.tui.widgets.coverage import Coverage
from test_tui_flows import SEEDS, main_screen, settle, until


@pytest.fixture
def app(seeds_index: Path) -> ReaderApp:
    return ReaderApp(SEEDS, seeds_index)


def whole() -> TimelineFilter:
    return TimelineFilter(fold_copies=True)


# coverage ------------------------------------------------------------------------------------
async def test_coverage_counts_the_timeline_by_month(app: ReaderApp, seeds_library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        coverage = screen.coverage
        assert coverage.by == "month"
        assert sum(b.events for b in coverage.bars) == seeds_library.timeline_count(whole())
        assert coverage.bars == bars(seeds_library.coverage(whole()), "month")
        # The cursor starts on the busiest period, and the pane says which and how many.
        assert coverage.bar is not None and coverage.bar.events == max(b.events for b in coverage.bars)
        assert coverage.bar.period in str(coverage.render())


@pytest.mark.parametrize(("key", "period"), [("d", "day"), ("w", "week"), ("y", "year"), ("m", "month")])
async def test_period_keys(app: ReaderApp, seeds_library: Library, key: str, period: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.show_pane("coverage")
        if key == "m":
            await pilot.press("y")
        here = screen.coverage.bar
        assert here is not None
        await pilot.press(key)
        coverage = screen.coverage
        assert coverage.by == period and coverage.bars == bars(seeds_library.coverage(whole()), period)
        # The cursor stays on the date it was on.
        assert coverage.bar is not None and coverage.bar.start <= max(here.start, coverage.bars[0].start)
        assert f"by {period}" in str(coverage.border_title)


async def test_cursor_keys_move_along_the_periods(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.show_pane("coverage")
        coverage = screen.coverage
        await pilot.press("home")
        assert coverage.cursor == 0
        await pilot.press("right", "right")
        assert coverage.cursor == 2
        await pilot.press("left")
        assert coverage.cursor == 1
        await pilot.press("end")
        assert coverage.cursor == len(coverage.bars) - 1
        await pilot.press("right")
        assert coverage.cursor == len(coverage.bars) - 1


async def test_enter_moves_the_timeline_to_the_period(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.show_pane("coverage")
        await pilot.press("y")
        coverage = screen.coverage
        target = next(i for i, b in enumerate(coverage.bars) if b.events and i > 0)
        coverage.cursor = target
        await pilot.press("enter")
        await settle(pilot)
        event = screen.timeline.event
        assert screen.focused is screen.timeline
        assert event is not None and event.date[:4] == coverage.bars[target].start[:4]


async def test_a_click_on_a_bar_moves_the_timeline(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        coverage = screen.coverage
        coverage.action_period("year")
        await pilot.pause()
        last = len(coverage.bars) - 1
        column = min(last, coverage.content_region.width - 1)
        await pilot.click(Coverage, offset=(1 + column, 1 + 2))
        await settle(pilot)
        assert coverage.cursor == coverage._first + column
        event = screen.timeline.event
        assert event is not None and event.date[:4] >= coverage.bars[coverage.cursor].start[:4]


async def test_coverage_follows_the_search_and_the_entity(app: ReaderApp, seeds_library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Erywań", "enter")
        await until(pilot, lambda: screen.query_text == "Erywań")
        await settle(pilot)
        flt = TimelineFilter(query="Erywań", fold_copies=True)
        assert sum(b.events for b in screen.coverage.bars) == seeds_library.timeline_count(flt)
        assert 0 < sum(b.events for b in screen.coverage.bars) < seeds_library.timeline_count(whole())


# who is in it --------------------------------------------------------------------------------
async def test_the_corpus_entities_show_while_no_article_is_open(app: ReaderApp, seeds_library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        pane = screen.entity_pane
        assert pane.current == "overview" and "in the corpus" in str(pane.border_title)
        rows = screen.overview.ranking
        assert rows == seeds_library.top_entities(None, len(rows))
        assert [r.articles for r in rows] == sorted((r.articles for r in rows), reverse=True)
        screen.show_pane("entities")
        assert screen.focused is screen.overview
        await pilot.press("j", "enter")
        await settle(pilot)
        chosen = rows[1]
        assert screen.location.filter_key == chosen.key
        assert chosen.name in str(screen.timeline.border_title)


async def test_sparklines_arrive_for_the_rows_drawn(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await settle(pilot)
        top = screen.overview.ranking[0]
        cells = screen.overview._trends.get(top.key)
        assert cells is not None and sum(cells) > 0
        line = screen.overview.row_line(0, 1, 40).plain
        assert top.type in line and any(ch in line for ch in "▁▂▃▄▅▆▇█")


async def test_e_toggles_between_the_article_and_the_corpus(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("e")  # no article yet: nothing to switch to, and it says so
        assert screen.entity_pane.current == "overview"
        screen.show_pane("sources")
        await pilot.press("enter")
        await settle(pilot)
        pane = screen.entity_pane
        assert pane.current == "entity-list" and str(pane.border_title) == "Entities"
        await pilot.press("e")
        assert pane.current == "overview"
        await pilot.press("e")
        assert pane.current == "entity-list"


async def test_the_search_ranks_the_entities_of_its_results(app: ReaderApp, seeds_library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Erywań", "enter")
        await until(pilot, lambda: screen.query_text == "Erywań")
        await settle(pilot)
        assert screen.overview.ranking == seeds_library.top_entities("Erywań", len(screen.overview.ranking))
        assert "in the results" in str(screen.entity_pane.border_title)


# who appears with whom -------------------------------------------------------------------------
async def test_w_lists_who_shares_events_and_enter_shows_them(app: ReaderApp, seeds_library: Library) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        screen.show_pane("entities")
        overview = screen.overview
        first = overview.ranking[0]
        assert isinstance(first, EntityStat)
        await pilot.press("w")
        await settle(pilot)
        assert overview.chosen == (first.key, first.name)
        assert overview.together == seeds_library.together([first.key], None, len(overview.together))
        title = str(screen.entity_pane.border_title)
        assert title.startswith("With") and first.name in title
        other = overview.entity
        assert isinstance(other, Together)
        await pilot.press("enter")
        await settle(pilot)
        assert (screen.location.filter_key, screen.location.with_key) == (first.key, other.key)
        assert screen.focused is screen.timeline
        shared = TimelineFilter(entity=first.name, with_entity=other.name, fold_copies=True)
        assert screen.timeline.row_count == seeds_library.timeline_count(shared) > 0
        assert sum(b.events for b in screen.coverage.bars) == screen.timeline.row_count
        # Escape clears the pair with the filter.
        await pilot.press("escape")
        await settle(pilot)
        assert screen.location.with_key is None and screen.location.filter_key is None
        screen.show_pane("entities")
        await pilot.press("w")
        assert overview.chosen is None and overview.entity == first


async def test_w_from_the_articles_entities(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen.show_pane("entities")
        entity = screen.entity_list.entity
        assert entity is not None
        await pilot.press("w")
        await settle(pilot)
        assert screen.entity_pane.current == "overview" and screen.overview.chosen == (entity.key, entity.name)


async def test_narrow_the_coverage_shares_the_timeline_tab(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await main_screen(pilot)
        screen.show_pane("timeline")
        await pilot.pause()
        assert screen.coverage.display and screen.timeline.display
        assert screen.query_one("#pane-tabs").active == "tab-timeline"
        await pilot.press("shift+tab")
        assert screen.focused is screen.coverage and screen.timeline.display
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.focused is screen.overview and not screen.coverage.display
