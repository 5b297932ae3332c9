"""Dates counted from the document date: `on Thursday`, `во вторник`, `last year`, `yesterday`, `three weeks ago`.

The grammar, with the words from the language's temporal.yaml:
  preposition weekday | adjective weekday   on Friday · в четверг · last Friday · в прошлую пятницу
  weekday (capitalised, after a small word) said Friday
  [lead] [preposition] adjective unit       earlier this week · last year · в этом году · на прошлой неделе
  deictic word or phrase                    yesterday · earlier in the day · вчера
  count unit ago-word                       three years ago · 2 дня назад
"""
from __future__ import annotations

from kzreader.reading.foreign.timex_clock import floating
from kzreader.reading.foreign.timex_context import Context, Found


class Relative:
    def __init__(self, ctx: Context):
        self.c = ctx
        self.t = ctx.t

    def at(self, i: int) -> Found | None:
        t = self.t
        if t.weekday(i) is not None:
            return self.weekday(i)
        low = t.low(i)
        if low in t.w.relative:
            return self.period(i)
        if t.phrase_at(i, (p for p, _ in t.w.deictic)):
            return self.deictic(i)
        if t.number(i) is not None or low in t.w.number_words:
            return self.ago(i)
        return None

    def weekday(self, i: int) -> Found | None:
        t, c, w = self.t, self.c, self.t.w
        wd = t.weekday(i)
        assert wd is not None
        # "Friday, Sept. 16", "в среду, 20 сентября": the calendar date says more; let it win.
        j = i + 2 if t.low(i + 1) == "," else i + 1
        if t.month(j) is not None or t.day(j) is not None and t.month(j + 1) is not None:
            return None
        forced = 0
        first = i
        offset = w.relative.get(t.low(i - 1))
        if offset is not None and t.adjacent(i - 1) and t.low(i - 2) not in w.duration_articles:
            forced, first = offset, i - 1
        if t.low(first - 1) in w.prepositions and t.adjacent(first - 1):
            first -= 1
        elif first == i:
            # A bare weekday is a date only where weekdays are capitalised and a lower-case word comes before:
            # a name of a day in the middle of a clause (`said Friday`), not `Every Friday` or `Good Friday`.
            before = t.texts[i - 1] if i > 0 else ""
            if ("weekdays" not in w.capitalised or not t.adjacent(i - 1) or not before[:1].islower()
                    or t.low(i - 1) in w.weekday_not_after):
                return None
        value = c.clock.weekday(wd, forced, c.future(first, i))
        value.mod = w.mods.get(t.low(first)) or value.mod
        return Found(first, i, value)

    def period(self, i: int) -> Found | None:
        t, c, w = self.t, self.c, self.t.w
        unit = w.period_units.get(t.low(i + 1))
        if unit is None or not t.adjacent(i) or t.low(i - 1) in w.duration_articles:
            return None
        first = i
        if t.low(i - 1) in w.prepositions and t.adjacent(i - 1):
            first = i - 1
        if t.low(first - 1) in w.period_leads and t.adjacent(first - 1):
            first -= 1
        value = c.clock.period_moved(unit, w.relative[t.low(i)])
        if value is None:
            return None
        value.mod = (w.mods.get(t.low(i - 1)) if first < i else None) or value.mod
        return Found(first, i + 1, value)

    def deictic(self, i: int) -> Found | None:
        t, c, w = self.t, self.c, self.t.w
        phrase = t.phrase_at(i, (p for p, _ in w.deictic))
        assert phrase is not None
        days = dict(w.deictic)[phrase]
        last = i + len(phrase) - 1
        prep = t.low(i - 1) if t.adjacent(i - 1) else ""
        if w.mods.get(prep) or c.quoted(t.starts[i]) or c.clock.ref is None:
            # Until/since today is a period; inside quoted speech `today` is the day it was said.
            return Found(i - 1 if w.mods.get(prep) else i, last, floating(days))
        value = c.clock.shifted("D", days)
        return Found(i, last, value) if value else None

    def ago(self, i: int) -> Found | None:
        t, c, w = self.t, self.c, self.t.w
        n = t.number(i) if t.number(i) is not None else w.number_words.get(t.low(i))
        unit = w.ago_units.get(t.low(i + 1))
        if n is None or unit is None or not t.adjacent(i) or not t.adjacent(i + 1):
            return None
        ago = t.phrase_at(i + 2, w.ago)
        if ago is None:
            return None
        value = c.clock.shifted(unit, -n)
        return Found(i, i + 1 + len(ago), value) if value else None
