"""Calendar dates in words: `Nov. 9, 2023`, `July 2-4`, `12 ноября 2022 года`, `in June`, `в 2019 году`.

The grammar, with the words from the language's temporal.yaml:
  month day[-day | joiner day][, year]      Sept. 14, 2022 · July 2-4, 2024 · July 3 and 4
  day[-day | joiner day] month [year]       20 сентября 2023 · 2–4 июля · 12 November
  month year                                February 2020 · ноября 2022 года
  preposition [part] month                  in June · в ноябре · in early March
  adjective month                           last May · next May
  preposition year | year year-word         in 2019 · until 2035 · 2022 года
A month alone is a date only after a preposition or an adjective, since
`May` and `Mars` are names too; a year alone only after a preposition or
before a year word, since a four-digit number is often a count.
"""
from __future__ import annotations

from kzreader.reading.foreign.timex_context import Context, Found


class Calendar:
    def __init__(self, ctx: Context):
        self.c = ctx
        self.t = ctx.t

    def at(self, i: int) -> Found | None:
        t = self.t
        if t.month(i) is not None:
            return self.month_first(i)
        if t.day(i) is not None:
            return self.day_first(i)
        if t.year(i) is not None:
            return self.year(i)
        return None

    def _second_day(self, i: int) -> tuple[int | None, int]:
        """`-4`, `–4`, ` and 4`, ` по 5` after the day at token i: (the second day, its token)."""
        t = self.t
        if t.dash(i + 1) and (t.touching(i) and t.touching(i + 1) or t.adjacent(i) and t.adjacent(i + 1)):
            return t.day(i + 2), i + 2
        if t.adjacent(i) and t.low(i + 1) in t.w.day_joiners and t.adjacent(i + 1):
            return t.day(i + 2), i + 2
        return None, i

    def month_first(self, i: int) -> Found | None:
        t, c = self.t, self.c
        month = t.month(i)
        assert month is not None
        mi = t.with_stop(i, t.w.months)
        first, mod = c.extend_left(i)
        day = t.day(mi + 1) if t.adjacent(mi) else None
        if day is not None and not t.continues_number(mi + 1):
            day2, last = self._second_day(t.day_end(mi + 1))
            last = t.day_end(last) if day2 is not None else t.day_end(mi + 1)
            year, last = c.year_after(last)
            return c.dated(first, last, month, day, day2, mod, year)
        year, last = c.year_after(mi)
        if year is not None:
            return c.dated(first, last, month, None, None, mod, year)
        if first < i:
            return c.dated(first, mi, month, None, None, mod, None)
        offset = t.w.relative.get(t.low(i - 1))
        if offset is not None and t.adjacent(i - 1) and t.low(i - 2) not in t.w.duration_articles:
            value = c.clock.month_moved(month, offset)
            return Found(i - 1, mi, value) if value else None
        return None

    def day_first(self, i: int) -> Found | None:
        t, c = self.t, self.c
        day = t.day(i)
        if t.continues_number(i):
            return None
        day2, j = self._second_day(t.day_end(i))
        j = t.day_end(j) if day2 is not None else t.day_end(i)
        if not t.adjacent(j) or (month := t.month(j + 1)) is None:
            return None
        first, mod = c.extend_left(i)
        mi = t.with_stop(j + 1, t.w.months)
        year, last = c.year_after(mi)
        return c.dated(first, last, month, day, day2, mod, year)

    def year(self, i: int) -> Found | None:
        t, c = self.t, self.c
        year = t.year(i)
        assert year is not None
        last = i
        if t.adjacent(i) and t.year_word(i + 1):
            last = t.with_stop(i + 1, t.w.year_words)
        first, mod = c.extend_left(i)
        if first == i and last == i:
            return None
        value = c.clock.year(year)
        value.mod = mod or value.mod
        return Found(first, last, value)
