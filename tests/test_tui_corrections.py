"""Corrections in the app, with Pilot: from the key to the changed screen, and back with `u`."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from kzreader.index.indexer import refresh
from kzreader.library import Library, TimelineFilter
from kzreader.library import corrections as fixes
from kzreader.tui.app import ReaderApp
from kzreader.tui.screens.correction import AskText, PickOne
from kzreader.tui.screens.main import MainScreen
from tests.test_tui_flows import main_screen, settle, until

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MACRON, TRUMP = "person:emmanuel macron", "person:donald trump"


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ReaderApp, Path, Path]:
    """An app on its own index (corrections rewrite it) and its own corrections file."""
    index_dir, path = tmp_path / "ix", tmp_path / "fixes.yaml"
    refresh(SEEDS, index_dir)
    monkeypatch.setenv("KZREADER_CORRECTIONS", str(path))
    return ReaderApp(SEEDS, index_dir), index_dir, path


async def on_entity(pilot, screen: MainScreen, key: str) -> None:
    screen.show_pane("entities")
    await until(pilot, lambda: bool(screen.overview.ranking))
    screen.overview.cursor = next(i for i, r in enumerate(screen.overview.ranking) if r.key == key)
    screen.overview.focus()
    await pilot.pause()


def ranked(screen: MainScreen) -> dict[str, str]:
    return {r.key: r.name for r in screen.overview.ranking}


async def test_rename_from_the_key_to_the_changed_screen_and_undo(own) -> None:
    app, index_dir, path = own
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await on_entity(pilot, screen, MACRON)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, AskText))
        field = app.screen.query_one(Input)
        assert field.value == "Emmanuel Macron"
        field.value = "Manu Macron"
        await pilot.press("enter")
        await until(pilot, lambda: ranked(screen).get(MACRON) == "Manu Macron")
        await settle(pilot)
        assert ranked(screen)[MACRON] == "Manu Macron"
        assert screen.overview.entity.key == MACRON  # the cursor stays on the entity corrected
        assert [c.kind for c in fixes.load(path).corrections] == ["rename"]
        # Search in the app follows at once.
        assert screen.library.matching_ids('person:"Manu Macron"')
        await pilot.press("u")
        await until(pilot, lambda: ranked(screen).get(MACRON) == "Emmanuel Macron")
        assert fixes.load(path).corrections == []


async def test_merge_chosen_from_a_list_that_filters_as_you_type(own) -> None:
    app, index_dir, path = own
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        await on_entity(pilot, screen, MACRON)
        await pilot.press("J")
        await until(pilot, lambda: isinstance(app.screen, PickOne))
        dialog = app.screen
        await pilot.press(*"trump")
        await pilot.pause()
        options = dialog.query_one(OptionList)
        assert options.option_count == 1 and "Trump" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await until(pilot, lambda: MACRON not in ranked(screen))
        assert set(screen.library.matching_ids("person:Macron")) == set(screen.library.articles_with_entity(TRUMP))


async def test_a_wrong_link_taken_out_from_the_timeline(own) -> None:
    app, index_dir, path = own
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await main_screen(pilot)
        lib: Library = screen.library
        events = lib.timeline(TimelineFilter(fold_copies=True))
        at = next(i for i, ev in enumerate(events) if ev.links)
        event = events[at]
        screen.show_pane("timeline")
        screen.timeline.move_cursor(at)
        screen.timeline.focus()
        await settle(pilot)
        assert screen.timeline.event.id == event.id
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, PickOne))
        await pilot.press("enter")
        gone = event.links[0].event
        await until(pilot, lambda: gone not in {lk.event for lk in lib.event(event.id).links})
        assert [c.kind for c in fixes.load(path).corrections] == ["unlink"]
        assert isinstance(app.screen, MainScreen)
