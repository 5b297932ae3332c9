"""The app on text built to break terminals: zero-width characters and a 100,000-character line."""
from __future__ import annotations

from pathlib import Path

from kzreader.tui.app import ReaderApp
from test_tui_flows import body_text, main_screen, settle


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
