"""Articles in several languages: each one's language known, stored, searchable and shown; Russian and English words indexed by their lemmas."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from kzreader.corpus.articles import language_of
from kzreader.index.analyzer import index_terms, query_terms
from kzreader.language.detection import detect
from kzreader.reading.annotations import Entity, Event, Mention, Timex
from kzreader.reading.foreign.events import build_events
from kzreader.reading.links import _facts, link_events
from kzreader.tui.widgets.source_list import SourceList

# Sentences written for these tests, one per language the detector must tell apart.
SAMPLES = {
    "pl": "Prezydent Kazachstanu w piątek odwiedził Pekin, gdzie rozmawiał o handlu i tranzycie.",
    "en": "The president of Kazakhstan visited Beijing on Friday to talk about trade and transit.",
    "ru": "Президент Казахстана в пятницу посетил Пекин, где обсуждал торговлю и транзит.",
    "uk": "Президент Казахстану в п'ятницю відвідав Пекін, де обговорював торгівлю і транзит.",
    "sk": "Prezident Kazachstanu v piatok navštívil Peking, kde rokoval o obchode a tranzite.",
}


@pytest.mark.parametrize("code", SAMPLES)
def test_the_language_of_a_short_text_is_detected(code: str) -> None:
    assert detect(SAMPLES[code]) == code


def test_the_sidecar_says_first_in_any_spelling_and_a_text_too_short_to_tell_is_polish() -> None:
    text = SAMPLES["en"]
    assert language_of("PL-pl", text, [(0, len(text))]) == "pl"
    assert language_of(None, text, [(0, len(text))]) == "en"
    assert detect("12.11 — 3:1") == "pl"


def test_russian_and_english_words_are_indexed_by_their_lemmas() -> None:
    assert "токаев" in index_terms("Токаева") and "токаев" in query_terms("Токаеву")
    assert "казахстан" in query_terms("Казахстане")
    assert "meeting" in index_terms("meetings")
    assert index_terms("spotkał")[1:] == ("spotkać", "spotkac"), "a Polish word keeps its Polish lemmas only"


def run(corpus: Path, index: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kzreader", "--corpus", str(corpus), "--index", str(index), *args],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)


def test_a_mixed_corpus_is_searchable_by_language_by_russian_lemma_and_across_scripts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for code in ("pl", "en", "ru"):
        (corpus / f"{code}.txt").write_text(f" date 2024-03-08\n{SAMPLES[code]}\n", encoding="utf-8")
    (corpus / "declared.txt").write_text(f"{SAMPLES['pl']}\n", encoding="utf-8")
    (corpus / "declared.yaml").write_text("lang: en\n", encoding="utf-8")
    index = tmp_path / "index"
    arts = {a["id"]: a["lang"] for a in json.loads(run(corpus, index, "articles", "--json").stdout)["articles"]}
    assert arts == {"pl": "pl", "en": "en", "ru": "ru", "declared": "en"}
    found = json.loads(run(corpus, index, "search", "lang:ru", "--json").stdout)
    assert [h["article"] for h in found["hits"]] == ["ru"]
    found = json.loads(run(corpus, index, "search", "Казахстаном", "--json").stdout)
    hits = [h["article"] for h in found["hits"]]
    assert hits[0] == "ru", "the article whose text has the word, by its lemma, first"
    assert {"ru", "pl", "en"} <= set(hits), "then those naming Kazakhstan in another script"
    listing = run(corpus, index, "articles").stdout
    assert "(ru)" in listing and "(pl)" not in listing


def test_a_foreign_event_is_its_sentence_with_the_actors_and_the_languages_lemmas() -> None:
    text = "Old news first.\nKazakh leader Jan Kowal arrived in Astana on Friday for talks with investors. Then rain."
    start = text.index("on Friday")
    timex = Timex(start, start + 9, "on Friday", "2024-03-08")
    who = text.index("Jan Kowal")
    person = Entity("person:jan kowal", "Jan Kowal", "person", [Mention(who, who + 9, "Jan Kowal")])
    where = text.index("Astana")
    place = Entity("place:astana", "Astana", "place", [Mention(where, where + 6, "Astana")])
    [event] = build_events("a", text, [timex], [person, place], "en")
    assert event.sentence.startswith("Kazakh leader") and event.sentence.endswith("investors.")
    assert event.entities == ["place:astana", "person:jan kowal"]
    assert {"arrive", "talk", "investor"} <= set(event.keywords) and "for" not in event.keywords
    assert "Astana" in event.keywords, "the place by its name, for linking"


class Sources(App[None]):
    def __init__(self, widget: SourceList) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def test_the_sources_list_names_a_language_other_than_polish() -> None:
    summaries = {aid: {"id": aid, "title": aid, "date": "2024-01-01", "outlet": "o", "duplicate_of": None,
                       "lang": lang} for aid, lang in (("a", "pl"), ("b", "ru"))}
    widget = SourceList(summaries, id="sources")
    async with Sources(widget).run_test(size=(80, 24)):
        widget.show(["a", "b"])
        assert [widget.row(i).lang for i in range(2)] == [None, "ru"]
        meta = [next(line for n in range(widget.row_height(i))
                     if (line := widget.row_line(i, n, 60).plain).startswith("  2024")) for i in range(2)]
        assert meta == ["  2024-01-01 · o", "  2024-01-01 · ru · o"]


def test_a_foreign_events_label_is_its_sentence_when_the_dates_clause_says_nothing() -> None:
    text = "In a statement on Friday, the border service said that its forces repelled an attack."
    start = text.index("on Friday")
    [event] = build_events("a", text, [Timex(start, start + 9, "on Friday", "2024-03-08")], [], "en")
    assert "border service said" in event.label


def test_a_report_in_another_language_links_to_the_polish_one_by_its_kind_of_happening() -> None:
    """No word is shared across languages: the place, the day and the kind of happening (a visit) are."""
    polish = Event("pl#1", "pl", "2024-03-08", "8 marca", 0, 7, sentence="8 marca delegacja przybyła do Astany.",
                   entities=["place:astana", "place:kazachstan"], keywords=["przybyć", "delegacja", "Astana"])
    english = Event("en#1", "en", "2024-03-08", "March 8", 0, 7, sentence="Officials visited Astana on March 8.",
                    entities=["place:astana", "place:kazachstan"], keywords=["visit", "official"],
                    lang="en")
    link_events([polish, english])
    assert [(lk.event, lk.relation) for lk in english.links] == [("pl#1", "same")]
    assert "same kind of event: visit" in english.links[0].reasons


def test_a_foreign_sentence_is_not_read_for_polish_lemmas() -> None:
    """Polish morphology finds Polish lemmas in English words (`China`); a foreign event compares its own."""
    polish = Event("pl#1", "pl", "2024-03-08", "w piątek", 0, 8, sentence="W piątek Jan Kowal przybył do Astany.",
                   entities=["place:astana", "person:jan kowal"], keywords=["przybyć", "Astana"])
    english = Event("en#1", "en", "2024-03-08", "on Friday", 0, 9,
                    sentence="Jan Kowal marked the anniversary in Astana on Friday.",
                    entities=["place:astana", "person:jan kowal"], keywords=["mark", "anniversary", "Astana"],
                    lang="en")
    assert _facts(english).context == {"mark", "anniversary"}
    assert "przybyć" in _facts(polish).context


TOKAJEW = {
    "pl": "Prezydent Kazachstanu Kasym-Żomart Tokajew przyjechał w piątek do Warszawy. Tokajew rozmawiał o handlu.",
    "ru": "Президент Казахстана Касым-Жомарт Токаев в пятницу прибыл в Варшаву. Токаев обсудил торговлю.",
    "en": "Kazakh President Kassym-Jomart Tokayev arrived in Warsaw on Friday. Tokayev discussed trade.",
}


def test_one_person_across_three_scripts_is_found_by_any_of_its_spellings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for code, text in TOKAJEW.items():
        (corpus / f"{code}.txt").write_text(f" date 2024-03-08\n{text}\n", encoding="utf-8")
    index = tmp_path / "index"
    people = [e for e in json.loads(run(corpus, index, "entities", "--json").stdout)["entities"]
              if e["type"] == "person"]
    assert [(p["name"], sorted(p["articles"])) for p in people] == [("Kasym-Żomart Tokajew", ["en", "pl", "ru"])]
    for query in ("person:Tokajew", "Токаев", "Tokayev"):
        found = json.loads(run(corpus, index, "search", query, "--json").stdout)
        assert {h["article"] for h in found["hits"]} == {"pl", "ru", "en"}, query
