"""Searching the seeds as a reader of Polish would."""
from __future__ import annotations

import pytest

from kzreader.index.query import QueryError, make_parser


def _found(lib, q: str) -> set[str]:
    return {h.article[:3] for h in lib.search(q, limit=50).hits}


@pytest.mark.parametrize(
    "q, expect",
    [
        ("Rosja", {"000", "001", "002", "003", "004"}),
        ("Erywań", {"004"}),
        ("wolfram", {"000"}),
        ("sankcja", {"001", "003", "004"}),
        ("Nazarbajew", {"004"}),
        ("przewodow", {"001"}),
        ("Macron AND Tokajew", {"001", "003"}),
        ('"Morze Kaspijskie"', {"001", "003"}),
    ],
)
def test_inflected_and_unaccented_queries(seeds_library, q: str, expect: set[str]) -> None:
    assert _found(seeds_library, q) == expect


def test_phrases_find_other_cases_and_keep_word_order(seeds_library) -> None:
    assert _found(seeds_library, '"elektrownia atomowa"') == {"000", "002"}
    assert _found(seeds_library, '"atomowa elektrownia"') == set()


def test_exact_form_finds_only_that_form(seeds_library) -> None:
    with_rosja = _found(seeds_library, "=Rosja")
    with_rosji = _found(seeds_library, "=Rosji")
    assert with_rosja and with_rosji
    hit = seeds_library.search("=Rosją").hits[0]
    texts = {s.text[m.start - s.start : m.end - s.start] for s in hit.snippets for m in s.matches}
    assert texts == {"Rosją"}


def test_prefix_is_not_lemmatized(seeds_library) -> None:
    assert _found(seeds_library, "Kazachst*") == {"000", "001", "002", "003", "004"}
    assert _found(seeds_library, "przewod*") == {"001"}


def test_fields_and_dates(seeds_library) -> None:
    assert _found(seeds_library, "outlet:kresy") == {"004"}
    assert _found(seeds_library, "title:Putin") == {"004"}
    assert _found(seeds_library, "date:2022") == {"001", "004"}
    assert _found(seeds_library, "date:[2023-01 to 2023-12]") == {"003"}
    assert _found(seeds_library, "Tokajew date:2025-11") == {"000", "002"}
    assert _found(seeds_library, "Rosja NOT Chiny") == {"002", "004"}


def test_snippet_offsets_point_into_the_article(seeds_library) -> None:
    hit = seeds_library.search("Erywań").hits[0]
    text = seeds_library.article(hit.article).text
    for s in hit.snippets:
        assert text[s.start : s.end] == s.text
        for m in s.matches:
            assert text[m.start : m.end] == "Erywaniu"


@pytest.mark.parametrize("q", ["", "date:2022-13", "date:[2023 to 2022]", "Rosja)", "*", "x" * 10_000])
def test_bad_queries_raise_one_line_errors(seeds_library, q: str) -> None:
    with pytest.raises(QueryError) as err:
        seeds_library.search(q)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("q", ['"Rosja', "(Rosja", "AND", "foo:bar", "Ros?a", "[a-z]+", "NOT"])
def test_odd_queries_give_a_sensible_result(seeds_library, q: str) -> None:
    try:
        seeds_library.search(q)
    except QueryError as exc:
        assert "\n" not in str(exc)


def test_lengths_held_in_memory_score_as_whoosh_does_from_disk(seeds_index) -> None:
    """The searcher keeps BM25's field lengths in memory; the ranking must not change for it."""
    from kzreader.index import folder as ix_mod

    ix = ix_mod.open_whoosh(seeds_index)
    with ix.searcher() as plain:
        ours = ix_mod.open_searcher(ix)
        try:
            for text in ("Rosja", "Tokajew AND Putin", '"Morze Kaspijskie"', "person:Putin"):
                q = make_parser(ix.schema).parse(text)
                expected = [(h["id"], round(h.score, 6)) for h in plain.search(q, limit=None)]
                got = [(h["id"], round(h.score, 6)) for h in ours.search(q, limit=None)]
                assert got == expected and got, text
                lengths = ours.reader()._perdoc._readers
                assert any(isinstance(v, bytes) for v in lengths.values())
        finally:
            ours.close()


@pytest.mark.parametrize("q", ["Tokajew", '"Morze Kaspijskie"', "Rosja NOT Chiny", "NOT Rosja", "date:2022"])
def test_a_timeline_filtered_by_a_search_shows_the_events_whose_sentence_matches(seeds_library, q: str) -> None:
    """Events of the articles found whose sentence holds a match; an article found by no word of its text keeps all."""
    from kzreader.library import TimelineFilter

    found = {h.article for h in seeds_library.search(q, limit=100).hits}
    assert set(seeds_library.matching_ids(q)) == found
    events = seeds_library.timeline(TimelineFilter(query=q))
    assert {ev.article for ev in events} <= found
    for aid in found:
        spans = seeds_library.matches(q, aid)
        mine = [ev for ev in seeds_library.timeline() if ev.article == aid]
        kept = {ev.id for ev in events if ev.article == aid}
        expected = {ev.id for ev in mine if not spans or any(
            s.start < ev.sentence_end and s.end > ev.sentence_start for s in spans)}
        assert kept == expected
    assert len(seeds_library.timeline(TimelineFilter(query=q))) == seeds_library.timeline_count(TimelineFilter(query=q))


@pytest.mark.parametrize("q", ["Tokajew", '"Morze Kaspijskie"', "date:2022"])
def test_a_searched_timeline_read_a_few_events_at_a_time_is_the_same(seeds_library, monkeypatch, q: str) -> None:
    """Read in pages, an article's events split across them, the events and their order do not change."""
    from kzreader.library import TimelineFilter, facade

    flt = TimelineFilter(query=q)
    seeds_library.__dict__.pop("_searched", None)
    whole = [ev.id for ev in seeds_library.timeline(flt)]
    seeds_library.__dict__.pop("_searched", None)
    monkeypatch.setattr(facade, "SEARCHED_EVENTS_PAGE", 3)
    assert [ev.id for ev in seeds_library.timeline(flt)] == whole and whole
    seeds_library.__dict__.pop("_searched", None)


def test_a_searched_timeline_keeps_ids_and_reads_only_the_page_asked_for(seeds_index) -> None:
    """A search's timeline holds its events' ids, not the events: a page reads that page's events alone."""
    from kzreader.library import Library, TimelineFilter
    from tests.conftest import SEEDS

    lib, _ = Library.open(SEEDS, seeds_index, update=False)
    try:
        flt = TimelineFilter(query="Tokajew")
        whole = [ev.id for ev in lib.timeline(flt)]
        assert len(whole) > 4
        read: list[int] = []
        by_ids = lib.store.events_by_ids
        lib.store.events_by_ids = lambda ids: read.append(len(ids)) or by_ids(ids)  # type: ignore[method-assign]
        assert [ev.id for ev in lib.timeline(flt, offset=2, limit=3)] == whole[2:5]
        assert read == [3]
        assert lib.timeline_count(flt) == len(whole) and read == [3]
        assert sum(n for _a, _b, n in lib.coverage(flt)) == len(whole) and read == [3]
    finally:
        lib.close()


def test_an_articles_matches_near_other_events_are_searched_in_the_regions_not_yet_searched() -> None:
    """Asked again for other events of an article, only its regions not searched before are searched."""
    from kzreader.index.search import Span
    from kzreader.index.store import ArticleRecord
    from kzreader.library.sentences import ArticleMatches

    text = "Tokajew tu. Nic.\nInny akapit, Tokajew.\nTrzeci bez nazwiska, potem Tokajew."
    regions = [(0, 16), (17, 39), (40, len(text))]
    rec = ArticleRecord("a", None, None, None, None, None, None, "pl", None, None, "utf-8", text, regions, [], 9)
    searched: list[list[tuple[int, int]]] = []

    class Matcher:
        def spans(self, text: str, regions: list[tuple[int, int]]) -> list[Span]:
            searched.append(regions)
            return [Span(m, m + 7) for start, end in regions for m in [text.find("Tokajew", start, end)] if m >= 0]

    matches = ArticleMatches(Matcher(), lambda aid: rec, frozenset({"a"}))  # type: ignore[arg-type]
    assert matches.near("a", [(0, 5)]) == [Span(0, 7)]
    assert matches.near("a", [(18, 20), (41, 45)]) == [Span(30, 37), Span(66, 73)]
    assert matches.near("a", [(1, 2), (50, 51)]) == [Span(0, 7), Span(66, 73)]
    assert searched == [[(0, 16)], [(17, 39), (40, 74)]]


def test_filters_by_many_articles_do_not_hit_sqlites_variable_limit(seeds_index) -> None:
    """A search over a large corpus can match more articles than SQLite takes bound variables."""
    import sqlite3

    from kzreader.library import Library, TimelineFilter
    from tests.conftest import SEEDS

    lib, _ = Library.open(SEEDS, seeds_index, update=False)
    try:
        lib.store.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 2)
        ids = lib.matching_ids("Rosja")
        assert len(ids) > 2
        assert lib.timeline_count(TimelineFilter(query="Rosja")) > 0
        assert {a["id"] for a in lib.articles(ids)} == set(ids)
        assert lib.entity_facets(ids)
        assert lib.search("Rosja", limit=100).hits
    finally:
        lib.close()


def test_a_searchs_matches_are_found_once_for_every_timeline_it_filters(seeds_index) -> None:
    """The dated and undated lists, and other filters with the same search, reuse each article's matches."""
    from kzreader.library import Library, TimelineFilter
    from tests.conftest import SEEDS

    lib, _ = Library.open(SEEDS, seeds_index, update=False)
    try:
        read: list[str] = []
        article = lib.store.article
        lib.store.article = lambda aid: read.append(aid) or article(aid)  # type: ignore[method-assign]
        dated = lib.timeline_count(TimelineFilter(query="Tokajew"))
        first = len(read)
        assert first and dated
        lib.timeline_count(TimelineFilter(query="Tokajew"), undated=True)
        lib.timeline(TimelineFilter(query="Tokajew", fold_copies=True))
        assert len(read) == first
        lib.timeline_count(TimelineFilter(query="Putin"))
        assert len(read) > first
    finally:
        lib.close()
