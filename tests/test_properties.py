"""Properties that must hold for any input, checked with hypothesis."""
from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings, strategies as st

from kzreader.corpus.metadata import normalise_date
from kzreader.index.analyzer import polish_analyzer
from kzreader.index.query import QueryError
from kzreader.reading.periods import day_range

POLISH_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdeęfghijklłmnoóprsśtuwyzźżąćń ABCĄĆĘŁŃÓŚŹŻ-.,\n\"'()*?:=[]0123456789\t\x00\u202e")),
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(POLISH_TEXT)
def test_analyzer_offsets_always_point_at_the_text(text: str) -> None:
    for t in polish_analyzer()(text, positions=True, chars=True):
        assert 0 <= t.startchar < t.endchar <= len(text)
        assert text[t.startchar : t.endchar].strip()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.dates(), st.datetimes(), st.none(), st.lists(st.integers())))
def test_date_normaliser_never_crashes_and_gives_real_dates(value: object) -> None:
    norm = normalise_date(value)
    if norm is not None:
        assert day_range(norm[0]) is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_query_parser_raises_only_our_error(seeds_library, text: str) -> None:
    try:
        seeds_library.searcher.parse(text)
    except QueryError:
        pass


WORDS = st.lists(
    st.text(alphabet=st.sampled_from(list("abcdeęfghijklłmnoóprsśtuwyzźżąćńABCĄĆĘŁŃÓŚŹŻ")), min_size=2, max_size=10),
    min_size=1, max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(WORDS, st.data())
def test_an_indexed_word_finds_its_article(words: list[str], data: st.DataObject) -> None:
    from whoosh.filedb.filestore import RamStorage

    from kzreader.index.folder import make_schema
    from kzreader.index.query import make_parser, parse

    word = data.draw(st.sampled_from(words))
    if word.upper() in {"AND", "OR", "NOT", "TO"}:
        return
    ix = RamStorage().create_index(make_schema())
    with ix.writer() as w:
        w.add_document(id="doc", body=" ".join(words))
        w.add_document(id="other", body="zupełnie inny tekst")
    with ix.searcher() as s:
        hits = {h["id"] for h in s.search(parse(make_parser(ix.schema), word), limit=None)}
    assert "doc" in hits


WORDS = ["Rosja", "Rosji", "Chiny", "Chin", "wizyta", "wizycie", "Kasym-Żomart", "Tokajew", "i", "w", "Astana"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=30),
       st.lists(st.sampled_from(WORDS), min_size=2, max_size=4))
def test_phrases_match_exactly_the_documents_whoosh_spans_match(docs: list[list[str]], phrase: list[str]) -> None:
    """The position-set phrase matcher finds the same documents as Whoosh's own span matching."""
    from whoosh import query as wq
    from whoosh.filedb.filestore import RamStorage

    from kzreader.index.folder import make_schema
    from kzreader.index.phrase import StackedPhrase
    from kzreader.index.query import stacked_query

    ix = RamStorage().create_index(make_schema())
    with ix.writer() as w:
        for n, words in enumerate(docs):
            w.add_document(id=str(n), body=" ".join(words))
    ours = stacked_query(ix.schema, "body", " ".join(phrase))
    assert isinstance(ours, StackedPhrase)
    spans = wq.Sequence(ours.subqueries, slop=1)
    with ix.searcher() as s:
        assert set(s.docs_for_query(ours)) == set(s.docs_for_query(spans))
        found = {hit["id"] for hit in s.search(ours, limit=None)}
        assert found == {str(d) for d in s.docs_for_query(spans)}


QUERY_PARTS = ["Rosja", "Rosji", "Chiny", "wizyta", "Tokajew", "Astana", '"Rosja i Chiny"', '"wizyta w Astanie"',
               "Ros*", "Kasym-Żomart", "title:Rosja", "=Rosji", "date:2022", "date:[2021-06 to 2023]", "Rosja^2"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=15), st.integers(2020, 2024),
                          st.booleans()), min_size=1, max_size=40),
       st.integers(1, 3),
       st.lists(st.tuples(st.sampled_from(QUERY_PARTS), st.sampled_from(["AND", "OR", "NOT", ""])),
                min_size=1, max_size=4))
def test_term_at_a_time_scores_as_whoosh_does(docs: list[tuple[list[str], int, bool]], segments: int,
                                              parts: list[tuple[str, str]]) -> None:
    """Every document and its BM25 score as Whoosh's own matchers give them, over segments and deletions."""
    import pytest
    from whoosh import query as wq
    from whoosh.collectors import TopCollector
    from whoosh.filedb.filestore import RamStorage
    from whoosh.writing import NO_MERGE

    from kzreader.index import folder as ix_mod
    from kzreader.index.query import make_parser, parse
    from kzreader.index.scoring import TermAtATime

    ix = RamStorage().create_index(ix_mod.make_schema())
    chunk = -(-len(docs) // segments)
    for start in range(0, len(docs), chunk):
        w = ix.writer()
        for n, (words, year, _gone) in enumerate(docs[start : start + chunk], start):
            w.add_document(id=str(n), body=" ".join(words), title=" ".join(words[:3]),
                           date_start=year * 10000 + 101, date_end=year * 10000 + 1231)
        w.commit(merge=False, mergetype=NO_MERGE)
    w = ix.writer()
    for n, (_words, _year, gone) in enumerate(docs):
        if gone:
            w.delete_by_term("id", str(n))
    w.commit(merge=False, mergetype=NO_MERGE)
    text = " ".join(f"{p} {op}" for p, op in parts).strip()
    if text.endswith(("AND", "OR", "NOT")):
        text = text.rsplit(" ", 1)[0]
    try:
        q = parse(make_parser(ix.schema), text)
    except QueryError:
        return
    searcher = ix_mod.open_searcher(ix)
    try:
        ours = TermAtATime(searcher).scores(q)
        event("left to Whoosh" if ours is None else "scored here")
        if ours is None:
            return
        # Whoosh preloads small ORs differently below 5,000 documents; its tree
        # of unions, used above that, is the reference.
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(wq.Or, "matcher_type", wq.Or.DEFAULT_MATCHER)
            collector = TopCollector(limit=len(docs) + 1, usequality=False, replace=0)
            searcher.search_with_collector(q, collector)
        theirs = {hit.docnum: hit.score for hit in collector.results()}
        assert ours.keys() == theirs.keys(), text
        for d, score in theirs.items():
            assert abs(ours[d] - score) < 1e-9 * max(1.0, abs(score)), text
    finally:
        searcher.close()


TOKENISH = st.text(alphabet=st.sampled_from(list("ab1_ą-'’ .\\n")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(TOKENISH, st.data())
def test_whole_words_finds_exactly_the_tokens_word_cuts(text: str, data: st.DataObject) -> None:
    """Highlighting searches for the matched words; it must agree with cutting every word."""
    from kzreader.language.tokens import WORD, whole_words

    tokens = WORD.findall(text)
    wanted = set(data.draw(st.lists(st.sampled_from(tokens), max_size=3))) if tokens else set()
    wanted |= set(data.draw(st.lists(st.sampled_from(["a", "b", "ab", "a-b", "1", "b’a"]), max_size=2)))
    pattern = whole_words(wanted)
    expected = [m.span() for m in WORD.finditer(text) if m.group() in wanted]
    assert [m.span() for m in pattern.finditer(text)] == expected if pattern else not expected
