"""Sums of money in English and Russian articles, keyed as the Polish ones so they link across languages."""
from __future__ import annotations

import pytest

from kzreader.reading.foreign.sums import find_sums
from kzreader.reading.money import money_entities


def sums(text: str, lang: str) -> dict[str, tuple[str, str | None]]:
    """key -> (first mention, qualifier)."""
    return {e.key: (e.mentions[0].text, e.qualifier) for e in find_sums(text, [(0, len(text))], lang)}


@pytest.mark.parametrize(("text", "want"), [
    ("The dam cost $4 billion to build.", {"money:4e09:USD": ("$4 billion", None)}),
    ("A loan of US$1.5 million was signed.", {"money:1.5e06:USD": ("US$1.5 million", None)}),
    ("The club paid €250m for the ground.", {"money:2.5e08:EUR": ("€250m", None)}),
    ("Exports reached 12 billion dollars.", {"money:1.2e10:USD": ("12 billion dollars", None)}),
    ("The bill came to 3,400 pounds.", {"money:3400:GBP": ("3,400 pounds", None)}),
    ("They spent about $2 billion on roads.", {"money:2e09:USD": ("$2 billion", "about")}),
    ("It will cost more than £9 million.", {"money:9e06:GBP": ("£9 million", "more than")}),
])
def test_english_sums(text: str, want: dict) -> None:
    assert sums(text, "en") == want


@pytest.mark.parametrize(("text", "want"), [
    ("Проект стоит 12 млрд долларов.", {"money:1.2e10:USD": ("12 млрд долларов", None)}),
    ("Бюджет составил 7 млн рублей.", {"money:7e06:RUB": ("7 млн рублей", None)}),
    ("Потратили около 4 млрд долларов.", {"money:4e09:USD": ("4 млрд долларов", "около")}),
    ("Кредит на $12 млрд подписан.", {"money:1.2e10:USD": ("$12 млрд", None)}),
    ("Грант в 2,5 млн евро получен.", {"money:2.5e06:EUR": ("2,5 млн евро", None)}),
])
def test_russian_sums(text: str, want: dict) -> None:
    assert sums(text, "ru") == want


def test_numbers_without_a_currency_are_no_money() -> None:
    assert sums("Some 12 billion people, 300 m high, on 12 May.", "en") == {}
    assert sums("Эвакуировали 5 млн человек.", "ru") == {}


def test_one_entity_per_sum_with_every_spelling() -> None:
    text = "Exports reached $12 billion. The 12 billion dollars went to ports."
    [ent] = find_sums(text, [(0, len(text))], "en")
    assert (ent.type, ent.amount, ent.currency) == ("money", 1.2e10, "USD")
    assert [m.text for m in ent.mentions] == ["$12 billion", "12 billion dollars"]


def test_a_sum_has_the_key_of_the_same_sum_in_polish() -> None:
    polish = "Kontrakt wart 12 mld dolarów."
    [pl] = money_entities(polish, [(0, len(polish))])
    assert set(sums("Проект стоит 12 млрд долларов.", "ru")) == set(sums("It is worth $12 billion.", "en")) == {pl.key}


def test_a_language_without_money_words_has_no_sums() -> None:
    assert sums("Stálo to 5 miliónov eur a $17.", "sk") == {}
