"""The Whoosh analyzer for Polish: a tokenizer piped into a lemma filter.

At each word's position the index holds the exact form (`=rosji`, for exact
search), every lemma morfeusz2 gives (`rosja`) and each lemma without
diacritics (`przewodow` for Przewodów), all with the word's character offsets.
A hyphenated word is also split into its parts at consecutive positions, so
`Kasym Żomart-Tokajew` and `Kasym-Żomart Tokajew` match the same phrases.

Words the dictionary lacks take the base form the corpus-wide name vote chose
(`Tokajewa` -> `tokajew`). The analyzer sees words, not articles, so it
picks the language by script: a Cyrillic word takes its Russian lemmas
(`Токаева` -> `токаев`), and a Latin word Polish does not know takes its
English lemma where English knows it (`meetings` -> `meeting`). The vote's table and the term cache are module
state, not analyzer attributes, because Whoosh pickles the analyzer into the
index and this module path must keep loading old indexes.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token

from kzreader import language
from kzreader.language.folding import fold
from kzreader.language.tokens import WORD

EXACT = "="
_LANGUAGE = language.get("pl")
_CYRILLIC = language.get("ru")
_OTHER_LATIN = language.get("en")

_name_choices: Mapping[str, str] = {}


def use_names(choices: Mapping[str, str]) -> None:
    """Make the analyzer use a corpus's name vote (form -> base form)."""
    global _name_choices
    if choices is _name_choices:
        return
    _name_choices = dict(choices)
    index_terms.cache_clear()
    query_terms.cache_clear()


def _base_forms(word: str) -> tuple[str, ...]:
    lower = word.lower()
    if _is_cyrillic(word):
        return tuple(dict.fromkeys((*(lemma.lower() for lemma in _CYRILLIC.lemmas(word)[:2]), lower)))
    found = _LANGUAGE.lemmas(word)
    if found:
        return tuple(dict.fromkeys(lemma.lower() for lemma in found))
    if not word[:1].isupper() and (english := _OTHER_LATIN.lemmas(word)):
        return tuple(dict.fromkeys((*(lemma.lower() for lemma in english), lower)))
    if _LANGUAGE.guessable(word):
        base = _name_choices.get(word) or _LANGUAGE.candidates(word)[0][0]
        return tuple(dict.fromkeys((base.lower(), lower)))
    return (lower,)


# Parts of speech that carry no subject of their own: conjunctions, prepositions, particles.
_FUNCTION_POS = frozenset({"conj", "comp", "prep", "part", "qub", "interj"})


def is_function_word(word: str) -> bool:
    """A word the dictionary reads as a conjunction, preposition or particle (`i`, `w`, `z`, `się`)."""
    return any(i.pos in _FUNCTION_POS for i in _LANGUAGE.analyse(word))


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"


def _with_folded(terms: tuple[str, ...]) -> list[str]:
    out = dict.fromkeys(terms)
    for term in terms:
        out.setdefault(fold(term), None)
    return list(out)


@lru_cache(maxsize=400_000)
def index_terms(word: str) -> tuple[str, ...]:
    """Everything indexed at one word's position: exact form, lemmas, folded lemmas."""
    return (EXACT + word.lower(), *_with_folded(_base_forms(word)))


@lru_cache(maxsize=100_000)
def query_terms(word: str) -> tuple[str, ...]:
    """What a query word matches: its lemmas (any inflected form), folded too."""
    return tuple(_with_folded(_base_forms(word)))


class PolishTokenizer(Tokenizer):
    """Words with positions and character offsets; hyphenated words also as their parts."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in WORD.finditer(value):
            word = match.group()
            t.boost = 1.0
            t.stopped = False
            t.text = word
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + match.start(), start_char + match.end()
            yield t
            if "-" in word:
                offset = match.start()
                for i, part in enumerate(word.split("-")):
                    if part:
                        t.text = part
                        if positions:
                            t.pos = pos + i
                        if chars:
                            t.startchar, t.endchar = start_char + offset, start_char + offset + len(part)
                        yield t
                    offset += len(part) + 1
                pos += word.count("-")
            pos += 1


class PolishLemmaFilter(Filter):
    """Stacks, at each token's position, the terms `index_terms` or `query_terms` gives."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:  # type: ignore[override]
        for t in tokens:
            word = t.text
            if t.mode == "query":
                terms = query_terms(word)
            else:
                terms = index_terms(word)
            for term in terms:
                t.text = term
                yield t

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))


def polish_analyzer() -> "Tokenizer":
    return PolishTokenizer() | PolishLemmaFilter()


def word_terms_of(word: str) -> tuple[str, ...]:
    """Every term indexed for one word of the text, its hyphenated parts' too: for highlighting."""
    terms = index_terms(word)
    if "-" in word:
        terms = terms + tuple(t for part in word.split("-") if part for t in index_terms(part))
    return terms
