"""The app on text built to break terminals: zero-width characters and a 100,000-character line."""
from __future__ import annotations

from pathlib import Path

from kzreader.tui.app import ReaderApp
from test_tui_flows import body_text, head_text, main_screen, settle


async def test_zero_width_characters_and_a_huge_line_are_shown_inert(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = ("Kazachstan\u200b " * 9_100)[:100_000]
    (corpus / "wide.txt").write_text(f"Tytuł\u200d z\u2060 zerową szerokością\n\n{line}\n\nKoniec.\n", encoding="utf-8")
    app = ReaderApp(corpus, tmp_path / "index")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_screen(pilot)
        await pilot.press("enter")
        await settle(pilot)
        body = body_text(screen)
        assert "Koniec." in body and "\u200b" in body
        await pilot.press("tab", "G", "g")
        assert app.is_running


async def test_an_article_whose_file_changed_since_indexing_says_so_instead_of_showing_stale_marks(
        tmp_path: Path) -> None:
    """The index keeps no text: an article is read from its file, and an edited file is not the text indexed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Tytuł\n\nPrezydent Kazachstanu przyjechał do Astany 3 maja 2021 r.\n",
                                  encoding="utf-8")
    app = ReaderApp(corpus, tmp_path / "index")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await main_screen(pilot)
        (corpus / "a.txt").write_text("Całkiem inny tekst.\n", encoding="utf-8")
        await pilot.press("enter")
        await settle(pilot)
        assert "a.txt changed or went away since it was indexed" in head_text(screen)
        assert "Astany" not in body_text(screen) and "inny" not in body_text(screen)
        assert app.is_running
