"""People, places, organisations and sums of money in Polish news text.

Candidates are gazetteer matches on lemma sequences, acronyms and runs of
capitalised words (`scanning`). A run is cut into names: a common head noun
with its adjectives and genitive complements (`Międzynarodowy Trybunał
Karny`, `Bank Narodowy Republiki Kirgiskiej`) or a place with agreeing
adjectives (`Azji Centralnej`) in `phrases`; a person, given names and a
surname agreeing in case, in `persons`; else single words, typed in
`single_words` by morfeusz's name qualifiers, by what stands before them
(`context`: a place preposition, a title, a media noun, quotes), by
coordination and by the surname guesser. `forms` gives every name its
nominative. People are keyed by their nominative full name; within an article
a bare surname joins the full name it belongs to (`people`), acronyms and web
domains join the names they stand for (`acronyms`), and `link_corpus` does the
same across articles without re-reading any text. The Polish words all this
reads are in `kzreader/language/pl/entities.yaml`.
"""
from kzreader.reading.entities.recognizer import EntityRecognizer

__all__ = ["EntityRecognizer"]
