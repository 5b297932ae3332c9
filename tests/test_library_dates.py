"""Dates in lists: an interval fits one short column and still says both ends."""
from __future__ import annotations

import pytest

from kzreader.library.dates import shown_date


@pytest.mark.parametrize(("value", "shown"), [
    ("2024-07-03/2024-07-04", "2024-07-03–04"),
    ("2024-06-28/2024-07-02", "2024-06-28–07-02"),
    ("2018/2019", "2018–2019"),
    ("2022-05/2022-07", "2022-05–07"),
    ("2022-11", "2022-11"),
    ("2022-11-15", "2022-11-15"),
])
def test_an_interval_writes_what_both_ends_share_once(value: str, shown: str) -> None:
    assert shown_date(value) == shown
