"""The app's search box: notes on how a query was read under it, and the unfinished last word as a prefix."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from kzreader.tui.app import ReaderApp
from test_tui_flows import SEEDS, main_screen, plain, rows, settle, until


@pytest.fixture
def app(seeds_index: Path) -> ReaderApp:
    return ReaderApp(SEEDS, seeds_index)


async def test_a_query_that_finds_nothing_says_why_under_the_box(app: ReaderApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"osoba:Putin Nikt", "enter")
        await settle(pilot)
        line = plain(screen.query_one("#search-error", Static))
        assert "no article has 'Nikt'" in line and screen.search_bar.has_class("-error")
        await pilot.press("escape")
        await settle(pilot)
        assert not screen.search_bar.has_class("-error")


async def test_a_lowercase_operator_gets_a_suggestion(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"putin and macron", "enter")
        await settle(pilot)
        assert "putin AND macron" in plain(screen.query_one("#search-error", Static))


async def test_while_typing_the_last_word_is_a_prefix_and_enter_runs_it_as_written(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Tokaj")
        await until(pilot, lambda: screen.hits is not None and bool(screen.hits))
        await settle(pilot)
        assert screen.hits and screen.total == app.library.search("Tokajew").total
        assert all(r.id for r in rows(screen))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.total == 0 and screen.query_text == "Tokaj"
        assert "no article has 'Tokaj'" in plain(screen.query_one("#search-error", Static))
