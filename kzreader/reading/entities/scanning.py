"""Where names may be in a region of an article: gazetteer matches, acronyms, web domains, runs of capitalised words.

A run is cut into names: a multi-word place or organisation (`phrases`), a
person named in full (`persons`), a title or company name after a noun that
announces one, or single words left for `single_words` to type once the
article's people are known.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from kzreader.language.pl.morphology import analyse
from kzreader.language.tokens import Token, sentence_spans, tokenize
from kzreader.reading.entities import context
from kzreader.reading.entities.companies import company
from kzreader.reading.entities.acronyms import acronym, domains, joined_acronyms, owned_acronyms
from kzreader.reading.entities.article import CLOSE_QUOTES, OPEN_QUOTES, Article
from kzreader.reading.entities.designations import designations
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.entities.persons import initialled, person
from kzreader.reading.entities.phrases import head, phrase
from kzreader.reading.entities.particles import particled
from kzreader.reading.entities.riverside import riverside
from kzreader.reading.entities.words import agreement, word
from kzreader.reading.gazetteer import TextWord

# A name's head stands a few words before a place in it at most; the bound keeps
# a line of thousands of capitalised words linear.
_MAX_NAME_WORDS = 8


@lru_cache(maxsize=300_000)
def _known_text_word(text: str) -> TextWord:
    return TextWord.of(text, analyse(text))


class Scanner:
    """Adds the candidate mentions of regions of one article to it."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text

    def scan(self, start: int, end: int) -> None:
        raw = tokenize(self.text, start, end)
        if not raw:
            return
        initial = self._initial_flags(raw, start, end)
        toks = [Tok(t.text, t.start, t.end, word(t.text), initial[k], k) for k, t in enumerate(raw)]
        consumed = self._gazetteer_matches(toks)
        consumed |= self._riverside(toks, consumed)
        consumed |= particled(self.article, toks, consumed)
        consumed |= initialled(self.article, toks, consumed)
        run: list[Tok] = []
        for tok in toks:
            if tok.index in consumed or not self._runnable(tok):
                self._segment(run, toks)
                run = []
                found = acronym(tok) if tok.index not in consumed else None
                if found is not None:
                    self._add_acronym(found)
                continue
            if run and not self.article.joined(run[-1], tok):
                self._segment(run, toks)
                run = []
            run.append(tok)
        self._segment(run, toks)
        designations(self.article, toks)
        domains(self.article, start, end)
        owned_acronyms(self.article)

    def _add_acronym(self, found: Candidate) -> None:
        cands = self.article.cands
        last = cands[-1] if cands else None
        pair = joined_acronyms(last, found, self.text[last.end:found.start]) if last is not None else None
        if pair is not None:
            cands[-1] = pair
        else:
            cands.append(found)

    def _initial_flags(self, raw: list[Token], start: int, end: int) -> list[bool]:
        """Which tokens open a sentence or a quoted sentence: capitalised there, a word may be any word."""
        starts = [t.start for t in raw]
        flags = [False] * len(raw)
        for a, _b in sentence_spans(self.text[start:end]):
            k = bisect_left(starts, start + a)
            if k < len(raw):
                flags[k] = True
        for k, t in enumerate(raw):
            if t.start > 0 and self.text[t.start - 1] in OPEN_QUOTES and not self._quoted_name(raw, k):
                flags[k] = True
        return flags

    def _quoted_name(self, raw: list[Token], k: int) -> bool:
        """A quote holding only capitalised words is a title (`„Rzeczpospolitej”`), not a quoted sentence."""
        for j in range(k, len(raw)):
            if not raw[j].is_capitalised:
                return False
            if self.text[raw[j].end:raw[j].end + 1] in CLOSE_QUOTES:
                return True
            if j + 1 < len(raw) and not self.article.spaced(raw[j].end, raw[j + 1].start):
                return False
        return False

    def _gazetteer_matches(self, toks: list[Tok]) -> set[int]:
        """Adds the gazetteer's names; returns the indices of the tokens they cover."""
        words = [self._text_word(t) for t in toks]
        consumed: set[int] = set()
        for m in self.article.gazetteer.match(words):
            if not self._gazetteer_ok(toks, m.start, m.end, m.entry.type):
                continue
            first, last = toks[m.start], toks[m.end - 1]
            entry = m.entry
            self.article.cands.append(Candidate(first.start, last.end, self.text[first.start:last.end], entry.type,
                                                entry.name, entry.key, entry.aliases, tokens=m.end - m.start))
            consumed.update(range(m.start, m.end))
        for tok in toks:
            if tok.index not in consumed and "-" in tok.text and self._hyphenated_names(tok):
                consumed.add(tok.index)
        return consumed

    def _riverside(self, toks: list[Tok], consumed: set[int]) -> set[int]:
        """`Frankfurcie nad Odrą`: one place in place of the gazetteer's single words it covers."""
        multi = {i for c in self.article.cands if c.tokens > 1 for i in range(len(toks))
                 if c.start <= toks[i].start < c.end} & consumed
        covered = riverside(self.article, toks, consumed, multi)
        if covered:
            spans = {(toks[i].start, toks[i].end) for i in covered}
            self.article.cands = [c for c in self.article.cands if c.tokens > 1 or (c.start, c.end) not in spans]
        return covered

    def _hyphenated_names(self, tok: Tok) -> bool:
        """`Kirgistan-Tadżykistan`: a pair of listed places or organisations is the two of them, each a mention."""
        found = []
        pos = tok.start
        for piece in tok.text.split("-"):
            matches = self.article.gazetteer.match([_known_text_word(piece)]) if piece[:1].isupper() else []
            if not matches:
                return False
            found.append((pos, piece, matches[0].entry))
            pos += len(piece) + 1
        for start, piece, entry in found:
            self.article.cands.append(Candidate(start, start + len(piece), piece, entry.type, entry.name, entry.key,
                                                entry.aliases))
        return True

    def _gazetteer_ok(self, toks: list[Tok], start: int, end: int, kind: str) -> bool:
        joined = self.article.joined
        tok = toks[start]
        prev = toks[start - 1] if start > 0 and joined(toks[start - 1], tok) else None
        nxt = toks[end] if end < len(toks) and joined(toks[end - 1], toks[end]) else None
        if kind == "place" and prev is not None and self._inside_name(toks, start):
            return False  # Bank Narodowy Republiki Kirgiskiej: the place is part of an organisation's name
        if end - start > 1:
            return True
        if prev is not None and prev.word.first and tok.word.surname:
            return False  # Jerzy Waszyngton
        if nxt is not None and tok.word.first and nxt.word.personal and nxt.text[:1].isupper():
            return False  # Sofia Kowalska
        if kind == "place" and nxt is not None and nxt.text[:1].isupper() and nxt.word.modifiers and \
                agreement(tok.word.geo) & agreement(nxt.word.modifiers):
            return False  # Europy Środkowej: a longer place the generic rule names
        return True

    def _inside_name(self, toks: list[Tok], start: int) -> bool:
        """Whether the capitalised words just before `start` hold a head noun (Instytutu Europy...)."""
        k = start - 1
        stop = max(-1, start - 1 - _MAX_NAME_WORDS)
        while k > stop and toks[k].text[:1].isupper() and (k == start - 1 or self.article.joined(toks[k], toks[k + 1])):
            # A head opening a sentence is a name only with a capitalised word after it (Bank Narodowy...).
            if head(toks[k]) and (not toks[k].initial or k < start - 1):
                return True
            k -= 1
        return False

    def _text_word(self, tok: Tok) -> TextWord:
        if tok.word.unknown and tok.text[:1].isupper():
            return TextWord.of(tok.text, (), (self.article.forms.guess(tok.text),))
        return _known_text_word(tok.text)

    @staticmethod
    def _runnable(tok: Tok) -> bool:
        """Whether the token may be part of a run of capitalised words."""
        if not tok.text[:1].isupper() or len(tok.text) < 2 or tok.text.isupper():
            return False
        return not (tok.initial and not tok.word.proper and not tok.word.unknown
                    and not tok.word.modifiers and not head(tok))

    def _segment(self, run: list[Tok], toks: list[Tok]) -> None:
        """Cuts a run of capitalised words into names."""
        i = 0
        while i < len(run):
            if i == 0 and len(run) > 1 and not run[0].word.first and \
                    context.hints(self.article, run[0], toks, run[-1]) & {"organisation", "quoted"}:
                # dziennik „Lietuvos Rytas”, spółki Baltic Grain Terminal: one title or company name,
                # up to a word that names a person (portalowi Delfi Wiśniewski); but firma Jana
                # Kowalskiego is his company, not its name.
                i = next((k for k in range(1, len(run)) if run[k].word.first or run[k].word.surname), len(run))
                text = self.text[run[0].start:run[i - 1].end]
                self.article.cands.append(Candidate(run[0].start, run[i - 1].end, text, "org", text,
                                                    f"org:{text.lower()}", tokens=i))
                continue
            j = company(self.article, toks, run, i) or _brand(run, i)
            if j is not None:
                text = self.text[run[i].start:run[j - 1].end]
                self.article.cands.append(Candidate(run[i].start, run[j - 1].end, text, "org", text,
                                                    f"org:{text.lower()}", tokens=j - i))
                i = j
                continue
            j = phrase(self.article, run, i)
            if j is None:
                j = person(self.article, run, i)
            if j is None:
                self._single(run[i], toks, len(run) > 1)
                j = i + 1
            i = j

    def _single(self, tok: Tok, toks: list[Tok], in_run: bool) -> None:
        """One capitalised word on its own: typed once the article's people are known."""
        hints = context.hints(self.article, tok, toks, tok)
        if tok.initial:
            hints |= {"initial"}
        if in_run:
            hints |= {"in_run"}
        self.article.cands.append(Candidate(tok.start, tok.end, tok.text, None, tok.text, word=tok.word, hints=hints))


def _brand(run: list[Tok], i: int) -> int | None:
    """`Polsat News`, `Gazprom Neft`: a company's name and the words after it that name no one and nowhere.

    Returns where the name ends in `run`, or None when `run[i]` starts no such name.
    """
    w = run[i].word
    if not w.org or w.common or w.geo:
        return None
    j = i + 1
    while j < len(run) and not (run[j].word.proper or head(run[j])):
        j += 1
    return j if j > i + 1 else None
