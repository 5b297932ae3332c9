"""The language interface: Polish implements it, an unknown code is refused, and any import order works."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kzreader import language


def test_polish_implements_the_interface() -> None:
    pl = language.get("pl")
    assert isinstance(pl, language.Language) and pl.CODE == "pl"
    assert pl.lemmas("Rosji") == ("Rosja",)
    assert pl.candidates("Tokajewa")[0][0] == "Tokajew"
    assert [(t.text, t.start) for t in pl.tokenize("Kasym-Żomart Tokajew")] == [("Kasym-Żomart", 0), ("Tokajew", 13)]
    assert pl.sentence_spans("W 1991 r. Kazachstan ogłosił. Tak.") == [(0, 29), (30, 34)]
    assert pl.vocabulary("sentences").words("abbreviations") >= {"tzw", "m.in"}


@pytest.mark.parametrize("code", ["xx", "PL", "../pl", ""])
def test_an_unknown_language_is_refused(code: str) -> None:
    with pytest.raises(language.UnknownLanguage):
        language.get(code)


def test_english_and_russian_implement_the_interface() -> None:
    en, ru = language.get("en"), language.get("ru")
    assert isinstance(en, language.Language) and isinstance(ru, language.Language)
    assert en.lemmas("meetings") == ("meeting",) and en.analyse("Xyzzyq") == ()
    assert "токаев" in ru.lemmas("Токаева") and ru.guessable("Ташиевым")
    assert ru.analyse("Казахстане")[0].has("loct") and "Geox" in ru.analyse("Казахстане")[0].names
    assert en.sentence_spans("Talks began on Sept. 14 in Astana. Dr. Smith came.") == [(0, 34), (35, 50)]
    assert ru.sentence_spans("Встреча прошла в г. Астана. В. Путин прибыл.") == [(0, 27), (28, 44)]


def test_a_language_without_a_package_is_read_by_the_fallback_not_refused_by_the_reader() -> None:
    from kzreader.reading import foreign

    text = "Prezident Kazachstanu Tokajev prišiel 12.05.2024 do Bratislavy."
    assert [t.value for t in foreign.timexes(text, "2024-05-13", [(0, len(text))], "sk")] == ["2024-05-12"]
    assert not [e for e in foreign.entities(text, [(0, len(text))], "sk") if e.type == "person"
                and e.name == "Prezident Kazachstanu"]


@pytest.mark.parametrize("first", [
    "kzreader.language.tokens", "kzreader.language.pl.names", "kzreader.language.pl.morphology",
    "kzreader.language.pl", "kzreader.reading.timex", "kzreader.reading.entities", "kzreader.index.analyzer",
])
def test_any_module_may_be_imported_first(first: str) -> None:
    # The Polish package and the modules that read its words import each other.
    script = f"import {first}\nfrom kzreader import language\nprint(language.get('pl').lemmas('Rosji')[0])"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "Rosja", out.stderr
