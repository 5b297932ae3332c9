"""Everything the reader's app keeps between runs, in the user's config and data folders (XDG).

Config (`$XDG_CONFIG_HOME/kzreader`, the user's choices, YAML they may edit):
settings.yaml (the theme), searches.yaml (saved searches), keys.yaml (the
key map, read only). Data (`$XDG_DATA_HOME/kzreader`, what the app notes by
itself, JSON): state.json (the last place read in each corpus) and
search-history.json.
"""
from __future__ import annotations

from pathlib import Path

from kzreader.library.config import config_dir, data_dir
from kzreader.library.searches import HistoryFile, SavedSearchesFile
from kzreader.library.settings import PlacesFile, SettingsFile


class Memory:
    """The files, read once at start; each says what went wrong reading it in `notices`."""

    def __init__(self, config: Path | None = None, data: Path | None = None) -> None:
        self.config = config or config_dir()
        self.data = data or data_dir()
        self.settings = SettingsFile(self.config)
        self.places = PlacesFile(self.data)
        self.history = HistoryFile(self.data)
        self.saved = SavedSearchesFile(self.config)

    @property
    def notices(self) -> list[str]:
        files = (self.settings, self.places, self.history, self.saved)
        return [f.notice for f in files if f.notice]
