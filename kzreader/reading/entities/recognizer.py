"""People, places, organisations and sums of money in Polish news text.

Candidates are gazetteer matches on lemma sequences, acronyms and runs of
capitalised words. A run is cut into names: a common head noun with its
adjectives and genitive complements (`Międzynarodowy Trybunał Karny`, `Bank
Narodowy Republiki Kirgiskiej`), a place with agreeing adjectives (`Azji
Centralnej`), a person (given names and a surname agreeing in case), or single
words typed by morfeusz's name qualifiers, by context (a place preposition, a
title, a media noun, quotes, coordination) and by the surname guesser. People
are keyed by their nominative full name; within an article a bare surname
joins the full name it belongs to, and `link_corpus` does the same across
articles without re-reading any text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kzreader.language.folding import fold
from kzreader.language.pl.morphology import Interp, analyse
from kzreader.language.pl.names import NameVote, candidates
from kzreader.language.tokens import WORD, Token, sentence_spans, tokenize
from kzreader.reading.annotations import Entity, EntityType, Mention
from kzreader.reading.gazetteer import Gazetteer, TextWord, load_gazetteer
from kzreader.reading.money import money_entities
from kzreader.reading.name_matching import UnionFind, given_compatible, is_acronym

if TYPE_CHECKING:
    import morfeusz2

_MAX_NAME_WORDS = 8
_GEO = frozenset({"nazwa_geograficzna"})
_ORG = frozenset({"nazwa_organizacji", "nazwa_instytucji", "nazwa_firmy", "tytuł"})
_NOT_PROPER = frozenset({"nazwa_pospolita"})
_FUNCTION_POS = frozenset({"romandig", "brev", "dig", "sym", "interp"})
_NOMINAL_POS = frozenset({"subst", "depr"})
_MODIFIER_POS = frozenset({"adj", "ppas", "pact"})

# Common nouns that head a multi-word proper name when capitalised.
_ORG_HEADS = frozenset(
    "organizacja trybunał sąd bank fundusz agencja komisja ministerstwo partia instytut ośrodek uniwersytet "
    "komitet rada unia wspólnota związek sojusz parlament izba urząd służba stowarzyszenie fundacja kongres "
    "forum korporacja koncern akademia biuro departament inspekcja zjednoczenie front ruch kościół".split()
)
_PLACE_HEADS = frozenset(
    "morze ocean zatoka jezioro rzeka góry góra półwysep wyspa wyspy cieśnina kanał pustynia nizina wyżyna "
    "kotlina dolina republika obwód okręg kraj prowincja region płaskowyż pojezierze puszcza".split()
)
# Lowercase words before a name that say what it names.
_TITLES = frozenset(
    "prezydent prezydentka premier premierka wicepremier wicepremierka minister ministra wiceminister szef "
    "szefowa przewodniczący przewodnicząca rzecznik rzeczniczka ekspert ekspertka analityk analityczka dyrektor "
    "dyrektorka prezes prezeska generał ambasador ambasadorka kanclerz król królowa książę sekretarz doradca "
    "poseł posłanka senator burmistrz mer gubernator dziennikarz dziennikarka autor autorka pan pani patriarcha "
    "papież marszałek wojewoda komisarz deputowany lider liderka przywódca polityk opozycjonista biznesmen "
    "oligarcha profesor prof dr gen płk ks red mec".split()
)
_ORG_TRIGGERS = frozenset(
    "bank koncern firma spółka portal dziennik gazeta agencja tygodnik miesięcznik telewizja stacja radio "
    "serwis gigant operator producent holding partia ugrupowanie fundacja stowarzyszenie korporacja "
    "przedsiębiorstwo kompania przewoźnik giełda wydawnictwo redakcja magazyn czasopismo".split()
)
_PLACE_TRIGGERS = frozenset(
    "miasto miasteczko wieś stolica jezioro rzeka góra region obwód prowincja okręg rejon port dzielnica "
    "półwysep wyspa pustynia dolina zatoka kanał".split()
)
_PLACE_PREPS = frozenset("w we na do z ze od spod pod nad znad koło obok przez przy niedaleko wokół".split())
_LOCATIVE_PREPS = frozenset("w we na".split())
_SURNAME_ENDINGS = (
    "ew", "ow", "in", "yn", "icz", "ycz", "ski", "cki", "dzki", "ska", "cka", "dzka", "owa", "ewa", "ina", "yna",
    "enko", "uk", "czuk", "yan", "ian", "dze", "szwili", "ogłu", "oglu", "ijew", "ajew", "ułły",
)
# Oblique endings of masculine names declined like feminine nouns (Nausėda, Łukaszenka):
# used only when the nominative they point to is attested in the corpus.
_A_DECLENSION = (("dzie", "da"), ("cie", "ta"), ("rze", "ra"), ("dze", "ga"), ("ce", "ka"), ("le", "ła"),
                 ("ą", "a"), ("ę", "a"), ("y", "a"), ("i", "a"))
# A woman's surname formed from a man's (Zacharow -> Zacharowa), which the dictionary may lack.
_FEMININE_SURNAME = (("owej", "owa"), ("ewej", "ewa"), ("inej", "ina"), ("ynej", "yna"), ("ową", "owa"),
                     ("ewą", "ewa"), ("iną", "ina"), ("yną", "yna"), ("owa", "owa"), ("ewa", "ewa"), ("ina", "ina"),
                     ("yna", "yna"))
# Cases a Polish ending marks on a declined foreign name, and whether that reading is sure:
# `-em` can only be an instrumental, while `-a` may also be the nominative of Nausėda.
_ENDING_CASES: tuple[tuple[str, frozenset[str], bool], ...] = tuple(
    (ending, frozenset(cases.split()), sure) for ending, cases, sure in (
        ("skiego", "gen acc", True), ("ckiego", "gen acc", True), ("skiemu", "dat", True),
        ("skim", "inst loc", True), ("ckim", "inst loc", True),
        ("owej", "gen dat loc", True), ("ewej", "gen dat loc", True), ("inej", "gen dat loc", True),
        ("skiej", "gen dat loc", True), ("ową", "acc inst", True), ("ewą", "acc inst", True),
        ("iną", "acc inst", True), ("ską", "acc inst", True),
        ("owi", "dat", True), ("iem", "inst", True), ("em", "inst", True), ("ami", "inst", True),
        ("ach", "loc", True), ("ów", "gen acc", False), ("ie", "loc voc", False), ("u", "gen dat loc voc", False),
        ("a", "gen acc", False),
    )
)
_VOWELS = frozenset("aąeęioóuy")
_DIRECTIONS = ("północno-", "południowo-", "wschodnio-", "zachodnio-", "środkowo-")
_PATRONYMIC = re.compile(r"(?:ewicz|owicz|icz|ycz|ewna|owna|iczna)$")
_OPEN_QUOTES = "„«\"“'"
_CLOSE_QUOTES = "”»\"“'"
_DOMAIN = re.compile(
    r"(?<![\w.@/-])((?:[a-z0-9][a-z0-9-]*\.)+(?:pl|com|net|org|news|info|ru|kz|ua|by|uz|kg|tj|tm|az|am|ge|eu|io"
    r"|de|fr|uk|tv))(?![\w-]|\.\w)"
)
_GAP = re.compile(r"[ \u00a0]+\Z")
_CLAUSE_GAP = re.compile(r"[\s\"„«“”»']*\Z")
_COORDINATION = re.compile(r"\s*(?:,|i|oraz|lub|albo)\s+\Z")
_BRACKET_OPEN = re.compile(r"\s*[(\[]\s*\Z")
_BRACKET_CLOSE = re.compile(r"\s*[)\]]")

_GENERATOR: "morfeusz2.Morfeusz | None" = None

# ---------------------------------------------------------------- words


@dataclass(frozen=True, slots=True)
class _Word:
    """What a word's readings say about names, computed once per word type."""

    first: tuple[Interp, ...]
    surname: tuple[Interp, ...]
    geo: tuple[Interp, ...]
    org: tuple[Interp, ...]
    modifiers: tuple[Interp, ...]
    nouns: tuple[Interp, ...]
    common: bool  # some reading is not a proper name (`Kraje`, `Polska` the adjective)
    common_noun: bool  # some reading is a common noun (`Ukrainie` the borderland, `Kremlu` a fortress)
    unknown: bool
    lemmas: frozenset[str]
    mixed_case: bool  # PiS, AKIpress: a brand or an acronym, whatever else the letters spell

    @property
    def personal(self) -> bool:
        return self.unknown or bool(self.first or self.surname)

    @property
    def proper(self) -> bool:
        return bool(self.first or self.surname or self.geo or self.org)

    @property
    def feminine_first(self) -> bool:
        genders = {g for r in self.first for _n, _c, g in _triples(r.tag)}
        return "f" in genders and "m1" not in genders


@lru_cache(maxsize=300_000)
def _word(text: str) -> _Word:
    # The depreciative plural (`Apple` = those Appels, `Kraje` = those Krajs) never names anyone in news.
    readings = tuple(r for r in analyse(text) if r.pos != "depr")
    if readings and not text.isupper() and all(r.pos in _FUNCTION_POS for r in readings):
        readings = ()  # `Xi` reads as the Roman numeral XI; written this way it is a name
    mixed_case = not text.isupper() and any(
        c.isupper() and text[k] not in "-'’" for k, c in enumerate(text[1:]))
    if mixed_case:
        readings = tuple(r for r in readings if _ORG.intersection(r.names))
    if "-" in text and any(r.pos == "adja" for r in readings) and not text.lower().startswith(_DIRECTIONS):
        # Kazachsko-Rosyjskiej names a friendship between nations, not a part of a place;
        # Południowo-Wschodniej may well be one.
        readings = tuple(r for r in readings if r.pos != "adj")
    first = tuple(r for r in readings if "imię" in r.names)
    surname = tuple(r for r in readings if "nazwisko" in r.names)
    # Wielkanoc is also a village; as a holiday it is no entity of ours.
    geo = tuple(r for r in readings if _GEO.intersection(r.names) and "nazwa_święta" not in r.names)
    org = tuple(r for r in readings if _ORG.intersection(r.names))
    modifiers = tuple(r for r in readings if r.pos in _MODIFIER_POS) or _adjectival(surname)
    nouns = tuple(r for r in readings if r.pos in _NOMINAL_POS)
    plain = [r for r in readings if not set(r.names) - _NOT_PROPER]
    common_noun = any(r.pos in _NOMINAL_POS and r.lemma[:1].islower() for r in plain)
    lemmas = frozenset({r.lemma.lower() for r in readings} | {text.lower()})
    return _Word(first, surname, geo, org, modifiers, nouns, bool(plain), common_noun, not readings, lemmas,
                 mixed_case)


def _adjectival(surnames: tuple[Interp, ...]) -> tuple[Interp, ...]:
    """Adjective readings of a word SGJP knows only as a surname: `Ochockim` (as in Morzu Ochockim)."""
    out = []
    for r in surnames:
        lemma = r.lemma.lower()
        parts = r.tag.split(":")
        if len(parts) < 4 or not lemma.endswith(("ski", "cki", "dzki", "ska", "cka", "dzka")):
            continue
        masculine = lemma[:-1] + "i" if lemma.endswith("a") else lemma
        gender = "f" if parts[3] == "f" else "m1.m2.m3.n"  # adjectival surnames decline as adjectives
        out.append(Interp(masculine, f"adj:{parts[1]}:{parts[2]}:{gender}:pos", ()))
    return tuple(out)


@lru_cache(maxsize=300_000)
def _known_text_word(text: str) -> TextWord:
    return TextWord.of(text, analyse(text))


@lru_cache(maxsize=4096)
def _triples(tag: str) -> frozenset[tuple[str, str, str]]:
    """(number, case, gender) combinations a tag allows."""
    parts = tag.split(":")
    if len(parts) < 4:
        return frozenset()
    return frozenset((n, c, g) for n in parts[1].split(".") for c in parts[2].split(".") for g in parts[3].split("."))


def _agreement(readings: Iterable[Interp]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for r in readings:
        out |= _triples(r.tag)
    return out


def _cases_of(readings: Iterable[Interp]) -> frozenset[str]:
    return frozenset(c for r in readings for _n, c, _g in _triples(r.tag))


def _generator() -> "morfeusz2.Morfeusz":
    global _GENERATOR
    if _GENERATOR is None:
        import morfeusz2

        _GENERATOR = morfeusz2.Morfeusz(generate=True, expand_tags=False)
    return _GENERATOR


@lru_cache(maxsize=20_000)
def _nominative(lemma: str, pos: frozenset[str], number: str, gender: str, degree: str = "pos") -> str | None:
    """The nominative of `lemma` in the given number, gender and degree (Najwyższego -> Najwyższy)."""
    for orth, _lemma, tag, _names, _labels in _generator().generate(lemma):
        parts = tag.split(":")
        if parts[0] not in pos or len(parts) < 4 or parts[-1] == "neg":
            continue
        if parts[0] == "adj" and parts[-1] != degree:
            continue
        if number in parts[1].split(".") and "nom" in parts[2].split(".") and gender in parts[3].split("."):
            return orth
    return None


def _styled(surface: str, form: str) -> str:
    """`form` capitalised like `surface` (CENTRALNEJ -> CENTRALNA, Centralnej -> Centralna)."""
    if surface.isupper() and len(surface) > 1:
        return form.upper()
    if surface[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _ending_cases(word: str, base: str) -> tuple[frozenset[str] | None, bool]:
    """The cases an unknown name is in, read off the ending the guesser removed, and whether that is sure."""
    if base == word:
        # An undeclined consonant-final masculine name is a nominative; a vowel-final one may be anything.
        return (frozenset({"nom", "voc"}), True) if word[-1:].lower() not in _VOWELS else (None, False)
    lower = word.lower()
    return next(((cases, sure) for ending, cases, sure in _ENDING_CASES if lower.endswith(ending)), (None, False))


def _masculine_only(text: str, w: _Word) -> bool:
    """A woman's surname the dictionary reads only as a man's (Zacharowa: genitive of Zacharow)."""
    return not w.first and bool(_feminine_surname(text)) and not any(
        "f" in _genders(r.tag) for r in w.surname)


def _genders(tag: str) -> set[str]:
    return {g for _n, _c, g in _triples(tag)}


def _feminine_surname(word: str) -> str | None:
    lower = word.lower()
    for ending, nominative in _FEMININE_SURNAME:
        if lower.endswith(ending) and len(word) > len(ending) + 2:
            return word[: len(word) - len(ending)] + nominative
    return None


def _abbreviates(acronym: str, expansion: str) -> bool:
    """OSW ~ Ośrodek Studiów Wschodnich: the initials of all words or of the capitalised ones."""
    words = [m.group() for m in WORD.finditer(expansion)]
    letters = acronym.upper()
    initials = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[:1].isupper()).upper()
    return letters in (initials, capitals)


# ---------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    word: _Word
    initial: bool
    index: int


@dataclass(slots=True)
class _Cand:
    """A mention found in one article, typed or still waiting for the article's people."""

    start: int
    end: int
    text: str
    type: EntityType | None
    name: str
    key: str | None = None
    aliases: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    seps: tuple[str, ...] = ()
    tokens: int = 1
    word: _Word | None = None
    hints: frozenset[str] = frozenset()

    def as_person(self, name: str) -> None:
        self.type, self.name, self.parts, self.seps = "person", name, (name,), (" ",)


def _display(parts: Sequence[str], seps: Sequence[str]) -> str:
    return "".join(sep + part for sep, part in zip(("", *seps[1:]), parts))


# ---------------------------------------------------------------- the recogniser


class EntityRecognizer:
    """Finds the entities of one article at a time; keep one instance for a whole corpus."""

    def __init__(self, gazetteer: Gazetteer | None = None, names: NameVote | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.names = names

    def recognise(self, text: str, regions: Sequence[tuple[int, int]] | None = None) -> list[Entity]:
        spans = [(0, len(text))] if regions is None else list(regions)
        vote = self.names if self.names is not None else _document_vote(text, spans)
        article = _Article(text, self.gazetteer, vote)
        for s, e in spans:
            article.scan(s, e)
        entities = article.entities()
        entities.extend(money_entities(text, spans))
        entities.sort(key=lambda ent: ent.mentions[0].start)
        return entities


def _document_vote(text: str, regions: Sequence[tuple[int, int]]) -> NameVote:
    vote = NameVote()
    vote.add(t.text for s, e in regions for t in tokenize(text, s, e) if t.is_capitalised and not analyse(t.text))
    return vote


class _Article:
    def __init__(self, text: str, gazetteer: Gazetteer, vote: NameVote) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.vote = vote
        self.cands: list[_Cand] = []
        self._guesses: dict[str, str] = {}

    # -------------------------------------------------------- scanning

    def scan(self, start: int, end: int) -> None:
        raw = tokenize(self.text, start, end)
        if not raw:
            return
        initial = self._initial_flags(raw, start, end)
        toks = [_Tok(t.text, t.start, t.end, _word(t.text), initial[k], k) for k, t in enumerate(raw)]
        consumed = self._gazetteer_matches(toks)
        run: list[_Tok] = []
        for tok in toks:
            if tok.index in consumed or not self._runnable(tok):
                self._segment(run, toks)
                run = []
                if tok.index not in consumed and self._acronym(tok):
                    self._add_acronym(tok)
                continue
            if run and not self._joined(run[-1], tok):
                self._segment(run, toks)
                run = []
            run.append(tok)
        self._segment(run, toks)
        self._domains(start, end)

    def _initial_flags(self, raw: list[Token], start: int, end: int) -> list[bool]:
        starts = [t.start for t in raw]
        flags = [False] * len(raw)
        for a, _b in sentence_spans(self.text[start:end]):
            k = bisect_left(starts, start + a)
            if k < len(raw):
                flags[k] = True
        for k, t in enumerate(raw):
            if t.start > 0 and self.text[t.start - 1] in _OPEN_QUOTES and not self._quoted_name(raw, k):
                flags[k] = True
        return flags

    def _quoted_name(self, raw: list[Token], k: int) -> bool:
        """A quote holding only capitalised words is a title (`„Rzeczpospolitej”`), not a quoted sentence."""
        for j in range(k, len(raw)):
            if not raw[j].is_capitalised:
                return False
            if self.text[raw[j].end:raw[j].end + 1] in _CLOSE_QUOTES:
                return True
            if j + 1 < len(raw) and not _GAP.match(self.text[raw[j].end:raw[j + 1].start]):
                return False
        return False

    def _gazetteer_matches(self, toks: list[_Tok]) -> set[int]:
        words = [self._text_word(t) for t in toks]
        consumed: set[int] = set()
        for m in self.gazetteer.match(words):
            if not self._gazetteer_ok(toks, m.start, m.end, m.entry.type):
                continue
            first, last = toks[m.start], toks[m.end - 1]
            entry = m.entry
            self.cands.append(_Cand(first.start, last.end, self.text[first.start:last.end], entry.type, entry.name,
                                    entry.key, entry.aliases, tokens=m.end - m.start))
            consumed.update(range(m.start, m.end))
        return consumed

    def _gazetteer_ok(self, toks: list[_Tok], start: int, end: int, kind: str) -> bool:
        tok = toks[start]
        prev = toks[start - 1] if start > 0 and self._joined(toks[start - 1], tok) else None
        nxt = toks[end] if end < len(toks) and self._joined(toks[end - 1], toks[end]) else None
        if kind == "place" and prev is not None and self._inside_name(toks, start):
            return False  # Bank Narodowy Republiki Kirgiskiej: the place is part of an organisation's name
        if end - start > 1:
            return True
        if prev is not None and prev.word.first and tok.word.surname:
            return False  # Jerzy Waszyngton
        if nxt is not None and tok.word.first and nxt.word.personal and nxt.text[:1].isupper():
            return False  # Sofia Kowalska
        if kind == "place" and nxt is not None and nxt.text[:1].isupper() and nxt.word.modifiers and \
                _agreement(tok.word.geo) & _agreement(nxt.word.modifiers):
            return False  # Europy Środkowej: a longer place the generic rule names
        return True

    def _inside_name(self, toks: list[_Tok], start: int) -> bool:
        """Whether the capitalised words just before `start` hold a head noun (Instytutu Europy...)."""
        k = start - 1
        # A name's head stands a few words before the place at most; the bound keeps
        # a line of thousands of capitalised words linear.
        stop = max(-1, start - 1 - _MAX_NAME_WORDS)
        while k > stop and toks[k].text[:1].isupper() and (k == start - 1 or self._joined(toks[k], toks[k + 1])):
            # A head opening a sentence is a name only with a capitalised word after it (Bank Narodowy...).
            if self._head(toks[k]) and (not toks[k].initial or k < start - 1):
                return True
            k -= 1
        return False

    def _text_word(self, tok: _Tok) -> TextWord:
        if tok.word.unknown and tok.text[:1].isupper():
            return TextWord.of(tok.text, (), (self.guess(tok.text),))
        return _known_text_word(tok.text)

    def _runnable(self, tok: _Tok) -> bool:
        if not tok.text[:1].isupper() or len(tok.text) < 2 or tok.text.isupper():
            return False
        return not (tok.initial and not tok.word.proper and not tok.word.unknown
                    and not tok.word.modifiers and not self._head(tok))

    def _joined(self, a: _Tok, b: _Tok) -> bool:
        return bool(_GAP.match(self.text[a.end:b.start]))

    @staticmethod
    def _acronym(tok: _Tok) -> bool:
        return 2 <= len(tok.text) <= 6 and tok.text.isupper() and tok.text.isalpha()

    def _add_acronym(self, tok: _Tok) -> None:
        w = tok.word
        if w.geo:
            kind: EntityType = "place"
        elif w.org or w.unknown:
            kind = "org"
        else:
            return  # a Roman numeral or a shouted common word
        self.cands.append(_Cand(tok.start, tok.end, tok.text, kind, tok.text, f"{kind}:{tok.text.lower()}"))

    # -------------------------------------------------------- cutting runs into names

    def _segment(self, run: list[_Tok], toks: list[_Tok]) -> None:
        i = 0
        while i < len(run):
            if i == 0 and len(run) > 1 and not run[0].word.first and \
                    self._context(run[0], toks, run[-1]) & {"organisation", "quoted"}:
                # dziennik „Lietuvos Rytas”, spółki Baltic Grain Terminal: one title or company name,
                # up to a word that names a person (portalowi Delfi Wiśniewski); but firma Jana
                # Kowalskiego is his company, not its name.
                i = next((k for k in range(1, len(run)) if run[k].word.first or run[k].word.surname), len(run))
                text = self.text[run[0].start:run[i - 1].end]
                self.cands.append(_Cand(run[0].start, run[i - 1].end, text, "org", text, f"org:{text.lower()}",
                                        tokens=i))
                continue
            j = self._phrase(run, i)
            if j is None:
                j = self._person(run, i)
            if j is None:
                self._single(run[i], toks, len(run) > 1)
                j = i + 1
            i = j

    @staticmethod
    def _head(tok: _Tok) -> str | None:
        """`org` or `place` when the word is a common noun that heads a name (Trybunał, Morze)."""
        for r in tok.word.nouns:
            lemma = r.lemma.lower()
            if lemma in _ORG_HEADS:
                return "org"
            if lemma in _PLACE_HEADS:
                return "place"
        return None

    def _phrase(self, run: list[_Tok], i: int) -> int | None:
        """Adjectives + a head noun (+ adjectives, + genitive complements) -> one place or organisation."""
        k = i
        while k < len(run) and run[k].word.modifiers and not self._head(run[k]) and not run[k].word.geo:
            k += 1
        if k == len(run):
            return None
        head = run[k]
        kind = self._head(head)
        if kind is None and not head.word.geo:
            return None
        if kind is None and k > i and head.word.common_noun:
            return None  # Wiecznej Przyjaźni: an adjective before a word that is mostly a common noun
        if kind:
            head_readings = [r for r in head.word.nouns if r.lemma.lower() in _ORG_HEADS | _PLACE_HEADS]
        else:
            head_readings = list(head.word.geo)
        agree = _agreement(head_readings)
        for tok in run[i:k]:
            agree &= _agreement(tok.word.modifiers)
        end = k + 1
        # After a common head any agreeing adjective belongs to the name (Morzu Ochockim); after a place
        # a word that may be a surname starts a person instead (Wojciech Górecki).
        while end < len(run) and run[end].word.modifiers and (kind or not run[end].word.personal) and \
                agree & _agreement(run[end].word.modifiers):
            agree &= _agreement(run[end].word.modifiers)
            end += 1
        if not agree:
            return None
        stop = end
        if kind:
            while stop < len(run) and self._complement(run[stop]):
                stop += 1
        if stop - i < 2:
            return None
        name = self._phrase_name(run[i:stop], k - i, end - i, head_readings, agree)
        tokens = run[i:stop]
        found: EntityType = "org" if kind == "org" else "place"
        self.cands.append(_Cand(tokens[0].start, tokens[-1].end, self.text[tokens[0].start:tokens[-1].end], found,
                                name, f"{found}:{name.lower()}", tokens=len(tokens)))
        return stop

    @staticmethod
    def _complement(tok: _Tok) -> bool:
        """A capitalised genitive that belongs to the name before it (Studiów Wschodnich, Europy Środkowej)."""
        w = tok.word
        if w.unknown or w.first or (w.proper and not w.geo):
            return False
        return any(r.has("gen") for r in (*w.nouns, *w.modifiers, *w.geo))

    @staticmethod
    def _phrase_name(tokens: list[_Tok], head: int, agreeing_end: int, head_readings: list[Interp],
                     agree: set[tuple[str, str, str]]) -> str:
        """Head and agreeing adjectives in the nominative; complements as written."""
        number, case, gender = min(agree, key=lambda t: (t[1] != "nom", t))
        out = []
        for idx, tok in enumerate(tokens):
            form = None
            if idx == head:
                lemmas = [r.lemma for r in head_readings if (number, case, gender) in _triples(r.tag)]
                form = _nominative(lemmas[0], _NOMINAL_POS, number, gender) if lemmas else None
            elif idx < agreeing_end:
                reading = tok.word.modifiers[0]
                degree = reading.tag.rsplit(":", 1)[-1] if reading.pos == "adj" else "pos"
                form = _nominative(reading.lemma, _MODIFIER_POS, number, gender, degree)
            if form and "-" in tok.text:
                # Południowo-Wschodnią: morfeusz inflects the last part of a compound adjective
                prefix, _, last = tok.text.rpartition("-")
                out.append(f"{prefix}-{_styled(last, form)}")
            else:
                out.append(_styled(tok.text, form) if form else tok.text)
        return " ".join(out)

    def _person(self, run: list[_Tok], i: int) -> int | None:
        """Given names and a surname agreeing in case -> one person; None for a single word."""
        start = run[i]
        if not start.word.personal or (start.initial and start.word.common and not start.word.first):
            return None
        feminine = start.word.feminine_first
        sure: frozenset[str] | None = None
        end = i
        while end < len(run):
            tok = run[end]
            w = tok.word
            adjectival = end > i and self._adjectival_surname(run[end - 1], tok)
            common = end > i and self._common_surname(run[end - 1], tok)
            if not (w.personal or adjectival or common) or (end > i and tok.initial):
                break
            if w.geo and not w.first and not (end > i and run[end - 1].word.first):
                break  # Turcji Recepem...: a place before the name, not a part of it
            if adjectival:
                cases, certain = _cases_of(w.modifiers), True
            elif common:
                cases, certain = _ending_cases(tok.text, self.vote.base(tok.text))
            else:
                cases, certain = self._cases(tok, feminine)
            if cases is not None and certain:
                if sure is not None and not sure & cases:
                    break  # w obecności Putina Tokajew: two people side by side
                sure = cases if sure is None else sure & cases
            end += 1
            if adjectival or common:
                break
        if end - i < 2:
            return None
        tokens = run[i:end]
        text = self.text[tokens[0].start:tokens[-1].end]
        parts, seps = self._person_parts(tokens, feminine)
        self.cands.append(_Cand(tokens[0].start, tokens[-1].end, text, "person", _display(parts, seps),
                                parts=tuple(parts), seps=tuple(seps), tokens=len(tokens)))
        return end

    @staticmethod
    def _adjectival_surname(first: _Tok, tok: _Tok) -> bool:
        """Aleksieja Nawalnego: after a given name, an agreeing adjective the dictionary has no surname for."""
        w = tok.word
        return bool(first.word.first and w.modifiers and not w.proper and
                    _agreement(first.word.first) & _agreement(w.modifiers))

    @staticmethod
    def _common_surname(first: _Tok, tok: _Tok) -> bool:
        """Wiaczesława Kima, Anny Zimy: after a given name, a capitalised common word is a surname."""
        w = tok.word
        return bool(first.word.first and (w.nouns or w.modifiers) and not w.proper and not w.mixed_case)

    def _cases(self, tok: _Tok, feminine: bool) -> tuple[frozenset[str] | None, bool]:
        """Cases a word of a name can be in, and whether that is known rather than guessed."""
        w = tok.word
        if w.first or w.surname:
            if feminine and _masculine_only(tok.text, w):
                return None, False  # Maria Zacharowa: the dictionary knows only Zacharow's genitive
            return _cases_of(w.first + w.surname), True
        # In Kasym-Żomarta only the last part of a hyphenated name declines.
        last = tok.text.rsplit("-", 1)[-1]
        if not last or not _word(last).unknown:
            return None, False
        return _ending_cases(last, self.guess(last))

    def _person_parts(self, tokens: Sequence[_Tok], feminine: bool) -> tuple[list[str], list[str]]:
        pieces: list[str] = []
        seps: list[str] = []
        for tok in tokens:
            for n, piece in enumerate(p for p in tok.text.split("-") if p):
                pieces.append(piece)
                seps.append("-" if n else " ")
        options = [() if feminine and _masculine_only(p, _word(p)) else _word(p).first + _word(p).surname
                   for p in pieces]
        agree: set[tuple[str, str, str]] | None = None
        sure: frozenset[str] | None = None
        for piece, opts in zip(pieces, options):
            if opts:
                triples = _agreement(opts)
                agree = triples if agree is None else (agree & triples or agree)
                cases: frozenset[str] | None = _cases_of(opts)
            elif _word(piece).unknown:
                found, certain = _ending_cases(piece, self.guess(piece))
                cases = found if certain else None
            else:
                cases = None
            if cases is not None:
                sure = cases if sure is None else (sure & cases or sure)
        parts = []
        for n, (piece, opts) in enumerate(zip(pieces, options)):
            if opts:
                fitting = [r for r in opts if agree and _triples(r.tag) & agree] or list(opts)
                wanted = "nazwisko" if n == len(pieces) - 1 else "imię"
                fitting.sort(key=lambda r: wanted not in r.names)
                parts.append(fitting[0].lemma)
            elif feminine and n > 0 and _feminine_surname(piece):
                parts.append(_feminine_surname(piece) or piece)
            elif _word(piece).modifiers and agree and _agreement(_word(piece).modifiers) & agree:
                lemma = _word(piece).modifiers[0].lemma  # Aleksieja Nawalnego -> Nawalny
                form = _nominative(lemma, _MODIFIER_POS, "sg", "f" if feminine else "m1") or lemma
                parts.append(_styled(piece, form))
            elif not _word(piece).unknown:
                parts.append(self.vote.base(piece))  # Wiaczesława Kima -> Kim, not the common word it spells
            else:
                parts.append(self._guess_in_case(piece, sure))
        return parts, seps

    def _guess_in_case(self, piece: str, sure: frozenset[str] | None) -> str:
        """The guessed nominative, unless it reads the piece in a case the rest of the name rules out.

        `Gitanas Nausėda`: Gitanas is surely a nominative, so Nausėda is one too, not the genitive of Nausėd.
        """
        base = self.guess(piece)
        if sure is None or not _word(piece).unknown:
            return base
        cases, _certain = _ending_cases(piece, base)
        if cases is None or cases & sure:
            return base
        for option, _score in candidates(piece):
            found, _ = _ending_cases(piece, option)
            if found is None or found & sure:
                return option
        return base

    def guess(self, word: str) -> str:
        """Nominative of a name morfeusz lacks: the corpus vote, then the feminine-declension fallback."""
        cached = self._guesses.get(word)
        if cached is not None:
            return cached
        if "-" in word:
            base = "-".join(self.guess(p) for p in word.split("-"))
        else:
            base = self.vote.base(word)
            if base == word and word[-1:] in "ąę" and len(word) > 3:
                base = word[:-1] + "a"  # no nominative ends in ą or ę: Maką, Nausėdę
            elif base == word:
                for ending, repl in _A_DECLENSION:
                    if word.endswith(ending) and len(word) - len(ending) >= 3:
                        candidate = word[: len(word) - len(ending)] + repl
                        if self.vote.forms.get(candidate):
                            base = candidate
                            break
        self._guesses[word] = base
        return base

    def _single(self, tok: _Tok, toks: list[_Tok], in_run: bool) -> None:
        """One capitalised word on its own: typed once the article's people are known."""
        hints = self._context(tok, toks, tok)
        if tok.initial:
            hints |= {"initial"}
        if in_run:
            hints |= {"in_run"}
        self.cands.append(_Cand(tok.start, tok.end, tok.text, None, tok.text, word=tok.word, hints=hints))

    def _context(self, first: _Tok, toks: list[_Tok], last: _Tok) -> frozenset[str]:
        """What the words just before a name, in the same clause, say about it."""
        hints = set()
        before = toks[first.index - 1] if first.index > 0 else None
        if before and self._joined(before, first) and before.text.lower() in _PLACE_PREPS:
            hints.add("locative" if before.text.lower() in _LOCATIVE_PREPS else "preposition")
        if first.start > 0 and self.text[first.start - 1] in _OPEN_QUOTES and \
                self.text[last.end:last.end + 1] in _CLOSE_QUOTES:
            hints.add("quoted")
        k = first.index - 1
        past_name = False  # prezydent Rosji Putin: a title may stand before a place, a media noun may not
        for _ in range(3):
            if k < 0 or toks[k + 1].initial or not _CLAUSE_GAP.match(self.text, toks[k].end, toks[k + 1].start):
                break
            prev = toks[k]
            lemmas = prev.word.lemmas
            if not lemmas.isdisjoint(_TITLES):
                hints.add("title")
            elif prev.text.islower() and not past_name and not lemmas.isdisjoint(_ORG_TRIGGERS):
                hints.add("organisation")
            elif prev.text.islower() and not lemmas.isdisjoint(_PLACE_TRIGGERS) and k == first.index - 1:
                hints.add("place")
            elif prev.word.modifiers or prev.word.geo or prev.text.isupper():
                past_name = past_name or not prev.text.islower()
                k -= 1
                continue
            break
        return frozenset(hints)

    def _domains(self, start: int, end: int) -> None:
        for m in _DOMAIN.finditer(self.text, start, end):
            name = m.group(1)
            self.cands.append(_Cand(m.start(1), m.end(1), name, "org", name, f"org:{name}",
                                    hints=frozenset({"domain"})))

    # -------------------------------------------------------- resolving

    def entities(self) -> list[Entity]:
        self.cands.sort(key=lambda c: c.start)
        people = _People(self)
        for n, cand in enumerate(self.cands):
            if cand.type is None:
                self._resolve(cand, people, self.cands[n - 1] if n else None)
        people.split_pairs()
        groups = people.groups() + self._other_groups()
        return [e for e in (_entity(members) for members in groups) if e is not None]

    def _resolve(self, cand: _Cand, people: "_People", prev: _Cand | None) -> None:
        w = cand.word
        assert w is not None
        hints = cand.hints
        base = self._base(cand)
        linked = people.surname_like(cand.text, base, *(r.lemma for r in w.modifiers))
        if linked and (w.unknown or w.surname or w.modifiers or "initial" in hints):
            cand.as_person(linked)  # Tokajewa, Pieskowa, Nawalnego: the surname of a full name in the article
            return
        if (w.common and "initial" in hints and not w.unknown) or not (w.proper or w.unknown):
            return  # a sentence-initial word, or a capitalised common word
        if self.gazetteer.person(cand.text) or self.gazetteer.person(base):
            cand.as_person(base)
        elif w.geo and not w.common_noun:
            self._typed(cand, "place", self._geo_lemma(cand.text, w))
        elif w.org and (not w.common or hints & {"quoted", "organisation"}):
            self._typed(cand, "org", w.org[0].lemma)
        elif w.surname and not w.common and not w.geo:
            cand.as_person(base)
        elif w.unknown:
            self._resolve_unknown(cand, base, prev)
        elif w.geo and hints & {"locative", "preposition", "place"} and "in_run" not in hints:
            self._typed(cand, "place", self._geo_lemma(cand.text, w))
        elif (w.surname or w.first) and "title" in hints:
            cand.as_person(base)  # papieżem Franciszkiem

    def _resolve_unknown(self, cand: _Cand, base: str, prev: _Cand | None) -> None:
        hints = cand.hints
        coordinated = prev is not None and prev.type in ("place", "org") and \
            bool(_COORDINATION.match(self.text[prev.end:cand.start]))
        if hints & {"organisation", "quoted"} or (cand.word is not None and cand.word.mixed_case):
            # Titles and company names stand in apposition, undeclined: portal Fergana, dziennik "Komiersant".
            self._typed(cand, "org", cand.text)
        elif "title" in hints:
            cand.as_person(base)
        elif "place" in hints:
            self._typed(cand, "place", base)
        elif coordinated and prev is not None and prev.type is not None:
            self._typed(cand, prev.type, base)  # Osz i Naryn
        elif fold(base).endswith(_SURNAME_ENDINGS) and "locative" not in hints:
            cand.as_person(base)
        elif hints & {"locative", "preposition"}:
            self._typed(cand, "place", base)

    def _typed(self, cand: _Cand, kind: EntityType, name: str) -> None:
        entry = self.gazetteer.get(f"{kind}:{name.lower()}")
        cand.type, cand.name = kind, entry.name if entry else name
        cand.key = entry.key if entry else f"{kind}:{name.lower()}"
        cand.aliases = entry.aliases if entry else ()

    def _base(self, cand: _Cand) -> str:
        w = cand.word
        assert w is not None
        if w.unknown:
            return self.guess(cand.text)
        readings = w.surname or w.first
        return readings[0].lemma if readings else cand.text

    @staticmethod
    def _geo_lemma(text: str, w: _Word) -> str:
        full = [r for r in w.geo if "nazwa_geograficzna" in r.names] or list(w.geo)
        same = [r for r in full if r.lemma == text]
        return (same or full)[0].lemma

    def _other_groups(self) -> list[list[_Cand]]:
        """Places and organisations by key, with bracketed acronyms and web domains joined to their names."""
        others = [c for c in self.cands if c.type in ("place", "org")]
        uf: UnionFind[int] = UnionFind(range(len(others)))
        first_by_key: dict[str | None, int] = {}
        for n, c in enumerate(others):
            uf.union(n, first_by_key.setdefault(c.key, n))
        for n, (a, b) in enumerate(zip(others, others[1:])):
            if self.bracketed(a, b) and is_acronym(a.text) != is_acronym(b.text):
                acronym, expansion = (a, b) if is_acronym(a.text) else (b, a)
                if _abbreviates(acronym.text, expansion.text):
                    uf.union(n, n + 1)
        for n, c in enumerate(others):
            if "domain" in c.hints:
                label = fold(c.name.split(".")[0])
                same = next((m for m, o in enumerate(others)
                             if m != n and label in {fold(x) for x in (o.name, *o.aliases)}), None)
                if same is not None:
                    uf.union(n, same)
        return [[others[n] for n in group] for group in uf.groups()]

    def bracketed(self, a: _Cand, b: _Cand) -> bool:
        """`a (b)` or `a [b]`."""
        return bool(_BRACKET_OPEN.match(self.text[a.end:b.start])) and bool(_BRACKET_CLOSE.match(self.text, b.end))


# ---------------------------------------------------------------- people in one article


class _People:
    """Person mentions of one article grouped into people."""

    def __init__(self, article: _Article) -> None:
        self.article = article
        self.full = [c for c in article.cands if c.type == "person" and c.tokens >= 2]
        self.surnames = {fold(c.parts[-1]): c.parts[-1] for c in self.full}

    def surname_like(self, text: str, *bases: str) -> str | None:
        """The surname of a full name in this article that `text` is a form of, if any."""
        for option in (*bases, text, *(c for c, _ in candidates(text))):
            found = self.surnames.get(fold(option))
            if found is not None:
                return found
        return None

    def split_pairs(self) -> None:
        """Split `Tokajew-Putin` (a summit of two people) into the two people it names."""
        known = set(self.surnames) | {fold(c.name) for c in self.article.cands if c.type == "person" and c.tokens == 1}
        out: list[_Cand] = []
        for c in self.article.cands:
            pieces = c.text.split("-")
            if c.type == "person" and c.tokens == 1 and len(pieces) > 1:
                bases = [self._piece_base(p) for p in pieces]
                if all(fold(b) in known - {fold(c.name)} for b in bases):
                    pos = c.start
                    for piece, base in zip(pieces, bases):
                        out.append(_Cand(pos, pos + len(piece), piece, "person", base, parts=(base,), seps=(" ",)))
                        pos += len(piece) + 1
                    continue
            out.append(c)
        self.article.cands = out

    def _piece_base(self, piece: str) -> str:
        w = _word(piece)
        if w.unknown:
            return self.article.guess(piece)
        readings = w.surname or w.first
        return readings[0].lemma if readings else piece

    def groups(self) -> list[list[_Cand]]:
        persons = [c for c in self.article.cands if c.type == "person"]
        full = [n for n, c in enumerate(persons) if len(c.parts) >= 2 and c.tokens >= 2]
        uf: UnionFind[int] = UnionFind(range(len(persons)))
        by_surname: dict[str, list[int]] = defaultdict(list)
        for n in full:
            by_surname[fold(persons[n].parts[-1])].append(n)
        for same in by_surname.values():
            for x, a in enumerate(same):
                for b in same[x + 1:]:
                    if given_compatible(_given(persons[a]), _given(persons[b])):
                        uf.union(a, b)
        for n in range(len(persons) - 1):
            if self.article.bracketed(persons[n], persons[n + 1]):
                uf.union(n, n + 1)  # Kasym-Żomarta Kiemielewicza [Tokajewa]
        for a in full:
            if _patronymic(persons[a]):
                same = {fold(persons[b].parts[-1]): b for b in full
                        if not _patronymic(persons[b]) and _given(persons[b]) == _given(persons[a])}
                if len(same) == 1:
                    uf.union(a, same.popitem()[1])
        bare_first: dict[str, int] = {}
        for n, c in enumerate(persons):
            if n in by_surname.get(fold(c.parts[-1]), ()):
                continue
            surname = fold(c.parts[-1])
            owners = by_surname.get(surname, [])
            if owners:
                before = [b for b in owners if persons[b].start < c.start]
                uf.union(n, (before or owners)[-1])
            else:
                uf.union(n, bare_first.setdefault(surname, n))
        return [self._named([persons[n] for n in group]) for group in uf.groups()]

    def _named(self, members: list[_Cand]) -> list[_Cand]:
        """Give every mention of one person the same canonical name, key and aliases."""
        full = [c for c in members if len(c.parts) >= 2]
        if full:
            surnames = Counter(fold(c.parts[-1]) for c in full if not _patronymic(c))
            main = surnames.most_common(1)[0][0] if surnames else fold(full[0].parts[-1])
            primary = [c for c in full if fold(c.parts[-1]) == main] or full
            counts = Counter(c.name for c in primary)
            best = max(primary, key=lambda c: (len(c.parts), counts[c.name], -c.start))
            name, surname = best.name, best.parts[-1]
        else:
            counts = Counter(c.name for c in members)
            name = surname = max(members, key=lambda c: (counts[c.name], -c.start)).name
        variants = [c.name for c in members] + [surname]
        listed = next((e for e in map(self.article.gazetteer.person, [name, *variants]) if e is not None), None)
        if listed is not None:
            variants += [name, *listed.aliases]
            name = listed.name
        aliases = tuple(dict.fromkeys(v for v in variants if v != name))
        for c in members:
            c.key, c.aliases, c.name = f"person:{name.lower()}", aliases, name
        return members


def _given(c: _Cand) -> list[str]:
    return [fold(p) for p in c.parts[:-1]]


def _patronymic(c: _Cand) -> bool:
    """Given names and a patronymic (Kasym-Żomarta Kiemielewicza): the last word is no surname morfeusz knows."""
    last = c.parts[-1]
    return bool(_PATRONYMIC.search(fold(last))) and not _word(last).surname


def _entity(members: list[_Cand]) -> Entity | None:
    typed = sorted((c for c in members if c.type is not None), key=lambda c: c.start)
    if not typed:
        return None
    head = typed[0]
    if head.type != "person":
        # The gazetteer's name first; else an expansion over its acronym, and any name over a web domain.
        head = min(typed, key=lambda c: (not c.aliases, is_acronym(c.name), "domain" in c.hints, c.start))
    kind = head.type
    assert kind is not None
    aliases = list(dict.fromkeys(a for c in typed for a in (c.name, *c.aliases) if a != head.name))
    mentions: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for c in typed:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            mentions.append(Mention(c.start, c.end, c.text))
    return Entity(head.key or f"{kind}:{head.name.lower()}", head.name, kind, mentions, aliases)
