"""Temporal expressions in Polish news text, normalised TIMEX3-style.

Rules match morfeusz lemmas, so every case form counts (`listopada`,
`listopadzie`, `listopadowe`). Relative expressions are resolved against the
document date (DCT) the way news taggers do it: the tense of the nearest verb
picks the direction, and past is the default because news reports what
happened. A DCT known only to the month makes day-level arithmetic land in a
window; the value is then the DCT's month with `mod=APPROX` and the window kept
in `earliest`/`latest`. Without a DCT a date keeps its year unknown
(`XXXX-11-03`): guessing it from other years in the text is the classic
narrative-tagger error on undated news.

The words are data (language/pl/temporal.yaml, read in `words`); the modules
here state the grammar: `scanner` walks the text and hands each head word to
the rules of `days_months`, `years`, `weekdays`, `units`, `amounts` and
`adverbs`, which resolve against `anchors`.
"""
from kzreader.reading.timex.dates import Reference
from kzreader.reading.timex.scanner import find_timexes
from kzreader.reading.timex.words import MONTHS, UNITS, WEEKDAYS

__all__ = ["MONTHS", "UNITS", "WEEKDAYS", "Reference", "find_timexes"]
