"""Article files in every encoding Polish press arrives in decode with their letters intact."""
from __future__ import annotations

import codecs

import pytest

from kzreader.corpus.decoding import NotText, decode

POLISH = "Zażółć gęślą jaźń. ŹRÓDŁO: Świątynia w Łodzi, Ąę Śś Źź."


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (POLISH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + POLISH.encode("utf-8"), "utf-8-sig"),
        (POLISH.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + POLISH.encode("utf-16-be"), "utf-16"),
        (POLISH.encode("cp1250"), "cp1250"),
        (POLISH.encode("iso-8859-2"), "iso-8859-2"),
    ],
)
def test_each_encoding_keeps_every_polish_letter(raw: bytes, encoding: str) -> None:
    decoded = decode(raw)
    assert decoded.text == POLISH
    assert decoded.encoding == encoding


def test_cp1250_and_latin2_are_told_apart_by_the_letters_they_differ_in() -> None:
    word = "ąśź ĄŚŹ " * 3
    assert decode(word.encode("cp1250")).text == word
    assert decode(word.encode("iso-8859-2")).text == word


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n", codecs.BOM_UTF8])
def test_empty_files_are_not_text(raw: bytes) -> None:
    with pytest.raises(NotText, match="empty"):
        decode(raw)


def test_binary_data_is_not_text() -> None:
    raw = bytes(range(256)) * 40
    with pytest.raises(NotText, match="binary"):
        decode(raw)


def test_control_bytes_without_nuls_are_binary_but_tabs_and_line_ends_are_text() -> None:
    with pytest.raises(NotText, match="binary"):
        decode(b"Rosja\x01\x02\x1b\x7f\x03 " * 200)
    spaced = decode(b"Rosja\t\r\n\x0cKazachstan " * 200)
    assert spaced.warning is None and spaced.text.startswith("Rosja\t")


def test_a_few_bad_utf8_bytes_are_replaced_not_fatal() -> None:
    raw = ("Przewodów i Łódź " * 20).encode("utf-8") + b"\xff\xfe" + " oraz Kraków".encode("utf-8")
    decoded = decode(raw)
    assert "Kraków" in decoded.text and "\ufffd" in decoded.text
    assert decoded.warning and "invalid UTF-8" in decoded.warning


def test_a_stray_nul_keeps_offsets() -> None:
    raw = ("Rosja " * 400).encode() + b"\x00" + b" Kazachstan"
    decoded = decode(raw)
    assert len(decoded.text) == len(raw)
    assert decoded.text.endswith(" Kazachstan")
