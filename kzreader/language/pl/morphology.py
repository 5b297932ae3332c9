"""Polish morphology on morfeusz2: interpretations of one word, cached per process.

The Morfeusz instance and the cache live at module level, never on an analyzer
object, because Whoosh pickles the analyzer into its index and worker processes
must build their own instance.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kzreader.language.interp import Interp

if TYPE_CHECKING:
    import morfeusz2

_MORFEUSZ: "morfeusz2.Morfeusz | None" = None

# Segments that carry no lemma of their own inside a word: the agglutinate
# (zrobił|em), punctuation morfeusz splits off, and the conditional particle.
_SKIP_POS = frozenset({"aglt", "interp"})


def morfeusz() -> "morfeusz2.Morfeusz":
    global _MORFEUSZ
    if _MORFEUSZ is None:
        import morfeusz2

        _MORFEUSZ = morfeusz2.Morfeusz(generate=False, expand_tags=False)
    return _MORFEUSZ


def strip_homonym(lemma: str) -> str:
    """`Moskwa:Sf` -> `Moskwa`, `rok:Sm3~lata` -> `rok`; a lone `:` stays."""
    if len(lemma) > 1 and ":" in lemma:
        lemma = lemma.split(":", 1)[0] or lemma
    return lemma


@lru_cache(maxsize=300_000)
def analyse(word: str) -> tuple[Interp, ...]:
    """All dictionary readings of one word; empty when morfeusz does not know it.

    A word morfeusz splits into segments (`zrobiłem` = `zrobił` + `em`) keeps the
    readings of its lexical segments.
    """
    if not word:
        return ()
    out: list[Interp] = []
    seen: set[tuple[str, str]] = set()
    for _start, _end, (_orth, lemma, tag, names, _labels) in morfeusz().analyse(word):
        pos = tag.split(":", 1)[0]
        if pos == "ign":
            return ()
        if pos in _SKIP_POS:
            continue
        key = (lemma, tag)
        if key in seen:
            continue
        seen.add(key)
        out.append(Interp(strip_homonym(lemma), tag, tuple(names)))
    return tuple(out)


def known(word: str) -> bool:
    return bool(analyse(word))


@lru_cache(maxsize=300_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The distinct lemmas of `word` in dictionary order (empty for unknown words)."""
    seen: dict[str, None] = {}
    for i in analyse(word):
        seen.setdefault(i.lemma, None)
    return tuple(seen)
