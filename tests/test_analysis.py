"""The Polish analyzer: lemmas, folding, unknown names and offsets, the Whoosh way."""
from __future__ import annotations

from kzreader.index.analyzer import EXACT, index_terms, polish_analyzer, query_terms, use_names
from kzreader.language.pl.names import NameVote


def _tokens(text: str, mode: str = "index") -> list[tuple[str, int, int, int]]:
    return [(t.text, t.pos, t.startchar, t.endchar)
            for t in polish_analyzer()(text, positions=True, chars=True, mode=mode)]


def test_exact_form_lemma_and_folded_lemma_share_the_position_and_offsets() -> None:
    toks = _tokens("Wizyta w Przewodowie")
    at_word = [(text, s, e) for text, pos, s, e in toks if pos == 2]
    texts = {t for t, _, _ in at_word}
    assert {EXACT + "przewodowie", "przewodów", "przewodow"} <= texts
    assert {(s, e) for _, s, e in at_word} == {(9, 20)}


def test_query_words_match_any_inflected_form() -> None:
    assert "rosja" in query_terms("Rosji") and "rosja" in index_terms("Rosją")
    assert "elektrownia" in query_terms("elektrownię")
    assert "erywan" in query_terms("erywan") and "erywan" in index_terms("Erywaniu")


def test_unknown_surnames_take_the_corpus_vote() -> None:
    vote = NameVote()
    vote.add(["Tokajewa", "Tokajewem", "Tokajew", "Nazarbajewa"])
    use_names(vote.choices())
    try:
        assert "tokajew" in index_terms("Tokajewem")
        assert "tokajew" in index_terms("Tokajewa")
        assert "nazarbajew" in index_terms("Nazarbajewa")
        assert "nazarbajew" in query_terms("Nazarbajew")
    finally:
        use_names({})


def test_offsets_always_point_at_the_word() -> None:
    text = "Kasym-Żomart Tokajew, 24,5 mld dol. (C5+1) i „Rosatomowi”."
    for term, _pos, start, end in _tokens(text):
        word = text[start:end]
        assert word and (term.lstrip(EXACT) == word.lower() or term in index_terms(word) or "-" in text[start:end + 1])


def test_hyphenated_names_also_index_their_parts_in_order() -> None:
    toks = _tokens("Kasym-Żomart Tokajew")
    by_pos: dict[int, set[str]] = {}
    for text, pos, _s, _e in toks:
        by_pos.setdefault(pos, set()).add(text)
    assert "kasym" in by_pos[0] and "żomart" in by_pos[1] and "tokajew" in by_pos[2]
