"""A language's data files: every entry of the shape its engine reads, and a bad file named with its line."""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import kzreader
from kzreader import language
from kzreader.language.vocabulary import VocabularyError, load


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shapes_read_back(tmp_path: Path) -> None:
    v = load(write(tmp_path, "months:\n  maj: 5\nstop: [i, a]\nrules:\n  - [owi, '', 0.9]\nclasses:\n  x: [a, b]\n"))
    assert v.numbers("months") == {"maj": 5}
    assert v.words("stop") == {"i", "a"}
    assert v.rows("rules", str, str, float) == (("owi", "", 0.9),)
    assert v.groups("classes") == {"x": ("a", "b")}
    assert v.unread() == []


@pytest.mark.parametrize(("text", "read", "line", "words"), [
    ("months:\n  maj: 5\n  czerwiec: six\n", lambda v: v.numbers("months"), 3, "czerwiec"),
    ("stop:\n  - i\n  - 3\n", lambda v: v.words("stop"), 3, "stop"),
    ("rules:\n  - [owi, '', 0.9]\n  - [em, '']\n", lambda v: v.rows("rules", str, str, float), 3, "rules"),
    ("stop: [i\n", lambda v: v.words("stop"), 2, "not valid YAML"),
    ("- a\n- b\n", lambda v: v.words("stop"), 1, "mapping"),
    ("stop: [a]\nstop: [b]\n", lambda v: v.words("stop"), 2, "twice"),
])
def test_a_bad_file_is_named_with_its_line(tmp_path: Path, text: str, read, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(VocabularyError) as err:
        read(load(path))
    assert f"{path} line {line}:" in str(err.value) and words in str(err.value)


def test_a_missing_entry_is_named(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="no entry 'weekdays'"):
        load(write(tmp_path, "months: {maj: 5}\n")).numbers("weekdays")


@pytest.mark.parametrize("code", language.CODES)
def test_every_entry_of_a_languages_files_is_read_by_an_engine(code: str) -> None:
    for module in pkgutil.walk_packages(kzreader.__path__, "kzreader."):
        if not module.name.startswith(("kzreader.tui", "kzreader.__main__")):
            importlib.import_module(module.name)
    words = language.get(code)
    files = sorted(Path(words.__file__).parent.glob("*.yaml"))
    assert files, f"the words of {code} are data files"
    unread = {f.name: words.vocabulary(f.stem).unread() for f in files}
    assert all(not keys for keys in unread.values()), f"entries no engine reads: {unread}"


@pytest.mark.parametrize("code", ["en", "ru"])
def test_every_month_and_weekday_of_a_foreign_language_has_its_words(code: str) -> None:
    words = language.get(code).vocabulary("temporal")
    assert set(words.numbers("months").values()) == set(range(1, 13))
    assert set(words.numbers("weekdays").values()) == set(range(7))
    assert set(words.labels("preposition_mods")) <= words.words("date_prepositions")
