"""Links across outlets: days named by weekdays, weak shared participants, sentences that point back, stories."""
from __future__ import annotations

from kzreader.reading.links import link_events
from tests.test_events import events_of, relations


def test_a_tuesday_and_a_thursday_of_one_month_are_different_days() -> None:
    a = events_of("a", "Jan Nowak przyjechał we wtorek do Wilna na rozmowy o handlu.", "2022-11")
    b = events_of("b", "Jan Nowak przyjechał w czwartek do Wilna na rozmowy o handlu.", "2022-11")
    link_events(a + b)
    assert "same" not in relations(a + b).values()
    c = events_of("c", "Jan Nowak przyjechał we wtorek do Wilna na rozmowy o handlu.", "2022-11")
    link_events(a + c)
    assert relations(a + c)[("a#1", "c#1")] == "same"


def test_a_weekday_outside_an_interval_is_another_day() -> None:
    a = events_of("a", "Jan Nowak przyjechał we wtorek do Wilna na rozmowy o handlu.", "2024-07")
    b = events_of("b", "W dniach 3-4 lipca Jan Nowak przyjechał do Wilna na rozmowy o handlu.", "2024-07-05")
    link_events(a + b)
    assert "same" not in relations(a + b).values()


def test_one_shared_country_and_one_word_do_not_make_one_fact() -> None:
    a = events_of("a", "W czerwcu 2023 r. w Wilnie podpisano umowę o współpracy kolei.", "2023-07-01")
    b = events_of("b", "W czerwcu 2023 r. w Wilnie zakończono festiwal teatrów, mówiono o współpracy.", "2023-07-01")
    link_events(a + b)
    assert relations(a + b) == {}


def test_a_sentence_that_points_back_takes_its_content_from_the_one_before() -> None:
    text = "Dwa śmigłowce naruszyły przestrzeń powietrzną nad Wilnem. Miało to miejsce 1 sierpnia."
    (ev,) = events_of("a", text, "2023-08-03")
    assert ev.date == "2023-08-01"
    assert "śmigłowiec" in ev.keywords


def test_the_same_fact_in_two_different_years_is_a_series_not_a_conflict() -> None:
    a = events_of("a", "Jan Nowak został w 2022 r. głównym partnerem handlowym Wilna.", "2024-07-01")
    b = events_of("b", "Jan Nowak został w 2023 r. głównym partnerem handlowym Wilna.", "2024-07-01")
    link_events(a + b)
    assert "conflict" not in relations(a + b).values()


def test_a_happening_and_the_next_days_reaction_are_one_story() -> None:
    a = events_of("a", "Jan Nowak i Piotr Kowal podpisali 7 listopada w Wilnie umowę o budowie mostu.", "2025-11-15")
    b = events_of("b", "Jan Nowak i Piotr Kowal 8 listopada bronili w Wilnie umowy o budowie mostu.", "2025-11-15")
    link_events(a + b)
    assert relations(a + b)[("a#1", "b#1")] == "story"


def test_two_facts_of_one_article_sharing_a_person_and_a_verb_are_not_one() -> None:
    text = "Jan Nowak otworzył 7 listopada most na Wilii. Wieczorem 7 listopada Jan Nowak otworzył wystawę w muzeum."
    events = events_of("a", text, "2025-11-15")
    link_events(events)
    assert len(events) == 2 and relations(events) == {}


def test_a_country_named_by_its_adjective_or_its_people_is_the_country() -> None:
    a = events_of("a", "Dwa białoruskie śmigłowce naruszyły 1 sierpnia przestrzeń powietrzną nad Sejnami.",
                  "2023-08-02")
    b = events_of("b", "Śmigłowce Białorusi naruszyły 1 sierpnia przestrzeń powietrzną, podało wojsko.",
                  "2023-08-02")
    link_events(a + b)
    assert "same" in relations(a + b).values()


def test_a_noun_and_the_verb_of_its_root_tell_one_fact() -> None:
    a = events_of("a", "Jan Nowak potwierdził 7 listopada naruszenie.", "2025-11-15")
    b = events_of("b", "Jan Nowak ogłosił 7 listopada, że umowy naruszono.", "2025-11-15")
    link_events(a + b)
    assert relations(a + b).get(("a#1", "b#1")) == "same"


def test_fighting_at_one_place_over_days_and_its_toll_are_one_story() -> None:
    a = events_of("a", "W piątek 16 września na granicy w Rydze doszło do starć, Ryga ostrzelała posterunki.",
                  "2022-09-20")
    b = events_of("b", "Ryga i Wilno walczą od tygodnia. W Rydze nie ma spokoju, Rygi nikt nie broni. "
                       "W niedzielę 18 września podano, że liczba ofiar wzrosła do 71.", "2022-09-20")
    link_events(a + b)
    assert relations(a + b).get(("a#1", "b#1")) == "story"


def test_fighting_in_two_places_or_a_week_apart_is_not_one_story() -> None:
    a = events_of("a", "W piątek 16 września w Rydze doszło do starć.", "2022-09-30")
    b = events_of("b", "W piątek 23 września w Rydze doszło do starć.", "2022-09-30")
    c = events_of("c", "W niedzielę 18 września w Gdańsku doszło do starć.", "2022-09-30")
    link_events(a + b + c)
    assert relations(a + b + c) == {}


def test_a_phone_call_is_not_the_summit_of_the_same_people() -> None:
    a = events_of("a", "Jan Nowak i Piotr Kowal rozmawiają na szczycie w Gdańsku trwającym do piątku.", "2022-09")
    b = events_of("b", "Jan Nowak rozmawiał 18 września z Piotrem Kowalem w rozmowie telefonicznej.", "2022-09-20")
    link_events(a + b)
    assert "same" not in relations(a + b).values()


def test_an_explosion_and_a_missile_that_fell_at_one_village_are_one_story() -> None:
    a = events_of("a", "We wtorek 15 listopada w Rydze doszło do eksplozji.", "2022-11-16")
    b = events_of("b", "We wtorek w Rydze spadł pocisk.", "2022-11")
    link_events(a + b)
    assert relations(a + b).get(("a#1", "b#1")) == "story"


def test_fighting_on_a_weekday_other_than_the_day_the_other_names_is_not_its_story() -> None:
    a = events_of("a", "We wtorek 15 listopada w Rydze doszło do eksplozji.", "2022-11-16")
    b = events_of("b", "W czwartek w Rydze spadł pocisk.", "2022-11")
    link_events(a + b)
    assert relations(a + b) == {}


def test_fighting_since_a_weekday_names_the_day_it_began() -> None:
    a = events_of("a", "Od środy, kiedy rozgorzał konflikt na granicy w Rydze, zginęły trzy osoby.", "2022-09")
    b = events_of("b", "W niedzielę 18 września w Rydze liczba ofiar wzrosła do 71.", "2022-09-20")
    link_events(a + b)
    assert relations(a + b).get(("a#1", "b#1")) == "story"


def test_two_places_and_one_word_on_a_weekday_both_name_are_one_fact() -> None:
    a = events_of("a", "Władze Rygi oznajmiły, że rozmowy z władzami Wilna odbędą się w czwartek.", "2023-09")
    b = events_of("b", "Rozmowy Rygi i Wilna o przyszłości mieszkańców mają się rozpocząć w czwartek.", "2023-09")
    link_events(a + b)
    assert relations(a + b).get(("a#1", "b#1")) == "same"
    c = events_of("c", "Władze Rygi oznajmiły, że rozmowy z władzami Wilna odbędą się we wrześniu.", "2023-08")
    d = events_of("d", "Rozmowy Rygi i Wilna o przyszłości mieszkańców mają się rozpocząć we wrześniu.", "2023-08")
    link_events(c + d)
    assert relations(c + d) == {}


def test_a_sentence_dated_by_pointing_back_and_naming_nothing_goes_on_with_that_story() -> None:
    text = "Jan Nowak przyjechał 2 lipca do Wilna. Tego samego wieczoru zjedli uroczystą kolację."
    events = events_of("a", text, "2024-07-05")
    link_events(events)
    assert [e.date for e in events] == ["2024-07-02", "2024-07-02"]
    assert relations(events).get(("a#1", "a#2")) == "story"


def test_a_sentence_dated_by_pointing_back_with_names_of_its_own_is_another_happening() -> None:
    text = ("Jan Nowak przyjechał 2 lipca do Wilna na rozmowy o handlu. "
            "Tego samego dnia Piotr Kowal otworzył most w Rydze.")
    events = events_of("a", text, "2024-07-05")
    link_events(events)
    assert relations(events) == {}


def test_two_sentences_of_one_article_borrowing_one_neighbours_people_share_no_one() -> None:
    text = ("We wtorek 15 listopada Ryga odnotowała eksplozję. "
            "Zginęli Jan Nowak i Piotr Kowal. "
            "Tego dnia ostrzelano Wilno.")
    events = events_of("a", text, "2022-11-20")
    link_events(events)
    assert len(events) == 2 and relations(events) == {}


def test_a_weekday_inside_a_gathering_of_days_is_that_gatherings_story_in_its_article() -> None:
    text = ("Trzydniowe forum miast bałtyckich rozpoczęło się we wtorek w Rydze. "
            "W czwartek burmistrza Wilna przywitał na dworcu wiceburmistrz Piotr Kowal. "
            "W sobotę Jan Nowak otworzył nowy most na Dźwinie.")
    events = events_of("a", text, "2024-05")
    link_events(events)
    found = relations(events)
    assert found.get(("a#1", "a#2")) == "story"
    assert not any("a#3" in pair for pair in found)  # Saturday is past the forum's three days


def test_a_weekday_after_a_gathering_told_without_its_length_is_not_its_story() -> None:
    text = ("Forum miast bałtyckich rozpoczęło się we wtorek w Rydze. "
            "W czwartek burmistrza Wilna przywitał na dworcu wiceburmistrz Piotr Kowal.")
    events = events_of("a", text, "2024-05")
    link_events(events)
    assert relations(events) == {}
