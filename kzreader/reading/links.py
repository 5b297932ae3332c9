"""Links between events across articles: the same happening, dates that disagree, or a story that goes on.

Links compare events pairwise, but only within blocks of events that share an
entity or a key word, sorted by date, so the work grows with the number of
events, not with its square.
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from kzreader import language
from kzreader.language import pl
from kzreader.language.folding import fold
from kzreader.language.tokens import WORD
from kzreader.reading import money
from kzreader.reading.annotations import Event
from kzreader.reading.events import sentence_lemmas
from kzreader.reading.link_local import add_link, link_duplicates, link_within_articles
from kzreader.reading.link_dates import bound_weekday, days_clash, gap_days, weekday, window
from kzreader.reading import nations

_WORDS = pl.vocabulary("events")
# Kinds of happening: different words for one kind, so that "przybył do
# Moskwy" and "odbył wizytę" can be recognised as one visit.
# Every language's words of a kind are that kind, so an English visit and a Polish one compare.
_CLASS_OF = {lemma: kind for code in language.CODES
             for kind, lemmas in language.get(code).vocabulary("events").groups("classes").items() for lemma in lemmas}

# Link thresholds. Conflicts are only claimed for dates a few months apart:
# two explicit dates years apart for a similar story are usually two
# occurrences (an annual forum, repeated visits), not one misdated event.
_CONFLICT_MAX_GAP_DAYS = 183
_SAME_MONEY_TOLERANCE = 0.1
_NEIGHBOURS = 20
_SAME_MIN_WEIGHT = 3
_STORY_MAX_GAP_DAYS = 1
_STORY_MIN_WEIGHT = 4
_FIGHTING_MAX_GAP_DAYS = 3
_FIGHTING = "war"
_CALL = "call"
# `related` links are stored, not derived when shown: a fifth of the rows (31k of 155k at 2,000 articles), the timeline
# marks each row's links, and the five an event keeps depend on its neighbours' links, seen only by the whole sweep.
_MAX_LINKS = {"same": 20, "conflict": 10, "story": 10, "related": 5}
_COMMON_SHARE = 0.05
_COMMON_MIN = 10


@dataclass(slots=True)
class _Facts:
    """What linking compares, derived once per event."""

    event: Event
    lo: date | None
    hi: date | None
    keys: frozenset[str]
    surnames: frozenset[str]
    money: tuple[float, str] | None
    keywords: frozenset[str]
    context: frozenset[str]
    roots: frozenset[str]
    classes: frozenset[str]
    places: frozenset[str]
    signature: str
    weekday: int | None
    bound: int | None  # the weekday a span starts or ends on (`od środy`)
    # The sentence tells of fighting or its toll (`liczba ofiar wzrosła`), wherever its date stands; or of a
    # call (`rozmowa telefoniczna`): talks, but not a meeting in person. Judged for every pair, so kept here.
    fighting: bool
    call: bool
    # Its keywords longer than a root, by their root: `_found` meets the other's roots by a set intersection.
    keyword_roots: dict[str, tuple[str, ...]]
    named: frozenset[str] = frozenset()  # participants the sentence names itself (filled by the linker)

    @property
    def width(self) -> int:
        """Days the date's window spans beyond its first (0 for one day)."""
        return (self.hi - self.lo).days if self.lo is not None and self.hi is not None else 0

    @property
    def names_day(self) -> bool:
        """The date names one day, a weekday of a month-dated text (`w piątek`) or a span's first (`od środy`)."""
        return self.weekday is not None or self.bound is not None or (self.lo is not None and self.lo == self.hi)

    @property
    def day_level(self) -> bool:
        return self.lo is not None and self.hi is not None and (self.hi - self.lo).days <= 7


def _money(keys: Sequence[str]) -> tuple[float, str] | None:
    """The amount nearest the date (entity keys come nearest first), from its `money:<amount>:<currency>` key."""
    return next((found for k in keys if (found := money.from_key(k))), None)


@cache
def _surname(key: str) -> str | None:
    """`person:kasym-żomart tokajew` -> `tokajew`: one person whose first name is spelt two ways."""
    return key.rsplit(" ", 1)[-1] if key.startswith("person:") and " " in key else None


# Two million pairs are judged at 10,000 articles; their few thousand keys are cut into words once.
@lru_cache(maxsize=1 << 16)
def _pointed_at(key: str) -> str:
    """`place:kazachstan` -> `place:~kazachstan`, the key of the country when only pointed at."""
    return nations.PREFIX + key.split(":", 1)[1]


@lru_cache(maxsize=1 << 16)
def _name_words(key: str) -> frozenset[str]:
    return frozenset(fold(key.split(":", 1)[1]).split())


def _facts(ev: Event) -> _Facts:
    lo, hi = window(ev)
    keys = frozenset(k for k in ev.entities if not k.startswith(money.KEY_PREFIX))
    keywords = frozenset(k for k in ev.keywords if not k[:1].isupper())
    # A foreign event's keywords are already every content lemma of its sentence, in its own language.
    context = keywords | sentence_lemmas(ev.sentence) if ev.lang == language.DEFAULT else keywords
    kinds = {_CLASS_OF.get(w) for w in context}
    return _Facts(
        event=ev, lo=lo, hi=hi, keys=keys,
        surnames=frozenset(s for s in map(_surname, keys) if s),
        money=_money(ev.entities),
        keywords=keywords,
        context=context,
        roots=frozenset(w[:_ROOT] for w in context if len(w) > _ROOT),
        classes=frozenset(_CLASS_OF[k] for k in ev.keywords if k in _CLASS_OF),
        places=frozenset(fold(k) for k in ev.keywords if k[:1].isupper()),
        signature=" ".join(fold(w) for w in WORD.findall(ev.sentence)),
        weekday=weekday(ev.text),
        bound=bound_weekday(ev.text),
        fighting=_FIGHTING in kinds,
        call=_CALL in kinds,
        keyword_roots=_by_root(keywords),
    )


@dataclass(slots=True)
class _Evidence:
    """What two events have in common; counted before any text is written."""

    gap: int
    shared: frozenset[str]
    words: frozenset[str]
    classes: frozenset[str]
    place_clash: bool
    days_clash: bool

    @property
    def content(self) -> int:
        return len(self.words) + len(self.classes)

    @property
    def places(self) -> frozenset[str]:
        return frozenset(k for k in self.shared if k.startswith("place:"))

    @property
    def weight(self) -> int:
        """A shared person or organisation says more than a shared place, a kind of event or a word."""
        actors = sum(1 for k in self.shared if not k.startswith("place:"))
        return 2 * actors + (len(self.shared) - actors) + self.content


@dataclass(frozen=True, slots=True)
class CorpusWords:
    """What linking takes from the whole corpus: the countries it names, and the words too common to tell."""

    known: dict[str, str]  # a country's stem -> its place key
    common: frozenset[str]


def name_participants(f: _Facts, known: dict[str, str]) -> None:
    """Add the countries an event points at to its keys, and note the participants its sentence names itself."""
    # A country named by its adjective or its people is the country: `place:~<name>` on both sides.
    f.keys |= nations.nation_keys(f.keys, f.context, known)
    # Only what the sentence names itself: participants borrowed from its neighbours or
    # its article's setting would make the article's places look named everywhere.
    stems = {w[:nations.STEM] for w in f.signature.split()}
    f.named = frozenset(k for k in f.keys  # by any word of its name (`Putina`)
                        if stems & {nations.stem(w) for w in k.split(":", 1)[1].lstrip("~").split()})


def sentence_words(f: _Facts) -> frozenset[str]:
    """The words and participants a sentence counts for in `common_words` (after `name_participants`)."""
    return f.keywords | f.named


def common_words(df: Counter[str], sentences: int) -> frozenset[str]:
    """Words in more than a share of the corpus's different sentences (`df`: in how many each is)."""
    limit = max(_COMMON_MIN, int(_COMMON_SHARE * sentences))
    return frozenset(k for k, n in df.items() if n > limit)


class _Linker:
    def __init__(self, facts: list[_Facts], duplicates: dict[str, str], corpus: CorpusWords | None = None):
        self.facts = facts
        self.duplicates = duplicates
        if corpus is not None:  # counted over a corpus too big to hold, by the windowed linker
            for f in facts:
                name_participants(f, corpus.known)
            self.common = corpus.common
            return
        # Words used in many different sentences say nothing about which event
        # this is; copies of one sentence (reprints) count once.
        # So are participants named all over the corpus (the country a corpus
        # is about): they place an event, they do not single it out.
        known = nations.places_by_stem(k for f in facts for k in f.keys if k.startswith("place:"))
        sentences: dict[str, frozenset[str]] = {}
        for f in facts:
            name_participants(f, known)
            sentences[f.signature] = sentences.get(f.signature, frozenset()) | sentence_words(f)
        df: Counter[str] = Counter()
        for words in sentences.values():
            df.update(words)
        self.common = common_words(df, len(sentences))

    def block_keys(self, f: _Facts) -> list[str]:
        """Events meet only if they share a participant, or a key word when both state an amount."""
        out = list(f.keys) + ["surname:" + s for s in f.surnames]
        if f.money is not None:
            out += ["word:" + w for w in f.keywords - self.common]
        return out

    def evidence(self, a: _Facts, b: _Facts) -> _Evidence | None:
        gap = gap_days(a, b)
        if gap is None:
            return None
        keys = (a.keys & b.keys) - self.common
        surnames = a.surnames & b.surnames
        if a.event.article == b.event.article:  # two sentences borrowing one neighbour's people share nothing by it
            keys &= a.named | b.named
            surnames &= {_surname(k) for k in a.named | b.named}
        keys -= {_pointed_at(k) for k in keys}  # a country named outright is not pointed at
        if surnames and keys:
            surnames -= {_surname(k) for k in keys}
        if not keys and not surnames and (a.money is None or b.money is None):
            return None
        # A place's name read as a word is the place again, not a second clue.
        # What one report says happened, found anywhere in the other's sentence:
        # outlets cut their sentences differently around one fact.
        words = (_found(a, b) | _found(b, a)) - self.common
        words = words.difference(*map(_name_words, keys)) if keys else words
        classes = a.classes & b.classes
        if classes and words:
            classes -= {_CLASS_OF[w] for w in words if w in _CLASS_OF}
        shared = keys | {"surname:" + s for s in surnames} if surnames else keys
        return _Evidence(gap, shared, words, classes, bool(a.places and b.places and not a.places & b.places),
                         days_clash(a, b))

    def judge(self, a: _Facts, b: _Facts, explain: bool = True) -> tuple[str, int, list[str]] | None:
        """(relation, strength, reasons) for two events, or None; no reasons unless `explain`."""
        ea, eb = a.event, b.event
        if self.duplicates.get(ea.article) == eb.article or self.duplicates.get(eb.article) == ea.article:
            if ea.date == eb.date and (a.signature == b.signature or ea.text == eb.text):
                return "same", 100, [f"repeated by a near-duplicate article ({ea.article} / {eb.article})",
                                     f"same date {ea.date}"]
            return None
        if ea.article in self.duplicates or eb.article in self.duplicates:
            return None  # a copy's events are linked through its original
        ev = self.evidence(a, b)
        if ev is None:
            return None
        if a.money is not None or b.money is not None:
            relation = self.measure_relation(a, b, ev)
        else:
            relation = self.event_relation(a, b, ev)
        if relation is None:
            return None
        return relation, len(ev.shared) + ev.content, self.reasons(a, b, ev, relation) if explain else []

    @staticmethod
    def event_relation(a: _Facts, b: _Facts, ev: _Evidence) -> str | None:
        shared, content = len(ev.shared), ev.content
        same_article = a.event.article == b.event.article
        # A country shared with one word is the background of a month, not one fact; two places
        # and a weekday both name (`w czwartek`) single out one day there.
        same_weekday = a.weekday is not None and a.weekday == b.weekday
        # Reports in two languages share no words: the kind of happening they both name stands for them.
        across = a.event.lang != b.event.lang and bool(ev.classes) and bool(ev.places)
        specific = shared > len(ev.places) or len(ev.words) >= 2 or (len(ev.places) >= 2 and same_weekday) or across
        # One article strings its different facts with a word in common (`przyjęto ... przyjęto`):
        # within it, one fact told twice names its kind (the meeting, then the summit) or shares
        # more words, and one wrong link here would chain two stories.
        told_twice = (content >= 2 or bool(ev.classes) or not same_article) and a.call == b.call
        if (ev.gap == 0 and content and told_twice and specific and ev.weight >= _SAME_MIN_WEIGHT
                and not ev.place_clash and not ev.days_clash and (not same_article or (a.day_level and b.day_level))):
            return "same"
        strong = shared >= 1 and content >= 3 and not ev.place_clash
        # Two different years are two years' facts (a yearly ranking, a trade volume), not one misdated fact.
        years = a.event.granularity == b.event.granularity == "year"
        # The happening and the reactions of the next hours: one story, not one fact,
        # when the two say something else happened (their clauses' verbs differ).
        if (0 < ev.gap <= _STORY_MAX_GAP_DAYS and not same_article and a.width == b.width == 0 and specific
                and ev.weight >= _STORY_MIN_WEIGHT and not ev.place_clash
                and a.event.keywords[:1] != b.event.keywords[:1]):
            return "story"
        # Fighting goes on for days at one place, and its toll is told days later: one story
        # when both tell of fighting at a place they share, each on a day it names.
        if (not same_article and a.fighting and b.fighting and ev.gap <= _FIGHTING_MAX_GAP_DAYS
                and ev.places and not ev.place_clash and not ev.days_clash and a.names_day and b.names_day):
            return "story"
        if ev.gap > 0 and strong and specific and not years and not same_article and ev.gap <= _CONFLICT_MAX_GAP_DAYS:
            return "conflict"
        if ev.gap > 0 and (strong or (shared >= 2 and content >= 2)):
            return "related"
        return None

    @staticmethod
    def measure_relation(a: _Facts, b: _Facts, ev: _Evidence) -> str | None:
        """Figures (trade volume, investment) are one fact only for the same period and amount."""
        if not ev.words or a.money is None or b.money is None:
            return None
        (va, ca), (vb, cb) = a.money, b.money
        if ca and cb and ca != cb:
            return None
        if a.lo == b.lo and a.hi == b.hi and abs(va - vb) <= _SAME_MONEY_TOLERANCE * max(va, vb):
            return "same"
        if ev.gap > 0 and ev.content >= 2:
            return "related"
        return None

    @staticmethod
    def reasons(a: _Facts, b: _Facts, ev: _Evidence, relation: str) -> list[str]:
        ea, eb = a.event, b.event
        out = []
        if ev.shared:
            out.append("shared: " + ", ".join(sorted(k.split(":", 1)[-1] for k in ev.shared)))
        if ev.words:
            out.append("key words: " + ", ".join(sorted(ev.words)))
        if ev.classes:
            out.append("same kind of event: " + ", ".join(sorted(ev.classes)))
        if a.places & b.places:
            out.append("place: " + ", ".join(sorted(a.places & b.places)))
        if a.money is not None and b.money is not None:
            out.append(f"amounts: {money.written_sum(a.money[0])} / {money.written_sum(b.money[0])}")
        if relation == "same":
            out.append(f"dates agree: {ea.date} / {eb.date}")
        elif relation == "story":
            out.append(f"{'the next day' if ev.gap == 1 else 'days of one happening'}: {ea.date} / {eb.date}")
        elif relation == "conflict":
            out.append(f"dates disagree: {ea.date} ({ea.text}) vs {eb.date} ({eb.text})")
        else:
            out.append(f"another time: {ea.date} / {eb.date}")
        return out


# Letters two lemmas of one root share (`patrolowy` / `patrolować`): one fact told by a noun, verb or adjective.
_ROOT = 6


def _by_root(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in words:
        if len(w) > _ROOT:
            out.setdefault(w[:_ROOT], []).append(w)
    return {root: tuple(ws) for root, ws in out.items()}


def _found(f: _Facts, other: _Facts) -> frozenset[str]:
    """Those of f's keywords the other report uses, itself or a word of the same root, anywhere in its sentence."""
    found = f.keywords & other.context
    roots = f.keyword_roots.keys() & other.roots
    return found.union(*(f.keyword_roots[r] for r in roots)) if roots else found


def _candidates(facts: list[_Facts], linker: _Linker) -> Iterable[tuple[int, int]]:
    """Pairs worth judging: a sweep in date order, each event meeting the last few events of each of its blocks.

    Work is O(events x keys x neighbours) and memory O(distinct keys x
    neighbours), so a million events never become a million squared pairs.
    """
    recent: dict[str, deque[int]] = defaultdict(lambda: deque(maxlen=_NEIGHBOURS))
    order = sorted((i for i, f in enumerate(facts) if f.lo is not None), key=lambda i: (facts[i].lo, i))
    for i in order:
        keys = linker.block_keys(facts[i])
        met = {j for k in keys for j in recent[k]} if keys else set()
        for j in sorted(met):
            yield (j, i) if j < i else (i, j)
        for k in keys:
            recent[k].append(i)


def link_events(events: list[Event], duplicates: dict[str, str] | None = None,
                focus: Collection[str] | None = None) -> None:
    """Fill `links` on every event (both directions) with same / story / conflict / related.

    `duplicates` maps a near-duplicate article to its original: the copy's
    events are `same` as the original's and take no other links. Links the
    events already carry are replaced, so linking again gives the same result.
    With `focus` (event ids), only pairs with one of those events are judged:
    an incremental refresh needs nothing else.
    """
    for ev in events:
        ev.links = []
    facts = [_facts(ev) for ev in events]
    linker = _Linker(facts, duplicates or {})
    # Each event keeps its strongest few links of each kind (a pair stays if
    # either end keeps it): a story retold in a thousand articles must not
    # become a million links, and the strongest already join its reports.
    best: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for i, j in _candidates(facts, linker):
        if focus is not None and events[i].id not in focus and events[j].id not in focus:
            continue
        # Most judged pairs lose to stronger ones: their reasons are written only for the pairs kept.
        found = linker.judge(facts[i], facts[j], explain=False)
        if found is None:
            continue
        relation, strength, _reasons = found
        cap = _MAX_LINKS[relation]
        for x, y in ((i, j), (j, i)):
            heap = best[(x, relation)]
            heapq.heappush(heap, (strength, y))
            if len(heap) > cap:
                heapq.heappop(heap)
    kept = {(min(x, y), max(x, y)) for (x, _rel), heap in best.items() for _, y in heap}
    for i, j in sorted(kept):
        found = linker.judge(facts[i], facts[j])
        if found is not None:
            add_link(events, i, j, found[0], found[2])
    link_duplicates(events, facts, linker, kept)
    link_within_articles(events, kept, linker.duplicates)
