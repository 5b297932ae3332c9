"""Cyrillic names in Polish spelling (PWN rules), Russian names spelt for English readers, and the spelling key."""
from __future__ import annotations

import pytest

from kzreader.language.spelling import spelling_key
from kzreader.language.transcription import from_english, is_cyrillic, polish_given_name, russian_looking, to_polish
from kzreader.reading.gazetteer import load_gazetteer


@pytest.mark.parametrize(("cyrillic", "polish"), [
    ("Токаев", "Tokajew"),              # е after a vowel: je
    ("Шойгу", "Szojgu"),                # ш, й
    ("Мантуров", "Manturow"),           # в
    ("Жомарт", "Żomart"),               # ж
    ("Мирзиёев", "Mirzijojew"),         # ё and е after vowels
    ("Медведев", "Miedwiediew"),        # е after consonants: ie
    ("Лавров", "Ławrow"),               # л before a hard vowel
    ("Алексей", "Aleksiej"),            # л before е
    ("Чехов", "Czechow"),               # ч, х
    ("Щукин", "Szczukin"),              # щ
    ("Цыганов", "Cyganow"),             # ц, ы
    ("Жириновский", "Żyrinowski"),      # и after ж: y; -ский
    ("Грозный", "Grozny"),              # -ый
    ("Юрий", "Jurij"),                  # ю at the start, -ий
    ("Игорь", "Igor"),                  # ь after r: not written
    ("Кузьмин", "Kuźmin"),              # ь softens з before a consonant
    ("Соловьёв", "Sołowjow"),           # ь before a vowel: j
    ("Люба", "Luba"),                   # ю after л
    ("Анджей Дуда", "Andrzej Duda"),    # a Polish given name comes back in Polish spelling
])
def test_cyrillic_names_in_polish_spelling(cyrillic: str, polish: str) -> None:
    out = to_polish(cyrillic)
    if " " in out:
        given, rest = out.split(" ", 1)
        out = f"{polish_given_name(given)} {rest}"
    assert out == polish


def test_every_cyrillic_spelling_of_a_listed_person_reads_as_one_of_its_polish_spellings() -> None:
    gaz = load_gazetteer()
    # Names of languages not written in Cyrillic reach Russian by other rules (Си Цзиньпин, Реджеп).
    other_scripts = {"Xi Jinping", "Recep Tayyip Erdogan"}
    for entry in (e for e in gaz.entries if e.type == "person" and e.name not in other_scripts):
        latin = [n for n in entry.names if not is_cyrillic(n)]
        keys = {spelling_key(n) for n in latin} | {spelling_key(n.split()[-1]) for n in latin}
        for alias in (a for a in entry.aliases if is_cyrillic(a)):
            assert spelling_key(to_polish(alias)) in keys, (alias, to_polish(alias), entry.name)


def test_russian_names_of_the_gazetteer_transcribe_exactly() -> None:
    for cyrillic, polish in [("Касым-Жомарт Токаев", "Kasym-Żomart Tokajew"), ("Нурсултан Назарбаев", "Nursułtan Nazarbajew"),
                             ("Шавкат Мирзиёев", "Szawkat Mirzijojew"), ("Дмитрий Медведев", "Dmitrij Miedwiediew")]:
        assert to_polish(cyrillic) == polish


@pytest.mark.parametrize(("english", "polish"), [
    ("Kamchybek Tashiev", "Kamczybek Taszyjew"),
    ("Marat Yusupov", "Marat Jusupow"),
    ("Oleg Zhukov", "Oleg Żukow"),
])
def test_english_spellings_of_russian_names_in_polish_spelling(english: str, polish: str) -> None:
    assert russian_looking(english)
    assert from_english(english) == polish


@pytest.mark.parametrize("name", ["Emmanuel Macron", "Antonio Guterres", "Donald Tusk", "Olaf Scholz"])
def test_other_names_keep_their_spelling(name: str) -> None:
    assert not russian_looking(name)


@pytest.mark.parametrize(("a", "b"), [
    ("Tokajew", "Tokayev"), ("Tokajew", "Tokajev"), ("Tokajew", "Toqaev"),
    ("Kasym-Żomart Tokajew", "Kassym-Jomart Tokayev"), ("Sadyr Dżaparow", "Sadyr Japarov"),
    ("Mirzijojew", "Mirziyoyev"), ("Taszyjew", "Taszijew"), ("Taszyjew", "Tashiev"),
    ("Miedwiediew", "Medvedev"), ("Jerlan", "Yerlan"), ("Kierzkowski", "Kieżkowski"),
])
def test_one_key_for_the_spellings_of_one_name(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(("a", "b"), [("Kowalski", "Kowalska"), ("Nowak", "Nowacki"), ("Tokajew", "Tokarew")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)
