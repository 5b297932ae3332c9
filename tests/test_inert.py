"""Text from files can never act on the terminal: every control character is shown, one for one."""
from __future__ import annotations

from hypothesis import given, strategies as st

from kzreader.library.inert import inert_text

DANGEROUS = [chr(c) for c in range(32) if c not in (9, 10)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)] + list(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def test_escape_osc_and_bidi_characters_are_replaced_one_for_one() -> None:
    text = "a\x1b]52;c;ZXZpbA==\x07b\x1b]0;title\x07c\x1b[31md\u202eabc\r\n\x9b2J"
    shown = inert_text(text)
    assert len(shown) == len(text)
    assert not any(c in shown for c in DANGEROUS)
    assert "]52;c;ZXZpbA==" in shown and "\n" in shown


def test_zero_width_and_polish_letters_are_kept() -> None:
    text = "Zażółć\u200bgęślą\u200djaźń\ufeff"
    assert inert_text(text) == text


@given(st.text())
def test_any_text_keeps_its_length_and_loses_every_control(text: str) -> None:
    shown = inert_text(text)
    assert len(shown) == len(text)
    assert not any(c in shown for c in DANGEROUS)
