"""Bodies and places named in lower case: `województwie lubelskim`, `kirgiskie ministerstwo zdrowia`.

A unit of a country is a head noun (województwo, powiat, obwód) with an
adjective made from a place's name; an office of a state is a head noun
(ministerstwo, straż) with its adjectives and one genitive complement, and
an adjective made from a place before it or a place in the genitive after
it to say whose it is. Either is one entity, named in the nominative: a
place as Polish writes it (`województwo lubelskie`), an office capitalised
as an official name with its owner in the genitive after it (`Straż Graniczna
Kirgistanu`, and `Ministerstwo Zdrowia Kirgistanu` for `kirgiskie ministerstwo
zdrowia`).
"""
from __future__ import annotations

from dataclasses import dataclass

from kzreader.language import pl
from kzreader.language.folding import fold
from kzreader.language.pl.morphology import Interp, analyse
from kzreader.reading import nations
from kzreader.reading.annotations import EntityType
from kzreader.reading.entities.article import Article
from kzreader.reading.entities.forms import genitive, nominative
from kzreader.reading.entities.mentions import Candidate, Tok
from kzreader.reading.entities.words import MODIFIER_POS, NOMINAL_POS, agreement

_WORDS = pl.vocabulary("entities")
_PLACE_HEADS = _WORDS.words("designation_place_heads")
_ABBREVIATIONS = _WORDS.labels("designation_abbreviations")
_ORG_HEADS = _WORDS.words("designation_org_heads")
_STREET_ABBREVIATIONS = _WORDS.labels("street_abbreviations")
_STREET_HEADS = frozenset(_STREET_ABBREVIATIONS.values())
_PLACE_ADJECTIVES = _WORDS.sequence("place_adjective_endings")
_UNKNOWN_ADJECTIVES = tuple(f"sk{e}" for e in _WORDS.sequence("unknown_place_adjectives"))
_NOMINATIVE_ENDINGS = _WORDS.labels("adjective_nominative_endings")

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class _Head:
    lemma: str
    agree: frozenset[Triple]


def designations(article: Article, toks: list[Tok]) -> None:
    """Adds the lower-case designations among `toks` to the article, in place of what they cover."""
    k = 0
    while k < len(toks):
        end = _place(article, toks, k) or _office(article, toks, k) or _street(article, toks, k)
        k = end if end else k + 1


def _place(article: Article, toks: list[Tok], k: int) -> int | None:
    found = _head(article, toks, k, _PLACE_HEADS, abbreviations=True)
    if found is None or k + 1 >= len(toks) or not article.joined(toks[k], toks[k + 1]) and not _abbreviated(
            article, toks[k]):
        return None
    adj = toks[k + 1]
    if not adj.text[:1].islower():
        return None
    named = _place_adjective(adj, found.agree)
    if named is None:
        return None
    number, gender, adjective = named
    head_form = nominative(found.lemma, NOMINAL_POS, number, gender) or found.lemma
    _add(article, toks[k], adj, "place", f"{head_form} {adjective}")
    return k + 2


def _office(article: Article, toks: list[Tok], k: int) -> int | None:
    found = _head(article, toks, k, _ORG_HEADS, abbreviations=False)
    # One office is singular: `rosyjskie służby specjalne` are a country's services, not one body.
    agree = {t for t in found.agree if t[0] == "sg"} if found is not None else set()
    if found is None or not agree:
        return None
    words: list[str] = []
    first = k
    of_place: str | None = None
    before = toks[k - 1] if k > 0 and article.joined(toks[k - 1], toks[k]) else None
    if before is not None and (before.text[:1].islower() or before.initial):
        named = _place_adjective(before, agree)
        if named is not None:
            agree = {t for t in agree if t[0] == named[0] and t[2] == named[1]}
            of_place = _owner(article, named[2])
            words.extend(() if of_place else (named[2],))
            first = k - 1
    end = k + 1
    end = _agreeing(article, toks, end, agree)
    number, case, gender = min(agree, key=lambda t: (t[0] != "sg", t[1] != "nom", t))
    head_form = nominative(found.lemma, NOMINAL_POS, number, gender) or found.lemma
    words.append(head_form)
    words.extend(_adjective_form(t, number, gender) for t in toks[k + 1:end])
    end = _complement(article, toks, end)
    words.extend(t.text for t in toks[_after_head(toks, k + 1, end):end])
    owner = end < len(toks) and article.joined(toks[end - 1], toks[end]) and _genitive_place(toks[end])
    if owner:
        words.append(toks[end].text)
        end += 1
    elif of_place:
        words.append(of_place)
    if not (owner or first < k) or end - first < 3:
        return None
    name = " ".join(w[:1].upper() + w[1:] for w in words)
    _add(article, toks[first], toks[end - 1], "org", name, keep_places=True)
    return end


def _street(article: Article, toks: list[Tok], k: int) -> int | None:
    """`ul. Marywilskiej 44`, `alei Jerozolimskich`: a street by its adjective, its number part of the mention."""
    tok = toks[k]
    if k + 1 >= len(toks) or not tok.text[:1].islower():
        return None
    if tok.text in _STREET_ABBREVIATIONS and _abbreviated(article, tok):
        lemma = _STREET_ABBREVIATIONS[tok.text]
        agree = {t for r in analyse(lemma) if r.pos in NOMINAL_POS for t in agreement([r])}
        agree = {(n, c, g) for n, _c, g in agree for c in ("gen", "dat", "acc", "inst", "loc")} | agree
    else:
        heads = [r for r in tok.word.nouns if r.lemma in _STREET_HEADS]
        if not heads or not article.joined(tok, toks[k + 1]):
            return None
        lemma, agree = heads[0].lemma, agreement(heads)
    name = toks[k + 1]
    after = toks[k + 2] if k + 2 < len(toks) else None
    readings = [r for r in name.word.modifiers if r.pos == "adj" and agreement([r]) & agree]
    if not name.text[:1].isupper() or not readings or name.word.first or \
            after is not None and after.text[:1].isupper() and article.joined(name, after):
        return None  # aleję Wiecznej Przyjaźni: the adjective is the noun's after it
    gender = next((g for n, _c, g in sorted(agreement(readings) & agree) if n == "sg"), None)
    if gender is None:
        return None  # Alejami Ujazdowskimi: a plural name is written as one, not read off its head
    adjective = nominative(readings[0].lemma, MODIFIER_POS, "sg", gender)
    if adjective is None:
        return None
    last = toks[k + 2] if k + 2 < len(toks) and toks[k + 2].text.isdigit() and article.joined(
        name, toks[k + 2]) else name
    _add(article, name, last, "place", f"{lemma} {adjective[:1].upper()}{adjective[1:]}")
    return last.index + 1


def _owner(article: Article, adjective: str) -> str | None:
    """The genitive of the one place the adjective is made from: `kirgiskie ministerstwo` is Kirgistan's.

    The places the article names are looked at first, then the gazetteer's; a stem two of them
    share names neither, and the adjective stays in the name.
    """
    stem = nations.stem(adjective)
    listed = [e.name for e in article.gazetteer.entries if e.type == "place"]
    for names in ([c.name for c in article.cands if c.type == "place"], listed):
        found = {n for n in names if " " not in n and len(fold(n)) >= nations.STEM and nations.stem(n) == stem}
        if found:
            return genitive(found.pop()) if len(found) == 1 else None
    return None


def _after_head(toks: list[Tok], start: int, end: int) -> int:
    """Where the complement starts: after the head's adjectives."""
    k = start
    while k < end and _adjective(toks[k]):
        k += 1
    return k


def _adjective(tok: Tok) -> bool:
    """An adjective, or a noun only as one used as a noun (wewnętrznych: of internal ones)."""
    w = tok.word
    return bool(w.modifiers) and {r.lemma for r in w.nouns} <= {r.lemma for r in w.modifiers}


def _head(article: Article, toks: list[Tok], k: int, heads: frozenset[str], abbreviations: bool) -> _Head | None:
    tok = toks[k]
    if not (tok.text[:1].islower() or tok.initial):
        return None
    if abbreviations and tok.text in _ABBREVIATIONS and _abbreviated(article, tok):
        lemma = _ABBREVIATIONS[tok.text]
        genders = {g for r in analyse(lemma) if r.pos in NOMINAL_POS for _n, _c, g in agreement([r])}
        cases = ("nom", "gen", "dat", "acc", "inst", "loc")
        return _Head(lemma, frozenset(("sg", c, g) for c in cases for g in genders))
    readings = [r for r in tok.word.nouns if r.lemma in heads]
    if not readings:
        return None
    return _Head(readings[0].lemma, frozenset(agreement(readings)))


def _abbreviated(article: Article, tok: Tok) -> bool:
    return article.text[tok.end:tok.end + 2] == ". "


def _place_adjective(tok: Tok, agree: frozenset[Triple] | set[Triple]) -> tuple[str, str, str] | None:
    """(number, gender, nominative) of an adjective made from a place's name that agrees with the head."""
    readings = [r for r in tok.word.modifiers if r.pos == "adj" and r.lemma.endswith(_PLACE_ADJECTIVES)]
    for r in readings:
        common = agreement([r]) & agree
        if common:
            number, _case, gender = min(common, key=lambda t: (t[0] != "sg", t[1] != "nom", t))
            return number, gender, nominative(r.lemma, MODIFIER_POS, number, gender) or r.lemma
    lower = tok.text.lower()
    if tok.word.unknown and lower.endswith(_UNKNOWN_ADJECTIVES):
        stem = lower[: lower.rindex("sk") + 2]
        number, _case, gender = min(agree, key=lambda t: (t[0] != "sg", t[1] != "nom", t))
        ending = _NOMINATIVE_ENDINGS.get(gender)
        return (number, gender, stem + ending) if ending and number == "sg" else None
    return None


def _agreeing(article: Article, toks: list[Tok], k: int, agree: set[Triple]) -> int:
    """Past the lower-case adjectives that agree with the head (straż graniczna), narrowing `agree`."""
    while k < len(toks) and article.joined(toks[k - 1], toks[k]) and toks[k].text[:1].islower() and \
            _adjective(toks[k]) and agree & agreement(toks[k].word.modifiers):
        agree &= agreement(toks[k].word.modifiers)
        k += 1
    return k


def _complement(article: Article, toks: list[Tok], k: int) -> int:
    """Past one lower-case genitive noun and its adjectives (zdrowia, spraw zagranicznych, obrony narodowej)."""
    if k >= len(toks) or not article.joined(toks[k - 1], toks[k]) or not toks[k].text[:1].islower():
        return k
    nouns = [r for r in toks[k].word.nouns if any(c == "gen" for _n, c, _g in agreement([r]))]
    if not nouns or toks[k].word.modifiers:
        return k
    agree = {t for t in agreement(nouns) if t[1] == "gen"}
    return _agreeing(article, toks, k + 1, agree)


def _genitive_place(tok: Tok) -> bool:
    return tok.text[:1].isupper() and any(c == "gen" for _n, c, _g in agreement(tok.word.geo))


def _adjective_form(tok: Tok, number: str, gender: str) -> str:
    reading: Interp = tok.word.modifiers[0]
    return nominative(reading.lemma, MODIFIER_POS, number, gender) or tok.text


def _add(article: Article, first: Tok, last: Tok, kind: EntityType, name: str, keep_places: bool = False) -> None:
    """The designation in place of the mentions inside it; a place it names as its owner stays one."""
    article.cands = [c for c in article.cands if not (first.start <= c.start < last.end)
                     or keep_places and c.type == "place"]
    text = article.text[first.start:last.end]
    article.cands.append(Candidate(first.start, last.end, text, kind, name,
                                   f"{kind}:{name.lower()}", tokens=last.index - first.index + 1))
