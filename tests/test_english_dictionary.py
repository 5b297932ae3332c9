"""simplemma's English dictionary read from the user's cache: the same answers as simplemma's own, faster."""
from __future__ import annotations

from pathlib import Path

import simplemma

from kzreader.language.en import dictionary

WORDS = ["sanctions", "Sanctions", "went", "date", "r", "tenge", "running", "xqzt", "children", "O'Brien", "the",
         "wolfram", "pipelines", "Kazakhstan", "analyses", "don't", "e-mail", "Moscow's"]


def test_same_answers_as_simplemma() -> None:
    for word in WORDS:
        assert dictionary.is_known(word) == simplemma.is_known(word, lang="en"), word
        if word and simplemma.is_known(word, lang="en"):
            assert dictionary.lemmatize(word) == simplemma.lemmatize(word, lang="en"), word


def test_the_decoded_table_is_kept_and_read_back(user_folders: Path) -> None:
    cached = dictionary._cache_file("en")
    assert cached.parent == user_folders / "cache" / "kzreader"
    table = dictionary._load("en")
    assert cached.exists() and cached.stat().st_mode & 0o077 == 0
    assert dictionary._load("en") == table


def test_a_damaged_or_unwritable_cache_only_costs_time(user_folders: Path, monkeypatch) -> None:
    table = dictionary._load("en")
    cached = dictionary._cache_file("en")
    cached.write_bytes(b"\x00not marshal")
    assert dictionary._load("en") == table
    monkeypatch.setenv("XDG_CACHE_HOME", "/proc/no-such-place")
    assert dictionary._load("en") == table
