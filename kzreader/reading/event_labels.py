"""An event's label: its clause in the text's own words, cut to what a reader scans.

The timeline shows the date beside the label, so the date's own words go; so
do asides in brackets, the clause's linking word (`że`, `a`) and the words
that only weigh a statement (`już`, `jednak`). What is left is who did what,
where, from that clause only; when it is still long, the window of words
around its verb is kept and the cuts are marked with an ellipsis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzreader.language import pl
from kzreader.language.pl.morphology import analyse
from kzreader.language.tokens import WORD

_WORDS = pl.vocabulary("events")
_LINKING = _WORDS.words("label_linking")
_HEDGES = _WORDS.words("label_hedges")
_DATE_LEADS = sorted(_WORDS.words("label_date_leads"), key=len, reverse=True)
_FINITE = frozenset({"fin", "praet", "bedzie", "impt", "imps"})
# Words that describe rather than tell: a label too long leaves them out first.
_DESCRIBING_POS = frozenset({"adj", "adja", "adjp", "adv"})
_ASIDE = re.compile(r"\s*\([^()]*\)")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?])")
_EDGE = re.compile(r"^[\s,;:.!?–—\-„”\"«»]+|[\s,;:.!?–—\-„”\"«»]+$")
MAX_CHARS = 60
_ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    rank: int


def label(text: str, lo: int, hi: int, date: tuple[int, int]) -> str:
    """The clause text[lo:hi] without the date text[date[0]:date[1]], cut to about MAX_CHARS."""
    if lo <= date[0] < hi:
        clause = _without_lead(text[lo:date[0]]) + " " + text[min(hi, date[1]):hi]
    else:
        clause = text[lo:hi]
    clause = _ASIDE.sub("", clause)
    words = list(WORD.finditer(clause))
    gone = [m for i, m in enumerate(words) if _dropped(m.group(), first=i == 0)]
    for m in reversed(gone):
        clause = clause[:m.start()] + clause[m.end():]
    line = _EDGE.sub("", _SPACE_BEFORE_MARK.sub(r"\1", " ".join(clause.split())))
    return _capitalised(_shortened(line))


def _without_lead(before: str) -> str:
    """The text before a date without the words that lead it and are not in it (`w dniach`)."""
    low = before.lower().rstrip()
    for lead in _DATE_LEADS:
        if low.endswith(lead) and (len(low) == len(lead) or not low[-len(lead) - 1].isalnum()):
            return before.rstrip()[:-len(lead)]
    return before


def _dropped(word: str, first: bool) -> bool:
    low = word.lower()
    return (first and low in _LINKING) or low in _HEDGES


def _shortened(line: str) -> str:
    """The line without its describing words, farthest from the verb first, until it fits.

    Adjectives and adverbs describe; the verb, its nouns and names and the
    small words between them say who did what. What still does not fit is the
    window of words around the verb, growing to its right (what was done, to
    whom) and its left (who) in turn, the cuts marked with an ellipsis.
    """
    words = [_Word(m.start(), m.end(), _rank(m.group(), inside=m.start() > 0)) for m in re.finditer(r"\S+", line)]
    verb = next((i for i, w in enumerate(words) if w.rank == _VERB), 0)
    gone: set[int] = set()
    for i in sorted((i for i, w in enumerate(words) if w.rank == _DESCRIBING), key=lambda i: -abs(i - verb)):
        if len(_joined(line, words, gone)) <= MAX_CHARS:
            break
        gone.add(i)
    kept = [w for i, w in enumerate(words) if i not in gone]
    verb = next((i for i, w in enumerate(kept) if w.rank == _VERB), 0)
    a = b = verb
    while True:
        grown = False
        for na, nb in ((a, b + 1), (a - 1, b)):
            if 0 <= na and nb < len(kept) and _width(kept[na:nb + 1]) <= MAX_CHARS:
                a, b, grown = na, nb, True
        if not grown:
            break
    out = _EDGE.sub("", " ".join(line[w.start:w.end] for w in kept[a:b + 1]))
    return (_ELLIPSIS if a > 0 else "") + out + (_ELLIPSIS if b < len(kept) - 1 else "")


_DESCRIBING, _OTHER, _VERB = range(3)


def _rank(word: str, inside: bool) -> int:
    bare = word.strip(",;:.!?„”\"«»()")
    readings = analyse(bare)
    if bare[:1].isupper() and (inside or not readings or any(
            r.names and r.names != ("nazwa_pospolita",) for r in readings)):
        return _OTHER
    pos = {r.pos for r in readings}
    if pos & _FINITE:
        return _VERB
    return _DESCRIBING if pos and pos <= _DESCRIBING_POS else _OTHER


def _width(words: list[_Word]) -> int:
    return sum(w.end - w.start for w in words) + len(words) - 1


def _joined(line: str, words: list[_Word], gone: set[int]) -> str:
    return " ".join(line[w.start:w.end] for i, w in enumerate(words) if i not in gone)


def _capitalised(line: str) -> str:
    return line[:1].upper() + line[1:] if line and not line.startswith(_ELLIPSIS) else line
