"""Temporal expressions of English and Russian articles, and the numeric dates of any language.

Values follow the Polish engine's conventions (kzreader.reading.timex): a
day, month or year resolved against the document date, `A/B` intervals, ISO
weeks for `this week`, `mod` for bounds (`since`, `until`), a window with
`mod=APPROX` when the document is dated only to the month. A language
without a temporal.yaml gets only dates written in digits (`2024-05-12`,
`12.05.2024`): precise rather than eager. Slashed dates are left out in
every language but Polish, since `3/4/2021` is March in American English and
April elsewhere.
"""
from __future__ import annotations

from kzreader.language import get
from kzreader.reading.annotations import Timex
from kzreader.reading.foreign.timex_calendar import Calendar
from kzreader.reading.foreign.timex_clock import Clock
from kzreader.reading.foreign.timex_context import Context, Found
from kzreader.reading.foreign.timex_relative import Relative
from kzreader.reading.foreign.timex_words import WORDS, Words
from kzreader.reading.timex.numeric import numeric_dates


def find_timexes(text: str, doc_date: str | None, regions: list[tuple[int, int]], lang: str) -> list[Timex]:
    found: list[Timex] = []
    words = WORDS.get(lang)
    clock = Clock(doc_date)
    sentences = get(lang).sentence_spans(text) if words else []
    for lo, hi in regions:
        found += [t for t in numeric_dates(text, lo, hi) if "/" not in t.text]
        if words:
            found += _worded(Context(Words(text, lo, hi, words), clock, sentences))
    return _without_overlaps(found)


def _worded(ctx: Context) -> list[Timex]:
    rules = (Calendar(ctx), Relative(ctx))
    out = []
    i = 0
    while i < ctx.t.n:
        hit = next((h for r in rules if (h := r.at(i)) is not None), None)
        if hit is None:
            i += 1
            continue
        out.append(_timex(ctx, hit))
        i = hit.last + 1
    return out


def _timex(ctx: Context, hit: Found) -> Timex:
    t, v = ctx.t, hit.date
    start, end = t.starts[hit.first], t.ends[hit.last]
    return Timex(start=start, end=end, text=t.text[start:end], value=v.value, kind=v.kind,
                 granularity=v.granularity, mod=v.mod, earliest=v.lo.isoformat() if v.lo else None,
                 latest=v.hi.isoformat() if v.hi else None, note=v.note)


def _without_overlaps(timexes: list[Timex]) -> list[Timex]:
    """The longest of expressions that overlap (`12.11.2022` over the `2022` a rule might read in it)."""
    kept: list[Timex] = []
    for t in sorted(timexes, key=lambda t: (t.start - t.end, t.start)):
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
