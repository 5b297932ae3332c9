"""Exports of the timeline: CSV and TimelineJS3 JSON."""
from __future__ import annotations

import csv
import io
import json

from kzreader.library.export import CSV_COLUMNS, to_csv, to_timelinejs
from kzreader.reading.annotations import Event, Link


def sample() -> list[Event]:
    visit = Event(id="a#1", article="a", date="2022-11-28", text="w poniedziałek", start=10, end=24,
                  sentence="Nowak przybył do Wilna w poniedziałek.", entities=["person:jan nowak", "place:wilno"],
                  keywords=["przybyć", "Wilno"], label="przybyć — Jan Nowak (Wilno)",
                  links=[Link("b#1", "same", ["shared: jan nowak", "dates agree: 2022-11-28 / 2022-11"])])
    month = Event(id="b#1", article="b", date="2022-11", text="niedawno", start=0, end=8, granularity="month",
                  sentence="=Nowak <b>odbył</b> niedawno wizytę.", label="wizyta — Jan Nowak",
                  links=[Link("a#1", "same", [])])
    undated = Event(id="c#1", article="c", date="XXXX-11-03", text="3 listopada", start=0, end=11,
                    sentence="3 listopada Nowak gościł przywódców.")
    week = Event(id="d#1", article="d", date="2025-W46", text="w tym tygodniu", start=0, end=14, granularity="week",
                 earliest="2025-11-10", latest="2025-11-16", sentence="W tym tygodniu padało.")
    return [visit, month, undated, week]


def test_csv_has_a_header_and_one_row_per_event() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(sample()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[0] for r in rows[1:]] == ["a#1", "b#1", "c#1", "d#1"]
    first = dict(zip(rows[0], rows[1]))
    assert first["date"] == "2022-11-28"
    assert first["entities"] == "person:jan nowak; place:wilno"
    assert first["links"] == "same:b#1"


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(sample()))))
    assert rows[1]["sentence"].startswith("'=")


def test_timelinejs_document_shape() -> None:
    doc = to_timelinejs(sample(), {"a": "Wizyta w Wilnie", "b": "Kraj i sąsiedzi"})
    json.dumps(doc)
    assert doc["title"]["text"]["headline"]
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert slides["a-1"]["start_date"] == {"year": 2022, "month": 11, "day": 28}
    assert slides["a-1"]["group"] == "Wizyta w Wilnie"
    assert slides["a-1"]["text"]["headline"] == "przybyć — Jan Nowak (Wilno)"
    assert slides["b-1"]["start_date"] == {"year": 2022, "month": 11}


def test_timelinejs_leaves_out_dates_it_cannot_place_and_places_weeks_by_their_first_day() -> None:
    slides = {s["unique_id"]: s for s in to_timelinejs(sample(), {})["events"]}
    assert "c-1" not in slides
    assert slides["d-1"]["start_date"] == {"year": 2025, "month": 11, "day": 10}
    assert slides["d-1"]["display_date"] == "2025-W46"


def test_timelinejs_text_is_escaped_html_and_shows_links() -> None:
    slides = {s["unique_id"]: s for s in to_timelinejs(sample(), {})["events"]}
    assert "<b>" not in slides["b-1"]["text"]["text"]
    assert "&lt;b&gt;" in slides["b-1"]["text"]["text"]
    assert "the same as b#1" in slides["a-1"]["text"]["text"]
