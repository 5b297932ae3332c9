"""An event's label: its own clause in the text's words, without the date, cut to what a reader scans."""
from __future__ import annotations

from kzreader.reading.event_labels import MAX_CHARS
from tests.test_events import events_of


def test_label_is_the_clause_in_the_texts_words_without_the_date() -> None:
    (ev,) = events_of("a", "Rada obradowała długo. 7 listopada Jan Nowak przybył do Wilna.", "2025-11-15")
    assert ev.label == "Jan Nowak przybył do Wilna"


def test_label_names_only_the_participants_of_its_own_clause() -> None:
    text = "Piotr Kowal był w Rydze, a 7 listopada Jan Nowak otworzył most w Wilnie."
    (ev,) = events_of("a", text, "2025-11-15")
    assert ev.label == "Jan Nowak otworzył most w Wilnie"
    assert "Kowal" not in ev.label


def test_label_leaves_out_the_words_that_lead_the_date_and_the_asides() -> None:
    text = "W dniach 3-4 lipca w Wilnie obradowała Rada Państw Morza Bałtyckiego (RPMB)."
    (ev,) = events_of("a", text, "2024-07-05")
    assert ev.label == "W Wilnie obradowała Rada Państw Morza Bałtyckiego"


def test_a_long_clause_loses_its_describing_words_first_then_is_cut_around_its_verb() -> None:
    text = ("Obserwatorzy zauważyli, że Jana Nowaka już we wtorek z wielką, niezwykle uroczystą pompą "
            "powitał na lotnisku prezydent Litwy Piotr Kowal.")
    (ev,) = events_of("a", text, "2024-07")
    assert len(ev.label) <= MAX_CHARS + 1
    assert "powitał" in ev.label and "Jana Nowaka" in ev.label
    assert "już" not in ev.label and "uroczystą" not in ev.label
