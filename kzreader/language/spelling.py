"""A spelling key: one string for the Latin spellings of one name across languages.

Tokajew, Tokayev, Tokajev and Toqaev; Taszyjew and Taszijew; Miedwiediew and
Medvedev: languages write the same sounds with different letters, and Russian
names reach them through different transcriptions. The key keeps what they
agree on: consonants by sound class, vowels without the j/i/y that iotate
them, no doubled letters. It is loose on purpose and meant to compare names of
people, never ordinary words.
"""
from __future__ import annotations

import re

from kzreader.language.folding import fold

# Letter groups one sound is written with, longest first: Polish, Czech and
# English transcriptions of the same Russian letter share a key letter.
_GROUPS = (
    ("szcz", "s"), ("shch", "s"), ("drz", "z"), ("dzh", "z"), ("sch", "s"),
    ("sz", "s"), ("sh", "s"), ("cz", "c"), ("ch", "h"), ("kh", "h"), ("rz", "z"), ("zh", "z"),
    ("dż", "z"), ("dž", "z"), ("ts", "c"), ("ż", "z"), ("ž", "z"), ("š", "s"), ("č", "c"),
    ("w", "v"), ("q", "k"), ("x", "ks"), ("y", "i"), ("j", "i"),
)
_GROUP = re.compile("|".join(re.escape(a) for a, _ in _GROUPS))
_TO = dict(_GROUPS)
_VOWELS = "aeiou"
# An i between vowels, or before e after a consonant, is the mark of iotation or softness.
_IOTATION = re.compile(rf"(?<=[{_VOWELS}])i+(?=[{_VOWELS}])|(?<=[^{_VOWELS}])i(?=e)")
_INITIAL = re.compile(r"(?:(?<=^)|(?<=[\s-]))(?:dzh|dż|dž|zh|ż|ž|j)")
_DOUBLE = re.compile(r"(.)\1+")


def spelling_key(name: str) -> str:
    """`Kassym-Jomart Tokayev` and `Kasym-Żomart Tokajew` -> one key."""
    # English writes a name's initial ж or дж as j, where Polish j is English y: Jomart and
    # Żomart, Japarov and Dżaparow, Yerlan and Jerlan share the key's i.
    low = _INITIAL.sub("j", name.lower())
    low = fold(_GROUP.sub(lambda m: _TO[m.group()], low))
    low = _DOUBLE.sub(r"\1", low)
    low = _IOTATION.sub("", low)
    return " ".join(re.split(r"[\s-]+", low.strip()))
