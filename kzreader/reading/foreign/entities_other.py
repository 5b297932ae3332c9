"""The fallback for a language kzreader has no words of: names the gazetteer knows, and nothing else.

Capitals mean different things in every language, and a reader that knows
none of its words would make people of prepositions and titles; so it takes
only the gazetteer's places, organisations and listed people, found by their
spellings in any script and, for languages that decline them, by the Polish
dictionary's lemmas (Slavic cases end much like Polish ones: Kazachstanu).
"""
from __future__ import annotations

from collections.abc import Sequence

from kzreader.language import pl
from kzreader.language.tokens import Token, tokenize
from kzreader.language.transcription import is_cyrillic
from kzreader.reading.foreign.names import Found, Lexicon, gazetteer_found, lexicon
from kzreader.reading.gazetteer import TextWord

_MAX_PERSON_WORDS = 3


def find(text: str, regions: Sequence[tuple[int, int]]) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    for a, b in regions:
        tokens = tokenize(text, a, b)
        taken: set[int] = set()
        words = [TextWord.of(t.text, () if is_cyrillic(t.text) else pl.analyse(t.text)) for t in tokens]
        for m in lex.gazetteer.match(words):
            taken.update(range(m.start, m.end))
            found.append(gazetteer_found(m.entry, tokens[m.start].start, tokens[m.end - 1].end,
                                         text[tokens[m.start].start:tokens[m.end - 1].end]))
        i = 0
        while i < len(tokens):
            if i in taken or not tokens[i].is_capitalised:
                i += 1
                continue
            hit = lex.cyrillic.match(tokens, i) if is_cyrillic(tokens[i].text) else lex.latin.match(tokens, i)
            if hit is not None:
                end, entry = hit
                found.append(gazetteer_found(entry, tokens[i].start, tokens[end - 1].end,
                                             text[tokens[i].start:tokens[end - 1].end]))
                taken.update(range(i, end))
                i = end
                continue
            i = _person(text, tokens, i, lex, found, taken)
    return found


def _person(text: str, tokens: list[Token], i: int, lex: Lexicon, found: list[Found], taken: set[int]) -> int:
    """The longest run of capitalised words from `i` that spells a person the gazetteer lists."""
    for n in range(_MAX_PERSON_WORDS, 0, -1):
        run = tokens[i:i + n]
        if len(run) < n or not all(t.is_capitalised and i + k not in taken for k, t in enumerate(run)):
            continue
        span = text[run[0].start:run[-1].end]
        entry = lex.person(span)
        if entry is not None:
            found.append(gazetteer_found(entry, run[0].start, run[-1].end, span))
            return i + n
    return i + 1
