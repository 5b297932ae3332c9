"""The query language: Whoosh's parser with plugins that understand stacked lemmas.

- Phrases: the analyzer stacks several terms at one position, and Whoosh's own
  phrase node would read each as the next word; ours groups them by position
  into `StackedPhrase(Or(...), Or(...))`, so `"elektrownia atomowa"` finds
  "elektrownię atomową" and keeps word order.
- `=Rosji`: only that form (the analyzer's exact terms).
- `przyj*`: a prefix of the typed text, folded, never run through the
  lemmatizer (which would turn `przyj` into `przeć`).
- `date:2022`, `date:2022-03`, `date:[2022-01 to 2022-06]`: articles whose
  date (of whatever granularity) overlaps that range.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import MultifieldPlugin, QueryParser, syntax
from whoosh.qparser.plugins import PhrasePlugin, PrefixPlugin, TaggingPlugin, WildcardPlugin
from whoosh.qparser.taggers import RegexTagger

from kzreader.index.analyzer import EXACT, query_terms
from kzreader.index.phrase import StackedPhrase, slot_terms
from kzreader.language.folding import fold
from kzreader.reading import periods

MAX_QUERY = 2000
DEFAULT_FIELDS = ("body", "title", "person", "place", "org")
# The entity fields hold every name an entity has in the corpus, in any script
# or spelling: a bare word also finds the articles that name its entity
# otherwise (`Токаев` finds the Polish reports of Tokajew). They weigh less than
# the text itself, which holds the same words wherever the text says them.
_FIELD_BOOSTS = {"person": 0.5, "place": 0.5, "org": 0.5}
# Terms of these fields are words of the article's text, so they are highlighted there.
HIGHLIGHTED_FIELDS = frozenset({"body", "title", "person", "place", "org"})


class QueryError(ValueError):
    """A query the reader cannot run; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class DateRange:
    start: int
    end: int


def day_number(date: str, end: bool = False) -> int:
    try:
        return periods.day_number(date, end)
    except ValueError as exc:
        raise QueryError(str(exc)) from None


FormsOf = Callable[[str], tuple[str, ...]]


def stacked_query(schema: object, fieldname: str, text: str, slop: int = 1, boost: float = 1.0,
                  forms_of: FormsOf | None = None) -> wq.Query:
    """Terms the analyzer stacks at one position are alternatives; positions follow in order.

    `forms_of` gives the real words a word typed without Polish letters folds
    from (folded.py): their exact forms and lemmas join the word's alternatives.
    """
    field = schema[fieldname]  # type: ignore[index]
    slots: dict[int, list[str]] = {}
    for t in field.tokenize(text, mode="query", positions=True, keeporiginal=True):
        slot = slots.setdefault(t.pos, [])
        if t.text not in slot:
            slot.append(t.text)
        for form in forms_of(t.original) if forms_of else ():
            for term in (EXACT + form, *query_terms(form)):
                if term not in slot:
                    slot.append(term)
    if not slots:
        return wq.NullQuery
    alternatives = [_any_of(fieldname, terms, boost) for _, terms in sorted(slots.items())]
    if len(alternatives) == 1:
        return alternatives[0]
    return StackedPhrase(alternatives, slop=slop, boost=boost)


class PolishQueryParser(QueryParser):
    """A word the analyzer splits (`Kasym-Żomart`, `rp.pl`) must match as those words in order."""

    forms_of: FormsOf | None = None

    def term_query(self, fieldname: str, text: str, termclass: type, boost: float = 1.0,
                   tokenize: bool = True, removestops: bool = True) -> wq.Query:
        field = self.schema[fieldname] if self.schema and fieldname in self.schema else None
        if field is None or field.self_parsing() or not tokenize or field.analyzer is None:
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        return stacked_query(self.schema, fieldname, text, boost=boost, forms_of=self.forms_of)


class StackedPhraseNode(PhrasePlugin.PhraseNode):
    def query(self, parser: QueryParser) -> wq.Query:
        return stacked_query(parser.schema, self.fieldname or parser.fieldname, self.text, self.slop, self.boost,
                             getattr(parser, "forms_of", None))


def _any_of(fieldname: str, terms: list[str], boost: float = 1.0) -> wq.Query:
    if len(terms) == 1:
        return wq.Term(fieldname, terms[0], boost=boost)
    return wq.Or([wq.Term(fieldname, t) for t in terms], boost=boost)


class StackedPhrasePlugin(PhrasePlugin):
    class PhraseTagger(RegexTagger):
        def create(self, parser: QueryParser, match: re.Match[str]) -> StackedPhraseNode:
            slop = int(match.group("slop")) if match.group("slop") else 1
            return StackedPhraseNode(match.group("text"), match.start("text"), slop)

    def taggers(self, parser: QueryParser) -> list[tuple[RegexTagger, int]]:
        return [(self.PhraseTagger(self.expr), 0)]


class ExactNode(syntax.TextNode):
    def query(self, parser: QueryParser) -> wq.Query:
        return wq.Term(self.fieldname or parser.fieldname, EXACT + self.text.lower())


class ExactPlugin(TaggingPlugin):
    expr = r"(?<![\w:])=(?P<text>\w+(?:[-'’]\w+)*)"
    nodetype = ExactNode


class RawPatternNode(syntax.TextNode):
    """A prefix or wildcard pattern taken as typed (folded), never lemmatized."""

    def __init__(self, text: str, prefix: bool) -> None:
        super().__init__(text)
        self.prefix = prefix

    def query(self, parser: QueryParser) -> wq.Query:
        fieldname = self.fieldname or parser.fieldname
        text = fold(self.text)
        if self.prefix:
            return wq.Prefix(fieldname, text)
        return wq.Wildcard(fieldname, text)


class RawPatternPlugin(WildcardPlugin):
    def filters(self, parser: QueryParser) -> list[tuple[object, int]]:
        return [(self.do_wildcards, 50), (self.do_raw, 51)]

    def do_raw(self, parser: QueryParser, group: syntax.GroupNode) -> syntax.GroupNode:
        for i, node in enumerate(group):
            if isinstance(node, PrefixPlugin.PrefixNode):
                group[i] = _moved(RawPatternNode(node.text, prefix=True), node)
            elif isinstance(node, WildcardPlugin.WildcardNode):
                if not node.text.strip("*?"):
                    raise QueryError("a pattern needs some letters besides * and ?")
                group[i] = _moved(RawPatternNode(node.text, prefix=False), node)
            elif isinstance(node, syntax.GroupNode):
                self.do_raw(parser, node)
        return group


def _moved(new: syntax.SyntaxNode, old: syntax.SyntaxNode) -> syntax.SyntaxNode:
    new.startchar, new.endchar = old.startchar, old.endchar
    new.fieldname = old.fieldname
    return new


class DateNode(syntax.SyntaxNode):
    has_fieldname = False

    def __init__(self, lo: str, hi: str) -> None:
        super().__init__()
        self.range = DateRange(day_number(lo), day_number(hi, end=True))
        if self.range.start > self.range.end:
            raise QueryError(f"date range {lo} to {hi} ends before it starts")

    def r(self) -> str:
        return f"Date {self.range}"

    def query(self, parser: QueryParser) -> wq.Query:
        # Overlap of two periods: the article's starts before the range ends and ends after it starts.
        return wq.And(
            [
                wq.NumericRange("date_start", None, self.range.end),
                wq.NumericRange("date_end", self.range.start, None),
            ]
        )


class DatePlugin(TaggingPlugin):
    expr = r"(?i)date:(?:\[\s*(?P<lo>[^\]\s]+)\s+to\s+(?P<hi>[^\]\s]+)\s*\]|(?P<one>[0-9-]+))"

    class DateTagger(RegexTagger):
        def create(self, parser: QueryParser, match: re.Match[str]) -> DateNode:
            if match.group("one"):
                return DateNode(match.group("one"), match.group("one"))
            return DateNode(match.group("lo"), match.group("hi"))

    def taggers(self, parser: QueryParser) -> list[tuple[RegexTagger, int]]:
        return [(self.DateTagger(self.expr), -10)]


def make_parser(schema: object, forms_of: FormsOf | None = None) -> QueryParser:
    parser = PolishQueryParser(DEFAULT_FIELDS[0], schema)
    parser.forms_of = forms_of
    parser.remove_plugin_class(PhrasePlugin)
    parser.remove_plugin_class(WildcardPlugin)
    parser.add_plugin(StackedPhrasePlugin())
    parser.add_plugin(RawPatternPlugin())
    parser.add_plugin(ExactPlugin())
    parser.add_plugin(DatePlugin())
    parser.add_plugin(MultifieldPlugin(DEFAULT_FIELDS, _FIELD_BOOSTS))
    return parser


def parse(parser: QueryParser, text: str) -> wq.Query:
    """Parse a user's query; anything wrong becomes a one-line QueryError."""
    text = text.strip()
    if not text:
        raise QueryError("the query is empty")
    if len(text) > MAX_QUERY:
        raise QueryError(f"the query is {len(text)} characters long; the limit is {MAX_QUERY}")
    try:
        q = parser.parse(_balanced(text))
    except QueryError:
        raise
    except Exception as exc:  # noqa: BLE001 - Whoosh raises many types on odd input; users get one line
        raise QueryError(f"cannot read the query: {exc.__class__.__name__}: {exc}") from None
    q = q.normalize()
    if q is wq.NullQuery or isinstance(q, wq.NullQuery.__class__):
        raise QueryError("the query has no words to search for")
    return q


def _balanced(text: str) -> str:
    """Close what the user left open: a trailing quote or bracket would swallow the query."""
    if text.count('"') % 2:
        text = text + '"'
    depth = 0
    for c in text:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            raise QueryError("a closing bracket ')' has no opening one")
    return text + ")" * depth


Phrase = tuple[frozenset[str], ...]


def highlight_terms(q: wq.Query) -> tuple[set[str], tuple[str, ...], list[Phrase]]:
    """Terms and prefixes of the content fields a hit's words are checked against, and the phrases.

    A phrase's words light up only where the phrase stands, so its terms are
    not among the single terms.
    """
    terms: set[str] = set()
    prefixes: list[str] = []
    phrases: dict[Phrase, None] = {}
    for node in _leaves(q):
        if isinstance(node, StackedPhrase):
            slots = [slot_terms(sub) for sub in node.subqueries]
            if all(slots) and slots[0][0].fieldname in HIGHLIGHTED_FIELDS:  # type: ignore[index]
                phrases.setdefault(tuple(frozenset(t.text for t in slot) for slot in slots if slot), None)
        elif isinstance(node, wq.Prefix):
            prefixes.append(node.text)
        elif isinstance(node, wq.Wildcard):
            prefixes.append(re.split(r"[*?]", node.text, maxsplit=1)[0])
        elif isinstance(node, wq.Term) and node.fieldname in HIGHLIGHTED_FIELDS:
            terms.add(node.text)
    return terms, tuple(p for p in prefixes if p), list(phrases)


def _leaves(q: wq.Query) -> Iterator[wq.Query]:
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        # What a query excludes never lights up.
        yield from _leaves(q.a)
        return
    children = list(q.children()) if q.is_leaf() is False and not isinstance(q, StackedPhrase) else []
    if not children:
        yield q
        return
    for child in children:
        yield from _leaves(child)
