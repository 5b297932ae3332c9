"""Names written in Cyrillic, and Russian names spelt for English readers, in Polish spelling.

The rules are Polish usage (PWN's transcription of Russian), stated as data in
`pl/transcription.yaml`: Токаев -> Tokajew, Шойгу -> Szojgu, Мирзиёев ->
Mirzijojew. A Polish given name written in Russian comes back in its Polish
spelling when the Polish dictionary knows it (Анджей -> Andrzej).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kzreader.language import pl

_RULES = pl.vocabulary("transcription")
_LETTERS = _RULES.labels("letters")
_IOTATED = _RULES.groups("iotated")
_HARD = _RULES.words("hard_sibilants")
_SOFT_L = _RULES.words("soft_after_l")
_SOFTENED = _RULES.labels("softened")
_ENDINGS = _RULES.rows("endings", str, str)
_RESPELLINGS = _RULES.rows("polish_respellings", str, str)
_FROM_ENGLISH = _RULES.rows("from_english", str, str)
_RUSSIAN_ENDINGS = tuple(sorted(_RULES.words("russian_surname_endings"), key=len, reverse=True))

_VOWELS = frozenset("аеёиоуыэюя")
_CYRILLIC = re.compile(r"[а-яё]+", re.IGNORECASE)
_COLUMN = {"consonant": 0, "start": 1, "hard": 2, "l": 3, "soft_sign": 4}
_ENGLISH_RULE = re.compile("|".join(re.escape(a) for a, _ in _FROM_ENGLISH))
_ENGLISH_TO = dict(_FROM_ENGLISH)
_LATIN_VOWELS = frozenset("aeiouy")


def is_cyrillic(text: str) -> bool:
    return any("а" <= c.lower() <= "я" or c in "ёЁ" for c in text)


def to_polish(text: str) -> str:
    """Every Cyrillic word of `text` in Polish spelling; anything else as it stands."""
    return _CYRILLIC.sub(lambda m: _word(m.group()), text)


def polish_given_name(word: str) -> str:
    """A transcribed given name in the spelling of a Polish name the dictionary knows (Andżej -> Andrzej)."""
    if _given_name(word):
        return word
    for old, new in _RESPELLINGS:
        other = word.replace(old, new)
        if other != word and _given_name(other):
            return other
    return word


def _given_name(word: str) -> bool:
    return any("imię" in r.names and r.lemma == word for r in pl.analyse(word))


@lru_cache(maxsize=50_000)
def _word(word: str) -> str:
    low = word.lower()
    stem, tail = low, ""
    for cyr, pol in _ENDINGS:
        if low.endswith(cyr) and len(low) > len(cyr) + 1:
            stem, tail = low[: -len(cyr)], pol
            break
    out = _letters(stem) + tail
    if word.isupper() and len(word) > 1:
        return out.upper()
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def _letters(low: str) -> str:
    out: list[str] = []
    for i, c in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if c in _IOTATED:
            out.append(_IOTATED[c][_COLUMN[_after(prev)]])
        elif c == "л":
            out.append("l" if nxt in _SOFT_L else "ł")
        elif c == "ь":
            # Before a vowel the soft sign is the j of the iotated vowel; elsewhere it softens.
            if nxt not in _VOWELS and prev in _SOFTENED and prev != "л":
                out[-1] = _SOFTENED[prev]
        elif c == "ъ":
            continue
        else:
            out.append(_LETTERS.get(c, c))
    return "".join(out)


def _after(prev: str) -> str:
    if not prev or prev in _VOWELS or prev == "ъ":
        return "start"
    if prev == "ь":
        return "soft_sign"
    if prev in _HARD:
        return "hard"
    return "l" if prev == "л" else "consonant"


def russian_looking(name: str) -> bool:
    """An English spelling of a Russian or Central Asian surname (Tashiev, Ivanova), by its ending."""
    last = name.split()[-1].lower() if name.split() else ""
    return last.isascii() and last.isalpha() and last.endswith(_RUSSIAN_ENDINGS) and len(last) > 4


def from_english(name: str) -> str:
    """An English spelling of a Russian name in Polish spelling: Kamchybek Tashiev -> Kamczybek Taszyjew."""
    return " ".join("-".join(_english_word(p) for p in w.split("-")) for w in name.split())


def _english_word(word: str) -> str:
    low = _ENGLISH_RULE.sub(lambda m: _ENGLISH_TO[m.group()], word.lower())
    out: list[str] = []
    for i, c in enumerate(low):
        prev = out[-1][-1] if out else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if c == "y" and (not prev or prev in _LATIN_VOWELS or nxt in _LATIN_VOWELS):
            out.append("j")  # Tokayev, Yerlan: the y of a vowel's iotation
        elif c == "i" and "".join(out).endswith(("sz", "cz", "ż", "c")) and not "".join(out).endswith("ch"):
            out.append("y")  # Tashiev: Polish writes szy, ży, czy, cy
        elif c == "e" and prev in ("i", "y") and out and len(out) > 1:
            out.append("je")  # Tashiev: an e after i is iotated
        else:
            out.append(c)
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text
