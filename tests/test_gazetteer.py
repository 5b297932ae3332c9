"""The gazetteer: names found in every case form, other spellings, user files."""
from __future__ import annotations

from pathlib import Path

import pytest

from kzreader.reading.entities import EntityRecognizer
from kzreader.reading.gazetteer import ENV_VAR, GazetteerError, load_gazetteer


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer(load_gazetteer())


def found(rec: EntityRecognizer, text: str) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in rec.recognise(text)}


def test_multiword_names_match_in_oblique_cases(recognizer: EntityRecognizer) -> None:
    text = ("Szczyt Organizacji Układu o Bezpieczeństwie Zbiorowym odbył się w Erywaniu. "
            "Kazachstan zbliża się ze Stanami Zjednoczonymi i Unią Europejską.")
    got = found(recognizer, text)
    assert got["Organizacja Układu o Bezpieczeństwie Zbiorowym"] == (
        "org", ["Organizacji Układu o Bezpieczeństwie Zbiorowym"])
    assert got["USA"] == ("place", ["Stanami Zjednoczonymi"])
    assert got["UE"] == ("org", ["Unią Europejską"])
    assert got["Erywań"] == ("place", ["Erywaniu"])


def test_acronyms_other_scripts_and_former_names_are_one_entity(recognizer: EntityRecognizer) -> None:
    text = "Delegacja ODKB (по-русски ОДКБ, ang. CSTO) przyleciała do Nur-Sułtanu, dziś znów Astany."
    got = found(recognizer, text)
    assert got["Organizacja Układu o Bezpieczeństwie Zbiorowym"] == ("org", ["ODKB", "ОДКБ", "CSTO"])
    assert got["Astana"] == ("place", ["Nur-Sułtanu", "Astany"])


def test_other_spellings_of_people_give_the_polish_name(recognizer: EntityRecognizer) -> None:
    (person,) = [e for e in recognizer.recognise("Prezydent Tokayev spotkał się z dziennikarzami.")
                 if e.type == "person"]
    assert person.name == "Kasym-Żomart Tokajew"
    assert "Tokayev" in person.aliases


def test_capitalisation_and_readings_are_respected(recognizer: EntityRecognizer) -> None:
    # `Polskie` is an adjective, `zachodu` the sunset: neither is a place.
    assert found(recognizer, "Nadawało Polskie Radio do zachodu słońca.") == {}


def test_user_file_adds_places_and_spellings(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "place:\n"
        "  - name: Żanaozen\n    aliases: [Zhanaozen, Жанаозен]\n"
        "  - Astana: [Akmolinsk]\n",
        encoding="utf-8",
    )
    rec = EntityRecognizer(load_gazetteer(user))
    got = found(rec, "Protesty w Zhanaozen i Akmolinsku.")
    assert got["Żanaozen"] == ("place", ["Zhanaozen"])
    assert got["Astana"] == ("place", ["Akmolinsku"])


def test_environment_variable_names_a_user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "env.yaml"
    user.write_text("org:\n  - name: Kaspi Bank\n    aliases: [Kaspi]\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(user))
    gaz = load_gazetteer()
    assert gaz.get("org:kaspi bank") is not None
    assert gaz.get("place:kazachstan") is not None  # the built-in list is still there


@pytest.mark.parametrize(("content", "message"), [
    ("place: [Astana\n", "not valid YAML at line"),
    ("- Astana\n", "expected a mapping"),
    ("planet:\n  - Mars\n", "unknown section 'planet'"),
    ("place:\n  - name: ''\n", "non-empty string"),
    ("place:\n  - name: Astana\n    colour: blue\n", "unknown fields"),
    ("place: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
])
def test_bad_user_file_is_a_clear_error_naming_it(tmp_path: Path, content: str, message: str) -> None:
    user = tmp_path / "broken.yaml"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(user)
    assert str(user) in str(err.value)
    assert message in str(err.value)


def test_missing_user_file_is_a_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot read"):
        load_gazetteer(tmp_path / "nowhere.yaml")


def test_a_name_word_that_is_a_lemma_itself_means_that_lemma() -> None:
    """`Górski` in Górski Karabach is the adjective górski, not a form of the village Górsk."""
    text = "Azerbejdżan ogłosił operację w Górskim Karabachu. Władze Górskiego Karabachu milczą."
    found = {e.name: [m.text for m in e.mentions] for e in EntityRecognizer(load_gazetteer()).recognise(text)}
    assert found["Górski Karabach"] == ["Górskim Karabachu", "Górskiego Karabachu"]
    assert "Górskie" not in found
