"""Dates in English and Russian articles, and only numeric ones in any other language."""
from __future__ import annotations

import pytest

from kzreader.reading.foreign.timex import find_timexes


def values(text: str, doc_date: str | None, lang: str) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, doc_date, [(0, len(text))], lang)}


def one(text: str, doc_date: str | None, lang: str):
    found = find_timexes(text, doc_date, [(0, len(text))], lang)
    assert len(found) == 1, found
    return found[0]


# ---- English ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("The minister will fly to Oslo on Oct. 3, 2021, officials said.", {"on Oct. 3, 2021": "2021-10-03"}),
    ("Talks stalled in August 2019 and resumed.", {"in August 2019": "2019-08"}),
    ("The fair runs on Aug 5-7, 2025 in Lyon.", {"on Aug 5-7, 2025": "2025-08-05/2025-08-07"}),
    ("A flood hit the valley on January 9.", {"on January 9": "2021-01-09"}),
    ("The cable was cut 21 March 2021 near the port.", {"21 March 2021": "2021-03-21"}),
])
def test_english_calendar_dates(text: str, want: dict[str, str]) -> None:
    assert values(text, "2021-02-10", "en") == want


def test_english_bare_month_takes_its_year_by_tense() -> None:
    # Written in October: a past June is this year's, a June ahead next year's.
    assert values("The mayor resigned in June, aides recalled.", "2021-10-04", "en") == {"in June": "2021-06"}
    assert values("The mayor will resign in June, aides say.", "2021-10-04", "en") == {"in June": "2022-06"}


def test_english_day_range_near_the_document_date_keeps_its_year() -> None:
    t = one("A congress will be held from April 8-9 in Porto.", "2023-03-30", "en")
    assert (t.text, t.value, t.mod) == ("from April 8-9", "2023-04-08/2023-04-09", "ON_OR_AFTER")


@pytest.mark.parametrize(("text", "want"), [
    ("The mayor spoke on Tuesday about water.", "2023-03-28"),
    ("The mayor told reporters Tuesday that water was scarce.", "2023-03-28"),
    ("The mayor will speak on Tuesday about water.", "2023-04-04"),
    ("The mayor spoke last Thursday about water.", "2023-03-23"),
])
def test_english_weekdays_from_the_document_date(text: str, want: str) -> None:
    # The document is of Thursday 30 March 2023.
    assert list(values(text, "2023-03-30", "en").values()) == [want]


def test_english_weekday_that_repeats_or_opens_a_name_is_no_date() -> None:
    assert values("Markets close every Friday. Good Friday is a holiday.", "2023-03-30", "en") == {}


@pytest.mark.parametrize(("text", "want"), [
    ("Prices rose last year.", ("last year", "2022", "year")),
    ("This year the port reopens.", ("This year", "2023", "year")),
    ("Storms hit the coast earlier this week.", ("earlier this week", "2023-W13", "week")),
    ("Sales fell last month.", ("last month", "2023-02", "month")),
    ("Earlier in the day, the mayor resigned.", ("Earlier in the day", "2023-03-30", "day")),
    ("The bridge opened yesterday.", ("yesterday", "2023-03-29", "day")),
    ("The dam burst two years ago.", ("two years ago", "2021", "year")),
    ("The mill burned last May.", ("last May", "2022-05", "month")),
])
def test_english_relative_dates(text: str, want: tuple[str, str, str]) -> None:
    t = one(text, "2023-03-30", "en")
    assert (t.text, t.value, t.granularity) == want


def test_english_bounds_and_parts() -> None:
    text = "A plan runs until 2040; works will start in early July and end by mid-2026."
    got = {t.text: (t.value, t.mod) for t in find_timexes(text, "2023-03-30", [(0, len(text))], "en")}
    assert got == {"until 2040": ("2040", "ON_OR_BEFORE"), "in early July": ("2023-07", "START"),
                   "by mid-2026": ("2026", "MID")}


def test_english_ordinal_days_and_parts_named_by_a_phrase() -> None:
    text = "The fair opened on July 4th and the road closes at the end of June 2024."
    got = {t.text: (t.value, t.mod) for t in find_timexes(text, "2023-03-30", [(0, len(text))], "en")}
    assert got == {"on July 4th": ("2022-07-04", None), "at the end of June 2024": ("2024-06", "END")}


def test_english_words_that_only_look_like_dates() -> None:
    text = "It may rain. Over the last year prices doubled. About 2000 people came. March on!"
    assert values(text, "2023-03-30", "en") == {}


def test_english_today_in_quoted_speech_is_the_day_it_was_said() -> None:
    t = one('"Nobody knows what tomorrow brings," he said.', "2023-03-30", "en")
    assert (t.text, t.value) == ("tomorrow", "FUTURE_REF")


def test_english_document_dated_only_to_the_month() -> None:
    t = one("The mayor spoke on Tuesday about water.", "2023-03", "en")
    assert (t.value, t.granularity, t.mod) == ("2023-03", "month", "APPROX")
    assert t.earliest == "2023-02-23" and t.latest == "2023-03-31"


def test_english_document_without_a_date_keeps_the_year_unknown() -> None:
    assert values("A flood hit the valley on January 9.", None, "en") == {"on January 9": "XXXX-01-09"}


# ---- Russian ----------------------------------------------------------------
@pytest.mark.parametrize(("text", "want"), [
    ("Мэр заявил в среду, что мост закрыт.", {"в среду": "2023-03-29"}),
    ("Во вторник прошёл митинг.", {"Во вторник": "2023-03-28"}),
    ("Выставка пройдёт в пятницу.", {"в пятницу": "2023-03-31"}),
    ("В прошлую субботу шёл снег.", {"В прошлую субботу": "2023-03-25"}),
])
def test_russian_weekdays_in_every_case(text: str, want: dict[str, str]) -> None:
    # The document is of Thursday 30 March 2023.
    assert values(text, "2023-03-30", "ru") == want


@pytest.mark.parametrize(("text", "want"), [
    ("Завод открыли 14 февраля 2020 года.", {"14 февраля 2020 года": "2020-02-14"}),
    ("Завод открыли 14 февраля.", {"14 февраля": "2023-02-14"}),
    ("Завод открыли в феврале.", {"в феврале": "2023-02"}),
    ("Завод закрыли в конце мая 2019 г. навсегда.", {"в конце мая 2019 г.": "2019-05"}),
    ("Фестиваль состоится 6–8 мая.", {"6–8 мая": "2023-05-06/2023-05-08"}),
    ("Завод построили в 2011 году, а цех — к 2015 году.", {"в 2011 году": "2011", "к 2015 году": "2015"}),
    ("Отчёт за март 2022 года вышел.", {"март 2022 года": "2022-03"}),
    ("Письмо от 03.02.2023 пришло.", {"03.02.2023": "2023-02-03"}),
    ("Встреча прошла 14-го марта.", {"14-го марта": "2023-03-14"}),
])
def test_russian_calendar_dates(text: str, want: dict[str, str]) -> None:
    assert values(text, "2023-03-30", "ru") == want


@pytest.mark.parametrize(("text", "want"), [
    ("На прошлой неделе шли дожди.", ("На прошлой неделе", "2023-W12")),
    ("В прошлом году урожай был плохим.", ("В прошлом году", "2022")),
    ("В этом году урожай хороший.", ("В этом году", "2023")),
    ("Вчера шёл дождь.", ("Вчера", "2023-03-29")),
    ("Сегодня тепло.", ("Сегодня", "2023-03-30")),
    ("Мост построили пять лет назад.", ("пять лет назад", "2018")),
])
def test_russian_relative_dates(text: str, want: tuple[str, str]) -> None:
    t = one(text, "2023-03-30", "ru")
    assert (t.text, t.value) == want


def test_russian_weekday_noun_in_another_sense_is_no_date() -> None:
    assert values("В среде экспертов спорят о мае.", "2023-03-30", "ru") == {}


# ---- any other language -------------------------------------------------------
def test_an_unknown_language_yields_only_numeric_dates() -> None:
    text = "Stretnutie bolo v piatok 12. mája 2024, zápisnica 2024-05-14, podpis 15.05.2024, faktúra 3/4/2024."
    assert values(text, "2024-05-20", "sk") == {"2024-05-14": "2024-05-14", "15.05.2024": "2024-05-15"}


def test_only_the_regions_are_read() -> None:
    text = "Menu 2024-05-01. The port opened on May 2, 2024."
    found = find_timexes(text, "2024-05-20", [(16, len(text))], "en")
    assert [t.text for t in found] == ["on May 2, 2024"]


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("They met in June last year.", "en", {"in June last year": ("2022-06", None)}),
    ("Since last year, prices rose.", "en", {"Since last year": ("2022", "ON_OR_AFTER")}),
    ("Встреча прошла в мае прошлого года.", "ru", {"в мае прошлого года": ("2022-05", None)}),
    ("С прошлой недели тихо.", "ru", {"С прошлой недели": ("2023-W12", "ON_OR_AFTER")}),
])
def test_a_moved_year_after_a_month_and_bounds_of_moved_periods(text: str, lang: str, want: dict) -> None:
    got = {t.text: (t.value, t.mod) for t in find_timexes(text, "2023-03-30", [(0, len(text))], lang)}
    assert got == want
