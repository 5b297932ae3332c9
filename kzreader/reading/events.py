"""Events (something the text puts on the calendar) and the links between them.

An event is anchored on one temporal expression; what happened is read from
the clause around it (content lemmas, the nearest verb) and who took part from
the entities of its sentence. Links compare events pairwise, but only within
blocks of events that share an entity or a key word, sorted by date, so the
work grows with the number of events, not with its square.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from kzreader.language.folding import fold
from kzreader.language.pl.morphology import Interp, analyse
from kzreader.language.pl.names import candidates
from kzreader.language.tokens import WORD, sentence_spans
from kzreader.reading import money
from kzreader.reading.annotations import Entity, Event, Link, Timex
from kzreader.reading.timex import MONTHS, UNITS, WEEKDAYS, Reference

# Dates whose year is unknown still say which month/day: keep them as events.
_UNRESOLVED = re.compile(r"^XXXX-\d{2}(-\d{2})?$")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s|[„”\"«»]")
_FINITE_POS = frozenset({"fin", "praet", "bedzie", "impt", "inf", "imps"})
_VERB_POS = _FINITE_POS | {"ppas", "pact"}
_NOUN_POS = frozenset({"subst", "ger"})
_FUNCTION_POS = frozenset({"prep", "conj", "comp", "part", "frag", "adv", "qub", "interj", "num", "pred"})
_CONTENT_POS = _VERB_POS | _NOUN_POS | {"adj"}
# Words that carry no event content: auxiliaries, roles and office titles that
# every political story repeats, pronominal adjectives.
_STOP = frozenset(
    "być mieć móc musieć chcieć zostać zostawać stać ten to ów swój mój twój nasz wasz jego jej ich który "
    "jaki taki sam wszystek każdy inny cały kolejny ostatni pierwszy drugi nowy duży wielki raz sposób strona "
    "sprawa kwestia czas okazja część rama prezydent premier minister przywódca szef lider kraj państwo "
    "rząd władza człowiek trwać dotyczyć odbyć odbywać mówić powiedzieć pan pani dojść dochodzić "
    "miejsce".split()
)
# Dates are the event's when, not its what ("lat" also reads as `lato`).
_NOT_KEYWORDS = _STOP | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(UNITS) | {"lato"}
# Predicate classes: different words for the same kind of happening, so that
# "przybył do Moskwy" and "odbył wizytę" can be recognised as one visit.
_CLASSES = {
    "visit": "wizyta odwiedzić odwiedzać przybyć przybywać przyjechać przyjeżdżać przylecieć polecieć udać "
             "podróż",
    "hosting": "gościć przyjmować przyjąć podejmować gospodarz",
    "meeting": "spotkanie spotkać spotykać rozmowa rozmowy rozmawiać szczyt negocjacje negocjować obrady zjazd",
    "signing": "podpisać podpisywać porozumienie umowa deklaracja traktat memorandum",
    "statement": "oświadczyć zadeklarować deklarować stwierdzić zapowiedzieć zapowiadać podkreślić podkreślać "
                 "wskazać ogłosić oznajmić przemawiać zapewnić oświadczenie wypowiedź",
    "trade": "wymiana handel handlowy obrót eksport import",
    "investment": "inwestycja inwestować zainwestować inwestor",
    "election": "wybory wybór wygrać głosowanie reelekcja kadencja",
    "war": "agresja inwazja wojna atak ofensywa",
    "recognition": "uznać uznawać uznanie",
}
_CLASS_OF = {lemma: cls for cls, words in _CLASSES.items() for lemma in words.split()}
_COMPARISON = frozenset({"porównanie", "stosunek", "analogiczny", "względem"})
_LOCATIVE = frozenset({"w", "we", "na", "do"})
_ACTORS = frozenset({"person", "org"})

# Link thresholds. Conflicts are only claimed for dates a few months apart:
# two explicit dates years apart for a similar story are usually two
# occurrences (an annual forum, repeated visits), not one misdated event.
_CONFLICT_MAX_GAP_DAYS = 183
_SAME_MONEY_TOLERANCE = 0.1
_NEIGHBOURS = 20
_MAX_LINKS = {"same": 20, "conflict": 10, "related": 5}
_COMMON_SHARE = 0.05
_COMMON_MIN = 10


def _eventful(t: Timex) -> bool:
    return t.kind == "DATE" and (t.on_timeline or bool(_UNRESOLVED.match(t.value)))


@lru_cache(maxsize=200_000)
def _content(word: str, inside: bool) -> tuple[str, bool] | None:
    """(lemma, is_finite_verb) of a content word; None for function words, names and dates.

    `inside`: the word does not open a sentence, so a capital letter marks a
    name and its verb readings are out (`Przyjaźni` in a name is no verb).

    Name readings are ignored (a sentence-initial `Szczyt` is still a summit);
    a word that is only a name is no keyword. Otherwise the reading whose lemma
    keeps most of the form wins, a noun, verb or function word by a letter over
    an adjective: `szczycie` is `szczyt`, not `szczać`; `umowy` is `umowa`;
    `prawie` is the particle, not `prawo`; a tie goes to the verb (`stara` is
    `starać`).
    """
    readings = [r for r in analyse(word) if (not r.names or r.names == ("nazwa_pospolita",))
                and not (inside and word[:1].isupper() and r.pos in _VERB_POS)]
    if not readings or {r.lemma.lower() for r in readings} & _NOT_KEYWORDS:
        return None
    low = word.lower()

    def fit(r: Interp) -> tuple[int, bool, bool, bool, int]:
        weighty = r.pos in _FUNCTION_POS or r.pos in _VERB_POS or r.pos in _NOUN_POS
        return (_common_prefix(r.lemma.lower(), low) + weighty, r.pos in _FUNCTION_POS, r.pos in _VERB_POS,
                r.pos in _NOUN_POS, -abs(len(r.lemma) - len(low)))

    best = max(readings, key=fit)
    if best.pos in _FUNCTION_POS or best.pos not in _CONTENT_POS:
        return None
    return best.lemma.lower(), best.pos in _FINITE_POS


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n:])[\s\"„«(–—-]*$")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int


def _clauses(text: str, lo: int, hi: int) -> list[_Clause]:
    out, start = [], lo
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if m.start() > start:
            out.append(_Clause(start, m.start()))
        start = m.end()
    if hi > start:
        out.append(_Clause(start, hi))
    return out


def _has_verb(text: str, c: _Clause) -> bool:
    return any(r.pos in _VERB_POS for m in WORD.finditer(text, c.start, c.end) for r in analyse(m.group()))


def _first_word(text: str, c: _Clause) -> str:
    m = WORD.search(text, c.start, c.end)
    return m.group().lower() if m else ""


def _event_span(text: str, sentence: tuple[int, int], t: Timex) -> tuple[int, int]:
    """The clause that says what happened at `t`.

    The clause holding the date, widened to the next clauses until one has a
    verb ("Dwa tygodnie temu, na forum ... zadeklarował"); a clause opened by
    `gdzie` or `który` belongs with the one before it, which names the place
    or the thing it speaks of ("wymiana handlowa, która ... wynosi").
    """
    parts = _clauses(text, *sentence)
    if not parts:
        return sentence
    k = next((i for i, c in enumerate(parts) if c.start <= t.start < c.end or t.start < c.start), len(parts) - 1)
    lo = hi = k
    while not any(_has_verb(text, parts[j]) for j in range(lo, hi + 1)) and (hi + 1 < len(parts) or lo > 0):
        if hi + 1 < len(parts):
            hi += 1
        else:
            lo -= 1
    if lo > 0 and (_first_word(text, parts[lo]) in ("gdzie", "dokąd")
                   or "który" in {r.lemma for r in analyse(_first_word(text, parts[lo]))}):
        lo -= 1
    if hi + 1 < len(parts) and _first_word(text, parts[hi + 1]) in ("gdzie", "dokąd"):
        hi += 1
    return parts[lo].start, parts[hi].end


def _keywords(text: str, lo: int, hi: int, t: Timex) -> list[str]:
    """Content lemmas of text[lo:hi]: the finite verb nearest the date first, then the rest by distance to it.

    Common nouns inside names count too: the `forum` of "Petersburskie Forum
    Ekonomiczne" is what the event is about.
    """
    found: list[tuple[int, bool, str]] = []
    for m in WORD.finditer(text, lo, hi):
        if t.start <= m.start() < t.end:
            continue
        if text[m.end():m.end() + 1] == "." and len(m.group()) <= 4:
            continue  # an abbreviation (proc., tys., ok.) reads as some unrelated noun
        c = _content(m.group(), _SENTENCE_OPENING.search(text, max(0, m.start() - 6), m.start()) is None)
        if c is not None:
            found.append((min(abs(m.start() - t.start), abs(m.start() - t.end)), c[1], c[0]))
    found.sort()
    verb = next((k for _, is_verb, k in found if is_verb), None)
    return list(dict.fromkeys(([verb] if verb else []) + [k for _, _, k in found]))


@lru_cache(maxsize=100_000)
def _place_lemma(word: str) -> str | None:
    readings = analyse(word)
    geo = [r.lemma for r in readings if "nazwa_geograficzna" in r.names]
    if geo:
        return geo[0]
    return None if readings else candidates(word)[0][0]


def _places(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, lemma) of geographic names after w/na/do: where it happened or where someone went."""
    out = []
    prev: re.Match[str] | None = None
    for m in WORD.finditer(text, lo, hi):
        if prev is not None and prev.group().lower() in _LOCATIVE and m.group()[:1].isupper() and (
                text[prev.end():m.start()] == " "):
            lemma = _place_lemma(m.group())
            if lemma:
                out.append((m.start(), lemma))
        prev = m
    return out


def _is_comparison_base(text: str, sentence: tuple[int, int], t: Timex) -> bool:
    """`w porównaniu z ubiegłym rokiem`, `analogicznego okresu roku poprzedniego`: a baseline, not an event."""
    before = [m.group() for m in WORD.finditer(text, max(sentence[0], t.start - 40), t.start)][-3:]
    inside = [m.group() for m in WORD.finditer(text, t.start, t.end)]
    return any(r.lemma.lower() in _COMPARISON for w in before + inside for r in analyse(w))


def _mentions_in(entities: Sequence[Entity], lo: int, hi: int, anchor: int) -> list[Entity]:
    scored: dict[str, tuple[int, Entity]] = {}
    for e in entities:
        for m in e.mentions:
            if m.start < hi and lo < m.end:
                d = abs(m.start - anchor)
                if e.key not in scored or d < scored[e.key][0]:
                    scored[e.key] = (d, e)
    return [e for _, e in sorted(scored.values(), key=lambda x: x[0])]


def _borrowed_actors(text: str, sentences: list[tuple[int, int]], k: int, entities: Sequence[Entity],
                     anchor: int) -> list[Entity]:
    for j in (k + 1, k - 1):
        if not 0 <= j < len(sentences):
            continue
        lo, hi = sorted((sentences[j], sentences[k]))
        if "\n\n" in text[lo[1]:hi[0]]:
            continue  # another paragraph is another topic
        actors = [e for e in _mentions_in(entities, *sentences[j], anchor) if e.type in _ACTORS]
        if actors:
            return actors
    return []


def _whole_sentence(text: str, sentences: list[tuple[int, int]], k: int, t: Timex) -> tuple[int, int]:
    """The sentence of `t`, rejoined when the splitter cut it at the date's own full stop.

    "W 2019 r. Jan Nowak spotkał się ..." reads to a splitter as two sentences;
    a "sentence" that is only a date ending in an abbreviation is no sentence.
    """
    lo, hi = sentences[k]
    if t.end == hi and text[hi - 1] == "." and k + 1 < len(sentences):
        rest = [m.group() for m in WORD.finditer(text, lo, t.start)]
        if not any(r.pos in _VERB_POS for w in rest for r in analyse(w)):
            return lo, sentences[k + 1][1]
    return lo, hi


def _label(keywords: list[str], ents: list[Entity], place: str | None) -> str:
    what = next((k for k in keywords if not k[:1].isupper()), "")
    who = [e.name for e in ents if e.type in _ACTORS][:3]
    label = " — ".join(p for p in (what, ", ".join(who)) if p)
    return f"{label} ({place})" if place else label


def _place_name(place: tuple[int, str], entities: Sequence[Entity]) -> str:
    for e in entities:
        if any(m.start == place[0] for m in e.mentions):
            return e.name
    return place[1]


def build_events(article_id: str, text: str, timexes: list[Timex], entities: list[Entity]) -> list[Event]:
    """One event per temporal expression that puts something on the calendar.

    `keywords` are the content lemmas of the clause around the date; the
    capitalised ones at the end are the places it happened at (after w/na/do).
    `entities` are the keys in the sentence, nearest to the date first; a
    sentence that names no person or organisation borrows them from the next
    (else the previous) sentence of its paragraph: "Od wtorku relacje ...
    przeszły na nowy poziom. Tokajew udał się do Moskwy ..." is Tokajew's.
    """
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    events: list[Event] = []
    for t in timexes:
        if not _eventful(t):
            continue
        k = max(0, bisect_right(starts, t.start) - 1)
        sentence = _whole_sentence(text, sentences, k, t) if sentences else (0, len(text))
        if _is_comparison_base(text, sentence, t):
            continue
        lo, hi = _event_span(text, sentence, t)
        ents = _mentions_in(entities, *sentence, t.start)
        if not any(e.type in _ACTORS for e in ents):
            ents += _borrowed_actors(text, sentences, k, entities, t.start)
        places = _places(text, lo, hi)
        keywords = _keywords(text, lo, hi, t)
        keywords += [p for p in dict.fromkeys(lemma for _, lemma in places) if p not in keywords]
        place = _place_name(places[0], entities) if places else None
        events.append(Event(
            id=f"{article_id}#{len(events) + 1}", article=article_id, date=t.value, text=t.text,
            start=t.start, end=t.end, granularity=t.granularity, earliest=t.earliest, latest=t.latest,
            sentence=text[sentence[0]:sentence[1]], sentence_start=sentence[0], sentence_end=sentence[1],
            entities=[e.key for e in ents], keywords=keywords, label=_label(keywords, ents, place),
        ))
    return events


# ---- linking ---------------------------------------------------------------

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
    classes: frozenset[str]
    places: frozenset[str]
    signature: str

    @property
    def day_level(self) -> bool:
        return self.lo is not None and self.hi is not None and (self.hi - self.lo).days <= 7


def _window(ev: Event) -> tuple[date | None, date | None]:
    if ev.earliest and ev.latest:
        return date.fromisoformat(ev.earliest), date.fromisoformat(ev.latest)
    ref = Reference.parse(ev.date)
    return (ref.lo, ref.hi) if ref else (None, None)


def _money(keys: Sequence[str]) -> tuple[float, str] | None:
    """The amount nearest the date (entity keys come nearest first), from its `money:<amount>:<currency>` key."""
    return next((found for k in keys if (found := money.from_key(k))), None)


@cache
def _surname(key: str) -> str | None:
    """`person:kasym-żomart tokajew` -> `tokajew`: one person whose first name is spelt two ways."""
    return key.rsplit(" ", 1)[-1] if key.startswith("person:") and " " in key else None


def _facts(ev: Event) -> _Facts:
    lo, hi = _window(ev)
    keys = frozenset(k for k in ev.entities if not k.startswith(money.KEY_PREFIX))
    return _Facts(
        event=ev, lo=lo, hi=hi, keys=keys,
        surnames=frozenset(s for s in map(_surname, keys) if s),
        money=_money(ev.entities),
        keywords=frozenset(k for k in ev.keywords if not k[:1].isupper()),
        classes=frozenset(_CLASS_OF[k] for k in ev.keywords if k in _CLASS_OF),
        places=frozenset(fold(k) for k in ev.keywords if k[:1].isupper()),
        signature=" ".join(fold(w) for w in WORD.findall(ev.sentence)),
    )


def _gap_days(a: _Facts, b: _Facts) -> int | None:
    """Days between two windows (0 when they overlap); None when a date is unknown."""
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return None
    if a.lo <= b.hi and b.lo <= a.hi:
        return 0
    return (b.lo - a.hi).days if a.hi < b.lo else (a.lo - b.hi).days


@dataclass(slots=True)
class _Evidence:
    """What two events have in common; counted before any text is written."""

    gap: int
    shared: frozenset[str]
    words: frozenset[str]
    classes: frozenset[str]
    place_clash: bool

    @property
    def content(self) -> int:
        return len(self.words) + len(self.classes)


class _Linker:
    def __init__(self, facts: list[_Facts], duplicates: dict[str, str]):
        self.facts = facts
        self.duplicates = duplicates
        # Words used in many different sentences say nothing about which event
        # this is; copies of one sentence (reprints) count once.
        sentences: dict[str, frozenset[str]] = {}
        for f in facts:
            sentences[f.signature] = sentences.get(f.signature, frozenset()) | f.keywords
        df: Counter[str] = Counter()
        for words in sentences.values():
            df.update(words)
        limit = max(_COMMON_MIN, int(_COMMON_SHARE * len(sentences)))
        self.common = frozenset(k for k, n in df.items() if n > limit)

    def block_keys(self, f: _Facts) -> list[str]:
        """Events meet only if they share a participant, or a key word when both state an amount."""
        out = list(f.keys) + ["surname:" + s for s in f.surnames]
        if f.money is not None:
            out += ["word:" + w for w in f.keywords - self.common]
        return out

    def evidence(self, a: _Facts, b: _Facts) -> _Evidence | None:
        gap = _gap_days(a, b)
        if gap is None:
            return None
        keys = a.keys & b.keys
        surnames = a.surnames & b.surnames
        if surnames and keys:
            surnames -= {_surname(k) for k in keys}
        if not keys and not surnames and (a.money is None or b.money is None):
            return None
        words = (a.keywords & b.keywords) - self.common
        classes = a.classes & b.classes
        if classes and words:
            classes -= {_CLASS_OF[w] for w in words if w in _CLASS_OF}
        shared = keys | {"surname:" + s for s in surnames} if surnames else keys
        return _Evidence(gap, shared, words, classes, bool(a.places and b.places and not a.places & b.places))

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
        if ev.gap == 0 and shared and content and not ev.place_clash and (
                not same_article or (a.day_level and b.day_level)):
            return "same"
        strong = shared >= 1 and content >= 3 and not ev.place_clash
        if ev.gap > 0 and strong and not same_article and ev.gap <= _CONFLICT_MAX_GAP_DAYS:
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
            out.append(f"amounts: {_amount(a.money[0])} / {_amount(b.money[0])}")
        if relation == "same":
            out.append(f"dates agree: {ea.date} / {eb.date}")
        elif relation == "conflict":
            out.append(f"dates disagree: {ea.date} ({ea.text}) vs {eb.date} ({eb.text})")
        else:
            out.append(f"another time: {ea.date} / {eb.date}")
        return out


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
    """Fill `links` on every event (both directions) with same / conflict / related.

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
            _add_link(events, i, j, found[0], found[2])
    _link_duplicates(events, facts, linker, kept)


def _amount(value: float) -> str:
    """28000000000.0 -> `28 mld`, 24500000.0 -> `24,5 mln`: as Polish press writes sums."""
    for size, word in ((1e9, "mld"), (1e6, "mln"), (1e3, "tys.")):
        if abs(value) >= size:
            return f"{value / size:.4g}".replace(".", ",") + f" {word}"
    return f"{value:g}".replace(".", ",")


def _add_link(events: list[Event], i: int, j: int, relation: str, reasons: list[str]) -> None:
    a, b = events[i], events[j]
    a.links.append(Link(b.id, relation, reasons))  # type: ignore[arg-type]
    b.links.append(Link(a.id, relation, reasons))  # type: ignore[arg-type]


def _link_duplicates(events: list[Event], facts: list[_Facts], linker: _Linker, linked: set[tuple[int, int]]) -> None:
    """A copy repeats its original even where the two share no participant: pair them by date and text.

    `linked` holds the pairs (lower index first) already linked; it grows here.
    """
    if not linker.duplicates:
        return
    by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        by_key[(ev.article, ev.date, ev.text)].append(i)
    for i, ev in enumerate(events):
        original = linker.duplicates.get(ev.article)
        for j in by_key.get((original, ev.date, ev.text), []) if original else []:
            pair = (min(i, j), max(i, j))
            if pair in linked:
                continue
            found = linker.judge(facts[i], facts[j])
            if found is not None:
                _add_link(events, i, j, found[0], found[2])
                linked.add(pair)
