"""Finding text inside the open article, and the hits `n`/`N` step through.

Plain string work, no Textual: a find ignores case and Polish letters (typed
`zrodlo` finds `źródło`) and every offset stays an offset into the article's
text, so the spans mark the text as the search hits do.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Letters with no decomposition into a base letter and a mark.
_OWN = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "s", "đ": "d", "Đ": "d"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _OWN:
        return _OWN[ch]
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """`text` lowercased without diacritics, one character for one."""
    return "".join(_fold_char(ch) for ch in text)


def find_all(text: str, needle: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where `needle` stands in `text`'s `regions` (the paragraphs shown), ignoring case and diacritics."""
    wanted = fold(needle.strip())
    if not wanted:
        return []
    found: list[tuple[int, int]] = []
    for start, end in regions:
        haystack = fold(text[start:end])
        at = haystack.find(wanted)
        while at >= 0:
            found.append((start + at, start + at + len(wanted)))
            at = haystack.find(wanted, at + len(wanted))
    return found


def joined(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Hits next to each other with only spaces between (the words of a phrase) as one hit to step to."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and (start <= out[-1][1] or not text[out[-1][1]:start].strip()) and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
