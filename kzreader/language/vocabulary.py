"""A language's words as data: YAML files read once, every entry checked, errors naming the file and line.

The engines state the grammar (a day and a month, N units ago); a language's
files state the words. Each file is a mapping of entry names to lists or
mappings of words, and each accessor below says what shape an entry must
have, so a typo in a data file fails at start with `months.yaml line 12: ...`
instead of silently reading nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from kzreader import yamlfile

T = TypeVar("T")


class VocabularyError(ValueError):
    """A data file of a language that is missing, not YAML, or not of the shape an engine reads."""

    def __init__(self, path: Path, line: int | None, problem: str) -> None:
        super().__init__(f"{path}{f' line {line}' if line else ''}: {problem}")
        self.path = path
        self.line = line


@dataclass
class Vocabulary:
    """One data file: its entries by name, with the YAML nodes kept for line numbers."""

    path: Path
    _nodes: dict[str, Node]
    _values: dict[str, Any]
    _read: set[str] = field(default_factory=set)

    # -- shapes -------------------------------------------------------------
    def words(self, key: str) -> frozenset[str]:
        """A list of words, order irrelevant."""
        return frozenset(self.sequence(key))

    def sequence(self, key: str) -> tuple[str, ...]:
        """A list of words in the file's order."""
        return tuple(self._items(key, list, lambda v: isinstance(v, str) and v != "", "a non-empty string"))

    def numbers(self, key: str) -> dict[str, int | float]:
        """A mapping of word to number."""
        return self._mapping(key, lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "a number")

    def labels(self, key: str) -> dict[str, str]:
        """A mapping of word to a label or code."""
        return self._mapping(key, lambda v: isinstance(v, str) and v != "", "a non-empty string")

    def groups(self, key: str) -> dict[str, tuple[str, ...]]:
        """A mapping of a name to a list of words."""
        ok = lambda v: isinstance(v, list) and all(isinstance(w, str) and w for w in v)  # noqa: E731
        return {k: tuple(v) for k, v in self._mapping(key, ok, "a list of non-empty strings").items()}

    def rows(self, key: str, *columns: type) -> tuple[tuple[Any, ...], ...]:
        """A list of rows, each a list with one value of each of `columns`' types (`int` accepts no bool)."""
        names = ", ".join(c.__name__ for c in columns)

        def ok(row: Any) -> bool:
            return (isinstance(row, list) and len(row) == len(columns)
                    and all(_is(v, c) for v, c in zip(row, columns)))

        return tuple(tuple(r) for r in self._items(key, list, ok, f"a list of [{names}]"))

    def unread(self) -> list[str]:
        """Entries no engine asked for: data that does nothing is a mistake too."""
        return sorted(set(self._values) - self._read)

    # -- checking -----------------------------------------------------------
    def _get(self, key: str) -> Any:
        if key not in self._values:
            raise VocabularyError(self.path, None, f"no entry {key!r}")
        self._read.add(key)
        return self._values[key]

    def _line(self, key: str, index: int | None = None) -> int:
        node = self._nodes[key]
        if index is not None and isinstance(node, (SequenceNode, MappingNode)) and index < len(node.value):
            item = node.value[index]
            node = item[0] if isinstance(item, tuple) else item
        return node.start_mark.line + 1

    def _items(self, key: str, kind: type, ok: Callable[[Any], bool], what: str) -> list[Any]:
        value = self._get(key)
        if not isinstance(value, kind):
            raise VocabularyError(self.path, self._line(key), f"{key} must be a list")
        for i, item in enumerate(value):
            if not ok(item):
                raise VocabularyError(self.path, self._line(key, i), f"each item of {key} must be {what}, not {item!r}")
        return value

    def _mapping(self, key: str, ok: Callable[[Any], bool], what: str) -> dict[str, Any]:
        value = self._get(key)
        if not isinstance(value, dict):
            raise VocabularyError(self.path, self._line(key), f"{key} must be a mapping")
        for i, (word, item) in enumerate(value.items()):
            if not isinstance(word, str) or not word or not ok(item):
                raise VocabularyError(self.path, self._line(key, i),
                                      f"{key}: {word!r} must be a non-empty string mapped to {what}, not {item!r}")
        return value


def _is(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


@lru_cache(maxsize=None)
def load(path: Path) -> Vocabulary:
    """The file at `path`, read once per process."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(path, None, f"cannot read ({exc})") from None
    loader = yamlfile.LOADER(text)
    try:
        root = loader.get_single_node()
        if not isinstance(root, MappingNode):
            raise VocabularyError(path, root.start_mark.line + 1 if root else None, "must be a mapping of entries")
        nodes: dict[str, Node] = {}
        values: dict[str, Any] = {}
        for key_node, value_node in root.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise VocabularyError(path, key_node.start_mark.line + 1, f"entry name {key!r} must be a string")
            if key in nodes:
                raise VocabularyError(path, key_node.start_mark.line + 1, f"entry {key!r} given twice")
            nodes[key] = value_node
            values[key] = loader.construct_object(value_node, deep=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise VocabularyError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    return Vocabulary(path, nodes, values)
