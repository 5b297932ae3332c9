"""The domain code never imports Textual: any view can sit on it, and the CLI stays light."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import kzreader

ROOT = Path(__file__).resolve().parent.parent


def test_no_domain_module_imports_textual() -> None:
    modules = sorted(
        m.name for m in pkgutil.walk_packages(kzreader.__path__, "kzreader.")
        if not m.name.startswith("kzreader.tui") and m.name != "kzreader.__main__"
    )
    assert "kzreader.library.facade" in modules and "kzreader.reading.timex" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"textual imported by the domain: {out.stdout.strip()}"
