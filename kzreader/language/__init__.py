"""What one language gives the engines: words with offsets, sentences, lemmas, name readings, its words as data.

A language is a package here (`pl/`) whose module satisfies `Language`; its
words are YAML files beside its code. Bottom of the flow with `corpus`: nothing
here imports another kzreader package.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from kzreader.language.interp import Interp
    from kzreader.language.tokens import Token
    from kzreader.language.vocabulary import Vocabulary


@runtime_checkable
class Language(Protocol):
    """The small interface one language implements (as module-level functions of its package)."""

    CODE: str

    def tokenize(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """Words of `text[start:end]` with character offsets into `text`."""

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence."""

    def analyse(self, word: str) -> tuple[Interp, ...]:
        """Dictionary readings of one word: lemma, tag, name qualifiers; empty when unknown."""

    def lemmas(self, word: str) -> tuple[str, ...]:
        """Distinct lemmas of one word, most likely first."""

    def guessable(self, word: str) -> bool:
        """Whether a word the dictionary lacks may be a declined name whose base form can be guessed."""

    def candidates(self, word: str) -> list[tuple[str, float]]:
        """Base forms of a declined name the dictionary lacks, best first, with scores."""

    def vocabulary(self, name: str) -> Vocabulary:
        """One of the language's data files (`months`, `titles`, ...), read once."""


# The reader's own language: what an article is read as when nothing says
# otherwise, and what the views leave unsaid.
DEFAULT = "pl"
# The languages with a package here; an article in any other is read by the careful fallback.
CODES = ("pl", "en", "ru")


class UnknownLanguage(LookupError):
    """No package under `kzreader.language` reads this language."""


def get(code: str) -> Language:
    """The language package for an ISO 639-1 code such as `pl`."""
    if not code.isalpha() or not code.islower():
        raise UnknownLanguage(f"{code!r} is not a language code")
    try:
        module = importlib.import_module(f"kzreader.language.{code}")
    except ModuleNotFoundError:
        raise UnknownLanguage(f"no reader for language {code!r}") from None
    if not isinstance(module, Language):
        raise UnknownLanguage(f"kzreader.language.{code} does not implement the Language interface")
    return module
