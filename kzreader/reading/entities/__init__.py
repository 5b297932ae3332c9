"""People, places, organisations and sums of money in Polish news text."""
from kzreader.reading.entities.recognizer import EntityRecognizer

__all__ = ["EntityRecognizer"]
