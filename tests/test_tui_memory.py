"""What the app remembers between runs, the user's key map, and the keys that read out: `o` and `c`.

Each test runs the app on the seeds with its own config and data folders
(XDG_CONFIG_HOME and XDG_DATA_HOME point into tmp_path, see conftest.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Input, Static

from kzreader.library.citation import cite_article, cite_event
from kzreader.library.config import config_dir, data_dir
from kzreader.tui.app import ReaderApp
from kzreader.tui.keys import bindings_with_ids
from kzreader.tui.screens.help import HelpScreen
from kzreader.tui.screens.main import MainScreen
from kzreader.tui.screens.save_search import SaveSearchScreen
from tests.test_tui_flows import SEEDS, main_screen, plain, rows, settle, until

ARTICLE = "004_340609ee85e05146"


@pytest.fixture
def app(seeds_index: Path) -> ReaderApp:
    return ReaderApp(SEEDS, seeds_index)


def notices(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# the theme ------------------------------------------------------------------------------
async def test_the_theme_is_remembered(seeds_index: Path) -> None:
    first = ReaderApp(SEEDS, seeds_index)
    async with first.run_test(size=(120, 40), notifications=True) as pilot:
        await main_screen(pilot)
        first.theme = "nord"
        await pilot.pause()
    assert "theme: nord" in (config_dir() / "settings.yaml").read_text(encoding="utf-8")
    again = ReaderApp(SEEDS, seeds_index)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        await main_screen(pilot)
        assert again.theme == "nord"


async def test_an_unknown_theme_setting_starts_with_the_default(seeds_index: Path) -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "settings.yaml").write_text("theme: no-such-theme\n", encoding="utf-8")
    app = ReaderApp(SEEDS, seeds_index)
    default = app.theme
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await main_screen(pilot)
        assert app.theme == default
        assert any("no-such-theme" in n for n in notices(app))


async def test_a_damaged_settings_file_is_kept_and_the_app_starts(seeds_index: Path) -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "settings.yaml").write_text("theme: [nord\n", encoding="utf-8")
    app = ReaderApp(SEEDS, seeds_index)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await main_screen(pilot)
        assert any("settings.yaml" in n and "settings.yaml.damaged" in n for n in notices(app))
        app.theme = "nord"
        await pilot.pause()
    assert (config_dir() / "settings.yaml.damaged").read_text(encoding="utf-8") == "theme: [nord\n"
    assert "theme: nord" in (config_dir() / "settings.yaml").read_text(encoding="utf-8")


# the last article and its position --------------------------------------------------------
async def test_the_last_article_reopens_where_it_was_scrolled(seeds_index: Path) -> None:
    first = ReaderApp(SEEDS, seeds_index)
    async with first.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        index = [r.id for r in rows(screen)].index(ARTICLE)
        screen.sources.cursor = index
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        await pilot.press(*["j"] * 12)
        await pilot.pause()
        scrolled = screen.article.scroll_y
        assert scrolled > 5
        await pilot.press("q")
    state = json.loads((data_dir() / "state.json").read_text(encoding="utf-8"))
    place = state["last"][str(SEEDS.resolve())]
    assert place == {"article": ARTICLE, "scroll_y": scrolled}

    again = ReaderApp(SEEDS, seeds_index)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await until(pilot, lambda: screen.article.doc is not None and screen.article.scroll_y > 0)
        assert screen.location.article == ARTICLE and screen.article.doc is not None
        assert screen.article.doc.id == ARTICLE
        assert screen.article.scroll_y == scrolled
        assert screen.sources.row(screen.sources.cursor).id == ARTICLE

    # At 80x24 the reopened article is the pane in front.
    narrow = ReaderApp(SEEDS, seeds_index)
    async with narrow.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await until(pilot, lambda: screen.article.has_class("-active") and screen.article.scroll_y > 0)
        assert screen.article.has_class("-active") and not screen.sources.has_class("-active")
        assert screen.article.scroll_y == scrolled


async def test_a_reopened_article_loaded_before_its_pane_is_shown_keeps_its_place(
        seeds_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Narrow, the article may load before its pane comes forward: a view never shown cannot scroll yet."""
    data_dir().mkdir(parents=True)
    (data_dir() / "state.json").write_text(json.dumps({"last": {str(SEEDS.resolve()): {
        "article": ARTICLE, "scroll_y": 7}}}), encoding="utf-8")
    monkeypatch.setattr(MainScreen, "_show_resumed", lambda self: None)
    app = ReaderApp(SEEDS, seeds_index)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await until(pilot, lambda: screen.article.doc is not None)
        await settle(pilot)
        assert not screen.article.display and screen.article.scroll_y == 0
        screen.show_pane("article")
        await until(pilot, lambda: screen.article.scroll_y == 7)
        assert screen.article.scroll_y == 7


async def test_a_remembered_article_that_is_gone_is_not_reopened(seeds_index: Path) -> None:
    data_dir().mkdir(parents=True)
    (data_dir() / "state.json").write_text(json.dumps({"last": {str(SEEDS.resolve()): {
        "article": "999_gone", "scroll_y": 3}}}), encoding="utf-8")
    app = ReaderApp(SEEDS, seeds_index)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        assert screen.location.article is None and notices(app) == []


# search history ---------------------------------------------------------------------------
async def test_up_and_down_recall_earlier_searches_across_runs(seeds_index: Path) -> None:
    first = ReaderApp(SEEDS, seeds_index)
    async with first.run_test(size=(120, 40), notifications=True) as pilot:
        await main_screen(pilot)
        for query in ("Putin", "Macron", "Putin", "Tokajew"):
            await pilot.press("slash", "ctrl+a", "ctrl+k", *query, "enter")
            await settle(pilot)
    history = json.loads((data_dir() / "search-history.json").read_text(encoding="utf-8"))
    assert history == {"searches": ["Tokajew", "Putin", "Macron"]}

    again = ReaderApp(SEEDS, seeds_index)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Ros")
        box = screen.search_bar.input
        seen = []
        for key in ("up", "up", "up", "up", "down", "down", "down"):
            await pilot.press(key)
            seen.append(box.value)
        assert seen == ["Tokajew", "Putin", "Macron", "Macron", "Putin", "Tokajew", "Ros"]
        await pilot.press("up")
        await settle(pilot)
        # A recalled search runs as if typed.
        assert "Tokajew" in screen.query_text and isinstance(again.focused, Input)


# saved searches ----------------------------------------------------------------------------
async def test_a_saved_search_is_an_entry_in_sources_that_runs_it(seeds_index: Path) -> None:
    first = ReaderApp(SEEDS, seeds_index)
    async with first.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *"Tokajew")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(first.screen, SaveSearchScreen))
        await pilot.press("ctrl+a", "ctrl+k", *"Kazachstan", "enter")
        await settle(pilot)
        assert any("Kazachstan" in n for n in notices(first))
    text = (config_dir() / "searches.yaml").read_text(encoding="utf-8")
    assert "name: Kazachstan" in text and "query: Tokajew" in text

    again = ReaderApp(SEEDS, seeds_index)
    async with again.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        sources = screen.sources
        assert sources.saved_at(0) is not None and sources.saved_at(0).name == "Kazachstan"
        lines = [plain_line(sources, 0, line) for line in range(2)]
        assert "Kazachstan" in lines[0] and "Tokajew" in lines[1]
        # The cursor starts on the first article, not on the saved search.
        assert sources.cursor == 1
        await pilot.press("k", "enter")
        await settle(pilot)
        assert screen.search_bar.value == "Tokajew" and screen.query_text == "Tokajew"
        assert sources.saved_at(0) is None and screen.hits
        await pilot.press("escape")
        await settle(pilot)
        assert sources.saved_at(0) is not None

        # The command palette forgets it.
        forget = next(c for c in again.get_system_commands(screen) if c.title.startswith("Forget saved search"))
        forget.callback()
        await settle(pilot)
        assert sources.saved_at(0) is None
    assert "Kazachstan" not in (config_dir() / "searches.yaml").read_text(encoding="utf-8")


def plain_line(widget: object, index: int, line: int) -> str:
    return widget.row_line(index, line, 60).plain  # type: ignore[attr-defined]


async def test_saving_with_no_search_says_so(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await main_screen(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("Search for something first" in n for n in notices(app))


# the key map -------------------------------------------------------------------------------
def test_every_binding_has_an_id_for_the_key_map() -> None:
    import kzreader.tui.app  # noqa: F401  (imports every screen and widget)
    from kzreader.tui.screens.linked_events import LinkedEventsScreen
    from kzreader.tui.widgets.virtual_list import VirtualList

    classes = [ReaderApp, MainScreen, HelpScreen, LinkedEventsScreen, SaveSearchScreen, VirtualList]
    from textual.dom import DOMNode

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    ours = [c for c in subclasses(DOMNode) if c.__module__.startswith("kzreader.")]
    assert set(classes) <= set(ours)
    missing = [f"{c.__name__}: {b.key}" for c in ours for b in c.__dict__.get("BINDINGS", ())
               if isinstance(b, Binding) and not b.id]
    assert missing == []
    assert {"main.search", "app.cite", "app.open-address", "search.older"} <= set(bindings_with_ids())


async def test_a_key_map_rebinds_and_a_bad_entry_keeps_the_default(app: ReaderApp) -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "keys.yaml").write_text(
        "main.search: ctrl+g\nmain.no-such-thing: x\nmain.overview: 'ctrl+'\n", encoding="utf-8")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        problems = notices(app)
        assert any("main.no-such-thing" in n for n in problems)
        assert any("main.overview" in n and "ctrl+" in n for n in problems)
        await pilot.press("ctrl+g", *"Putin")
        assert isinstance(app.focused, Input) and screen.search_bar.value == "Putin"
        await pilot.press("escape", "tab")
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = "\n".join(plain(s) for s in app.screen.query(Static).results(Static))
        assert "keys.yaml" in help_text and "main.search" in help_text
        assert f"{app.get_key_display(Binding('ctrl+g', ''))}\nSearch the articles" in help_text


async def test_a_key_map_that_is_not_yaml_never_stops_the_start(app: ReaderApp) -> None:
    config_dir().mkdir(parents=True)
    (config_dir() / "keys.yaml").write_text("main.search: [ctrl+f\n", encoding="utf-8")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        assert any("keys.yaml" in n for n in notices(app))
        await pilot.press("slash", *"Putin")
        assert screen.search_bar.value == "Putin"
    assert (config_dir() / "keys.yaml").read_text(encoding="utf-8") == "main.search: [ctrl+f\n"


# o and c ------------------------------------------------------------------------------------
async def open_article(pilot, screen: MainScreen, article: str) -> None:  # type: ignore[no-untyped-def]
    screen.sources.cursor = [r.id for r in rows(screen)].index(article)
    await pilot.press("enter")
    await settle(pilot)


async def test_o_opens_the_article_address(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("o")
        assert opened == [] and any("Open an article first" in n for n in notices(app))
        await open_article(pilot, screen, ARTICLE)
        await pilot.press("o")
        url = next(s for s in screen.summary_list if s["id"] == ARTICLE)["url"]
        assert url and opened == [url]

        next(s for s in screen.summary_list if s["id"] == ARTICLE)["url"] = None
        await pilot.press("o")
        assert opened == [url] and any("no address" in n for n in notices(app))


async def test_c_copies_a_citation_of_the_article_or_the_event(app: ReaderApp,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("c")
        assert copied == []
        await open_article(pilot, screen, ARTICLE)
        await pilot.press("c")
        summary = next(s for s in screen.summary_list if s["id"] == ARTICLE)
        assert copied == [cite_article(summary)]
        assert any(n.startswith("Copied a citation of the article") for n in notices(app))

        screen.show_pane("timeline")
        await settle(pilot)
        event = screen.timeline.event
        assert event is not None
        await pilot.press("c")
        event_summary = next(s for s in screen.summary_list if s["id"] == event.article)
        assert copied[-1] == cite_event(event_summary, event.sentence) and event.sentence in copied[-1]
        assert any(n.startswith("Copied a citation of the event") for n in notices(app))


async def test_o_and_c_do_not_act_under_the_help_screen(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await main_screen(pilot)
        await open_article(pilot, screen, ARTICLE)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("c")
        assert copied == []
