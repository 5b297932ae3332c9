"""YAML from users' files: safe loading only, and errors that say where."""
from __future__ import annotations

from typing import Any

import yaml


class YAMLProblem(ValueError):
    """Text that is not valid YAML; `where` is ` line N, column M` or empty."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"not valid YAML{' at' + where if where else ''}: {problem}")
        self.where = where
        self.problem = problem


# libyaml's safe loader when the wheel has it: the same plain data and nodes, about ten times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(raw: str) -> Any:
    """`yaml.safe_load`: plain data only, never objects built from tags."""
    try:
        return yaml.load(raw, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YAMLProblem(where, problem) from None
