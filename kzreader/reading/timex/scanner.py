"""Temporal expressions in Polish news text, normalised TIMEX3-style.

Rules match morfeusz lemmas, so every case form counts (`listopada`,
`listopadzie`, `listopadowe`). Relative expressions are resolved against the
document date (DCT) the way news taggers do it: the tense of the nearest verb
picks the direction, and past is the default because news reports what
happened. A DCT known only to the month makes day-level arithmetic land in a
window; the value is then the DCT's month with `mod=APPROX` and the window kept
in `earliest`/`latest`. Without a DCT a date keeps its year unknown
(`XXXX-11-03`): guessing it from other years in the text is the classic
narrative-tagger error on undated news.
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kzreader.language.pl.morphology import analyse
from kzreader.language.tokens import WORD, sentence_spans
from kzreader.reading.annotations import Timex

MONTHS = {
    "styczeń": 1, "luty": 2, "marzec": 3, "kwiecień": 4, "maj": 5, "czerwiec": 6,
    "lipiec": 7, "sierpień": 8, "wrzesień": 9, "październik": 10, "listopad": 11, "grudzień": 12,
}
MONTH_ADJECTIVES = {
    "styczniowy": 1, "lutowy": 2, "marcowy": 3, "kwietniowy": 4, "majowy": 5, "czerwcowy": 6,
    "lipcowy": 7, "sierpniowy": 8, "wrześniowy": 9, "październikowy": 10, "listopadowy": 11,
    "grudniowy": 12,
}
WEEKDAYS = {
    "poniedziałek": 0, "wtorek": 1, "środa": 2, "czwartek": 3, "piątek": 4, "sobota": 5, "niedziela": 6,
}
# Calendar units and the granularity a shift by them is naturally stated in.
UNITS = {
    "dzień": "D", "doba": "D", "tydzień": "W", "miesiąc": "M", "rok": "Y",
    "dekada": "DE", "dziesięciolecie": "DE", "wiek": "CE", "stulecie": "CE", "godzina": "H", "kwartał": "Q",
}
_UNIT_GRANULARITY = {"H": "day", "D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}
_ORDINALS = {"pierwszy": 1, "drugi": 2, "trzeci": 3, "czwarty": 4}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
NUMBER_WORDS = {
    "jeden": 1, "dwa": 2, "oba": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7,
    "osiem": 8, "dziewięć": 9, "dziesięć": 10, "jedenaście": 11, "dwanaście": 12, "trzynaście": 13,
    "czternaście": 14, "piętnaście": 15, "szesnaście": 16, "siedemnaście": 17, "osiemnaście": 18,
    "dziewiętnaście": 19, "dwadzieścia": 20, "trzydzieści": 30, "czterdzieści": 40,
    "pięćdziesiąt": 50, "sześćdziesiąt": 60, "siedemdziesiąt": 70, "osiemdziesiąt": 80,
    "dziewięćdziesiąt": 90, "sto": 100, "półtora": 1.5, "pół": 0.5,
}
VAGUE_QUANTITIES = frozenset(
    {"kilka", "kilkanaście", "kilkadziesiąt", "kilkaset", "parę", "wiele", "ileś", "wieleset", "dużo", "sporo"}
)
_PAST_ADJ = frozenset({"ubiegły", "zeszły", "poprzedni", "miniony"})
_THIS_ADJ = frozenset({"ten", "bieżący", "obecny", "tenże"})
_NEXT_ADJ = frozenset({"przyszły"})
_YEAR_ADJ = {"tegoroczny": 0, "ubiegłoroczny": -1, "zeszłoroczny": -1, "przyszłoroczny": 1}
_APPROX_MODS = {"blisko": "LESS_THAN", "prawie": "LESS_THAN", "niemal": "LESS_THAN", "niemalże": "LESS_THAN",
                "niespełna": "LESS_THAN", "niecały": "LESS_THAN", "ponad": "MORE_THAN", "przeszło": "MORE_THAN",
                "około": "APPROX", "ok": "APPROX", "mniej": "APPROX"}
_PREP_MODS = {"od": "ON_OR_AFTER", "do": "ON_OR_BEFORE", "przed": "BEFORE", "po": "AFTER",
              "około": "APPROX", "ok": "APPROX", "sprzed": "BEFORE"}
_DATE_PREPS = frozenset({"w", "we", "od", "do", "z", "ze", "po", "przed", "na", "około", "ok", "sprzed",
                         "za", "dnia", "aż", "między", "pomiędzy"})
# Phrases in front of a date that name a part of it: "na początku maja".
_PART_MODS = {"początek": "START", "koniec": "END", "połowa": "MID", "schyłek": "END"}
_RANGE_JOINERS = frozenset({"i", "a", "do", "lub", "albo"})
_DEICTIC_DAYS = {"dziś": 0, "dzisiaj": 0, "dzisiejszy": 0, "wczoraj": -1, "wczorajszy": -1,
                 "przedwczoraj": -2, "jutro": 1, "jutrzejszy": 1, "pojutrze": 2}
_PRESENT_WORDS = frozenset({"obecnie", "teraz", "aktualnie", "dotychczas", "dotąd", "współcześnie"})
_PAST_WORDS = frozenset({"ostatnio", "dawniej", "niegdyś", "onegdaj", "kiedyś"})
_FUTURE_WORDS = frozenset({"wkrótce", "niebawem", "rychło"})
_SET_WORDS = {"codziennie": "P1D", "corocznie": "P1Y", "rokrocznie": "P1Y", "comiesięcznie": "P1M"}
_AGO = frozenset({"temu"})
# Plural forms of `rok` that morfeusz also reads as `lato` (summer).
_YEAR_WORDS = frozenset({"lat", "latach", "latami", "lata"})
_LATER = {"później": 1, "potem": 1, "wcześniej": -1}
# Words after a number that make it an amount, not a year: "2000 żołnierzy" is
# caught by the noun test, these catch what morfeusz reads otherwise.
_AMOUNT_WORDS = frozenset({"mld", "mln", "tys", "proc", "km", "kg", "t", "zł", "dol", "euro", "usd", "m", "ha",
                           "osób", "razy", "szt"})
_NUMBER_LABELS = frozenset({"nr", "numer", "art", "ust", "poz", "pkt", "str", "s", "tom", "rozdz", "par", "kod"})

_NUMERIC_DATE = re.compile(
    r"(?<![0-9.])(?P<d>[0-9]{1,2})\s?[./]\s?(?P<m>[0-9]{1,2})\s?[./]\s?(?P<y>[0-9]{4})(?![0-9])"
    r"(?:\s*r\.)?(?:,?\s*(?:godz\.\s*)?(?P<t>[0-9]{1,2}[:.][0-9]{2}))?"
)
_ISO_DATE = re.compile(r"(?<![0-9-])(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9-])")
_DAY_RANGE = re.compile(r"^([0-9]{1,2})[-–]([0-9]{1,2})$")
_YEAR_RANGE = re.compile(r"^([0-9]{4})[-–]([0-9]{4})$")
_QUOTES = re.compile(r"„[^”\"\n]*[”\"]|\"[^\"\n]*\"|«[^»\n]*»|^\s*[–—-]\s.*$", re.MULTILINE)
_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
# Years the rules accept; a document date outside them is treated as unknown,
# which also keeps every relative shift inside what `datetime.date` can hold.
_MIN_YEAR, _MAX_YEAR = 1000, 2199
_WEEKDAY_TAG = re.compile(r"^XXXX-WXX-\d$")


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference interval (the DCT or an anchor date) with its granularity."""

    lo: date
    hi: date
    granularity: str

    @classmethod
    def parse(cls, value: str | None) -> "Reference | None":
        """`2025-11-15`, `2022-11` or `2022` (a trailing time is ignored); None if not a date."""
        if not value:
            return None
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not m:
            return None
        year = int(m.group(1))
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return None
        try:
            if m.group(3):
                d = date(year, int(m.group(2)), int(m.group(3)))
                return cls(d, d, "day")
            if m.group(2):
                lo, hi = period(date(year, int(m.group(2)), 1), "month")
                return cls(lo, hi, "month")
            lo, hi = period(date(year, 1, 1), "year")
            return cls(lo, hi, "year")
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class _Word:
    """What the rules need to know about one word form, computed once per form."""

    lemmas: frozenset[str]
    tense: str | None
    noun: bool
    plural_only: bool


@lru_cache(maxsize=200_000)
def _word(form: str) -> _Word:
    readings = analyse(form)
    lem = frozenset(i.lemma.lower() for i in readings)
    tense = None
    for i in readings:
        pos = i.pos
        if pos == "praet":
            tense = "past"
            break
        if pos == "bedzie" or (pos == "fin" and i.has("perf")):
            tense = "future"
        elif pos == "fin" and tense is None:
            tense = "present"
    noun = any(i.pos in ("subst", "depr", "brev") for i in readings)
    plural_only = bool(readings) and all(i.has("pl") and not i.has("sg") for i in readings if i.pos == "subst")
    return _Word(lem, tense, noun, plural_only)


def period(d: date, granularity: str) -> tuple[date, date]:
    """First and last day of the `granularity` period containing `d`."""
    if granularity == "day":
        return d, d
    if granularity == "week":
        lo = d - timedelta(days=d.weekday())
        return lo, lo + timedelta(days=6)
    if granularity == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return date(d.year, 1, 1), date(d.year, 12, 31)


def format_value(d: date, granularity: str) -> str:
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def coarser(a: str, b: str) -> str:
    if {a, b} == {"week", "month"}:
        return "month"
    return a if _ORDER[a] >= _ORDER[b] else b


def shift(d: date, unit: str, n: float) -> date:
    """`d` moved by `n` units; months and years clamp the day (31 March - 1 month = 28/29 Feb)."""
    if unit == "H":
        return d + timedelta(days=int(n // 24))
    if unit in ("D", "W"):
        return d + timedelta(days=round(n * (7 if unit == "W" else 1)))
    months = round(n * {"Y": 12, "Q": 3}.get(unit, 1))
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _iso(d: date) -> str:
    return d.isoformat()


def _digits(text: str) -> bool:
    """ASCII digits only: `²` and other Unicode digits pass str.isdigit() but are no numbers here."""
    return text.isascii() and text.isdigit()


def _number(text: str, w: _Word) -> float | None:
    if _digits(text) and len(text) <= 4:
        return float(int(text))
    for lem in w.lemmas:
        if lem in NUMBER_WORDS:
            return float(NUMBER_WORDS[lem])
    return None


def _duration_value(n: float | None, unit: str) -> str:
    if n is None:
        return f"PX{unit}"
    if n != int(n):
        if unit == "Y":
            return f"P{round(n * 12)}M"
        return f"P{n:g}{unit}"
    return f"P{int(n)}{unit}"


@dataclass(slots=True)
class _Hit:
    """A rule's result before it becomes a Timex: token range plus normalisation."""

    first: int
    last: int
    value: str
    kind: str = "DATE"
    granularity: str = "day"
    mod: str | None = None
    lo: date | None = None
    hi: date | None = None
    note: str | None = None
    anchor: bool = True


class _Scanner:
    """Left-to-right pass over the words of one text, one rule set per head word."""

    def __init__(self, text: str, ref: Reference | None):
        self.text = text
        self.ref = ref
        self.sentences = sentence_spans(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.anchor: Reference | None = None
        self.anchor_unresolved: tuple[int, int | None] | None = None  # (month, day) of a date without a year
        self._quotes: list[tuple[int, int]] | None = None
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.texts: list[str] = []
        self.n = 0

    # ---- token helpers -------------------------------------------------
    def load(self, lo: int, hi: int) -> None:
        """The words of text[lo:hi]; they are analysed only when a rule looks at them."""
        found = WORD.finditer(self.text, lo, hi)
        self.starts, self.ends, self.texts = [], [], []
        for m in found:
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.texts.append(m.group())
        self.n = len(self.texts)

    def word(self, i: int) -> _Word:
        return _word(self.texts[i])

    def lem(self, i: int) -> frozenset[str]:
        return _word(self.texts[i]).lemmas if 0 <= i < self.n else frozenset()

    def low(self, i: int) -> str:
        return self.texts[i].lower() if 0 <= i < self.n else ""

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        return self.text[self.ends[i]:self.starts[i + 1]] if 0 <= i < self.n - 1 else ""

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i with only spaces between (no sentence or clause break)."""
        return i + 1 < self.n and self.gap(i).strip() == ""

    def dotted(self, i: int) -> bool:
        """Token i is followed by a full stop (an abbreviation such as `r.` or `br.`)."""
        if not 0 <= i < self.n:
            return False
        return self.text[self.ends[i]:self.ends[i] + 1] == "."

    def decimal_tail(self, i: int, floor: int) -> bool:
        """Token i is the fraction of a number such as `1,7` or `2.5`."""
        return i - 1 >= floor and _digits(self.low(i - 1)) and self.gap(i - 1) in (",", ".")

    def month_of(self, i: int) -> int | None:
        for lem in self.lem(i):
            if lem in MONTHS:
                return MONTHS[lem]
        return None

    def unit_of(self, i: int) -> str | None:
        low = self.low(i)
        if low in _YEAR_WORDS:
            return "Y"
        for lem in self.lem(i):
            if lem in UNITS:
                return UNITS[lem]
        return None

    def day_at(self, i: int) -> int | None:
        t = self.low(i)
        return int(t) if len(t) <= 2 and _digits(t) and 1 <= int(t) <= 31 else None

    def year_at(self, i: int) -> int | None:
        t = self.low(i)
        if len(t) == 4 and _digits(t) and _MIN_YEAR <= int(t) <= _MAX_YEAR:
            return int(t)
        return None

    def year_word(self, i: int) -> bool:
        """`r.`, `rok`, `roku`...: the word that marks a number as a calendar year."""
        return (self.low(i) == "r" and self.dotted(i)) or (
            "rok" in self.lem(i) and self.low(i) in ("rok", "roku", "rokiem"))

    def sentence_of(self, char: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts, char) - 1
        return self.sentences[k] if k >= 0 else (0, len(self.text))

    def in_quote(self, char: int) -> bool:
        if self._quotes is None:
            self._quotes = [m.span() for m in _QUOTES.finditer(self.text)]
        return any(s <= char < e for s, e in self._quotes)

    def tense(self, first: int, last: int) -> str | None:
        """Tense of the verb nearest to tokens first..last in the same sentence."""
        s_lo, s_hi = self.sentence_of(self.starts[first])
        for dist in range(1, 25):
            for j in (first - dist, last + dist):
                if 0 <= j < self.n and s_lo <= self.starts[j] < s_hi:
                    t = self.word(j).tense
                    if t == "present" and "mieć" in self.word(j).lemmas:
                        return "future"  # "ma rozpocząć": an obligation still ahead
                    if t:
                        return t
        return None

    def extend_left(self, first: int, floor: int) -> tuple[int, str | None]:
        """Take a preposition (and a part-of phrase) in front of a date into its span."""
        mod = None
        i = first - 1
        if i >= floor and self.adjacent(i):
            part = next((_PART_MODS[lem] for lem in self.lem(i) if lem in _PART_MODS), None)
            if part and i - 1 >= floor and self.low(i - 1) in ("na", "w", "pod", "z", "u") and self.adjacent(i - 1):
                return i - 1, part
            if self.low(i) in ("przełomie", "przełom") and i - 1 >= floor and self.adjacent(i - 1):
                return i - 1, None
            if self.low(i) in _DATE_PREPS:
                mod = _PREP_MODS.get(self.low(i))
                return i, mod
        return first, mod

    # ---- year resolution ----------------------------------------------
    def year_for(self, month: int, day: int | None, first: int, last: int) -> tuple[int | None, str | None]:
        """The year of a month (or day) given without one: DCT ±1, picked by tense."""
        ref = self.ref
        if ref is None:
            return None, "year unknown: the document has no date"
        # "zaplanowano na 12 stycznia": a date right after "na" is a target ahead.
        tense = "future" if self.low(first) == "na" and first + 1 < self.n and (
            self.month_of(first + 1) or self.day_at(first + 1)) else self.tense(first, last)
        cands = []
        for y in (ref.lo.year - 1, ref.lo.year, ref.lo.year + 1):
            try:
                lo = date(y, month, day or 1)
            except ValueError:
                continue
            hi = lo if day else period(lo, "month")[1]
            cands.append((y, lo, hi))
        if not cands:
            return None, None
        if tense == "future":
            chosen = next((y for y, _, hi in cands if hi >= ref.lo), cands[-1][0])
        else:
            chosen = max((y for y, lo, _ in cands if lo <= ref.hi), default=cands[0][0])
        return chosen, None

    def relative_year(self, offset: int) -> tuple[str, date | None, date | None, str | None]:
        if self.ref is None:
            return "XXXX", None, None, "year unknown: the document has no date"
        y = self.ref.lo.year + offset
        return f"{y:04d}", date(y, 1, 1), date(y, 12, 31), None

    # ---- rules ---------------------------------------------------------
    def rule_digit(self, i: int, floor: int) -> _Hit | None:
        tok = self.low(i)
        m = _DAY_RANGE.match(tok)
        if m and self.adjacent(i) and self.month_of(i + 1):
            return self.day_month(i, i + 1, int(m.group(1)), floor, int(m.group(2)))
        if self.day_at(i) and not self.decimal_tail(i, floor):
            if self.adjacent(i) and self.month_of(i + 1):
                return self.day_month(i, i + 1, int(tok), floor)
            # "od 1 do 3 maja", "7 i 8 listopada", "7 – 8 listopada"
            if self.gap(i).strip() in ("–", "-"):
                j = i + 1
            elif self.adjacent(i) and self.low(i + 1) in ("i", "do"):
                j = i + 2
            else:
                j = -1
            day2 = self.day_at(j) if j > 0 else None
            if day2 and self.adjacent(j) and self.month_of(j + 1):
                return self.day_month(i, j + 1, int(tok), floor, day2)
        if _YEAR_RANGE.match(tok) or (self.year_at(i) and self.gap(i).strip() in ("–", "-")
                                       and self.year_at(i + 1)):
            return self.year_range(i, floor)
        if self.year_at(i):
            return self.year(i, floor)
        return None

    def day_month(self, i: int, mi: int, day: int, floor: int, day2: int | None = None) -> _Hit | None:
        month = self.month_of(mi)
        assert month is not None
        first, mod = self.extend_left(i, floor)
        last = mi
        year = None
        note = None
        if self.adjacent(mi) and self.year_at(mi + 1):
            year = self.year_at(mi + 1)
            last = mi + 1
            if self.year_word(mi + 2):
                last = mi + 2
        else:
            rel = self.relative_year_after(mi)
            if rel is not None:
                offset, last = rel
                year = self.ref.lo.year + offset if self.ref else None
                note = None if self.ref else "year unknown: the document has no date"
            else:
                year, note = self.year_for(month, day, first, last)
        try:
            probe = date(year or 2000, month, day)
            end = date(year or 2000, month, day2) if day2 else probe
        except ValueError:
            return None
        if day2 and end < probe:
            return None
        if year is None:
            value = f"XXXX-{month:02d}-{day:02d}"
            return _Hit(first, last, value, granularity="day", mod=mod, note=note)
        return _Hit(first, last, _iso(probe), granularity="day", mod=mod, lo=probe, hi=end,
                    note="a span of days; the value is its first day" if day2 else None)

    def relative_year_after(self, i: int) -> tuple[int, int] | None:
        """`tego roku`, `ubiegłego roku`, `br.` right after token i: (year offset, last token)."""
        j = i + 1
        if not self.adjacent(i):
            return None
        if self.low(j) == "br" and self.dotted(j):
            return 0, j
        if self.adjacent(j) and "rok" in self.lem(j + 1):
            off = self.relative_offset(self.lem(j))
            if off is not None:
                return off, j + 1
        if "rok" in self.lem(j) and self.adjacent(j):
            off = self.relative_offset(self.lem(j + 1))
            if off is not None and self.low(j + 1) != "temu":
                return off, j + 1
        return None

    @staticmethod
    def relative_offset(lemmas: frozenset[str]) -> int | None:
        if lemmas & _PAST_ADJ:
            return -1
        if lemmas & _NEXT_ADJ:
            return 1
        if lemmas & _THIS_ADJ:
            return 0
        return None

    def year(self, i: int, floor: int) -> _Hit | None:
        y = self.year_at(i)
        assert y is not None
        prev = self.low(i - 1) if i - 1 >= floor else ""
        if prev in _NUMBER_LABELS or (i - 1 >= floor and _digits(self.low(i - 1)) and self.adjacent(i - 1)):
            return None
        after = self.text[self.ends[i]:self.ends[i] + 2]
        if after[:1] in ("%", "+") or re.match(r"[,.]\d", after):
            return None
        marked = self.year_word(i + 1) and self.adjacent(i)
        preceded = prev in _DATE_PREPS or prev == "przełomie" or ("rok" in self.lem(i - 1) and i - 1 >= floor)
        if not marked:
            if not preceded:
                return None
            nxt = i + 1
            if nxt < self.n and self.adjacent(i):
                w = self.word(nxt)
                if self.low(nxt) in _AMOUNT_WORDS or (w.noun and self.texts[nxt][:1].islower()
                                                     and w.tense is None and not self.month_of(nxt)):
                    return None
        first, mod = self.extend_left(i, floor)
        if first == i and "rok" in self.lem(i - 1) and i - 1 >= floor:
            first = i - 1
            first, mod = self.extend_left(first, floor)
        last = i + 1 if marked else i
        hi = date(y, 12, 31)
        # "na przełomie 2022 i 2023 roku": one span valued by its first year.
        if prev == "przełomie" and self.low(i + 1) in ("i", "a") and self.adjacent(i + 1) and (
                y2 := self.year_at(i + 2)):
            if y2 > y:
                last, hi = (i + 3 if self.year_word(i + 3) else i + 2), date(y2, 12, 31)
        return _Hit(first, last, f"{y:04d}", granularity="year", mod=mod, lo=date(y, 1, 1), hi=hi,
                    note="a span of years; the value is its first year" if hi.year > y else None)

    def year_range(self, i: int, floor: int) -> _Hit | None:
        m = _YEAR_RANGE.match(self.low(i))
        if m:
            y1, y2, last = int(m.group(1)), int(m.group(2)), i
        else:
            y1, y2, last = self.year_at(i) or 0, self.year_at(i + 1) or 0, i + 1
        if not (_MIN_YEAR <= y1 <= y2 <= _MAX_YEAR):
            return None
        prev_years = "rok" in self.lem(i - 1) and i - 1 >= floor
        if not (prev_years or self.year_word(last + 1)):
            return None
        first = i - 1 if prev_years else i
        first, mod = self.extend_left(first, floor)
        if self.year_word(last + 1):
            last += 1
        return _Hit(first, last, f"{y1:04d}", granularity="year", mod=mod, lo=date(y1, 1, 1),
                    hi=date(y2, 12, 31), note="a span of years; the value is its first year")

    def rule_month(self, i: int, floor: int) -> _Hit | None:
        month = self.month_of(i)
        assert month is not None
        first, mod = self.extend_left(i, floor)
        has_prep = first < i
        year_follows = self.adjacent(i) and self.year_at(i + 1) is not None
        if self.texts[i][:1].isupper() and not year_follows:
            return None  # Maj, Marzec, Lipiec: names unless a year says otherwise
        rel = self.relative_year_after(i)
        if not (has_prep or year_follows or rel):
            return None
        last = i
        month2 = None
        j = i + 1
        if self.adjacent(i) and (self.low(j) in _RANGE_JOINERS or self.gap(i).strip() in ("–", "-")):
            k = j if self.gap(i).strip() in ("–", "-") else j + 1
            m2 = self.month_of(k)
            if m2 and self.texts[k][:1].islower() and m2 >= month:
                month2, last = m2, k
        note = None
        if self.adjacent(last) and self.year_at(last + 1):
            year: int | None = self.year_at(last + 1)
            last += 1
            if self.year_word(last + 1):
                last += 1
        else:
            rel = self.relative_year_after(last)
            if rel is not None:
                offset, last = rel
                year = self.ref.lo.year + offset if self.ref else None
                note = None if self.ref else "year unknown: the document has no date"
            else:
                year, note = self.year_for(month, None, first, last)
        if year is None:
            return _Hit(first, last, f"XXXX-{month:02d}", granularity="month", mod=mod, note=note)
        lo = date(year, month, 1)
        hi = period(date(year, month2 or month, 1), "month")[1]
        if month2:
            note = "a span of months; the value is its first month"
        return _Hit(first, last, format_value(lo, "month"), granularity="month", mod=mod, lo=lo, hi=hi, note=note)

    def rule_month_adjective(self, i: int, floor: int) -> _Hit | None:
        month = next((MONTH_ADJECTIVES[lem] for lem in self.lem(i) if lem in MONTH_ADJECTIVES), None)
        if month is None or self.texts[i][:1].isupper() and self.starts[i] not in self.sentence_starts:
            return None
        year, note = self.year_for(month, None, i, i)
        if year is None:
            return _Hit(i, i, f"XXXX-{month:02d}", granularity="month", note=note)
        lo, hi = period(date(year, month, 1), "month")
        return _Hit(i, i, format_value(lo, "month"), granularity="month", lo=lo, hi=hi,
                    note="adjective of a month")

    def rule_weekday(self, i: int, floor: int) -> _Hit | None:
        wd = next((WEEKDAYS[lem] for lem in self.lem(i) if lem in WEEKDAYS), None)
        if wd is None or self.texts[i][:1].isupper():
            return None
        # "w poniedziałek 7 listopada": the explicit date says more; let it win.
        j = i + 1 if self.gap(i).strip() in ("", ",") else -1
        if j > 0 and self.day_at(j) and self.month_of(j + 1):
            return None
        first, mod = self.extend_left(i, floor)
        forced = None
        if first == i and i - 1 >= floor and self.adjacent(i - 1):
            lem = self.lem(i - 1)
            if lem & (_PAST_ADJ | {"ostatni"}):
                forced = "past"
            elif lem & (_NEXT_ADJ | {"bliski", "następny"}):
                forced = "future"
            if forced:
                first, mod = self.extend_left(i - 1, floor)
        if first == i and not forced:
            return None  # a bare "poniedziałek" is usually a noun phrase, not a date
        if self.word(i).plural_only:
            return _Hit(first, i, f"XXXX-WXX-{wd + 1}", kind="SET", granularity="none", anchor=False,
                        note="every such weekday")
        if self.ref is None:
            return _Hit(first, i, f"XXXX-WXX-{wd + 1}", mod=mod, anchor=False,
                        note="weekday in a document without a date")
        tense = forced or self.tense(first, i)
        if self.ref.granularity != "day":
            lo = self.ref.lo - timedelta(days=6) if tense != "future" else self.ref.lo
            hi = self.ref.hi if tense != "future" else self.ref.hi + timedelta(days=6)
            return _Hit(first, i, format_value(self.ref.lo, self.ref.granularity), mod="APPROX",
                        granularity=self.ref.granularity, lo=lo, hi=hi,
                        note=f"document dated only to the {self.ref.granularity}: the weekday falls in a window")
        diff = wd - self.ref.lo.weekday()
        if tense == "future":
            diff = diff + 7 if diff < 0 or (diff == 0 and forced) else diff
        else:
            diff = diff - 7 if diff > 0 or (diff == 0 and forced) else diff
        d = self.ref.lo + timedelta(days=diff)
        return _Hit(first, i, _iso(d), mod=mod, lo=d, hi=d)

    def rule_unit(self, i: int, floor: int) -> _Hit | None:
        unit = self.unit_of(i)
        assert unit is not None
        low = self.low(i)
        # Quantity in front: a number, a number word or a vague quantifier.
        n: float | None = None
        vague = False
        first = i
        j = i - 1
        if j >= floor and self.adjacent(j):
            n = _number(self.low(j), self.word(j))
            if n is not None:
                first = j
            elif self.lem(j) & VAGUE_QUANTITIES:
                vague, first = True, j
        nxt = self.low(i + 1) if self.adjacent(i) or self.gap(i).strip() == "," else ""
        if unit in ("DE", "CE") and n is None and not vague:
            return None
        if unit == "Q" and (quarter := self.quarter(i, floor)):
            return quarter
        # "pierwszych dziewięciu miesięcy tego roku": a part of a year, dated by the year.
        part = self.part_of_year(first, i, n, unit, floor)
        if part is not None:
            return part
        if nxt in _AGO or nxt in _LATER or (self.low(first - 1) == "za" and first - 1 >= floor):
            return self.offset(first, i, n, unit, vague, floor)
        if unit in ("DE", "CE", "H"):
            return self.duration(first, i, n, unit, vague, floor)
        # Relative calendar units: "w ubiegłym roku", "tego roku", "roku poprzedniego".
        rel = self.relative_unit(i, unit, floor)
        if rel is not None:
            return rel
        # "z roku na rok": year over year.
        if self.low(i - 1) in ("z", "ze") and self.low(i + 1) == "na" and self.unit_of(i + 2) == unit and (
                i - 1 >= floor):
            return _Hit(i - 1, i + 2, f"P1{unit}", kind="SET", granularity="none", anchor=False,
                        note="repeats every period")
        if self.low(i - 1) in ("każdego", "każdym") and i - 1 >= floor:
            return _Hit(i - 1, i, f"P1{unit}", kind="SET", granularity="none", anchor=False)
        if n is not None or vague:
            return self.duration(first, i, n, unit, vague, floor)
        # Vague plurals: "od lat", "w nadchodzących miesiącach", "w ostatnich latach".
        if self.word(i).lemmas and low not in ("rok", "roku", "rokiem", "dzień", "dnia", "miesiąc", "miesiąca"):
            return self.vague_plural(i, unit, floor)
        return None

    def part_of_year(self, first: int, i: int, n: float | None, unit: str, floor: int) -> _Hit | None:
        j = first - 1
        if unit not in ("M", "W", "D") or j < floor or not self.lem(j) & {"pierwszy", "ostatni"}:
            return None
        k = i + 1
        if not self.adjacent(i):
            return None
        year: int | None
        last: int
        if self.year_at(k):
            year, last = self.year_at(k), k + (1 if self.year_word(k + 1) else 0)
        else:
            rel = self.relative_year_after(i) if "rok" in self.lem(k + 1) or "rok" in self.lem(k) else None
            if rel is None:
                return None
            offset, last = rel
            year = self.ref.lo.year + offset if self.ref else None
        start = j
        if self.low(j - 1) == "ciągu" and self.low(j - 2) == "w" and j - 2 >= floor:
            start = j - 2
        else:
            start, _ = self.extend_left(j, floor)
        if year is None:
            return _Hit(start, last, "XXXX", granularity="year", anchor=False,
                        note="year unknown: the document has no date")
        lo, hi = date(year, 1, 1), date(year, 12, 31)
        count = int(n or 1)
        try:
            if "pierwszy" in self.lem(j):
                hi = min(hi, shift(lo, unit, count) - timedelta(days=1))
            else:
                lo = max(lo, shift(hi + timedelta(days=1), unit, -count))
        except (ValueError, OverflowError):
            pass  # an absurd count: the window stays the whole year
        return _Hit(start, last, f"{year:04d}", granularity="year", lo=lo, hi=hi,
                    note="part of a year; the window is the part named")

    def quarter(self, i: int, floor: int) -> _Hit | None:
        """`w pierwszym kwartale 2023 r.`, `w II kwartale`: dated like other parts of a year, by the year."""
        j = i - 1
        q = _ROMAN.get(self.texts[j]) if j >= floor else None
        if q is None:
            q = next((_ORDINALS[lem] for lem in self.lem(j) if lem in _ORDINALS), None) if j >= floor else None
        if q is None or not self.adjacent(j):
            return None
        first, mod = self.extend_left(j, floor)
        last = i
        note = None
        rel = self.relative_year_after(i)
        if self.adjacent(i) and self.year_at(i + 1):
            year: int | None = self.year_at(i + 1)
            last = i + 2 if self.year_word(i + 2) else i + 1
        elif rel is not None:
            offset, last = rel
            year = self.ref.lo.year + offset if self.ref else None
        else:
            year, note = self.year_for(3 * q - 2, None, first, i)
        if year is None:
            return _Hit(first, last, "XXXX", granularity="year", anchor=False, note=note)
        lo, hi = date(year, 3 * q - 2, 1), period(date(year, 3 * q, 1), "month")[1]
        return _Hit(first, last, f"{year:04d}", granularity="year", mod=mod, lo=lo, hi=hi,
                    note=f"quarter {q}; the window is the quarter")

    def offset(self, first: int, i: int, n: float | None, unit: str, vague: bool, floor: int) -> _Hit | None:
        nxt_i = i + 1
        word = self.low(nxt_i)
        future = self.low(first - 1) == "za" and first - 1 >= floor
        start = first - 1 if future else first
        last = i if future else nxt_i
        if self.low(start - 1) == "jeszcze" and start - 1 >= floor:
            start -= 1
        count = 1.0 if n is None else n
        if word in _LATER:
            if vague:
                return _Hit(start, last, "PX" + unit, kind="DURATION", granularity="none", anchor=False,
                            note="vague distance from an earlier date")
            return self.anaphoric(start, last, count * _LATER[word], unit)
        ref_word = "FUTURE_REF" if future else "PAST_REF"
        if vague:
            return _Hit(start, last, ref_word, granularity="none", anchor=False, note="a vague time before or after")
        if self.ref is None:
            return _Hit(start, last, ref_word, granularity="none", anchor=False,
                        note="relative to a document without a date")
        sign = 1 if future else -1
        return self.shifted(start, last, self.ref, unit, sign * count, "document date")

    def shifted(self, first: int, last: int, ref: Reference, unit: str, n: float, what: str) -> _Hit | None:
        try:
            lo, hi = shift(ref.lo, unit, n), shift(ref.hi, unit, n)
        except (ValueError, OverflowError):
            return None
        mod = None
        if unit == "W":  # "dwa tygodnie" is loose speech: allow a few days either way
            lo, hi, mod = lo - timedelta(days=3), hi + timedelta(days=3), "APPROX"
        natural = "month" if unit == "Y" and n != int(n) else _UNIT_GRANULARITY.get(unit, "year")
        gran = coarser(natural, ref.granularity)
        note = None
        if period(lo, gran) != period(hi, gran):
            mod = "APPROX"
        if gran != natural:
            note = f"{what} known only to the {ref.granularity}: the date falls in a window"
        value = format_value(lo + (hi - lo) / 2, gran)
        return _Hit(first, last, value, granularity=gran, mod=mod, lo=lo, hi=hi, note=note)

    def anaphoric(self, first: int, last: int, n: float, unit: str) -> _Hit | None:
        if self.anchor is not None:
            return self.shifted(first, last, self.anchor, unit, n, "the earlier date")
        if self.anchor_unresolved is not None and unit in ("D", "W", "M"):
            # Arithmetic in a leap year so 29 February survives; the year stays unknown.
            m, d = self.anchor_unresolved
            base = date(2000, m, d or 1)
            moved = shift(base, unit, n)
            if d is None:
                return _Hit(first, last, f"XXXX-{moved.month:02d}", granularity="month", mod="APPROX",
                            note="anchored on an earlier date of unknown year")
            return _Hit(first, last, f"XXXX-{moved.month:02d}-{moved.day:02d}", mod="APPROX",
                        note="anchored on an earlier date of unknown year")
        return None

    def duration(self, first: int, i: int, n: float | None, unit: str, vague: bool, floor: int) -> _Hit | None:
        mod = None
        start = first
        j = first - 1
        if j >= floor and self.adjacent(j):
            m = next((_APPROX_MODS[x] for x in ({self.low(j)} | self.lem(j)) if x in _APPROX_MODS), None)
            if m:
                mod, start = m, j
            elif self.lem(j) & {"bliski", "ostatni", "nadchodzący", "pierwszy", "kolejny", "następny"}:
                start = j
        anchored = False
        j = start - 1
        if j >= floor and self.adjacent(j) and self.low(j) in ("od", "przez", "na", "po", "przed", "za", "w", "ciągu"):
            anchored = self.low(j) == "od"
            start = j
            if self.low(j) == "ciągu" and self.low(j - 1) == "w" and j - 1 >= floor:
                start = j - 1
        value = _duration_value(None if vague else n, unit)
        hit = _Hit(start, i, value, kind="DURATION", granularity="none", mod=mod, anchor=False)
        if anchored and self.ref is not None and n is not None and not vague and unit in _UNIT_GRANULARITY:
            try:
                hit.lo, hit.hi = shift(self.ref.lo, unit, -n), self.ref.hi
            except (ValueError, OverflowError):
                pass
            hit.note = "began this long before the document date"
        return hit

    def vague_plural(self, i: int, unit: str, floor: int) -> _Hit | None:
        j = i - 1
        if j < floor or not self.adjacent(j):
            return None
        lem, low = self.lem(j), self.low(j)
        if low in ("od", "przez") and self.texts[i][:1].islower():
            return _Hit(j, i, f"PX{unit}", kind="DURATION", granularity="none", anchor=False,
                        note="vague: for an unstated number of periods")
        value = None
        if lem & {"nadchodzić", "bliski", "przyszły", "kolejny", "następny"}:
            value = "FUTURE_REF"
        elif lem & ({"ostatni"} | _PAST_ADJ):
            value = "PAST_REF"
        if value is None or not self.plural(i):
            return None
        start, _ = self.extend_left(j, floor)
        last = i
        if self.low(i + 1) in ("i", "oraz") and self.unit_of(i + 2) and self.adjacent(i + 1):
            last = i + 2
        return _Hit(start, last, value, granularity="none", anchor=False, note="vague: an unstated time")

    def plural(self, i: int) -> bool:
        return any(r.has("pl") and not r.has("sg") for r in analyse(self.texts[i]) if r.pos == "subst")

    def relative_unit(self, i: int, unit: str, floor: int) -> _Hit | None:
        if unit not in ("Y", "M", "W"):
            return None
        offset = None
        first = last = i
        j = i - 1
        if j >= floor and self.adjacent(j):
            offset = self.relative_offset(self.lem(j))
            if offset is not None:
                first = j
        if offset is None and self.adjacent(i):
            offset = self.relative_offset(self.lem(i + 1) - {"ten", "to"})
            if offset is not None:
                last = i + 1
        # "ten sam rok" points back at an earlier date, not at the document's.
        if offset is None or self.plural(i) or self.low(i - 1) in ("sam", "samego", "samym"):
            return None
        first, mod = self.extend_left(first, floor)
        gran = {"Y": "year", "M": "month", "W": "week"}[unit]
        if self.ref is None:
            value = "XXXX" if unit == "Y" else "PAST_REF" if offset < 0 else "FUTURE_REF" if offset else "PRESENT_REF"
            return _Hit(first, last, value, granularity="none", mod=mod, anchor=False,
                        note="relative to a document without a date")
        step_unit, step = ("D", 7 * offset) if unit == "W" else (unit, offset)
        lo = period(shift(self.ref.lo, step_unit, step), gran)[0]
        hi = period(shift(self.ref.hi, step_unit, step), gran)[1]
        g = coarser(gran, self.ref.granularity)
        note = None
        if period(lo, g) != period(hi, g):
            mod, note = "APPROX", f"document dated only to the {self.ref.granularity}"
        return _Hit(first, last, format_value(lo + (hi - lo) / 2, g), granularity=g, mod=mod, lo=lo, hi=hi,
                    note=note)

    def rule_word(self, i: int, floor: int) -> _Hit | None:
        """Single adverbs and adjectives: niedawno, dziś, wczoraj, obecnie, wkrótce, tegoroczny..."""
        low = self.low(i)
        lem = self.lem(i)
        if low == "niedawno":
            if self.ref is None:
                return _Hit(i, i, "PAST_REF", granularity="none", anchor=False)
            lo = shift(self.ref.lo, "M", -1)
            return _Hit(i, i, format_value(self.ref.lo, "month"), granularity="month", mod="APPROX",
                        lo=lo, hi=self.ref.hi, anchor=False,
                        note="recently: read as the month of the document")
        if low in _PAST_WORDS:
            return _Hit(i, i, "PAST_REF", granularity="none", anchor=False)
        if low in _FUTURE_WORDS:
            return _Hit(i, i, "FUTURE_REF", granularity="none", anchor=False)
        if low in _PRESENT_WORDS:
            return _Hit(i, i, "PRESENT_REF", granularity="none", anchor=False)
        if low in _SET_WORDS:
            return _Hit(i, i, _SET_WORDS[low], kind="SET", granularity="none", anchor=False)
        deictic = next((_DEICTIC_DAYS[x] for x in ({low} | lem) if x in _DEICTIC_DAYS), None)
        if deictic is not None:
            first, mod = self.extend_left(i, floor)
            quoted = self.in_quote(self.starts[i])
            if self.low(first) in ("do", "od", "po") or quoted or self.ref is None:
                # Until/since today is a period; inside quoted speech "today" is the
                # day it was said, which the text does not give.
                value = "PRESENT_REF" if deictic == 0 else "PAST_REF" if deictic < 0 else "FUTURE_REF"
                return _Hit(first, i, value, granularity="none", anchor=False,
                            note="quoted speech: relative to when it was said" if quoted else None)
            return self.shifted(first, i, self.ref, "D", deictic, "document date")
        year_adj = next((_YEAR_ADJ[x] for x in lem if x in _YEAR_ADJ), None)
        if year_adj is not None:
            value, lo, hi, note = self.relative_year(year_adj)
            return _Hit(i, i, value, granularity="year", lo=lo, hi=hi, note=note, anchor=False)
        if low == "co" and self.unit_of(i + 1) and self.adjacent(i) and not self.plural(i + 1):
            return _Hit(i, i + 1, f"P1{self.unit_of(i + 1)}", kind="SET", granularity="none", anchor=False)
        if low in ("nazajutrz",) or (low == "następnego" and self.low(i + 1) == "dnia"):
            last = i if low == "nazajutrz" else i + 1
            return self.anaphoric(i, last, 1, "D")
        return None


_HEAD_WORDS = frozenset(
    {"niedawno", "nazajutrz", "następnego", "co"} | _PAST_WORDS | _FUTURE_WORDS | _PRESENT_WORDS
    | set(_SET_WORDS) | set(_DEICTIC_DAYS)
)
_HEAD_LEMMAS = frozenset(set(MONTHS) | set(MONTH_ADJECTIVES) | set(WEEKDAYS) | set(UNITS) | set(_YEAR_ADJ)
                         | set(_DEICTIC_DAYS))


@lru_cache(maxsize=200_000)
def _may_start(form: str) -> bool:
    """Whether a rule can fire on this word: most words are no part of a date and skip all rules."""
    low = form.lower()
    return _digits(low[:1]) or low in _HEAD_WORDS or low in _YEAR_WORDS or bool(_word(form).lemmas & _HEAD_LEMMAS)


def _dispatch(sc: _Scanner, i: int, floor: int) -> _Hit | None:
    low = sc.low(i)
    if _digits(low[:1]):
        return sc.rule_digit(i, floor)
    lem = sc.word(i).lemmas
    if low in _HEAD_WORDS and (hit := sc.rule_word(i, floor)):
        return hit
    if not lem & _HEAD_LEMMAS and low not in _YEAR_WORDS:
        return None
    if sc.month_of(i):
        return sc.rule_month(i, floor)
    if lem & MONTH_ADJECTIVES.keys():
        return sc.rule_month_adjective(i, floor)
    if lem & WEEKDAYS.keys():
        return sc.rule_weekday(i, floor)
    if sc.unit_of(i):
        return sc.rule_unit(i, floor)
    return sc.rule_word(i, floor)


def _to_timex(sc: _Scanner, hit: _Hit) -> Timex:
    start, end = sc.starts[hit.first], sc.ends[hit.last]
    if sc.low(hit.last) in ("r", "br", "ok") and sc.text[end:end + 1] == ".":
        end += 1
    return Timex(start=start, end=end, text=sc.text[start:end], value=hit.value, kind=hit.kind,
                 granularity=hit.granularity, mod=hit.mod,
                 earliest=_iso(hit.lo) if hit.lo else None, latest=_iso(hit.hi) if hit.hi else None,
                 note=hit.note)


def _remember(sc: _Scanner, hit: _Hit) -> None:
    """Keep the last explicit date as the anchor for `cztery tygodnie później`."""
    if not hit.anchor or hit.kind != "DATE":
        return
    if hit.lo and hit.hi and hit.granularity in ("day", "month"):
        sc.anchor = Reference(hit.lo, hit.hi if hit.granularity == "month" else hit.lo, hit.granularity)
        sc.anchor_unresolved = None
    elif hit.value.startswith("XXXX-") and not _WEEKDAY_TAG.match(hit.value):
        parts = hit.value.split("-")
        sc.anchor_unresolved = (int(parts[1]), int(parts[2]) if len(parts) > 2 else None)
        sc.anchor = None


def _numeric_dates(text: str, lo: int, hi: int) -> list[Timex]:
    out = []
    for rx in (_NUMERIC_DATE, _ISO_DATE):
        for m in rx.finditer(text, lo, hi):
            try:
                d = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            if not _MIN_YEAR <= d.year <= _MAX_YEAR:
                continue
            out.append(Timex(m.start(), m.end(), m.group(), d.isoformat(), granularity="day",
                             earliest=d.isoformat(), latest=d.isoformat()))
    return out


def find_timexes(text: str, doc_date: str | None,
                 regions: Sequence[tuple[int, int]] | None = None) -> list[Timex]:
    """Temporal expressions in `text` (only inside `regions` when given), in text order."""
    ref = Reference.parse(doc_date)
    sc = _Scanner(text, ref)
    spans = list(regions) if regions is not None else [(0, len(text))]
    out: list[Timex] = []
    for lo, hi in sorted(spans):
        lo, hi = max(0, lo), min(len(text), hi)
        if lo >= hi:
            continue
        numeric = _numeric_dates(text, lo, hi)
        taken = [(t.start, t.end) for t in numeric]
        sc.load(lo, hi)
        pending = sorted(numeric, key=lambda t: t.start)
        floor = 0
        i = 0
        while i < sc.n:
            start = sc.starts[i]
            if taken and any(s <= start < e for s, e in taken):
                while pending and pending[0].start <= start:
                    t = pending.pop(0)
                    out.append(t)
                    d = date.fromisoformat(t.value)
                    sc.anchor, sc.anchor_unresolved = Reference(d, d, "day"), None
                i += 1
                floor = i
                continue
            hit = _dispatch(sc, i, floor) if _may_start(sc.texts[i]) else None
            if hit is None:
                i += 1
                continue
            out.append(_to_timex(sc, hit))
            _remember(sc, hit)
            i = floor = hit.last + 1
        out.extend(pending)
    out.sort(key=lambda t: t.start)
    return out
