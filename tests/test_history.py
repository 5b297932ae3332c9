from __future__ import annotations

import pytest

from kzreader.library.history import History, Location


def test_back_and_forward_walk_the_visits() -> None:
    h: History[str] = History()
    for page in "abc":
        h.visit(page)
    assert h.current == "c" and not h.can_forward
    assert h.back() == "b"
    assert h.back() == "a"
    assert h.back() is None and h.current == "a"
    assert h.forward() == "b"
    assert h.forward() == "c"
    assert h.forward() is None and h.current == "c"


def test_visiting_after_going_back_drops_the_forward_entries() -> None:
    h: History[str] = History()
    for page in "abc":
        h.visit(page)
    h.back()
    h.back()
    h.visit("d")
    assert not h.can_forward
    assert h.back() == "a"
    assert h.forward() == "d"
    assert len(h) == 2


def test_visiting_the_current_entry_again_adds_nothing() -> None:
    h: History[str] = History()
    h.visit("a")
    h.visit("a")
    assert len(h) == 1 and not h.can_back


def test_replace_updates_the_current_entry_only() -> None:
    h: History[Location] = History()
    h.visit(Location(article="a"))
    h.visit(Location(article="b"))
    h.replace(Location(article="b").scrolled(12.0))
    assert h.current == Location(article="b", scroll_y=12.0)
    assert h.back() == Location(article="a")
    assert h.forward() == Location(article="b", scroll_y=12.0)


def test_replace_on_an_empty_history_visits() -> None:
    h: History[str] = History()
    h.replace("a")
    assert h.current == "a" and len(h) == 1


def test_the_oldest_entries_fall_off_past_the_limit() -> None:
    h: History[int] = History(limit=3)
    for n in range(5):
        h.visit(n)
    assert len(h) == 3
    assert h.back() == 3
    assert h.back() == 2
    assert h.back() is None


def test_a_history_needs_room() -> None:
    with pytest.raises(ValueError):
        History(limit=0)


def test_empty_history_has_nowhere_to_go() -> None:
    h: History[str] = History()
    assert h.current is None and h.back() is None and h.forward() is None
