"""The Polish words of the temporal engine, read once from language/pl/temporal.yaml.

Names are the entries of the file in upper case; the file's comments say what
each does. Words matched as written are compared lower-cased; the others are
lemmas.
"""
from __future__ import annotations

from kzreader.language import pl

_WORDS = pl.vocabulary("temporal")


def _ints(key: str) -> dict[str, int]:
    return {word: int(n) for word, n in _WORDS.numbers(key).items()}


MONTHS = _ints("months")
MONTH_ADJECTIVES = _ints("month_adjectives")
WEEKDAYS = _ints("weekdays")
WEEKDAY_ADJECTIVES = _ints("weekday_adjectives")
UNITS = _WORDS.labels("units")
YEAR_PLURALS = _WORDS.words("year_plurals")
YEAR_LEMMAS = _WORDS.words("year_lemmas")
YEAR_MARKS = _WORDS.words("year_marks")
YEAR_ABBREVIATIONS = _WORDS.sequence("year_abbreviations")
YEAR_OFFSET_ABBREVIATIONS = tuple((tuple(parts.split()), int(n))
                                  for parts, n in _WORDS.numbers("year_offset_abbreviations").items())
HOUR_ABBREVIATIONS = _WORDS.sequence("hour_abbreviations")
DOTTED_ABBREVIATIONS = _WORDS.words("dotted_abbreviations")
DAY_ORDINALS = _ints("day_ordinals")
QUARTER_ORDINALS = _ints("quarter_ordinals")

NUMBER_WORDS = _WORDS.numbers("number_words")
VAGUE_QUANTITIES = _WORDS.words("vague_quantities")
AMOUNT_WORDS = _WORDS.words("amount_words")
NUMBER_LABELS = _WORDS.words("number_labels")

PAST_ADJECTIVES = _WORDS.words("past_adjectives")
THIS_ADJECTIVES = _WORDS.words("this_adjectives")
NEXT_ADJECTIVES = _WORDS.words("next_adjectives")
LAST_ADJECTIVES = _WORDS.words("last_adjectives")
FIRST_ADJECTIVES = _WORDS.words("first_adjectives")
COMING_WEEKDAY = _WORDS.words("coming_weekday")
COMING_PLURAL = _WORDS.words("coming_plural")
NOT_THIS_AFTER_UNIT = _WORDS.words("not_this_after_unit")
SAME = _WORDS.words("same")
YEAR_ADJECTIVES = _ints("year_adjectives")
AGO = _WORDS.words("ago")
LATER = _ints("later")
AHEAD = _WORDS.words("ahead")
STILL = _WORDS.words("still")
DEICTIC_DAYS = _ints("deictic_days")
PERIOD_PREPOSITIONS = _WORDS.words("period_prepositions")
NEXT_DAY = _WORDS.words("next_day")
NEXT_DAY_PHRASES = frozenset(_WORDS.rows("next_day_phrases", str, str))
PAST_WORDS = _WORDS.words("past_words")
PRESENT_WORDS = _WORDS.words("present_words")
NOW_WORDS = _WORDS.words("now_words")
FUTURE_WORDS = _WORDS.words("future_words")
RECENTLY = _WORDS.words("recently")
SET_WORDS = _WORDS.labels("set_words")
EVERY_PREFIX = _WORDS.words("every_prefix")
EVERY = _WORDS.words("every")
PERIOD_OVER_PERIOD = frozenset(_WORDS.rows("period_over_period", str, str))
SINGULAR_UNIT_FORMS = _WORDS.words("singular_unit_forms")

APPROXIMATIONS = _WORDS.labels("approximations")
DURATION_LEADS = _WORDS.words("duration_leads")
DURATION_PREPOSITIONS = _WORDS.words("duration_prepositions")
SINCE = _WORDS.words("since")
WITHIN = frozenset(_WORDS.rows("within", str, str))
VAGUE_DURATION_PREPOSITIONS = _WORDS.words("vague_duration_prepositions")
UNIT_JOINERS = _WORDS.words("unit_joiners")
DATE_PREPOSITIONS = _WORDS.words("date_prepositions")
PREPOSITION_MODS = _WORDS.labels("preposition_mods")
TARGET_PREPOSITIONS = _WORDS.words("target_prepositions")
PART_OF_PERIOD = _WORDS.labels("part_of_period")
PART_PREPOSITIONS = _WORDS.words("part_prepositions")
TURN_OF = _WORDS.words("turn_of")
TURN_OF_YEARS = _WORDS.words("turn_of_years")
YEAR_JOINERS = _WORDS.words("year_joiners")
MONTH_JOINERS = _WORDS.words("month_joiners")
DAY_JOINERS = _WORDS.words("day_joiners")

OBLIGATION_VERBS = _WORDS.words("obligation_verbs")

DEMONSTRATIVES = _WORDS.words("demonstratives")
BACK_TIME_NOUNS = _WORDS.words("back_time_nouns")
SAME_ONLY_TIME_NOUNS = _WORDS.words("same_only_time_nouns")
MOMENT_NOUNS = _WORDS.words("moment_nouns")
DAY_PART_PHRASES = _WORDS.words("day_part_phrases")
DAY_PART_NOUNS = _WORDS.words("day_part_nouns")
DAY_PART_ADJECTIVES = _WORDS.words("day_part_adjectives")
EVENT_PREPOSITIONS = tuple(tuple(row.split()) for row in _WORDS.sequence("event_prepositions"))
EVENT_NOUNS = _WORDS.words("event_nouns")
GENERIC_EVENT_NOUNS = _WORDS.words("generic_event_nouns")
RELATIVE_PRONOUNS = _WORDS.words("relative_pronouns")
