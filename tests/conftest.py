from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def timeline_links(index_dir: Path, corpus: Path) -> set[tuple[str, str, str]]:
    """Every link of the index's timeline as (event, other event, relation): to compare two indexes' linking."""
    from kzreader.library import Library

    lib, _ = Library.open(corpus, index_dir, update=False)
    try:
        return {(ev.id, lk.event, lk.relation) for ev in lib.timeline(undated=True) for lk in ev.links}
    finally:
        lib.close()


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config, data and cache folders: the app remembers the theme, the last article and
    the searches there, and no test may read or change the real user's."""
    home = tmp_path / "user"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home


@pytest.fixture(autouse=True, scope="session")
def own_temp_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A temporary folder per test process: Whoosh's in-memory indexes write their sorting runs to
    `<tempdir>/MAIN.tmp` and delete it when done, which two test workers sharing /tmp would do to each other."""
    tempfile.tempdir = str(tmp_path_factory.mktemp("tmp"))


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds indexed once per test session (read-only for tests)."""
    from kzreader.index.indexer import refresh

    index_dir = tmp_path_factory.mktemp("seeds-index")
    refresh(SEEDS, index_dir)
    return index_dir


@pytest.fixture(scope="session")
def seeds_library(seeds_index: Path):
    from kzreader.library import Library

    lib, _ = Library.open(SEEDS, seeds_index, update=False)
    yield lib
    lib.close()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds, for tests that add, change or remove articles."""
    dest = tmp_path / "corpus"
    shutil.copytree(SEEDS, dest)
    return dest
