"""Turn an article file's bytes into text, or say why it is not text.

Polish press files arrive as UTF-8 (with or without BOM), UTF-16 with BOM and
the legacy code pages cp1250 (Windows) and ISO-8859-2 (Latin-2). The two code
pages differ only in a few letters (ą ś ź Ą Ś Ź), so the choice between them is
made by which one yields Polish letters rather than symbols.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

_POLISH = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Bytes 0x80-0x9F are C1 controls in ISO-8859-2 and never appear in its text,
# while cp1250 puts š ś ť ž ź Ś Ź and quotes there.
_C1 = frozenset(range(0x80, 0xA0))
# Control bytes that text never holds (tab, line feed, form feed and carriage return are text).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class NotText(ValueError):
    """The file holds no text we can index; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode(raw: bytes) -> Decoded:
    if raw.startswith(codecs.BOM_UTF8):
        return _checked(raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig", raw)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(raw.decode("utf-16"), "utf-16", raw)
        except UnicodeDecodeError as exc:
            raise NotText(f"UTF-16 with a broken byte sequence at byte {exc.start}") from None
    if not raw.strip():
        raise NotText("empty file")
    if _looks_binary(raw):
        raise NotText("binary data, not text")
    try:
        return _checked(raw.decode("utf-8"), "utf-8", raw)
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        text = raw.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return _checked(text, "utf-8", raw, f"{bad} invalid UTF-8 byte sequence(s) replaced with �")
    return _checked(_legacy(raw), _legacy_name(raw), raw)


def _checked(text: str, encoding: str, raw: bytes, warning: str | None = None) -> Decoded:
    if not text.strip():
        raise NotText("empty file")
    if "\x00" in text:
        # Keep one character per NUL so offsets stay put; U+FFFD shows where it was.
        text = text.replace("\x00", "\ufffd")
        warning = (warning + "; " if warning else "") + "NUL bytes replaced with �"
    return Decoded(text, encoding, warning)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if not sample:
        return False
    # Counted in C (delete and compare lengths): every article shown or searched passes through here.
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > 0.05 or sample.count(0) / len(sample) > 0.01


def _mostly_utf8(raw: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the broken ones ten to one."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    return good >= 10 * bad


def _legacy_name(raw: bytes) -> str:
    if any(b in _C1 for b in raw):
        return "cp1250"
    cp = raw.decode("cp1250", errors="replace")
    iso = raw.decode("iso-8859-2", errors="replace")
    return "iso-8859-2" if _polish_score(iso) > _polish_score(cp) else "cp1250"


def _legacy(raw: bytes) -> str:
    return raw.decode(_legacy_name(raw), errors="replace")


def _polish_score(text: str) -> int:
    return sum(1 for c in text if c in _POLISH) - sum(1 for c in text if c in "¹¶¼¥¦¬\ufffd")
