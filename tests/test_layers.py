"""Imports point one way, down the flow: a module never imports a layer above its own."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kzreader"

# Bottom first; a layer may import its own and those before it. `corpus` and
# `language` are both at the bottom, but an article is cut into words, so
# corpus may use language and not the reverse. `kzreader/__init__` holds only
# the version.
LAYERS = [("__init__",), ("yamlfile", "folders"), ("language",), ("corpus",), ("reading",), ("index",), ("library",),
          ("cli", "cli_corrections", "cli_search", "tui"), ("__main__",)]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def layer(dotted: str) -> str:
    """`kzreader.index.store` -> `index`; `kzreader` itself is its `__init__`."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imported(module: str, source: str) -> list[tuple[int, str]]:
    """(line, module) of every kzreader module that `source` imports, relative imports resolved."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "kzreader"]
        elif isinstance(node, ast.ImportFrom):
            base = module.split(".")[: -node.level] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if target == "kzreader":
                found += [(node.lineno, f"kzreader.{a.name}" if a.name != "__version__" else "kzreader")
                          for a in node.names]
            elif target.startswith("kzreader."):
                found.append((node.lineno, target))
    return found


def upward(module: str, source: str) -> list[str]:
    own = RANK[layer(module)]
    return [f"line {line}: {target}" for line, target in imported(module, source) if RANK[layer(target)] > own]


def dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("kzreader",) + (parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts))


def test_every_top_level_name_has_a_layer() -> None:
    names = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert names <= set(RANK), f"no layer for {sorted(names - set(RANK))}: add it to LAYERS"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_layer_above_its_own(path: Path) -> None:
    bad = upward(dotted(path), path.read_text(encoding="utf-8"))
    assert not bad, f"{path.relative_to(PACKAGE)} imports upward: {bad}"


def test_an_upward_import_is_caught_in_every_form() -> None:
    source = (
        "from kzreader.index.store import Store\n"
        "from kzreader import reading\n"
        "import kzreader.library.facade\n"
        "from ..index import search\n"
        "from kzreader.language.tokens import WORD\n"
    )
    assert [line.split(":")[0] for line in upward("kzreader.corpus.x", source)] == [
        "line 1", "line 2", "line 3", "line 4"]
