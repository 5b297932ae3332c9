"""English: simplemma's English dictionary for lemmas, and its words as YAML here.

The package itself is the `kzreader.language.Language` of English. English
names are not declined, so there is nothing to guess: a capitalised word is
its own base form.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kzreader.language import tokens as _tokens
from kzreader.language.interp import Interp
from kzreader.language.vocabulary import Vocabulary, load

CODE = "en"
HERE = Path(__file__).resolve().parent


def vocabulary(name: str) -> Vocabulary:
    """`language/en/<name>.yaml`, read once per process."""
    return load(HERE / f"{name}.yaml")


_SENTENCES = _tokens.Sentences(vocabulary("sentences"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[_tokens.Token]:
    return _tokens.tokenize(text, start, end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return _SENTENCES.spans(text)


@lru_cache(maxsize=100_000)
def analyse(word: str) -> tuple[Interp, ...]:
    """One reading, the dictionary's lemma, when simplemma knows the word; no tags (English needs none here)."""
    from kzreader.language.en import dictionary  # imported by the first English word, not by every run

    if not word or not dictionary.is_known(word) and not dictionary.is_known(word.lower()):
        return ()
    return (Interp(dictionary.lemmatize(word.lower() if word[:1].isupper() else word), "", ()),)


def lemmas(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.lemma for i in analyse(word)))


def guessable(word: str) -> bool:
    return False


def candidates(word: str) -> list[tuple[str, float]]:
    return [(word, 1.0)] if word[:1].isupper() else []
