"""What the app keeps between runs, in the user's own files: read forgivingly, written atomically, never lost."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kzreader.library import userfiles
from kzreader.library.citation import cite_article, cite_event
from kzreader.library.config import config_dir, data_dir
from kzreader.library.keymap import read_keymap
from kzreader.library.memory import Memory
from kzreader.library.searches import HISTORY_LIMIT, HistoryFile, Recall, SavedSearchesFile, SearchHistory
from kzreader.library.settings import Place, PlacesFile, Settings, SettingsFile


def test_folders_follow_xdg(user_folders: Path) -> None:
    assert config_dir() == user_folders / "config" / "kzreader"
    assert data_dir() == user_folders / "data" / "kzreader"


def test_folders_default_to_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_dir() == tmp_path / ".config" / "kzreader"
    assert data_dir() == tmp_path / ".local" / "share" / "kzreader"


def test_nothing_saved_yet_means_defaults_and_no_files(user_folders: Path) -> None:
    memory = Memory()
    assert memory.settings.settings == Settings()
    assert memory.places.last(Path("seeds")) is None
    assert memory.history.history.entries == []
    assert memory.saved.saved == []
    assert memory.notices == []
    assert not user_folders.exists()


def test_settings_round_trip_as_readable_yaml(tmp_path: Path) -> None:
    SettingsFile(tmp_path).save(Settings(theme="nord"))
    text = (tmp_path / "settings.yaml").read_text(encoding="utf-8")
    assert text.startswith("# kzreader settings") and "theme: nord" in text
    assert SettingsFile(tmp_path).settings.theme == "nord"


def test_places_are_per_corpus(tmp_path: Path) -> None:
    places = PlacesFile(tmp_path)
    places.save(Path("/news/a"), Place("001_x", 12.0))
    places.save(Path("/news/b"), Place("002_y", 0.0))
    again = PlacesFile(tmp_path)
    assert again.last(Path("/news/a")) == Place("001_x", 12.0)
    assert again.last(Path("/news/b")) == Place("002_y", 0.0)
    again.save(Path("/news/a"), None)
    assert PlacesFile(tmp_path).last(Path("/news/a")) is None
    assert json.loads((tmp_path / "state.json").read_text())["last"]


def test_history_is_newest_first_deduplicated_and_bounded() -> None:
    history = SearchHistory(limit=3)
    for query in ["Putin", "Macron", " Putin ", "", "Tokajew", "Astana"]:
        history.add(query)
    assert history.entries == ["Astana", "Tokajew", "Putin"]


def test_history_file_round_trip(tmp_path: Path) -> None:
    HistoryFile(tmp_path).add("Putin")
    HistoryFile(tmp_path).add("Macron")
    HistoryFile(tmp_path).add("Putin")
    assert HistoryFile(tmp_path).history.entries == ["Putin", "Macron"]
    assert HistoryFile(tmp_path).history.limit == HISTORY_LIMIT


def test_recall_walks_older_then_newer_back_to_the_draft() -> None:
    recall = Recall(SearchHistory(["c", "b", "a"]))
    assert recall.newer() is None
    assert recall.older("dra") == "c"
    assert recall.older("c") == "b"
    assert recall.older("b") == "a"
    assert recall.older("a") is None
    assert recall.newer() == "b"
    assert recall.newer() == "c"
    assert recall.newer() == "dra"
    assert recall.newer() is None


def test_recall_skips_the_query_already_in_the_box() -> None:
    recall = Recall(SearchHistory(["Putin", "Macron"]))
    assert recall.older("Putin") == "Macron"


def test_saved_searches_keep_order_and_replace_by_name(tmp_path: Path) -> None:
    saved = SavedSearchesFile(tmp_path)
    assert saved.save("Kazachstan", "Tokajew OR Astana") is False
    assert saved.save("", "person:Putin") is False
    assert saved.save("Kazachstan", "Tokajew") is True
    again = SavedSearchesFile(tmp_path)
    assert [(s.name, s.query) for s in again.saved] == [("Kazachstan", "Tokajew"), ("person:Putin", "person:Putin")]
    assert again.remove("Kazachstan") and not again.remove("Kazachstan")
    assert [s.name for s in SavedSearchesFile(tmp_path).saved] == ["person:Putin"]
    with pytest.raises(ValueError):
        again.save("empty", "  ")


def test_a_hand_written_saved_search_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "searches.yaml").write_text("- name: Ukraina\n  query: Ukraina AND Rosja\n- query: Przewodów\n",
                                            encoding="utf-8")
    saved = SavedSearchesFile(tmp_path)
    assert saved.notice is None
    assert [(s.name, s.query) for s in saved.saved] == [("Ukraina", "Ukraina AND Rosja"), ("Przewodów", "Przewodów")]


@pytest.mark.parametrize("name, text", [
    ("settings.yaml", "theme: [unclosed\n"),
    ("settings.yaml", "- a list\n"),
    ("searches.yaml", "name: not a list\n"),
    ("searches.yaml", "- name: no query\n"),
])
def test_a_damaged_config_file_is_kept_aside_and_defaults_used(user_folders: Path, name: str, text: str) -> None:
    folder = user_folders / "config" / "kzreader"
    folder.mkdir(parents=True)
    (folder / name).write_text(text, encoding="utf-8")
    memory = Memory()
    assert len(memory.notices) == 1 and name in memory.notices[0] and f"{name}.damaged" in memory.notices[0]
    assert memory.settings.settings == Settings() and memory.saved.saved == []
    assert (folder / f"{name}.damaged").read_text(encoding="utf-8") == text
    # Saving afterwards writes a fresh file and leaves the damaged one as it was.
    memory.settings.save(Settings(theme="nord"))
    memory.saved.save("x", "Putin")
    assert (folder / f"{name}.damaged").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", ["state.json", "search-history.json"])
def test_a_damaged_data_file_is_kept_aside(user_folders: Path, name: str) -> None:
    folder = user_folders / "data" / "kzreader"
    folder.mkdir(parents=True)
    (folder / name).write_text('{"last": ', encoding="utf-8")
    (folder / f"{name}.damaged").write_text("an older damaged copy", encoding="utf-8")
    memory = Memory()
    assert len(memory.notices) == 1 and f"{name}.damaged-2" in memory.notices[0]
    assert (folder / f"{name}.damaged").read_text(encoding="utf-8") == "an older damaged copy"
    assert (folder / f"{name}.damaged-2").read_text(encoding="utf-8") == '{"last": '
    memory.history.add("Putin")
    memory.places.save(Path("seeds"), Place("001", 3.0))
    assert Memory().notices == []


def test_an_unreadable_file_is_neither_moved_nor_overwritten(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_bytes(b"theme: \xff\xfe\n")
    settings = SettingsFile(tmp_path)
    assert settings.notice and "could not be read" in settings.notice
    settings.save(Settings(theme="nord"))
    assert (tmp_path / "settings.yaml").read_bytes() == b"theme: \xff\xfe\n"


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.yaml"
    SettingsFile(tmp_path).save(Settings(theme="nord"))
    before = path.read_text(encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        SettingsFile(tmp_path).save(Settings(theme="dracula"))
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.yaml"]


def test_dump_writes_yaml_or_json_by_suffix(tmp_path: Path) -> None:
    assert userfiles.dump(tmp_path / "a.yaml", {"theme": "nord"}, "hello") == "# hello\ntheme: nord\n"
    assert json.loads(userfiles.dump(tmp_path / "a.json", {"searches": ["Przewodów"]})) == {"searches": ["Przewodów"]}


IDS = {"main.search", "main.quit", "app.help"}


def test_keymap_keeps_good_entries_and_names_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "keys.yaml").write_text(
        "main.search: ctrl+f\nmain.quit: [q, ctrl+x]\nmain.nothing: x\napp.help: 'ctrl+'\n", encoding="utf-8")
    reading = read_keymap(tmp_path, IDS, lambda key: not key.endswith("+"))
    assert reading.keymap == {"main.search": "ctrl+f", "main.quit": "q,ctrl+x"}
    assert len(reading.problems) == 2
    assert "main.nothing" in reading.problems[0] and "ctrl+" in reading.problems[1]


@pytest.mark.parametrize("text", ["main.search: [ctrl+f\n", "- main.search\n"])
def test_a_damaged_keymap_leaves_every_default_and_the_file(tmp_path: Path, text: str) -> None:
    (tmp_path / "keys.yaml").write_text(text, encoding="utf-8")
    reading = read_keymap(tmp_path, IDS, lambda key: True)
    assert reading.keymap == {} and len(reading.problems) == 1 and "keys.yaml" in reading.problems[0]
    assert (tmp_path / "keys.yaml").read_text(encoding="utf-8") == text


ARTICLE = {"id": "003_abc", "title": "Putin docenił\nwizytę", "date": "2022-11-28", "outlet": "kresy.pl",
           "url": "https://kresy.pl/a"}


def test_citation_of_an_article() -> None:
    assert cite_article(ARTICLE) == "kresy.pl, 2022-11-28: Putin docenił wizytę, https://kresy.pl/a"


def test_citation_leaves_out_what_is_missing_without_dangling_separators() -> None:
    assert cite_article({"id": "x", "title": "T", "date": None, "outlet": "", "url": None}) == "T"
    assert cite_article({"id": "x", "title": "", "date": "2022", "outlet": None}) == "2022: x"


def test_citation_of_an_event_quotes_its_sentence() -> None:
    assert cite_event(ARTICLE, " Prezydent przyleciał\n28 listopada. ") == (
        "\"Prezydent przyleciał 28 listopada.\" (kresy.pl, 2022-11-28: Putin docenił wizytę, https://kresy.pl/a)")
