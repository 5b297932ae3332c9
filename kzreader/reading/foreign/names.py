"""What every foreign reader shares: the gazetteer's names in other languages and scripts, and found names made entities.

A foreign article names a known place, organisation or person by one of the
gazetteer's aliases (Kazakhstan, Казахстан, Tokayev); the entity then carries
the gazetteer's Polish name and key, so that it is one entity with the Polish
articles' one. People the gazetteer does not list are matched to its people by
the spelling key (Tokajev -> Kasym-Żomart Tokajew).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kzreader.language.spelling import spelling_key
from kzreader.language.tokens import WORD, Token
from kzreader.language.transcription import is_cyrillic
from kzreader.reading.annotations import Entity, EntityType, Mention
from kzreader.reading.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer


@dataclass(slots=True)
class Found:
    """One mention of a name: its span, and the entity it names."""

    start: int
    end: int
    text: str
    type: EntityType
    name: str
    key: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def entity_key(self) -> str:
        return self.key or f"{self.type}:{self.name.lower()}"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One alias as a sequence of words, each a set of forms a text word must share (surface or lemma)."""

    words: tuple[frozenset[str], ...]
    acronym: bool
    entry: GazetteerEntry


@dataclass
class NameIndex:
    """The gazetteer's aliases of one script, each word read by `forms` (lemmas for Russian, the word for English)."""

    forms: Callable[[str], frozenset[str]]
    _by_first: dict[str, list[Pattern]] = field(default_factory=dict)

    def add(self, alias: str, entry: GazetteerEntry) -> None:
        words = WORD.findall(alias)
        if not words:
            return
        acronym = len(words) == 1 and _acronym(words[0])
        pattern = Pattern(tuple(frozenset({w}) if acronym else self.forms(w) for w in words), acronym, entry)
        for first in pattern.words[0]:
            self._by_first.setdefault(first, []).append(pattern)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, GazetteerEntry] | None:
        """The longest alias starting at token `i`: (end token, entry)."""
        best: tuple[int, GazetteerEntry] | None = None
        first = tokens[i].text
        if not (first[:1].isupper() or first[:1].isdigit()):
            return None
        own = _own_forms(self.forms, tokens[i].text)
        for form in sorted(own | {first}):
            for p in self._by_first.get(form, ()):
                end = i + len(p.words)
                if end > len(tokens) or (best is not None and end <= best[0]):
                    continue
                if p.acronym and first != next(iter(p.words[0])):
                    continue
                if all(_fits(p.words[k], tokens[i + k].text, self.forms, k) for k in range(len(p.words))):
                    best = (end, p.entry)
        return best


def _fits(forms: frozenset[str], word: str, read: Callable[[str], frozenset[str]], k: int) -> bool:
    if word in forms:
        return True
    # Inner words of a name may be lower case (Шанхайская организация сотрудничества); the first is not.
    return not forms.isdisjoint(_own_forms(read, word)) and (k > 0 or word[:1].isupper())


def _own_forms(read: Callable[[str], frozenset[str]], word: str) -> frozenset[str]:
    return read(word) | read(word.capitalize()) if word.isupper() and len(word) > 1 else read(word)


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Lexicon:
    """The gazetteer read for foreign articles: Latin and Cyrillic aliases, and people by spelling."""

    gazetteer: Gazetteer
    latin: NameIndex
    people: dict[str, GazetteerEntry]
    _cyrillic: NameIndex | None = None

    @property
    def cyrillic(self) -> NameIndex:
        """Made by the first Cyrillic text: its words are read by pymorphy3, which an English corpus never loads."""
        if self._cyrillic is None:
            self._cyrillic = NameIndex(_cached_cyrillic)
            for entry in self.gazetteer.entries:
                if entry.type != "person":
                    for alias in entry.names:
                        if is_cyrillic(alias):
                            self._cyrillic.add(alias, entry)
        return self._cyrillic

    def person(self, name: str) -> GazetteerEntry | None:
        """A listed person by any spelling of the full name or of the surname alone."""
        return self.gazetteer.person(name) or self.people.get(spelling_key(name))


def _latin_forms(word: str) -> frozenset[str]:
    return frozenset({word.lower()})


def _cyrillic_forms(word: str) -> frozenset[str]:
    from kzreader.language import ru

    return frozenset({word.lower(), *ru.lemmas(word)})


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    gaz = load_gazetteer()
    latin = NameIndex(_latin_forms)
    people: dict[str, GazetteerEntry] = {}
    for entry in gaz.entries:
        for alias in (a for a in entry.names if not is_cyrillic(a)):
            if entry.type == "person":
                people.setdefault(spelling_key(alias), entry)
                people.setdefault(spelling_key(alias.split()[-1]), entry)
            else:
                latin.add(alias, entry)
    return Lexicon(gaz, latin, people)


@lru_cache(maxsize=100_000)
def _cached_cyrillic(word: str) -> frozenset[str]:
    return _cyrillic_forms(word)


def gazetteer_found(entry: GazetteerEntry, start: int, end: int, text: str) -> Found:
    key = f"person:{entry.name.lower()}" if entry.type == "person" else entry.key
    return Found(start, end, text, entry.type, entry.name, key, entry.aliases)


def entities(found: Iterable[Found]) -> list[Entity]:
    """Mentions grouped by entity, in order of first mention; aliases are the other names they were given."""
    by_key: dict[str, Entity] = {}
    for f in sorted(found, key=lambda f: f.start):
        ent = by_key.get(f.entity_key)
        if ent is None:
            ent = by_key[f.entity_key] = Entity(f.entity_key, f.name, f.type, [], [])
        if all((m.start, m.end) != (f.start, f.end) for m in ent.mentions):
            ent.mentions.append(Mention(f.start, f.end, f.text))
        ent.aliases = [a for a in dict.fromkeys([*ent.aliases, *f.aliases, f.name]) if a != ent.name]
    return list(by_key.values())
