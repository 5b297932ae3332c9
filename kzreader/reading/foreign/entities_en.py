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

from kzreader.language import en
from kzreader.language.tokens import Token
from kzreader.reading.foreign import entities_en_words as vocab
from kzreader.reading.foreign.entities_en_runs import Runs
from kzreader.reading.foreign.entities_en_words import Word
from kzreader.reading.foreign.institutions import institution
from kzreader.reading.foreign.names import Found, gazetteer_found, lexicon
from kzreader.reading.foreign.people import join_single_words

_POSSESSIVE = re.compile(r"['’]s$")
# A sentence whose every content word is capitalised is a headline: its capitals say nothing of names.
_HEADLINE_MIN_WORDS = 3


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


def _headline(text: str, words: list[Word], end: int) -> bool:
    """Every word but the little ones capitalised, and no full stop: a headline in title case (China's Xi to Visit Kazakhstan)."""
    content = [w for w in words if w.low not in vocab.ORDINARY and w.text[0].isalpha()]
    ends = text[words[-1].end:end].strip()[:1] if words else ""
    return len(content) >= _HEADLINE_MIN_WORDS and all(w.capitalised for w in content) and ends not in (".", ";")


class _Sentence(Runs):
    """Names the gazetteer knows and institutions first; any other run of capitals as `Runs` reads it."""

    def read(self) -> None:
        i = 0
        while i < len(self.words):
            i = self._at(i)

    def _at(self, i: int) -> int:
        w = self.words[i]
        if not w.capitalised or (w.initial and w.low in vocab.ORDINARY):
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
        if self.words[i].low not in vocab.STATE_FORMS or i + 2 >= len(self.words) or self.words[i + 1].low != "of":
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
        state = vocab.DEMONYMS.get(self.words[i].low)
        if state is None or self.words[i].possessive:
            return 0
        for n in range(min(vocab.LONGEST, len(self.words) - i - 1), 0, -1):
            phrase = self._phrase(i + 1, i + 1 + n)
            if phrase in vocab.INSTITUTIONS:
                end = i + 1 + n
                self.found.append(institution(vocab.INSTITUTIONS[phrase], state, self.words[i].start,
                                              self.words[end - 1].end, self._span(i, end)))
                return end
        return 0

    def _owned_institution(self, i: int) -> int:
        """The Council of Heads of State of the SCO, the SCO's Council of Heads of State: named with its owner's genitive."""
        for n in range(min(vocab.LONGEST, len(self.words) - i), 0, -1):
            phrase = self._phrase(i, i + n)
            if phrase not in vocab.INSTITUTIONS:
                continue
            end = i + n
            owner = self._owner_after(end) or self._owner_before(i)
            if owner is None:
                return 0
            self.found.append(institution(vocab.INSTITUTIONS[phrase], owner, self.words[i].start,
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
