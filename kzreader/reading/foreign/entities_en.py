"""People, places and organisations of an English article, from its capitalised words.

English capitalises names and little else, so a name is a run of capitalised
words, less what English also capitalises: titles before a name (President,
Foreign Minister), a country's adjective (Chinese), months and weekdays, and a
sentence's first ordinary word. What is left is typed by its words (an
organisation's head word, a place's), by what precedes it (a title: a person;
`in`: a place), or by its shape (a given name and a surname). Names the
gazetteer knows carry its Polish name; a Russian or Central Asian name spelt
for English readers is rewritten in Polish spelling where its ending shows it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kzreader.language import en, pl
from kzreader.language.tokens import Token
from kzreader.language.transcription import from_english, russian_looking
from kzreader.reading.foreign.institutions import institution
from kzreader.reading.foreign.names import Found, Lexicon, gazetteer_found, lexicon
from kzreader.reading.foreign.people import join_single_words

_WORDS = en.vocabulary("entities")
_NOT_NAMES = _WORDS.words("not_names")
_ORDINARY = _WORDS.words("ordinary")
_TITLES = _WORDS.words("titles")
_ORG_HEADS = _WORDS.words("organisation_heads")
_PLACE_HEADS = _WORDS.words("place_heads")
_FACILITIES = _WORDS.words("facilities")
_PLACE_BEFORE = _WORDS.words("place_prepositions")
_JOINERS = _WORDS.words("name_joiners")
_STATE_FORMS = _WORDS.words("state_forms")
_DEMONYMS = _WORDS.labels("demonyms")
_INSTITUTIONS = _WORDS.labels("institutions")
_LONGEST = max(len(p.split()) for p in (*_TITLES, *_INSTITUTIONS, *_PLACE_HEADS, *_FACILITIES, *_PLACE_BEFORE))

_POSSESSIVE = re.compile(r"['’]s$")
_MAX_PERSON_WORDS = 4
# A sentence whose every content word is capitalised is a headline: its capitals say nothing of names.
_HEADLINE_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Word:
    """A token less its possessive `'s`, which says whose the name is and is no part of it."""

    text: str
    start: int
    end: int
    possessive: bool
    initial: bool

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def find(text: str, regions: Sequence[tuple[int, int]]) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    singles: list[Found] = []
    unsure: list[Found] = []
    for s, e in en.sentence_spans(text):
        for a, b in regions:
            if a < e and s < b:
                words = _words(text, en.tokenize(text, max(a, s), min(b, e)))
                _Sentence(text, words, lex, _headline(text, words, min(b, e)), found, singles, unsure).read()
    people = {f.name for f in found if f.type == "person"}
    found += [f for f in unsure if f.name in people]
    return found + join_single_words(found, singles)


def _words(text: str, tokens: list[Token]) -> list[Word]:
    out = []
    for n, t in enumerate(tokens):
        m = _POSSESSIVE.search(t.text)
        cut = m is not None and len(t.text) > 2
        end = t.end - 2 if cut else t.end
        out.append(Word(text[t.start:end], t.start, end, cut, n == 0))
    return out


def _person_shape(words: Sequence[Word]) -> bool:
    """A given name and a surname: a surname no English word (Guterres), or a given name the Polish dictionary knows (Donald).

    Names of bodies without a head word (Human Rights Watch, Amnesty International, Islamic
    State) end in English words; such a name is a person's only where a title confirms it.
    """
    return not en.analyse(words[-1].low) or any("imię" in r.names for r in pl.analyse(words[0].text))


def _headline(text: str, words: list[Word], end: int) -> bool:
    """Every word but the little ones capitalised, and no full stop: a headline in title case (China's Xi to Visit Kazakhstan)."""
    content = [w for w in words if w.low not in _ORDINARY and w.text[0].isalpha()]
    ends = text[words[-1].end:end].strip()[:1] if words else ""
    return len(content) >= _HEADLINE_MIN_WORDS and all(w.capitalised for w in content) and ends not in (".", ";")


class _Sentence:
    def __init__(self, text: str, words: list[Word], lex: Lexicon, headline: bool,
                 found: list[Found], singles: list[Found], unsure: list[Found]) -> None:
        self.text, self.words, self.lex, self.headline = text, words, lex, headline
        self.found, self.singles, self.unsure = found, singles, unsure
        self.tokens = [Token(w.text, w.start, w.end, n) for n, w in enumerate(words)]

    def read(self) -> None:
        i = 0
        while i < len(self.words):
            i = self._at(i)

    def _at(self, i: int) -> int:
        w = self.words[i]
        if not w.capitalised or (w.initial and w.low in _ORDINARY):
            return i + 1
        for step in (self._state_form, self._owned_institution, self._gazetteer, self._institution):
            end = step(i)
            if end:
                return end
        end = self._run_end(i)
        self._name(i, end)
        return end

    # -- known names ---------------------------------------------------------
    def _gazetteer(self, i: int) -> int:
        hit = self.lex.latin.match(self.tokens, i)
        if hit is None:
            return 0
        end, entry = hit
        if any(self.words[k].possessive for k in range(i, end - 1)):
            return 0
        self.found.append(gazetteer_found(entry, self.words[i].start, self.words[end - 1].end, self._span(i, end)))
        return end

    def _state_form(self, i: int) -> int:
        """Republic of Kazakhstan: the state itself."""
        if self.words[i].low not in _STATE_FORMS or i + 2 >= len(self.words) or self.words[i + 1].low != "of":
            return 0
        k = i + 3 if self.words[i + 2].low == "the" else i + 2
        hit = self.lex.latin.match(self.tokens, k) if k < len(self.tokens) else None
        if hit is None or hit[1].type != "place":
            return 0
        end, entry = hit
        self.found.append(gazetteer_found(entry, self.words[i].start, self.words[end - 1].end, self._span(i, end)))
        return end

    def _institution(self, i: int) -> int:
        """The Kyrgyz border service: the border service of Kyrgyzstan, in Polish."""
        state = _DEMONYMS.get(self.words[i].low)
        if state is None or self.words[i].possessive:
            return 0
        for n in range(min(_LONGEST, len(self.words) - i - 1), 0, -1):
            phrase = self._phrase(i + 1, i + 1 + n)
            if phrase in _INSTITUTIONS:
                end = i + 1 + n
                self.found.append(institution(_INSTITUTIONS[phrase], state, self.words[i].start,
                                              self.words[end - 1].end, self._span(i, end)))
                return end
        return 0

    def _owned_institution(self, i: int) -> int:
        """The Council of Heads of State of the SCO, the SCO's Council of Heads of State: named with its owner's genitive."""
        for n in range(min(_LONGEST, len(self.words) - i), 0, -1):
            phrase = self._phrase(i, i + n)
            if phrase not in _INSTITUTIONS:
                continue
            end = i + n
            owner = self._owner_after(end) or self._owner_before(i)
            if owner is None:
                return 0
            self.found.append(institution(_INSTITUTIONS[phrase], owner, self.words[i].start,
                                          self.words[end - 1].end, self._span(i, end)))
            return end
        return 0

    def _owner_after(self, end: int) -> str | None:
        k = end + 1
        if end >= len(self.words) or self.words[end].low != "of":
            return None
        if k < len(self.words) and self.words[k].low == "the":
            k += 1
        hit = self.lex.latin.match(self.tokens, k) if k < len(self.words) else None
        return hit[1].name if hit is not None else None

    def _owner_before(self, i: int) -> str | None:
        """The gazetteer name just read whose possessive precedes `i`."""
        if i == 0 or not self.words[i - 1].possessive or not self.found:
            return None
        last = self.found[-1]
        return last.name if last.end == self.words[i - 1].end and last.key else None

    def _phrase(self, a: int, b: int) -> str:
        return " ".join(w.low + ("'s" if w.possessive and k < b - 1 else "") for k, w in enumerate(self.words[a:b], a))

    # -- runs of capitalised words -------------------------------------------
    def _run_end(self, i: int) -> int:
        """The end of the run of capitalised words from `i`: joined by single spaces, joiners after a head."""
        k = i + 1
        while k < len(self.words) and self._joined(k) and not self.words[k - 1].possessive:
            w = self.words[k]
            if w.capitalised and self.lex.latin.match(self.tokens, k) is not None:
                break
            if w.capitalised:
                k += 1
                continue
            head = any(x.low in _ORG_HEADS for x in self.words[i:k]) or self._title_across(i, k)
            nxt = self._next_capitalised(k)
            if head and w.low in _JOINERS and nxt:
                k = nxt
                continue
            break
        return k

    def _title_across(self, i: int, k: int) -> bool:
        """A title with a joiner in it (Secretary of State) goes on past the joiner at `k`."""
        return any(" ".join(w.low for w in self.words[j:k + 2]) in _TITLES for j in range(i, k))

    def _next_capitalised(self, k: int) -> int:
        while k < len(self.words) and self.words[k].low in _JOINERS and self._joined(k):
            k += 1
        return k if k < len(self.words) and self.words[k].capitalised and self._joined(k) else 0

    def _joined(self, k: int) -> bool:
        return self.text[self.words[k - 1].end:self.words[k].start] in (" ", "'s ", "’s ")

    def _name(self, i: int, end: int) -> None:
        words = self.words[i:end]
        if any(w.low in _ORG_HEADS for w in words if w.capitalised):
            self._organisation(i, end)
            return
        titled = False
        k = i
        while k < end:
            n = self._title_at(k, end)
            if n:
                titled, k = True, k + n
                continue
            w = self.words[k]
            if w.low in _DEMONYMS or w.low in _NOT_NAMES or (k == i and w.low in _ORDINARY) or not w.text[0].isalpha():
                titled, k = False, k + 1
                continue
            stop = self._segment_end(k, end)
            self._person_or_place(k, stop, titled)
            titled, k = False, stop

    def _title_at(self, k: int, end: int) -> int:
        for n in range(min(_LONGEST, end - k), 0, -1):
            if " ".join(w.low for w in self.words[k:k + n]) in _TITLES:
                return n
        return 0

    def _segment_end(self, k: int, end: int) -> int:
        stop = k
        while stop < end and not self._title_at(stop, end):
            w = self.words[stop]
            if w.low in _DEMONYMS or w.low in _NOT_NAMES or not w.text[0].isalpha():
                break
            stop += 1
        return stop

    def _organisation(self, i: int, end: int) -> None:
        while i < end and (self.words[i].low in _ORDINARY or self.words[i].low in _NOT_NAMES):
            i += 1
        while end > i and self.words[end - 1].low in _JOINERS:
            end -= 1
        if i < end:
            span = self._span(i, end)
            self.found.append(Found(self.words[i].start, self.words[end - 1].end, span, "org", span))

    def _person_or_place(self, k: int, stop: int, titled: bool) -> None:
        words = self.words[k:stop]
        span = self._span(k, stop)
        start, last = words[0].start, words[-1].end
        listed = self.lex.person(span)
        if listed is not None:
            self.found.append(gazetteer_found(listed, start, last, span))
            return
        if words[-1].low in _PLACE_HEADS and len(words) > 1:
            name = self._span(k, stop - 1)
            self.found.append(Found(start, last, span, "place", name))
            return
        after = self._noun_after(stop, _PLACE_HEADS)
        if after and len(words) <= 2:
            self.found.append(Found(start, self.words[after - 1].end, self._span(k, after), "place", span))
            return
        if self._noun_after(stop, _FACILITIES) and len(words) <= 2:
            self.found.append(Found(start, last, span, "place", span))
            return
        if len(words) == 1:
            self._single(k, titled)
            return
        if self.headline or len(words) > _MAX_PERSON_WORDS:
            return
        if any(w.possessive for w in words[:-1]):
            return
        name = from_english(span) if russian_looking(span) else span
        person = Found(start, last, span, "person", name, aliases=(span,) if name != span else ())
        (self.found if titled or _person_shape(words) else self.unsure).append(person)

    def _single(self, k: int, titled: bool) -> None:
        w = self.words[k]
        if w.text.isupper() and len(w.text) > 1 and w.text.isalpha():
            if not w.initial or not self.headline:
                self.found.append(Found(w.start, w.end, w.text, "org", w.text))
            return
        if titled and not self.headline:
            name = from_english(w.text) if russian_looking(w.text) else w.text
            self.found.append(Found(w.start, w.end, w.text, "person", name))
        elif self._place_context(k):
            self.found.append(Found(w.start, w.end, w.text, "place", w.text))
        else:
            # Resolved against the article's people once they are all known.
            self.singles.append(Found(w.start, w.end, w.text, "person", w.text))

    def _place_context(self, k: int) -> bool:
        """In X, the city of X; and after `X and` where X is a place (in Osh and Jalal-Abad)."""
        before = " ".join(w.low for w in self.words[max(0, k - 3):k])
        if any(before == p or before.endswith(" " + p) for p in _PLACE_BEFORE):
            return True
        if k >= 2 and self.words[k - 1].low == "and" and self.found:
            last = self.found[-1]
            return last.type == "place" and last.end == self.words[k - 2].end
        return False

    def _noun_after(self, stop: int, nouns: frozenset[str]) -> int:
        for n in range(min(_LONGEST, len(self.words) - stop), 0, -1):
            words = self.words[stop:stop + n]
            if all(not w.capitalised for w in words) and " ".join(w.low for w in words) in nouns \
                    and self._joined(stop):
                return stop + n
        return 0

    def _span(self, a: int, b: int) -> str:
        return self.text[self.words[a].start:self.words[b - 1].end]
