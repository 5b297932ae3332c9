"""How fast the terminal app answers, headless: prints one JSON object.

    python benchmarks/tui_bench.py [--corpus seeds] [--index DIR] [--runs 5]

- first_paint_ms: from creating the app to the main screen painted with its
  sources (the index already built; building it is not timed).
- search_typed_ms: from the last keystroke of a query to its results shown,
  debounce included (what a reader typing sees).
- search_enter_ms: from Enter to the results shown (no debounce).
- app_peak_rss_mb: the most memory the process held by then (the app
  opened on the index, painted and searched, several times over).
- sources_100k_ms / timeline_1m_jump_ms: 100,000 synthetic articles (one in
  ten a copy) arranged and shown, and a jump to the end of 1,000,000 events
  paged from a fake store.

Medians over the runs, in milliseconds.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.worker import WorkerState  # noqa: E402

from kzreader.index.indexer import refresh  # noqa: E402
from kzreader.reading.annotations import Event  # noqa: E402
from kzreader.tui.app import ReaderApp  # noqa: E402
from kzreader.tui.screens.main import MainScreen  # noqa: E402
from kzreader.tui.widgets.source_list import SourceList, arrange  # noqa: E402
from kzreader.tui.widgets.timeline_list import TimelineList  # noqa: E402

SIZE = (120, 40)


async def _until(pilot: Pilot[Any], condition: Callable[[], bool], what: str, seconds: float = 300.0) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what}: not after {seconds:.0f} s")
        await pilot.pause(0.01)


async def _settle(pilot: Pilot[Any]) -> None:
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in pilot.app.workers):
            return


async def first_paint(corpus: Path, index: Path) -> float:
    started = time.perf_counter()
    app = ReaderApp(corpus, index)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, MainScreen) and bool(app.screen.query("#sources"))
                     and app.screen.sources.row_count > 0, "the sources painted")
        await pilot.pause()
        elapsed = time.perf_counter() - started
        await _settle(pilot)
    return elapsed


async def search(corpus: Path, index: Path, query: str, commit: bool) -> float:
    app = ReaderApp(corpus, index)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, MainScreen) and bool(app.screen.query("#sources")),
                     "the main screen")
        await _settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", *query[:-1])
        if commit:
            await pilot.press(query[-1])
            started = time.perf_counter()
            await pilot.press("enter")
        else:
            started = time.perf_counter()
            await pilot.press(query[-1])
        # A query that finds nothing while typed is searched as a prefix too (`Tokaj` -> `Tokaj*`).
        searched = {query, screen.library.while_typing(query)}
        await _until(pilot, lambda: screen.query_text in searched and screen.hits is not None, f"results for {query}")
        await pilot.pause()
        elapsed = time.perf_counter() - started
        await _settle(pilot)
    return elapsed


class _ListApp(App[None]):
    def __init__(self, widget: Any) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def sources_100k() -> float:
    summaries = {
        f"a{n}": {"id": f"a{n}", "title": f"Tytuł artykułu numer {n} o czymś ważnym", "date": "2024-01-01",
                  "outlet": "outlet.pl", "duplicate_of": f"a{n - 1}" if n % 10 == 1 else None}
        for n in range(100_000)
    }
    widget = SourceList(summaries)
    async with _ListApp(widget).run_test(size=SIZE) as pilot:
        started = time.perf_counter()
        widget.show(arrange(summaries, summaries))
        await pilot.pause()
        return time.perf_counter() - started


async def timeline_1m_jump() -> float:
    def fetch(offset: int, limit: int) -> Sequence[Event]:
        return [Event(f"x#{n}", f"a{n % 97}", "2024-05", "w maju", 0, 6, "month", label=f"zdarzenie {n}")
                for n in range(offset, min(offset + limit, 1_000_000))]

    widget = TimelineList()
    app = _ListApp(widget)
    async with app.run_test(size=SIZE) as pilot:
        widget.show(1_000_000, fetch, {})
        await _settle(pilot)
        started = time.perf_counter()
        await pilot.press("G")
        await _until(pilot, lambda: widget.event is not None and widget.event.id == "x#999999", "the last event")
        await pilot.pause()
        return time.perf_counter() - started


def _peak_rss_mb() -> float:
    """The most memory this process has held so far (VmHWM): the app opened on the index and searched."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


async def main(corpus: Path, index: Path | None, runs: int, query: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        if index is None:
            index = Path(scratch) / "index"
            refresh(corpus, index)
        await first_paint(corpus, index)  # warm imports and caches, as a second launch would be
        results = {
            "corpus": str(corpus),
            "runs": runs,
            "query": query,
            "first_paint_ms": _median_ms([await first_paint(corpus, index) for _ in range(runs)]),
            "search_typed_ms": _median_ms([await search(corpus, index, query, False) for _ in range(runs)]),
            "search_enter_ms": _median_ms([await search(corpus, index, query, True) for _ in range(runs)]),
            # Read before the synthetic lists below, which are this script's, not the app's.
            "app_peak_rss_mb": _peak_rss_mb(),
            "sources_100k_ms": _median_ms([await sources_100k() for _ in range(runs)]),
            "timeline_1m_jump_ms": _median_ms([await timeline_1m_jump() for _ in range(runs)]),
        }
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--index", type=Path, help="a built index (default: build one in a temporary folder)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", default="Tokajew")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.corpus, args.index, args.runs, args.query)), indent=1))
