"""The real words a word typed without Polish letters stands for, read from the index's own words.

`panstwa` is no Polish word, so the lemmatizer cannot give it the lemma
`państwo`; the index, though, holds the exact form `=państwa` of every word
its articles use. Walking that lexicon letter by letter, trying each letter
and the Polish letters that fold to it (`a` or `ą`, `z` or `ż` or `ź`), finds
the forms the typed word folds from; a branch no indexed word starts with is
dropped at once, so a word costs a few lexicon seeks, not every spelling.
A form no article uses (`zblizenia`, when only `zbliżenie` is written) is
looked up in the dictionary instead, among a bounded number of spellings.
The query then matches those forms and every form of their lemmas.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from kzreader import language
from kzreader.index.analyzer import EXACT
from kzreader.language.folding import fold

_POLISH = "ąćęłńóśźż"
# Each plain letter and the Polish letters that fold to it.
VARIANTS: dict[str, tuple[str, ...]] = {}
for _letter in _POLISH:
    VARIANTS.setdefault(fold(_letter), ())
    VARIANTS[fold(_letter)] += (_letter,)
# A walk stops after this many lexicon seeks: enough for any word, a bound on odd input.
_MAX_SEEKS = 400
# Spellings tried in the dictionary (about 40 microseconds each): 2^9 covers
# `wspolpracowalismy`; a longer word keeps what its first spellings found.
_MAX_SPELLINGS = 512
LEXICON_FIELDS = ("body", "title")
_DICTIONARY = language.get("pl")


def needs_forms(word: str) -> bool:
    """A word typed without any Polish letter that one of its letters could have had."""
    lower = word.lower()
    return lower.isalpha() and lower == fold(lower) and any(c in VARIANTS for c in lower)


class FoldedForms:
    """Finds, for one open index reader, the indexed forms a diacritic-free word folds from."""

    def __init__(self, reader: Any, fields: Iterable[str] = LEXICON_FIELDS) -> None:
        self._reader = reader
        self._fields = tuple(f for f in fields if f in reader.schema)
        self._cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, word: str) -> tuple[str, ...]:
        """Lowercase forms other than `word` itself that the index holds and that fold to it."""
        lower = word.lower()
        if not needs_forms(lower):
            return ()
        found = self._cache.get(lower)
        if found is None:
            forms: dict[str, None] = {}
            for field in self._fields:
                for form in self._walk(field, lower):
                    forms.setdefault(form, None)
            if not forms:
                forms = dict.fromkeys(spelling for spelling in _spellings(lower) if _DICTIONARY.analyse(spelling))
            forms.pop(lower, None)
            found = self._cache[lower] = tuple(forms)
        return found

    def _walk(self, field: str, word: str) -> list[str]:
        out: list[str] = []
        seeks = 0
        stack = [""]
        while stack:
            prefix = stack.pop()
            if len(prefix) == len(word):
                if (field, EXACT + prefix) in self._reader:
                    out.append(prefix)
                continue
            letter = word[len(prefix)]
            for choice in (letter, *VARIANTS.get(letter, ())):
                seeks += 1
                if seeks > _MAX_SEEKS:
                    return out
                if self._starts_some_term(field, EXACT + prefix + choice):
                    stack.append(prefix + choice)
        return out

    def _starts_some_term(self, field: str, prefix: str) -> bool:
        for term in self._reader.expand_prefix(field, prefix):
            return True
        return False


def _spellings(word: str) -> Iterator[str]:
    """The word with each plain letter also as the Polish letters that fold to it, up to a bound."""
    choices = [(c, *VARIANTS.get(c, ())) for c in word]
    return itertools.islice(("".join(p) for p in itertools.product(*choices)), _MAX_SPELLINGS)
