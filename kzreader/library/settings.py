"""What the reader chose and where they were: the theme (config folder) and the last place read per corpus
(data folder), kept between runs in the user's own files (see `userfiles`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzreader.library import userfiles
from kzreader.library.userfiles import Loaded, ShapeError, mapping

SETTINGS_FILE = "settings.yaml"
STATE_FILE = "state.json"
SETTINGS_HEADER = "kzreader settings, written by the app; you may edit them while it is closed.\ntheme: any theme of the command palette's \"Change theme\""


@dataclass(frozen=True, slots=True)
class Settings:
    """The reader's choices; None means the app's default."""

    theme: str | None = None

    @classmethod
    def parse(cls, data: Any) -> "Settings":
        values = mapping(data, "the settings")
        theme = values.get("theme")
        if theme is not None and not isinstance(theme, str):
            raise ShapeError("theme should be the name of a theme")
        return cls(theme=theme)

    def to_data(self) -> dict[str, Any]:
        return {"theme": self.theme} if self.theme else {}


@dataclass(frozen=True, slots=True)
class Place:
    """The article open when the reader left, and how far down it was scrolled (in lines)."""

    article: str
    scroll_y: float = 0.0


def parse_places(data: Any) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for corpus, value in mapping(mapping(data, "the state").get("last", {}), "last").items():
        entry = mapping(value, f"the last place in {corpus}")
        article, scroll_y = entry.get("article"), entry.get("scroll_y", 0.0)
        if not isinstance(article, str) or not isinstance(scroll_y, (int, float)):
            raise ShapeError(f"the last place in {corpus} needs an article id and a scroll_y number")
        places[corpus] = Place(article, max(float(scroll_y), 0.0))
    return places


def corpus_key(corpus: Path) -> str:
    """Places are kept per corpus folder: an article id means nothing in another corpus."""
    return str(corpus.expanduser().resolve())


class SettingsFile:
    """settings.yaml: read once at start, written when a choice changes."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SETTINGS_FILE
        loaded: Loaded[Settings] = userfiles.read(self.path, Settings.parse, Settings())
        self.settings, self.notice, self._writable = loaded.value, loaded.notice, loaded.writable

    def save(self, settings: Settings) -> None:
        """Raises OSError if the file cannot be written."""
        self.settings = settings
        if self._writable:
            userfiles.write(self.path, userfiles.dump(self.path, settings.to_data(), SETTINGS_HEADER))


class PlacesFile:
    """state.json: the last place read in each corpus."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE
        loaded: Loaded[dict[str, Place]] = userfiles.read(self.path, parse_places, {})
        self.places, self.notice, self._writable = loaded.value, loaded.notice, loaded.writable

    def last(self, corpus: Path) -> Place | None:
        return self.places.get(corpus_key(corpus))

    def save(self, corpus: Path, place: Place | None) -> None:
        """Remember `place` (None forgets it) for `corpus`; raises OSError if the file cannot be written."""
        key = corpus_key(corpus)
        if place is None:
            self.places.pop(key, None)
        else:
            self.places[key] = place
        if self._writable:
            data = {"last": {k: {"article": p.article, "scroll_y": p.scroll_y} for k, p in self.places.items()}}
            userfiles.write(self.path, userfiles.dump(self.path, data))
