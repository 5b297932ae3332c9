"""A query as the user typed it, made ready for the parser, with notes on what was read differently.

Whoosh reads `osoba:Putin` as a field it lacks, `putin and macron` as three
words and `Putin AND` as a search for the word `and`, and finds nothing
without a word of why. Here the query's tokens are looked at first: Polish
and capitalised field names become the schema's (`osoba:` is `person:`), an
unknown field is an error that lists the fields, `-word` excludes like
`NOT word`, an operator with nothing after it is dropped, and a lowercase
operator gets a suggestion. The bare words at the top level are listed, so
that the searcher can leave out those in nearly every article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kzreader.index.query import QueryError

FIELDS = ("title", "outlet", "person", "place", "org", "date", "lang")
FIELD_NAMES: dict[str, str] = {name: name for name in (*FIELDS, "body")} | {
    "osoba": "person", "osoby": "person", "miejsce": "place", "organizacja": "org",
    "data": "date", "tytuł": "title", "tytul": "title", "źródło": "outlet", "zrodlo": "outlet",
    "język": "lang", "jezyk": "lang",
}
FIELD_HELP = ("the fields are " + ", ".join(f"{f}:" for f in FIELDS)
              + " (or osoba:, miejsce:, organizacja:, data:, tytuł:, źródło:, język:)")
OPERATORS = ("AND", "OR", "NOT")
# A phrase (its slop too), a field with a bracketed range, a bracket, or a run of anything else.
_TOKEN = re.compile(r'"[^"]*"?(?:~\d+)?|[^\W\d_]\w*:\[[^\]]*\]?|[()]|[^\s()"]+')
_FIELD = re.compile(r"^(?P<name>[^\W\d_]\w*):(?P<rest>.*)$", re.S)
_WORD = re.compile(r"^\w+(?:[-'’.]\w+)*$")
# Typed words shorter than this are not widened to a prefix: `a*` would read most of the lexicon.
MIN_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Word:
    """A bare word of the query, where it stands in the prepared text."""

    text: str
    start: int
    end: int
    droppable: bool
    """At the top level between other terms: leaving it out only stops it narrowing the result."""


@dataclass(slots=True)
class Prepared:
    text: str
    notes: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    """Bare words not excluded by NOT: to name those found nowhere, and to leave out the commonest."""
    phrases: list[str] = field(default_factory=list)
    """Phrases not excluded by NOT, without their quotes."""
    others: int = 0
    """Terms of other kinds that narrow the result (fields, prefixes, exact forms)."""

    def without(self, words: list[Word]) -> str:
        """The text with these words taken out."""
        out = self.text
        for w in sorted(words, key=lambda w: w.start, reverse=True):
            out = out[: w.start] + out[w.end :]
        return " ".join(out.split())


def prepare(text: str) -> Prepared:
    """Rewrite field names and `-word`, drop dangling operators; notes say what changed or looks wrong."""
    notes: list[str] = []
    kept: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(text):
        spaced = m.start() == 0 or text[m.start() - 1].isspace()
        tok = m.group()
        if kept and kept[-1][0] == "-" and not spaced:
            # `-"a phrase"`, `-(a OR b)`: the minus stood alone before them.
            kept[-1], spaced = ("NOT", kept[-1][1]), True
        kept.append((_rewritten(tok, notes), spaced))
    # An operator at either end joins nothing: Whoosh would search it as a word.
    while kept and kept[-1][0] in OPERATORS:
        notes.append(f"{kept.pop()[0]} at the end joins nothing; searched without it")
    while kept and kept[0][0] in ("AND", "OR"):
        notes.append(f"{kept.pop(0)[0]} at the start joins nothing; searched without it")
    lowered = [t for t, _ in kept if t in ("and", "or", "not")]
    if lowered and len(kept) > 2:
        suggestion = " ".join(t.upper() if t in ("and", "or", "not") else t for t, _ in kept)
        notes.append(f"'{lowered[0]}' is searched as a word; as an operator write it in capitals: {suggestion}")
    return _described(kept, notes)


def _rewritten(tok: str, notes: list[str]) -> str:
    if tok.startswith("-") and len(tok) > 1 and tok[1] != "-":
        return "NOT " + _rewritten(tok[1:], notes)
    m = _FIELD.match(tok)
    if m is None or m.group("rest").startswith("//"):
        return tok
    name = m.group("name").lower()
    known = FIELD_NAMES.get(name)
    if known is None:
        raise QueryError(f"no field {m.group('name')}:; {FIELD_HELP}")
    return f"{known}:{m.group('rest')}"


def _described(kept: list[tuple[str, bool]], notes: list[str]) -> Prepared:
    """Join the kept tokens and note which bare words and phrases count towards the result."""
    prepared = Prepared("", notes)
    text = ""
    depth = 0
    for n, (tok, spaced) in enumerate(kept):
        if text and spaced:
            text += " "
        start = len(text)
        text += tok
        before = kept[n - 1][0] if n else ""
        after = kept[n + 1][0] if n + 1 < len(kept) else ""
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif tok in OPERATORS or before == "NOT" or tok.startswith("NOT "):
            continue
        elif before.endswith(":"):
            prepared.others += 1
        elif tok.startswith('"'):
            prepared.phrases.append(tok.split('"')[1])
        elif _WORD.match(tok):
            droppable = depth == 0 and "OR" not in (before, after)
            prepared.words.append(Word(tok, start, len(text), droppable))
        else:
            prepared.others += 1
    prepared.text = text
    return prepared


def while_typing(text: str) -> str:
    """The query as it runs while typed: its last word, unfinished, is also a prefix (`Tokaj` finds Tokajew)."""
    if not text or text[-1].isspace():
        return text
    m = re.search(r'(?:^|[\s(-])(?P<field>[^\W\d_]\w*:)?(?P<word>\w+)$', text)
    if m is None or text.count('"') % 2 or len(m.group("word")) < MIN_PREFIX:
        return text
    word = m.group("word")
    if word in OPERATORS or word.isdigit():
        return text
    start = m.start("field") if m.group("field") else m.start("word")
    return f"{text[:start]}{m.group('field') or ''}({word} OR {word}*)"
