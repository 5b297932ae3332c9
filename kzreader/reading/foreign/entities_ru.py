"""People, places and organisations of a Russian article, typed by pymorphy3's name tags and named in Polish spelling.

pymorphy3 marks given names, surnames and patronymics (Name, Surn, Patr),
places (Geox) and bodies (Orgn), in every case form, and gives their
nominative. A name the gazetteer knows (Россия, США, Нагорный Карабах)
carries its Polish name; any other is transcribed by the Polish rules
(Меркулов -> Mierkułow). A reading pymorphy3 only guessed counts inside a
sentence, where a capital means a name, and not at its start.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from kzreader.language import ru
from kzreader.language.interp import Interp
from kzreader.language.ru.morphology import GUESSED
from kzreader.language.tokens import Token
from kzreader.language.transcription import polish_given_name, to_polish
from kzreader.reading.foreign.institutions import institution
from kzreader.reading.foreign.names import Found, Lexicon, gazetteer_found, lexicon
from kzreader.reading.foreign.people import join_single_words

_WORDS = ru.vocabulary("entities")
_TITLES = _WORDS.words("titles")
_NOT_NAMES = _WORDS.words("not_names")
_INSTITUTIONS = {tuple(k.split()): v for k, v in _WORDS.labels("institutions").items()}
# Longest first, by their first lemma.
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in sorted(_INSTITUTIONS, key=len, reverse=True):
    _BY_FIRST.setdefault(_key[0], []).append(_key)

_PERSON = ("Name", "Surn", "Patr")
_MAX_PERSON_WORDS = 3
_OPENING = "«\"„“"
_CLOSING = re.compile(r"[»\"“”]")
_MAX_QUOTED_WORDS = 4


def find(text: str, regions: Sequence[tuple[int, int]]) -> list[Found]:
    lex = lexicon()
    found: list[Found] = []
    singles: list[Found] = []
    for s, e in ru.sentence_spans(text):
        for a, b in regions:
            if a < e and s < b:
                _Sentence(text, ru.tokenize(text, max(a, s), min(b, e)), lex, found, singles).read()
    return _bare_institutions(found) + join_single_words(found, singles)


def _forms(word: str) -> frozenset[str]:
    return frozenset({word.lower(), *ru.lemmas(word)})


def _readings(word: str, initial: bool) -> tuple[Interp, ...]:
    """Name readings worth believing: a guessed one only inside a sentence."""
    return tuple(r for r in ru.analyse(word) if not (initial and GUESSED in r.names))


def _tagged(word: str, initial: bool, tags: tuple[str, ...]) -> Interp | None:
    return next((r for r in _readings(word, initial) if r.pos == "NOUN" and set(tags) & set(r.names)), None)


class _Sentence:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon, found: list[Found], singles: list[Found]) -> None:
        self.text, self.tokens, self.lex, self.found, self.singles = text, tokens, lex, found, singles

    def read(self) -> None:
        i = 0
        while i < len(self.tokens):
            i = self._at(i)

    def _at(self, i: int) -> int:
        for step in (self._gazetteer, self._quoted, self._institution):
            end = step(i)
            if end:
                return end
        t = self.tokens[i]
        if not t.is_capitalised or not t.text[0].isalpha():
            return i + 1
        if t.is_acronym:
            return self._acronym(i)
        if self._lemma(t.text) in _NOT_NAMES | _TITLES:
            return i + 1
        end = self._listed(i) or self._person(i)
        if end:
            return end
        return self._place_or_org(i)

    def _lemma(self, word: str) -> str:
        lemmas = ru.lemmas(word)
        return lemmas[0] if lemmas else word.lower()

    def _span(self, a: int, b: int) -> str:
        return self.text[self.tokens[a].start:self.tokens[b - 1].end]

    def _joined(self, k: int) -> bool:
        return self.text[self.tokens[k - 1].end:self.tokens[k].start] == " "

    # -- known names ---------------------------------------------------------
    def _gazetteer(self, i: int) -> int:
        hit = self.lex.cyrillic.match(self.tokens, i)
        if hit is None:
            return 0
        end, entry = hit
        self.found.append(gazetteer_found(entry, self.tokens[i].start, self.tokens[end - 1].end, self._span(i, end)))
        return end

    def _institution(self, i: int) -> int:
        """Минобороны Азербайджана: the ministry of defence of Azerbaijan, in Polish."""
        for key in _BY_FIRST.get(self._lemma(self.tokens[i].text), ()):
            end = i + len(key)
            if end <= len(self.tokens) and all(
                    self._joined(k) and word in _forms(self.tokens[k].text) for k, word in zip(range(i + 1, end), key[1:])):
                return self._of_state(i, end, _INSTITUTIONS[key])
        return 0

    def _of_state(self, i: int, end: int, polish: str) -> int:
        hit = self.lex.cyrillic.match(self.tokens, end) if end < len(self.tokens) and self._joined(end) else None
        if hit is not None and hit[1].type == "place":
            stop, entry = hit
            self.found.append(institution(polish, entry.name, self.tokens[i].start, self.tokens[stop - 1].end,
                                          self._span(i, stop)))
            # The state is named too: its own mention inside the institution's.
            self.found.append(gazetteer_found(entry, self.tokens[end].start, self.tokens[stop - 1].end,
                                              self._span(end, stop)))
            return stop
        span = self._span(i, end)
        self.found.append(Found(self.tokens[i].start, self.tokens[end - 1].end, span, "org", polish))
        return end

    def _quoted(self, i: int) -> int:
        """«Европейская правда»: a title in quotes, a paper's or a company's name."""
        t = self.tokens[i]
        if not t.is_capitalised or t.start == 0 or self.text[t.start - 1] not in _OPENING:
            return 0
        close = _CLOSING.search(self.text, t.end, min(len(self.text), t.end + 80))
        if close is None:
            return 0
        end = i
        while end < len(self.tokens) and self.tokens[end].end <= close.start():
            end += 1
        if end - i > _MAX_QUOTED_WORDS or self.tokens[end - 1].end != close.start():
            return 0
        span = self._span(i, end)
        self.found.append(Found(t.start, self.tokens[end - 1].end, span, "org", to_polish(span)))
        return end

    # -- names pymorphy3 reads -----------------------------------------------
    def _acronym(self, i: int) -> int:
        """ФСБ an organisation, КНР a place, an unknown acronym an organisation; СМИ (the media) nothing."""
        t = self.tokens[i]
        readings = ru.analyse(t.text)
        names = {n for r in readings for n in r.names}
        kind = "place" if "Geox" in names else "org" if "Orgn" in names or GUESSED in names else None
        if kind is not None:
            self.found.append(Found(t.start, t.end, t.text, kind, to_polish(t.text)))
        return i + 1

    def _listed(self, i: int) -> int:
        """A person the gazetteer lists by a Cyrillic spelling pymorphy3 does not tag (Си Цзиньпин), in any case."""
        for n in range(_MAX_PERSON_WORDS, 0, -1):
            run = self.tokens[i:i + n]
            if len(run) < n or not all(t.is_capitalised and (k == i or self._joined(k)) for k, t in enumerate(run, i)):
                continue
            for spelling in (" ".join(t.text for t in run), " ".join(_capitalised(self._lemma(t.text), t.text) for t in run)):
                entry = self.lex.gazetteer.person(spelling)
                if entry is not None:
                    self.found.append(gazetteer_found(entry, run[0].start, run[-1].end, self._span(i, i + n)))
                    return i + n
        return 0

    def _person(self, i: int) -> int:
        """Given name, patronymic, surname: words pymorphy3 tags as such, and a capitalised word beside them."""
        words: list[str] = []
        tagged = False
        k = i
        while k < len(self.tokens) and len(words) < _MAX_PERSON_WORDS and (k == i or self._joined(k)):
            t = self.tokens[k]
            if not t.is_capitalised or t.is_acronym or len(t.text) < 2 or self._lemma(t.text) in _TITLES:
                break
            if ru.analyse(t.text)[0].pos != "NOUN":
                break  # По, Люблинском: a preposition or an adjective, whatever surname it may also be
            reading = _tagged(t.text, k == 0, _PERSON)
            if reading is None and (k == 0 or not words or _tagged(t.text, False, ("Geox", "Orgn"))):
                break
            tagged = tagged or reading is not None
            words.append(t.text)
            k += 1
        if not tagged:
            return 0
        if len(words) == 1 and not set(ru.analyse(words[0])[0].names) & {"Surn", "Name"}:
            return 0
        case = _case(words)
        parts = [_nominative(w, case, last=n == len(words) - 1) for n, w in enumerate(words)]
        cyrillic = " ".join(parts)
        span = self._span(i, k)
        polish = [to_polish(p) for p in parts]
        if len(polish) > 1:
            polish[0] = polish_given_name(polish[0])
        name = " ".join(polish)
        listed = self.lex.person(cyrillic) or self.lex.person(name)
        if listed is not None:
            self.found.append(gazetteer_found(listed, self.tokens[i].start, self.tokens[k - 1].end, span))
        else:
            self.found.append(Found(self.tokens[i].start, self.tokens[k - 1].end, span, "person", name,
                                    aliases=(cyrillic,)))
        return k

    def _place_or_org(self, i: int) -> int:
        t = self.tokens[i]
        for tag, kind in (("Geox", "place"), ("Orgn", "org")):
            reading = _tagged(t.text, i == 0, (tag,))
            if reading is not None:
                name = to_polish(_capitalised(reading.lemma, t.text))
                self.found.append(Found(t.start, t.end, t.text, kind, name))
                return i + 1
        if i > 0 and not any(r.pos in ("ADJF", "PRTF", "VERB") for r in ru.analyse(t.text)):
            lemma = self._lemma(t.text)
            self.singles.append(Found(t.start, t.end, t.text, "person", to_polish(lemma[:1].upper() + lemma[1:])))
        return i + 1


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _case(words: list[str]) -> str:
    """The case every name word of a name can be in (Энтони Блинкеном: ablt), the nominative where it is one of them."""
    common: list[str] | None = None
    for w in words:
        # Only the words tagged as names say it: an untagged one (Токаев, read as a form of токай) follows them.
        cases = [c for r in ru.analyse(w) if r.pos == "NOUN" and set(_PERSON) & set(r.names) for c in _CASES if r.has(c)]
        if cases:
            common = cases if common is None else [c for c in common if c in cases]
    common = common or []
    return "nomn" if "nomn" in common or not common else common[0]


def _nominative(word: str, case: str, last: bool) -> str:
    """A name word in the nominative: itself when the name is in it, else the lemma of its reading in the name's case.

    The case agrees across the name, so an untagged surname beside a given name (Анджеем Дудой)
    and a hyphenated given name read by parts are taken in the case of the words pymorphy3 tags.
    """
    if case == "nomn":
        return word
    if "-" in word:
        return "-".join(_nominative(p, case, last) for p in word.split("-"))
    readings = [r for r in ru.analyse(word) if r.pos == "NOUN" and r.has(case)]
    # A surname's reading over a given name's for the last word (Токаева: Токаев, not Токаева).
    readings.sort(key=lambda r: ("Surn" not in r.names if last else "Name" not in r.names, not r.names))
    return _capitalised(readings[0].lemma if readings else word.lower(), word)


def _capitalised(lemma: str, word: str) -> str:
    """A lemma capitalised part by part as the text writes the word: Алма-Ате -> Алма-Ата."""
    parts = word.split("-")
    if len(parts) != len(lemma.split("-")):
        return lemma[:1].upper() + lemma[1:]
    return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(lemma.split("-"), parts))


def _bare_institutions(found: list[Found]) -> list[Found]:
    """A ministry named without its state (Минобороны) is the one ministry of that kind the article names with it."""
    out = []
    for f in found:
        if f.type == "org" and not f.key:
            full = {g.name for g in found if g.type == "org" and g.name.startswith(f.name + " ")}
            if len(full) == 1:
                f = Found(f.start, f.end, f.text, "org", full.pop())
        out.append(f)
    return out
