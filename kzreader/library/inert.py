"""Article text made safe to show on a terminal, one character for one.

Files come from anywhere; an escape sequence in one could recolour, retitle or
write to the clipboard of the user's terminal, and bidirectional controls can
reorder what is shown. Each such character is replaced by a visible stand-in
of the same length, so every offset into the text still holds.
"""
from __future__ import annotations

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(32) if c not in (9, 10)}
_TABLE[13] = " "
_TABLE[127] = "\u2421"
_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_TABLE.update({ord(c): "\ufffd" for c in _BIDI})


def inert_text(text: str) -> str:
    """`text` with control, escape and bidi characters replaced by visible stand-ins."""
    return text.translate(_TABLE)
