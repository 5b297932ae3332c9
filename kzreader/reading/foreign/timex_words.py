"""A language's words of dates (its temporal.yaml), and its words with their offsets in a text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kzreader.language import get
from kzreader.language.vocabulary import Vocabulary

# Languages whose words of dates the rules read; any other gets numeric dates only.
LANGUAGES = ("en", "ru")
# A word with an apostrophe inside (`Thursday's`, `we’ll`), a number, or one mark.
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The words the rules of one language read; every key lower case."""

    lang: str
    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_not_after: frozenset[str]
    prepositions: frozenset[str]
    mods: dict[str, str]
    parts: tuple[tuple[tuple[str, ...], str], ...]  # longest phrase first
    ordinal_suffixes: frozenset[str]
    day_joiners: frozenset[str]
    relative: dict[str, int]
    duration_articles: frozenset[str]
    period_units: dict[str, str]
    period_leads: frozenset[str]
    deictic: tuple[tuple[tuple[str, ...], int], ...]  # longest phrase first
    ago: tuple[tuple[str, ...], ...]
    ago_units: dict[str, str]
    number_words: dict[str, int]
    year_words: frozenset[str]
    future_markers: frozenset[str]
    future_tags: frozenset[str]
    past_tags: frozenset[str]
    capitalised: frozenset[str]

    @classmethod
    def read(cls, lang: str, v: Vocabulary) -> "TimeWords":
        deictic = sorted(((tuple(k.split()), int(n)) for k, n in v.numbers("deictic_days").items()),
                         key=lambda kv: -len(kv[0]))
        return cls(
            lang=lang,
            months={k: int(n) for k, n in v.numbers("months").items()},
            weekdays={k: int(n) for k, n in v.numbers("weekdays").items()},
            weekday_not_after=v.words("weekday_not_after"),
            prepositions=v.words("date_prepositions"),
            mods=v.labels("preposition_mods"),
            parts=tuple(sorted(((tuple(k.split()), m) for k, m in v.labels("part_of_period").items()),
                               key=lambda kv: -len(kv[0]))),
            ordinal_suffixes=v.words("ordinal_suffixes"),
            day_joiners=v.words("day_joiners"),
            relative={k: int(n) for k, n in v.numbers("relative_adjectives").items()},
            duration_articles=v.words("duration_articles"),
            period_units=v.labels("period_units"),
            period_leads=v.words("period_leads"),
            deictic=tuple(deictic),
            ago=tuple(sorted((tuple(p.split()) for p in v.sequence("ago")), key=len, reverse=True)),
            ago_units=v.labels("ago_units"),
            number_words={k: int(n) for k, n in v.numbers("number_words").items()},
            year_words=v.words("year_words"),
            future_markers=v.words("future_markers"),
            future_tags=v.words("future_tags"),
            past_tags=v.words("past_tags"),
            capitalised=v.words("capitalised"),
        )


WORDS = {lang: TimeWords.read(lang, get(lang).vocabulary("temporal")) for lang in LANGUAGES}


class Words:
    """The tokens of one stretch of text, with what the rules ask of them."""

    def __init__(self, text: str, lo: int, hi: int, words: TimeWords):
        self.text = text
        self.w = words
        found = list(_TOKEN.finditer(text, lo, hi))
        self.texts = [m.group() for m in found]
        self.lows = [t.lower() for t in self.texts]
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.n = len(found)

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i across spaces only, on the same line."""
        return 0 <= i < self.n - 1 and self.text[self.ends[i]:self.starts[i + 1]] in (" ", "\u00a0")

    def touching(self, i: int) -> bool:
        """Token i+1 follows token i with nothing between (`Sept.`, `2-4`)."""
        return 0 <= i < self.n - 1 and self.ends[i] == self.starts[i + 1]

    def number(self, i: int) -> int | None:
        t = self.low(i)
        return int(t) if t.isdigit() and len(t) <= 4 else None

    def day(self, i: int) -> int | None:
        n = self.number(i)
        return n if n is not None and len(self.lows[i]) <= 2 and 1 <= n <= 31 else None

    def year(self, i: int) -> int | None:
        n = self.number(i)
        return n if n is not None and len(self.lows[i]) == 4 and 1000 <= n <= 2199 else None

    def _named(self, i: int, table: dict[str, int], kind: str) -> int | None:
        if not 0 <= i < self.n:
            return None
        if kind in self.w.capitalised and not self.texts[i][:1].isupper():
            return None
        low = _POSSESSIVE.sub("", self.lows[i])
        return table.get(low, table.get(low + "."))

    def month(self, i: int) -> int | None:
        return self._named(i, self.w.months, "months")

    def weekday(self, i: int) -> int | None:
        return self._named(i, self.w.weekdays, "weekdays")

    def with_stop(self, i: int, table) -> int:
        """The last token of the word at i, with its full stop when it is an abbreviation in `table` (`Sept.`)."""
        dotted = self.low(i) + "." in table and self.low(i) not in table
        return i + 1 if dotted and self.touching(i) and self.low(i + 1) == "." else i

    def year_word(self, i: int) -> bool:
        return self.low(i) in self.w.year_words or self.low(i) + "." in self.w.year_words

    def continues_number(self, i: int) -> bool:
        """The number at token i goes on (`12:30`, `2.5`, `12.11.2022`): it is no day of its own."""
        return (self.touching(i) and self.low(i + 1) in (":", ".", ",") and self.touching(i + 1)
                and self.number(i + 2) is not None)

    def dash(self, i: int) -> bool:
        return self.low(i) in ("-", "–", "—")

    def day_end(self, i: int) -> int:
        """The last token of the day at i, with an ordinal suffix (`4th`, `12-го`) if it has one."""
        if self.touching(i) and self.low(i + 1) in self.w.ordinal_suffixes:
            return i + 1
        hyphened = self.touching(i) and self.dash(i + 1) and self.touching(i + 1)
        if hyphened and self.low(i + 2) in self.w.ordinal_suffixes:
            return i + 2
        return i

    def phrase_before(self, i: int, phrases) -> tuple[str, ...] | None:
        """The first of `phrases` whose words end at token i."""
        for p in phrases:
            first = i - len(p) + 1
            if first >= 0 and self.phrase_at(first, (p,)):
                return p
        return None

    def phrase_at(self, i: int, phrases) -> tuple[str, ...] | None:
        """The first of `phrases` (tuples of words) that the words from i spell, each after a space."""
        for p in phrases:
            if all(self.low(i + k) == word and (k == 0 or self.adjacent(i + k - 1)) for k, word in enumerate(p)):
                return p
        return None
