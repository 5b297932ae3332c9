"""Russian: pymorphy3 with its OpenCorpora dictionary for lemmas, cases and name tags, and its words as YAML here.

The package itself is the `kzreader.language.Language` of Russian.
"""
from __future__ import annotations

from pathlib import Path

from kzreader.language.vocabulary import Vocabulary, load

CODE = "ru"
HERE = Path(__file__).resolve().parent


def vocabulary(name: str) -> Vocabulary:
    """`language/ru/<name>.yaml`, read once per process."""
    return load(HERE / f"{name}.yaml")


from kzreader.language import tokens as _tokens  # noqa: E402
from kzreader.language.interp import Interp  # noqa: E402
from kzreader.language.ru import morphology as _morphology  # noqa: E402

_SENTENCES = _tokens.Sentences(vocabulary("sentences"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[_tokens.Token]:
    return _tokens.tokenize(text, start, end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return _SENTENCES.spans(text)


def analyse(word: str) -> tuple[Interp, ...]:
    return _morphology.analyse(word)


def lemmas(word: str) -> tuple[str, ...]:
    return _morphology.lemmas(word)


def guessable(word: str) -> bool:
    return _morphology.guessable(word)


def candidates(word: str) -> list[tuple[str, float]]:
    return _morphology.candidates(word)
