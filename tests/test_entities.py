"""Entity recognition as a reader sees it: who, where, which organisation, how much."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzreader.language import pl
from kzreader.reading.annotations import Entity
from kzreader.reading.entities import EntityRecognizer
from kzreader.reading.entity_linking import link_corpus
from kzreader.reading.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def recognizer(gazetteer: Gazetteer) -> EntityRecognizer:
    return EntityRecognizer(gazetteer)


def table(entities: list[Entity]) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in entities}


# An invented report: none of its people, nor Kłajpeda, Szawle or Poniewież, is in the gazetteer.
UNSEEN = (
    "W piątek w Kłajpedzie prezydent Litwy Gitanas Nausėda rozmawiał z gubernatorem obwodu "
    "pawłodarskiego Asainem Bajchanowem. Nausėda zapewnił Bajchanowa, że port jest gotowy na kazachskie "
    "zboże. Rozmowy z Gitanasem Nausėdą trwały dwie godziny. Wcześniej Bajchanow odwiedził Szawle i "
    "Poniewież. Umowę wartą ponad 40 mln euro podpisał też Marek Wiśniewski, prezes spółki Baltic Grain "
    "Terminal (BGT). Jak powiedział portalowi Delfi Wiśniewski, pierwsze statki przypłyną w maju."
)


def test_unseen_article_people_places_and_organisations(recognizer: EntityRecognizer,
                                                        gazetteer: Gazetteer) -> None:
    for name in ("Gitanas Nausėda", "Nausėda", "Asain Bajchanow", "Bajchanow", "Marek Wiśniewski"):
        assert gazetteer.person(name) is None
    for name in ("kłajpeda", "szawle", "poniewież"):
        assert gazetteer.get(f"place:{name}") is None
    got = table(recognizer.recognise(UNSEEN))
    assert got["Gitanas Nausėda"] == ("person", ["Gitanas Nausėda", "Nausėda", "Gitanasem Nausėdą"])
    assert got["Asain Bajchanow"] == ("person", ["Asainem Bajchanowem", "Bajchanowa", "Bajchanow"])
    assert got["Marek Wiśniewski"] == ("person", ["Marek Wiśniewski", "Wiśniewski"])
    assert got["Kłajpeda"] == ("place", ["Kłajpedzie"])
    assert got["Szawle"] == ("place", ["Szawle"])
    assert got["Poniewież"] == ("place", ["Poniewież"])
    assert got["Litwa"] == ("place", ["Litwy"])
    assert got["Baltic Grain Terminal"] == ("org", ["Baltic Grain Terminal", "BGT"])
    assert got["Delfi"] == ("org", ["Delfi"])
    assert got["40 mln euro"] == ("money", ["40 mln euro"])
    assert got["obwód pawłodarski"] == ("place", ["obwodu pawłodarskiego"])
    assert len(got) == 11  # nothing else: not `W`, `Umowę`, `Rozmowy`, `Jak` nor the month


def test_inflected_names_get_their_nominative(recognizer: EntityRecognizer) -> None:
    text = ("Z Władimirem Putinem rozmawiał prezydent Turcji Recepem Tayyipem Erdoganem... "
            "Tokajew przyjął prezydenta Chin Xi Jinpinga i spotkał się z Emmanuelem Macronem. "
            "Rzeczniczka Maria Zacharowa odpowiedziała. Zacharowej nie przekonał Aleksiej Nawalny. "
            "Spółkę założył Wiaczesław Kim, a Gitanasem Nausėdą zachwycił się Maką Boczoriszwili.")
    names = {e.name for e in recognizer.recognise(text) if e.type == "person"}
    assert {"Władimir Putin", "Recep Tayyip Erdogan", "Xi Jinping", "Emmanuel Macron", "Maria Zacharowa",
            "Aleksiej Nawalny", "Tokajew", "Wiaczesław Kim", "Gitanas Nausėda", "Maka Boczoriszwili"} <= names


def test_bare_surname_joins_the_full_name_in_the_article(recognizer: EntityRecognizer) -> None:
    text = ("Szef OSW Wojciech Górecki ostrzega. – Kazachstan boi się Rosji – mówi Górecki. "
            "Góreckiego pytamy dalej.")
    got = table(recognizer.recognise(text))
    assert got["Wojciech Górecki"] == ("person", ["Wojciech Górecki", "Górecki", "Góreckiego"])


def test_misspelt_given_names_and_misplaced_hyphen_are_one_person(recognizer: EntityRecognizer) -> None:
    text = ("Kasym Żomart-Tokajew wygrał wybory. Kasym-Żomert Tokajew pojechał do Moskwy, gdzie z "
            "Kassymem-Żomartem Tokajewem rozmawiano o gazie. Tokajewa pytano też o Kasym-Żomarta "
            "Kiemielewicza [Tokajewa] z dokumentów.")
    (person,) = [e for e in recognizer.recognise(text) if e.type == "person"]
    assert [m.text for m in person.mentions] == [
        "Kasym Żomart-Tokajew", "Kasym-Żomert Tokajew", "Kassymem-Żomartem Tokajewem", "Tokajewa",
        "Kasym-Żomarta Kiemielewicza", "Tokajewa"]
    assert "Tokajew" in person.aliases


def test_two_people_side_by_side_stay_two(recognizer: EntityRecognizer) -> None:
    text = ("Władimir Putin i Kasym-Żomart Tokajew rozmawiali. W obecności Putina Tokajew oświadczył, "
            "że szczyt Tokajew-Putin był udany.")
    got = table(recognizer.recognise(text))
    assert got["Władimir Putin"] == ("person", ["Władimir Putin", "Putina", "Putin"])
    assert got["Kasym-Żomart Tokajew"] == ("person", ["Kasym-Żomart Tokajew", "Tokajew", "Tokajew"])


@pytest.mark.parametrize(("text", "name", "mentions"), [
    ("w państwach WNP (Wspólnota Niepodległych Państw) i dalej w WNP",
     "WNP", ["WNP", "Wspólnota Niepodległych Państw", "WNP"]),
    ("Międzynarodowy Trybunał Karny (MTK) wydał nakaz. MTK nie ustąpi.",
     "Międzynarodowy Trybunał Karny", ["Międzynarodowy Trybunał Karny", "MTK", "MTK"]),
    ("Eksperci Instytutu Europy Środkowej (IEŚ) ostrzegają.",
     "Instytut Europy Środkowej", ["Instytutu Europy Środkowej", "IEŚ"]),
    ("Eksperci IEŚ (Instytut Europy Środkowej) ostrzegają.",
     "Instytut Europy Środkowej", ["IEŚ", "Instytut Europy Środkowej"]),
])
def test_acronym_and_expansion_in_brackets_either_way(recognizer: EntityRecognizer, text: str, name: str,
                                                      mentions: list[str]) -> None:
    (ent,) = [e for e in recognizer.recognise(text) if e.type == "org"]
    assert (ent.name, [m.text for m in ent.mentions]) == (name, mentions)


def test_unrelated_acronym_in_brackets_is_not_an_expansion(recognizer: EntityRecognizer) -> None:
    got = table(recognizer.recognise("Bank Narodowy Republiki Kirgiskiej (BNRK) obniżył stopy."))
    assert got["Bank Narodowy Republiki Kirgiskiej"] == ("org", ["Bank Narodowy Republiki Kirgiskiej", "BNRK"])
    got = table(recognizer.recognise("Wybory w Republice Kirgiskiej (OBWE ma obserwatorów)."))
    assert got["Kirgistan"] == ("place", ["Republice Kirgiskiej"])
    assert got["OBWE"] == ("org", ["OBWE"])


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("przywódcy Azji Centralnej", "Azja Centralna", "place"),
    ("porty na Morzu Kaspijskim", "Morze Kaspijskie", "place"),
    ("statki na Morzu Ochockim", "Morze Ochockie", "place"),
    ("delegacja z Dolnego Śląska", "Dolny Śląsk", "place"),
    ("handel z Azją Południowo-Wschodnią", "Azja Południowo-Wschodnia", "place"),
    ("dostęp do Zatoki Perskiej", "Zatoka Perska", "place"),
    ("na szczycie Organizacji Układu o Bezpieczeństwie Zbiorowym", "Organizacja Układu o Bezpieczeństwie Zbiorowym",
     "org"),
    ("w ramach Eurazjatyckiego Związku Gospodarczego", "Eurazjatycka Unia Gospodarcza", "org"),
    ("eksperci Ośrodka Studiów Wschodnich", "OSW", "org"),
    ("decyzja Sądu Najwyższego Litwy", "Sąd Najwyższy Litwy", "org"),
])
def test_multiword_names_in_oblique_cases(recognizer: EntityRecognizer, text: str, name: str, kind: str) -> None:
    got = table(recognizer.recognise(text))
    assert got[name][0] == kind


@pytest.mark.parametrize("text", [
    "Amerykanie otrzymali dostęp do złoża. Tadżyk i Kirgiz mówili we własnych językach.",
    "Prezydent dziękował. – Sąsiad dany przez Boga – mówił. Reklama",
    "Mądrość wielu wieków zachowała kazachskie powiedzenie „Qūdaĭ qosqan körşi”.",
    "Kraje robią wszystko. Siatka połączeń rośnie. Tam również mówił o partnerstwie.",
    "Otwarto skwer Przyjaźni Kazachsko-Rosyjskiej i aleję Wiecznej Przyjaźni.",
    "Rosyjski dziennik uważa, że rosyjski i kazachski kapitał rośnie.",
    "W Boże Narodzenie i w Wielkanoc nikt nie pracował.",
])
def test_ordinary_capitalised_words_and_demonyms_are_not_entities(recognizer: EntityRecognizer,
                                                                  text: str) -> None:
    assert recognizer.recognise(text) == []


def test_context_types_unknown_names(recognizer: EntityRecognizer) -> None:
    text = ('Rosyjski dziennik "Komiersant" powołał się na portal Fergana. Protesty wybuchły w Ałmaty '
            "i Żanaozenie. Posłowie PiS milczą. Więcej na fergana.news")
    got = table(recognizer.recognise(text))
    assert got["PiS"] == ("org", ["PiS"])
    assert got["Komiersant"] == ("org", ["Komiersant"])
    assert got["Fergana"] == ("org", ["Fergana", "fergana.news"])
    assert got["Ałmaty"] == ("place", ["Ałmaty"])
    assert got["Żanaozen"] == ("place", ["Żanaozenie"])


_WORDS = pl.vocabulary("entities")


@pytest.mark.parametrize(("before", "kind"), [
    *((title, "person") for title in _WORDS.sequence("titles")),
    *((noun, "org") for noun in _WORDS.sequence("org_triggers")),
    *((noun, "place") for noun in _WORDS.sequence("place_triggers")),
    *((preposition, "place") for preposition in _WORDS.sequence("place_prepositions")),
])
def test_the_words_before_a_name_come_from_the_data(recognizer: EntityRecognizer, before: str, kind: str) -> None:
    # Xaltun is in no dictionary and has no surname's ending: only the word before it says what it is.
    assert recognizer.recognise("Rozmawiał wczoraj Xaltun długo.") == []
    got = recognizer.recognise(f"Rozmawiał wczoraj {before} Xaltun długo.")
    assert [(e.type, e.name) for e in got] == [(kind, "Xaltun")]


def test_mentions_point_into_the_text_and_stay_in_regions(recognizer: EntityRecognizer) -> None:
    text = "Foto: PAP/EPA\nTokajew udał się do Moskwy.\nZdjęcie: Reuters"
    body = (14, 41)
    ents = recognizer.recognise(text, [body])
    assert {e.name for e in ents} == {"Tokajew", "Moskwa"}
    for e in ents:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text and body[0] <= m.start < m.end <= body[1]
    assert recognizer.recognise(text, []) == []


_PIECES = ("Putin", "Tokajewa", "Kasym-Żomart", "w", "do", "Moskwy", "ODKB", "(", ")", "[", "]", "„", "”", ".",
           ",", "–", "\n", "28 mld dol.", "ponad", "Ałmaty", "Xi", "PiS", "Токаев", "fergana.news", "Azji",
           "Centralnej", "Tokajew-Putin", "Maria", "Zacharowa", "Nur-Sułtanie", "A", "DDDDDDDD", "ą")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.lists(st.sampled_from(" \u00a0\n"), min_size=30,
                                                                 max_size=30), st.data())
def test_any_text_gives_mentions_inside_the_text_and_regions(recognizer: EntityRecognizer, pieces: list[str],
                                                             gaps: list[str], data: st.DataObject) -> None:
    text = "".join(p + g for p, g in zip(pieces, gaps))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for ent in recognizer.recognise(text, [(start, end)]):
        assert ent.name and ent.type in ("person", "place", "org", "money")
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text and start <= m.start < m.end <= end


def test_keys_are_stable_and_types_fixed(recognizer: EntityRecognizer) -> None:
    ents = {e.name: e for e in recognizer.recognise("Władimir Putin przyleciał do Astany z 2 mln dol.")}
    assert ents["Władimir Putin"].key == "person:władimir putin"
    assert ents["Astana"].key == "place:astana"
    money = ents["2 mln dol."]
    assert (money.key, money.amount, money.currency) == ("money:2e06:USD", 2e6, "USD")


def test_link_corpus_names_one_person_the_same_everywhere(recognizer: EntityRecognizer) -> None:
    articles = {
        "a": "Kasym-Żomart Tokajew przyleciał do Moskwy. Tokajew rozmawiał długo.",
        "b": "Kasym-Żomart Tokajew wrócił do Astany. Ekspert OSW komentuje.",
        "c": "Kasym-Żomert Tokajew podpisał deklarację. Eksperci Ośrodka Studiów Wschodnich są sceptyczni.",
        "d": "Tokajewa pytano o gaz. Miedwiediew milczał.",
    }
    linked = link_corpus({aid: recognizer.recognise(text) for aid, text in articles.items()})
    people = {aid: [(e.key, e.name) for e in ents if e.type == "person"] for aid, ents in linked.items()}
    tokajew = ("person:kasym-żomart tokajew", "Kasym-Żomart Tokajew")
    assert people["a"] == [tokajew]
    assert people["c"] == [tokajew]
    assert people["d"] == [tokajew, ("person:miedwiediew", "Miedwiediew")]
    osw = {(e.key, e.name) for ents in linked.values() for e in ents if e.type == "org"}
    assert osw == {("org:osw", "OSW")}


def test_link_corpus_leaves_ambiguous_surnames_alone(recognizer: EntityRecognizer) -> None:
    articles = {
        "a": "Lech Kaczyński przemawiał w Tbilisi.",
        "b": "Jarosław Kaczyński przemawiał w Warszawie.",
        "c": "Kaczyński milczał.",
    }
    linked = link_corpus({aid: recognizer.recognise(text) for aid, text in articles.items()})
    assert [e.name for e in linked["c"] if e.type == "person"] == ["Kaczyński"]
    assert {e.name for ents in linked.values() for e in ents if e.type == "person"} == {
        "Lech Kaczyński", "Jarosław Kaczyński", "Kaczyński"}
