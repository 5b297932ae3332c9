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


@pytest.mark.parametrize("first", [
    "kzreader.language.tokens", "kzreader.language.pl.names", "kzreader.language.pl.morphology",
    "kzreader.language.pl", "kzreader.reading.timex", "kzreader.reading.entities", "kzreader.index.analyzer",
])
def test_any_module_may_be_imported_first(first: str) -> None:
    # The Polish package and the modules that read its words import each other.
    script = f"import {first}\nfrom kzreader import language\nprint(language.get('pl').lemmas('Rosji')[0])"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "Rosja", out.stderr
