"""kzreader: a terminal reader for a corpus of Polish news articles."""

__version__ = "0.1.0"
