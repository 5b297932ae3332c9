"""Where the corpus, its index and the user's own settings are, unless the user says otherwise."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kzreader.folders import cache_folder

REPO = Path(__file__).resolve().parents[2]
BUNDLED_CORPUS = REPO / "seeds"
BUNDLED_INDEX = REPO / "index"


def corpus_path(given: str | None) -> Path:
    value = given or os.environ.get("KZREADER_CORPUS")
    if value:
        return Path(value).expanduser()
    return BUNDLED_CORPUS if BUNDLED_CORPUS.is_dir() else Path.cwd() / "seeds"


def index_path(given: str | None, corpus: Path) -> Path:
    """The bundled corpus keeps its index in `index/`; any other corpus one in the user's cache.

    An index never goes inside the corpus: the reader does not write there.
    """
    value = given or os.environ.get("KZREADER_INDEX")
    if value:
        return Path(value).expanduser()
    if corpus.resolve() == BUNDLED_CORPUS.resolve():
        return BUNDLED_INDEX
    tag = hashlib.blake2b(str(corpus.resolve()).encode(), digest_size=6).hexdigest()
    return cache_folder() / f"{corpus.resolve().name or 'corpus'}-{tag}"


def config_dir() -> Path:
    """The user's kzreader settings: theme, saved searches, key map (XDG_CONFIG_HOME, else ~/.config)."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "kzreader"


def data_dir() -> Path:
    """What the app remembers by itself: the last place read, the search history (XDG_DATA_HOME, else ~/.local/share)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "kzreader"
