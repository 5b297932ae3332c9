"""Scoring in arrays (dense.py) and phrase highlighting without the tokenizer, against their references."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from kzreader.index.analyzer import PolishTokenizer, index_terms
from kzreader.index.dense import Dense, phrase_starts
from kzreader.index.highlight import Matcher, Span

WORDS = ["Rosja", "Rosji", "i", "Chiny", "Kasym-Żomart", "Tokajew", "w", "Astanie", "a-b-c", "Frankfurt", "nad",
         "Odrą", "Odrze", "o'brien"]


def _reference_spans(phrases: list[tuple[frozenset[str], ...]], text: str, regions: list[tuple[int, int]]) -> set[Span]:
    """Phrase spans from PolishTokenizer's own positions, as highlighting computed them before."""
    slots: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    pos = 0
    for start, end in regions:
        last = pos - 1
        for t in PolishTokenizer()(text[start:end], positions=True, chars=True, start_pos=pos, start_char=start):
            slots.setdefault(t.pos, []).append((t.startchar, t.endchar, frozenset(index_terms(t.text))))
            last = max(last, t.pos)
        pos = last + 1
    found: set[Span] = set()
    for phrase in phrases:
        for p, words in slots.items():
            firsts = [w for w in words if phrase[0] & w[2]]
            if not firsts:
                continue
            last_word = None
            for offset, wanted in enumerate(phrase[1:], 1):
                here = [w for w in slots.get(p + offset, ()) if wanted & w[2]]
                if not here:
                    break
                last_word = max(here, key=lambda w: w[1])
            else:
                found.add(Span(min(w[0] for w in firsts), last_word[1] if last_word else max(w[1] for w in firsts)))
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS + [",", "\n"]), min_size=1, max_size=30),
       st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=1, max_size=2),
       st.integers(0, 3))
def test_phrase_spans_number_words_as_the_tokenizer_does(words: list[str], phrases_words: list[list[str]],
                                                         cuts: int) -> None:
    text = " ".join(words)
    # Regions that split the text at spaces: a phrase may run from one region into the next, as in the index.
    spaces = [i for i, c in enumerate(text) if c == " "][:cuts]
    bounds = [0, *spaces, len(text)]
    regions = [(a, b) for a, b in zip(bounds, bounds[1:])]
    phrases = [tuple(frozenset(index_terms(w)[1:]) for w in ws) for ws in phrases_words]
    matcher = Matcher(frozenset(), (), phrases)
    assert set(matcher.phrase_spans(text, regions)) == _reference_spans(phrases, text, regions)


def test_top_orders_ties_by_document_number_and_counts_every_match() -> None:
    found = Dense(np.array([0.0, 2.0, 1.0, 2.0, 0.5]), np.array([False, True, True, True, True]))
    assert found.top(2) == [(1, 2.0), (3, 2.0)]
    assert found.top(10) == [(1, 2.0), (3, 2.0), (2, 1.0), (4, 0.5)]
    assert found.count() == 4
    assert found.as_dict() == {1: 2.0, 2: 1.0, 3: 2.0, 4: 0.5}


def test_phrase_starts_need_every_slot_at_the_next_position() -> None:
    import pickle
    import struct

    def enc(positions: list[int]) -> bytes:
        deltas = [b - a for a, b in zip([0, *positions], positions)]
        return struct.pack("!I", len(deltas)) + pickle.dumps(deltas, 2)

    from whoosh import formats

    fmt = formats.Positions()
    first = [(np.array([0, 1, 2]), [enc([3, 9]), enc([1]), enc([5])])]
    second = [(np.array([0, 1, 2]), [enc([10]), enc([5]), enc([4, 7])])]
    # Document 0: 9 then 10; document 1: 1 then 5 (no); document 2: 5 then 4, 7 (no).
    assert phrase_starts([first, second], fmt).tolist() == [0]


def test_a_search_parses_its_text_once_and_forget_drops_what_queries_left(seeds_library) -> None:
    searcher = seeds_library.searcher
    searcher.forget()
    first = searcher.search("Rosja")
    assert list(searcher._parsed) == ["Rosja"]
    searcher.forget()
    assert not searcher._parsed and not searcher._cache and not searcher._prepared
    again = searcher.search("Rosja")
    assert again is not first
    assert (again.total, [h.article for h in again.hits]) == (first.total, [h.article for h in first.hits])
