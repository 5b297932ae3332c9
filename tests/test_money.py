"""Sums of money: amount, ISO currency, qualifier kept out of the mention."""
from __future__ import annotations

import pytest

from kzreader.language import pl
from kzreader.reading.money import find_amounts, money_entities


def only(text: str):
    (amount,) = find_amounts(text)
    return amount


@pytest.mark.parametrize(
    ("text", "mention", "amount", "currency"),
    [
        ("wynosi 28 mld dol. (dane z 2024 r.)", "28 mld dol.", 2.8e10, "USD"),
        ("osiągnął 24,5 miliarda dolarów.", "24,5 miliarda dolarów", 2.45e10, "USD"),
        ("rekordową kwotę 27 mld USD.", "27 mld USD", 2.7e10, "USD"),
        ("kosztuje 1 200 zł miesięcznie", "1 200 zł", 1200.0, "PLN"),
        ("dostał 3,5 mln euro", "3,5 mln euro", 3.5e6, "EUR"),
        ("za 5 mld rubli", "5 mld rubli", 5e9, "RUB"),
        ("pensja 300 tys. tenge", "300 tys. tenge", 3e5, "KZT"),
        ("szkody na 3 mln somoni", "3 mln somoni", 3e6, "TJS"),
        ("pożyczka 2 mld hrywien", "2 mld hrywien", 2e9, "UAH"),
    ],
)
def test_amount_and_currency(text: str, mention: str, amount: float, currency: str) -> None:
    found = only(text)
    assert (found.text, found.amount, found.currency) == (mention, amount, currency)
    assert text[found.start:found.end] == mention


@pytest.mark.parametrize(("text", "qualifier"), [
    ("zainwestowały ponad 100 mld dol.", "ponad"),
    ("Prawie 4 mld dol. trafiło", "prawie"),
    ("około 17 mld dol.", "około"),
    ("co najmniej 10 mln zł", "co najmniej"),
])
def test_qualifier_is_kept_but_not_in_the_mention(text: str, qualifier: str) -> None:
    found = only(text)
    assert found.qualifier == qualifier
    assert found.text[0].isdigit()


@pytest.mark.parametrize("text", [
    "eksportuje ponad 80 proc. swojej ropy",
    "granica ma 7598 kilometrów",
    "ponad 20 tys. podmiotów",
    "wysłano 80 tys. ton ładunku",
    "w 2024 r. i w rublach i tenge",
    "kupiono 5 euroobligacji",
])
def test_numbers_without_a_currency_are_not_money(text: str) -> None:
    assert find_amounts(text) == []


def test_one_entity_per_sum_whatever_the_spelling() -> None:
    text = "Handel wyniósł 24,5 miliarda dolarów, czyli 24,5 mld dol., a inwestycje 4 mld dol."
    ents = money_entities(text, [(0, len(text))])
    assert [(e.key, e.name, len(e.mentions)) for e in ents] == [
        ("money:2.45e10:USD", "24,5 miliarda dolarów", 2),
        ("money:4e09:USD", "4 mld dol.", 1),
    ]
    assert ents[0].aliases == ["24,5 mld dol."]
    assert all(text[m.start:m.end] == m.text for e in ents for m in e.mentions)


def test_only_the_given_regions_are_searched() -> None:
    text = "Foto: 5 mln zł\nTekst: 7 mln zł"
    ents = money_entities(text, [(15, len(text))])
    assert [e.name for e in ents] == ["7 mln zł"]


@pytest.mark.parametrize("code", sorted(set(pl.vocabulary("money").labels("currencies").values())))
def test_every_currency_of_the_data_is_money(code: str) -> None:
    assert only(f"kosztuje 5 mln {code} rocznie").currency == code
