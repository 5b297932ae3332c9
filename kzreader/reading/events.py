"""Events: something the text puts on the calendar, built from an article's dates and entities.

An event is anchored on one temporal expression; what happened is read from
the clause around it (content lemmas, the nearest verb) and who took part from
the entities of its sentence. `kzreader.reading.links` links events across
articles.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kzreader.language import pl
from kzreader.language.pl.morphology import Interp, analyse
from kzreader.language.pl.names import candidates
from kzreader.language.tokens import WORD, sentence_spans
from kzreader.reading.annotations import Entity, Event, Timex, event_id
from kzreader.reading.event_labels import label
from kzreader.reading.timex import MONTHS, UNITS, WEEKDAYS

_WORDS = pl.vocabulary("events")
# Dates whose year is unknown still say which month/day: keep them as events.
_UNRESOLVED = re.compile(r"^XXXX-\d{2}(-\d{2})?$")
CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s|[„”\"«»]")
_FINITE_POS = frozenset({"fin", "praet", "bedzie", "impt", "inf", "imps"})
_VERB_POS = _FINITE_POS | {"ppas", "pact"}
_NOUN_POS = frozenset({"subst", "ger"})
_FUNCTION_POS = frozenset({"prep", "conj", "comp", "part", "frag", "adv", "qub", "interj", "num", "pred"})
_CONTENT_POS = _VERB_POS | _NOUN_POS | {"adj"}
# Dates are the event's when, not its what.
_NOT_KEYWORDS = (_WORDS.words("stop") | frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(UNITS)
                 | _WORDS.words("date_lemmas"))
_COMPARISON = _WORDS.words("comparison")
_COMPARISON_PHRASES = _WORDS.sequence("comparison_phrases")
_LOCATIVE = _WORDS.words("locative")
_PLACE_RELATIVES = _WORDS.words("place_relatives")
_RELATIVES = _WORDS.words("relatives")
_ACTORS = frozenset({"person", "org"})
# A place an article names this often is where it is set: a sentence that names
# no one and no place (`Oboje zginęli 16 września w karetce.`) happens there.
SETTING_MENTIONS = 3


def eventful(t: Timex) -> bool:
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
    for m in CLAUSE_BREAK.finditer(text, lo, hi):
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
    if lo > 0 and (_first_word(text, parts[lo]) in _PLACE_RELATIVES
                   or not _RELATIVES.isdisjoint(r.lemma for r in analyse(_first_word(text, parts[lo])))):
        lo -= 1
    if hi + 1 < len(parts) and _first_word(text, parts[hi + 1]) in _PLACE_RELATIVES:
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


def sentence_lemmas(sentence: str) -> frozenset[str]:
    """Content lemmas of a whole sentence: what linking compares an event's own words with."""
    out = set()
    for m in WORD.finditer(sentence):
        c = _content(m.group(), _SENTENCE_OPENING.search(sentence, max(0, m.start() - 6), m.start()) is None)
        if c is not None:
            out.add(c[0])
    return frozenset(out)


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
    lead = text[max(sentence[0], t.start - 40):t.start]
    # The date's own preposition may end the phrase: `w stosunku | do 2020 r.`.
    around = " ".join((lead + text[t.start:t.end]).lower().split())
    if any(phrase in around for phrase in _COMPARISON_PHRASES):
        return True
    before = [m.group() for m in WORD.finditer(lead)][-3:]
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


def participants(text: str, sentences: list[tuple[int, int]], k: int, about: tuple[int, int],
                 entities: Sequence[Entity], setting: list[Entity], anchor: int) -> list[Entity]:
    """Who took part: those `about` names, nearest the date first, with a neighbour's actors if it names none;
    where it names no one at all, the places the article is set in."""
    ents = _mentions_in(entities, *about, anchor)
    if not any(e.type in _ACTORS for e in ents):
        ents += _borrowed_actors(text, sentences, k, entities, anchor)
    return ents or setting


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


def _sentence_before(text: str, sentences: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The sentence before the k-th, when it stands in the same paragraph."""
    if k == 0 or "\n\n" in text[sentences[k - 1][1]:sentences[k][0]]:
        return None
    return sentences[k - 1]


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


def build_events(article_id: str, text: str, timexes: list[Timex], entities: list[Entity]) -> list[Event]:
    """One event per temporal expression that puts something on the calendar.

    `keywords` are the content lemmas of the clause around the date; the
    capitalised ones at the end are the places it happened at (after w/na/do).
    `entities` are the keys in the sentence, nearest to the date first; a
    sentence that names no person or organisation borrows them from the next
    (else the previous) sentence of its paragraph: "Od wtorku relacje ...
    przeszły na nowy poziom. Tokajew udał się do Moskwy ..." is Tokajew's;
    one that names no one at all takes the places the article keeps naming.
    """
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    setting = [e for e in entities if e.type == "place" and len(e.mentions) >= SETTING_MENTIONS]
    events: list[Event] = []
    for t in timexes:
        if not eventful(t):
            continue
        k = max(0, bisect_right(starts, t.start) - 1)
        sentence = _whole_sentence(text, sentences, k, t) if sentences else (0, len(text))
        if _is_comparison_base(text, sentence, t):
            continue
        lo, hi = _event_span(text, sentence, t)
        keywords = _keywords(text, lo, hi, t)
        about = sentence
        if not keywords and (before := _sentence_before(text, sentences, k)):
            # "Miało to miejsce 1 sierpnia.": the date's own words say nothing, the sentence it points back to does.
            about = lo, hi = before
            keywords = _keywords(text, lo, hi, t)
        ents = participants(text, sentences, k, about, entities, setting, t.start)
        keywords += [p for p in dict.fromkeys(lemma for _, lemma in _places(text, lo, hi)) if p not in keywords]
        events.append(Event(
            id=event_id(article_id, len(events) + 1), article=article_id, date=t.value, text=t.text,
            start=t.start, end=t.end, granularity=t.granularity, earliest=t.earliest, latest=t.latest,
            sentence=text[sentence[0]:sentence[1]], sentence_start=sentence[0], sentence_end=sentence[1],
            entities=[e.key for e in ents], keywords=keywords, label=label(text, lo, hi, (t.start, t.end)),
        ))
    return events
