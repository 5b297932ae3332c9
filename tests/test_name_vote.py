"""The corpus's name vote brought up to date near the forms that came or went: the whole vote's result."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzreader.language.pl import names
from kzreader.language.pl.names import NameVote

STEMS = ["Tokajew", "Nazarbajew", "Rikasbek", "Naziski", "Nausėd", "Łukaszenk", "Kowalsk", "Zacharow", "Modi",
         "Kłajped", "Rachmon", "Baku", "Aliyew", "İlham", "Dudajew", "Karimow", "Bakijew", "Dżaparow"]
ENDINGS = ["", "a", "em", "owi", "u", "ie", "ą", "ę", "iego", "owa", "owej", "ową", "ska", "skiej", "ski", "skiego",
           "dzie", "y", "ów", "ami"]
FORMS = sorted({stem + ending for stem in STEMS for ending in ENDINGS})


def _whole(forms: list[str]) -> dict[str, str]:
    return dict(NameVote.from_dict(dict.fromkeys(forms, 1)).choices())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FORMS), unique=True, min_size=1, max_size=120),
       st.lists(st.sampled_from(FORMS), unique=True, max_size=4),
       st.lists(st.sampled_from(FORMS), unique=True, max_size=4))
def test_an_updated_vote_is_the_whole_vote(before: list[str], added: list[str], gone: list[str]) -> None:
    after = [f for f in before if f not in gone] + [f for f in added if f not in before]
    voted = _whole(before)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(names, "_LOCAL_SHARE", 0)  # voted near the changes however many there are
        assert NameVote.from_dict(dict.fromkeys(after, 1)).updated(voted) == _whole(after)


def test_nothing_changed_keeps_the_choices_without_voting() -> None:
    forms = dict.fromkeys(["Tokajew", "Tokajewa", "Tokajewem", "Nazarbajewowi"], 2)
    voted = _whole(list(forms))
    vote = NameVote.from_dict(forms)
    assert vote.updated(voted) == voted
    assert vote.updated(voted) is not voted


def test_a_new_form_changes_its_neighbours_choice(monkeypatch) -> None:
    # Alone, `Aliyewa` reads as the genitive of `Aliyew`; beside `Aliyewą` it is a feminine nominative.
    monkeypatch.setattr(names, "_LOCAL_SHARE", 0)
    forms = ["Aliyewa"] + [f"Tokajew{e}" for e in ("", "a", "em", "owi", "u", "ie")]
    alone = _whole(forms)
    joined = NameVote.from_dict(dict.fromkeys([*forms, "Aliyewą"], 1)).updated(alone)
    assert alone["Aliyewa"] == "Aliyew" and joined["Aliyewa"] == "Aliyewa"
    assert joined == _whole([*forms, "Aliyewą"])


def test_a_given_vote_is_not_taken_again() -> None:
    vote = NameVote.from_dict({"Tokajewa": 1}, choices={"Tokajewa": "Tokajew"})
    assert vote.base("Tokajewa") == "Tokajew"
