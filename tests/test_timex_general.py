"""Temporal expressions of real news that the first rules missed: spans, years by proximity, anaphora.

Every text here is made up; each test fails without the mechanism it names.
"""
from __future__ import annotations

from kzreader.reading.timex import find_timexes


def values(text: str, doc_date: str | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, doc_date)]


# ---- spans ------------------------------------------------------------------

def test_a_span_of_days_is_an_interval_whose_year_fits_its_end() -> None:
    # Under way on the document's day: the future tense does not push it a year ahead.
    found = find_timexes("W dniach 4–6 marca minister odwiedzi Wilno.", "2023-03-05")
    assert [(t.value, t.granularity, t.earliest, t.latest) for t in found] == [
        ("2023-03-04/2023-03-06", "interval", "2023-03-04", "2023-03-06")]


def test_a_span_of_years_is_an_interval() -> None:
    assert values("Fabryka powstanie w latach 2026-2028.", "2025-02") == [("w latach 2026-2028", "2026/2028")]


# ---- the year of a day and month ---------------------------------------------

def test_a_day_near_the_document_date_keeps_its_year_whatever_the_tense() -> None:
    assert values("Rozmowy zapowiedziano wczoraj, a ministrowie spotkali się 28 kwietnia.", "2021-04-20") == [
        ("wczoraj", "2021-04-19"), ("28 kwietnia", "2021-04-28")]
    # Far from it, the tense still decides.
    assert values("Ministrowie spotkali się 28 sierpnia.", "2021-04-20") == [("28 sierpnia", "2020-08-28")]


def test_last_year_abbreviated() -> None:
    assert values("Most zamknięto 3 czerwca ub.r. po powodzi.", "2019-06-10") == [("3 czerwca ub.r.", "2018-06-03")]
    assert values("Decyzję ogłoszono w lutym ub. r. w stolicy.", "2019-06-10") == [("w lutym ub. r.", "2018-02")]


# ---- now ----------------------------------------------------------------------

def test_now_dates_an_act_told_in_the_past_tense_on_the_documents_day() -> None:
    assert values("Teraz raport w tej sprawie ogłosił rzecznik.", "2020-10-07") == [("Teraz", "2020-10-07")]
    assert values("Teraz trwają negocjacje.", "2020-10-07") == [("Teraz", "PRESENT_REF")]
    quoted = values("Wcześniej było spokojnie. – Teraz ogłosiliśmy decyzję – mówił rzecznik.", "2020-10-07")
    assert quoted[-1] == ("Teraz", "PRESENT_REF")


# ---- weekdays -------------------------------------------------------------------

def test_an_adjective_of_a_weekday_is_dated_like_the_weekday() -> None:
    assert values("Premier mówił o tym podczas czwartkowego posiedzenia rządu.", "2022-03-12") == [
        ("czwartkowego", "2022-03-10")]


def test_a_weekday_in_a_month_dated_text_takes_the_day_the_text_named_for_it() -> None:
    text = "W piątek 11 lutego doszło do awarii. Prezes przeprosił w piątkowym oświadczeniu."
    assert values(text, "2022-02") == [("11 lutego", "2022-02-11"), ("piątkowym", "2022-02-11")]


def test_a_weekday_before_the_day_the_text_names_for_it_takes_that_day_too() -> None:
    text = ("We wtorek wojsko zamknęło drogę. "
            "Rzecznik podał po południu, że 7 marca 2023 r. wszystko wróciło do normy.")
    assert values(text, "2023-03") == [("We wtorek", "2023-03-07"), ("po południu", "2023-03-07"),
                                        ("7 marca 2023 r.", "2023-03-07")]


# ---- pointing back at a date given ---------------------------------------------------

def test_that_same_day_takes_the_last_day_given_not_a_year_between() -> None:
    text = ("Most otwarto 9 października. Pracował tam też w 2019 r. "
            "Tego samego dnia burmistrz przeciął wstęgę. Tego wieczoru odbył się koncert.")
    assert values(text, "2020-10-12") == [("9 października", "2020-10-09"), ("w 2019 r.", "2019"),
                                          ("Tego samego dnia", "2020-10-09"), ("Tego wieczoru", "2020-10-09")]


def test_in_that_time_needs_same_to_point_back() -> None:
    text = "Pożar wybuchł 2 maja. W tym samym czasie ewakuowano szpital. W tym czasie padał deszcz."
    assert values(text, "2024-05-06") == [("2 maja", "2024-05-02"), ("W tym samym czasie", "2024-05-02")]


def test_a_moment_before_is_the_day_of_the_last_date() -> None:
    text = ("Pociąg wykoleił się 14 stycznia pod Radomiem. Chwilę wcześniej maszynista zgłosił usterkę. "
            "Wcześniej kursował bez przeszkód.")
    assert values(text, "2024-01-20") == [("14 stycznia", "2024-01-14"), ("Chwilę wcześniej", "2024-01-14")]


def test_an_event_noun_takes_the_date_of_the_clause_that_dated_that_event() -> None:
    text = ("W dniach 8–9 czerwca w Rydze odbył się zjazd partii. W trakcie wydarzenia wybrano prezesa. "
            "Prezes odwiedzi Tallin 12 czerwca. Przy okazji zjazdu podpisano porozumienie. "
            "Na granicy panował spokój. Podczas spotkania omówiono budżet.")
    assert values(text, "2023-06-10") == [
        ("8–9 czerwca", "2023-06-08/2023-06-09"), ("W trakcie wydarzenia", "2023-06-08/2023-06-09"),
        ("12 czerwca", "2023-06-12"), ("Przy okazji zjazdu", "2023-06-08/2023-06-09")]


def test_an_event_dated_in_a_relative_clause_names_the_noun_before_it() -> None:
    text = "Policja podała bilans zamieszek, jakie miały miejsce 3 lipca. W czasie zamieszek zatrzymano 40 osób."
    assert values(text, "2022-07-10")[-1] == ("W czasie zamieszek", "2022-07-03")


def test_an_event_noun_in_another_clause_than_the_date_is_not_that_event() -> None:
    text = "Ich spotkania odbywają się często, tym razem widzieli się 5 marca. Podczas spotkania mówiono o handlu."
    assert values(text, "2022-03-20") == [("5 marca", "2022-03-05")]


def test_a_part_of_the_day_takes_the_day_of_the_last_date() -> None:
    text = ("Pożar wybuchł 4 kwietnia. Strażacy informowali po południu o opanowaniu ognia. "
            "W wieczornym komunikacie policja podała przyczynę. Na południu kraju padało. Poranna kawa stygnie.")
    assert values(text, "2024-04-08") == [("4 kwietnia", "2024-04-04"), ("po południu", "2024-04-04"),
                                          ("wieczornym", "2024-04-04")]


def test_a_day_written_as_an_ordinal_word() -> None:
    day = "2024-07-05"
    assert values("Piątego maja 2024 r. prezydent przyjechał do Astany.", day) == [
        ("Piątego maja 2024 r.", "2024-05-05")]
    assert values("Szczyt zaplanowano na dwudziestego pierwszego czerwca.", day) == [
        ("na dwudziestego pierwszego czerwca", "2024-06-21")]
    assert values("Był to piąty maj z rzędu, a drugiego dnia wizyty padał deszcz.", day) == []


def test_a_part_of_a_bare_period_is_of_the_documents_own() -> None:
    def modded(text: str) -> list[tuple[str, str, str | None]]:
        return [(t.text, t.value, t.mod) for t in find_timexes(text, "2024-07-05")]

    assert modded("Na początku roku wzrosły ceny.") == [("Na początku roku", "2024", "START")]
    assert modded("Pod koniec miesiąca podpisano umowę.") == [("Pod koniec miesiąca", "2024-07", "END")]
    assert modded("W połowie roku 2023 zaczęto budowę.") == [("W połowie roku 2023", "2023", "MID")]
    assert modded("W ciągu roku wzrosły ceny.") == []
