"""People named in full: given names and a surname agreeing in case, each part in the nominative."""
from __future__ import annotations

from collections.abc import Sequence

from kzreader.reading.entities.article import Article
from kzreader.reading.entities.forms import NameForms, ending_cases, feminine_surname, masculine_only, nominative, \
    styled
from kzreader.reading.entities.mentions import Candidate, Tok, display
from kzreader.reading.entities.words import MODIFIER_POS, agreement, cases_of, triples, word


def person(article: Article, run: list[Tok], i: int) -> int | None:
    """Given names and a surname from `run[i]` -> one person; where the name ends in `run`, None for a single word."""
    start = run[i]
    if not start.word.personal or (start.initial and start.word.common and not start.word.first):
        return None
    feminine = start.word.feminine_first
    sure: frozenset[str] | None = None
    end = i
    while end < len(run):
        tok = run[end]
        w = tok.word
        adjectival = end > i and _adjectival_surname(run[end - 1], tok)
        common = end > i and _common_surname(run[end - 1], tok)
        if not (w.personal or adjectival or common) or (end > i and tok.initial):
            break
        if w.geo and not w.first and not (end > i and run[end - 1].word.first):
            break  # Turcji Recepem...: a place before the name, not a part of it
        if adjectival:
            cases, certain = cases_of(w.modifiers), True
        elif common:
            cases, certain = ending_cases(tok.text, article.forms.vote.base(tok.text))
        else:
            cases, certain = _cases(article.forms, tok, feminine)
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
    text = article.text[tokens[0].start:tokens[-1].end]
    parts, seps = name_parts(article.forms, tokens, feminine)
    article.cands.append(Candidate(tokens[0].start, tokens[-1].end, text, "person", display(parts, seps),
                                   parts=tuple(parts), seps=tuple(seps), tokens=len(tokens)))
    return end


def initialled(article: Article, toks: list[Tok], taken: set[int]) -> set[int]:
    """`Bogusław W.`: a given name and the initial of a surname the press withholds are one person.

    Returns the indices of the tokens it covers. A name after the initial (`George W. Bush`) makes the
    initial a middle one, left to the run of capitalised words.
    """
    covered: set[int] = set()
    for k in range(len(toks) - 1):
        given, letter = toks[k], toks[k + 1]
        if k in taken or not (given.word.first and given.text[:1].isupper() and len(letter.text) == 1
                              and letter.text.isupper() and article.joined(given, letter)
                              and article.text[letter.end:letter.end + 1] == "."):
            continue
        after = toks[k + 2] if k + 2 < len(toks) else None
        if after is not None and after.text[:1].isupper() and (after.word.surname or after.word.unknown):
            continue
        # One part: the initial alone is no surname to find the person by.
        name = f"{article.forms.base(given.text, given.word)} {letter.text}."
        end = letter.end + 1
        article.cands.append(Candidate(given.start, end, article.text[given.start:end], "person", name,
                                       parts=(name,), seps=(" ",), tokens=2))
        covered |= {k, k + 1}
    return covered


def _adjectival_surname(first: Tok, tok: Tok) -> bool:
    """Aleksieja Nawalnego: after a given name, an agreeing adjective the dictionary has no surname for."""
    w = tok.word
    return bool(first.word.first and w.modifiers and not w.proper and
                agreement(first.word.first) & agreement(w.modifiers))


def _common_surname(first: Tok, tok: Tok) -> bool:
    """Wiaczesława Kima, Anny Zimy: after a given name, a capitalised common word is a surname."""
    w = tok.word
    return bool(first.word.first and (w.nouns or w.modifiers) and not w.proper and not w.mixed_case)


def _cases(forms: NameForms, tok: Tok, feminine: bool) -> tuple[frozenset[str] | None, bool]:
    """Cases a word of a name can be in, and whether that is known rather than guessed."""
    w = tok.word
    if w.first or w.surname:
        if feminine and masculine_only(tok.text, w):
            return None, False  # Maria Zacharowa: the dictionary knows only Zacharow's genitive
        return cases_of(w.first + w.surname), True
    # In Kasym-Żomarta only the last part of a hyphenated name declines.
    last = tok.text.rsplit("-", 1)[-1]
    if not last or not word(last).unknown:
        return None, False
    return ending_cases(last, forms.guess(last))


def name_parts(forms: NameForms, tokens: Sequence[Tok], feminine: bool) -> tuple[list[str], list[str]]:
    """The nominative of each part of the name, and what stands before each (a space, or a hyphen inside a word)."""
    pieces: list[str] = []
    seps: list[str] = []
    for tok in tokens:
        for n, piece in enumerate(p for p in tok.text.split("-") if p):
            pieces.append(piece)
            seps.append("-" if n else " ")
    options = [() if feminine and masculine_only(p, word(p)) else word(p).first + word(p).surname for p in pieces]
    agree: set[tuple[str, str, str]] | None = None
    sure: frozenset[str] | None = None
    for piece, opts in zip(pieces, options):
        if opts:
            # One person's name is singular: `Aleksander Stubb`, not the plural genitive of Aleksandra and Stubba.
            found = {t for t in agreement(opts) if t[0] == "sg"} or agreement(opts)
            agree = found if agree is None else (agree & found or agree)
            cases: frozenset[str] | None = cases_of(opts)
        elif word(piece).unknown:
            guessed, certain = ending_cases(piece, forms.guess(piece))
            cases = guessed if certain else None
        else:
            cases = None
        if cases is not None:
            sure = cases if sure is None else (sure & cases or sure)
    parts = []
    for n, (piece, opts) in enumerate(zip(pieces, options)):
        fitting = [r for r in opts if agree and triples(r.tag) & agree]
        if opts and not fitting and agree and n == len(pieces) - 1 and n > 0:
            parts.append(piece)  # Aleksander Stubb: the dictionary's only Stubb is a plural of Stubba
        elif opts:
            fitting = fitting or list(opts)
            wanted = "nazwisko" if n == len(pieces) - 1 else "imię"
            fitting.sort(key=lambda r: wanted not in r.names)
            parts.append(fitting[0].lemma)
        elif feminine and n > 0 and feminine_surname(piece):
            parts.append(feminine_surname(piece) or piece)
        elif word(piece).modifiers and agree and agreement(word(piece).modifiers) & agree:
            lemma = word(piece).modifiers[0].lemma  # Aleksieja Nawalnego -> Nawalny
            form = nominative(lemma, MODIFIER_POS, "sg", "f" if feminine else "m1") or lemma
            parts.append(styled(piece, form))
        elif not word(piece).unknown:
            parts.append(forms.vote.base(piece))  # Wiaczesława Kima -> Kim, not the common word it spells
        else:
            parts.append(forms.in_case(piece, sure))
    return parts, seps
