"""How a link's reasons write a sum: as Polish press does (`28 mld`, `24,5 mln`)."""
from __future__ import annotations

from kzreader.language import pl

# Largest first: a sum is written with the word of the largest size it reaches.
_SUMS = sorted(((size, word) for word, size in pl.vocabulary("events").numbers("sums").items()), reverse=True)


def written_sum(value: float) -> str:
    """28000000000.0 -> `28 mld`, 24500000.0 -> `24,5 mln`."""
    for size, word in _SUMS:
        if abs(value) >= size:
            return f"{value / size:.4g}".replace(".", ",") + f" {word}"
    return f"{value:g}".replace(".", ",")
