"""Places and organisations known by name, matched on lemma sequences.

A name is stored once, in the nominative (`Organizacja Układu o Bezpieczeństwie
Zbiorowym`), and found in every case form because both the pattern and the
text are compared lemma by lemma. Entries also carry acronyms, other
spellings and scripts, and former names. `person` entries add only other
spellings of people (Tokayev, Токаев); people themselves are found without a
list.

Users extend the built-in list with a YAML file of the same shape, given to
`load_gazetteer` or named by the environment variable `KZREADER_GAZETTEER`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from kzreader import yamlfile
from kzreader.language.folding import fold
from kzreader.language.pl.morphology import Interp, analyse
from kzreader.language.tokens import WORD

BUILTIN = Path(__file__).with_name("gazetteer.yaml")
ENV_VAR = "KZREADER_GAZETTEER"

GazetteerType = Literal["place", "org", "person"]
_TYPES: tuple[GazetteerType, ...] = ("place", "org", "person")

# Qualifiers that make a capitalised pattern word a proper name: its text
# token must then share a proper-name lemma, so `Polska` (the country) is not
# found in `Polskie` (the adjective).
_PROPER = frozenset({
    "nazwa_geograficzna", "człon_nazwy_geograficznej", "nazwa_organizacji", "człon_nazwy_organizacji",
    "nazwa_instytucji", "nazwa_firmy", "tytuł",
})


class GazetteerError(ValueError):
    """A gazetteer file that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    key: str
    type: GazetteerType
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    """Tokens `start`..`end` (exclusive) name `entry`."""

    start: int
    end: int
    entry: GazetteerEntry


@dataclass(frozen=True, slots=True)
class _Slot:
    """One word of a pattern: the lemmas a text token must share, and how it must be written.

    A `proper` slot (Polska the country) is matched only by proper-name readings of the text
    token, so `Polskie` (also the plural of the surname Polska) does not match it.
    """

    lemmas: frozenset[str]
    capitalised: bool
    acronym: str | None
    proper: bool


@dataclass(frozen=True, slots=True)
class TextWord:
    """What the matcher needs of a text token: its surface, lowercased lemmas and proper-name lemmas."""

    text: str
    lemmas: frozenset[str]
    proper: frozenset[str]

    @classmethod
    def of(cls, text: str, readings: Sequence[Interp], guesses: Iterable[str] = ()) -> "TextWord":
        """From morfeusz's readings; a word it does not know is matched on its surface and guessed bases.

        morfeusz reads a hyphenated word as its parts: `Nur-Sułtanie` is matched by the lemmas of the
        parts joined again (nur-sułtan), never by one part alone.
        """
        if "-" in text:
            lemmas = _compound_lemmas(text) | {g.lower() for g in guesses}
            return cls(text, lemmas, lemmas)
        if not readings:
            lemmas = frozenset({text.lower(), *(g.lower() for g in guesses)})
            return cls(text, lemmas, lemmas)
        lemmas = frozenset({text.lower(), *(r.lemma.lower() for r in readings)})
        return cls(text, lemmas, frozenset(r.lemma.lower() for r in readings if _PROPER.intersection(r.names)))


# Bounds the product of the parts' lemmas of a long hyphenated word.
_MAX_COMPOUND_LEMMAS = 64


def _compound_lemmas(text: str) -> frozenset[str]:
    """`Bielsku-Białej` -> bielsko-biała (and the other joins of its parts' lemmas)."""
    joined = [""]
    for n, part in enumerate(text.lower().split("-")):
        options = {part, *(r.lemma.lower() for r in analyse(part))} if part else {part}
        joined = [f"{j}-{o}" if n else o for j in joined for o in sorted(options)][:_MAX_COMPOUND_LEMMAS]
    return frozenset(joined)


@dataclass
class Gazetteer:
    entries: list[GazetteerEntry] = field(default_factory=list)
    _by_first: dict[str, list[tuple[tuple[_Slot, ...], str]]] = field(default_factory=dict, repr=False)
    _people: dict[str, GazetteerEntry] = field(default_factory=dict, repr=False)
    _by_key: dict[str, GazetteerEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        given, self.entries = self.entries, []
        for entry in given:
            self.add(entry)

    def add(self, entry: GazetteerEntry) -> None:
        """Add an entry; one with a known key extends it (a user's file adds spellings to a built-in name)."""
        old = self._by_key.get(entry.key)
        if old is not None:
            spellings = dict.fromkeys((*old.aliases, *entry.aliases, entry.name))
            entry = GazetteerEntry(old.key, old.type, old.name, tuple(a for a in spellings if a != old.name))
            self.entries[self.entries.index(old)] = entry
        else:
            self.entries.append(entry)
        self._by_key[entry.key] = entry
        if entry.type == "person":
            for name in entry.names:
                self._people[_person_key(name)] = entry
            return
        for name in entry.names:
            slots = _pattern(name)
            if not slots:
                continue
            for first in slots[0].lemmas:
                bucket = self._by_first.setdefault(first, [])
                if (slots, entry.key) not in bucket:
                    bucket.append((slots, entry.key))

    def get(self, key: str) -> GazetteerEntry | None:
        return self._by_key.get(key)

    def person(self, name: str) -> GazetteerEntry | None:
        """The person a spelling stands for (`Tokayev`, `Токаев` -> Kasym-Żomart Tokajew), if listed."""
        return self._people.get(_person_key(name))

    def match(self, words: Sequence[TextWord]) -> list[GazetteerMatch]:
        """Leftmost-longest matches over a token sequence, not overlapping."""
        out: list[GazetteerMatch] = []
        i, n = 0, len(words)
        while i < n:
            best: GazetteerMatch | None = None
            # Sorted: between two names of one length the first tried wins, and a set's order
            # would make that depend on the hash seed.
            for lemma in sorted(words[i].lemmas):
                for slots, key in self._by_first.get(lemma, ()):
                    end = i + len(slots)
                    if end > n or (best is not None and end <= best.end):
                        continue
                    if all(_fits(slot, words[i + k]) for k, slot in enumerate(slots)):
                        best = GazetteerMatch(i, end, self._by_key[key])
            if best is None:
                i += 1
            else:
                out.append(best)
                i = best.end
        return out


def _person_key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


def _fits(slot: _Slot, word: TextWord) -> bool:
    if slot.acronym is not None:
        return word.text == slot.acronym
    if slot.capitalised and not word.text[:1].isupper():
        return False
    return not slot.lemmas.isdisjoint(word.proper if slot.proper else word.lemmas)


def _pattern(name: str) -> tuple[_Slot, ...]:
    return tuple(_slot(m.group()) for m in WORD.finditer(name))


@lru_cache(maxsize=20_000)
def _slot(word: str) -> _Slot:
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return _Slot(frozenset({word.lower()}), True, word, False)
    capitalised = word[:1].isupper()
    # morfeusz reads a hyphenated word as its segments (nur + sułtan), which say nothing of the compound.
    readings = analyse(word) if "-" not in word else ()
    if not readings:
        return _Slot(frozenset({word.lower()}), capitalised, None, False)
    # Names are written in the nominative; a word with no nominative reading (Ługańska, an adjective
    # SGJP lacks) is matched on its surface rather than on what morfeusz makes of it.
    nominative = [r for r in readings if r.has("nom")]
    proper = [r for r in nominative if r.lemma[:1].isupper() and _PROPER.intersection(r.names)] if capitalised else []
    # A word that is a lemma itself means that lemma: `Górski` (of Górski Karabach) is the adjective
    # górski, not a form of the village Górsk.
    own = [r for r in nominative if r.lemma.lower() == word.lower()]
    proper = [r for r in proper if r in own] or (proper if not own else [])
    if proper:
        return _Slot(frozenset(r.lemma.lower() for r in proper), True, None, True)
    return _Slot(frozenset({word.lower(), *(r.lemma.lower() for r in nominative)}), capitalised, None, False)


def _entries(data: Any, source: str) -> Iterable[GazetteerEntry]:
    if data is None:
        return
    if not isinstance(data, Mapping):
        raise GazetteerError(
            f"{source}: expected a mapping with the keys {', '.join(_TYPES)}, got {type(data).__name__}")
    for kind, items in data.items():
        if kind not in _TYPES:
            raise GazetteerError(f"{source}: unknown section {kind!r} (use {', '.join(_TYPES)})")
        if items is None:
            continue
        if not isinstance(items, list):
            raise GazetteerError(f"{source}: section {kind!r} must be a list of entries")
        for n, item in enumerate(items, 1):
            yield _entry(kind, item, f"{source}: {kind} entry {n}")


def _entry(kind: GazetteerType, item: Any, where: str) -> GazetteerEntry:
    """An entry is a name, `{Name: [aliases]}`, or `{name, aliases, former, id}`."""
    if isinstance(item, str):
        name, aliases, key = item, [], None
    elif isinstance(item, Mapping) and "name" in item:
        unknown = set(item) - {"name", "aliases", "former", "id"}
        if unknown:
            raise GazetteerError(f"{where}: unknown fields {sorted(unknown)}")
        name, key = item["name"], item.get("id")
        aliases = _strings(item.get("aliases"), where) + _strings(item.get("former"), where)
    elif isinstance(item, Mapping) and len(item) == 1:
        ((name, raw),) = item.items()
        aliases, key = _strings(raw, where), None
    else:
        raise GazetteerError(f"{where}: expected a name, {{Name: [aliases]}} or a mapping with 'name'")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{where}: the name must be a non-empty string")
    if key is not None and not isinstance(key, str):
        raise GazetteerError(f"{where}: 'id' must be a string")
    name = name.strip()
    return GazetteerEntry(key or f"{kind}:{name.lower()}", kind, name, tuple(a for a in aliases if a != name))


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value.strip()]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    raise GazetteerError(f"{where}: aliases must be a string or a list of strings")


def read_entries(path: Path) -> list[GazetteerEntry]:
    """The entries of one YAML file; any problem is a `GazetteerError` naming the file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc})") from exc
    try:
        data = yamlfile.load(raw)
    except yamlfile.YAMLProblem as exc:
        raise GazetteerError(f"{path}: {exc}") from None
    return list(_entries(data, str(path)))


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by `$KZREADER_GAZETTEER` and then by `extra`."""
    gaz = Gazetteer()
    paths = [BUILTIN]
    env = os.environ.get(ENV_VAR)
    if env:
        paths.append(Path(env))
    if extra is not None:
        paths.append(Path(extra))
    for path in paths:
        for entry in read_entries(path):
            gaz.add(entry)
    return gaz
