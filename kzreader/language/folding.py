"""Text folded as people type it on a keyboard without Polish letters (and without case)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=300_000)
def fold(text: str) -> str:
    """Lowercase without diacritics (ł too), as people type on a keyboard without Polish letters."""
    text = text.lower().replace("ł", "l")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
