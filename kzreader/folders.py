"""Where kzreader keeps what it can always make again: the user's cache folder (XDG_CACHE_HOME, else ~/.cache)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kzreader"
