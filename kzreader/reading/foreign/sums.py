"""Sums of money in English and Russian articles: `$17 billion`, `€300m`, `17 billion dollars`, `17 млрд долларов`.

The grammar, with the words from the language's money.yaml:
  symbol number [multiplier]            $17 billion · US$2.5 million · €300m · $17 млрд
  number [multiplier] currency          17 billion dollars · 5 млн рублей
A qualifier just before (`about`, `около`) is kept apart from the mention.
The entities are the Polish engine's (kzreader.reading.money): one per
amount and currency, keyed `money:<amount>:<currency>`, so a sum links
across languages. A language without a money.yaml has no sums: a number
beside an unknown word is not known to be money.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzreader.language import get
from kzreader.reading.annotations import Entity
from kzreader.reading.money import Amount, entities_of

_LANGUAGES = ("en", "ru")
_SPACE = r"[ \u00a0]+"
# Looked for only before a sum, so the scan over the whole text stays a scan for numbers.
_QUALIFIER_REACH = 24


def _either(patterns) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@dataclass(frozen=True, slots=True)
class _Grammar:
    """One language's sum patterns, built from its money.yaml."""

    money: re.Pattern[str]
    qualifier: re.Pattern[str]
    multipliers: tuple[tuple[re.Pattern[str], float], ...]
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    group: str
    decimal: str

    @classmethod
    def read(cls, lang: str) -> "_Grammar":
        v = get(lang).vocabulary("money")
        marks = v.labels("number_marks")
        group, decimal = marks["group"], marks["decimal"]
        group_re = _SPACE.replace("+", "") if group == " " else re.escape(group)
        number = rf"\d{{1,3}}(?:{group_re}\d{{3}})+(?:{re.escape(decimal)}\d+)?|\d+(?:{re.escape(decimal)}\d+)?"
        mult = tuple(v.numbers("multipliers").items())
        symbols = tuple(v.labels("symbols").items())
        words = tuple(v.labels("currencies").items())
        money = re.compile(
            rf"(?<![\w.,])(?:(?P<sym>{_either(p for p, _ in symbols)})[ \u00a0]?(?P<num1>{number})"
            rf"(?:[ \u00a0]?(?P<mult1>{_either(p for p, _ in mult)}))?(?![\w$€£₽])"
            rf"|(?P<num2>{number})(?:{_SPACE}(?P<mult2>{_either(p for p, _ in mult)}))?"
            rf"{_SPACE}(?P<cur>{_either(p for p, _ in words)})(?![\w$€£₽]))"
        )
        return cls(
            money=money,
            qualifier=re.compile(rf"(?<![\w.])(?:{_either(v.sequence('qualifiers'))}){_SPACE}\Z"),
            multipliers=tuple((re.compile(rf"(?:{p})\Z"), float(f)) for p, f in mult),
            currencies=tuple((re.compile(rf"(?:{p})\Z"), c) for p, c in symbols + words),
            group=group, decimal=decimal,
        )

    def number(self, raw: str) -> float:
        digits = raw.replace("\u00a0", " ").replace(self.group, "")
        return float(digits.replace(self.decimal, "."))

    def amounts(self, text: str, start: int, end: int) -> list[Amount]:
        out = []
        for m in self.money.finditer(text, start, end):
            num, mult = (m["num1"], m["mult1"]) if m["sym"] else (m["num2"], m["mult2"])
            factor = next(f for r, f in self.multipliers if r.match(mult)) if mult else 1.0
            code = next(c for r, c in self.currencies if r.match(m["sym"] or m["cur"]))
            q = self.qualifier.search(text, max(0, m.start() - _QUALIFIER_REACH), m.start())
            qual = " ".join(q.group().lower().split()) if q else None
            out.append(Amount(m.start(), m.end(), m.group(), self.number(num) * factor, code, qual))
        return out


_GRAMMARS = {lang: _Grammar.read(lang) for lang in _LANGUAGES}


def find_sums(text: str, regions: list[tuple[int, int]], lang: str) -> list[Entity]:
    """One money entity per distinct sum (amount and currency), with all its mentions."""
    grammar = _GRAMMARS.get(lang)
    if grammar is None:
        return []
    return entities_of(a for s, e in regions for a in grammar.amounts(text, s, e))
