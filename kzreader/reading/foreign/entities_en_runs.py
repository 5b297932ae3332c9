"""Runs of capitalised English words made names: titles and adjectives cut off, the rest typed by its words and context."""
from __future__ import annotations

from collections.abc import Sequence

from kzreader.language import en, pl
from kzreader.language.tokens import Token
from kzreader.language.transcription import from_english, russian_looking
from kzreader.reading.foreign import entities_en_words as vocab
from kzreader.reading.foreign.entities_en_words import Word
from kzreader.reading.foreign.names import Found, Lexicon, gazetteer_found

_MAX_PERSON_WORDS = 4


def person_shape(words: Sequence[Word]) -> bool:
    """A given name and a surname: a surname no English word (Guterres), or a given name the Polish dictionary knows (Donald).

    Names of bodies without a head word (Human Rights Watch, Amnesty International, Islamic
    State) end in English words; such a name is a person's only where a title confirms it.
    """
    return not en.analyse(words[-1].low) or any("imię" in r.names for r in pl.analyse(words[0].text))


class Runs:
    """One sentence's words, and what has been found in them so far."""

    def __init__(self, text: str, words: list[Word], lex: Lexicon, headline: bool,
                 found: list[Found], singles: list[Found], unsure: list[Found]) -> None:
        self.text, self.words, self.lex, self.headline = text, words, lex, headline
        self.found, self.singles, self.unsure = found, singles, unsure
        self.tokens = [Token(w.text, w.start, w.end, n) for n, w in enumerate(words)]

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
            head = any(x.low in vocab.ORG_HEADS for x in self.words[i:k]) or self._title_across(i, k)
            nxt = self._next_capitalised(k)
            if head and w.low in vocab.JOINERS and nxt:
                k = nxt
                continue
            break
        return k

    def _title_across(self, i: int, k: int) -> bool:
        """A title with a joiner in it (Secretary of State) goes on past the joiner at `k`."""
        return any(" ".join(w.low for w in self.words[j:k + 2]) in vocab.TITLES for j in range(i, k))

    def _next_capitalised(self, k: int) -> int:
        while k < len(self.words) and self.words[k].low in vocab.JOINERS and self._joined(k):
            k += 1
        return k if k < len(self.words) and self.words[k].capitalised and self._joined(k) else 0

    def _joined(self, k: int) -> bool:
        return self.text[self.words[k - 1].end:self.words[k].start] in (" ", "'s ", "’s ")

    def _name(self, i: int, end: int) -> None:
        words = self.words[i:end]
        if any(w.low in vocab.ORG_HEADS for w in words if w.capitalised):
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
            if w.low in vocab.DEMONYMS or w.low in vocab.NOT_NAMES or (k == i and w.low in vocab.ORDINARY) or not w.text[0].isalpha():
                titled, k = False, k + 1
                continue
            stop = self._segment_end(k, end)
            self._person_or_place(k, stop, titled)
            titled, k = False, stop

    def _title_at(self, k: int, end: int) -> int:
        for n in range(min(vocab.LONGEST, end - k), 0, -1):
            if " ".join(w.low for w in self.words[k:k + n]) in vocab.TITLES:
                return n
        return 0

    def _segment_end(self, k: int, end: int) -> int:
        stop = k
        while stop < end and not self._title_at(stop, end):
            w = self.words[stop]
            if w.low in vocab.DEMONYMS or w.low in vocab.NOT_NAMES or not w.text[0].isalpha():
                break
            stop += 1
        return stop

    def _organisation(self, i: int, end: int) -> None:
        while i < end and (self.words[i].low in vocab.ORDINARY or self.words[i].low in vocab.NOT_NAMES):
            i += 1
        while end > i and self.words[end - 1].low in vocab.JOINERS:
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
        if words[-1].low in vocab.PLACE_HEADS and len(words) > 1:
            name = self._span(k, stop - 1)
            self.found.append(Found(start, last, span, "place", name))
            return
        after = self._noun_after(stop, vocab.PLACE_HEADS)
        if after and len(words) <= 2:
            self.found.append(Found(start, self.words[after - 1].end, self._span(k, after), "place", span))
            return
        if self._noun_after(stop, vocab.FACILITIES) and len(words) <= 2:
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
        (self.found if titled or person_shape(words) else self.unsure).append(person)

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
        if any(before == p or before.endswith(" " + p) for p in vocab.PLACE_BEFORE):
            return True
        if k >= 2 and self.words[k - 1].low == "and" and self.found:
            last = self.found[-1]
            return last.type == "place" and last.end == self.words[k - 2].end
        return False

    def _noun_after(self, stop: int, nouns: frozenset[str]) -> int:
        for n in range(min(vocab.LONGEST, len(self.words) - stop), 0, -1):
            words = self.words[stop:stop + n]
            if all(not w.capitalised for w in words) and " ".join(w.low for w in words) in nouns \
                    and self._joined(stop):
                return stop + n
        return 0

    def _span(self, a: int, b: int) -> str:
        return self.text[self.words[a].start:self.words[b - 1].end]
