"""Temporal expressions: recognition, normalisation against the document date, look-alikes."""
from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from kzreader.language import pl
from kzreader.reading import timex
from kzreader.reading.annotations import Timex
from kzreader.reading.timex import MONTHS, UNITS, WEEKDAYS, find_timexes

SATURDAY = "2025-11-15"


def only(text: str, doc_date: str | None) -> Timex:
    found = find_timexes(text, doc_date)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def values(text: str, doc_date: str | None) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, doc_date)}


# ---- kinds of expression ----------------------------------------------------

@pytest.mark.parametrize(("text", "dct", "span", "value"), [
    ("Premier przyjechał 7 listopada.", SATURDAY, "7 listopada", "2025-11-07"),
    ("Od 24 lutego rząd stara się zachować dystans.", "2022-11", "Od 24 lutego", "2022-02-24"),
    ("Umowę podpisano 3 maja 2019 r. w Gdańsku.", SATURDAY, "3 maja 2019 r.", "2019-05-03"),
    ("Most otwarto w maju.", SATURDAY, "w maju", "2025-05"),
    ("We wrześniu 2022 roku ogłoszono przetarg.", SATURDAY, "We wrześniu 2022 roku", "2022-09"),
    ("Rząd ogłosił decyzję we wrześniu br.", "2022-11", "we wrześniu br.", "2022-09"),
    ("W 2021 r. eksport spadł.", SATURDAY, "W 2021 r.", "2021"),
    ("Dane z 2024 r. pokazują wzrost.", SATURDAY, "z 2024 r.", "2024"),
    ("Projekty zapowiedziano do 2027 roku.", SATURDAY, "do 2027 roku", "2027"),
    ("Raport opublikowano 15.11.2025 o świcie.", "2026-01-01", "15.11.2025", "2025-11-15"),
    ("Od wtorku obowiązują nowe stawki.", SATURDAY, "Od wtorku", "2025-11-11"),
    ("Posłowie zebrali się w poniedziałek.", SATURDAY, "w poniedziałek", "2025-11-10"),
    ("Tydzień temu spadł śnieg.", SATURDAY, "Tydzień temu", "2025-11-08"),
    ("Dwa tygodnie temu spadł śnieg.", SATURDAY, "Dwa tygodnie temu", "2025-11-01"),
    ("Fabryka w ubiegłym roku zwolniła ludzi.", SATURDAY, "w ubiegłym roku", "2024"),
    ("Fabryka w zeszłym roku zwolniła ludzi.", "2022-11", "w zeszłym roku", "2021"),
    ("W tym roku obchodzimy jubileusz.", "2022-11", "W tym roku", "2022"),
    ("Plany tego roku są ambitne.", "2022-11", "tego roku", "2022"),
    ("Kandydat wygrał listopadowe wybory.", "2022-11", "listopadowe", "2022-11"),
    ("Wczoraj spadł deszcz.", SATURDAY, "Wczoraj", "2025-11-14"),
])
def test_expression_is_found_and_normalised(text: str, dct: str, span: str, value: str) -> None:
    t = only(text, dct)
    assert (t.text, t.value) == (span, value)
    assert t.on_timeline


def test_months_range_is_one_expression_valued_by_its_first_month() -> None:
    t = only("Na przełomie maja i czerwca minister odwiedził region.", "2022-11")
    assert (t.text, t.value, t.earliest, t.latest) == ("Na przełomie maja i czerwca", "2022-05",
                                                       "2022-05-01", "2022-06-30")


def test_quarter_is_its_year_with_the_quarter_as_window() -> None:
    t = only("W pierwszym kwartale 2023 r. eksport wzrósł.", SATURDAY)
    assert (t.value, t.earliest, t.latest) == ("2023", "2023-01-01", "2023-03-31")
    assert only("W III kwartale ubiegłego roku eksport spadł.", SATURDAY).latest == "2024-09-30"


def test_turn_of_two_years_is_one_span() -> None:
    t = only("Na przełomie 2022 i 2023 roku doszło do zmian.", SATURDAY)
    assert (t.value, t.earliest, t.latest) == ("2022", "2022-01-01", "2023-12-31")
    assert values("W 2019 i 2020 r. było cicho.", SATURDAY) == {"W 2019": "2019", "2020 r.": "2020"}


def test_part_of_a_year_is_the_year_with_the_part_as_window() -> None:
    t = only("W ciągu pierwszych dziewięciu miesięcy tego roku wysłano 80 tys. ton.", "2022-11")
    assert (t.value, t.earliest, t.latest) == ("2022", "2022-01-01", "2022-09-30")
    assert "dziewięciu" in t.text


def test_since_and_until_are_modifiers_not_other_dates() -> None:
    assert only("Od wtorku obowiązują nowe stawki.", SATURDAY).mod == "ON_OR_AFTER"
    assert only("Projekty zapowiedziano do 2027 roku.", SATURDAY).mod == "ON_OR_BEFORE"


def test_day_spans_are_intervals() -> None:
    assert values("Szczyt trwał 7-8 listopada.", SATURDAY) == {"7-8 listopada": "2025-11-07/2025-11-08"}
    assert values("Święto trwało od 1 do 3 maja.", SATURDAY) == {"od 1 do 3 maja": "2025-05-01/2025-05-03"}


def test_recently_is_the_month_of_the_document() -> None:
    t = only("Prezydent odbył niedawno wizytę w Rydze.", "2022-11")
    assert (t.value, t.mod) == ("2022-11", "APPROX")
    assert only("Prezydent odbył niedawno wizytę w Rydze.", SATURDAY).value == "2025-11"


def test_later_is_anchored_on_the_previous_date_not_the_document_date() -> None:
    found = find_timexes("Szczyt odbył się 13 października. Cztery tygodnie później premier poleciał do Rygi.",
                         "2023-12-08")
    assert [t.value for t in found] == ["2023-10-13", "2023-11-10"]
    assert found[1].mod == "APPROX"


# ---- tense picks the year or the week ------------------------------------------

def test_tense_decides_the_year_of_a_month_without_one() -> None:
    assert only("Posiedzenie odbyło się w maju.", "2024-11-15").value == "2024-05"
    assert only("Posiedzenie odbędzie się w maju.", "2024-11-15").value == "2025-05"


def test_tense_decides_the_week_of_a_weekday() -> None:
    assert only("W środę premier spotkał się z ministrami.", "2024-03-15").value == "2024-03-13"
    assert only("W przyszłą środę premier spotka się z ministrami.", "2024-03-15").value == "2024-03-20"


def test_a_date_set_for_later_is_ahead() -> None:
    assert only("Spotkanie zaplanowano na 12 stycznia.", "2024-12-20").value == "2025-01-12"


# ---- the document date: day, month only, inherited, none -------------------------

def test_month_only_document_puts_a_weekday_in_its_month_with_a_window() -> None:
    t = only("Prezydent przybył do stolicy w poniedziałek.", "2022-11")
    assert (t.value, t.mod) == ("2022-11", "APPROX")
    assert t.earliest is not None and t.latest is not None and t.earliest < "2022-11-01" <= t.latest
    assert t.note and "month" in t.note


def test_month_only_document_puts_a_week_ago_in_its_month() -> None:
    t = only("Spotkali się tydzień temu w Wilnie.", "2022-11")
    assert (t.value, t.mod) == ("2022-11", "APPROX")
    assert t.note and "month" in t.note


def test_inherited_date_resolves_like_the_articles_own() -> None:
    text = "Od wtorku obowiązują nowe stawki, a 7 listopada ogłoszono decyzję."
    assert values(text, SATURDAY) == {"Od wtorku": "2025-11-11", "7 listopada": "2025-11-07"}


def test_undated_document_keeps_the_year_unknown_and_never_borrows_one_from_the_text() -> None:
    found = find_timexes("W 1991 r. kraj uzyskał niepodległość. 3 listopada prezydent gościł przywódców.", None)
    assert [(t.text, t.value) for t in found] == [("W 1991 r.", "1991"), ("3 listopada", "XXXX-11-03")]
    assert not found[1].on_timeline


def test_undated_document_leaves_relative_dates_unresolved() -> None:
    for text in ("Tydzień temu spadł śnieg.", "Od wtorku obowiązują nowe stawki.", "W ubiegłym roku padało."):
        assert not any(t.on_timeline for t in find_timexes(text, None)), text


# ---- durations, sets and vague references never reach the timeline -----------

@pytest.mark.parametrize("text", [
    "Wojna trwająca od blisko czterech lat nie ustaje.",
    "Złoże wystarczy na najbliższe 50 lat.",
    "Spotkanie odbyło się niecałe 10 dni po wizycie.",
    "Kraje przyjaźnią się od lat.",
    "Od kilku lat rośnie handel.",
    "Z roku na rok rośnie handel.",
    "Jeszcze kilka dni temu było ciepło.",
    "W nadchodzących miesiącach ceny wzrosną.",
    "Obecnie trwają rozmowy.",
    "Urząd jest zamknięty w poniedziałki.",
])
def test_durations_and_vague_references_stay_off_the_timeline(text: str) -> None:
    found = find_timexes(text, SATURDAY)
    assert found, "the expression should still be recognised"
    assert not any(t.on_timeline for t in found), [(t.text, t.value) for t in found]


def test_duration_value_and_bound() -> None:
    t = only("Wojna trwająca od blisko czterech lat nie ustaje.", SATURDAY)
    assert (t.kind, t.value, t.mod) == ("DURATION", "P4Y", "LESS_THAN")


def test_today_in_quoted_speech_is_not_the_document_date() -> None:
    assert not only("„Dziś podpisujemy deklarację” – powiedział prezydent.", SATURDAY).on_timeline
    assert only("Dziś podpisano deklarację.", SATURDAY).value == SATURDAY


# ---- look-alikes ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Maj Kowalski powiedział, że Marzec to dobry trener.",
    "Posłanka Lipiec zabrała głos.",
    "Rozmawiałem z Marcem i z Lipcem o wyborach.",
    "Trasa liczy 7598 kilometrów.",
    "Kontrakt jest wart 28 mld dol.",
    "To 30 rocznica podpisania umowy.",
    "Szczyt w formacie C5+1 zakończył się sukcesem.",
    "Firma zatrudnia 2000 pracowników.",
    "Zobacz art. 15 r. ustawy i nr 2021 gazety.",
    "Posłanka Maja Nowak głosowała przeciw.",
])
def test_look_alikes_are_not_dates(text: str) -> None:
    assert [t for t in find_timexes(text, SATURDAY) if t.on_timeline] == []


def test_year_needs_year_context() -> None:
    assert values("W 2000 r. firma zatrudniała 500 osób, dziś 2000 osób.", SATURDAY) == {"W 2000 r.": "2000",
                                                                                      "dziś": SATURDAY}


def test_regions_limit_the_search() -> None:
    text = " date 2025-11-15 Nagłówek\nOd wtorku obowiązują stawki."
    body = (text.index("Nagłówek"), len(text))
    assert [t.text for t in find_timexes(text, SATURDAY, [body])] == ["Od wtorku"]


# ---- properties -------------------------------------------------------------------

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
_WORDS = st.sampled_from(
    "w we od do z na przełomie maja i czerwca 7 24 2021 2024 r. roku br. listopada lutego wtorku poniedziałek "
    "tydzień dwa tygodnie temu później ubiegłym zeszłym tego tym pierwszych dziewięciu miesięcy niedawno "
    "dziś wczoraj jutro lat dni od blisko czterech Maj Marzec 15.11.2025 31.02.2024 29 lutego 9999 lata "
    "„ ” - – , . ² ١٢ 0 00 1000 2199 2200 listopadowe poniedziałki co roku kilka kwartale pierwszym II przełomie".split()
)
_TEXTS = st.one_of(st.text(max_size=120), st.lists(_WORDS, max_size=25).map(" ".join))
_DATES = st.one_of(st.none(), st.sampled_from(["2025-11-15", "2022-11", "2022", "1000-01-01", "2199-12-31",
                                               "9999-12-31", "0001-01-01", "garbage", "2024-02-30"]))


def _valid(value: str) -> bool:
    if not _ISO.match(value):
        return False
    if "-W" in value:
        return 1 <= int(value[6:]) <= 53
    parts = [int(p) for p in value.split("-")]
    date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return True


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _DATES)
def test_find_timexes_never_raises_and_gives_valid_dates_at_real_offsets(text: str, doc_date: str | None) -> None:
    for t in find_timexes(text, doc_date):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        if t.on_timeline:
            assert _valid(t.value), t.value
        for bound in (t.earliest, t.latest):
            if bound is not None:
                assert date.fromisoformat(bound)


# ---- the words are data -----------------------------------------------------

def test_the_calendar_words_are_those_of_the_data_file() -> None:
    words = pl.vocabulary("temporal")
    assert (MONTHS, WEEKDAYS, UNITS) == (words.numbers("months"), words.numbers("weekdays"), words.labels("units"))
    for month, number in words.numbers("months").items():
        assert values(f"Umowę podpisano w {month} 2020 roku.", SATURDAY) == {
            f"w {month} 2020 roku": f"2020-{number:02d}"}
    for weekday, number in words.numbers("weekdays").items():
        t = only(f"Umowę podpisano w {weekday}.", SATURDAY)
        assert date.fromisoformat(t.value).weekday() == number


def _data_words(entry: object) -> list[str]:
    if isinstance(entry, dict):
        return list(entry)
    if isinstance(entry, list):
        return [w for item in entry for w in (_data_words(item) if isinstance(item, list) else [item])]
    return []


def test_no_word_of_the_data_file_is_written_in_the_engine() -> None:
    data = yaml.safe_load((pl.HERE / "temporal.yaml").read_text(encoding="utf-8"))
    words = {w for entry in data.values() for w in _data_words(entry)}
    literals = {node.value for path in Path(timex.__file__).parent.glob("*.py")
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert len(words) > 200 and not words & literals, sorted(words & literals)
