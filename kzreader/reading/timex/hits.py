"""A rule's result, before it becomes a Timex."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kzreader.reading.annotations import Timex
from kzreader.reading.timex.tokens import Tokens
from kzreader.reading.timex.words import DOTTED_ABBREVIATIONS


@dataclass(slots=True)
class Hit:
    """Token range plus normalisation; `anchor` says whether later relative dates may count from it."""

    first: int
    last: int
    value: str
    kind: str = "DATE"
    granularity: str = "day"
    mod: str | None = None
    lo: date | None = None
    hi: date | None = None
    note: str | None = None
    anchor: bool = True
    weekday: int | None = None  # a weekday left to a window, for a day the text names later to settle

    def to_timex(self, tokens: Tokens) -> Timex:
        start, end = tokens.starts[self.first], tokens.ends[self.last]
        if tokens.low(self.last) in DOTTED_ABBREVIATIONS and tokens.text[end:end + 1] == ".":
            end += 1
        return Timex(start=start, end=end, text=tokens.text[start:end], value=self.value, kind=self.kind,
                     granularity=self.granularity, mod=self.mod,
                     earliest=self.lo.isoformat() if self.lo else None,
                     latest=self.hi.isoformat() if self.hi else None, note=self.note)


def floating(first: int, last: int, value: str, note: str | None = None, mod: str | None = None) -> Hit:
    """A time off the calendar (`PAST_REF`, `XXXX`): nothing to count from."""
    return Hit(first, last, value, granularity="none", mod=mod, anchor=False, note=note)
