"""Events of an article that is not in Polish: each dated sentence, its actors, and content lemmas in its language.

The Polish engine reads a clause's verb from morfeusz's tags; here the
sentence is the unit and its content words are the language's lemmas less
its stop words. What lets such an event link to a Polish report of the same
happening is language-free: the canonical (Polish) names of its entities,
its date, and the kind of happening its words name (`classes` in each
language's events.yaml, the same kinds as the Polish ones).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

from kzreader import language
from kzreader.language import UnknownLanguage
from kzreader.language.tokens import WORD, sentence_spans
from kzreader.reading.annotations import Entity, Event, Timex, event_id
from kzreader.reading.event_labels import label
from kzreader.reading.events import CLAUSE_BREAK, SETTING_MENTIONS, eventful, participants

# A word this short carries no content of its own in any of the languages read here.
_SHORTEST = 3
# A clause that is little more than its date (`In a statement on Friday,`) says
# nothing on the timeline: its whole sentence is shown instead.
_FEWEST_LABEL_WORDS = 4


@cache
def _reader(lang: str) -> "language.Language | None":
    try:
        return language.get(lang)
    except UnknownLanguage:
        return None


# Read at import, so that a data file's mistake shows at start and not at the first foreign article.
_STOP = {code: language.get(code).vocabulary("events").words("stop") for code in language.CODES if code != "pl"}


def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    reader = _reader(lang)
    return reader.sentence_spans(text) if reader else sentence_spans(text)


def _lemma(word: str, lang: str) -> str | None:
    """The word's lemma in its language (itself where the language is unknown), None for a stop word."""
    reader = _reader(lang)
    low = word.lower()
    found = reader.lemmas(low) if reader else ()
    lemma = found[0].lower() if found else low
    stop = _STOP.get(lang, frozenset())
    return None if low in stop or lemma in stop else lemma


def _keywords(text: str, lo: int, hi: int, t: Timex, lang: str) -> list[str]:
    """Content lemmas of text[lo:hi] nearest the date first; names are entities, not keywords."""
    found: list[tuple[int, str]] = []
    for m in WORD.finditer(text, lo, hi):
        word = m.group()
        if t.start <= m.start() < t.end or len(word) < _SHORTEST or not word.isalpha() or word[:1].isupper():
            continue
        lemma = _lemma(word, lang)
        if lemma is not None:
            found.append((min(abs(m.start() - t.start), abs(m.start() - t.end)), lemma))
    found.sort()
    return list(dict.fromkeys(k for _, k in found))


def _clause(text: str, sentence: tuple[int, int], t: Timex) -> tuple[int, int]:
    """The clause of the sentence that holds the date: what its label shows."""
    lo, hi = sentence
    for m in CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= t.start:
            lo = m.end()
        elif m.start() >= t.end:
            hi = m.start()
            break
    return lo, hi


def build_events(article_id: str, text: str, timexes: list[Timex], entities: list[Entity], lang: str) -> list[Event]:
    """One event per temporal expression that puts something on the calendar, as `reading.events` builds them."""
    sentences = _sentences(text, lang)
    starts = [s for s, _ in sentences]
    setting = [e for e in entities if e.type == "place" and len(e.mentions) >= SETTING_MENTIONS]
    events: list[Event] = []
    for t in timexes:
        if not eventful(t):
            continue
        k = max(0, bisect_right(starts, t.start) - 1)
        sentence = sentences[k] if sentences else (0, len(text))
        ents = participants(text, sentences, k, sentence, entities, setting, t.start)
        keywords = _keywords(text, *sentence, t, lang)
        # Places by their names, as the Polish engine adds them: where it happened, for linking.
        keywords += [e.name for e in ents if e.type == "place" and e.name not in keywords]
        shown = label(text, *_clause(text, sentence, t), (t.start, t.end))
        if len(shown.split()) < _FEWEST_LABEL_WORDS:
            shown = label(text, *sentence, (t.start, t.end))
        events.append(Event(
            id=event_id(article_id, len(events) + 1), article=article_id, date=t.value, text=t.text,
            start=t.start, end=t.end, granularity=t.granularity, earliest=t.earliest, latest=t.latest,
            sentence=text[sentence[0]:sentence[1]], sentence_start=sentence[0], sentence_end=sentence[1],
            entities=[e.key for e in ents], keywords=keywords, label=shown, lang=lang,
        ))
    return events
