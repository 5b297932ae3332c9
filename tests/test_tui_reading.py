"""From a result to the hit and back, at 80x24 as a new reader meets it: hits, the find, snippets, hidden panes."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from kzreader.library import Library
from kzreader.tui.app import ReaderApp
from kzreader.tui.screens.main import MainScreen
from kzreader.tui.widgets.article_view import ArticleView
from test_tui_flows import SEEDS, main_screen, settle, until

NARROW = (80, 24)


@pytest.fixture
def app(seeds_index: Path) -> ReaderApp:
    return ReaderApp(SEEDS, seeds_index)


def on_screen(article: ArticleView, offset: int) -> bool:
    """Whether the line holding character `offset` is inside the article's visible lines."""
    assert article.doc is not None
    index = article.doc.paragraph_at(offset)
    paragraph = article.query(".paragraph")[index]
    start, end = article.doc.paragraphs[index]
    line = paragraph.virtual_region.y + int((offset - start) / max(end - start, 1) * paragraph.virtual_region.height)
    top = article.scroll_y
    return top <= line < top + article.scrollable_content_region.height


def line_text(widget: object, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))  # type: ignore[attr-defined]


async def search_and_open(pilot, query: str) -> MainScreen:  # type: ignore[no-untyped-def]
    screen = await main_screen(pilot)
    await pilot.press("slash", *query, "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.pause()
    return screen


async def test_a_result_opens_at_its_first_hit(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await search_and_open(pilot, '"elektrownia atomowa"')
        article = screen.article
        assert article.has_class("-active") and article.doc is not None
        assert article.targets and article.current == 0
        start, end = article.targets[0]
        assert article.doc.record.text[start:end].lower().startswith("elektrowni")
        assert article.scroll_y > 0 and on_screen(article, start)
        assert "hit 1 of" in str(article.border_subtitle)


async def test_n_steps_through_the_hits_then_on_to_the_next_result_and_N_back(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await search_and_open(pilot, "Putin")
        article = screen.article
        first = screen.location.article
        hits = len(article.targets)
        assert hits > 1 and article.current == 0
        await pilot.press("n")
        assert article.current == 1 and on_screen(article, article.targets[1][0])
        for _ in range(hits - 1):
            await pilot.press("n")
        await settle(pilot)
        await pilot.pause()
        ids = screen.sources.article_ids
        assert screen.location.article == ids[ids.index(first) + 1]
        assert article.current == 0 and on_screen(article, article.targets[0][0])
        assert screen.sources.row(screen.sources.cursor).id == screen.location.article

        await pilot.press("N")
        await settle(pilot)
        await pilot.pause()
        assert screen.location.article == first and article.current == hits - 1


async def test_the_help_screen_says_what_n_and_m_step_through(app: ReaderApp) -> None:
    keys = {b.key: (b.tooltip or b.description) for b in MainScreen.BINDINGS if hasattr(b, "key")}
    assert "hit" in keys["n"].lower() and "next result" in keys["n"].lower()
    assert "mention" in keys["m"].lower()
    assert "find" in keys["f,ctrl+f"].lower()


async def test_find_in_the_article_marks_and_steps(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article = screen.article
        text = article.doc.record.text.lower()
        await pilot.press("f", *"rosj")
        assert isinstance(app.focused, Input) and app.focused.id == "find-input"
        found = article.targets
        assert article.find_text == "rosj" and len(found) >= 3
        assert all(text[s:e] == "rosj" for s, e in found)
        assert article.current == 0 and on_screen(article, found[0][0])
        await pilot.press("enter")
        assert article.current == 1
        await pilot.press("escape")
        assert app.focused is article and article.find_text == "rosj"
        await pilot.press("n")
        assert article.current == 2 % len(found)
        await pilot.press("escape")
        assert article.find_text == "" and not article.targets


async def test_a_find_ignores_case_and_polish_letters(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f", *"ROSJA")
        article = screen.article
        words = {article.doc.record.text[s:e] for s, e in article.targets}
        assert words and all(w.lower().replace("ą", "a") == "rosja" for w in words)


async def test_each_result_row_has_its_best_snippet_and_hit_count(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("slash", *'"elektrownia atomowa"', "enter")
        await settle(pilot)
        sources = screen.sources
        await until(pilot, lambda: "elektrowni" in "\n".join(line_text(sources, y) for y in range(8)).lower())
        lines = [line_text(sources, y) for y in range(sources.row_height(0))]
        assert "1 hit" in lines[-2]
        assert "elektrownię atomową" in lines[-1]


async def test_a_title_that_fits_leaves_no_blank_line(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        sources = screen.sources
        width = sources.scrollable_content_region.width
        for index in range(sources.row_count):
            top = sources.row_top(index) - sources.scroll_offset.y
            if not 0 <= top < sources.scrollable_content_region.height - sources.row_height(index):
                continue
            lines = [line_text(sources, top + n).strip() for n in range(sources.row_height(index))]
            assert all(lines), (index, lines)
        short = [i for i in range(sources.row_count) if len(sources.row(i).title) < width - 4]
        assert short and sources.row_height(short[0]) == 2


async def test_pane_titles_put_the_count_first(app: ReaderApp, seeds_library: Library) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        assert str(screen.sources.border_title).startswith(f"{len(seeds_library.articles())} sources")
        assert str(screen.timeline.border_title)[0].isdigit()
        await pilot.press("slash", *"Putin", "enter")
        await settle(pilot)
        assert str(screen.sources.border_title).split()[0].isdigit()


async def test_every_entity_group_header_shows_on_the_entities_tab(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        entities = screen.entity_list
        assert screen.entity_pane.has_class("-active") and entities.row_count
        assert entities.scroll_offset.y == 0
        assert line_text(entities, 0).strip().startswith("person (")


async def test_a_key_for_the_article_brings_the_hidden_article_forward(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert not screen.article.has_class("-active")
        await pilot.press("n")
        assert screen.article.has_class("-active") and screen.location.mention == 0
        await pilot.press("tab")
        assert not screen.article.has_class("-active")
        await pilot.press("m")
        assert screen.article.has_class("-active") and screen.location.mention == 1
