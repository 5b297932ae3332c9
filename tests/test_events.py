"""Events built from temporal expressions, and the links between them."""
from __future__ import annotations


import pytest

from kzreader import language
from kzreader.language import pl
from kzreader.reading import links as links_module
from kzreader.reading.annotations import Entity, Event, Mention
from kzreader.reading.events import build_events
from kzreader.reading.links import link_events
from kzreader.reading.timex import find_timexes

# Invented people, places and figures; each entity lists the surface forms to find.
PEOPLE = {
    "person:jan nowak": ("Jan Nowak", "person", ["Jan Nowak", "Jana Nowaka", "Nowak", "Nowaka"]),
    "person:piotr kowal": ("Piotr Kowal", "person", ["Piotrem Kowalem", "Piotr Kowal", "Kowalem"]),
    "place:wilno": ("Wilno", "place", ["Wilna", "Wilnie", "Wilno"]),
    "place:ryga": ("Ryga", "place", ["Rydze", "Rygi", "Ryga"]),
    "place:gdańsk": ("Gdańsk", "place", ["Gdańsku"]),
    "place:praga": ("Praga", "place", ["Pradze"]),
    "place:białoruś": ("Białoruś", "place", ["Białorusi", "Białoruś"]),
    "money:2.4e10:USD": ("24 mld dol.", "money", ["24 mld dol."]),
    "money:2.45e10:USD": ("24,5 mld dol.", "money", ["24,5 mld dol."]),
    "money:2.8e10:USD": ("28 mld dol.", "money", ["28 mld dol."]),
}


def entities_in(text: str) -> list[Entity]:
    out = []
    for key, (name, kind, forms) in PEOPLE.items():
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            start = text.find(form)
            while start >= 0:
                if not any(m.start <= start < m.end for m in mentions):
                    mentions.append(Mention(start, start + len(form), form))
                start = text.find(form, start + 1)
        if mentions:
            out.append(Entity(key=key, name=name, type=kind, mentions=mentions))  # type: ignore[arg-type]
    return out


def events_of(article: str, text: str, doc_date: str | None) -> list[Event]:
    return build_events(article, text, find_timexes(text, doc_date), entities_in(text))


def relations(events: list[Event]) -> dict[tuple[str, str], str]:
    return {(ev.id, lk.event): lk.relation for ev in events for lk in ev.links}


# ---- building ------------------------------------------------------------------

def test_one_event_per_calendar_date_and_none_for_durations() -> None:
    text = ("Od trzech lat trwają rozmowy. Jan Nowak przybył do Wilna 7 listopada. "
            "Z roku na rok rośnie handel, a w 2021 r. wyniósł 24 mld dol.")
    events = events_of("a1", text, "2025-11-15")
    assert [(e.id, e.date, e.text) for e in events] == [("a1#1", "2025-11-07", "7 listopada"),
                                                         ("a1#2", "2021", "w 2021 r.")]


def test_event_carries_its_sentence_entities_keywords_and_label() -> None:
    text = "Rząd obradował. 7 listopada Jan Nowak przybył do Wilna, gdzie rozmawiał z Piotrem Kowalem."
    (ev,) = events_of("a1", text, "2025-11-15")
    assert ev.sentence == text[ev.sentence_start:ev.sentence_end]
    assert ev.sentence.startswith("7 listopada Jan Nowak przybył")
    assert set(ev.entities) == {"person:jan nowak", "place:wilno", "person:piotr kowal"}
    assert ev.keywords[0] == "przybyć"
    assert "Wilno" in ev.keywords
    assert ev.label.startswith("Jan Nowak przybył do Wilna")


def test_sentence_cut_at_the_dates_abbreviation_is_rejoined() -> None:
    (ev,) = events_of("a1", "W 2019 r. Jan Nowak spotkał się z Piotrem Kowalem.", "2024-06-01")
    assert ev.sentence.endswith("Kowalem.")
    assert ev.keywords[0] == "spotkać"


def test_sentence_without_people_borrows_them_from_the_next_one() -> None:
    text = "Od wtorku stosunki weszły na nowy poziom. Jan Nowak udał się do Wilna."
    (ev,) = events_of("a1", text, "2025-11-15")
    assert "person:jan nowak" in ev.entities


def test_unknown_year_stays_in_the_data_with_its_unresolved_value() -> None:
    (ev,) = events_of("a1", "3 listopada Jan Nowak gościł przywódców.", None)
    assert ev.date == "XXXX-11-03"


def test_a_comparison_baseline_is_not_an_event() -> None:
    text = "Eksport wzrósł ośmiokrotnie w porównaniu z ubiegłym rokiem."
    assert events_of("a1", text, "2022-11") == []


# ---- linking -------------------------------------------------------------------

def test_same_visit_reported_by_two_articles_with_different_words() -> None:
    a = events_of("a", "Jan Nowak przybył do Wilna w poniedziałek.", "2022-11")
    b = events_of("b", "Jan Nowak odbył niedawno pierwszą wizytę zagraniczną.", "2022-11")
    link_events(a + b)
    assert relations(a + b) == {("a#1", "b#1"): "same", ("b#1", "a#1"): "same"}
    assert any("nowak" in r for r in a[0].links[0].reasons)


def test_within_one_article_only_exact_days_make_one_event() -> None:
    vague = events_of("a", "Jan Nowak odbył niedawno wizytę zagraniczną. Jan Nowak udał się do Pragi, gdzie we "
                           "wtorek spotkał się z Piotrem Kowalem.", "2022-11")
    link_events(vague)
    assert relations(vague) == {}
    exact = events_of("b", "Przed spotkaniem w Wilnie 9 listopada Jan Nowak podkreślił znaczenie handlu. "
                           "Szczyt z udziałem Nowaka zakończył się 9 listopada podpisaniem umowy.", "2023-12-08")
    link_events(exact)
    assert relations(exact)[("b#1", "b#2")] == "same"


def test_linking_again_replaces_links_instead_of_adding_to_them() -> None:
    a = events_of("a", "Jan Nowak przybył do Wilna w poniedziałek.", "2022-11")
    b = events_of("b", "Jan Nowak odbył niedawno pierwszą wizytę zagraniczną.", "2022-11")
    link_events(a + b)
    first = relations(a + b)
    link_events(a + b)
    assert relations(a + b) == first and len(a[0].links) == 1


def test_same_figure_for_the_same_year_despite_rounding() -> None:
    a = events_of("a", "Wymiana handlowa wyniosła 24 mld dol. w 2021 r.", "2025-11-15")
    b = events_of("b", "Wolumen wymiany handlowej osiągnął w zeszłym roku 24,5 mld dol.", "2022-11")
    link_events(a + b)
    assert relations(a + b)[("a#1", "b#1")] == "same"


def test_one_event_with_dates_that_cannot_both_hold_is_a_conflict() -> None:
    a = events_of("a", "W czerwcu na forum gospodarczym Jan Nowak oświadczył w obecności gości, "
                       "że nie uzna wyniku.", "2022-11")
    b = events_of("b", "Dwa tygodnie temu na forum gospodarczym w Rydze Jan Nowak zadeklarował w obecności "
                       "gości, że nie uzna wyniku.", "2022-11")
    link_events(a + b)
    found = relations(a + b)
    assert found[("a#1", "b#1")] == found[("b#1", "a#1")] == "conflict"
    assert any("2022-06" in r and "disagree" in r for r in a[0].links[0].reasons)


def test_same_people_on_another_occasion_are_related_never_the_same() -> None:
    a = events_of("a", "W 2019 r. Jan Nowak spotkał się z Piotrem Kowalem w Gdańsku na szczycie.", "2024-06-01")
    b = events_of("b", "W maju 2024 r. Jan Nowak spotkał się z Piotrem Kowalem w Gdańsku na szczycie.", "2024-06-01")
    link_events(a + b)
    assert relations(a + b) == {("a#1", "b#1"): "related", ("b#1", "a#1"): "related"}


def test_a_strong_match_years_apart_is_another_occasion_not_a_conflict() -> None:
    a = events_of("a", "W czerwcu 2019 r. na forum gospodarczym Jan Nowak oświadczył w obecności gości, "
                       "że nie uzna wyniku.", "2022-11")
    b = events_of("b", "Dwa tygodnie temu na forum gospodarczym w Rydze Jan Nowak zadeklarował w obecności "
                       "gości, że nie uzna wyniku.", "2022-11")
    link_events(a + b)
    assert relations(a + b)[("a#1", "b#1")] == "related"


def test_first_visit_years_apart_is_not_the_same_visit() -> None:
    a = events_of("a", "Jan Nowak odbył w 2019 r. pierwszą wizytę zagraniczną jako prezydent w Wilnie.", "2022-11")
    b = events_of("b", "Jan Nowak przybył do Wilna w poniedziałek, to pierwsza wizyta po reelekcji.", "2022-11")
    link_events(a + b)
    assert all(rel not in ("same", "conflict") for rel in relations(a + b).values())


def test_different_places_in_the_same_month_are_different_events() -> None:
    a = events_of("a", "Jan Nowak przybył do Wilna w poniedziałek.", "2022-11")
    b = events_of("b", "Jan Nowak udał się do Pragi, gdzie we wtorek spotkał się z Piotrem Kowalem.", "2022-11")
    link_events(a + b)
    assert relations(a + b) == {}


def test_trade_volumes_of_different_years_are_a_series() -> None:
    a = events_of("a", "Wymiana handlowa wyniosła 24 mld dol. w 2021 r.", "2025-11-15")
    b = events_of("b", "Wymiana handlowa osiągnęła 28 mld dol. w 2024 r.", "2025-11-15")
    link_events(a + b)
    assert relations(a + b)[("a#1", "b#1")] == "related"


def test_a_near_duplicate_repeats_its_original_and_links_only_through_it() -> None:
    original = "Jan Nowak przybył do Wilna w poniedziałek."
    a = events_of("orig", original, "2022-11")
    copy = events_of("copy", original, "2022-11")
    other = events_of("other", "Jan Nowak odbył niedawno pierwszą wizytę zagraniczną.", "2022-11")
    link_events(a + copy + other, {"copy": "orig"})
    found = relations(a + copy + other)
    assert found[("copy#1", "orig#1")] == "same"
    assert found[("orig#1", "other#1")] == "same"
    assert ("copy#1", "other#1") not in found


def test_linking_is_near_linear_and_not_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of events about one person: pairs judged grow with events x neighbours, not events squared."""
    judged = 0
    judge = links_module._Linker.judge

    def counting(self: links_module._Linker, a: object, b: object, explain: bool = True) -> object:
        nonlocal judged
        judged += 1
        return judge(self, a, b, explain)

    monkeypatch.setattr(links_module._Linker, "judge", counting)
    n = 3000
    many = [Event(id=f"a{i}#1", article=f"a{i}", date=f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}", text="x",
                  start=0, end=1, entities=["person:jan nowak", f"place:p{i % 50}"],
                  keywords=["spotkać", f"słowo{i % 7}"], sentence=f"zdanie {i % 40}") for i in range(n)]
    link_events(many)
    assert judged <= n * 3 * links_module._NEIGHBOURS < n * (n - 1) // 2


def test_a_story_retold_in_many_articles_stays_joined_with_few_links_each() -> None:
    text = "Jan Nowak przybył do Wilna 7 listopada i spotkał się z Piotrem Kowalem."
    events = [ev for n in range(80) for ev in events_of(f"r{n:02d}", text, "2025-11-15")]
    link_events(events)
    assert max(len(ev.links) for ev in events) <= 40
    parent = {ev.id: ev.id for ev in events}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for ev in events:
        for lk in ev.links:
            if lk.relation == "same":
                parent[root(ev.id)] = root(lk.event)
    assert len({root(ev.id) for ev in events}) == 1


def test_the_kinds_of_happening_are_read_from_the_data_files_of_every_language() -> None:
    """`przybył do Wilna` and `wizyta w Wilnie` are one kind because language/pl/events.yaml says so; an English
    `visit` and a Russian `визит` are that kind too, so reports in two languages compare."""
    every = [(kind, lemma) for code in language.CODES
             for kind, lemmas in language.get(code).vocabulary("events").groups("classes").items() for lemma in lemmas]
    assert {"przybyć", "wizyta"} <= set(pl.vocabulary("events").groups("classes")["visit"])
    assert links_module._CLASS_OF == {lemma: kind for kind, lemma in every}
    assert len(links_module._CLASS_OF) == len(set(every)), "a lemma belongs to one kind"
    assert links_module._CLASS_OF["visit"] == links_module._CLASS_OF["визит"] == links_module._CLASS_OF["wizyta"]


def test_a_comparison_is_told_by_its_phrase_not_by_one_of_its_words() -> None:
    relations = "Od nawiązania stosunków dyplomatycznych w 1992 r. Kazachstan i Chiny podpisały wiele umów."
    baseline = "Eksport wzrósł o 20 proc. w stosunku do 2020 r., podała agencja."
    dated = [e.date for e in build_events("a", relations, find_timexes(relations, "2024-07-04", None), [])]
    compared = build_events("b", baseline, find_timexes(baseline, "2024-07-04", None), [])
    assert dated == ["1992"] and compared == []
