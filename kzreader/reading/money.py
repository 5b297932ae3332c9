"""Sums of money: `28 mld dol.`, `24,5 miliarda dolarów`, `ponad 100 mld dol.`, `1 200 zł`.

A sum is a number, an optional multiplier and a currency; without a
currency (`80 proc.`, `20 tys. podmiotów`, `7598 kilometrów`) it is not money.
A qualifier before it (`ponad`, `prawie`, `około`) is kept apart from the
mention, so the mention is the amount as written.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kzreader.language import pl
from kzreader.reading.annotations import Entity, Mention

# Polish for now: the words are regular-expression fragments in its data file.
_WORDS = pl.vocabulary("money")
_QUALIFIERS = "|".join(_WORDS.sequence("qualifiers"))
_MULTIPLIERS = tuple(_WORDS.numbers("multipliers").items())
_CURRENCIES = tuple(_WORDS.labels("currencies").items())
_SPACE = r"[ \u00a0]+"
_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_MONEY = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMBER})"
    rf"(?:{_SPACE}(?P<mult>{'|'.join(f'(?:{p})' for p, _ in _MULTIPLIERS)}))?"
    rf"{_SPACE}(?P<cur>{'|'.join(f'(?:{p})' for p, _ in _CURRENCIES)})(?![\w$€£])"
)
# Looked for only before a sum, so the scan over the whole text stays a scan for digits.
_QUALIFIER = re.compile(rf"(?i:(?<![\w.])(?:{_QUALIFIERS})){_SPACE}\Z")
_QUALIFIER_REACH = 24
_MULTIPLIER_RES = tuple((re.compile(rf"(?:{p})\Z"), factor) for p, factor in _MULTIPLIERS)
_CURRENCY_RES = tuple((re.compile(rf"(?:{p})\Z"), code) for p, code in _CURRENCIES)
# Largest first: a sum is written with the word of the largest size it reaches.
_WRITTEN_SIZES = sorted(((size, word) for word, size in _WORDS.numbers("written_sizes").items()), reverse=True)


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    text: str
    amount: float
    currency: str
    qualifier: str | None

    @property
    def key(self) -> str:
        return f"{KEY_PREFIX}{amount_key(self.amount)}:{self.currency}"


KEY_PREFIX = "money:"


def from_key(key: str) -> tuple[float, str] | None:
    """(amount, currency) from an entity key `Amount.key` wrote, or None for any other key."""
    if not key.startswith(KEY_PREFIX):
        return None
    amount, _, currency = key[len(KEY_PREFIX):].partition(":")
    try:
        return float(amount), currency.upper()
    except ValueError:
        return None


def amount_key(amount: float) -> str:
    """2.8e10 -> `2.8e10`, 500 -> `500`: short, and the same for every spelling of one sum."""
    return f"{amount:.6g}".replace("e+", "e")


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every sum of money in `text[start:end]`, offsets into `text`."""
    out = []
    for m in _MONEY.finditer(text, start, len(text) if end is None else end):
        factor = next(f for r, f in _MULTIPLIER_RES if r.match(m["mult"])) if m["mult"] else 1.0
        code = next(c for r, c in _CURRENCY_RES if r.match(m["cur"]))
        q = _QUALIFIER.search(text, max(0, m.start() - _QUALIFIER_REACH), m.start())
        qual = " ".join(q.group().lower().split()) if q else None
        start = m.start("num")
        out.append(Amount(start, m.end(), text[start:m.end()], _number(m["num"]) * factor, code, qual))
    return out


def _number(raw: str) -> float:
    digits = raw.replace("\u00a0", "").replace(" ", "")
    # A dot before exactly three digits groups thousands (1.200); otherwise it is a decimal point.
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")
    return float(digits.replace(",", "."))


def money_entities(text: str, regions: Sequence[tuple[int, int]]) -> list[Entity]:
    """One entity per distinct sum (amount and currency), with all its mentions."""
    return entities_of(a for s, e in regions for a in find_amounts(text, s, e))


def entities_of(amounts: Iterable[Amount]) -> list[Entity]:
    """One entity per distinct sum of `amounts`, in any language: the first way it is written names it."""
    by_key: dict[str, Entity] = {}
    for a in amounts:
        ent = by_key.get(a.key)
        if ent is None:
            ent = by_key[a.key] = Entity(a.key, a.text, "money", amount=a.amount, currency=a.currency,
                                         qualifier=a.qualifier)
        elif a.text != ent.name and a.text not in ent.aliases:
            ent.aliases.append(a.text)
        ent.mentions.append(Mention(a.start, a.end, a.text))
    return list(by_key.values())


def written_sum(value: float) -> str:
    """28000000000.0 -> `28 mld`, 24500000.0 -> `24,5 mln`: as Polish press writes sums."""
    for size, word in _WRITTEN_SIZES:
        if abs(value) >= size:
            return f"{value / size:.4g}".replace(".", ",") + f" {word}"
    return f"{value:g}".replace(".", ",")
