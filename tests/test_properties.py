"""Properties that must hold for any input, checked with hypothesis."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from kzreader.analysis import polish_analyzer
from kzreader.metadata import normalise_date
from kzreader.periods import day_range
from kzreader.query import QueryError

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

    from kzreader.index import make_schema
    from kzreader.query import make_parser, parse

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

    from kzreader.index import make_schema
    from kzreader.phrase import StackedPhrase
    from kzreader.query import stacked_query

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
