"""The user's key map: `keys.yaml` in the config folder, binding ids to keys.

    # kzreader keys: binding id: keys (comma-separated for several)
    main.search: ctrl+f
    main.quit: q,ctrl+x

The ids are the ones the help screen (?) shows beside each key. A bad entry
(an id no binding has, a key that cannot be read) is left out with a notice
and that binding keeps its default; a file that cannot be read at all leaves
every default. The file is the user's: the app only reads it.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kzreader.library import userfiles
from kzreader.library.userfiles import mapping

KEYMAP_FILE = "keys.yaml"


@dataclass(slots=True)
class KeymapReading:
    """The entries that can be used, and a line for each one that cannot."""

    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_keymap(folder: Path, binding_ids: Collection[str], is_key: Callable[[str], bool]) -> KeymapReading:
    """`keys.yaml` in `folder`, checked against the app's `binding_ids` and with `is_key` for each key."""
    path = folder / KEYMAP_FILE
    loaded = userfiles.read(path, lambda data: mapping(data, "the key map"), {}, keep_aside=False)
    reading = KeymapReading()
    if loaded.notice:
        reading.problems.append(loaded.notice)
    for binding_id, value in loaded.value.items():
        problem = _problem(str(binding_id), value, binding_ids, is_key)
        if problem:
            reading.problems.append(f"{path.name}: {problem}; that binding keeps its default key.")
        else:
            reading.keymap[str(binding_id)] = ",".join(_keys(value))
    return reading


def _keys(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(item).strip() for item in items]


def _problem(binding_id: str, value: Any, binding_ids: Collection[str], is_key: Callable[[str], bool]) -> str | None:
    if binding_id not in binding_ids:
        return f"no binding has the id {binding_id!r} (the help screen, ?, lists them)"
    if not isinstance(value, (str, list)) or isinstance(value, bool):
        return f"{binding_id}: {value!r} is not a key"
    keys = _keys(value)
    bad = [key for key in keys if not key or not is_key(key)]
    if not keys or bad:
        return f"{binding_id}: {bad[0] if bad else value!r} is not a key"
    return None
