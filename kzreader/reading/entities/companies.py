"""Companies with foreign names the name guesser would take for people: `Deutsche Bahn`, `General Motors`.

Two signs, each precise on its own: a foreign word that opens companies'
names followed by a word the dictionary does not know, or a noun announcing
a company (`Koncern`, `Spółka`) opening the sentence, where capitalised
it stands outside the run of capitalised words (context.py reads it only
in lower case).
"""
from __future__ import annotations

from kzreader.language import pl
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.mentions import Tok

_WORDS = pl.vocabulary("entities")
_OPENERS = _WORDS.words("company_openers")
_TRIGGERS = _WORDS.words("org_triggers")


def company(article: Article, toks: list[Tok], run: list[Tok], i: int) -> int | None:
    """Where in `run` a company's name starting at `run[i]` ends, or None when no such name starts there."""
    tok = run[i]
    prev = toks[tok.index - 1] if tok.index > 0 else None
    # Koncern Deutsche Bahn: a noun opening the sentence is no part of the run, but announces the name.
    announced = i == 0 and prev is not None and prev.initial and article.joined(prev, tok) and \
        not prev.word.lemmas.isdisjoint(_TRIGGERS)
    opened = tok.text.lower() in _OPENERS and tok.word.unknown and i + 1 < len(run) and \
        not run[i + 1].word.proper
    if not (announced or opened) or tok.word.first or tok.word.surname:
        return None
    end = i + 1
    while end < len(run) and not (run[end].word.first or run[end].word.surname):
        end += 1
    return end if end > i + 1 else None  # one word after a trigger is typed by single_words
