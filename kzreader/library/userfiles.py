"""The user's own files (settings, saved searches, search history): read forgivingly, written atomically.

They are the user's, like the articles: a file that cannot be read gives a
one-line notice and the app starts with defaults; a damaged file is moved
aside under a new name (never deleted, never overwritten) before the app
writes a fresh one. Writing goes to a temporary file in the same folder that
is then renamed over the old one, so a crash mid-write leaves the old file.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from kzreader import yamlfile

T = TypeVar("T")


class ShapeError(ValueError):
    """A file that parses but does not hold what it should (a list where a mapping belongs, say)."""


def mapping(data: Any, what: str) -> dict[str, Any]:
    """`data` as a mapping (an empty file is an empty one); ShapeError otherwise."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ShapeError(f"{what} should be a mapping, not {type(data).__name__}")
    return data


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """What a file held (or the default), a notice for the user if it could not be read, and whether the app
    may write the file (not when it could neither be read nor moved aside)."""

    value: T
    notice: str | None = None
    writable: bool = True


def is_yaml(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml")


def read(path: Path, parse: Callable[[Any], T], default: T, *, keep_aside: bool = True) -> Loaded[T]:
    """`parse` of the YAML or JSON in `path` (by its suffix); `default` if the file is missing.

    `parse` raises `ShapeError` (or ValueError, KeyError, TypeError) for data of the wrong shape. A file
    the app writes is moved aside when damaged (`keep_aside`), so the next save cannot overwrite it; a
    file only the user writes (the key map) is left where it is.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(default)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        return Loaded(default, f"{path} could not be read ({reason}); using defaults, and not writing it.", False)
    try:
        data = yamlfile.load(raw) if is_yaml(path) else json.loads(raw)
        return Loaded(parse(data))
    except (ValueError, KeyError, TypeError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if not keep_aside:
            return Loaded(default, f"{path}: {problem}; using the defaults.", True)
        kept = _move_aside(path)
        if kept is None:
            return Loaded(default, f"{path}: {problem}; using defaults, and leaving the file as it is.", False)
        return Loaded(default, f"{path}: {problem}; using defaults. The file is kept as {kept.name}.", True)


def _move_aside(path: Path) -> Path | None:
    """Rename `path` to `<name>.damaged` (or `.damaged-2`, ...), never over an existing file."""
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.damaged" + (f"-{n}" if n > 1 else ""))
        if target.exists():
            continue
        try:
            # A hard link then unlink never replaces a file that appeared meanwhile (os.rename would).
            os.link(path, target)
            os.unlink(path)
            return target
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def dump(path: Path, data: Any, header: str = "") -> str:
    """`data` as the text of `path`: YAML (after a comment `header`) or indented JSON."""
    if is_yaml(path):
        comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
        return comment + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically: a temporary file in the same folder, flushed, then renamed.

    Raises OSError; the old file is untouched then.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
