"""What the words just before a name, in the same clause, say about it."""
from __future__ import annotations

import re

from kzreader.language import pl
from kzreader.reading.entities.article import CLOSE_QUOTES, OPEN_QUOTES, Article
from kzreader.reading.entities.mentions import Tok
from kzreader.reading.entities.words import genders

_WORDS = pl.vocabulary("entities")
_TITLES = _WORDS.words("titles")
_ORG_TRIGGERS = _WORDS.words("org_triggers")
_PLACE_TRIGGERS = _WORDS.words("place_triggers")
_PLACE_PREPOSITIONS = _WORDS.words("place_prepositions")
_LOCATIVE_PREPOSITIONS = _WORDS.words("locative_prepositions")
_CLAUSE_GAP = re.compile(r"[\s\"„«“”»']*\Z")
# How many words back a title or a trigger noun is looked for, past places and adjectives (prezydent Rosji Putin).
_REACH = 3


def hints(article: Article, first: Tok, toks: list[Tok], last: Tok) -> frozenset[str]:
    """`locative`, `preposition`, `quoted`, `title`, `organisation`, `place`: the name `first`..`last` in context.

    A title of one gender (papieża, prezydentki) adds `m1` or `f`: the gender of the name after it.
    """
    found = set()
    text = article.text
    before = toks[first.index - 1] if first.index > 0 else None
    if before and article.joined(before, first) and before.text.lower() in _PLACE_PREPOSITIONS:
        found.add("locative" if before.text.lower() in _LOCATIVE_PREPOSITIONS else "preposition")
    if first.start > 0 and text[first.start - 1] in OPEN_QUOTES and text[last.end:last.end + 1] in CLOSE_QUOTES:
        found.add("quoted")
    k = first.index - 1
    past_name = False  # prezydent Rosji Putin: a title may stand before a place, a media noun may not
    for _ in range(_REACH):
        if k < 0 or toks[k + 1].initial or not _CLAUSE_GAP.match(text, toks[k].end, toks[k + 1].start):
            break
        prev = toks[k]
        lemmas = prev.word.lemmas
        if not lemmas.isdisjoint(_TITLES):
            found.add("title")
            found |= _gender(prev)
        elif prev.text.islower() and not past_name and not lemmas.isdisjoint(_ORG_TRIGGERS):
            found.add("organisation")
        elif prev.text.islower() and not lemmas.isdisjoint(_PLACE_TRIGGERS) and k == first.index - 1:
            found.add("place")
        elif prev.word.modifiers or prev.word.geo or prev.text.isupper():
            past_name = past_name or not prev.text.islower()
            k -= 1
            continue
        break
    return frozenset(found)


def _gender(title: Tok) -> set[str]:
    """`m1` or `f` when every reading of a title as a noun has that gender (papieża: m1), else nothing."""
    found = {g for r in title.word.nouns for g in genders(r.tag)} & {"m1", "f"}
    return found if len(found) == 1 else set()
