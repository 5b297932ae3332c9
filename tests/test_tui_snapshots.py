"""SVG snapshots of the main screen (wide and narrow), a search result and the linked-events view.

Snapshot tests must be plain `def` (pytest-textual-snapshot runs its own
event loop). Review changes to the SVGs like code: `pytest --snapshot-update`
rewrites them, `snapshot_report.html` shows a failing one beside the old.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerState

from kzreader.library import Library
from kzreader.tui.app import ReaderApp
from kzreader.tui.screens.main import MainScreen

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


async def settle(pilot: Pilot[Any]) -> None:
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in pilot.app.workers):
            return


async def ready(pilot: Pilot[Any]) -> MainScreen:
    for _ in range(1000):
        if isinstance(pilot.app.screen, MainScreen):
            break
        await pilot.pause(0.02)
    await settle(pilot)
    for box in pilot.app.query(Input):
        # A blinking cursor would make the picture depend on when it is taken.
        box.cursor_blink = False
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


def steps(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_main_screen_wide(snap_compare: Any, seeds_index: Path) -> None:
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(120, 40), run_before=steps("enter"))


def test_main_screen_narrow(snap_compare: Any, seeds_index: Path) -> None:
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(80, 24), run_before=steps("enter"))


def test_search_result(snap_compare: Any, seeds_index: Path) -> None:
    keys = ("slash", *"Putin", "enter", "enter")
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(120, 40), run_before=steps(*keys))


def test_linked_events_view(snap_compare: Any, seeds_index: Path, seeds_library: Library) -> None:
    event = next((e for e in seeds_library.timeline() if e.links), None)
    if event is None:
        pytest.skip("the seeds have no linked events")

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await ready(pilot)
        screen.open_event(event.id)
        await settle(pilot)
        # The article scrolls to the event after it is laid out: wait until it has moved, no animation
        # runs, and it stands still for three looks (one equal look passed mid-scroll on a busy CI run).
        still = 0
        for _ in range(200):
            before = screen.article.scroll_y
            await pilot.pause(0.05)
            moving = pilot.app.animator.is_being_animated(screen.article, "scroll_y")
            still = still + 1 if before > 0 and screen.article.scroll_y == before and not moving else 0
            if still == 3:
                break
        await pilot.press("l")
        await settle(pilot)
        await pilot.wait_for_animation()

    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(120, 40), run_before=run_before)


def test_corpus_at_a_glance_wide(snap_compare: Any, seeds_index: Path) -> None:
    # No article open: the entities of the corpus, and the coverage of every event by month.
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(120, 40), run_before=steps())


def test_coverage_by_year_wide(snap_compare: Any, seeds_index: Path) -> None:
    keys = ("tab", "tab", "tab", "y", "left")
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(120, 40), run_before=steps(*keys))


def test_coverage_narrow(snap_compare: Any, seeds_index: Path) -> None:
    keys = ("shift+tab", "shift+tab", "d")
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(80, 24), run_before=steps(*keys))


def test_who_appears_with_whom_narrow(snap_compare: Any, seeds_index: Path) -> None:
    keys = ("tab", "tab", "w")
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(80, 24), run_before=steps(*keys))


def test_result_opens_at_its_hit_narrow(snap_compare: Any, seeds_index: Path) -> None:
    """80x24: a phrase searched, the first result opened: the phrase is on screen, marked as the current hit."""
    keys = ("slash", *'"elektrownia atomowa"', "enter", "enter")
    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(80, 24), run_before=steps(*keys))


def test_find_in_a_light_theme_wide(snap_compare: Any, seeds_index: Path) -> None:
    """A light theme's colours, the find box open with its matches marked, and search rows with snippets."""
    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "atom-one-light"
        await steps("slash", *"Putin", "enter", "enter", "f", *"rosj", "enter")(pilot)
        for box in pilot.app.query(Input):
            box.cursor_blink = False

    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(120, 40), run_before=run_before)


def test_correction_dialog_merge_filters_as_you_type(snap_compare: Any, seeds_index: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZREADER_CORRECTIONS", str(tmp_path / "none.yaml"))

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await ready(pilot)
        screen.show_pane("entities")
        screen.overview.focus()
        await pilot.press("J")
        await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.press("k", "a")
        await settle(pilot)

    assert snap_compare(ReaderApp(SEEDS, seeds_index), terminal_size=(100, 30), run_before=run_before)
