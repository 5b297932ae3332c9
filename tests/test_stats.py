"""The corpus at a glance: periods and bars, the entity ranking, who appears with whom, and `kzreader stats`."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kzreader.library import Library, TimelineFilter
from kzreader.library.stats import bars, precision, sparkline, span_text, trend
from test_cli import run


# periods and bars ---------------------------------------------------------------------------
def test_a_stored_range_says_how_far_its_date_is_known() -> None:
    assert precision(20221103, 20221103) == "day"
    assert precision(20240703, 20240704) == "day"
    assert precision(20221101, 20221130) == "month"
    assert precision(20240201, 20240229) == "month"
    assert precision(20220101, 20221231) == "year"
    assert precision(20180101, 20191231) == "year"


def test_month_and_year_dates_count_in_bars_of_their_own() -> None:
    spans = [(20221103, 20221103, 2), (20221110, 20221110, 1), (20221101, 20221130, 4), (20220101, 20221231, 5),
             (20230105, 20230105, 1)]
    by_month = bars(spans, "month")
    assert [(b.period, b.precision, b.events) for b in by_month] == [
        ("2022", "year", 5), ("2022-11", "month", 7), ("2022-12", "month", 0), ("2023-01", "month", 1)]
    by_day = {b.period: (b.precision, b.events) for b in bars(spans, "day")}
    assert by_day["2022-11"] == ("month", 4) and by_day["2022-11-03"] == ("day", 2)
    assert by_day["2022-11-04"] == ("day", 0) and by_day["2022"] == ("year", 5)
    by_week = [b for b in bars(spans, "week") if b.events]
    assert [(b.period, b.start, b.events) for b in by_week] == [
        ("2022", "2022-01-01", 5), ("2022-W44", "2022-10-31", 2), ("2022-11", "2022-11-01", 4),
        ("2022-W45", "2022-11-07", 1), ("2023-W01", "2023-01-02", 1)]
    assert [(b.period, b.events) for b in bars(spans, "year")] == [("2022", 12), ("2023", 1)]
    assert sum(b.events for b in by_month) == sum(n for *_, n in spans)


def test_an_unknown_period_is_refused() -> None:
    with pytest.raises(ValueError):
        bars([], "decade")


def test_sparkline_and_trend() -> None:
    assert sparkline([0, 1, 8, 4]) == " ▁█▄"
    assert sparkline([0, 0]) == "  "
    assert trend([(202201, 3), (202212, 1), (202506, 2)], 20220101, 20251231, 4) == [4, 0, 0, 2]
    assert span_text("2022-11-03", "2025-11-01") == "2022-11 .. 2025-11"
    assert span_text("2022-11-03", "2022-11-30") == "2022-11"


# the library on the seeds --------------------------------------------------------------------
def test_coverage_counts_what_the_timeline_shows(seeds_library: Library) -> None:
    for flt in (TimelineFilter(fold_copies=True), TimelineFilter(entity="Tokajew"), TimelineFilter(query="Putin"),
                TimelineFilter(entity="Tokajew", fold_copies=True), TimelineFilter(entity="Rosja", query="Putin"),
                TimelineFilter(entity="Tokajew", with_entity="Putin", fold_copies=True),
                TimelineFilter(start="2022", end="2023-06", entity="Kazachstan", fold_copies=True)):
        assert sum(n for *_, n in seeds_library.coverage(flt)) == seeds_library.timeline_count(flt)


def test_top_entities_are_ranked_by_articles(seeds_library: Library) -> None:
    top = seeds_library.top_entities(limit=10)
    assert top and [e.articles for e in top] == sorted((e.articles for e in top), reverse=True)
    facets = {f["key"]: f for f in seeds_library.entity_facets()}
    for e in top:
        assert e.articles == facets[e.key]["article_count"] and e.mentions == facets[e.key]["mentions"]
        assert e.type in ("person", "place", "org", "money")
    putin = next(e for e in top if e.key == "person:władimir putin")
    dates = [e.date for e in seeds_library.timeline(TimelineFilter(entity="Władimir Putin"))]
    assert putin.first and putin.last and putin.first[:4] == min(dates)[:4] and putin.last[:4] == max(dates)[:4]
    some = seeds_library.top_entities("Erywań")
    assert some and all(e.articles <= 1 for e in some)


def test_who_appears_with_whom_counts_the_shared_events(seeds_library: Library) -> None:
    keys = seeds_library.entity_keys("Tokajew")
    together = seeds_library.together(keys, limit=5)
    assert together and all(not t.key.startswith("kw:") and t.key not in keys for t in together)
    for t in together:
        shared = seeds_library.timeline(TimelineFilter(entity="Tokajew", with_entity=t.key.partition(":")[2]))
        assert len(shared) >= t.events or t.type == "money"
        assert t.first is not None and t.last is not None and t.first <= t.last
    putin = next(t for t in together if t.name == "Władimir Putin")
    both = seeds_library.timeline(TimelineFilter(entity="Tokajew", with_entity="Putin"))
    assert len(both) == putin.events
    assert all({"person:władimir putin", *keys} & set(e.entities) for e in both)


# the command line ------------------------------------------------------------------------------
def test_stats_json_on_the_seeds(seeds_index: Path) -> None:
    out = run(seeds_index, "stats", "--by", "year", "--entity", "Tokajew", "--limit", "5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["by"] == "year" and data["entity"] == "Tokajew"
    assert {"period", "precision", "start", "end", "events"} == set(data["histogram"][0])
    events = json.loads(run(seeds_index, "timeline", "--entity", "Tokajew", "--json").stdout)["events"]
    assert sum(b["events"] for b in data["histogram"]) == len(events)
    assert len(data["entities"]) == 5 and len(data["together"]) == 5
    assert {"key", "name", "type", "articles", "mentions", "first", "last"} == set(data["entities"][0])
    assert {"key", "name", "type", "events", "first", "last"} == set(data["together"][0])


def test_stats_table_csv_and_errors(seeds_index: Path) -> None:
    text = run(seeds_index, "stats", "--limit", "3", "--entity", "Tokajew")
    assert text.returncode == 0 and "Events by month" in text.stdout and "With Tokajew" in text.stdout
    rows = list(csv.DictReader(io.StringIO(run(seeds_index, "stats", "--format", "csv", "--limit", "3").stdout)))
    assert {r["table"] for r in rows} == {"histogram", "entities"}
    assert sum(r["table"] == "entities" for r in rows) == 3
    bad = run(seeds_index, "stats", "--entity", "Nikt Taki")
    assert bad.returncode == 2 and "no entity" in bad.stderr
    assert run(seeds_index, "stats", "--by", "decade").returncode == 2


ARTICLES = {
    "a1": ("Szczyt w Astanie", "2022-11", "Prezydent Kazachstanu Kasym-Żomart Tokajew spotkał się 28 listopada 2022 "
           "roku w Moskwie z Władimirem Putinem. W 2021 roku Tokajew odwiedził Paryż."),
    "a2": ("Wizyta w Paryżu", "2023-03", "Kasym-Żomart Tokajew rozmawiał 3 marca 2023 roku z Emmanuelem Macronem "
           "w Paryżu. Macron zapowiedział wizytę w Astanie w listopadzie 2023 roku."),
    "a3": ("Rozmowy w Moskwie", "2023-06", "Kasym-Żomart Tokajew spotkał się 12 czerwca 2023 roku w Moskwie "
           "z Władimirem Putinem. Rozmawiano o gazie."),
}


def test_stats_json_on_a_corpus_built_here(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for aid, (title, date, body) in ARTICLES.items():
        (corpus / f"{aid}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        (corpus / f"{aid}.yaml").write_text(f"title: {title}\ndate: '{date}'\noutlet: test.pl\n", encoding="utf-8")
    index = tmp_path / "index"
    data = json.loads(run(index, "stats", "--by", "month", "--json", corpus=corpus).stdout)
    events = json.loads(run(index, "timeline", "--json", corpus=corpus).stdout)["events"]
    dated = [e for e in events if e["date"]]
    assert dated and sum(b["events"] for b in data["histogram"]) == len(dated)
    assert any(b["precision"] == "year" for b in data["histogram"])  # "W 2021 roku" has its own bar
    november = next(b for b in data["histogram"] if b["period"] == "2022-11")
    assert november["events"] >= 1 and november["start"] == "2022-11-01" and november["end"] == "2022-11-30"
    tokajew = next(e for e in data["entities"] if e["name"].startswith("Kasym"))
    assert tokajew["articles"] == 3 and tokajew["type"] == "person"
    assert tokajew["first"] == "2021", "an event known to its year shows as that year, not as its January"
    assert tokajew["first"] <= tokajew["last"]

    data = json.loads(run(index, "stats", "--entity", "Tokajew", "--json", corpus=corpus).stdout)
    putin = next(t for t in data["together"] if t["name"] == "Władimir Putin")
    naming_both = [e for e in events if {"person:władimir putin"} & set(e["entities"])
                   and any(k.startswith("person:kasym") for k in e["entities"])]
    assert putin["events"] == len(naming_both) >= 2
    assert putin["first"][:7] == "2022-11" and putin["last"][:7] == "2023-06"

    only = json.loads(run(index, "stats", "--query", "Macron", "--json", corpus=corpus).stdout)
    assert {e["articles"] for e in only["entities"]} == {1}
