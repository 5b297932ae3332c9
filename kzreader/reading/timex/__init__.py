"""Temporal expressions in Polish news text, normalised TIMEX3-style."""
from kzreader.reading.timex.scanner import MONTHS, UNITS, WEEKDAYS, Reference, find_timexes

__all__ = ["MONTHS", "UNITS", "WEEKDAYS", "Reference", "find_timexes"]
