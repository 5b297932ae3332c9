"""Comparing names: spelling variants, acronyms, groups of mentions of one entity."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import Generic, TypeVar

from kzreader.language.folding import fold

NAME_SEPARATORS = re.compile(r"[\s-]+")
# An English possessive (`China's Xi`) says whose the person is; it is no part of the name.
_POSSESSIVE = re.compile(r"['’]s$")

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self, items: Iterable[K]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: K) -> K:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[K]]:
        out: dict[K, list[K]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return list(out.values())


def edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def given_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Given names of one person: Kasym Żomart ~ Kassym Żomart ~ Kasym Żomert (edit distance ≤ 1 each)."""
    if not a or not b:
        return True
    if edit_distance_le1("".join(a), "".join(b)):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    k = 0
    for part in short:
        while k < len(long_) and not edit_distance_le1(part, long_[k]):
            k += 1
        if k == len(long_):
            return False
        k += 1
    return True


def name_parts(name: str) -> list[str]:
    """The words of a person's name, folded, without possessives (China's Xi -> xi)."""
    return [p for p in NAME_SEPARATORS.split(fold(name)) if p and not _POSSESSIVE.search(p)]


def possessive(name: str) -> bool:
    return any(_POSSESSIVE.search(p) for p in NAME_SEPARATORS.split(name))


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text
