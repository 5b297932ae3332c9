"""Search that never silently fails: folded words, notes on how a query was read, common words, phrases, copies."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzreader.index.notes import prepare, while_typing
from kzreader.index.query import QueryError
from kzreader.language.folding import fold
from kzreader.language.tokens import WORD


def ids(lib, q: str) -> set[str]:
    return {aid[:3] for aid in lib.matching_ids(q)}


@pytest.mark.parametrize(("typed", "written", "article"), [
    ("panstwa", "państwa", "004"), ("wojne", "wojnę", "001"), ("spotkal", "spotkał", "004"),
    ("przyjazni", "Przyjaźni", "000"), ("zblizenia", "zbliżenia", "000"), ("przewodow", "Przewodów", "001"),
])
def test_a_word_typed_without_polish_letters_finds_its_forms_and_lemmas(
        seeds_library, typed: str, written: str, article: str) -> None:
    assert article in ids(seeds_library, typed)
    # Every word it folds from counts: `przewodow` is Przewodów and przewodów alike.
    assert ids(seeds_library, typed) >= ids(seeds_library, written)


def test_panstwa_finds_every_form_of_panstwo(seeds_library) -> None:
    result = seeds_library.search("panstwa")
    assert result.total == 5 and not result.notes
    assert seeds_library.matches("panstwa", "004_340609ee85e05146")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_word_of_the_seeds_folded_finds_its_article(seeds_library, data: st.DataObject) -> None:
    article = data.draw(st.sampled_from(sorted(a["id"] for a in seeds_library.articles())))
    rec = seeds_library.article(article)
    words = sorted({w for s, e in rec.regions for w in WORD.findall(rec.text, s, e) if w.isalpha()})
    word = data.draw(st.sampled_from(words))
    assert article in seeds_library.matching_ids(fold(word)), word


@pytest.mark.parametrize(("typed", "read"), [
    ("osoba:Putin", "person:Putin"), ("Person:Putin", "person:Putin"), ("miejsce:Astana", "place:Astana"),
    ("organizacja:ODKB", "org:ODKB"), ("tytuł:Putin", "title:Putin"), ("tytul:Putin", "title:Putin"),
    ("źródło:kresy", "outlet:kresy"), ("zrodlo:kresy", "outlet:kresy"), ("język:ru", "lang:ru"),
    ("jezyk:ru", "lang:ru"), ("data:2022", "date:2022"), ("Putin -Macron", "Putin NOT Macron"),
    ('Putin -"Frankfurt nad Odrą"', 'Putin NOT "Frankfurt nad Odrą"'),
])
def test_polish_field_names_and_minus_are_read(typed: str, read: str) -> None:
    assert prepare(typed).text == read


def test_polish_field_names_find_what_the_english_ones_find(seeds_library) -> None:
    assert ids(seeds_library, "osoba:Putin") == ids(seeds_library, "person:Putin") != set()
    assert ids(seeds_library, "Person:Putin") == ids(seeds_library, "person:Putin")


def test_an_unknown_field_lists_the_fields(seeds_library) -> None:
    with pytest.raises(QueryError, match=r"no field foo:.*person:.*osoba:"):
        seeds_library.search("foo:Putin")


def test_minus_excludes(seeds_library) -> None:
    with_macron = ids(seeds_library, "Macron")
    assert with_macron and ids(seeds_library, "Putin -Macron") == ids(seeds_library, "Putin") - with_macron


def test_a_word_found_nowhere_is_named(seeds_library) -> None:
    result = seeds_library.search("Putin Nikt")
    assert result.total == 0 and any("'Nikt'" in n for n in result.notes)


def test_lowercase_and_trailing_operators_get_a_note(seeds_library) -> None:
    notes = seeds_library.search("putin and macron").notes
    assert any("putin AND macron" in n for n in notes)
    trailing = seeds_library.search("Putin AND")
    assert any("AND at the end" in n for n in trailing.notes)
    assert trailing.total == seeds_library.search("Putin").total


def test_words_in_nearly_every_article_neither_narrow_nor_light_up(seeds_library) -> None:
    aid = "001_3ee2ed97d5547eef"
    rec = seeds_library.article(aid)
    result = seeds_library.search("putin i macron")
    assert ids(seeds_library, "putin i macron") == ids(seeds_library, "putin macron")
    assert any("'i'" in n for n in result.notes)
    lit = {rec.text[s.start:s.end].lower() for s in seeds_library.matches("putin i macron", aid)}
    assert "i" not in lit and lit
    # Alone, or in a phrase, the word still counts.
    assert seeds_library.search("i").total == 5


def test_a_phrase_lights_up_only_where_it_stands_and_counts_once(seeds_library) -> None:
    q = '"prezydenta Kazachstanu"'
    found = seeds_library.matching_ids(q)
    assert found
    for aid in found:
        rec = seeds_library.article(aid)
        spans = seeds_library.matches(q, aid)
        texts = [rec.text[s.start:s.end] for s in spans]
        # A lone Kazachstanu elsewhere in the article does not light up.
        assert texts and all(re.fullmatch(r"[Pp]rezydent\w*\s+Kazachstan\w*", t) for t in texts), texts
        assert len(seeds_library.matches("Kazachstanu", aid)) > len(spans)
        hit = next(h for h in seeds_library.search(q, limit=10).hits if h.article == aid)
        assert hit.matches == len(spans)


def test_while_typing_the_last_word_is_a_prefix(seeds_library) -> None:
    assert while_typing("Tokaj") == "(Tokaj OR Tokaj*)"
    assert while_typing("Tokaj ") == "Tokaj "
    assert seeds_library.search("Tokaj").total == 0
    assert seeds_library.search(seeds_library.while_typing("Tokaj")).total == seeds_library.search("Tokajew").total
    assert seeds_library.search(seeds_library.while_typing("Putin")).total == seeds_library.search("Putin").total


def test_an_original_ranks_above_its_copies(seeds_library) -> None:
    hits = seeds_library.search('"elektrownia atomowa"', limit=1).hits
    assert [h.article[:3] for h in hits] == ["000"]
    hits = seeds_library.search('"elektrownia atomowa"').hits
    assert [h.article[:3] for h in hits] == ["000", "002"]
    assert hits[1].copy_of == hits[0].article and hits[0].copy_of is None
