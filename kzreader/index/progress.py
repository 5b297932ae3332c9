"""How a refresh says what it is doing: a step and how far it got, and lines for the reader."""
from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
Log = Callable[[str], None]
