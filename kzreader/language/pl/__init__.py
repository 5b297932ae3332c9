"""Polish: morfeusz2 for lemmas and tags, a guesser for names the dictionary lacks, and its words as YAML here.

The package itself is the `kzreader.language.Language` of Polish.
"""
from __future__ import annotations

from pathlib import Path

from kzreader.language.vocabulary import Vocabulary, load

CODE = "pl"
HERE = Path(__file__).resolve().parent


def vocabulary(name: str) -> Vocabulary:
    """`language/pl/<name>.yaml`, read once per process."""
    return load(HERE / f"{name}.yaml")


# Modules, not names: each of these reads its words through `vocabulary` and
# may be imported before this package, so they are bound here half-imported
# and looked up only when called.
from kzreader.language import tokens as _tokens  # noqa: E402
from kzreader.language.pl import morphology as _morphology, names as _names  # noqa: E402


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[_tokens.Token]:
    return _tokens.tokenize(text, start, end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return _tokens.sentence_spans(text)


def analyse(word: str) -> tuple[_morphology.Interp, ...]:
    return _morphology.analyse(word)


def lemmas(word: str) -> tuple[str, ...]:
    return _morphology.lemmas(word)


def guessable(word: str) -> bool:
    return _names.guessable(word)


def candidates(word: str) -> list[tuple[str, float]]:
    return _names.candidates(word)
