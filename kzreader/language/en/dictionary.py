"""simplemma's English dictionary, kept decoded in the user's cache folder so that a process loads it fast.

simplemma ships its dictionaries front-coded and lzma-compressed; decoding the
English one takes about 0.8 s of Python, paid by every process that meets an
English word (and Polish text has some: `r.`, loanwords), such as each
refresh of one changed article. The decoded table is the same data, written
once with `marshal` (0.1 s to read) under `$XDG_CACHE_HOME/kzreader`, named
by simplemma's version and its data file's size and time, so another
simplemma never reads a stale one. Nothing is downloaded; a cache folder that
cannot be written only means decoding each time.
"""
from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    CachingDictionaryFactory,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)
from simplemma.utils import normalize_token

from kzreader.folders import cache_folder

LANG = "en"


def _cache_file(lang: str) -> Path:
    st = (DATA_FOLDER / f"{lang}.plzma").stat()
    return cache_folder() / f"simplemma-{simplemma.__version__}-{lang}-{st.st_size}-{st.st_mtime_ns}.marshal"


def _load(lang: str) -> dict[bytes, bytes]:
    path = _cache_file(lang)
    try:
        found = marshal.loads(path.read_bytes())
        if isinstance(found, dict):
            return found
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _load_dictionary_from_disk(lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as fh:
            fh.write(marshal.dumps(table))
        os.replace(fh.name, path)
    except OSError:
        pass
    return table


class _CachedFactory(CachingDictionaryFactory):
    """simplemma's DefaultDictionaryFactory, its table read from the cache when there is one."""

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return MappingStrToByteString(_load(lang))


_FACTORY = _CachedFactory()
_LOOKUP = DictionaryLookupStrategy(_FACTORY)
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_FACTORY))


def is_known(word: str) -> bool:
    """`simplemma.is_known(word, lang="en")`."""
    return _LOOKUP.get_lemma(normalize_token(word), LANG) is not None


def lemmatize(word: str) -> str:
    """`simplemma.lemmatize(word, lang="en")`."""
    return str(_LEMMATIZER.lemmatize(word, LANG))
