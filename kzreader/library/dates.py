"""Dates as a list shows them: an interval in one short column, the part both ends share written once."""
from __future__ import annotations


def shown_date(value: str) -> str:
    """`2024-07-03/2024-07-04` -> `2024-07-03–04`, `2024-06-28/2024-07-02` -> `2024-06-28–07-02`,
    `2018/2019` -> `2018–2019`; any other value as it is."""
    first, sep, last = value.partition("/")
    if not sep:
        return value
    a, b = first.split("-"), last.split("-")
    if len(a) != len(b):
        return f"{first}–{last}"
    shared = 0
    while shared < len(a) - 1 and a[shared] == b[shared]:
        shared += 1
    return f"{first}–{'-'.join(b[shared:])}"
