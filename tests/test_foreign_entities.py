"""People, places and organisations of English, Russian and other articles, and one entity across scripts."""
from __future__ import annotations

from kzreader.reading.annotations import Entity
from kzreader.reading.entities import EntityRecognizer
from kzreader.reading.entity_linking import link_corpus
from kzreader.reading.foreign.entities import find_entities


def read(text: str, lang: str) -> list[Entity]:
    return find_entities(text, [(0, len(text))], lang)


def names(text: str, lang: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in read(text, lang)}


def mentions(text: str, lang: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in read(text, lang)}


# -- English ------------------------------------------------------------------
def test_english_titles_are_not_part_of_a_name() -> None:
    text = ("Chinese State Councilor and Foreign Minister Wang Yi met Prime Minister Petra Lindqvist "
            "and UN Secretary-General Antonio Guterres on the terrace.")
    assert names(text, "en") == {("person", "Wang Yi"), ("person", "Petra Lindqvist"), ("org", "ONZ"),
                                 ("person", "Antonio Guterres")}


def test_english_possessives_are_not_part_of_a_name() -> None:
    text = "The Supreme Court's ruling angered Norway's Erik Halvorsen, and Halvorsen’s party left."
    found = mentions(text, "en")
    assert found["Supreme Court"] == ["Supreme Court"]
    assert found["Norwegia"] == ["Norway"]
    assert found["Erik Halvorsen"] == ["Erik Halvorsen", "Halvorsen"]


def test_no_names_from_days_months_or_ordinary_first_words() -> None:
    text = "Now the talks resume. From Monday until May, nothing moves. Meanwhile prices rose in September."
    assert read(text, "en") == []


def test_bodies_without_a_head_word_are_no_people() -> None:
    text = "Human Rights Watch and Amnesty International criticised the Islamic State, said Erica Marat."
    assert {n for t, n in names(text, "en") if t == "person"} == {"Erica Marat"}


def test_a_title_case_headline_invents_no_people() -> None:
    text = "Leader Plans Visit To Distant Capital Next Week\nThe visit was planned by Erik Halvorsen."
    assert names(text, "en") == {("person", "Erik Halvorsen")}


def test_an_organisation_by_its_head_word_is_never_a_person() -> None:
    text = "The Baltic Fisheries Council and the Shanghai Cooperation Organisation met the Caspian Water Agency."
    assert names(text, "en") == {("org", "Baltic Fisheries Council"), ("org", "Szanghajska Organizacja Współpracy"),
                                 ("org", "Caspian Water Agency")}


def test_a_place_by_gazetteer_or_by_context() -> None:
    text = "Talks were held in Zarnovo, near the Kovrin province, and later in the city of Samarkand."
    found = {e.name: (e.type, [m.text for m in e.mentions]) for e in read(text, "en")}
    assert found == {"Zarnovo": ("place", ["Zarnovo"]), "Kovrin": ("place", ["Kovrin province"]),
                     "Samarkanda": ("place", ["Samarkand"])}


def test_a_state_institution_is_named_in_polish_with_its_state() -> None:
    text = "The Kazakh foreign ministry and the Kyrgyz border service denied it, as did the Council of Heads of State of the SCO."
    found = names(text, "en")
    assert ("org", "Ministerstwo Spraw Zagranicznych Kazachstanu") in found
    assert ("org", "Służba Graniczna Kirgistanu") in found
    assert ("org", "Rada Szefów Państw Szanghajskiej Organizacji Współpracy") in found


def test_english_spellings_of_known_and_russian_names_in_polish() -> None:
    text = ("President Kassym-Jomart Tokayev received Marat Yusupov; French President Emmanuel Macron "
            "sent a letter to Tokayev.")
    found = {e.name: e for e in read(text, "en")}
    assert [m.text for m in found["Kasym-Żomart Tokajew"].mentions] == ["Kassym-Jomart Tokayev", "Tokayev"]
    assert "Marat Jusupow" in found and "Marat Yusupov" in found["Marat Jusupow"].aliases
    assert "Emmanuel Macron" in found


# -- Russian ------------------------------------------------------------------
def test_russian_people_by_their_tags_in_polish_spelling() -> None:
    text = "Президент Казахстана Касым-Жомарт Токаев встретился с Анджеем Дудой. Министр Денис Мантуров не приехал."
    found = names(text, "ru")
    assert found == {("place", "Kazachstan"), ("person", "Kasym-Żomart Tokajew"), ("person", "Andrzej Duda"),
                     ("person", "Dienis Manturow")}


def test_russian_acronyms_and_places_are_no_people() -> None:
    text = "Власти РФ и США обсудили положение в Нагорном Карабахе, сообщили СМИ."
    found = mentions(text, "ru")
    assert set(found) == {"Rosja", "USA", "Górski Karabach"}
    assert found["Górski Karabach"] == ["Нагорном Карабахе"]
    assert all(e.type == "place" for e in read(text, "ru"))


def test_a_russian_ministry_with_its_state_and_without_it() -> None:
    text = "Минобороны Армении заявило о перемирии. Позже Минобороны уточнило детали."
    found = mentions(text, "ru")
    assert found["Ministerstwo Obrony Armenii"] == ["Минобороны Армении", "Минобороны"]
    assert found["Armenia"] == ["Армении"]


def test_a_weekday_heading_a_russian_line_is_no_name() -> None:
    assert read("Среда, 20 сентября 2023\nВ мире", "ru") == []


# -- any other language -------------------------------------------------------
def test_the_fallback_takes_only_names_the_gazetteer_knows() -> None:
    text = "Prezident Kazachstanu Kasym-Žomart Tokajev navštívil Varšavu. Podľa agentúry Novinky Dnes to bolo krátke."
    found = names(text, "sk")
    assert found == {("place", "Kazachstan"), ("person", "Kasym-Żomart Tokajew")}


# -- across the corpus ----------------------------------------------------------
def test_an_english_article_does_not_rename_a_polish_entity() -> None:
    polish = "Prezydent Chin Xi Jinping spotkał się w Astanie z szefem komitetu Kamczybekiem Taszijewem."
    english = ("Chinese President Xi Jinping met Kamchybek Tashiev. Kamchybek Tashiev said so. "
               "Later Kamchybek Tashiev left.")
    corpus = {
        "pl": EntityRecognizer().recognise(polish, [(0, len(polish))]),
        "en1": read(english, "en"),
        "en2": read(english, "en"),
    }
    linked = link_corpus(corpus)
    for article in linked.values():
        people = {e.name for e in article if e.type == "person"}
        assert "Xi Jinping" in people and "Kamczybek Taszijew" in people, people
    tashiev = next(e for e in linked["en1"] if e.name == "Kamczybek Taszijew")
    assert "Kamchybek Tashiev" in tashiev.aliases and tashiev.lang == "en"


def test_the_language_of_an_entity_survives_its_dict() -> None:
    ent = read("Erik Halvorsen spoke.", "en")[0]
    assert Entity.from_dict(ent.to_dict()).lang == "en"
    old = {k: v for k, v in ent.to_dict().items() if k != "lang"}
    assert Entity.from_dict(old).lang is None
