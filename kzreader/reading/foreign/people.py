"""A name of one word (Tusk, Xi, Дуда) is the article's person whose name has that word, when only one has."""
from __future__ import annotations

from collections import defaultdict

from kzreader.language.folding import fold
from kzreader.reading.foreign.names import Found


def join_single_words(found: list[Found], singles: list[Found]) -> list[Found]:
    """Each single word as a mention of the one person of `found` with that word in a name or mention."""
    owners: dict[str, set[str]] = defaultdict(set)
    person: dict[str, Found] = {}
    for f in found:
        if f.type != "person":
            continue
        person.setdefault(f.entity_key, f)
        for words in (f.name, f.text, *f.aliases):
            for part in words.replace("-", " ").split():
                owners[fold(part)].add(f.entity_key)
    out = []
    for s in singles:
        keys = owners.get(fold(s.name), set()) | owners.get(fold(s.text), set())
        if len(keys) == 1:
            p = person[keys.pop()]
            out.append(Found(s.start, s.end, s.text, "person", p.name, p.key, p.aliases))
    return out
