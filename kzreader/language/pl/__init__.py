"""Polish: morfeusz2 for lemmas and tags, a guesser for names the dictionary lacks, and its words as YAML here."""
from __future__ import annotations

from pathlib import Path

from kzreader.language.vocabulary import Vocabulary, load

HERE = Path(__file__).resolve().parent


def vocabulary(name: str) -> Vocabulary:
    """`language/pl/<name>.yaml`, read once per process."""
    return load(HERE / f"{name}.yaml")
